/**
 * An x86 page-table entry as a number: the frame's address in the high bits, flags in the low 12
 * (Intel SDM vol. 3A, tables 4-4 to 4-20). Entries are kept as JavaScript numbers, exact up to
 * 2^53, which covers every physical address the lab uses.
 */
export const PRESENT = 0x001;
export const WRITABLE = 0x002;
export const USER = 0x004;
export const ACCESSED = 0x020;
export const DIRTY = 0x040;
/** PS: at level 2 or 3, the entry maps a large page instead of pointing at a table. */
export const LARGE_PAGE = 0x080;

const FLAG_SPAN = 0x1000;

export function makeEntry(frameAddress: number, flags: number): number {
  if (frameAddress % FLAG_SPAN !== 0) throw new RangeError(`frame address ${frameAddress} is not 4 KiB aligned`);
  return frameAddress + (flags % FLAG_SPAN);
}

export function entryFlags(entry: number): number {
  return entry % FLAG_SPAN;
}

export function entryAddress(entry: number): number {
  return entry - (entry % FLAG_SPAN);
}

export function hasFlag(entry: number, flag: number): boolean {
  return (entryFlags(entry) & flag) !== 0;
}

export function withFlags(entry: number, set: number, clear = 0): number {
  return entryAddress(entry) + ((entryFlags(entry) | set) & ~clear & (FLAG_SPAN - 1));
}
