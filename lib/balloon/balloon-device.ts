/**
 * The host's end of the balloon: v86's virtio-balloon device (src/virtio_balloon.js), which
 * v86.d.ts does not describe. It lives at `emulator.v86.cpu.devices.virtio_balloon` when the
 * emulator was made with `virtio_balloon: true`.
 *
 * - `Inflate(n)` / `Deflate(n)` move the target (`num_pages`, in 4 KiB pages) and raise a
 *   configuration-change interrupt; the guest's driver then hands pages over (inflate queue) or
 *   takes them back (deflate queue).
 * - `actual` is v86's own count of the page numbers that came through those queues.
 * - `GetStats(cb)` returns the guest's statistics buffer to it; the driver refills it and v86
 *   calls `cb` with { MEMTOT, MEMFREE, AVAIL, … } in bytes.
 *
 * v86 keeps the guest's RAM in one WebAssembly memory of fixed size and does nothing with the
 * page numbers it is given: the emulator gets no memory back.
 */

/** The guest statistics the driver reports on the stats queue (bytes, fault counts as counts). */
export type BalloonStatsReport = Partial<Record<
  'SWAP_IN' | 'SWAP_OUT' | 'MAJFLT' | 'MINFLT' | 'MEMFREE' | 'MEMTOT' | 'AVAIL' | 'CACHES' | 'HTLB_PGALLOC' | 'HTLB_PGFAIL',
  number
>>;

export interface VirtioBalloonDevice {
  num_pages: number;
  actual: number;
  Inflate(pages: number): void;
  Deflate(pages: number): void;
  GetStats(callback: (stats: BalloonStatsReport) => void): void;
}

type EmulatorInternals = {
  v86?: { cpu?: { devices?: { virtio_balloon?: VirtioBalloonDevice }; mem8?: Uint8Array; wasm_memory?: { buffer: ArrayBufferLike } } };
};

/** The emulator's balloon device, or null when the machine has none. */
export function balloonDeviceOf(emulator: unknown): VirtioBalloonDevice | null {
  return (emulator as EmulatorInternals)?.v86?.cpu?.devices?.virtio_balloon ?? null;
}

/** Guest RAM as the emulator holds it (a live view, not a copy), or null. */
export function guestRamOf(emulator: unknown): Uint8Array | null {
  return (emulator as EmulatorInternals)?.v86?.cpu?.mem8 ?? null;
}

/** Bytes of the WebAssembly memory the emulator runs in (guest RAM plus the emulator's own). */
export function emulatorMemoryBytesOf(emulator: unknown): number | null {
  return (emulator as EmulatorInternals)?.v86?.cpu?.wasm_memory?.buffer.byteLength ?? null;
}

export const PAGE_BYTES = 4096;

/**
 * How many 4 KiB pages of `ram` hold anything but zeros: the pages a host that drops zero pages
 * (as v86's saved state does) would have to keep.
 */
export function countNonZeroPages(ram: Uint8Array): number {
  const aligned = ram.byteOffset % 4 === 0;
  const words = aligned ? new Uint32Array(ram.buffer, ram.byteOffset, Math.floor(ram.byteLength / 4)) : null;
  const wordsPerPage = PAGE_BYTES / 4;
  const pages = Math.floor(ram.byteLength / PAGE_BYTES);
  let nonZero = 0;
  for (let page = 0; page < pages; page++) {
    if (words) {
      const start = page * wordsPerPage;
      for (let i = start; i < start + wordsPerPage; i++) {
        if (words[i] !== 0) {
          nonZero++;
          break;
        }
      }
    } else {
      const start = page * PAGE_BYTES;
      for (let i = start; i < start + PAGE_BYTES; i++) {
        if (ram[i] !== 0) {
          nonZero++;
          break;
        }
      }
    }
  }
  return nonZero;
}
