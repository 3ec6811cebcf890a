import { describe, expect, test } from 'vitest';
import { compileProgram } from '../../../lib/pascal/index.ts';
import { JIT_EXAMPLES, JitMachine, decodeJitLabHash, encodeJitLabHash } from '../../../lib/jit/index.ts';
import type { JitMode, JitStats } from '../../../lib/jit/index.ts';
import { encodeShareHash } from '../../../lib/pcode/index.ts';

function program(source: string) {
  const { program: compiled } = compileProgram(source);
  if (!compiled) throw new Error('does not compile');
  return compiled;
}

/** What the lab and the exercises show of a run. */
const counts = (stats: JitStats, mode: JitMode) => ({
  tiers: stats.tiers,
  translations: stats.translations,
  misses: stats.cacheMisses,
  // In tier 2 a slice boundary is one more entry into the region; tier 1 enters once per block.
  ...(mode === 'dispatcher' ? { hits: stats.cacheHits } : {}),
});

describe.each<JitMode>(['dispatcher', 'chaining'])('deterministic translation (%s)', (mode) => {
  test.each(JIT_EXAMPLES.map((e) => [e.id, e.source] as const))(
    '%s: compiling in the background in slices of any size counts as compiling on the spot in one go',
    async (_id, source) => {
      const reference = new JitMachine(program(source), { threshold: 7, mode, instantiate: 'sync', deterministic: true });
      expect(reference.run(50_000_000)).toBe('halted');
      for (const sliceBudget of [1, 50, 20_000]) {
        const jit = new JitMachine(program(source), { threshold: 7, mode, instantiate: 'async', deterministic: true });
        await expect(jit.runToEnd({ sliceBudget })).resolves.toBe('halted');
        expect(jit.machine.output).toBe(reference.machine.output);
        expect(counts(jit.stats(), mode)).toEqual(counts(reference.stats(), mode));
      }
    },
  );
});

test('a deterministic run asks for no instruction while a translation is being compiled', async () => {
  const jit = new JitMachine(program(JIT_EXAMPLES[0]!.source), { threshold: 3, mode: 'dispatcher', deterministic: true });
  while (!jit.translating) expect(jit.run(1)).toBe('budget');
  const steps = jit.machine.steps;
  expect(jit.run(1000)).toBe('budget');
  expect(jit.machine.steps).toBe(steps);
  await jit.settle();
  expect(jit.run(1000)).toBe('budget');
  expect(jit.machine.steps).toBeGreaterThan(steps);
});

describe('the JIT lab link', () => {
  const state = { source: 'program p;\nbegin writeln(1) end.', input: '3 4', threshold: 20, mode: 'dispatcher' as const, deterministic: true };

  test('round-trips program, input and settings', () => {
    expect(decodeJitLabHash(encodeJitLabHash(state))).toEqual({ kind: 'state', state });
  });

  test('refuses settings out of range and a damaged hash; a P-code link is not a JIT link', () => {
    const far = decodeJitLabHash(encodeJitLabHash({ ...state, threshold: 10_000, mode: 'turbo' as JitMode }));
    expect(far).toEqual({ kind: 'state', state: { ...state, threshold: 10, mode: 'chaining' } });
    expect(decodeJitLabHash('#jit=%%%')).toEqual({ kind: 'invalid', problem: { code: 'notBase64Url' } });
    expect(decodeJitLabHash(encodeShareHash(state))).toEqual({ kind: 'none' });
  });
});
