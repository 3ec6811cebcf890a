/**
 * Guest workloads for the paging lab, each a fixed list of operations (no randomness: the same
 * workload gives the same counts everywhere). Each stresses one thing the literature says decides
 * between shadow and nested paging: context switches and page-table updates cost shadow paging
 * VM exits; TLB misses over a large working set cost nested paging its long two-dimensional walk;
 * large pages shorten both walks and widen the TLB's reach.
 */
import type { DemandRegion } from './guest-os.ts';
import type { PagingWorkloadId } from './paging-wordings.ts';

export type GuestOperation =
  | { readonly kind: 'spawn'; readonly pid: number; readonly regions: readonly DemandRegion[] }
  | { readonly kind: 'switch'; readonly pid: number }
  | { readonly kind: 'access'; readonly address: number; readonly write: boolean }
  | { readonly kind: 'exit'; readonly pid: number }
  /** The set-up is over: the counters start from zero here. */
  | { readonly kind: 'measure' };

export interface PagingWorkload {
  readonly id: PagingWorkloadId;
  /** The host backs the guest with large pages for this workload. */
  readonly hostLargePages: boolean;
  operations(): Generator<GuestOperation>;
}

const PAGE = 4096;
const MIB = 1024 * 1024;
const GIB = 1024 * MIB;
/** Where each process's memory starts (4 MiB: clear of a null-pointer guard). */
const BASE = 4 * MIB;

function* touchPages(count: number, write: boolean, order: (i: number) => number = (i) => i): Generator<GuestOperation> {
  for (let i = 0; i < count; i++) yield { kind: 'access', address: BASE + order(i) * PAGE, write };
}

/** Page i of n visited in a scattered order: i·1103 mod n is a permutation when n is a power of two. */
const scattered = (n: number) => (i: number) => (i * 1103) % n;

/** 4,096 accesses spread over 1 GiB, one every 256 KiB, in a scattered order. */
function* spreadAccesses(rounds: number): Generator<GuestOperation> {
  const pages = 4096;
  const stride = GIB / pages;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < pages; i++) yield { kind: 'access', address: BASE + scattered(pages)(i) * stride, write: round === 0 };
    if (round === 0) yield { kind: 'measure' };
  }
}

export const PAGING_WORKLOADS: readonly PagingWorkload[] = [
  {
    id: 'context-switches',
    hostLargePages: false,
    *operations() {
      const processes = 8;
      const pages = 16;
      for (let pid = 1; pid <= processes; pid++) {
        yield { kind: 'spawn', pid, regions: [{ start: BASE, end: BASE + pages * PAGE, large: false }] };
        yield { kind: 'switch', pid };
        yield* touchPages(pages, true);
      }
      yield { kind: 'measure' };
      for (let round = 0; round < 40; round++) {
        for (let pid = 1; pid <= processes; pid++) {
          yield { kind: 'switch', pid };
          yield* touchPages(pages, false);
        }
      }
    },
  },
  {
    id: 'page-table-updates',
    hostLargePages: false,
    *operations() {
      const pages = 64;
      for (let pid = 1; pid <= 40; pid++) {
        yield { kind: 'spawn', pid, regions: [{ start: BASE, end: BASE + pages * PAGE, large: false }] };
        yield { kind: 'switch', pid };
        yield* touchPages(pages, true);
        yield* touchPages(pages, false);
        yield { kind: 'exit', pid };
        // The first process warms the host up (its frames are reused by every later one).
        if (pid === 1) yield { kind: 'measure' };
      }
    },
  },
  {
    id: 'tlb-misses',
    hostLargePages: false,
    *operations() {
      yield { kind: 'spawn', pid: 1, regions: [{ start: BASE, end: BASE + GIB, large: false }] };
      yield { kind: 'switch', pid: 1 };
      yield* spreadAccesses(4);
    },
  },
  {
    id: 'tlb-misses-large-pages',
    hostLargePages: true,
    *operations() {
      yield { kind: 'spawn', pid: 1, regions: [{ start: BASE, end: BASE + GIB, large: true }] };
      yield { kind: 'switch', pid: 1 };
      yield* spreadAccesses(4);
    },
  },
];

export const PAGING_WORKLOAD_IDS: readonly PagingWorkloadId[] = PAGING_WORKLOADS.map((w) => w.id);

export function isPagingWorkloadId(value: string): value is PagingWorkloadId {
  return (PAGING_WORKLOAD_IDS as readonly string[]).includes(value);
}

export function pagingWorkload(id: PagingWorkloadId): PagingWorkload {
  return PAGING_WORKLOADS.find((w) => w.id === id)!;
}
