/**
 * A physical address space that holds page tables: entries stored by their byte address, and a
 * frame allocator. The guest's "physical" memory and the host's are two of these.
 */
import { PAGE_SIZE } from './page-table-format.ts';

export class PhysicalMemory {
  private readonly entries = new Map<number, number>();
  private nextFrame: number;
  private readonly freeFrames: number[] = [];
  /** Frames handed out and not freed. */
  allocatedFrames = 0;

  constructor(firstFrameAddress = PAGE_SIZE) {
    this.nextFrame = firstFrameAddress;
  }

  /** A zeroed 4 KiB frame (or `pages` contiguous, aligned to their size, for a large page). */
  allocateFrame(pages = 1): number {
    if (pages === 1 && this.freeFrames.length) {
      this.allocatedFrames++;
      return this.freeFrames.pop()!;
    }
    const bytes = pages * PAGE_SIZE;
    const address = Math.ceil(this.nextFrame / bytes) * bytes;
    this.nextFrame = address + bytes;
    this.allocatedFrames += pages;
    return address;
  }

  /** Gives a 4 KiB frame back, its contents cleared. */
  freeFrame(address: number, entryBytes: number): void {
    for (let offset = 0; offset < PAGE_SIZE; offset += entryBytes) this.entries.delete(address + offset);
    this.freeFrames.push(address);
    this.allocatedFrames--;
  }

  read(address: number): number {
    return this.entries.get(address) ?? 0;
  }

  write(address: number, value: number): void {
    if (value === 0) this.entries.delete(address);
    else this.entries.set(address, value);
  }
}
