/**
 * The paging lab's link: the walk it draws and the workload it compares, in the URL hash,
 * `#paging=<URI-encoded JSON>`. The exercises make these links so that the lab opens on the
 * problem's walk or workload. Decoding never trusts the hash: anything but a complete, valid setup
 * is no link at all.
 */
import { DEFAULT_PAGING_COST_MODEL, MAX_PAGING_COST, PAGING_COST_KEYS } from './cost-model.ts';
import type { PagingCostModel } from './cost-model.ts';
import { isPagingWorkloadId } from './paging-workloads.ts';
import type { PagingWorkloadId } from './paging-wordings.ts';

export const PAGING_HASH_KEY = 'paging';

export interface PagingLabSetup {
  readonly guestLevels: number;
  readonly hostLevels: number;
  readonly guestLargePage: boolean;
  readonly hostLargePages: boolean;
  readonly workload: PagingWorkloadId;
  /** The cost model the comparison prices its counts with. */
  readonly costModel: PagingCostModel;
}

export const DEFAULT_PAGING_LAB_SETUP: PagingLabSetup = {
  guestLevels: 4,
  hostLevels: 4,
  guestLargePage: false,
  hostLargePages: false,
  workload: 'tlb-misses',
  costModel: DEFAULT_PAGING_COST_MODEL,
};

function costModelOf(value: unknown): PagingCostModel | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = { ...DEFAULT_PAGING_COST_MODEL, ...(value as Record<string, unknown>) } as Record<string, unknown>;
  if (Object.keys(record).length !== PAGING_COST_KEYS.length) return undefined;
  const valid = PAGING_COST_KEYS.every((key) => Number.isInteger(record[key]) && (record[key] as number) >= 0 && (record[key] as number) <= MAX_PAGING_COST);
  return valid ? (record as unknown as PagingCostModel) : undefined;
}

export function encodePagingLabHash(setup: PagingLabSetup): string {
  return `#${PAGING_HASH_KEY}=${encodeURIComponent(JSON.stringify(setup))}`;
}

const isLevel = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5;

/** The setup a hash carries (missing fields take the defaults), or undefined if it carries none or an invalid one. */
export function decodePagingLabHash(hash: string): PagingLabSetup | undefined {
  const prefix = `#${PAGING_HASH_KEY}=`;
  if (!hash.startsWith(prefix) || hash.length > 2000) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeURIComponent(hash.slice(prefix.length)));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const setup = { ...DEFAULT_PAGING_LAB_SETUP, ...(parsed as Record<string, unknown>) } as Record<string, unknown>;
  if (Object.keys(setup).length !== Object.keys(DEFAULT_PAGING_LAB_SETUP).length) return undefined;
  if (!isLevel(setup.guestLevels) || !isLevel(setup.hostLevels)) return undefined;
  if (typeof setup.guestLargePage !== 'boolean' || typeof setup.hostLargePages !== 'boolean') return undefined;
  if (typeof setup.workload !== 'string' || !isPagingWorkloadId(setup.workload)) return undefined;
  const costModel = costModelOf(setup.costModel);
  if (!costModel) return undefined;
  return { ...(setup as unknown as PagingLabSetup), costModel };
}
