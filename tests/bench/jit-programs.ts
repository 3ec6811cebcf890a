/**
 * The three programs the JIT bench times (tests/bench/jit.bench.ts), shared with the unit tests
 * that read the code the JIT makes of them (tests/unit/jit/structured-loops.test.ts): what is
 * pinned there is what is timed here.
 */
export interface JitBenchProgram {
  readonly name: 'loops' | 'arrays' | 'calls';
  /** What it does, for the bench's table. */
  readonly kind: string;
  readonly source: string;
}

export const JIT_BENCH_PROGRAMS: readonly JitBenchProgram[] = [
  {
    name: 'loops',
    kind: 'nested for loops, integer arithmetic',
    source: `program loops(output);
var i, j, s: integer;
begin
  s := 0;
  for i := 1 to 3000 do
    for j := 1 to 1000 do
      s := (s + i * j) mod 1000003;
  writeln(s:1)
end.
`,
  },
  {
    name: 'arrays',
    kind: 'bubble sort of 1,500 integers, twice',
    source: `program arrays(output);
var a: array[1..1500] of integer;
    i, j, t, pass, sum: integer;
begin
  sum := 0;
  for pass := 1 to 2 do begin
    for i := 1 to 1500 do a[i] := (i * 7919 + pass) mod 2003;
    for i := 1 to 1499 do
      for j := 1 to 1500 - i do
        if a[j] > a[j + 1] then begin t := a[j]; a[j] := a[j + 1]; a[j + 1] := t end;
    sum := sum + a[1] + a[750] + a[1500]
  end;
  writeln(sum:1)
end.
`,
  },
  {
    name: 'calls',
    kind: 'recursive fib(27)',
    source: `program calls(output);
function fib(n: integer): integer;
begin
  if n < 2 then fib := n else fib := fib(n - 1) + fib(n - 2)
end;
begin
  writeln(fib(27):1)
end.
`,
  },
];

/** The bench program called `name`. */
export function jitBenchProgram(name: JitBenchProgram['name']): JitBenchProgram {
  return JIT_BENCH_PROGRAMS.find((p) => p.name === name)!;
}
