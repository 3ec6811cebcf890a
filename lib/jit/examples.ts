/**
 * Programs that make the JIT worth watching: a hot loop, an array-heavy sort and a call-heavy
 * recursion (the same three kinds the benchmark measures, sized for a browser tab).
 */
import type { LocalizedText } from '../book/localized-text.ts';

export interface JitExample {
  readonly id: string;
  /** The title in English (the same as `titles.en`). */
  readonly title: string;
  /** The title in every edition of the book. */
  readonly titles: LocalizedText;
  readonly source: string;
}

const examples: readonly Omit<JitExample, 'title'>[] = [
  {
    id: 'hot-loop',
    titles: { en: 'Hot loop: a sum in two nested loops', 'zh-CN': '热循环：两重循环求和' },
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
    titles: { en: 'Arrays: bubble sort of 1,000 numbers', 'zh-CN': '数组：对 1,000 个数冒泡排序' },
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
    titles: { en: 'Calls: recursive Fibonacci', 'zh-CN': '调用：递归斐波那契' },
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

export const JIT_EXAMPLES: readonly JitExample[] = examples.map((e) => ({ ...e, title: e.titles.en }));
