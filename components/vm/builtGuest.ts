/**
 * The figures of the guest this copy of the book was built with, read from public/guest/manifest.json
 * at build time, so the pages that state them (the lab VM page, both editions) are true for whichever
 * kernel `npm run guest` used: Debian's (the default) or the lab kernel (`--kernel lab`).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { GuestManifest } from '../../lib/guest/manifest.ts';

export type BuiltGuest = {
  kernel: 'debian' | 'lab';
  kernelRelease: string;
  /** What Power on downloads: the snapshot, the BIOS and v86's WebAssembly. */
  downloadBytes: number;
  /** `downloadBytes` in whole megabytes, as the lab VM's status line and the prose give it. */
  downloadMegabytes: number;
  stateBytes: number;
  wasmBytes: number;
  /** The compressed kernel image (bzImage). */
  kernelImageBytes: number;
  /** Seconds from power-on to the shell prompt when the snapshot was made. */
  coldBootSeconds: number;
};

/** The built guest, or null when `npm run guest` has not been run (the lab VM then says how to build it). */
export function builtGuest(guestFolder = 'public/guest', wasmPath = 'public/v86/v86.wasm'): BuiltGuest | null {
  const manifestPath = `${guestFolder}/manifest.json`;
  if (!existsSync(manifestPath) || !existsSync(wasmPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as GuestManifest;
  const wasmBytes = statSync(wasmPath).size;
  const downloadBytes = manifest.files.state.bytes + manifest.files.bios.bytes + wasmBytes;
  return {
    kernel: manifest.kernel ?? 'debian',
    kernelRelease: manifest.kernelRelease,
    downloadBytes,
    downloadMegabytes: Math.round(downloadBytes / 1e6),
    stateBytes: manifest.files.state.bytes,
    wasmBytes,
    kernelImageBytes: manifest.files.bzimage.bytes,
    coldBootSeconds: manifest.coldBootSeconds,
  };
}
