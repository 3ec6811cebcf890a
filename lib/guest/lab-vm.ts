import { emulatorOptions, type EmulatorImage } from './emulator-options.ts';
import type { GuestMachine } from './manifest.ts';
import { SHARE_MOUNT_POINT } from './manifest.ts';
import { commandSummary } from './command-summary.ts';
import { extractRunOutput, runMarkers, runWrapperScript } from './run-markers.ts';
import { PromptQueryFilter } from './prompt-query-filter.ts';
import { SerialRecorder } from './serial-recorder.ts';
import { errorDetail, LabVMError } from './guest-errors.ts';
import type { GuestStatus } from './guest-wordings.ts';
import { markStartup } from './startup-marks.ts';

/** The parts of v86's `V86` class the engine uses (v86.d.ts lacks `fs9p` and `bus`). */
export interface V86Emulator {
  add_listener(event: string, listener: (value: never) => void): void;
  remove_listener(event: string, listener: (value: never) => void): void;
  serial_send_bytes(serial: number, data: Uint8Array): void;
  create_file(path: string, data: Uint8Array): Promise<void>;
  read_file(path: string): Promise<Uint8Array>;
  save_state(): Promise<ArrayBuffer>;
  restore_state(state: ArrayBuffer): Promise<void>;
  run(): Promise<void>;
  stop(): Promise<void>;
  destroy(): Promise<void>;
  is_running(): boolean;
  get_instruction_counter(): number;
  bus?: { send(event: string, value: unknown): void };
  /** The machine inside: `cpu.mem8` is the guest's physical memory (a view into the emulator's WebAssembly memory). */
  v86?: { cpu: { mem8: Uint8Array } };
  fs9p?: {
    SearchPath(path: string): { id: number; parentid: number };
    CreateDirectory(name: string, parentid: number): number;
    Unlink(parentid: number, name: string): number;
  };
}

export type V86Constructor = new (options: Record<string, unknown>) => V86Emulator;

/** How the emulator finds its WebAssembly: a path/URL, or a function that instantiates it. */
export type WasmSource =
  | { path: string }
  | { instantiate: (imports: WebAssembly.Imports) => Promise<WebAssembly.Exports> };

export type LabVMStartOptions = {
  V86: V86Constructor;
  wasm: WasmSource;
  machine: GuestMachine;
  bios: EmulatorImage;
  /**
   * A saved state (zstd-compressed or raw) to restore. Without it, or if it does not fit, the VM
   * cold boots. Given as a promise (a download), the emulator is made ready while it arrives; if
   * the promise rejects, `start` rejects with its error.
   */
  state?: ArrayBuffer | Promise<ArrayBuffer>;
  /** Kernel and initramfs, needed for a cold boot. */
  bzimage?: EmulatorImage;
  initrd?: EmulatorImage;
  /** Fetches kernel and initramfs only when a cold boot turns out to be needed. */
  coldBootFiles?: () => Promise<{ bzimage: EmulatorImage; initrd: EmulatorImage }>;
  /** Receives ttyS0 output from power-on (so a cold boot's log can be shown while it runs). */
  onOutput?: (bytes: Uint8Array) => void;
  /** Longest wait for the first prompt of a cold boot. */
  bootTimeoutMs?: number;
  /**
   * Called with a line of text about what the engine is doing (restore failed, cold booting …),
   * in English, and with the same status as a code (guestStatusWordings words it in every edition).
   */
  /** What the engine is doing while the VM starts: a message of guestStatusWordings. */
  onStatus?: (status: GuestStatus) => void;
  /**
   * After a restore, wake the shell (its prompt), then set the guest clock from the host and tell
   * it the terminal size (default true). Input waits for the clock (see `LabVM.clockSynced`).
   */
  syncClock?: boolean;
  /** The terminal's size when the clock is set after a restore (null: not known yet). */
  terminalSize?: () => TerminalSize | null;
};

export type TerminalSize = { cols: number; rows: number };

export type RunResult = { output: string; status: number; timedOut?: boolean };

/** How the VM came up: restored from the snapshot, or booted from the kernel. */
export type StartMode = 'restored' | 'cold-boot';

// BusyBox's line editor asks the terminal for the cursor position (ESC [6n) after the prompt; when
// it redraws the prompt (Ctrl-L) it clears the rest of the screen after it instead (ESC [J).
const PROMPT_PATTERN = /[\w-]+@[\w-]+:[^\r\n]*[#$] (\x1b\[6n|\x1b\[J)?$/;
/** Ctrl-L: BusyBox's line editor clears the screen and prints its prompt again (no command runs). */
const REDRAW_PROMPT = '\x0c';
/**
 * Ctrl-E, Ctrl-U: the line editor drops the line typed so far (to its end, then all before the
 * cursor); on an empty line it prints nothing.
 */
const DROP_TYPED_LINE = '\x05\x15';
const encoder = new TextEncoder();

function bytesOf(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? encoder.encode(data) : data;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * One lab VM: a v86 emulator running the lab guest, reached through its first serial port
 * (ttyS0, the shell) and its 9p share.
 *
 * The 9p share (tag `host9p`) is mounted in the guest at `/mnt/host` (SHARE_MOUNT_POINT).
 * A path given to writeFile/readFile is relative to the share's root, so
 * `writeFile('labs/a.txt', …)` is `/mnt/host/labs/a.txt` in the guest, and a file the guest
 * writes to `/mnt/host/out.txt` is `readFile('out.txt')` on the host. Missing parent folders
 * are created by writeFile. The folder `.lab/` of the share belongs to the engine.
 */
export class LabVM {
  /** The v86 instance. `restoreState` replaces it, so re-add bus listeners after a restore. */
  emulator: V86Emulator;
  readonly machine: GuestMachine;
  /** Whether this VM was restored from a state or cold booted. */
  mode: StartMode;
  #recorder = new SerialRecorder();
  #outputListeners = new Set<(bytes: Uint8Array) => void>();
  #queue: Promise<unknown> = Promise.resolve();
  #runCounter = 0;
  #ttyCounter = 0;
  #destroyed = false;
  #sawOutput = false;
  /** While above 0, input is held back (in order) so it reaches the shell after the clock is set. */
  #inputHolds = 0;
  #heldInput: Uint8Array[] = [];
  #startOptions: LabVMStartOptions;
  /**
   * Resolves when the guest's clock has been set from the host's after the last restore (at
   * once when there was none). Input and `run` wait for the line that sets it, so a command never
   * runs before the clock is right; the prompt does not.
   */
  clockSynced: Promise<void> = Promise.resolve();
  // Terminals are shown the output without the line editor's cursor-position queries (see
  // PromptQueryFilter); the recorder keeps every byte.
  #promptQueries = new PromptQueryFilter();
  #onByte = (byte: number) => {
    if (!this.#sawOutput) {
      this.#sawOutput = true;
      markStartup('first-output');
    }
    this.#recorder.push(byte);
    const shown = this.#promptQueries.push(byte);
    if (this.#outputListeners.size > 0 && shown.length > 0) {
      const bytes = Uint8Array.from(shown);
      for (const listener of this.#outputListeners) listener(bytes);
    }
  };

  private constructor(emulator: V86Emulator, options: LabVMStartOptions, mode: StartMode) {
    this.emulator = emulator;
    this.machine = options.machine;
    this.mode = mode;
    this.#startOptions = options;
    if (options.onOutput) this.#outputListeners.add(options.onOutput);
    emulator.add_listener('serial0-output-byte', this.#onByte as (value: never) => void);
  }

  /**
   * Restores `state` (or cold boots when there is none or it does not fit this v86) and
   * resolves once the shell is ready for `run`.
   */
  static async start(options: LabVMStartOptions): Promise<LabVM> {
    const status = (message: GuestStatus) => options.onStatus?.(message);
    if (options.state) {
      const creating = createEmulator(options, false);
      creating.catch(() => {});
      let state: ArrayBuffer;
      try {
        state = await options.state;
      } catch (error) {
        await creating.then((emulator) => emulator.destroy()).catch(() => {});
        throw error;
      }
      const emulator = await creating;
      markStartup('emulator-ready');
      try {
        // v86 reads the state without keeping or detaching it (a zstd state is copied into its
        // memory to be unpacked), so the caller's buffer stays usable for the next Reset.
        await emulator.restore_state(state);
        markStartup('restored');
      } catch (error) {
        await emulator.destroy().catch(() => {});
        status({ code: 'stateDoesNotFit', params: { detail: errorDetail(error) } });
        return LabVM.#coldBoot(options);
      }
      const vm = new LabVM(emulator, options, 'restored');
      await emulator.run();
      // A new machine has an empty screen: the prompt is redrawn rather than reached by an empty line.
      if (options.syncClock !== false) await vm.#wakeAfterRestore(REDRAW_PROMPT);
      return vm;
    }
    return LabVM.#coldBoot(options);
  }

  static async #coldBoot(options: LabVMStartOptions): Promise<LabVM> {
    if ((!options.bzimage || !options.initrd) && options.coldBootFiles) {
      options = { ...options, ...(await options.coldBootFiles()) };
    }
    if (!options.bzimage || !options.initrd) {
      throw new LabVMError({ code: 'noBootFiles' });
    }
    const emulator = await createEmulator(options, true);
    const vm = new LabVM(emulator, options, 'cold-boot');
    await emulator.run();
    await vm.waitForPrompt(options.bootTimeoutMs ?? 120_000);
    return vm;
  }

  /** Everything the guest has printed on ttyS0 so far (boot log included), as text. */
  get consoleText(): string {
    return this.#recorder.text();
  }

  /** Instructions executed since power-on (wraps at 2^32). */
  instructionCount(): number {
    return this.emulator.get_instruction_counter();
  }

  /** Receives every byte the guest writes to ttyS0, for a terminal. Returns an unsubscribe function. */
  onOutput(listener: (bytes: Uint8Array) => void): () => void {
    this.#outputListeners.add(listener);
    return () => this.#outputListeners.delete(listener);
  }

  /** Types into ttyS0 (UTF-8); while the clock is being set, the input waits in order behind that. */
  sendInput(data: Uint8Array | string): void {
    if (this.#inputHolds > 0) this.#heldInput.push(bytesOf(data));
    else this.emulator.serial_send_bytes(0, bytesOf(data));
  }

  /** Holds input back until the returned function is called (holds nest). */
  #holdInput(): () => void {
    this.#inputHolds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.#inputHolds > 0) return;
      const held = this.#heldInput;
      this.#heldInput = [];
      if (!this.#destroyed) for (const bytes of held) this.emulator.serial_send_bytes(0, bytes);
    };
  }

  /**
   * After a restore the shell sits at the prompt it printed before the state was saved. `key`
   * makes it print it again: an empty line (a new prompt line; every prompt first runs the
   * share's tty scripts, here none), or Ctrl-L (the line editor clears the screen and redraws
   * it, which runs nothing and is quicker still). Either way the prompt is the shell's own
   * output. The clock and the terminal size follow behind it (`clockSynced`).
   *
   * A machine saved with a half-typed command line (the reader's Save) still has it: the key and
   * the clock's newline would run it. It is dropped first; it was never sent.
   */
  async #wakeAfterRestore(key: '\n' | typeof REDRAW_PROMPT): Promise<void> {
    const mark = this.#recorder.length;
    this.sendInput(DROP_TYPED_LINE + key);
    // Dropping a line redraws the prompt too: the wake's own prompt comes after its line end or screen clear.
    const wakeEcho = key === '\n' ? '\n' : '\x1b[H';
    await this.#recorder
      .waitFor((text) => text.includes(wakeEcho) && PROMPT_PATTERN.test(text), 5_000, { code: 'shellPrompt' }, mark)
      .catch(() => {});
    markStartup('prompt');
    const size = this.#startOptions.terminalSize?.() ?? {};
    this.clockSynced = this.refreshTerminal(size).then(
      () => markStartup('clock'),
      () => {},
    );
  }

  /** Resolves when the shell prompt is the last thing on ttyS0. */
  async waitForPrompt(timeoutMs = 30_000): Promise<void> {
    await this.#recorder.waitFor((text) => PROMPT_PATTERN.test(text), timeoutMs, { code: 'shellPrompt' });
  }

  /**
   * Tells the guest's shell the terminal size and the host's clock; it applies them before
   * its next prompt, and a newline is sent so that happens now.
   */
  async refreshTerminal(size: Partial<TerminalSize>): Promise<void> {
    // Input typed meanwhile goes after the newline, so the shell sets the clock (at its next
    // prompt) before it reads a command.
    const release = this.#holdInput();
    let mark: number;
    try {
      const lines = [`date -s @${Math.floor(Date.now() / 1000)}`];
      if (size.cols && size.rows) lines.push(`stty rows ${Math.floor(size.rows)} cols ${Math.floor(size.cols)}`);
      await this.writeFile(`.lab/tty-${++this.#ttyCounter}.sh`, lines.join('\n') + '\n');
      mark = this.#recorder.length;
      this.emulator.serial_send_bytes(0, encoder.encode('\n'));
    } finally {
      release();
    }
    await this.#recorder
      .waitFor((text) => PROMPT_PATTERN.test(text), 5_000, { code: 'shellPrompt' }, mark)
      .catch(() => {});
  }

  /**
   * Tells the guest's shell the terminal size; it takes effect at the next prompt (nothing is
   * typed into the terminal).
   */
  async setTerminalSize(cols: number, rows: number): Promise<void> {
    if (this.#destroyed || !(cols > 0 && rows > 0)) return;
    await this.writeFile(`.lab/tty-${++this.#ttyCounter}.sh`, `stty rows ${Math.floor(rows)} cols ${Math.floor(cols)}\n`);
  }

  /**
   * Runs a shell command (may be several lines) in the console shell and returns what it
   * printed (stdout and stderr, with \n line ends) and its exit status. The command is passed
   * through the 9p share and sourced, so `cd`, variables and functions persist between runs.
   * On timeout the command is interrupted with Ctrl-C and the result has `timedOut: true`
   * and status 124.
   */
  run(command: string, options: { timeoutMs?: number } = {}): Promise<RunResult> {
    const task = this.#queue.then(() => this.#runNow(command, options.timeoutMs ?? 60_000));
    this.#queue = task.catch(() => {});
    return task;
  }

  async #runNow(command: string, timeoutMs: number): Promise<RunResult> {
    this.#assertAlive();
    const run = ++this.#runCounter;
    const commandFile = `.lab/cmd-${run}.sh`;
    const name = `.lab/run-${run}.sh`;
    const markers = runMarkers();
    await this.writeFile(commandFile, command.endsWith('\n') ? command : command + '\n');
    await this.writeFile(name, runWrapperScript(markers, `${SHARE_MOUNT_POINT}/${commandFile}`));
    const mark = this.#recorder.length;
    // Ctrl-U clears anything half-typed at the prompt first. The comment after the file shows a
    // terminal watching the console which command this is.
    const summary = commandSummary(command);
    this.sendInput(`\x15lab_run ${shellQuote(`${SHARE_MOUNT_POINT}/${name}`)}${summary ? ` # ${summary}` : ''}\n`);
    try {
      const text = await this.#recorder.waitFor((recorded) => markers.end.test(recorded), timeoutMs, { code: 'commandToFinish' }, mark);
      return extractRunOutput(text, markers);
    } catch {
      // The output is what came before the interrupt: not the ^C, the new prompt and its
      // terminal queries.
      const interruptedAt = this.#recorder.length;
      this.sendInput('\x03');
      await this.#recorder.waitFor((text) => PROMPT_PATTERN.test(text), 5_000, { code: 'prompt' }, interruptedAt).catch(() => {});
      const partial = extractRunOutput(this.#recorder.text(mark).slice(0, interruptedAt - mark), markers);
      return { output: partial.output, status: 124, timedOut: true };
    } finally {
      this.#removeShareFile(name);
      this.#removeShareFile(commandFile);
    }
  }

  /** Writes a file into the 9p share (path relative to its root, parents created). */
  async writeFile(path: string, data: Uint8Array | string): Promise<void> {
    this.#assertAlive();
    const clean = normaliseSharePath(path);
    this.#makeParents(clean);
    // create_file replaces the directory entry with a new file; a guest still reading the old
    // one keeps it (unlinking first could pull the data from under an open 9p file).
    await this.emulator.create_file(clean, bytesOf(data));
  }

  /** Reads a file from the 9p share (path relative to its root). */
  async readFile(path: string): Promise<Uint8Array> {
    this.#assertAlive();
    const clean = normaliseSharePath(path);
    try {
      return await this.emulator.read_file(clean);
    } catch {
      throw new LabVMError({ code: 'noSuchShareFile', params: { path: `${SHARE_MOUNT_POINT}/${clean}` } });
    }
  }

  /** The whole machine (RAM, devices, the share) as a v86 state, raw (not compressed). */
  async saveState(): Promise<ArrayBuffer> {
    this.#assertAlive();
    return this.emulator.save_state();
  }

  /**
   * Replaces the running machine with a saved state (same machine options) and resumes it.
   * The state goes into a fresh emulator: restoring an older state into a running v86 leaves
   * its timers behind and the guest silent.
   *
   * `onSwitch` is called when the old machine is gone and the restored one has not yet printed a
   * byte (not when the state does not fit: the old machine then runs on): what was seen of the old
   * machine ends there. The restored shell's prompt comes on a new line below what the terminal
   * shows, or with `clearScreen` at the top of a cleared screen (over anything the old machine
   * printed while the state was being restored).
   */
  async restoreState(state: ArrayBuffer, options: { onSwitch?: () => void; clearScreen?: boolean } = {}): Promise<void> {
    this.#assertAlive();
    const fresh = await createEmulator(this.#startOptions, false);
    try {
      await fresh.restore_state(state);
    } catch (error) {
      await fresh.destroy().catch(() => {});
      throw new LabVMError({ code: 'stateDoesNotFit', params: { detail: errorDetail(error) } });
    }
    const old = this.emulator;
    old.remove_listener('serial0-output-byte', this.#onByte as (value: never) => void);
    await old.destroy().catch(() => {});
    this.emulator = fresh;
    fresh.add_listener('serial0-output-byte', this.#onByte as (value: never) => void);
    this.mode = 'restored';
    options.onSwitch?.();
    await fresh.run();
    await this.#wakeAfterRestore(options.clearScreen ? REDRAW_PROMPT : '\n');
  }

  /**
   * The guest's physical memory as it is now, read in place (no copy): `machine.memorySize` bytes,
   * or null when this v86 does not expose it. Valid until the next `restoreState` or `destroy`.
   */
  guestMemory(): Uint8Array | null {
    this.#assertAlive();
    const memory = this.emulator.v86?.cpu.mem8;
    return memory && memory.length === this.machine.memorySize ? memory : null;
  }

  /**
   * A second machine of the same kind (same emulator, WebAssembly and BIOS), created now and
   * waiting for a state, as a migration's destination waits (QEMU's `-incoming`). `receive`
   * restores a state from `saveState` into it and runs it, without touching the guest's clock or
   * shell; a state that does not fit is a LabVMError (never a cold boot).
   */
  async prepareIncoming(): Promise<{ receive(state: ArrayBuffer): Promise<LabVM>; discard(): Promise<void> }> {
    this.#assertAlive();
    const options: LabVMStartOptions = { ...this.#startOptions, state: undefined, onOutput: undefined, onStatus: undefined };
    const emulator = await createEmulator(options, false);
    let used = false;
    return {
      receive: async (state) => {
        if (used) throw new LabVMError({ code: 'destroyed' });
        used = true;
        try {
          await emulator.restore_state(state);
        } catch (error) {
          await emulator.destroy().catch(() => {});
          throw new LabVMError({ code: 'stateDoesNotFit', params: { detail: errorDetail(error) } });
        }
        const vm = new LabVM(emulator, options, 'restored');
        await emulator.run();
        return vm;
      },
      discard: async () => {
        if (used) return;
        used = true;
        await emulator.destroy().catch(() => {});
      },
    };
  }

  /** Pauses the CPU (the state stays in memory). */
  async pause(): Promise<void> {
    await this.emulator.stop();
  }

  async resume(): Promise<void> {
    await this.emulator.run();
  }

  get running(): boolean {
    return !this.#destroyed && this.emulator.is_running();
  }

  get destroyed(): boolean {
    return this.#destroyed;
  }

  /** Stops the emulator and frees it; the VM cannot be used afterwards. */
  async destroy(): Promise<void> {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#outputListeners.clear();
    this.emulator.remove_listener('serial0-output-byte', this.#onByte as (value: never) => void);
    this.#recorder.close({ code: 'destroyed' });
    await this.emulator.destroy();
  }

  #assertAlive(): void {
    if (this.#destroyed) throw new LabVMError({ code: 'destroyed' });
  }

  #removeShareFile(path: string): void {
    const fs = this.emulator.fs9p;
    const found = fs?.SearchPath(path);
    if (fs && found && found.id !== -1) fs.Unlink(found.parentid, path.slice(path.lastIndexOf('/') + 1));
  }

  #makeParents(path: string): void {
    const fs = this.emulator.fs9p;
    if (!fs) throw new LabVMError({ code: 'noShare' });
    const parts = path.split('/').slice(0, -1);
    let current = '';
    for (const part of parts) {
      const next = current ? `${current}/${part}` : part;
      const found = fs.SearchPath(next);
      if (found.id === -1) fs.CreateDirectory(part, found.parentid);
      current = next;
    }
  }
}

function normaliseSharePath(path: string): string {
  const prefix = SHARE_MOUNT_POINT + '/';
  let clean = path.startsWith(prefix) ? path.slice(prefix.length) : path;
  clean = clean.replace(/^\/+/, '');
  if (clean === '' || clean.split('/').some((part) => part === '..' || part === '')) {
    throw new LabVMError({ code: 'notInShare', params: { path } });
  }
  return clean;
}

function createEmulator(options: LabVMStartOptions, coldBoot: boolean): Promise<V86Emulator> {
  const settings = emulatorOptions(options.machine, {
    bios: options.bios,
    bzimage: coldBoot ? options.bzimage : undefined,
    initrd: coldBoot ? options.initrd : undefined,
  });
  settings.autostart = false;
  if ('path' in options.wasm) settings.wasm_path = options.wasm.path;
  else settings.wasm_fn = options.wasm.instantiate;
  return new Promise((resolve, reject) => {
    let emulator: V86Emulator;
    try {
      emulator = new options.V86(settings);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const ready = () => {
      emulator.remove_listener('emulator-ready', ready as (value: never) => void);
      resolve(emulator);
    };
    emulator.add_listener('emulator-ready', ready as (value: never) => void);
  });
}
