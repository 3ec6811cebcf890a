/**
 * Starting the lab VM from files served over HTTP (the book's public/guest/ and public/v86/):
 * fetch with progress, then LabVM.start. Uses only fetch and dynamic import, so it runs in a
 * browser and in Node alike.
 */
import { LabVM, type V86Constructor } from './lab-vm.ts';
import { manifestProblem, type GuestManifest } from './manifest.ts';
import { errorDetail, GuestLoadError, labVMProblemOf } from './guest-errors.ts';
import { guestDownloadWordings, guestStatusWordings } from './guest-wordings.ts';
import type { GuestDownload, GuestDownloadId, GuestStatus } from './guest-wordings.ts';
import { wordMessage } from '../book/localized-text.ts';

export { GuestLoadError };

/** `label` is `file` worded in English (guestDownloadWordings words it in every edition). */
export type DownloadProgress = { file: GuestDownloadId; label: string; loaded: number; total: number };

export type WebLabVMOptions = {
  /** Site base URL ending in '/', e.g. import.meta.env.BASE_URL. */
  baseUrl: string;
  onProgress?: (progress: DownloadProgress) => void;
  /** English text and the status as a code (guestStatusWordings words it in every edition). */
  onStatus?: (message: string, status: GuestStatus) => void;
  /** A state to restore instead of the published one (e.g. the reader's save from IndexedDB). */
  state?: ArrayBuffer;
  /** Boot the kernel instead of restoring. */
  coldBoot?: boolean;
  /** Receives ttyS0 output from power-on (the boot log of a cold boot included). */
  onOutput?: (bytes: Uint8Array) => void;
  /** The v86 module; by default `import('v86')`. */
  loadV86?: () => Promise<V86Constructor>;
};

export type WebLabVM = { vm: LabVM; manifest: GuestManifest; snapshot: ArrayBuffer | null };

function join(baseUrl: string, path: string): string {
  return (baseUrl.endsWith('/') ? baseUrl : baseUrl + '/') + path;
}

/** Reads guest/manifest.json; a 404 becomes a "not built" error that says how to build. */
export async function fetchGuestManifest(baseUrl: string): Promise<GuestManifest> {
  let response: Response;
  try {
    response = await fetch(join(baseUrl, 'guest/manifest.json'), { cache: 'no-cache' });
  } catch (error) {
    throw new GuestLoadError('download', { code: 'manifestUnreachable', params: { detail: errorDetail(error) } });
  }
  if (response.status === 404) {
    throw new GuestLoadError('not-built', { code: 'notBuilt' });
  }
  if (!response.ok) throw new GuestLoadError('download', { code: 'manifestHttp', params: { status: response.status } });
  const manifest = (await response.json().catch(() => null)) as unknown;
  const problem = manifestProblem(manifest);
  if (problem) throw new GuestLoadError('not-built', { code: 'manifestInvalid', params: { problem } });
  return manifest as GuestManifest;
}

/** Downloads one file with progress; a failure is a GuestLoadError of kind 'download'. */
export async function downloadWithProgress(url: string, fileId: GuestDownloadId, expectedBytes: number, onProgress?: (progress: DownloadProgress) => void): Promise<ArrayBuffer> {
  const file: GuestDownload = { code: fileId };
  const label = wordMessage(guestDownloadWordings, file, 'en');
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new GuestLoadError('download', { code: 'downloadFailed', params: { file, detail: errorDetail(error) } });
  }
  if (response.status === 404) throw new GuestLoadError('not-built', { code: 'fileMissing', params: { file, url } });
  if (!response.ok) throw new GuestLoadError('download', { code: 'downloadHttp', params: { file, status: response.status } });
  const total = Number(response.headers.get('content-length')) || expectedBytes;
  if (!response.body) {
    const buffer = await response.arrayBuffer();
    onProgress?.({ file: fileId, label, loaded: buffer.byteLength, total: buffer.byteLength });
    return buffer;
  }
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let loaded = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      loaded += value.length;
      onProgress?.({ file: fileId, label, loaded, total: Math.max(total, loaded) });
    }
  } catch (error) {
    throw new GuestLoadError('download', { code: 'downloadInterrupted', params: { file, detail: errorDetail(error) } });
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes.buffer;
}

async function defaultLoadV86(): Promise<V86Constructor> {
  const module = (await import('v86')) as unknown as { V86: V86Constructor };
  return module.V86;
}

/**
 * Fetches the manifest, v86 and the snapshot (or kernel + initramfs for a cold boot) and
 * starts the VM. `snapshot` is the published state, kept so "Reset" needs no new download.
 */
export async function startWebLabVM(options: WebLabVMOptions): Promise<WebLabVM> {
  const onStatus = options.onStatus ?? (() => {});
  const status = (message: GuestStatus) => onStatus(wordMessage(guestStatusWordings, message, 'en'), message);
  const manifest = await fetchGuestManifest(options.baseUrl);
  status({ code: 'loadingEmulator' });
  const V86 = await (options.loadV86 ?? defaultLoadV86)().catch((error: unknown) => {
    throw new GuestLoadError('download', { code: 'emulatorLoadFailed', params: { detail: errorDetail(error) } });
  });
  const fetchFile = (file: { name: string; bytes: number }, id: GuestDownloadId) =>
    downloadWithProgress(join(options.baseUrl, `guest/${file.name}`), id, file.bytes, options.onProgress);
  const bios = await fetchFile(manifest.files.bios, 'bios');
  let snapshot: ArrayBuffer | null = null;
  let state = options.state;
  if (!options.coldBoot && !state) {
    snapshot = await fetchFile(manifest.files.state, 'state');
    state = snapshot;
  }
  const coldBootFiles = async () => ({
    bzimage: { buffer: await fetchFile(manifest.files.bzimage, 'kernel') },
    initrd: { buffer: await fetchFile(manifest.files.initrd, 'initramfs') },
  });
  // The kernel and initramfs are only fetched when the state cannot be used.
  const wasm = { path: join(options.baseUrl, 'v86/v86.wasm') };
  try {
    if (state && !options.coldBoot) {
      return {
        vm: await LabVM.start({
          V86,
          wasm,
          machine: manifest.machine,
          bios: { buffer: bios },
          state,
          onStatus,
          onOutput: options.onOutput,
          coldBootFiles,
        }),
        manifest,
        snapshot,
      };
    }
    status({ code: 'bootingKernel' });
    return { vm: await LabVM.start({ V86, wasm, machine: manifest.machine, bios: { buffer: bios }, ...(await coldBootFiles()), onStatus, onOutput: options.onOutput }), manifest, snapshot };
  } catch (error) {
    if (error instanceof GuestLoadError) throw error;
    throw new GuestLoadError('start', { code: 'notStarted', params: { cause: labVMProblemOf(error) } });
  }
}
