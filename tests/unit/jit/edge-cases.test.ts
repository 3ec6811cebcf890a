/**
 * Hand-picked corners where compiled code must stop and hand over, or compute exactly what the
 * interpreter computes: stack overflow, errors in the middle of a block with values still on the
 * evaluation stack, integer wrap-around, and minint div -1 (which traps in WebAssembly).
 */
import { describe, expect, test } from 'vitest';
import { compileProgram } from '../../../lib/pascal/index.ts';
import type { JitMode } from '../../../lib/jit/index.ts';
import { runInterpreter, runJit } from './run-both.ts';

const cases: Record<string, string> = {
  'stack overflow in deep recursion': `program deep(output);
function r(n: integer): integer; begin r := r(n + 1) + 1 end;
begin writeln(r(0):1) end.`,
  'index out of range with values pending': `program idx(output);
var a: array[1..10] of integer; i, s: integer;
begin
  s := 0;
  for i := 1 to 100 do s := s + i * 2 + a[i mod 11 + (i div 60) * 5];
  writeln(s:1)
end.`,
  'division by zero late in a hot loop': `program dz(output);
var i, s: integer;
begin
  s := 0;
  for i := 1 to 500 do s := s + 1000 div (300 - i);
  writeln(s:1)
end.`,
  'mod by a negative divisor': `program md(output);
var i, s: integer;
begin
  s := 0;
  for i := 0 to 500 do s := (s + 7) mod (249 - 2 * i);
  writeln(s:1)
end.`,
  'wrap-around and minint div -1': `program wrap(output);
var i, x, y: integer;
begin
  x := 1;
  for i := 1 to 40 do x := x * 3 + i;
  y := -2147483647 - 1;
  for i := 1 to 30 do begin writeln(y div (-1):1, ' ', abs(y):1, ' ', -y:1, ' ', y mod 7:1); y := y + 1 end;
  writeln(x:1)
end.`,
  'case without a matching label': `program cs(output);
var i, s: integer;
begin
  s := 0;
  for i := 1 to 100 do
    case i mod 7 of 0, 1, 2: s := s + 1; 3..5: s := s - 1 end;
  writeln(s:1)
end.`,
};

describe.each<JitMode>(['dispatcher', 'chaining'])('edge cases (%s)', (mode) => {
  for (const [name, source] of Object.entries(cases)) {
    test(name, async () => {
      const { program, diagnostics } = compileProgram(source);
      expect(diagnostics).toEqual([]);
      const expected = runInterpreter(program!, '', 10_000_000, 4096);
      for (const threshold of [1, 3]) {
        const got = await runJit(program!, '', 10_000_000, 4096, { threshold, mode, instantiate: 'sync' });
        expect({ ...got, jit: undefined }).toEqual({ ...expected, jit: undefined });
        expect(got.jit.stats().tiers.interpreter).toBeLessThan(got.steps);
      }
    });
  }
});
