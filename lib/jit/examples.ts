/**
 * Programs that make the JIT worth watching: a hot loop, an array-heavy sort and a call-heavy
 * recursion (the same three kinds the benchmark measures, sized for a browser tab).
 */
export interface JitExample {
  readonly id: string;
  readonly title: string;
  readonly source: string;
}

export const JIT_EXAMPLES: readonly JitExample[] = [
  {
    id: 'hot-loop',
    title: 'Hot loop: a sum in two nested loops',
    source: `program hotloop(output);
var i, j, s: integer;
begin
  s := 0;
  for i := 1 to 600 do
    for j := 1 to 500 do
      s := (s + i * j) mod 1000003;
  writeln('sum = ', s:1)
end.
`,
  },
  {
    id: 'bubble-sort',
    title: 'Arrays: bubble sort of 1,000 numbers',
    source: `program bubble(output);
const n = 1000;
var a: array[1..n] of integer;
    i, j, t: integer;
begin
  for i := 1 to n do a[i] := (i * 7919) mod 1009;
  for i := 1 to n - 1 do
    for j := 1 to n - i do
      if a[j] > a[j + 1] then begin
        t := a[j]; a[j] := a[j + 1]; a[j + 1] := t
      end;
  writeln('smallest ', a[1]:1, ', largest ', a[n]:1)
end.
`,
  },
  {
    id: 'fib',
    title: 'Calls: recursive Fibonacci',
    source: `program fibonacci(output);
var k: integer;
function fib(n: integer): integer;
begin
  if n < 2 then fib := n else fib := fib(n - 1) + fib(n - 2)
end;
begin
  for k := 20 to 25 do write(fib(k):7);
  writeln
end.
`,
  },
];
