/**
 * The paging lab's link: the walk it draws and the workload it compares, in the URL hash,
 * `#paging=<URI-encoded JSON>`. The exercises make these links so that the lab opens on the
 * problem's walk or workload. Decoding never trusts the hash: anything but a complete, valid setup
 * is no link at all.
 */
import { isPagingWorkloadId } from './paging-workloads.ts';
import type { PagingWorkloadId } from './paging-wordings.ts';

export const PAGING_HASH_KEY = 'paging';

export interface PagingLabSetup {
  readonly guestLevels: number;
  readonly hostLevels: number;
  readonly guestLargePage: boolean;
  readonly hostLargePages: boolean;
  readonly workload: PagingWorkloadId;
}

export const DEFAULT_PAGING_LAB_SETUP: PagingLabSetup = {
  guestLevels: 4,
  hostLevels: 4,
  guestLargePage: false,
  hostLargePages: false,
  workload: 'tlb-misses',
};

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
  return setup as unknown as PagingLabSetup;
}
