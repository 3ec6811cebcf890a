/**
 * The guest kernel, as far as paging goes: processes with their own page tables in guest-physical
 * memory, mapping and unmapping pages (writing entries, then INVLPG), demand paging from its
 * page-fault handler, and context switches (loading CR3). Every table write goes through the
 * machine, so under shadow paging the monitor sees the writes it has write-protected.
 */
import { LARGE_PAGE, PRESENT, USER, WRITABLE, entryAddress, hasFlag, makeEntry } from './page-table-entry.ts';
import { PAGE_SIZE, indexAtLevel, pageSizeAtLevel } from './page-table-format.ts';
import type { PagingMachine } from './paging-machine.ts';

export interface DemandRegion {
  readonly start: number;
  readonly end: number;
  /** Map the region with large pages (level 2) instead of 4 KiB pages. */
  readonly large: boolean;
}

interface GuestProcess {
  readonly root: number;
  readonly regions: DemandRegion[];
  /** Pages it mapped: virtual address → page size. */
  readonly mapped: Map<number, number>;
  /** Its page-table frames below the root. */
  readonly tables: number[];
}

export class GuestOs {
  private readonly processes = new Map<number, GuestProcess>();
  private current: number | undefined;
  /** The guest-physical frame behind each mapped page, by "pid:page". */
  private readonly frameOf = new Map<string, number>();

  private readonly machine: PagingMachine;

  constructor(machine: PagingMachine) {
    this.machine = machine;
    machine.onGuestPageFault((address) => this.handlePageFault(address));
  }

  get currentProcess(): number | undefined {
    return this.current;
  }

  /** A new process with an empty address space, whose `regions` fill on demand. */
  spawn(pid: number, regions: readonly DemandRegion[]): void {
    if (this.processes.has(pid)) throw new Error(`process ${pid} exists`);
    this.processes.set(pid, { root: this.machine.guestMemory.allocateFrame(), regions: [...regions], mapped: new Map(), tables: [] });
  }

  switchTo(pid: number): void {
    const process = this.process(pid);
    this.current = pid;
    this.machine.loadCr3(process.root);
  }

  /** Maps one page of the current process: a fresh frame, writable, user. */
  map(address: number, large: boolean): void {
    const pid = this.current;
    if (pid === undefined) throw new Error('no process is running');
    const process = this.process(pid);
    const format = this.machine.config.guestFormat;
    const leafLevel = large && format.largePageLevels.includes(2) ? 2 : 1;
    const pageSize = pageSizeAtLevel(format, leafLevel);
    const page = address - (address % pageSize);
    if (process.mapped.has(page)) return;
    let table = process.root;
    for (let level = format.levels; level > leafLevel; level--) {
      const at = table + indexAtLevel(format, level, page) * format.entryBytes;
      let entry = this.machine.guestReadEntry(at);
      if (!hasFlag(entry, PRESENT)) {
        const child = this.machine.guestMemory.allocateFrame();
        process.tables.push(child);
        entry = makeEntry(child, PRESENT | WRITABLE | USER);
        this.machine.guestWriteEntry(at, entry);
      }
      table = entryAddress(entry);
    }
    const frame = this.machine.guestMemory.allocateFrame(pageSize / PAGE_SIZE);
    const at = table + indexAtLevel(format, leafLevel, page) * format.entryBytes;
    this.machine.guestWriteEntry(at, makeEntry(frame, PRESENT | WRITABLE | USER | (leafLevel > 1 ? LARGE_PAGE : 0)));
    process.mapped.set(page, pageSize);
    this.frameOf.set(`${pid}:${page}`, frame);
  }

  /** Unmaps one page of the current process: clear its entry, then INVLPG. */
  unmap(address: number): void {
    if (this.current === undefined) throw new Error('no process is running');
    const process = this.process(this.current);
    for (const [page, size] of process.mapped) {
      if (address >= page && address < page + size) {
        this.clearLeaf(process, page);
        this.machine.invalidatePage(page);
        process.mapped.delete(page);
        return;
      }
    }
  }

  /**
   * The process exits: the kernel clears every entry it mapped and every pointer to its tables
   * (as Linux's exit_mmap and free_pgtables do), then gives the frames back for reuse.
   */
  exit(pid: number): void {
    const process = this.process(pid);
    const format = this.machine.config.guestFormat;
    for (const page of process.mapped.keys()) {
      this.clearLeaf(process, page);
      if (pid === this.current) this.machine.invalidatePage(page);
    }
    for (const table of [process.root, ...process.tables]) {
      for (let offset = 0; offset < PAGE_SIZE; offset += format.entryBytes) {
        if (this.machine.guestReadEntry(table + offset) !== 0) this.machine.guestWriteEntry(table + offset, 0);
      }
    }
    for (const table of process.tables) this.machine.guestMemory.freeFrame(table, format.entryBytes);
    this.machine.guestMemory.freeFrame(process.root, format.entryBytes);
    for (const [page, size] of process.mapped) {
      const frame = this.frameOf.get(`${pid}:${page}`);
      if (frame !== undefined && size === PAGE_SIZE) this.machine.guestMemory.freeFrame(frame, format.entryBytes);
      this.frameOf.delete(`${pid}:${page}`);
    }
    this.processes.delete(pid);
    if (this.current === pid) this.current = undefined;
  }

  private clearLeaf(process: GuestProcess, page: number): void {
    const format = this.machine.config.guestFormat;
    let table = process.root;
    for (let level = format.levels; level >= 1; level--) {
      const at = table + indexAtLevel(format, level, page) * format.entryBytes;
      const entry = this.machine.guestReadEntry(at);
      if (!hasFlag(entry, PRESENT)) return;
      if (level === 1 || hasFlag(entry, LARGE_PAGE)) {
        this.machine.guestWriteEntry(at, 0);
        return;
      }
      table = entryAddress(entry);
    }
  }

  private handlePageFault(address: number): boolean {
    if (this.current === undefined) return false;
    const region = this.process(this.current).regions.find((r) => address >= r.start && address < r.end);
    if (!region) return false;
    this.map(address, region.large);
    return true;
  }

  private process(pid: number): GuestProcess {
    const process = this.processes.get(pid);
    if (!process) throw new Error(`no process ${pid}`);
    return process;
  }
}
