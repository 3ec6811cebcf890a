/**
 * Seeded random Pascal programs for differential testing: loops, arrays, case, procedures with var
 * parameters, recursive functions, I/O, and the runtime errors (division by zero, mod by a negative
 * number, index out of range, no matching case label) that the interpreter and the JIT must report alike.
 */

import { seededRandom } from '../../seeded-random.ts';

export function generateRandomProgram(seed: number): string {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const chance = (p: number) => rnd() < p;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const scalars = ['x', 'y', 'z'];
  let budget = 40;

  function expr(depth: number, locals: readonly string[], inFunction: boolean): string {
    budget--;
    if (depth <= 0 || budget <= 0 || chance(0.3)) {
      const leaf = int(0, 9);
      if (leaf < 3) return String(int(-20, 40));
      if (leaf < 7) return pick([...scalars, ...locals]);
      if (leaf < 9) return `a[${index(locals)}]`;
      return `m[${int(1, 3)}, ${int(1, 3)}]`;
    }
    const e = () => expr(depth - 1, locals, inFunction);
    switch (int(0, 9)) {
      case 0:
        return `(${e()} + ${e()})`;
      case 1:
        return `(${e()} - ${e()})`;
      case 2:
        return `(${e()} * ${e()})`;
      case 3:
        return chance(0.8) ? `(${e()} div ${int(1, 7)})` : `(${e()} div ${e()})`;
      case 4:
        return chance(0.8) ? `(${e()} mod ${int(1, 9)})` : `(${e()} mod ${e()})`;
      case 5:
        return `abs(${e()})`;
      case 6:
        return `sqr(${e()} mod 100)`;
      case 7:
        return inFunction ? `(${e()} + 1)` : `f(${int(0, 6)}, ${e()})`;
      case 8:
        return `-${pick(scalars)}`;
      default:
        return `(${e()} + ${int(1, 5)})`;
    }
  }

  function index(locals: readonly string[]): string {
    if (chance(0.93)) return `(${pick([...scalars, ...locals])} mod 10 + 10) mod 10`;
    return pick([...scalars, ...locals]);
  }

  function cond(locals: readonly string[], inFunction: boolean): string {
    const c = () => `(${expr(1, locals, inFunction)} ${pick(['<', '<=', '>', '>=', '=', '<>'])} ${expr(1, locals, inFunction)})`;
    switch (int(0, 4)) {
      case 0:
        return `${c()} and ${c()}`;
      case 1:
        return `${c()} or not ${c()}`;
      case 2:
        return `odd(${expr(1, locals, inFunction)})`;
      default:
        return c();
    }
  }

  function statement(depth: number, locals: readonly string[], inFunction: boolean): string {
    budget--;
    const target = pick(inFunction ? [...scalars, 't'] : scalars);
    if (depth <= 0 || budget <= 0) return `${target} := ${expr(2, locals, inFunction)}`;
    const s = () => statement(depth - 1, locals, inFunction);
    const loopVar = ['i', 'j', 'k'][3 - depth] ?? 'k';
    switch (int(0, 11)) {
      case 0:
      case 1:
        return `${target} := ${expr(3, locals, inFunction)}`;
      case 2:
        return `a[${index(locals)}] := ${expr(2, locals, inFunction)}`;
      case 3:
        return `if ${cond(locals, inFunction)} then ${s()} else ${s()}`;
      case 4:
        return inFunction ? `${target} := ${target} + 1` : `for ${loopVar} := ${int(-2, 3)} to ${int(0, 12)} do begin ${s()}; ${s()} end`;
      case 5: {
        if (inFunction) return `t := t - 1`;
        const w = `w${depth}`;
        return `begin ${w} := 0; while (${w} < ${int(1, 15)}) and (${cond(locals, inFunction)}) do begin ${s()}; ${w} := ${w} + 1 end end`;
      }
      case 6:
        return `case ${expr(1, locals, inFunction)} mod ${pick([3, 4, 5])} of 0: ${s()}; 1, 2: ${s()}; 3: ${s()} end`;
      case 7:
        return inFunction ? `t := t + 2` : `write(${expr(2, locals, inFunction)}:${int(1, 6)}, ' ')`;
      case 8:
        return inFunction ? `t := 3` : `writeln(${expr(2, locals, inFunction)}:1)`;
      case 9:
        return inFunction ? `t := t * 2` : `p(${pick(scalars)}, ${expr(2, locals, inFunction)})`;
      case 10:
        return inFunction ? `t := 0` : `begin r := ${int(0, 6)}; repeat ${s()}; r := r + 1 until r > ${int(2, 9)} end`;
      default:
        return inFunction ? `t := t + u` : `begin m[${int(1, 3)}, ${int(1, 3)}] := ${expr(2, locals, inFunction)}; ${pick(scalars)} := m[${int(1, 3)}, ${int(1, 3)}] end`;
    }
  }

  const body = (n: number, depth: number, locals: readonly string[], inFunction: boolean) =>
    Array.from({ length: n }, () => statement(depth, locals, inFunction)).join(';\n  ');
  budget = 30;
  const fBody = body(int(1, 3), 2, ['n', 'u', 't'], true);
  budget = 30;
  const pBody = body(int(1, 3), 2, ['v', 'q'], true).replace(/\bt\b/g, 'q').replace(/\bu\b/g, 'v');
  budget = 60;
  const main = body(int(3, 7), 3, [], false);
  return `program random${seed}(output);
var a: array[0..9] of integer;
    m: array[1..3, 1..3] of integer;
    x, y, z, i, j, k, r, w1, w2, w3: integer;
function f(n: integer; u: integer): integer;
var t: integer;
begin
  t := u;
  ${fBody};
  if n > 0 then t := t + f(n - 1, t mod 100);
  f := t
end;
procedure p(var v: integer; q: integer);
begin
  ${pBody};
  v := v + q
end;
begin
  x := ${int(-5, 20)}; y := ${int(-5, 20)}; z := ${int(-5, 20)};
  ${main};
  writeln(x:1, ' ', y:1, ' ', z:1, ' ', a[${int(0, 9)}]:1)
end.
`;
}
