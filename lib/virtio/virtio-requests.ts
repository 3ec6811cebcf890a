/**
 * Requests shaped as real virtio devices shape them, and a device back end that serves them.
 *
 * - virtio-console (VIRTIO 1.2 §5.3): a port's transmitq carries device-readable buffers of bytes;
 *   the device writes them out and uses the buffer with len 0 (§5.3.6.1: it wrote nothing back).
 * - virtio-blk (§5.2.6): struct virtio_blk_req { le32 type; le32 reserved; le64 sector;
 *   u8 data[]; u8 status; }. Linux puts it in three segments: the 16-byte header (readable), the
 *   data (readable for VIRTIO_BLK_T_OUT, writable for VIRTIO_BLK_T_IN) and the status byte
 *   (writable). Sectors are 512 bytes (§5.2.6).
 */
import type { GuestMemory } from './guest-memory.ts';
import type { BufferSegment } from './virtqueue-driver.ts';
import type { DescriptorChain } from './virtqueue-device.ts';
import { DESCRIPTOR_BYTES } from './split-virtqueue.ts';

export const VIRTIO_BLK_T_IN = 0;
export const VIRTIO_BLK_T_OUT = 1;
export const VIRTIO_BLK_S_OK = 0;
export const VIRTIO_BLK_S_IOERR = 1;
export const VIRTIO_BLK_S_UNSUPP = 2;
export const BLK_SECTOR_BYTES = 512;
export const BLK_HEADER_BYTES = 16;

export type VirtioDeviceKind = 'console' | 'blk';
export const VIRTIO_DEVICE_KINDS: readonly VirtioDeviceKind[] = ['console', 'blk'];

export interface RequestPlan {
  /** The n-th request of the run, from 0. */
  readonly number: number;
  readonly segments: readonly BufferSegment[];
  /** For blk: VIRTIO_BLK_T_OUT or VIRTIO_BLK_T_IN, and the sector. */
  readonly blk?: { readonly type: number; readonly sector: number };
}

/** Guest memory set aside for request buffers: one slot per possible request in flight. */
export interface BufferArena {
  readonly base: number;
  readonly slotBytes: number;
  readonly slots: number;
}

export function bufferArena(base: number, slots: number, bytesPerRequest: number): BufferArena {
  const raw = BLK_HEADER_BYTES + bytesPerRequest + 1 + 4 * DESCRIPTOR_BYTES;
  return { base: Math.ceil(base / 64) * 64, slotBytes: Math.ceil(raw / 64) * 64, slots };
}

export function arenaEnd(arena: BufferArena): number {
  return arena.base + arena.slotBytes * arena.slots;
}

/** Where a request's indirect table goes, inside its slot (16-byte aligned, §2.7.5.3). */
export function indirectTableOf(arena: BufferArena, number: number): number {
  return arena.base + arena.slotBytes * (number % arena.slots) + arena.slotBytes - 4 * DESCRIPTOR_BYTES;
}

/** The byte a request fills its data with: different per request, so a mix-up shows. */
export function payloadByte(number: number, offset: number): number {
  return (number * 31 + offset * 7 + 1) & 0xff;
}

/**
 * Write a request's buffers into its slot and say which segments make it up. Requests reuse
 * slots in order, which is safe because this device completes them in order.
 */
export function writeRequest(memory: GuestMemory, arena: BufferArena, kind: VirtioDeviceKind, number: number, bytes: number, diskSectors: number): RequestPlan {
  const slot = arena.base + arena.slotBytes * (number % arena.slots);
  if (kind === 'console') {
    for (let i = 0; i < bytes; i++) memory.writeU8(slot + i, payloadByte(number, i));
    return { number, segments: [{ addr: slot, len: bytes, writable: false }] };
  }
  // Even requests write a sector range, odd ones read back what the previous one wrote.
  const type = number % 2 === 0 ? VIRTIO_BLK_T_OUT : VIRTIO_BLK_T_IN;
  const sectorsPerRequest = Math.max(1, Math.ceil(bytes / BLK_SECTOR_BYTES));
  const sector = (Math.floor(number / 2) * sectorsPerRequest) % Math.max(1, diskSectors - sectorsPerRequest + 1);
  memory.writeU32(slot, type);
  memory.writeU32(slot + 4, 0);
  memory.writeU64(slot + 8, sector);
  const data = slot + BLK_HEADER_BYTES;
  for (let i = 0; i < bytes; i++) memory.writeU8(data + i, type === VIRTIO_BLK_T_OUT ? payloadByte(number, i) : 0);
  memory.writeU8(data + bytes, 0xff);
  return {
    number,
    blk: { type, sector },
    segments: [
      { addr: slot, len: BLK_HEADER_BYTES, writable: false },
      { addr: data, len: bytes, writable: type === VIRTIO_BLK_T_IN },
      { addr: data + bytes, len: 1, writable: true },
    ],
  };
}

export interface ServedRequest {
  /** Bytes the device read from the buffer and wrote into it (the used element's len). */
  readonly readBytes: number;
  readonly writtenBytes: number;
  /** blk only: the status byte the device wrote. */
  readonly status?: number;
}

/** The host side of the device: the console's output and the block device's disk. */
export class VirtioBackend {
  readonly consoleOutput: number[] = [];
  readonly disk: Uint8Array;

  readonly kind: VirtioDeviceKind;

  constructor(kind: VirtioDeviceKind, diskBytes = 1 << 20) {
    this.kind = kind;
    this.disk = new Uint8Array(kind === 'blk' ? diskBytes : 0);
  }

  get diskSectors(): number {
    return this.disk.length / BLK_SECTOR_BYTES;
  }

  /** Serve one descriptor chain, reading and writing guest memory through `memory`. */
  serve(memory: GuestMemory, chain: DescriptorChain): ServedRequest {
    if (this.kind === 'console') {
      let readBytes = 0;
      for (const s of chain.readable) {
        const data = memory.read(s.addr, s.len);
        for (const b of data) this.consoleOutput.push(b);
        readBytes += s.len;
      }
      return { readBytes, writtenBytes: 0 };
    }
    // virtio-blk (§5.2.6.1): the header is the first 16 readable bytes; the last writable byte is the status.
    const readable = concat(chain.readable.map((s) => memory.read(s.addr, s.len)));
    const statusSegment = chain.writable.at(-1);
    if (readable.length < BLK_HEADER_BYTES || !statusSegment || statusSegment.len < 1) return { readBytes: readable.length, writtenBytes: 0, status: VIRTIO_BLK_S_IOERR };
    const header = new DataView(readable.buffer, readable.byteOffset, BLK_HEADER_BYTES);
    const type = header.getUint32(0, true);
    const sector = Number(header.getBigUint64(8, true));
    const statusAt = statusSegment.addr + statusSegment.len - 1;
    const finish = (status: number, written: number): ServedRequest => {
      memory.writeU8(statusAt, status);
      return { readBytes: readable.length, writtenBytes: written + 1, status };
    };
    const offset = sector * BLK_SECTOR_BYTES;
    if (type === VIRTIO_BLK_T_OUT) {
      const data = readable.subarray(BLK_HEADER_BYTES);
      if (offset + data.length > this.disk.length) return finish(VIRTIO_BLK_S_IOERR, 0);
      this.disk.set(data, offset);
      return finish(VIRTIO_BLK_S_OK, 0);
    }
    if (type === VIRTIO_BLK_T_IN) {
      const targets = [...chain.writable.slice(0, -1), { ...statusSegment, len: statusSegment.len - 1 }].filter((s) => s.len > 0);
      const length = targets.reduce((n, s) => n + s.len, 0);
      if (offset + length > this.disk.length) return finish(VIRTIO_BLK_S_IOERR, 0);
      let at = offset;
      for (const s of targets) {
        memory.write(s.addr, this.disk.subarray(at, at + s.len));
        at += s.len;
      }
      return finish(VIRTIO_BLK_S_OK, length);
    }
    return finish(VIRTIO_BLK_S_UNSUPP, 0);
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
