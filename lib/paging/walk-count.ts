/**
 * How many memory references one TLB miss costs: the closed forms, and one real walk measured on
 * the machine. Under nested paging each of the G guest-table reads needs an H-level host walk first,
 * and so does the final guest-physical address: G(H+1) + H = (G+1)(H+1) − 1 references, 24 for
 * 4-level on 4-level (Bhargava et al., ASPLOS 2008). Shadow paging walks one G-level table, as
 * native paging does; it pays elsewhere (VM exits).
 */
import { GuestOs } from './guest-os.ts';
import { DEFAULT_PAGING_CONFIG, PagingMachine } from './paging-machine.ts';
import type { WalkReference } from './paging-machine.ts';
import { pageSizeAtLevel, uniformFormat } from './page-table-format.ts';
import type { PagingMode } from './paging-wordings.ts';

export function nestedWalkReferences(guestLevels: number, hostLevels: number): number {
  return guestLevels * (hostLevels + 1) + hostLevels;
}

export function shadowWalkReferences(guestLevels: number): number {
  return guestLevels;
}

/** Large pages in one walk: the guest maps the page with a level-2 entry; the host backs guest memory with level-2 pages. */
export interface WalkPageSizes {
  readonly guestLargePage?: boolean;
  readonly hostLargePages?: boolean;
}

/**
 * The closed form with large pages: a large page ends its dimension's walk one level early, so the
 * nested walk is G'(H'+1) + H' with G' = G − 1 under a guest large page and H' = H − 1 under host
 * large pages (Bhargava et al.: large pages shorten both dimensions).
 */
export function nestedWalkReferencesWith(guestLevels: number, hostLevels: number, sizes: WalkPageSizes): number {
  const g = guestLevels - (sizes.guestLargePage && guestLevels >= 2 ? 1 : 0);
  const h = hostLevels - (sizes.hostLargePages && hostLevels >= 2 ? 1 : 0);
  return nestedWalkReferences(g, h);
}

const PROBE_ADDRESS = 0x40_0000;

/**
 * One TLB-miss walk with cold caches, measured: a process maps one page, touches it (so the
 * host's tables or the shadow are already filled), the TLB is flushed, and the next touch is traced.
 */
export function measureWalk(mode: PagingMode, guestLevels: number, hostLevels: number, sizes: WalkPageSizes = {}): readonly WalkReference[] {
  const guestFormat = uniformFormat(guestLevels);
  const machine = new PagingMachine({
    ...DEFAULT_PAGING_CONFIG,
    mode,
    guestFormat,
    hostFormat: uniformFormat(hostLevels),
    hostLargePages: sizes.hostLargePages ?? false,
  });
  const guest = new GuestOs(machine);
  const guestLarge = (sizes.guestLargePage ?? false) && guestFormat.largePageLevels.includes(2);
  const size = guestLarge ? pageSizeAtLevel(guestFormat, 2) : 4096;
  guest.spawn(1, [{ start: PROBE_ADDRESS, end: PROBE_ADDRESS + size, large: guestLarge }]);
  guest.switchTo(1);
  machine.access(PROBE_ADDRESS, true);
  guest.switchTo(1);
  machine.tracing = true;
  machine.access(PROBE_ADDRESS, false);
  return machine.lastWalk;
}
