import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordMessage } from '../../../lib/book/localized-text.ts';
import {
  computeDensity,
  containerPlan,
  countThatFits,
  DEFAULT_DENSITY_INPUTS,
  DENSITY_DEFAULT_SOURCES,
  DENSITY_FIELD_RANGES,
  DENSITY_SOURCES,
  densityCurve,
  GUEST_PRESETS,
  densityInputIssues,
  densityProblemWordings,
  memoryUsedMiB,
  vmPlan,
  type DensityInputs,
} from '../../../lib/density/index.ts';

const inputs = (changes: Partial<DensityInputs> = {}): DensityInputs => ({ ...DEFAULT_DENSITY_INPUTS, ...changes });

describe('the defaults', () => {
  it('are valid inputs', () => {
    expect(densityInputIssues(inputs())).toEqual([]);
  });

  it('each name at least one source, and every source named exists and has a web address', () => {
    const ids = new Set(DENSITY_SOURCES.map((source) => source.id));
    for (const [field, sources] of Object.entries(DENSITY_DEFAULT_SOURCES)) {
      expect(sources.length, field).toBeGreaterThan(0);
      for (const id of sources) expect(ids.has(id), `${field} → ${id}`).toBe(true);
    }
    for (const source of DENSITY_SOURCES) expect(source.url.en).toMatch(/^(https:\/\/|#)/);
  });

  it('use the figures their sources give', () => {
    // Red Hat: RHEL 7 needs at least 1 GB; VMware: 25.90 MB overhead for 1 vCPU / 1024 MB;
    // VMware: nearly identical VMs may free "more than thirty percent".
    expect(DEFAULT_DENSITY_INPUTS.guestOsMiB).toBe(1024);
    expect(DEFAULT_DENSITY_INPUTS.hostReserveMiB).toBe(1024);
    expect(DEFAULT_DENSITY_INPUTS.vmOverheadMiB).toBe(26);
    expect(DEFAULT_DENSITY_INPUTS.ksmSavings).toBe(0.3);
    expect(GUEST_PRESETS.find((preset) => preset.id === 'centos7')?.guestOsMiB).toBe(1024);
  });
});

describe('the worked example (defaults: 16 GiB host, CentOS 7 guests, a 250 MiB chat client)', () => {
  it('fits 11 VMs without KSM', () => {
    // 1024 reserve + n × (26 + 1024 + 150 + 100) = 1024 + 1300 n ≤ 16384 → n = 11
    const result = computeDensity(inputs());
    expect(result.vm.firstMiB).toBe(1300);
    expect(result.vm.eachMiB).toBe(1300);
    expect(result.vm.fits).toBe(11);
  });

  it('fits 16 VMs with KSM saving 30 % of every further guest', () => {
    // each further VM: 26 + 0.7 × 1274 = 917.8; 1024 + 1300 + (n − 1) × 917.8 ≤ 16384 → n = 16
    const result = computeDensity(inputs({ ksm: true }));
    expect(result.vm.eachMiB).toBeCloseTo(917.8, 6);
    expect(result.vm.fits).toBe(16);
  });

  it('fits 100 containers sharing one image', () => {
    // 1024 + 100 shared once + n × (0.4 + 150) ≤ 16384 → n = 101
    const result = computeDensity(inputs());
    expect(result.container.fixedMiB).toBe(1124);
    expect(result.container.eachMiB).toBe(150.4);
    expect(result.container.fits).toBe(101);
    expect(result.ratio).toBeCloseTo(101 / 11, 10);
  });

  it('fits fewer containers when each has its own copy of the files', () => {
    const result = computeDensity(inputs({ sharedImage: false }));
    expect(result.container.eachMiB).toBe(250.4);
    expect(result.container.fits).toBe(61);
  });

  it('KSM changes the VMs, never the containers', () => {
    expect(computeDensity(inputs({ ksm: true })).container).toEqual(computeDensity(inputs({ ksm: false })).container);
  });

  it('KSM savings only count when KSM is on', () => {
    expect(computeDensity(inputs({ ksm: false, ksmSavings: 0.9 })).vm.fits).toBe(11);
  });
});

describe('counting what fits', () => {
  it('counts an exact fit', () => {
    const plan = { fixedMiB: 100, firstMiB: 50, eachMiB: 50 };
    expect(countThatFits(plan, 300)).toBe(4);
    expect(countThatFits(plan, 299)).toBe(3);
  });

  it('is zero when not even one copy fits', () => {
    expect(countThatFits({ fixedMiB: 100, firstMiB: 50, eachMiB: 10 }, 149)).toBe(0);
    expect(computeDensity(inputs({ hostMemoryMiB: 2048 })).vm.fits).toBe(0);
  });

  it('memory in use with zero copies is the fixed part', () => {
    expect(memoryUsedMiB({ fixedMiB: 7, firstMiB: 5, eachMiB: 3 }, 0)).toBe(7);
    expect(memoryUsedMiB({ fixedMiB: 7, firstMiB: 5, eachMiB: 3 }, 3)).toBe(18);
  });

  const arbitraryInputs = fc.record({
    hostMemoryMiB: fc.integer({ min: 1024, max: 1_048_576 }),
    hostReserveMiB: fc.integer({ min: 0, max: 1000 }),
    guestOsMiB: fc.integer({ min: 8, max: 65_536 }),
    vmOverheadMiB: fc.integer({ min: 0, max: 4096 }),
    containerOverheadMiB: fc.double({ min: 0, max: 4096, noNaN: true }),
    appPrivateMiB: fc.integer({ min: 1, max: 65_536 }),
    appSharedMiB: fc.integer({ min: 0, max: 65_536 }),
    ksm: fc.boolean(),
    ksmSavings: fc.double({ min: 0, max: 0.95, noNaN: true }),
    sharedImage: fc.boolean(),
  });

  it('the count that fits is the largest count that fits (property)', () => {
    fc.assert(
      fc.property(arbitraryInputs, (random) => {
        expect(densityInputIssues(random)).toEqual([]);
        const result = computeDensity(random);
        for (const [plan, fits] of [
          [vmPlan(random), result.vm.fits],
          [containerPlan(random), result.container.fits],
        ] as const) {
          if (fits > 0) expect(memoryUsedMiB(plan, fits)).toBeLessThanOrEqual(random.hostMemoryMiB);
          expect(memoryUsedMiB(plan, fits + 1)).toBeGreaterThan(random.hostMemoryMiB);
        }
      }),
    );
  });

  it('without page sharing, containers always fit at least as many copies as VMs (property)', () => {
    fc.assert(
      fc.property(arbitraryInputs, (random) => {
        // A container pays no guest OS; its overhead is at most the VM's in this comparison.
        // (With KSM saving most of every guest, VMs can win against containers that each
        // carry their own files: the model lets that happen, as the text explains.)
        const fair = { ...random, ksm: false, containerOverheadMiB: Math.min(random.containerOverheadMiB, random.vmOverheadMiB) };
        const result = computeDensity(fair);
        expect(result.container.fits).toBeGreaterThanOrEqual(result.vm.fits);
      }),
    );
  });

  it('turning KSM on never fits fewer VMs (property)', () => {
    fc.assert(
      fc.property(arbitraryInputs, (random) => {
        expect(computeDensity({ ...random, ksm: true }).vm.fits).toBeGreaterThanOrEqual(computeDensity({ ...random, ksm: false }).vm.fits);
      }),
    );
  });
});

describe('checking the inputs', () => {
  it('names a field that is not a number', () => {
    expect(densityInputIssues(inputs({ guestOsMiB: Number.NaN }))).toEqual([{ field: 'guestOsMiB', code: 'notANumber', params: { field: 'guestOsMiB' } }]);
  });

  it('names a field out of its range, with the range', () => {
    const problems = densityInputIssues(inputs({ ksmSavings: 1.5 }));
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('ksmSavings');
    expect(problems[0]).toMatchObject({ code: 'outOfRange', params: { min: DENSITY_FIELD_RANGES.ksmSavings.min, max: DENSITY_FIELD_RANGES.ksmSavings.max, value: 1.5 } });
    expect(wordMessage(densityProblemWordings, problems[0]!, 'en')).toContain(`between ${DENSITY_FIELD_RANGES.ksmSavings.min} and ${DENSITY_FIELD_RANGES.ksmSavings.max}`);
  });

  it('refuses a host reserve that takes the whole host', () => {
    const problems = densityInputIssues(inputs({ hostMemoryMiB: 4096, hostReserveMiB: 4096 }));
    expect(problems.map((problem) => problem.field)).toEqual(['hostReserveMiB']);
  });
});

describe('the curve for the chart', () => {
  it('starts at zero, ends at the maximum, and rises', () => {
    const curve = densityCurve(inputs(), 120, 25);
    expect(curve[0]).toEqual({ count: 0, vmMiB: 1024, containerMiB: 1124 });
    expect(curve.at(-1)?.count).toBe(120);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i].count).toBeGreaterThan(curve[i - 1].count);
      expect(curve[i].vmMiB).toBeGreaterThan(curve[i - 1].vmMiB);
      expect(curve[i].containerMiB).toBeGreaterThan(curve[i - 1].containerMiB);
    }
  });

  it('includes the counts where each kind stops fitting', () => {
    const counts = densityCurve(inputs(), 120, 8).map((point) => point.count);
    expect(counts).toContain(11);
    expect(counts).toContain(101);
  });

  it('matches memoryUsedMiB at every point', () => {
    for (const point of densityCurve(inputs({ ksm: true }), 50)) {
      expect(point.vmMiB).toBeCloseTo(memoryUsedMiB(vmPlan(inputs({ ksm: true })), point.count), 9);
      expect(point.containerMiB).toBeCloseTo(memoryUsedMiB(containerPlan(inputs()), point.count), 9);
    }
  });
});
