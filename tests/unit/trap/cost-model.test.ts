import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runWorkload, STRATEGY_IDS, WORKLOAD_IDS, normalizeCostModel, DEFAULT_COST_MODEL } from '../../../lib/trap/index.ts';

const costArbitrary = fc.record({
  instruction: fc.integer({ min: 1, max: 10 }), interrupt: fc.nat(100), trap: fc.nat(5000), emulate: fc.nat(1000),
  translate: fc.nat(200), callout: fc.nat(500), hypercall: fc.nat(5000), vmExit: fc.nat(5000),
});

describe('the cost model', () => {
  it('changes cycles only: what happens, and whether the guest behaves, never depends on it', () => {
    fc.assert(
      fc.property(costArbitrary, fc.constantFrom(...WORKLOAD_IDS), fc.constantFrom(...STRATEGY_IDS), (cost, workload, strategy) => {
        const a = runWorkload(workload, strategy);
        const b = runWorkload(workload, strategy, { cost });
        if ('errors' in a || 'errors' in b) throw new Error('assembly failed');
        expect({ ...b.counters, cycles: 0 }).toEqual({ ...a.counters, cycles: 0 });
        expect(b.equivalent).toBe(a.equivalent);
        expect(b.console).toEqual(a.console);
      }),
      { numRuns: 40 },
    );
  });

  it('normalizes untrusted input to non-negative integers, falling back to the defaults', () => {
    expect(normalizeCostModel(undefined)).toEqual(DEFAULT_COST_MODEL);
    expect(normalizeCostModel({ trap: 12.4, vmExit: -1, emulate: Number.NaN })).toEqual({ ...DEFAULT_COST_MODEL, trap: 12 });
  });
});
