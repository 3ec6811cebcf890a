/**
 * Starting the lab VM from files served over HTTP (the book's public/guest/ and public/v86/):
 * fetch with progress, then LabVM.start. Uses only fetch, WebCrypto and dynamic import, so it
 * runs in a browser and in Node alike.
 *
 * Every download names its file in the progress it reports, gives up when nothing arrives for
 * `stallTimeoutMs`, and the guest files are checked against manifest.json (size and SHA-256)
 * when they have arrived, so a truncated or corrupted file is reported as such and never
 * handed to the emulator.
 */
import { LabVM, type TerminalSize, type V86Constructor, type WasmSource } from './lab-vm.ts';
import { GUEST_FILE_NAMES, manifestProblem, type GuestFile, type GuestManifest } from './manifest.ts';
import { errorDetail, GuestLoadError, labVMProblemOf } from './guest-errors.ts';
import type { GuestDownload, GuestDownloadId, GuestStatus } from './guest-wordings.ts';
import { markStartup } from './startup-marks.ts';

export { GuestLoadError };

/** `label` is `file` worded in English (guestDownloadWordings words it in every edition). */
/** How far a download is: `file` is a code of guestDownloadWordings. */
export type DownloadProgress = { file: GuestDownloadId; loaded: number; total: number };

/** How long a download may go without a single byte arriving before it is given up. */
export const DOWNLOAD_STALL_TIMEOUT_MS = 20_000;

export type WebLabVMOptions = {
  /** Site base URL ending in '/', e.g. import.meta.env.BASE_URL. */
  baseUrl: string;
  onProgress?: (progress: DownloadProgress) => void;
  /** English text and the status as a code (guestStatusWordings words it in every edition). */
  /** What the engine is doing while the VM starts: a message of guestStatusWordings. */
  onStatus?: (status: GuestStatus) => void;
  /** A state to restore instead of the published one (e.g. the reader's save from IndexedDB). */
  state?: ArrayBuffer;
  /** Boot the kernel instead of restoring. */
  coldBoot?: boolean;
  /** Receives ttyS0 output from power-on (the boot log of a cold boot included). */
  onOutput?: (bytes: Uint8Array) => void;
  /** The terminal's size, told to the guest with the clock after a restore (see LabVMStartOptions). */
  terminalSize?: () => TerminalSize | null;
  /** The v86 module; by default `import('v86')`. */
  loadV86?: () => Promise<V86Constructor>;
  /** The emulator's WebAssembly; by default v86.wasm (or v86-fallback.wasm) downloaded from the site. */
  wasm?: WasmSource;
  /** Bypass the browser's HTTP cache (after a damaged download). */
  reload?: boolean;
  /** Give a download up when nothing arrives for this long (default DOWNLOAD_STALL_TIMEOUT_MS). */
  stallTimeoutMs?: number;
};

export type WebLabVM = { vm: LabVM; manifest: GuestManifest; snapshot: ArrayBuffer | null };

type ExpectedFile = Partial<Pick<GuestFile, 'bytes' | 'sha256'>>;

type DownloadOptions = {
  /**
   * Size and SHA-256 the file must have (from manifest.json); without them the file is taken as it
   * comes. A promise (the manifest still arriving) is awaited only once the file has arrived.
   */
  expected?: ExpectedFile | Promise<ExpectedFile>;
  onProgress?: (progress: DownloadProgress) => void;
  reload?: boolean;
  stallTimeoutMs?: number;
};

function join(baseUrl: string, path: string): string {
  return (baseUrl.endsWith('/') ? baseUrl : baseUrl + '/') + path;
}

/**
 * A watchdog for one download: aborts the fetch when `restart` has not been called for
 * `timeoutMs`, and remembers that it did so.
 */
function stallWatchdog(timeoutMs: number) {
  const controller = new AbortController();
  let fired = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      fired = true;
      controller.abort();
    }, timeoutMs);
  };
  restart();
  return { signal: controller.signal, restart, stop: () => clearTimeout(timer), get fired() { return fired; } };
}

/** Reads guest/manifest.json; a 404 becomes a "not built" error that says how to build. */
export async function fetchGuestManifest(baseUrl: string, options: { stallTimeoutMs?: number } = {}): Promise<GuestManifest> {
  const file: GuestDownload = { code: 'manifest' };
  const stallMs = options.stallTimeoutMs ?? DOWNLOAD_STALL_TIMEOUT_MS;
  const watchdog = stallWatchdog(stallMs);
  let response: Response;
  let manifest: unknown;
  try {
    response = await fetch(join(baseUrl, 'guest/manifest.json'), { cache: 'no-cache', signal: watchdog.signal });
    if (response.status === 404) throw new GuestLoadError('not-built', { code: 'notBuilt' });
    if (!response.ok) throw new GuestLoadError('download', { code: 'manifestHttp', params: { status: response.status } });
    manifest = (await response.json().catch((error: unknown) => {
      if (watchdog.fired) throw error;
      return null;
    })) as unknown;
  } catch (error) {
    if (error instanceof GuestLoadError) throw error;
    if (watchdog.fired) throw new GuestLoadError('download', { code: 'downloadTimedOut', params: { file, seconds: stallMs / 1000 } });
    throw new GuestLoadError('download', { code: 'manifestUnreachable', params: { detail: errorDetail(error) } });
  } finally {
    watchdog.stop();
  }
  const problem = manifestProblem(manifest);
  if (problem) throw new GuestLoadError('not-built', { code: 'manifestInvalid', params: { problem } });
  return manifest as GuestManifest;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Downloads one file with progress (the first report, with nothing loaded yet, names the file
 * before a byte arrives). A failure is a GuestLoadError of kind 'download' that names the file:
 * no answer or no progress for the stall timeout, an HTTP error, an interrupted transfer, or a
 * file whose size or SHA-256 is not `expected`.
 */
export async function downloadWithProgress(url: string, fileId: GuestDownloadId, options: DownloadOptions = {}): Promise<ArrayBuffer> {
  const file: GuestDownload = { code: fileId };
  const known = options.expected instanceof Promise ? {} : (options.expected ?? {});
  const stallMs = options.stallTimeoutMs ?? DOWNLOAD_STALL_TIMEOUT_MS;
  const report = (loaded: number, total: number) => options.onProgress?.({ file: fileId, loaded, total: Math.max(total, loaded) });
  report(0, known.bytes ?? 0);
  const watchdog = stallWatchdog(stallMs);
  const timedOut = () => new GuestLoadError('download', { code: 'downloadTimedOut', params: { file, seconds: stallMs / 1000 } });
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: watchdog.signal, cache: options.reload ? 'reload' : 'default' });
    } catch (error) {
      if (watchdog.fired) throw timedOut();
      throw new GuestLoadError('download', { code: 'downloadFailed', params: { file, detail: errorDetail(error) } });
    }
    if (response.status === 404) throw new GuestLoadError('not-built', { code: 'fileMissing', params: { file, url } });
    if (!response.ok) throw new GuestLoadError('download', { code: 'downloadHttp', params: { file, status: response.status } });
    const total = known.bytes ?? (Number(response.headers.get('content-length')) || 0);
    const parts: Uint8Array[] = [];
    let loaded = 0;
    try {
      if (!response.body) {
        parts.push(new Uint8Array(await response.arrayBuffer()));
        loaded = parts[0]!.length;
        report(loaded, total);
      } else {
        const reader = response.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          watchdog.restart();
          parts.push(value);
          loaded += value.length;
          report(loaded, total);
        }
      }
    } catch (error) {
      if (watchdog.fired) throw timedOut();
      throw new GuestLoadError('download', { code: 'downloadInterrupted', params: { file, detail: errorDetail(error) } });
    }
    bytes = new Uint8Array(loaded);
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.length;
    }
  } finally {
    watchdog.stop();
  }
  const expected = (await options.expected) ?? {};
  if (expected.bytes !== undefined && bytes.length !== expected.bytes) {
    throw new GuestLoadError('download', { code: 'downloadTruncated', params: { file, bytes: bytes.length, expectedBytes: expected.bytes } });
  }
  if (expected.sha256 && (await sha256Hex(bytes)) !== expected.sha256.toLowerCase()) {
    throw new GuestLoadError('download', { code: 'downloadCorrupted', params: { file } });
  }
  return bytes.buffer as ArrayBuffer;
}

async function defaultLoadV86(stallMs: number): Promise<V86Constructor> {
  // A module import cannot be cancelled, but the start need not wait for it forever.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new GuestLoadError('download', { code: 'downloadTimedOut', params: { file: { code: 'emulatorScript' }, seconds: stallMs / 1000 } })),
      stallMs,
    );
  });
  try {
    const module = (await Promise.race([import('v86'), timeout])) as unknown as { V86: V86Constructor };
    return module.V86;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Downloads and compiles the emulator's WebAssembly here (v86's own loader retries a failing
 * URL for ever), falling back to v86-fallback.wasm (no SIMD) when the browser cannot compile
 * v86.wasm.
 */
async function downloadEmulatorWasm(baseUrl: string, options: DownloadOptions): Promise<WasmSource> {
  const main = await downloadWithProgress(join(baseUrl, 'v86/v86.wasm'), 'emulator', options);
  let module: WebAssembly.Module;
  try {
    module = await WebAssembly.compile(main);
  } catch {
    const fallback = await downloadWithProgress(join(baseUrl, 'v86/v86-fallback.wasm'), 'emulator', options);
    try {
      module = await WebAssembly.compile(fallback);
    } catch (error) {
      throw new GuestLoadError('download', { code: 'emulatorLoadFailed', params: { detail: errorDetail(error) } });
    }
  }
  return { instantiate: async (imports) => (await WebAssembly.instantiate(module, imports)).exports };
}

/** Progress of the same file is passed on at most this often (a report redraws the page's status). */
const PROGRESS_INTERVAL_MS = 100;

/**
 * Reports the progress of downloads that run at the same time as the sequential downloads
 * used to be shown: the first file of `order` that has not arrived yet, so the status line
 * does not jump between files, and that file at most every PROGRESS_INTERVAL_MS (a 10 MB state
 * arrives in a hundred or more pieces, and each report would cost the page a redraw).
 */
function progressInOrder(order: GuestDownloadId[], onProgress?: (progress: DownloadProgress) => void) {
  const latest = new Map<GuestDownloadId, DownloadProgress>();
  const done = new Set<GuestDownloadId>();
  let shown: { file: GuestDownloadId; at: number } | null = null;
  const show = () => {
    const current = order.find((id) => !done.has(id) && latest.has(id));
    if (!current) return;
    const now = Date.now();
    if (shown?.file === current && now - shown.at < PROGRESS_INTERVAL_MS) return;
    shown = { file: current, at: now };
    onProgress?.(latest.get(current)!);
  };
  return {
    report: (progress: DownloadProgress) => {
      latest.set(progress.file, progress);
      // A file fetched after these (the kernel of a cold boot) is shown as it comes.
      if (order.includes(progress.file)) show();
      else onProgress?.(progress);
    },
    arrived: (id: GuestDownloadId) => {
      done.add(id);
      show();
    },
  };
}

/** Awaits `promise` later without an unhandled rejection if it fails before that. */
function settleLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * Fetches the manifest, then v86, its WebAssembly, the BIOS and the snapshot all at once (or
 * kernel + initramfs for a cold boot) and starts the VM. `snapshot` is the published state,
 * kept so "Reset" needs no new download. A failure is reported for the first of v86, emulator,
 * BIOS and state that failed, as when they were fetched one after the other.
 */
export async function startWebLabVM(options: WebLabVMOptions): Promise<WebLabVM> {
  markStartup('start');
  const onStatus = options.onStatus ?? (() => {});
  const status = onStatus;
  const stallMs = options.stallTimeoutMs ?? DOWNLOAD_STALL_TIMEOUT_MS;
  // Everything is asked for at once: the manifest, v86, its WebAssembly, and the BIOS and state by
  // the names the build publishes them under (each checked against the manifest once both are here).
  const manifestLoading = settleLater(fetchGuestManifest(options.baseUrl, { stallTimeoutMs: stallMs }));
  const fetchState = !options.coldBoot && !options.state;
  const progress = progressInOrder(fetchState ? ['emulator', 'bios', 'state'] : ['emulator', 'bios'], options.onProgress);
  const downloadOptions = { onProgress: progress.report, reload: options.reload, stallTimeoutMs: stallMs };
  const arrived = (id: GuestDownloadId) => (bytes: ArrayBuffer) => {
    progress.arrived(id);
    markStartup(id);
    return bytes;
  };
  const fetchFile = (file: GuestFile, id: GuestDownloadId) =>
    downloadWithProgress(join(options.baseUrl, `guest/${file.name}`), id, { ...downloadOptions, expected: file }).then(arrived(id));
  const fetchPublishedFile = (key: 'state' | 'bios', id: GuestDownloadId) => {
    const expected = manifestLoading.then((manifest) => manifest.files[key]);
    const early = settleLater(downloadWithProgress(join(options.baseUrl, `guest/${GUEST_FILE_NAMES[key]}`), id, { ...downloadOptions, expected }));
    // A manifest that names the file otherwise (not one `npm run guest` wrote) is followed.
    return expected.then((file) => (file.name === GUEST_FILE_NAMES[key] ? early.then(arrived(id)) : fetchFile(file, id)));
  };
  const v86Loading = settleLater(
    (options.loadV86 ?? (() => defaultLoadV86(stallMs)))().catch((error: unknown) => {
      if (error instanceof GuestLoadError) throw error;
      throw new GuestLoadError('download', { code: 'emulatorLoadFailed', params: { detail: errorDetail(error) } });
    }),
  );
  const wasmLoading = settleLater(
    options.wasm
      ? Promise.resolve(options.wasm)
      : downloadEmulatorWasm(options.baseUrl, downloadOptions).then((wasm) => {
          progress.arrived('emulator');
          markStartup('emulator');
          return wasm;
        }),
  );
  if (options.wasm) progress.arrived('emulator');
  const biosLoading = settleLater(fetchPublishedFile('bios', 'bios'));
  const stateLoading = fetchState ? settleLater(fetchPublishedFile('state', 'state')) : null;
  const manifest = await manifestLoading;
  markStartup('manifest');
  status({ code: 'loadingEmulator' });
  const coldBootFiles = async () => ({
    bzimage: { buffer: await fetchFile(manifest.files.bzimage, 'kernel') },
    initrd: { buffer: await fetchFile(manifest.files.initrd, 'initramfs') },
  });
  const coldBootLoading = options.coldBoot ? settleLater(coldBootFiles()) : null;
  const V86 = await v86Loading;
  const wasm = await wasmLoading;
  const bios = await biosLoading;
  // The emulator is made ready while the state is still arriving (LabVM.start awaits it).
  const state = stateLoading ?? options.state;
  // The kernel and initramfs are only fetched when the state cannot be used: it arrived intact
  // (checked above), so a state v86 refuses is one made by another version of the emulator.
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
          terminalSize: options.terminalSize,
          coldBootFiles,
        }),
        manifest,
        snapshot: stateLoading ? await stateLoading : null,
      };
    }
    status({ code: 'bootingKernel' });
    const files = await (coldBootLoading ?? coldBootFiles());
    return { vm: await LabVM.start({ V86, wasm, machine: manifest.machine, bios: { buffer: bios }, ...files, onStatus, onOutput: options.onOutput }), manifest, snapshot: null };
  } catch (error) {
    if (error instanceof GuestLoadError) throw error;
    throw new GuestLoadError('start', { code: 'notStarted', params: { cause: labVMProblemOf(error) } });
  }
}
