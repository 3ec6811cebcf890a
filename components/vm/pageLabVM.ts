// The page's one lab VM, shared by the <LabVM> terminal and every <RunInVM> button on the page
// (ES modules are single instances per page, so every island importing this sees the same VM).
// Nothing heavy is imported here: lib/guest/web.ts loads v86 only when the VM is powered on.
//
// Other islands can also reach the running VM without importing this module: it is announced
// as `window.hovLabVm` and with a `hov:lab-vm` window event (detail: { vm }, vm null when off).

import { guestErrorMessage, isBootingStatus, LabVMError } from '../../lib/guest/index.ts';
import type { GuestErrorMessage, LabVM, TerminalSize } from '../../lib/guest/index.ts';
import type { GuestManifest } from '../../lib/guest/manifest.ts';
import type { DownloadProgress } from '../../lib/guest/web.ts';
import { TerminalTranscript } from '../../lib/lab-checks/index.ts';
import { loadSavedMachine, saveMachine, type SavedMachine } from './savedMachine.ts';

export const LAB_VM_EVENT = 'hov:lab-vm';

export type PagePhase = 'off' | 'starting' | 'running' | 'error';

export type PageLabVMState = {
  phase: PagePhase;
  progress: DownloadProgress | null;
  /** What is happening now (shown in the status line). */
  status: string;
  /** `message` is in English; islands word `detail` in the reader's edition. */
  error: { kind: 'not-built' | 'download' | 'start'; detail: GuestErrorMessage } | null;
  mode: 'restored' | 'cold-boot' | null;
  /** True while the kernel boots because the snapshot did not fit. */
  coldBootFallback: boolean;
  poweredOnAt: number | null;
};

type Listener = (state: PageLabVMState) => void;

declare global {
  interface Window {
    hovLabVm?: unknown;
  }
}

function baseUrl(): string {
  const base = import.meta.env.BASE_URL ?? '/';
  return base.endsWith('/') ? base : base + '/';
}

class PageLabVM {
  state: PageLabVMState = { phase: 'off', progress: null, status: '', error: null, mode: null, coldBootFallback: false, poweredOnAt: null };
  vm: LabVM | null = null;
  /**
   * What the terminal has shown of the machine now running (its last 64 KiB), for checks of steps
   * typed by hand: since power-on, or since the last Reset or Resume (what the machine replaced
   * by them printed is no proof of the one that runs now).
   */
  readonly transcript = new TerminalTranscript();
  manifest: GuestManifest | null = null;
  /** The page terminal's size (set by the terminal island): the guest is told it with the clock after a restore. */
  terminalSize: (() => TerminalSize | null) | null = null;
  #snapshot: ArrayBuffer | null = null;
  #listeners = new Set<Listener>();
  #outputListeners = new Set<(bytes: Uint8Array) => void>();
  #starting: Promise<LabVM> | null = null;
  #generation = 0;
  /** After a failed download, the next start bypasses the browser's cache (it may hold the damaged copy). */
  #reloadNext = false;

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    listener(this.state);
    return () => this.#listeners.delete(listener);
  }

  /** Terminal output of whichever VM is on (boot log included). */
  onOutput(listener: (bytes: Uint8Array) => void): () => void {
    this.#outputListeners.add(listener);
    return () => this.#outputListeners.delete(listener);
  }

  sendInput(data: string | Uint8Array): void {
    this.vm?.sendInput(data);
  }

  #set(patch: Partial<PageLabVMState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.#listeners) listener(this.state);
  }

  #announce(vm: LabVM | null): void {
    window.hovLabVm = vm;
    window.dispatchEvent(new CustomEvent(LAB_VM_EVENT, { detail: { vm } }));
  }

  #emit = (bytes: Uint8Array) => {
    this.transcript.append(bytes);
    for (const listener of this.#outputListeners) listener(bytes);
  };

  #clearTranscript = () => this.transcript.clear();

  /** Starts the VM if it is off (restoring `state` if given); resolves with the running VM. */
  ensureRunning(options: { state?: ArrayBuffer; coldBoot?: boolean } = {}): Promise<LabVM> {
    if (this.vm && this.state.phase === 'running') return Promise.resolve(this.vm);
    if (this.#starting) return this.#starting;
    const generation = ++this.#generation;
    this.transcript.clear();
    this.#set({ phase: 'starting', error: null, progress: null, status: 'loadingEmulator', coldBootFallback: false, mode: null });
    const start = (async () => {
      const { startWebLabVM } = await import('../../lib/guest/web.ts');
      const started = await startWebLabVM({
        baseUrl: baseUrl(),
        state: options.state,
        coldBoot: options.coldBoot,
        reload: this.#reloadNext,
        onProgress: (progress) => this.#set({ progress, status: 'downloading' }),
        onStatus: (status) => {
          if (isBootingStatus(status)) this.#set({ coldBootFallback: !options.coldBoot, status: 'coldBooting', progress: null });
        },
        onOutput: this.#emit,
        terminalSize: () => this.terminalSize?.() ?? null,
      });
      if (generation !== this.#generation) {
        // Powered off while starting.
        await started.vm.destroy();
        throw new Error('powered off');
      }
      this.#reloadNext = false;
      this.vm = started.vm;
      this.manifest = started.manifest;
      if (started.snapshot) this.#snapshot = started.snapshot;
      this.#set({ phase: 'running', progress: null, status: 'running', mode: started.vm.mode, poweredOnAt: Date.now() });
      this.#announce(started.vm);
      return started.vm;
    })();
    this.#starting = start;
    start.then(
      () => {
        this.#starting = null;
      },
      (error: unknown) => {
        this.#starting = null;
        if (generation !== this.#generation) return;
        const kind = (error as { kind?: 'not-built' | 'download' | 'start' }).kind ?? 'start';
        this.#reloadNext = kind === 'download';
        this.#set({
          phase: 'error',
          progress: null,
          error: { kind, detail: guestErrorMessage(error) },
        });
      },
    );
    return start;
  }

  async powerOff(): Promise<void> {
    this.#generation++;
    this.#starting = null;
    const vm = this.vm;
    this.vm = null;
    this.#set({ phase: 'off', progress: null, status: '', error: null, mode: null, poweredOnAt: null, coldBootFallback: false });
    if (vm) {
      this.#announce(null);
      await vm.destroy();
    }
  }

  /** Back to the published snapshot (no new download); the terminal island clears its screen and scrollback. */
  async reset(): Promise<void> {
    if (!this.vm) return;
    if (!this.#snapshot) {
      await this.powerOff();
      await this.ensureRunning();
      return;
    }
    this.#set({ status: 'restoring' });
    // The published machine again: its prompt at the top of a clean screen, as at Power on.
    await this.vm.restoreState(this.#snapshot, { onSwitch: this.#clearTranscript, clearScreen: true });
    this.#set({ status: 'running', mode: 'restored', poweredOnAt: Date.now() });
  }

  async save(): Promise<SavedMachine> {
    if (!this.vm || !this.manifest) throw new LabVMError({ code: 'vmOff' });
    const machine: SavedMachine = {
      state: await this.vm.saveState(),
      savedAt: Date.now(),
      recipeHash: this.manifest.recipeHash,
      v86Version: this.manifest.v86Version,
    };
    await saveMachine(machine);
    return machine;
  }

  /** Restores the reader's saved machine (powering on if needed); null when nothing is saved. */
  async resume(): Promise<SavedMachine | null> {
    const saved = await loadSavedMachine();
    if (!saved) return null;
    if (this.vm) {
      this.#set({ status: 'restoring' });
      // The reader's earlier output stays on screen, the saved machine's prompt below it.
      await this.vm.restoreState(saved.state, { onSwitch: this.#clearTranscript });
      this.#set({ status: 'running', mode: 'restored', poweredOnAt: Date.now() });
    } else {
      await this.ensureRunning({ state: saved.state });
    }
    return saved;
  }

  hasSaved(): Promise<SavedMachine | null> {
    return loadSavedMachine();
  }
}

export const pageLabVM = new PageLabVM();
