import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_LAB_SETUP, DEFAULT_COST_MODEL, decodeLabSetupHash, encodeLabSetupHash, normalizeLabSetup, parseLabSetup,
  serializeLabSetup, STRATEGY_IDS, WORKLOAD_IDS, PV_BATCH_SIZES, SENSITIVE_UNPRIVILEGED,
} from '../../../lib/trap/index.ts';
import type { LabSetup } from '../../../lib/trap/index.ts';

const setupArbitrary: fc.Arbitrary<LabSetup> = fc.record({
  workload: fc.constantFrom(...WORKLOAD_IDS),
  strategy: fc.constantFrom(...STRATEGY_IDS),
  cost: fc.record({
    instruction: fc.nat(1000), interrupt: fc.nat(1000), trap: fc.nat(10000), emulate: fc.nat(10000),
    translate: fc.nat(1000), callout: fc.nat(1000), hypercall: fc.nat(10000), vmExit: fc.nat(10000),
  }),
  vmcs: fc.record({
    hltExiting: fc.boolean(), ioExiting: fc.boolean(), descriptorTableExiting: fc.boolean(),
    cr0Exiting: fc.boolean(), externalInterruptExiting: fc.boolean(),
  }),
  trappingSensitive: fc.subarray([...SENSITIVE_UNPRIVILEGED]),
  pvBatchSize: fc.constantFrom(...PV_BATCH_SIZES),
});

describe('lab setup persistence and share links', () => {
  it('round-trips through localStorage JSON and through the URL hash', () => {
    fc.assert(
      fc.property(setupArbitrary, (setup) => {
        expect(parseLabSetup(serializeLabSetup(setup))).toEqual(setup);
        const hash = encodeLabSetupHash(setup);
        expect(hash).toMatch(/^#trap=[A-Za-z0-9_-]+$/);
        expect(decodeLabSetupHash(hash)).toEqual(setup);
      }),
    );
  });

  it('returns null for a hash that carries no setup, and defaults for garbage', () => {
    expect(decodeLabSetupHash('')).toBeNull();
    expect(decodeLabSetupHash('#other=1')).toBeNull();
    expect(decodeLabSetupHash('#trap=%%%')).toBeNull();
    expect(decodeLabSetupHash('#trap=bm90IGpzb24')).toEqual(DEFAULT_LAB_SETUP); // "not json"
    expect(parseLabSetup('{')).toEqual(DEFAULT_LAB_SETUP);
    expect(parseLabSetup(null)).toEqual(DEFAULT_LAB_SETUP);
  });

  it('replaces every malformed field with its default and keeps only known values', () => {
    const setup = normalizeLabSetup({
      workload: '<img src=x onerror=alert(1)>',
      strategy: 'bare-metal-but-not-really',
      cost: { trap: -5, vmExit: 'lots', callout: 7.6, hypercall: 1e12 },
      vmcs: { ioExiting: 'no', hltExiting: false },
      trappingSensitive: ['POPF', 'CLI', '<script>', 'SIDT'],
      pvBatchSize: 3,
    });
    expect(setup).toEqual({
      ...DEFAULT_LAB_SETUP,
      cost: { ...DEFAULT_COST_MODEL, callout: 8 },
      vmcs: { ...DEFAULT_LAB_SETUP.vmcs, hltExiting: false },
      trappingSensitive: ['POPF', 'SIDT'],
    });
  });

  it('never lets any input produce a value outside the allowed sets', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const s = normalizeLabSetup(input);
        expect(WORKLOAD_IDS).toContain(s.workload);
        expect([...STRATEGY_IDS, 'bare-metal']).toContain(s.strategy);
        expect(PV_BATCH_SIZES).toContain(s.pvBatchSize);
        for (const v of Object.values(s.cost)) expect(Number.isInteger(v) && v >= 0).toBe(true);
      }),
    );
  });
});
