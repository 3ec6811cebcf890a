// The lab's setup: what the reader chose. Saved to localStorage and carried in a share link. Anything
// read back is untrusted: it is validated field by field, and unknown or malformed values fall back
// to defaults. The result is plain data; nothing from it is ever interpreted as markup.

import { decodeBase64Url, encodeBase64Url } from '../book/base64url.ts';
import { DEFAULT_COST_MODEL, normalizeCostModel } from './cost-model.ts';
import type { CostModel } from './cost-model.ts';
import { SENSITIVE_UNPRIVILEGED } from './isa.ts';
import type { Opcode } from './isa.ts';
import { DEFAULT_VMCS_CONTROLS, VMCS_CONTROL_KEYS, isStrategyId } from './trap-machine.ts';
import type { StrategyId, VmcsControls } from './trap-machine.ts';
import { DEFAULT_WORKLOAD_SETTINGS, PV_BATCH_SIZES, isWorkloadId } from './workloads.ts';
import type { WorkloadId } from './workloads.ts';

export interface LabSetup {
  readonly workload: WorkloadId;
  readonly strategy: StrategyId;
  readonly cost: CostModel;
  readonly vmcs: VmcsControls;
  readonly trappingSensitive: readonly Opcode[];
  readonly pvBatchSize: number;
}

export const DEFAULT_LAB_SETUP: LabSetup = {
  workload: 'timer',
  strategy: 'trap-and-emulate',
  cost: DEFAULT_COST_MODEL,
  vmcs: DEFAULT_VMCS_CONTROLS,
  trappingSensitive: [],
  pvBatchSize: DEFAULT_WORKLOAD_SETTINGS.pvBatchSize,
};

export const LAB_SETUP_HASH_KEY = 'trap';

export function normalizeLabSetup(input: unknown): LabSetup {
  const o = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const vmcsIn = (typeof o.vmcs === 'object' && o.vmcs !== null ? o.vmcs : {}) as Record<string, unknown>;
  const vmcs: Record<string, boolean> = {};
  for (const key of VMCS_CONTROL_KEYS) {
    vmcs[key] = typeof vmcsIn[key] === 'boolean' ? (vmcsIn[key] as boolean) : DEFAULT_VMCS_CONTROLS[key];
  }
  const trapping = Array.isArray(o.trappingSensitive)
    ? SENSITIVE_UNPRIVILEGED.filter((op) => (o.trappingSensitive as unknown[]).includes(op))
    : [];
  return {
    workload: isWorkloadId(o.workload) ? o.workload : DEFAULT_LAB_SETUP.workload,
    strategy: isStrategyId(o.strategy) ? o.strategy : DEFAULT_LAB_SETUP.strategy,
    cost: normalizeCostModel(o.cost),
    vmcs: vmcs as unknown as VmcsControls,
    trappingSensitive: trapping,
    pvBatchSize:
      typeof o.pvBatchSize === 'number' && PV_BATCH_SIZES.includes(o.pvBatchSize) ? o.pvBatchSize : DEFAULT_LAB_SETUP.pvBatchSize,
  };
}

/** JSON for localStorage. */
export function serializeLabSetup(setup: LabSetup): string {
  return JSON.stringify(setup);
}

export function parseLabSetup(text: string | null | undefined): LabSetup {
  if (!text) return DEFAULT_LAB_SETUP;
  try {
    return normalizeLabSetup(JSON.parse(text));
  } catch {
    return DEFAULT_LAB_SETUP;
  }
}

/** The URL hash that carries a setup: `#trap=<base64url JSON>`. */
export function encodeLabSetupHash(setup: LabSetup): string {
  return `#${LAB_SETUP_HASH_KEY}=${encodeBase64Url(serializeLabSetup(setup))}`;
}

/** The setup carried by a URL hash, or null if the hash carries none. */
export function decodeLabSetupHash(hash: string): LabSetup | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const value = params.get(LAB_SETUP_HASH_KEY);
  if (value === null) return null;
  const json = value.length > 4000 ? undefined : decodeBase64Url(value);
  return json === undefined ? null : parseLabSetup(json);
}
