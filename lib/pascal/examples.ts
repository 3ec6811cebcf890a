/** Example programs for the P-code lab's menu (each is also checked by the unit tests). */
import type { LocalizedText } from '../book/localized-text.ts';

export interface PascalExample {
  readonly id: string;
  /** The title in English (the same as `titles.en`). */
  readonly title: string;
  /** The title in every edition of the book. */
  readonly titles: LocalizedText;
  readonly source: string;
  /** Input for programs that read. */
  readonly input: string;
}

const examples: readonly Omit<PascalExample, 'title'>[] = [
  {
    id: 'hello',
    titles: { en: 'Hello, world', 'zh-CN': '你好，世界' },
    input: '',
    source: `program hello(output);
begin
  writeln('Hello from the P-machine!')
end.
`,
  },
  {
    id: 'factorial',
    titles: { en: 'Factorial (recursion)', 'zh-CN': '阶乘（递归）' },
    input: '',
    source: `program factorial(output);
var i: integer;

function fact(n: integer): integer;
begin
  if n <= 1 then fact := 1
  else fact := n * fact(n - 1)
end;

begin
  for i := 1 to 10 do
    writeln(i:2, '! = ', fact(i):8)
end.
`,
  },
  {
    id: 'hanoi',
    titles: { en: 'Towers of Hanoi', 'zh-CN': '汉诺塔' },
    input: '',
    source: `program hanoi(output);
var moves: integer;

procedure move(n: integer; from, onto, via: char);
begin
  if n > 0 then begin
    move(n - 1, from, via, onto);
    moves := moves + 1;
    writeln('move disk ', n:1, ' from ', from, ' to ', onto);
    move(n - 1, via, onto, from)
  end
end;

begin
  moves := 0;
  move(3, 'A', 'C', 'B');
  writeln(moves:1, ' moves')
end.
`,
  },
  {
    id: 'sieve',
    titles: { en: 'Sieve of Eratosthenes (arrays)', 'zh-CN': '埃拉托斯特尼筛法（数组）' },
    input: '',
    source: `program sieve(output);
const n = 100;
var prime: array[2..n] of boolean;
    i, j: integer;
begin
  for i := 2 to n do prime[i] := true;
  for i := 2 to n do
    if prime[i] then begin
      write(i:4);
      j := i * i;
      while j <= n do begin
        prime[j] := false;
        j := j + i
      end
    end;
  writeln
end.
`,
  },
  {
    id: 'static-links',
    titles: { en: 'Nested procedures (static links)', 'zh-CN': '嵌套过程（静态链）' },
    input: '',
    source: `program staticlinks(output);
{ inner reaches total two levels out and n one level out:
  the static links lead there, whoever called whom. }
var total: integer;

procedure outer(n: integer);
var count: integer;

  procedure middle(m: integer);

    procedure inner;
    begin
      count := count + 1;
      total := total + n * m
    end;

  begin
    inner;
    if m > 1 then middle(m - 1)
  end;

begin
  count := 0;
  middle(3);
  writeln('outer(', n:1, '): inner ran ', count:1, ' times')
end;

begin
  total := 0;
  outer(10);
  outer(100);
  writeln('total = ', total:1)
end.
`,
  },
  {
    id: 'records',
    titles: { en: 'Records and var parameters', 'zh-CN': '记录与 var 参数' },
    input: '',
    source: `program records(output);
type point = record x, y: integer end;
     segment = record from, upto: point end;
var s: segment;
    p: point;

procedure shift(var q: point; dx, dy: integer);
begin
  q.x := q.x + dx;
  q.y := q.y + dy
end;

function length2(s: segment): integer;
begin
  length2 := sqr(s.upto.x - s.from.x) + sqr(s.upto.y - s.from.y)
end;

begin
  p.x := 1; p.y := 2;
  s.from := p;
  s.upto := p;
  shift(s.upto, 3, 4);
  writeln('squared length: ', length2(s):1);
  writeln('p is still (', p.x:1, ', ', p.y:1, ')')
end.
`,
  },
  {
    id: 'input',
    titles: { en: 'Reading input (sum of numbers)', 'zh-CN': '读取输入（数字求和）' },
    input: '3 4 5\n10\n',
    source: `program sum(input, output);
var n, total, count: integer;
begin
  total := 0; count := 0;
  while not eof do begin
    read(n);
    total := total + n;
    count := count + 1;
    if eoln then readln
  end;
  writeln(count:1, ' numbers, sum ', total:1)
end.
`,
  },
  {
    id: 'runaway',
    titles: { en: 'A loop that never ends', 'zh-CN': '永不结束的循环' },
    input: '',
    source: `program forever(output);
var i: integer;
begin
  i := 0;
  while true do
    i := i + 1
end.
`,
  },
];

export const PASCAL_EXAMPLES: readonly PascalExample[] = examples.map((e) => ({ ...e, title: e.titles.en }));
