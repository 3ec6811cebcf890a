/**
 * Counting the pages a running guest dirties, from its RAM alone: hash every 4 KiB page on each
 * pass, and a page whose hash changed since the previous pass was written in between. (A
 * hypervisor asks the MMU instead: KVM write-protects the pages or reads the EPT/PML dirty bits;
 * the counts are the same, apart from a write that puts back the bytes that were there, which a
 * hash cannot see and a dirty bit does.)
 *
 * The tracker keeps, per page, in which of the last 32 intervals it changed, so it can say how
 * many distinct pages a window of 1, 2, … 32 intervals dirtied: the curve pre-copy needs (a page
 * written ten times during a round is sent once).
 *
 * Passes are hashed in chunks (`scan`), so a page in a browser hashes a slice, lets the emulator
 * and the page run, and goes on; every page is hashed once per pass, at about the same offset
 * into it, so each page's interval is the time between pass starts.
 */

export const PAGE_BYTES = 4096;
const WORDS_PER_PAGE = PAGE_BYTES / 4;
/** The longest window the tracker remembers, in intervals (one bit each in a 32-bit word). */
export const MAX_WINDOW_INTERVALS = 32;

/** One interval between two passes: how long it was and how many pages changed in it. */
export interface DirtyInterval {
  readonly seconds: number;
  readonly dirtiedPages: number;
}

/** Distinct pages dirtied in a window of `seconds` (averaged over every such window measured). */
export interface DirtyCurvePoint {
  readonly seconds: number;
  readonly pages: number;
}

/** What went wrong with a pass, as a code (the island words it). */
export type DirtyScanProblem =
  | { readonly code: 'memoryTooSmall'; readonly params: { bytes: number; expectedBytes: number } }
  | { readonly code: 'chunkOutOfRange'; readonly params: { from: number; to: number; pages: number } }
  | { readonly code: 'passIncomplete'; readonly params: { hashed: number; pages: number } };

/** FNV-1a over the page's 32-bit words: one page's 32-bit fingerprint. */
export function hashPage(words: Int32Array, page: number): number {
  let hash = 0x811c9dc5 | 0;
  const start = page * WORDS_PER_PAGE;
  const end = start + WORDS_PER_PAGE;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ words[i]!, 0x01000193);
  return hash >>> 0;
}

export class DirtyPageTracker {
  readonly pageCount: number;
  #hashes: Uint32Array;
  /** Bit i set: the page changed in the interval i intervals ago (bit 0: the last one). */
  #history: Uint32Array;
  #passes = 0;
  #hashedThisPass = 0;
  #dirtiedThisPass = 0;
  #passStartedAt = 0;
  #intervals: DirtyInterval[] = [];

  constructor(memoryBytes: number) {
    this.pageCount = Math.floor(memoryBytes / PAGE_BYTES);
    this.#hashes = new Uint32Array(this.pageCount);
    this.#history = new Uint32Array(this.pageCount);
  }

  /** Starts a pass at `seconds` (any clock, the same for every pass). */
  beginPass(seconds: number): void {
    this.#passStartedAt = seconds;
    this.#hashedThisPass = 0;
    this.#dirtiedThisPass = 0;
    // Make room for this interval's bit.
    if (this.#passes > 0) for (let page = 0; page < this.pageCount; page++) this.#history[page] = (this.#history[page]! << 1) >>> 0;
  }

  /** Hashes pages [from, to) of `memory` (the whole guest RAM, read in place). */
  scan(memory: Uint8Array, from: number, to: number): DirtyScanProblem | null {
    if (memory.length < this.pageCount * PAGE_BYTES) {
      return { code: 'memoryTooSmall', params: { bytes: memory.length, expectedBytes: this.pageCount * PAGE_BYTES } };
    }
    if (!(from >= 0 && to <= this.pageCount && from <= to)) {
      return { code: 'chunkOutOfRange', params: { from, to, pages: this.pageCount } };
    }
    const aligned = memory.byteOffset % 4 === 0;
    const words = aligned
      ? new Int32Array(memory.buffer, memory.byteOffset, this.pageCount * WORDS_PER_PAGE)
      : new Int32Array(memory.slice(0, this.pageCount * PAGE_BYTES).buffer);
    const first = this.#passes === 0;
    for (let page = from; page < to; page++) {
      const hash = hashPage(words, page);
      if (!first && hash !== this.#hashes[page]) {
        this.#history[page]! |= 1;
        this.#dirtiedThisPass++;
      }
      this.#hashes[page] = hash;
    }
    this.#hashedThisPass += to - from;
    return null;
  }

  /**
   * Ends the pass begun at the last beginPass. Returns the interval since the pass before (null
   * after the first pass, which only takes the fingerprints), or a problem if pages were skipped.
   */
  endPass(): { interval: DirtyInterval | null } | { problem: DirtyScanProblem } {
    if (this.#hashedThisPass < this.pageCount) {
      return { problem: { code: 'passIncomplete', params: { hashed: this.#hashedThisPass, pages: this.pageCount } } };
    }
    const previousStart = this.#lastPassStart;
    this.#lastPassStart = this.#passStartedAt;
    this.#passes++;
    if (this.#passes === 1) return { interval: null };
    const interval = { seconds: this.#passStartedAt - previousStart, dirtiedPages: this.#dirtiedThisPass };
    this.#intervals.push(interval);
    return { interval };
  }

  #lastPassStart = 0;

  /** Every interval measured so far, oldest first. */
  get intervals(): readonly DirtyInterval[] {
    return this.#intervals;
  }

  /**
   * Distinct pages dirtied in windows of 1, 2, … k consecutive intervals (k up to the last 32
   * measured), each averaged over the windows available: the guest's dirtying as a function of time.
   */
  curve(): DirtyCurvePoint[] {
    const recent = this.#intervals.slice(-MAX_WINDOW_INTERVALS);
    const n = recent.length;
    const points: DirtyCurvePoint[] = [];
    for (let k = 1; k <= n; k++) {
      let pages = 0;
      let seconds = 0;
      const windows = n - k + 1;
      for (let start = 0; start < windows; start++) {
        // Window of intervals [start, start + k) counted from the most recent (bit 0).
        const mask = k === 32 ? 0xffffffff : (((1 << k) - 1) << start) >>> 0;
        for (let page = 0; page < this.pageCount; page++) if ((this.#history[page]! & mask) !== 0) pages++;
        for (let i = 0; i < k; i++) seconds += recent[n - 1 - start - i]!.seconds;
      }
      points.push({ seconds: seconds / windows, pages: pages / windows });
    }
    return points;
  }
}

/**
 * The guest's dirtying as the pre-copy model wants it, distinct pages dirtied in t seconds, from a
 * measured curve: straight lines between the measured points (and from 0 to the first), then on
 * at the slope of the last segment, never above the guest's memory.
 */
export function dirtyingFromCurve(points: readonly DirtyCurvePoint[], memoryPages: number): (seconds: number) => number {
  const curve = [{ seconds: 0, pages: 0 }, ...points.filter((p) => p.seconds > 0)].sort((a, b) => a.seconds - b.seconds);
  if (curve.length === 1) return () => 0;
  return (seconds) => {
    if (!(seconds > 0)) return 0;
    let i = 1;
    while (i < curve.length - 1 && curve[i]!.seconds < seconds) i++;
    const a = curve[i - 1]!;
    const b = curve[i]!;
    const slope = b.seconds > a.seconds ? (b.pages - a.pages) / (b.seconds - a.seconds) : 0;
    return Math.min(memoryPages, Math.max(0, a.pages + slope * (seconds - a.seconds)));
  };
}
