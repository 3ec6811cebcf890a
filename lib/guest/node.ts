/**
 * Node-only entry: starts the lab VM from the files `npm run guest` wrote to public/guest/.
 * Builds nothing; if the files are missing it says how to build them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LabVM, type V86Constructor } from './lab-vm.ts';
import { manifestProblem, type GuestManifest } from './manifest.ts';
import { GuestLoadError } from './guest-errors.ts';
import type { GuestStatus } from './guest-wordings.ts';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_GUEST_DIR = join(PROJECT_ROOT, 'public/guest');

export type NodeLabVMOptions = {
  /** Folder with manifest.json and the files it lists (default: public/guest). */
  guestDir?: string;
  /** Ignore the saved state and boot the kernel (slow: 10–20 s). */
  coldBoot?: boolean;
  /** English text and the status as a code (guestStatusWordings words it in every edition). */
  /** What the engine is doing while the VM starts: a message of guestStatusWordings. */
  onStatus?: (status: GuestStatus) => void;
};

/** The installed v86 package: its constructor, version and wasm path. */
export async function loadNodeV86(): Promise<{ V86: V86Constructor; version: string; wasmPath: string; buildDir: string }> {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('v86/package.json');
  const buildDir = join(dirname(packageJson), 'build');
  const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
  const module = (await import('v86')) as unknown as { V86: V86Constructor };
  return { V86: module.V86, version, wasmPath: join(buildDir, 'v86.wasm'), buildDir };
}

/** Reads and checks public/guest/manifest.json (or the given folder's). */
export function readGuestManifest(guestDir = DEFAULT_GUEST_DIR): GuestManifest {
  const path = join(guestDir, 'manifest.json');
  if (!existsSync(path)) throw new GuestLoadError('not-built', { code: 'manifestMissing', params: { path } });
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  const problem = manifestProblem(manifest);
  if (problem) throw new GuestLoadError('not-built', { code: 'manifestInvalid', params: { problem } });
  return manifest as GuestManifest;
}

function bufferOf(path: string): ArrayBuffer {
  const bytes = readFileSync(path);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Starts the lab VM in Node: restores the saved state, or cold boots when it is absent or from another v86. */
export async function startNodeLabVM(options: NodeLabVMOptions = {}): Promise<LabVM> {
  const guestDir = options.guestDir ?? DEFAULT_GUEST_DIR;
  const manifest = readGuestManifest(guestDir);
  const { V86, version, wasmPath } = await loadNodeV86();
  const onStatus = options.onStatus ?? (() => {});
  const status = onStatus;
  let state: ArrayBuffer | undefined;
  if (!options.coldBoot) {
    if (manifest.v86Version !== version) {
      status({ code: 'otherV86Version', params: { made: manifest.v86Version, running: version } });
    } else {
      state = bufferOf(join(guestDir, manifest.files.state.name));
    }
  }
  return LabVM.start({
    V86,
    wasm: { path: wasmPath },
    machine: manifest.machine,
    bios: { buffer: bufferOf(join(guestDir, manifest.files.bios.name)) },
    bzimage: { buffer: bufferOf(join(guestDir, manifest.files.bzimage.name)) },
    initrd: { buffer: bufferOf(join(guestDir, manifest.files.initrd.name)) },
    state,
    onStatus,
  });
}
