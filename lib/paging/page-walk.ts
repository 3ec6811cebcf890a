/**
 * One walk of one set of page tables, the way the processor's page walker does it (Intel SDM vol.
 * 3A §4.5): read the entry at each level, stop at a not-present entry or at a leaf (level 1, or a
 * large page), collect the permissions, and set the accessed and dirty bits it uses.
 */
import {
  ACCESSED, DIRTY, LARGE_PAGE, PRESENT, USER, WRITABLE, entryAddress, hasFlag, withFlags,
} from './page-table-entry.ts';
import { indexAtLevel, pageSizeAtLevel } from './page-table-format.ts';
import type { PageTableFormat } from './page-table-format.ts';
import type { PhysicalMemory } from './physical-memory.ts';

export interface WalkStep {
  readonly level: number;
  /** The table read at this level (an address in the walked memory). */
  readonly table: number;
  readonly entryAddress: number;
  readonly entry: number;
}

export type WalkResult =
  | {
      readonly kind: 'mapped';
      /** The translated address (the page's frame plus the offset in the page). */
      readonly address: number;
      readonly pageSize: number;
      /** The level whose entry mapped the page (1, or 2/3 for a large page). */
      readonly level: number;
      readonly writable: boolean;
      readonly user: boolean;
      readonly dirty: boolean;
      readonly steps: readonly WalkStep[];
    }
  | { readonly kind: 'not-present'; readonly level: number; readonly steps: readonly WalkStep[] }
  | { readonly kind: 'protection'; readonly level: number; readonly steps: readonly WalkStep[] };

export interface WalkRequest {
  readonly write: boolean;
  readonly user: boolean;
  /** Set A in every entry used, and D in the leaf on a write, as the hardware does. */
  readonly setAccessedDirty: boolean;
  /** Start below the root: a page-walk-cache hit gave the table at this level. */
  readonly start?: { readonly level: number; readonly table: number };
  /** Called before each entry is read, with its address and level (counting, tracing, nested translation). */
  readonly beforeRead?: (entryAddress: number, level: number) => void;
}

export function walkPageTables(
  memory: PhysicalMemory,
  format: PageTableFormat,
  root: number,
  address: number,
  request: WalkRequest,
): WalkResult {
  const steps: WalkStep[] = [];
  let level = request.start?.level ?? format.levels;
  let table = request.start?.table ?? root;
  let writable = true;
  let user = true;
  for (;;) {
    const at = table + indexAtLevel(format, level, address) * format.entryBytes;
    request.beforeRead?.(at, level);
    let entry = memory.read(at);
    steps.push({ level, table, entryAddress: at, entry });
    if (!hasFlag(entry, PRESENT)) return { kind: 'not-present', level, steps };
    writable &&= hasFlag(entry, WRITABLE);
    user &&= hasFlag(entry, USER);
    const leaf = level === 1 || (hasFlag(entry, LARGE_PAGE) && format.largePageLevels.includes(level));
    if (leaf) {
      if ((request.write && !writable) || (request.user && !user)) return { kind: 'protection', level, steps };
      if (request.setAccessedDirty) {
        const updated = withFlags(entry, ACCESSED | (request.write ? DIRTY : 0));
        if (updated !== entry) memory.write(at, (entry = updated));
      }
      const pageSize = pageSizeAtLevel(format, level);
      return {
        kind: 'mapped',
        address: entryAddress(entry) + (address % pageSize),
        pageSize,
        level,
        writable,
        user,
        dirty: hasFlag(entry, DIRTY),
        steps,
      };
    }
    if (request.setAccessedDirty && !hasFlag(entry, ACCESSED)) memory.write(at, withFlags(entry, ACCESSED));
    table = entryAddress(entry);
    level--;
  }
}
