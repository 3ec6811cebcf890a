/**
 * A processor's memory-management unit running one guest, in one of three ways:
 *
 * - native: the guest's page tables are the tables the hardware walks (no hypervisor);
 * - shadow: the monitor keeps shadow tables from guest-virtual to host-physical addresses, which
 *   the hardware walks; it write-protects the guest's own tables, takes a VM exit on each write to
 *   them, on CR3 loads, INVLPG and page faults, and fills shadow entries on "hidden" faults
 *   (the KVM MMU's shadow mode, Documentation/virt/kvm/x86/mmu.rst);
 * - nested: the hardware walks the guest's tables and, for every guest-physical address on the
 *   way, the host's tables (EPT/NPT): the two-dimensional walk of Bhargava et al. (ASPLOS 2008).
 *
 * Counters say what each way costs: references per access, TLB hits and misses, VM exits by
 * reason, and cycles from a cost model.
 */
import { LruMap } from './lru-map.ts';
import { PRESENT, USER, WRITABLE, ACCESSED, DIRTY, LARGE_PAGE, entryAddress, hasFlag, makeEntry } from './page-table-entry.ts';
import { PAGE_SIZE, indexAtLevel, pageSizeAtLevel, shiftOfLevel } from './page-table-format.ts';
import type { PageTableFormat } from './page-table-format.ts';
import { walkPageTables } from './page-walk.ts';
import type { WalkResult, WalkStep } from './page-walk.ts';
import { PhysicalMemory } from './physical-memory.ts';
import { DEFAULT_PAGING_COST_MODEL } from './cost-model.ts';
import type { PagingCostModel } from './cost-model.ts';
import { EXIT_REASONS } from './paging-wordings.ts';
import type { ExitReason, PagingMode } from './paging-wordings.ts';

export interface PagingConfig {
  readonly mode: PagingMode;
  readonly guestFormat: PageTableFormat;
  /** The host's (EPT/NPT) format: nested paging walks it; shadow and native do not. */
  readonly hostFormat: PageTableFormat;
  /** TLB entries. */
  readonly tlbEntries: number;
  /** VPID/ASID: TLB entries are tagged, so a VM exit does not flush them. */
  readonly tlbTagged: boolean;
  /** Page-walk cache entries for upper-level entries (0: none). */
  readonly pageWalkCacheEntries: number;
  /** Nested TLB entries: guest-physical to host-physical translations for the host dimension (0: none). */
  readonly nestedTlbEntries: number;
  /** The host backs guest memory with large pages (2 MiB under x86-64): shorter host walks, large shadow entries. */
  readonly hostLargePages: boolean;
  /** Shadow roots the monitor keeps, the current one included (KVM: the current root and 3 previous). */
  readonly cachedShadowRoots: number;
  readonly costModel: PagingCostModel;
}

export const DEFAULT_PAGING_CONFIG: Omit<PagingConfig, 'mode' | 'guestFormat' | 'hostFormat'> = {
  tlbEntries: 64,
  tlbTagged: true,
  pageWalkCacheEntries: 0,
  nestedTlbEntries: 0,
  hostLargePages: false,
  cachedShadowRoots: 4,
  costModel: DEFAULT_PAGING_COST_MODEL,
};

export interface PagingCounters {
  accesses: number;
  tlbHits: number;
  tlbMisses: number;
  /** References made by the hardware page walker (both dimensions under nested paging). */
  walkReferences: number;
  /** References the monitor makes walking the guest's tables in software (shadow paging). */
  monitorReferences: number;
  pageWalkCacheHits: number;
  nestedTlbHits: number;
  /** Page faults the guest kernel handled. */
  guestPageFaults: number;
  exits: Record<ExitReason, number>;
  /** Pages of host memory holding shadow tables now. */
  shadowTablePages: number;
}

/** One memory reference of a walk, for drawing it. */
export interface WalkReference {
  /** Whose table: the guest's (native, or the guest dimension of a nested walk), the host's, the shadow. */
  readonly table: 'guest' | 'host' | 'shadow';
  /** The guest level whose entry is being read or located (0: the final guest-physical address). */
  readonly guestLevel: number;
  /** The host level read, when `table` is 'host'. */
  readonly hostLevel?: number;
  /** The address read: host-physical, except under native paging (where the two are one). */
  readonly address: number;
  /** A guest entry's guest-physical address, under nested paging. */
  readonly guestPhysical?: number;
}

export type AccessResult =
  | { readonly kind: 'done'; readonly hostPhysical: number; readonly tlbHit: boolean }
  | { readonly kind: 'segmentation-fault'; readonly address: number };

/** What the guest kernel does on a page fault: fix it (true) or not (a segmentation fault). */
export type GuestFaultHandler = (address: number, write: boolean) => boolean;

interface TlbEntry {
  readonly frame: number;
  readonly writable: boolean;
  readonly dirty: boolean;
}

interface ShadowTable {
  readonly level: number;
  /** The guest table it shadows (a guest-physical address), or null for a split large page. */
  readonly guestTable: number | null;
}

interface ShadowRoot {
  readonly guestRoot: number;
  readonly table: number;
}

const NOTHING = -1;

export class PagingMachine {
  readonly config: PagingConfig;
  /** Guest-physical memory: the guest's page tables live here. */
  readonly guestMemory = new PhysicalMemory();
  /** Host-physical memory: the host's tables (EPT/NPT) and the shadow tables live here. */
  readonly hostMemory = new PhysicalMemory();
  readonly counters: PagingCounters = {
    accesses: 0,
    tlbHits: 0,
    tlbMisses: 0,
    walkReferences: 0,
    monitorReferences: 0,
    pageWalkCacheHits: 0,
    nestedTlbHits: 0,
    guestPageFaults: 0,
    exits: Object.fromEntries(EXIT_REASONS.map((r) => [r, 0])) as Record<ExitReason, number>,
    shadowTablePages: 0,
  };
  /** The references of the last walk, when tracing. */
  lastWalk: WalkReference[] = [];
  tracing = false;
  /** The exits of the last operation, in order, when tracing. */
  lastExits: ExitReason[] = [];

  private guestRoot = NOTHING;
  private faultHandler: GuestFaultHandler = () => false;
  private readonly tlb: LruMap<string, TlbEntry>;
  private readonly pageWalkCache: LruMap<string, number>;
  private readonly nestedTlb: LruMap<number, number>;
  /** Host backing of guest-physical memory: chunk base (gPA) → host-physical base. */
  private readonly backing = new Map<number, number>();
  private readonly backingChunk: number;
  /** EPT/NPT root (nested). */
  private readonly hostRoot: number;
  /** Shadow paging: the cached roots, most recent last, and the bookkeeping of every shadow table. */
  private shadowRoots: ShadowRoot[] = [];
  private readonly shadowTables = new Map<number, ShadowTable>();
  /** Guest page-table frames the monitor has write-protected, with the shadow tables of each. */
  private readonly protectedFrames = new Map<number, Set<number>>();
  private readonly tlbPageShifts = new Set<number>();

  constructor(config: PagingConfig) {
    this.config = config;
    this.tlb = new LruMap(config.tlbEntries);
    this.pageWalkCache = new LruMap(config.pageWalkCacheEntries);
    this.nestedTlb = new LruMap(config.nestedTlbEntries);
    this.backingChunk = config.hostLargePages && config.mode !== 'native' ? pageSizeAtLevel(config.hostFormat, 2) : PAGE_SIZE;
    this.hostRoot = config.mode === 'nested' ? this.hostMemory.allocateFrame() : NOTHING;
  }

  /** Counts start again from zero (the shadow tables' page count is a level, and stays). */
  resetCounters(): void {
    const c = this.counters;
    c.accesses = c.tlbHits = c.tlbMisses = c.walkReferences = c.monitorReferences = 0;
    c.pageWalkCacheHits = c.nestedTlbHits = c.guestPageFaults = 0;
    for (const reason of EXIT_REASONS) c.exits[reason] = 0;
  }

  /** The guest kernel's page-fault handler. */
  onGuestPageFault(handler: GuestFaultHandler): void {
    this.faultHandler = handler;
  }

  get currentGuestRoot(): number {
    return this.guestRoot;
  }

  // ---- what the guest kernel does -------------------------------------------------------

  /** The guest writes an entry of one of its page tables (a guest-physical address). */
  guestWriteEntry(address: number, value: number): void {
    if (this.config.mode === 'shadow') {
      const frame = address - (address % PAGE_SIZE);
      const shadows = this.protectedFrames.get(frame);
      if (shadows) {
        // The frame is write-protected: the write exits, the monitor emulates it and drops the
        // shadow entries derived from the entry it changes.
        this.exit('page-table-write');
        this.guestMemory.write(address, value);
        const index = (address - frame) / this.config.guestFormat.entryBytes;
        let dropped = false;
        for (const shadow of [...shadows]) dropped = this.zapShadowEntry(shadow + index * this.config.guestFormat.entryBytes) || dropped;
        // A translation the TLB may hold is gone: flush (KVM flushes after zapping a present spte).
        if (dropped) this.flushTlb();
        return;
      }
    }
    this.guestMemory.write(address, value);
  }

  guestReadEntry(address: number): number {
    return this.guestMemory.read(address);
  }

  /** The guest loads CR3: a context switch. */
  loadCr3(guestRoot: number): void {
    this.guestRoot = guestRoot;
    if (this.config.mode === 'shadow') {
      this.exit('cr3-write');
      const cached = this.shadowRoots.findIndex((r) => r.guestRoot === guestRoot);
      if (cached >= 0) {
        this.shadowRoots.push(this.shadowRoots.splice(cached, 1)[0]!);
      } else {
        const table = this.newShadowTable(this.config.guestFormat.levels, guestRoot);
        this.shadowRoots.push({ guestRoot, table });
        while (this.shadowRoots.length > Math.max(1, this.config.cachedShadowRoots)) {
          const evicted = this.shadowRoots.shift()!;
          this.freeShadowTable(evicted.table);
        }
      }
    }
    this.flushTlb();
  }

  /** The guest flushes one page's translation (INVLPG). */
  invalidatePage(address: number): void {
    if (this.config.mode === 'shadow') {
      this.exit('invlpg');
      const root = this.currentShadowRoot();
      if (root) {
        const walk = walkPageTables(this.hostMemory, this.config.guestFormat, root.table, address, { write: false, user: false, setAccessedDirty: false });
        const last = walk.steps[walk.steps.length - 1];
        if (last && hasFlag(last.entry, PRESENT)) this.zapShadowEntry(last.entryAddress);
      }
    }
    this.tlb.deleteWhere((key) => this.tlbKeyCovers(key, address));
    this.pageWalkCache.clear();
  }

  /** The guest reads or writes `address` in the current address space. */
  access(address: number, write: boolean): AccessResult {
    this.counters.accesses++;
    if (this.tracing) {
      this.lastWalk = [];
      this.lastExits = [];
    }
    const cached = this.lookupTlb(address, write);
    if (cached !== undefined) {
      this.counters.tlbHits++;
      return { kind: 'done', hostPhysical: cached, tlbHit: true };
    }
    this.counters.tlbMisses++;
    for (let attempt = 0; attempt < 32; attempt++) {
      if (this.tracing) this.lastWalk = [];
      const outcome = this.translate(address, write);
      if (outcome.kind === 'done') return outcome;
      if (outcome.kind === 'retry') continue;
      // A true page fault: the guest kernel's handler runs.
      this.counters.guestPageFaults++;
      if (!this.faultHandler(address, write)) return { kind: 'segmentation-fault', address };
    }
    throw new Error(`no progress translating ${address}`);
  }

  // ---- the three ways --------------------------------------------------------------------

  private translate(address: number, write: boolean): { kind: 'done'; hostPhysical: number; tlbHit: false } | { kind: 'retry' } | { kind: 'guest-fault' } {
    const { mode, guestFormat } = this.config;
    if (mode === 'native') {
      const walk = this.hardwareWalk(this.guestMemory, guestFormat, this.guestRoot, address, write, 'guest');
      if (walk.kind !== 'mapped') return { kind: 'guest-fault' };
      this.fillTlb(address, walk.pageSize, walk.address, walk.writable, walk.dirty);
      return { kind: 'done', hostPhysical: walk.address, tlbHit: false };
    }
    if (mode === 'nested') {
      const walk = this.nestedWalk(address, write);
      if (walk === 'retry') return { kind: 'retry' };
      if (walk.kind !== 'mapped') return { kind: 'guest-fault' };
      const host = this.hostTranslate(walk.address, 0);
      if (host === undefined) return { kind: 'retry' };
      const pageSize = Math.min(walk.pageSize, host.pageSize);
      this.fillTlb(address, pageSize, host.address, walk.writable, walk.dirty);
      return { kind: 'done', hostPhysical: host.address, tlbHit: false };
    }
    // Shadow: the hardware walks the shadow tables.
    const root = this.currentShadowRoot();
    if (!root) return { kind: 'guest-fault' };
    const walk = this.hardwareWalk(this.hostMemory, guestFormat, root.table, address, write, 'shadow');
    if (walk.kind === 'mapped') {
      this.fillTlb(address, walk.pageSize, walk.address, walk.writable, walk.dirty);
      return { kind: 'done', hostPhysical: walk.address, tlbHit: false };
    }
    // The shadow cannot translate it: a page fault, which exits to the monitor.
    const guestWalk = this.monitorWalkGuest(address, write);
    if (guestWalk.kind !== 'mapped') {
      this.exit('guest-fault');
      return { kind: 'guest-fault' };
    }
    this.exit('hidden-fault');
    this.fillShadow(root, address, guestWalk);
    return { kind: 'retry' };
  }

  /** A hardware walk of one dimension, with the page-walk cache and the reference count. */
  private hardwareWalk(memory: PhysicalMemory, format: PageTableFormat, root: number, address: number, write: boolean, table: 'guest' | 'shadow'): WalkResult {
    const start = this.pageWalkCacheLookup(format, root, address);
    const walk = walkPageTables(memory, format, root, address, {
      write,
      user: true,
      setAccessedDirty: true,
      start,
      beforeRead: (entryAddress, level) => {
        this.counters.walkReferences++;
        if (this.tracing) this.lastWalk.push({ table, guestLevel: level, address: entryAddress });
      },
    });
    this.pageWalkCacheFill(format, root, address, walk.steps);
    return walk;
  }

  /**
   * The two-dimensional walk: every guest table entry's guest-physical address is translated
   * through the host's tables before it is read. Returns 'retry' after an EPT/NPT violation.
   */
  private nestedWalk(address: number, write: boolean): WalkResult | 'retry' {
    const format = this.config.guestFormat;
    let violated = false;
    const start = this.pageWalkCacheLookup(format, this.guestRoot, address);
    const walk = walkPageTables(this.guestMemory, format, this.guestRoot, address, {
      write,
      user: true,
      setAccessedDirty: true,
      start,
      beforeRead: (entryAddress, level) => {
        if (violated) return;
        const host = this.hostTranslate(entryAddress, level);
        if (host === undefined) {
          violated = true;
          return;
        }
        this.counters.walkReferences++;
        if (this.tracing) this.lastWalk.push({ table: 'guest', guestLevel: level, address: host.address, guestPhysical: entryAddress });
      },
    });
    if (violated) return 'retry';
    this.pageWalkCacheFill(format, this.guestRoot, address, walk.steps);
    return walk;
  }

  /**
   * Guest-physical to host-physical through the host's tables (nested paging), with the nested
   * TLB. An unmapped page is an EPT/NPT violation: the monitor backs and maps it, and the walk
   * starts again (undefined).
   */
  private hostTranslate(guestPhysical: number, guestLevel: number): { address: number; pageSize: number } | undefined {
    const hostFormat = this.config.hostFormat;
    const page = guestPhysical - (guestPhysical % PAGE_SIZE);
    const hit = this.nestedTlb.get(page);
    if (hit !== undefined) {
      this.counters.nestedTlbHits++;
      return { address: hit + (guestPhysical % PAGE_SIZE), pageSize: PAGE_SIZE };
    }
    const walk = walkPageTables(this.hostMemory, hostFormat, this.hostRoot, guestPhysical, {
      write: false,
      user: false,
      setAccessedDirty: false,
      beforeRead: (entryAddress, hostLevel) => {
        this.counters.walkReferences++;
        if (this.tracing) this.lastWalk.push({ table: 'host', guestLevel, hostLevel, address: entryAddress });
      },
    });
    if (walk.kind !== 'mapped') {
      this.exit('ept-violation');
      this.mapHostPage(guestPhysical);
      return undefined;
    }
    this.nestedTlb.set(page, walk.address - (walk.address % PAGE_SIZE));
    return { address: walk.address, pageSize: walk.pageSize };
  }

  /** The host-physical memory behind a guest-physical address, allocated on first use. */
  private backingOf(guestPhysical: number): number {
    const chunk = guestPhysical - (guestPhysical % this.backingChunk);
    let base = this.backing.get(chunk);
    if (base === undefined) {
      base = this.hostMemory.allocateFrame(this.backingChunk / PAGE_SIZE);
      this.backing.set(chunk, base);
    }
    return base + (guestPhysical - chunk);
  }

  /** The monitor maps a guest-physical page in the host's tables (EPT/NPT), creating tables as needed. */
  private mapHostPage(guestPhysical: number): void {
    const format = this.config.hostFormat;
    const leafLevel = this.backingChunk > PAGE_SIZE ? 2 : 1;
    let table = this.hostRoot;
    for (let level = format.levels; level > leafLevel; level--) {
      const at = table + indexAtLevel(format, level, guestPhysical) * format.entryBytes;
      let entry = this.hostMemory.read(at);
      if (!hasFlag(entry, PRESENT)) {
        entry = makeEntry(this.hostMemory.allocateFrame(), PRESENT | WRITABLE | USER);
        this.hostMemory.write(at, entry);
      }
      table = entryAddress(entry);
    }
    const at = table + indexAtLevel(format, leafLevel, guestPhysical) * format.entryBytes;
    const base = this.backingOf(guestPhysical - (guestPhysical % this.backingChunk));
    this.hostMemory.write(at, makeEntry(base, PRESENT | WRITABLE | USER | (leafLevel > 1 ? LARGE_PAGE : 0)));
  }

  // ---- shadow paging: the monitor's side ---------------------------------------------------

  private currentShadowRoot(): ShadowRoot | undefined {
    const root = this.shadowRoots[this.shadowRoots.length - 1];
    return root && root.guestRoot === this.guestRoot ? root : undefined;
  }

  /** The monitor reads the guest's tables in software, as the hardware would, A/D bits included. */
  private monitorWalkGuest(address: number, write: boolean): WalkResult {
    return walkPageTables(this.guestMemory, this.config.guestFormat, this.guestRoot, address, {
      write,
      user: true,
      setAccessedDirty: true,
      beforeRead: () => this.counters.monitorReferences++,
    });
  }

  private newShadowTable(level: number, guestTable: number | null): number {
    const table = this.hostMemory.allocateFrame();
    this.shadowTables.set(table, { level, guestTable });
    this.counters.shadowTablePages++;
    if (guestTable !== null) {
      let shadows = this.protectedFrames.get(guestTable);
      if (!shadows) this.protectedFrames.set(guestTable, (shadows = new Set()));
      shadows.add(table);
    }
    return table;
  }

  private freeShadowTable(table: number): void {
    const info = this.shadowTables.get(table);
    if (!info) return;
    const format = this.config.guestFormat;
    if (info.level > 1) {
      for (let i = 0; i < 2 ** format.indexBits[format.levels - info.level]!; i++) {
        const entry = this.hostMemory.read(table + i * format.entryBytes);
        if (hasFlag(entry, PRESENT) && !hasFlag(entry, LARGE_PAGE)) this.freeShadowTable(entryAddress(entry));
      }
    }
    if (info.guestTable !== null) {
      const shadows = this.protectedFrames.get(info.guestTable);
      shadows?.delete(table);
      if (shadows && !shadows.size) this.protectedFrames.delete(info.guestTable);
    }
    this.shadowTables.delete(table);
    this.hostMemory.freeFrame(table, format.entryBytes);
    this.counters.shadowTablePages--;
  }

  /** Drops one shadow entry (and the shadow tables below it); false when there was none. */
  private zapShadowEntry(at: number): boolean {
    const entry = this.hostMemory.read(at);
    if (!hasFlag(entry, PRESENT)) return false;
    const frame = at - (at % PAGE_SIZE);
    const info = this.shadowTables.get(frame);
    if (info && info.level > 1 && !hasFlag(entry, LARGE_PAGE)) this.freeShadowTable(entryAddress(entry));
    this.hostMemory.write(at, 0);
    return true;
  }

  /** Fills the shadow path for a translation the guest's tables allow (a hidden fault). */
  private fillShadow(root: ShadowRoot, address: number, guestWalk: Extract<WalkResult, { kind: 'mapped' }>): void {
    const format = this.config.guestFormat;
    const largeShadow = guestWalk.level > 1 && this.backingChunk === guestWalk.pageSize;
    const leafLevel = largeShadow ? guestWalk.level : 1;
    let table = root.table;
    for (let level = format.levels; level > leafLevel; level--) {
      const at = table + indexAtLevel(format, level, address) * format.entryBytes;
      let entry = this.hostMemory.read(at);
      if (!hasFlag(entry, PRESENT)) {
        // The shadow of the guest's next table; below a guest large page, a table of its own.
        const guestStep: WalkStep | undefined = guestWalk.steps.find((s) => s.level === level - 1);
        const child = this.newShadowTable(level - 1, guestStep ? guestStep.table : null);
        entry = makeEntry(child, PRESENT | WRITABLE | USER);
        this.hostMemory.write(at, entry);
      }
      table = entryAddress(entry);
    }
    // Writable in the shadow only once the guest's entry is dirty, so the first write exits and
    // the monitor can set the guest's dirty bit (as the hardware would have).
    const writable = guestWalk.writable && guestWalk.dirty;
    const pageSize = pageSizeAtLevel(format, leafLevel);
    const guestPage = guestWalk.address - (guestWalk.address % pageSize);
    const hostPage = this.backingOf(guestPage);
    const at = table + indexAtLevel(format, leafLevel, address) * format.entryBytes;
    const flags = PRESENT | USER | ACCESSED | (writable ? WRITABLE | DIRTY : 0) | (leafLevel > 1 ? LARGE_PAGE : 0);
    this.hostMemory.write(at, makeEntry(hostPage, flags));
  }

  // ---- TLB, page-walk cache, exits ---------------------------------------------------------

  private exit(reason: ExitReason): void {
    this.counters.exits[reason]++;
    if (this.tracing) this.lastExits.push(reason);
    if (!this.config.tlbTagged) this.flushTlb();
  }

  private flushTlb(): void {
    this.tlb.clear();
    this.pageWalkCache.clear();
  }

  private tlbKeyCovers(key: string, address: number): boolean {
    const [shift, number] = key.split(':').map(Number) as [number, number];
    return Math.floor(address / 2 ** shift) === number;
  }

  private lookupTlb(address: number, write: boolean): number | undefined {
    for (const shift of this.tlbPageShifts) {
      const size = 2 ** shift;
      const entry = this.tlb.get(`${shift}:${Math.floor(address / size)}`);
      if (!entry) continue;
      if (write && !(entry.writable && entry.dirty)) return undefined;
      return entry.frame + (address % size);
    }
    return undefined;
  }

  private fillTlb(address: number, pageSize: number, physical: number, writable: boolean, dirty: boolean): void {
    const shift = Math.log2(pageSize);
    this.tlbPageShifts.add(shift);
    this.tlb.set(`${shift}:${Math.floor(address / pageSize)}`, { frame: physical - (physical % pageSize), writable, dirty });
  }

  /** The deepest table a page-walk cache hit lets a walk start at. */
  private pageWalkCacheLookup(format: PageTableFormat, root: number, address: number): { level: number; table: number } | undefined {
    if (this.config.pageWalkCacheEntries <= 0) return undefined;
    for (let level = 1; level < format.levels; level++) {
      const table = this.pageWalkCache.get(`${root}:${level}:${Math.floor(address / 2 ** shiftOfLevel(format, level + 1))}`);
      if (table !== undefined) {
        this.counters.pageWalkCacheHits++;
        return { level, table };
      }
    }
    return undefined;
  }

  private pageWalkCacheFill(format: PageTableFormat, root: number, address: number, steps: readonly WalkStep[]): void {
    if (this.config.pageWalkCacheEntries <= 0) return;
    for (const step of steps) {
      if (step.level === format.levels) continue;
      this.pageWalkCache.set(`${root}:${step.level}:${Math.floor(address / 2 ** shiftOfLevel(format, step.level + 1))}`, step.table);
    }
  }

  // ---- checks --------------------------------------------------------------------------------

  /**
   * Shadow entries that say more than the guest's tables: each valid shadow leaf must map the
   * host page behind the guest's translation, with no more rights than the guest gives. Empty
   * when the monitor has kept its promise.
   */
  shadowInconsistencies(): string[] {
    if (this.config.mode !== 'shadow') return [];
    const problems: string[] = [];
    const format = this.config.guestFormat;
    for (const root of this.shadowRoots) {
      const visit = (table: number, level: number, base: number): void => {
        for (let i = 0; i < 2 ** format.indexBits[format.levels - level]!; i++) {
          const entry = this.hostMemory.read(table + i * format.entryBytes);
          if (!hasFlag(entry, PRESENT)) continue;
          const address = base + i * pageSizeAtLevel(format, level);
          if (level > 1 && !hasFlag(entry, LARGE_PAGE)) {
            visit(entryAddress(entry), level - 1, address);
            continue;
          }
          const guest = walkPageTables(this.guestMemory, format, root.guestRoot, address, { write: false, user: false, setAccessedDirty: false });
          if (guest.kind !== 'mapped') {
            problems.push(`root ${root.guestRoot}: shadow maps ${address}, the guest does not`);
            continue;
          }
          const chunk = guest.address - (guest.address % this.backingChunk);
          const backing = this.backing.get(chunk);
          if (backing === undefined || backing + (guest.address - chunk) !== entryAddress(entry)) problems.push(`root ${root.guestRoot}: ${address} maps another host page`);
          if (hasFlag(entry, WRITABLE) && !(guest.writable && guest.dirty)) problems.push(`root ${root.guestRoot}: ${address} writable in the shadow only`);
          if (hasFlag(entry, USER) && !guest.user) problems.push(`root ${root.guestRoot}: ${address} user in the shadow only`);
        }
      };
      visit(root.table, format.levels, 0);
    }
    return problems;
  }
}
