/**
 * The description of a built guest, written by `npm run guest` to public/guest/manifest.json.
 * Everything a restore must repeat is in `machine`: a saved state only restores into an
 * emulator configured exactly as the one that saved it.
 */
import type { ManifestProblem } from './guest-wordings.ts';


export type GuestPackage = { name: string; version: string; sha256: string; file: string };

export type GuestFile = { name: string; bytes: number; sha256: string };

export type GuestMachine = {
  /** Guest RAM in bytes. */
  memorySize: number;
  /** VGA RAM in bytes (unused by the serial console, but part of the saved state). */
  vgaMemorySize: number;
  /** Kernel command line used for the cold boot the state was saved from. */
  cmdline: string;
  /** The NIC the guest sees as eth0. */
  netDevice: 'ne2k' | 'virtio';
  /** virtio-console (hvc0) present. */
  virtioConsole: boolean;
  /** virtio-balloon present (the guest's virtio_balloon driver; chapter 5's balloon lab). Absent in older manifests. */
  virtioBalloon?: boolean;
  /** A second 16550 UART (ttyS1) present. */
  uart1: boolean;
  /** ACPI (and with it the APIC) enabled. */
  acpi: boolean;
};

export type GuestManifest = {
  format: 1;
  /** Exact v86 package version the state was saved with. */
  v86Version: string;
  /** Hash of the recipe (guest/, the build scripts, lib/guest options and the v86 version). */
  recipeHash: string;
  builtAt: string;
  /** Debian's linux-image-*-686, or the lab kernel compiled from linux-source-6.1 (absent: debian). */
  kernel?: 'debian' | 'lab';
  /** Seconds the lab kernel took to compile, when it was compiled for this build or an earlier one. */
  kernelBuildSeconds?: number;
  kernelRelease: string;
  packages: GuestPackage[];
  machine: GuestMachine;
  /** Where the 9p share (tag host9p) is mounted in the guest. */
  shareMountPoint: string;
  files: { state: GuestFile & { rawBytes: number }; bios: GuestFile; bzimage: GuestFile; initrd: GuestFile };
  /** Seconds from power-on to the first shell prompt when the state was built. */
  coldBootSeconds: number;
  buildSeconds: number;
};

export const SHARE_MOUNT_POINT = '/mnt/host';

/**
 * The names `npm run guest` publishes the guest's files under (manifest.json names them too). The
 * page asks for the state and the BIOS by these names at once, with the manifest, and checks them
 * against it when both have arrived.
 */
export const GUEST_FILE_NAMES = {
  state: 'state.bin.zst',
  bios: 'bios.bin',
  bzimage: 'vmlinuz',
  initrd: 'initrd.img',
} as const satisfies Record<keyof GuestManifest['files'], string>;

/** Checks the parts of a parsed manifest.json the engine relies on; returns what is wrong or null. */
export function manifestProblem(value: unknown): ManifestProblem | null {
  if (typeof value !== 'object' || value === null) return { code: 'notObject' };
  const manifest = value as Partial<GuestManifest>;
  if (manifest.format !== 1) return { code: 'wrongFormat', params: { format: String(manifest.format) } };
  if (!manifest.machine || typeof manifest.machine.memorySize !== 'number') return { code: 'noMachine' };
  if (!manifest.files?.state || !manifest.files.bios || !manifest.files.bzimage || !manifest.files.initrd) {
    return { code: 'noFiles' };
  }
  return null;
}

