/**
 * The driver's side of a split virtqueue (VIRTIO 1.2 §2.7.13, "Supplying Buffers to The Device",
 * and §2.7.14, "Receiving Used Buffers From The Device"). It owns the descriptor table and the
 * available ring; it only reads the used ring.
 */
import type { GuestMemory } from './guest-memory.ts';
import {
  DESCRIPTOR_BYTES, VIRTQ_AVAIL_F_NO_INTERRUPT, VIRTQ_DESC_F_INDIRECT, VIRTQ_DESC_F_NEXT, VIRTQ_DESC_F_WRITE,
  VIRTQ_USED_F_NO_NOTIFY, availEventAt, availFlagsAt, availIdxAt, availRingAt, indexDistance, readDescriptor,
  usedElemAt, usedEventAt, usedFlagsAt, usedIdxAt, vringNeedEvent, writeDescriptor,
} from './split-virtqueue.ts';
import type { SplitVirtqueueLayout } from './split-virtqueue.ts';

/** One piece of a buffer: guest-physical address, length, and whether the device writes it. */
export interface BufferSegment {
  readonly addr: number;
  readonly len: number;
  readonly writable: boolean;
}

export type AddBufferResult =
  | { readonly ok: true; readonly head: number; readonly descriptors: readonly number[] }
  | { readonly ok: false; readonly code: 'queueFull' | 'emptyBuffer' | 'readableAfterWritable' | 'indirectTooLong' };

export interface KickResult {
  /** avail->idx before and after this publication. */
  readonly oldIdx: number;
  readonly newIdx: number;
  /** Whether the driver notifies the device (writes its notify register: an exit on most paths). */
  readonly notify: boolean;
  /** What the decision read: avail_event under VIRTIO_F_EVENT_IDX, else used->flags. */
  readonly availEvent?: number;
  readonly usedFlags?: number;
}

export interface ReapedBuffer {
  readonly head: number;
  /** Bytes the device wrote into the buffer's device-writable part (§2.7.8). */
  readonly len: number;
  readonly descriptors: number;
}

export interface VirtqueueDriverOptions {
  /** VIRTIO_F_EVENT_IDX negotiated. */
  readonly eventIdx: boolean;
  /** The value of both indices at the start (0 after a reset; higher to show the wrap sooner). */
  readonly initialIndex?: number;
}

export class VirtqueueDriver {
  private readonly free: number[] = [];
  private readonly chains = new Map<number, { descriptors: number[] }>();
  /** The driver's copy of avail->idx, including buffers added but not yet published. */
  private availIdxShadow: number;
  private publishedIdx: number;
  /** The used index up to which the driver has reaped. */
  private lastUsedIdx: number;

  private readonly memory: GuestMemory;
  readonly layout: SplitVirtqueueLayout;
  readonly options: VirtqueueDriverOptions;

  constructor(memory: GuestMemory, layout: SplitVirtqueueLayout, options: VirtqueueDriverOptions) {
    this.memory = memory;
    this.layout = layout;
    this.options = options;
    for (let i = 0; i < layout.size; i++) this.free.push(i);
    const start = (options.initialIndex ?? 0) & 0xffff;
    this.availIdxShadow = start;
    this.publishedIdx = start;
    this.lastUsedIdx = start;
    memory.writeU16(availFlagsAt(layout), 0);
    memory.writeU16(availIdxAt(layout), start);
    memory.writeU16(usedEventAt(layout), start);
  }

  get freeDescriptors(): number {
    return this.free.length;
  }
  /** Buffers made available and not yet reaped. */
  get outstanding(): number {
    return this.chains.size;
  }
  get lastUsed(): number {
    return this.lastUsedIdx;
  }
  /** The available-ring index the next added buffer takes. */
  get nextAvailIndex(): number {
    return this.availIdxShadow;
  }
  /** Buffers added since the last kick (not yet visible to the device). */
  get unpublished(): number {
    return indexDistance(this.availIdxShadow, this.publishedIdx);
  }

  /**
   * §2.7.13.1: put a buffer in the descriptor table, device-readable segments first (§2.7.4.2,
   * "The driver MUST place any device-writable descriptor elements after any device-readable
   * descriptor elements"), then §2.7.13.2: its head in the next available-ring slot. Not yet
   * visible to the device: `kick` publishes avail->idx.
   *
   * With `indirectTable`, the chain goes into a table of its own at that address (§2.7.5.3) and
   * takes one descriptor of the ring, flagged VIRTQ_DESC_F_INDIRECT (and never also NEXT).
   */
  addBuffer(segments: readonly BufferSegment[], options: { indirectTable?: number } = {}): AddBufferResult {
    if (segments.length === 0) return { ok: false, code: 'emptyBuffer' };
    const firstWritable = segments.findIndex((s) => s.writable);
    if (firstWritable >= 0 && segments.slice(firstWritable).some((s) => !s.writable)) return { ok: false, code: 'readableAfterWritable' };
    const indirect = options.indirectTable !== undefined;
    // §2.7.5.3.1: "A driver MUST NOT create a descriptor chain longer than the Queue Size of the device."
    if (indirect && segments.length > this.layout.size) return { ok: false, code: 'indirectTooLong' };
    const needed = indirect ? 1 : segments.length;
    if (this.free.length < needed) return { ok: false, code: 'queueFull' };
    const used = this.free.splice(0, needed);
    if (indirect) {
      const table = options.indirectTable!;
      segments.forEach((s, i) => {
        const last = i === segments.length - 1;
        // Inside an indirect table, next indexes the table itself.
        writeDescriptor(this.memory, table, i, {
          addr: s.addr, len: s.len, flags: (s.writable ? VIRTQ_DESC_F_WRITE : 0) | (last ? 0 : VIRTQ_DESC_F_NEXT), next: last ? 0 : i + 1,
        });
      });
      writeDescriptor(this.memory, this.layout.descriptorTable, used[0]!, {
        addr: table, len: segments.length * DESCRIPTOR_BYTES, flags: VIRTQ_DESC_F_INDIRECT, next: 0,
      });
    } else {
      segments.forEach((s, i) => {
        const last = i === segments.length - 1;
        writeDescriptor(this.memory, this.layout.descriptorTable, used[i]!, {
          addr: s.addr, len: s.len, flags: (s.writable ? VIRTQ_DESC_F_WRITE : 0) | (last ? 0 : VIRTQ_DESC_F_NEXT), next: last ? 0 : used[i + 1]!,
        });
      });
    }
    const head = used[0]!;
    this.chains.set(head, { descriptors: used });
    this.memory.writeU16(availRingAt(this.layout, this.availIdxShadow % this.layout.size), head);
    this.availIdxShadow = (this.availIdxShadow + 1) & 0xffff;
    return { ok: true, head, descriptors: used };
  }

  /**
   * §2.7.13.3: publish avail->idx (after a write barrier, so the device sees the ring entries
   * first), then §2.7.13.4 / §2.7.10: decide whether to notify. Without VIRTIO_F_EVENT_IDX the
   * driver notifies unless used->flags has VIRTQ_USED_F_NO_NOTIFY; with it, exactly when the new
   * index has passed avail_event: vring_need_event(avail_event, new, old).
   */
  kick(): KickResult {
    const oldIdx = this.publishedIdx;
    const newIdx = this.availIdxShadow;
    this.memory.writeU16(availIdxAt(this.layout), newIdx);
    this.publishedIdx = newIdx;
    if (oldIdx === newIdx) return { oldIdx, newIdx, notify: false };
    if (this.options.eventIdx) {
      const availEvent = this.memory.readU16(availEventAt(this.layout));
      return { oldIdx, newIdx, notify: vringNeedEvent(availEvent, newIdx, oldIdx), availEvent };
    }
    const usedFlags = this.memory.readU16(usedFlagsAt(this.layout));
    return { oldIdx, newIdx, notify: (usedFlags & VIRTQ_USED_F_NO_NOTIFY) === 0, usedFlags };
  }

  /** Used buffers the driver has not reaped yet (used->idx minus the last one it saw). */
  pendingUsed(): number {
    return indexDistance(this.memory.readU16(usedIdxAt(this.layout)), this.lastUsedIdx);
  }

  /** §2.7.14: take the used buffers back, returning their descriptors to the free list. */
  reap(): ReapedBuffer[] {
    const usedIdx = this.memory.readU16(usedIdxAt(this.layout));
    const reaped: ReapedBuffer[] = [];
    while (this.lastUsedIdx !== usedIdx) {
      const at = usedElemAt(this.layout, this.lastUsedIdx % this.layout.size);
      const head = this.memory.readU32(at);
      const len = this.memory.readU32(at + 4);
      const chain = this.chains.get(head);
      if (chain) {
        this.chains.delete(head);
        this.free.push(...chain.descriptors);
        reaped.push({ head, len, descriptors: chain.descriptors.length });
      }
      this.lastUsedIdx = (this.lastUsedIdx + 1) & 0xffff;
    }
    return reaped;
  }

  /**
   * Ask for an interrupt after `after` more used buffers (interrupt coalescing). With
   * VIRTIO_F_EVENT_IDX this sets used_event (§2.7.7): the device interrupts when used->idx
   * passes it. Without, the driver can only switch interrupts on or off with
   * VIRTQ_AVAIL_F_NO_INTERRUPT, so `after` is 1.
   */
  requestInterruptAfter(after: number): void {
    if (this.options.eventIdx) {
      this.memory.writeU16(usedEventAt(this.layout), (this.lastUsedIdx + Math.max(1, after) - 1) & 0xffff);
    } else {
      this.memory.writeU16(availFlagsAt(this.layout), 0);
    }
  }

  /** §2.7.7: the driver does not want interrupts (it polls the used ring instead). */
  suppressInterrupts(): void {
    if (!this.options.eventIdx) this.memory.writeU16(availFlagsAt(this.layout), VIRTQ_AVAIL_F_NO_INTERRUPT);
    // With VIRTIO_F_EVENT_IDX the flag is ignored (§2.7.7.1); leaving used_event behind used->idx
    // is enough, since the device interrupts only when it crosses it.
  }

  /** The descriptors of a chain the driver has in flight (for a view). */
  chainOf(head: number): readonly number[] | undefined {
    return this.chains.get(head)?.descriptors;
  }

  /** Re-read a descriptor (for tests and views). */
  descriptor(index: number) {
    return readDescriptor(this.memory, this.layout.descriptorTable, index);
  }
}
