// The cost model: how many simulated cycles each event costs. The numbers are illustrative, chosen
// so that their ratios resemble mid-2000s x86 (a trap or VM exit costs hundreds to thousands of
// ordinary instructions); the reader can change every one of them.

export interface CostModel {
  /** One guest instruction executed directly on the processor (or from the translation cache). */
  readonly instruction: number;
  /** Hardware interrupt entry or a direct system call, no monitor involved. */
  readonly interrupt: number;
  /** A trap into the monitor and the return to the guest (trap-and-emulate, binary translation). */
  readonly trap: number;
  /** The monitor's work to emulate one instruction, device access or event. */
  readonly emulate: number;
  /** Binary translation: translating one guest instruction (paid once, then cached). */
  readonly translate: number;
  /** Binary translation: a call from translated code into the monitor (no mode switch). */
  readonly callout: number;
  /** Para-virtualization: a hypercall into the monitor and back. */
  readonly hypercall: number;
  /** Hardware assist: a VM exit plus the VM entry that resumes the guest. */
  readonly vmExit: number;
}

export const DEFAULT_COST_MODEL: CostModel = {
  instruction: 1,
  interrupt: 20,
  trap: 500,
  emulate: 100,
  translate: 30,
  callout: 40,
  hypercall: 400,
  vmExit: 1200,
};

export const COST_MODEL_KEYS: readonly (keyof CostModel)[] = [
  'instruction', 'interrupt', 'trap', 'emulate', 'translate', 'callout', 'hypercall', 'vmExit',
];

/** Accept a partial or untrusted cost model (e.g. from a share link): non-negative integers only. */
export function normalizeCostModel(input: unknown): CostModel {
  const source = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const result: Record<string, number> = {};
  for (const key of COST_MODEL_KEYS) {
    const value = source[key];
    result[key] =
      typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1_000_000
        ? Math.round(value)
        : DEFAULT_COST_MODEL[key];
  }
  return result as unknown as CostModel;
}
