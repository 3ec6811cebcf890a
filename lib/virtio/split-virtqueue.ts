/**
 * The split virtqueue's layout in guest memory, as OASIS VIRTIO 1.2 §2.7 ("Split Virtqueues")
 * defines it:
 *
 *   part              alignment   size            written by
 *   descriptor table  16          16 * Q          the driver      (§2.7.5)
 *   available ring     2          6 + 2 * Q       the driver      (§2.7.6)
 *   used ring          4          6 + 8 * Q       the device      (§2.7.8)
 *
 * Q, the queue size, is a power of 2 and at most 32768 (§2.7). Indices in the rings (avail->idx,
 * used->idx) are free-running 16-bit counters: they only ever increase, wrap at 65536, and the
 * slot they name is `idx % Q` (§2.7.6, §2.7.8). This file reads and writes those structures;
 * the driver (virtqueue-driver.ts) and the device (virtqueue-device.ts) use it.
 */
import type { GuestMemory } from './guest-memory.ts';

/** struct virtq_desc { le64 addr; le32 len; le16 flags; le16 next; } (§2.7.5). */
export const DESCRIPTOR_BYTES = 16;
/** "This marks a buffer as continuing via the next field." */
export const VIRTQ_DESC_F_NEXT = 1;
/** "This marks a buffer as device write-only (otherwise device read-only)." */
export const VIRTQ_DESC_F_WRITE = 2;
/** "This means the buffer contains a list of buffer descriptors." (§2.7.5.3) */
export const VIRTQ_DESC_F_INDIRECT = 4;
/** avail->flags: the driver asks the device not to interrupt it (§2.7.7). */
export const VIRTQ_AVAIL_F_NO_INTERRUPT = 1;
/** used->flags: the device asks the driver not to notify it (§2.7.10). */
export const VIRTQ_USED_F_NO_NOTIFY = 1;
/** Feature bit 29 (§6): used_event and avail_event replace the two flags above. */
export const VIRTIO_F_EVENT_IDX = 29;
/** Feature bit 28 (§6): the driver may use indirect descriptors. */
export const VIRTIO_F_INDIRECT_DESC = 28;
/** The largest queue size a split virtqueue may have (§2.7). */
export const MAX_SPLIT_QUEUE_SIZE = 32768;

export interface SplitVirtqueueLayout {
  readonly size: number;
  readonly descriptorTable: number;
  readonly availableRing: number;
  readonly usedRing: number;
  /** The first byte after the used ring. */
  readonly end: number;
}

function alignUp(address: number, alignment: number): number {
  return Math.ceil(address / alignment) * alignment;
}

export function isValidQueueSize(size: number): boolean {
  return Number.isInteger(size) && size >= 1 && size <= MAX_SPLIT_QUEUE_SIZE && (size & (size - 1)) === 0;
}

/** Where the three parts of a queue of `size` entries go, from `base` on, each at its alignment. */
export function splitVirtqueueLayout(size: number, base = 0): SplitVirtqueueLayout {
  if (!isValidQueueSize(size)) throw new RangeError(`queue size ${size} is not a power of 2 from 1 to ${MAX_SPLIT_QUEUE_SIZE}`);
  const descriptorTable = alignUp(base, 16);
  const availableRing = alignUp(descriptorTable + DESCRIPTOR_BYTES * size, 2);
  const usedRing = alignUp(availableRing + 6 + 2 * size, 4);
  return { size, descriptorTable, availableRing, usedRing, end: usedRing + 6 + 8 * size };
}

export interface Descriptor {
  readonly addr: number;
  readonly len: number;
  readonly flags: number;
  readonly next: number;
}

export function readDescriptor(memory: GuestMemory, table: number, index: number): Descriptor {
  const at = table + DESCRIPTOR_BYTES * index;
  return { addr: memory.readU64(at), len: memory.readU32(at + 8), flags: memory.readU16(at + 12), next: memory.readU16(at + 14) };
}

export function writeDescriptor(memory: GuestMemory, table: number, index: number, d: Descriptor): void {
  const at = table + DESCRIPTOR_BYTES * index;
  memory.writeU64(at, d.addr);
  memory.writeU32(at + 8, d.len);
  memory.writeU16(at + 12, d.flags);
  memory.writeU16(at + 14, d.next);
}

// struct virtq_avail { le16 flags; le16 idx; le16 ring[Q]; le16 used_event; } (§2.7.6)
export const availFlagsAt = (l: SplitVirtqueueLayout) => l.availableRing;
export const availIdxAt = (l: SplitVirtqueueLayout) => l.availableRing + 2;
export const availRingAt = (l: SplitVirtqueueLayout, slot: number) => l.availableRing + 4 + 2 * slot;
/** used_event sits after the available ring's Q entries (§2.7.6, "Only if VIRTIO_F_EVENT_IDX"). */
export const usedEventAt = (l: SplitVirtqueueLayout) => l.availableRing + 4 + 2 * l.size;

// struct virtq_used { le16 flags; le16 idx; struct virtq_used_elem ring[Q]; le16 avail_event; } (§2.7.8)
// struct virtq_used_elem { le32 id; le32 len; }
export const usedFlagsAt = (l: SplitVirtqueueLayout) => l.usedRing;
export const usedIdxAt = (l: SplitVirtqueueLayout) => l.usedRing + 2;
export const usedElemAt = (l: SplitVirtqueueLayout, slot: number) => l.usedRing + 4 + 8 * slot;
export const availEventAt = (l: SplitVirtqueueLayout) => l.usedRing + 4 + 8 * l.size;

/** (a - b) mod 2^16: how far a free-running 16-bit index is ahead of another. */
export function indexDistance(a: number, b: number): number {
  return (a - b) & 0xffff;
}

/**
 * Whether an index moving from `oldIdx` to `newIdx` has passed `eventIdx`, so the other side
 * asked to hear about it. This is the formula of §2.7.7.1/§2.7.10 as Linux writes it
 * (include/uapi/linux/virtio_ring.h, vring_need_event):
 *
 *   return (__u16)(new_idx - event_idx - 1) < (__u16)(new_idx - old);
 *
 * i.e. event_idx is in the half-open window [old, new) modulo 2^16.
 */
export function vringNeedEvent(eventIdx: number, newIdx: number, oldIdx: number): boolean {
  return ((newIdx - eventIdx - 1) & 0xffff) < ((newIdx - oldIdx) & 0xffff);
}

export interface UsedElement {
  readonly id: number;
  readonly len: number;
}

/** Everything a queue holds in memory, decoded: what a step-through view draws. */
export interface SplitVirtqueueSnapshot {
  readonly layout: SplitVirtqueueLayout;
  readonly descriptors: readonly Descriptor[];
  readonly avail: { readonly flags: number; readonly idx: number; readonly ring: readonly number[]; readonly usedEvent: number };
  readonly used: { readonly flags: number; readonly idx: number; readonly ring: readonly UsedElement[]; readonly availEvent: number };
}

export function snapshotSplitVirtqueue(memory: GuestMemory, layout: SplitVirtqueueLayout): SplitVirtqueueSnapshot {
  const slots = Array.from({ length: layout.size }, (_, i) => i);
  return {
    layout,
    descriptors: slots.map((i) => readDescriptor(memory, layout.descriptorTable, i)),
    avail: {
      flags: memory.readU16(availFlagsAt(layout)),
      idx: memory.readU16(availIdxAt(layout)),
      ring: slots.map((i) => memory.readU16(availRingAt(layout, i))),
      usedEvent: memory.readU16(usedEventAt(layout)),
    },
    used: {
      flags: memory.readU16(usedFlagsAt(layout)),
      idx: memory.readU16(usedIdxAt(layout)),
      ring: slots.map((i) => ({ id: memory.readU32(usedElemAt(layout, i)), len: memory.readU32(usedElemAt(layout, i) + 4) })),
      availEvent: memory.readU16(availEventAt(layout)),
    },
  };
}
