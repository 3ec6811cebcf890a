/**
 * The device's side of a split virtqueue: it reads the descriptor table and the available ring
 * and owns the used ring (VIRTIO 1.2 §2.7.5–§2.7.10). Everything it reads comes from guest memory,
 * so it checks what the driver wrote, as a device must (§2.7.5.1, §2.7.5.3.1): a descriptor index
 * out of range, a loop, INDIRECT with NEXT, a nested indirect table or a readable segment after
 * a writable one is reported as a problem, never followed blindly.
 */
import type { GuestMemory } from './guest-memory.ts';
import {
  DESCRIPTOR_BYTES, VIRTQ_AVAIL_F_NO_INTERRUPT, VIRTQ_DESC_F_INDIRECT, VIRTQ_DESC_F_NEXT, VIRTQ_DESC_F_WRITE,
  VIRTQ_USED_F_NO_NOTIFY, availEventAt, availFlagsAt, availIdxAt, availRingAt, indexDistance, readDescriptor,
  usedElemAt, usedEventAt, usedFlagsAt, usedIdxAt, vringNeedEvent,
} from './split-virtqueue.ts';
import type { SplitVirtqueueLayout } from './split-virtqueue.ts';
import type { BufferSegment } from './virtqueue-driver.ts';

export type ChainProblemCode =
  | 'headOutOfRange'
  | 'nextOutOfRange'
  | 'chainLoop'
  | 'indirectWithNext'
  | 'nestedIndirect'
  | 'indirectBadLength'
  | 'readableAfterWritable'
  | 'outsideMemory';

export interface DescriptorChain {
  readonly head: number;
  /** Device-readable segments, then device-writable ones, in chain order. */
  readonly readable: readonly BufferSegment[];
  readonly writable: readonly BufferSegment[];
  /** Descriptor indices visited in the queue's table (the head alone when indirect). */
  readonly descriptors: readonly number[];
  /** Address of the indirect table, when the head was VIRTQ_DESC_F_INDIRECT. */
  readonly indirectTable?: number;
}

export type PopResult =
  | { readonly ok: true; readonly chain: DescriptorChain; readonly availIdx: number }
  | { readonly ok: false; readonly code: 'empty' }
  | { readonly ok: false; readonly code: ChainProblemCode; readonly head: number };

export interface PublishResult {
  readonly oldIdx: number;
  readonly newIdx: number;
  /** Whether the device sends a used buffer notification (an interrupt). */
  readonly interrupt: boolean;
  readonly usedEvent?: number;
  readonly availFlags?: number;
}

export class VirtqueueDevice {
  private lastAvailIdx: number;
  private usedIdxShadow: number;
  private publishedUsedIdx: number;

  private readonly memory: GuestMemory;
  readonly layout: SplitVirtqueueLayout;
  readonly options: { readonly eventIdx: boolean; readonly initialIndex?: number };

  constructor(memory: GuestMemory, layout: SplitVirtqueueLayout, options: { readonly eventIdx: boolean; readonly initialIndex?: number }) {
    this.memory = memory;
    this.layout = layout;
    this.options = options;
    const start = (options.initialIndex ?? 0) & 0xffff;
    this.lastAvailIdx = start;
    this.usedIdxShadow = start;
    this.publishedUsedIdx = start;
    memory.writeU16(usedFlagsAt(layout), 0);
    memory.writeU16(usedIdxAt(layout), start);
    memory.writeU16(availEventAt(layout), start);
  }

  /** The next available-ring index the device will read. */
  get nextAvail(): number {
    return this.lastAvailIdx;
  }

  /** The used-ring index the next used buffer takes. */
  get nextUsedIndex(): number {
    return this.usedIdxShadow;
  }

  /** Buffers the driver has published and the device has not taken yet. */
  available(): number {
    return indexDistance(this.memory.readU16(availIdxAt(this.layout)), this.lastAvailIdx);
  }

  /** Take the next available buffer and walk its descriptor chain (§2.7.5, §2.7.5.3, §2.7.6). */
  pop(): PopResult {
    if (this.available() === 0) return { ok: false, code: 'empty' };
    const head = this.memory.readU16(availRingAt(this.layout, this.lastAvailIdx % this.layout.size));
    const availIdx = this.lastAvailIdx;
    this.lastAvailIdx = (this.lastAvailIdx + 1) & 0xffff;
    const walked = this.walk(head);
    return walked.ok ? { ok: true, chain: walked.chain, availIdx } : { ok: false, code: walked.code, head };
  }

  private walk(head: number): { ok: true; chain: DescriptorChain } | { ok: false; code: ChainProblemCode } {
    const size = this.layout.size;
    if (head >= size) return { ok: false, code: 'headOutOfRange' };
    const readable: BufferSegment[] = [];
    const writable: BufferSegment[] = [];
    const descriptors: number[] = [];
    let table = this.layout.descriptorTable;
    let tableSize = size;
    let index = head;
    let indirectTable: number | undefined;
    for (let steps = 0; ; steps++) {
      // A chain longer than its table can only be a loop (§2.7.5.3.1 bounds a chain by the queue size).
      if (steps >= tableSize) return { ok: false, code: 'chainLoop' };
      const d = readDescriptor(this.memory, table, index);
      if (indirectTable === undefined) descriptors.push(index);
      if (d.flags & VIRTQ_DESC_F_INDIRECT) {
        // §2.7.5.3.1: "The driver MUST NOT set the VIRTQ_DESC_F_INDIRECT flag within an indirect
        // descriptor", and "MUST NOT set both VIRTQ_DESC_F_INDIRECT and VIRTQ_DESC_F_NEXT in flags".
        if (indirectTable !== undefined) return { ok: false, code: 'nestedIndirect' };
        if (d.flags & VIRTQ_DESC_F_NEXT) return { ok: false, code: 'indirectWithNext' };
        if (d.len === 0 || d.len % DESCRIPTOR_BYTES !== 0) return { ok: false, code: 'indirectBadLength' };
        if (!this.memory.contains(d.addr, d.len)) return { ok: false, code: 'outsideMemory' };
        indirectTable = d.addr;
        table = d.addr;
        tableSize = d.len / DESCRIPTOR_BYTES;
        index = 0;
        steps = -1;
        continue;
      }
      if (!this.memory.contains(d.addr, d.len)) return { ok: false, code: 'outsideMemory' };
      const segment = { addr: d.addr, len: d.len, writable: (d.flags & VIRTQ_DESC_F_WRITE) !== 0 };
      if (segment.writable) writable.push(segment);
      else if (writable.length > 0) return { ok: false, code: 'readableAfterWritable' };
      else readable.push(segment);
      if (!(d.flags & VIRTQ_DESC_F_NEXT)) break;
      if (d.next >= tableSize) return { ok: false, code: 'nextOutOfRange' };
      index = d.next;
    }
    return { ok: true, chain: { head, readable, writable, descriptors, ...(indirectTable === undefined ? {} : { indirectTable }) } };
  }

  /**
   * §2.7.8: put a used element {id: head, len: bytes written} in the next used-ring slot. Not
   * visible to the driver until `publish`.
   */
  pushUsed(head: number, writtenBytes: number): void {
    const at = usedElemAt(this.layout, this.usedIdxShadow % this.layout.size);
    this.memory.writeU32(at, head);
    this.memory.writeU32(at + 4, writtenBytes);
    this.usedIdxShadow = (this.usedIdxShadow + 1) & 0xffff;
  }

  /**
   * Publish used->idx, then decide whether to interrupt (§2.7.7): without VIRTIO_F_EVENT_IDX,
   * unless avail->flags has VIRTQ_AVAIL_F_NO_INTERRUPT; with it, when used->idx passed
   * used_event: vring_need_event(used_event, new, old) (§2.7.7.2).
   */
  publish(): PublishResult {
    const oldIdx = this.publishedUsedIdx;
    const newIdx = this.usedIdxShadow;
    this.memory.writeU16(usedIdxAt(this.layout), newIdx);
    this.publishedUsedIdx = newIdx;
    if (oldIdx === newIdx) return { oldIdx, newIdx, interrupt: false };
    if (this.options.eventIdx) {
      const usedEvent = this.memory.readU16(usedEventAt(this.layout));
      return { oldIdx, newIdx, interrupt: vringNeedEvent(usedEvent, newIdx, oldIdx), usedEvent };
    }
    const availFlags = this.memory.readU16(availFlagsAt(this.layout));
    return { oldIdx, newIdx, interrupt: (availFlags & VIRTQ_AVAIL_F_NO_INTERRUPT) === 0, availFlags };
  }

  /**
   * The device is busy and will look at the ring again by itself: no notifications, please.
   * Without VIRTIO_F_EVENT_IDX it sets VIRTQ_USED_F_NO_NOTIFY (§2.7.10); with it, it simply
   * leaves avail_event behind, where the driver's next index will not cross it.
   */
  suppressNotifications(): void {
    if (!this.options.eventIdx) this.memory.writeU16(usedFlagsAt(this.layout), VIRTQ_USED_F_NO_NOTIFY);
  }

  /**
   * The device is going idle: notify me for the next buffer. With VIRTIO_F_EVENT_IDX it sets
   * avail_event to the next index it will read (§2.7.10); without, it clears NO_NOTIFY. The
   * caller must then look at the ring once more, since the driver may have added a buffer while
   * notifications were off (the race §2.7.10 warns about).
   */
  enableNotifications(): void {
    if (this.options.eventIdx) this.memory.writeU16(availEventAt(this.layout), this.lastAvailIdx);
    else this.memory.writeU16(usedFlagsAt(this.layout), 0);
  }

  /** Bytes of guest memory the device reads or writes for a segment. */
  readSegment(segment: BufferSegment): Uint8Array {
    return this.memory.read(segment.addr, segment.len);
  }
  writeSegment(segment: BufferSegment, data: Uint8Array): number {
    const n = Math.min(segment.len, data.length);
    this.memory.write(segment.addr, data.subarray(0, n));
    return n;
  }
}
