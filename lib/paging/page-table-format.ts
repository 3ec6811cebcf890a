/**
 * The shapes of x86 page tables the paging lab walks: how many levels, how many bits of the
 * virtual address index each level, how wide an entry is, and at which levels an entry may map a
 * large page instead of pointing at the next table (Intel SDM vol. 3A, ch. 4 "Paging").
 *
 * Levels are numbered as the SDM's tables are nested: the top level is `levels`, the last table
 * (the one whose entries map 4 KiB pages) is level 1.
 */
export type PageTableFormatId = 'x86-32' | 'x86-64' | 'x86-64-5-level' | `uniform-${1 | 2 | 3 | 4 | 5}`;

export interface PageTableFormat {
  readonly id: PageTableFormatId;
  readonly levels: number;
  /** Index bits per level, top level first (x86-32: 10, 10; x86-64: 9, 9, 9, 9). */
  readonly indexBits: readonly number[];
  /** Bytes per entry: 4 for 32-bit paging, 8 for PAE and 4/5-level paging. */
  readonly entryBytes: 4 | 8;
  /** Levels whose entries may map a large page (PS bit): 2 → 4 MiB or 2 MiB, 3 → 1 GiB. */
  readonly largePageLevels: readonly number[];
}

export const PAGE_SHIFT = 12;
export const PAGE_SIZE = 1 << PAGE_SHIFT;

/** 32-bit paging with PSE (CR4.PSE=1): the lab VM's Debian 686 kernel uses it. */
export const X86_32: PageTableFormat = { id: 'x86-32', levels: 2, indexBits: [10, 10], entryBytes: 4, largePageLevels: [2] };
/** 4-level paging (IA-32e): 48-bit virtual addresses; PDPTEs may map 1 GiB, PDEs 2 MiB. */
export const X86_64: PageTableFormat = { id: 'x86-64', levels: 4, indexBits: [9, 9, 9, 9], entryBytes: 8, largePageLevels: [2, 3] };
/** 5-level paging (CR4.LA57=1): 57-bit virtual addresses. */
export const X86_64_5_LEVEL: PageTableFormat = {
  id: 'x86-64-5-level',
  levels: 5,
  indexBits: [9, 9, 9, 9, 9],
  entryBytes: 8,
  largePageLevels: [2, 3],
};

/** A format of `levels` levels of 9 bits each, as 64-bit paging has: for counting walks of any depth. */
export function uniformFormat(levels: number): PageTableFormat {
  if (!Number.isInteger(levels) || levels < 1 || levels > 5) throw new RangeError(`levels must be 1 to 5 (it is ${levels})`);
  return {
    id: `uniform-${levels as 1 | 2 | 3 | 4 | 5}`,
    levels,
    indexBits: Array.from({ length: levels }, () => 9),
    entryBytes: 8,
    largePageLevels: levels >= 2 ? [2] : [],
  };
}

export const PAGE_TABLE_FORMATS: readonly PageTableFormat[] = [X86_32, X86_64, X86_64_5_LEVEL];

/** The number of address bits below `level`'s index: 12 for level 1, 22 for x86-32's level 2. */
export function shiftOfLevel(format: PageTableFormat, level: number): number {
  let shift = PAGE_SHIFT;
  for (let l = 1; l < level; l++) shift += format.indexBits[format.levels - l]!;
  return shift;
}

/** Bytes mapped by one entry at `level`: 4 KiB at level 1, 4 MiB (x86-32) or 2 MiB at level 2. */
export function pageSizeAtLevel(format: PageTableFormat, level: number): number {
  return 2 ** shiftOfLevel(format, level);
}

/** How many bytes of virtual address space the format covers. */
export function addressSpaceBytes(format: PageTableFormat): number {
  return 2 ** shiftOfLevel(format, format.levels + 1);
}

/** The index into the table at `level` for a virtual (or guest-physical) address. */
export function indexAtLevel(format: PageTableFormat, level: number, address: number): number {
  const bits = format.indexBits[format.levels - level]!;
  return Math.floor(address / 2 ** shiftOfLevel(format, level)) % 2 ** bits;
}

/** Bytes of one table at `level` (4 KiB in every x86 format). */
export function tableBytes(format: PageTableFormat, level: number): number {
  return 2 ** format.indexBits[format.levels - level]! * format.entryBytes;
}
