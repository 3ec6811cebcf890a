/**
 * The JIT has the interpreter's memory model: the same stack (the main program's variables plus
 * 2^20 words for calls), so a program that runs on one runs on the other, and the lab's speed
 * measurement never charts a run whose engines ended differently.
 */
import { describe, expect, test, vi } from 'vitest';
import { compileProgram, formatDiagnostic } from '../../../lib/pascal/index.ts';
import { PMachine, defaultStackWords, wordRuntimeError } from '../../../lib/pcode/index.ts';
import type { PProgram } from '../../../lib/pcode/index.ts';
import { JitMachine, measureSpeed } from '../../../lib/jit/index.ts';

function compiled(source: string): PProgram {
  const result = compileProgram(source);
  if (!result.program) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
  return result.program;
}

const bigArray = compiled(`program big;
var a: array[1..1000000] of integer;
    i, s: integer;
begin
  for i := 1 to 1000000 do a[i] := 3;
  s := 0;
  for i := 1 to 1000000 do s := s + a[i];
  writeln(s)
end.`);

const deepRecursion = compiled(`program deep;
function depth(n: integer): integer;
begin
  if n = 0 then depth := 0 else depth := depth(n - 1) + 1
end;
begin
  writeln(depth(150000))
end.`);

async function onJit(program: PProgram) {
  const jit = new JitMachine({ ...program, code: program.code.slice() }, { instantiate: 'sync', threshold: 5 });
  const outcome = await jit.runToEnd();
  return { outcome, output: jit.machine.output, error: jit.machine.error ? wordRuntimeError(jit.machine.error) : null, steps: jit.machine.steps };
}

function onInterpreter(program: PProgram) {
  const m = new PMachine(program);
  const outcome = m.run(1e9);
  return { outcome, output: m.output, error: m.error ? wordRuntimeError(m.error) : null, steps: m.steps };
}

describe('the JIT has the interpreter’s memory', () => {
  test('its stack is as large as the interpreter’s', () => {
    const jit = new JitMachine(bigArray);
    expect(jit.machine.stack.length).toBe(new PMachine(bigArray).stack.length);
    expect(jit.machine.stack.length).toBe(defaultStackWords(bigArray));
    expect(jit.memory.buffer.byteLength).toBeGreaterThanOrEqual(16 + 4 * defaultStackWords(bigArray));
  });

  test('an array of a million integers: filled and summed alike on both engines', async () => {
    const interpreted = onInterpreter(bigArray);
    expect(interpreted).toMatchObject({ outcome: 'halted', output: '    3000000\n', error: null });
    expect(await onJit(bigArray)).toEqual(interpreted);
  });

  test('recursion 150,000 calls deep runs on both engines', async () => {
    const interpreted = onInterpreter(deepRecursion);
    expect(interpreted).toMatchObject({ outcome: 'halted', output: '     150000\n', error: null });
    expect(await onJit(deepRecursion)).toEqual(interpreted);
  });
});

describe('measureSpeed', () => {
  test('a program that needs the whole memory measures alike on every engine', async () => {
    const outcome = await measureSpeed(bigArray, { runs: 1 });
    expect(outcome.status).toBe('done');
    expect(new Set(outcome.results.map((r) => `${r.outcome} ${r.output} ${r.error}`))).toEqual(new Set(['halted     3000000\n ']));
  });

  test('engines that end differently are reported as "disagree", and the lab charts only "done"', async () => {
    const original = JitMachine.prototype.run;
    // A JIT bug, simulated: one instruction too many counted at the end.
    const spy = vi.spyOn(JitMachine.prototype, 'run').mockImplementation(function (this: JitMachine, budget: number) {
      const outcome = original.call(this, budget);
      if (outcome === 'halted') this.machine.steps++;
      return outcome;
    });
    try {
      const outcome = await measureSpeed(deepRecursion, { runs: 1 });
      expect(outcome.status).toBe('disagree');
    } finally {
      spy.mockRestore();
    }
  });
});
