/**
 * The translation cache: compiled code keyed by the P-code address where it may be entered.
 * One entry is one WebAssembly function: a single block (tier 1) or a whole region of blocks
 * chained together (tier 2), entered at any of its blocks.
 */
import type { RegionTranslation } from './translate-region.ts';

export type TranslationTier = 1 | 2;

/** The exported function of a translation: `run(pc, budget) -> next pc`. */
export type TranslatedCode = (pc: number, budget: number) => number;

export interface CacheEntry {
  /** Serial number, in the order entries were made. */
  readonly serial: number;
  readonly tier: TranslationTier;
  /** Ids of the blocks the function holds (each is an entry point). */
  readonly blocks: readonly number[];
  /** [start, end) of each block, as P-code addresses. */
  readonly ranges: readonly (readonly [number, number])[];
  readonly run: TranslatedCode;
  readonly translation: RegionTranslation;
  /** Time to generate the bytes, and to compile and instantiate them (milliseconds). */
  readonly translateMs: number;
  readonly instantiateMs: number;
  /** Times the function was entered from the dispatcher. */
  hits: number;
  /** 'live' while it can run; 'invalidated' after a code write dropped it; 'replaced' by a bigger region. */
  state: 'live' | 'invalidated' | 'replaced';
}

export class TranslationCache {
  /** For each P-code address, the live entry that may be entered there. */
  private byPc: (CacheEntry | undefined)[];
  /** Every entry ever made, newest last (dropped ones stay, for the lab's table). */
  readonly entries: CacheEntry[] = [];
  /** Dispatcher lookups that found code, and block starts that found none. */
  hits = 0;
  misses = 0;
  private serial = 0;

  constructor(instructionCount: number) {
    this.byPc = new Array<CacheEntry | undefined>(instructionCount).fill(undefined);
  }

  nextSerial(): number {
    return ++this.serial;
  }

  lookup(pc: number): CacheEntry | undefined {
    return this.byPc[pc];
  }

  /** Installs a live entry at the start of each of its blocks. */
  install(entry: CacheEntry): void {
    this.entries.push(entry);
    for (const [start] of entry.ranges) this.byPc[start] = entry;
  }

  /** Live entries, oldest first. */
  live(): CacheEntry[] {
    return this.entries.filter((e) => e.state === 'live');
  }

  /** Drops every live entry the predicate picks; returns them. */
  drop(pick: (entry: CacheEntry) => boolean, state: 'invalidated' | 'replaced'): CacheEntry[] {
    const dropped: CacheEntry[] = [];
    for (const entry of this.entries) {
      if (entry.state !== 'live' || !pick(entry)) continue;
      entry.state = state;
      for (const [start] of entry.ranges) if (this.byPc[start] === entry) this.byPc[start] = undefined;
      dropped.push(entry);
    }
    return dropped;
  }

  /** Forgets everything, including the history and the counters. */
  clear(): void {
    this.byPc.fill(undefined);
    this.entries.length = 0;
    this.hits = 0;
    this.misses = 0;
  }

  /** Live entry holding the instruction at pc (not only entering there). */
  holding(pc: number): CacheEntry | undefined {
    for (const e of this.entries) {
      if (e.state === 'live' && e.ranges.some(([s, t]) => pc >= s && pc < t)) return e;
    }
    return undefined;
  }
}
