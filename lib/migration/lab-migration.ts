/**
 * Live migration of the real lab VM: a counter in the guest, a memory writer at a chosen rate,
 * the dirty pages of the running guest counted from its RAM, and a stop-and-copy migration from
 * one emulator to another (v86's save_state on host A, restore_state on host B).
 */
import type { LabVM } from '../guest/index.ts';
import { DirtyPageTracker, type DirtyInterval, type DirtyScanProblem } from './dirty-pages.ts';

/** The counter's device: the guest's second 16550 (ttyS1), free of the shell on ttyS0. */
export const COUNTER_DEVICE = '/dev/ttyS1';
export const COUNTER_BUS_EVENT = 'serial1-output-byte';
/** Ticks of the counter, in guest microseconds. */
export const COUNTER_PERIOD_US = 250_000;

const COUNTER_PID = '/tmp/hov-counter.pid';
const WRITER_PID = '/tmp/hov-writer.pid';

/** Starts (or restarts from 1) the counter: `<n> <hh:mm:ss> <uptime>` on ttyS1 every period. */
export function counterStartCommand(): string {
  return [
    `[ -f ${COUNTER_PID} ] && kill $(cat ${COUNTER_PID}) 2>/dev/null`,
    `(i=0; while :; do i=$((i+1)); read up idle < /proc/uptime; echo "count $i $(date +%T) $up"; usleep ${COUNTER_PERIOD_US}; done > ${COUNTER_DEVICE} 2>&1 & echo $! > ${COUNTER_PID})`,
  ].join('\n');
}

export function counterStopCommand(): string {
  return `[ -f ${COUNTER_PID} ] && kill $(cat ${COUNTER_PID}) 2>/dev/null; rm -f ${COUNTER_PID}; true`;
}

/** Pages written per writer tick are a multiple of this. */
export const WRITER_BLOCK_PAGES = 16;
/** The writer's ticks, in guest microseconds. */
export const WRITER_PERIOD_US = 100_000;
/** The writer's working set: a tmpfs file it sweeps through, 8 MiB. */
export const WRITER_WORKING_SET_PAGES = 2048;

/** The writer's asked-for rate, rounded to what its ticks can ask for (pages per second). */
export function writerPagesPerTick(pagesPerSecond: number): number {
  const perTick = (pagesPerSecond * WRITER_PERIOD_US) / 1e6;
  return Math.max(WRITER_BLOCK_PAGES, Math.round(perTick / WRITER_BLOCK_PAGES) * WRITER_BLOCK_PAGES);
}

/**
 * Starts a memory writer in the guest: every tick it copies `pagesPerTick` pages of random bytes
 * into the next stretch of an 8 MiB tmpfs file (tmpfs lives in RAM), alternating between two
 * random sources (pagesPerTick pages each) on each sweep, so every page it writes really changes. The rate it asks for is
 * pagesPerTick per 100 ms; what it gets depends on the emulator's speed, which is why the page
 * counts what changed instead of trusting the request.
 */
export function writerStartCommand(pagesPerTick: number): string {
  const n = Math.max(WRITER_BLOCK_PAGES, Math.round(pagesPerTick / WRITER_BLOCK_PAGES) * WRITER_BLOCK_PAGES);
  const ws = WRITER_WORKING_SET_PAGES;
  // Few processes: on a slow or busy host every fork in the emulated guest costs.
  return [
    writerStopCommand(),
    `dd if=/dev/urandom of=/tmp/hov-a bs=4096 count=${n} 2>/dev/null`,
    `dd if=/dev/urandom of=/tmp/hov-b bs=4096 count=${n} 2>/dev/null`,
    `dd if=/dev/zero of=/tmp/hov-ws bs=4096 count=${ws} 2>/dev/null`,
    `(off=0; src=/tmp/hov-a; while :; do dd if=$src of=/tmp/hov-ws bs=4096 count=${n} seek=$off conv=notrunc 2>/dev/null; off=$((off+${n})); if [ $off -ge ${ws} ]; then off=0; if [ $src = /tmp/hov-a ]; then src=/tmp/hov-b; else src=/tmp/hov-a; fi; fi; usleep ${WRITER_PERIOD_US}; done > /dev/null 2>&1 & echo $! > ${WRITER_PID})`,
    `[ -s ${WRITER_PID} ]`,
  ].join('\n');
}

/** How long starting the writer may take (its random sources come from /dev/urandom in an emulated guest). */
export const WRITER_START_TIMEOUT_MS = 180_000;

export function writerStopCommand(): string {
  return `[ -f ${WRITER_PID} ] && kill $(cat ${WRITER_PID}) 2>/dev/null; rm -f ${WRITER_PID} /tmp/hov-ws /tmp/hov-a /tmp/hov-b; true`;
}

/** One line of the counter, with the host time it arrived at (ms, the caller's clock). */
export interface CounterLine {
  readonly count: number;
  /** The guest's wall clock, hh:mm:ss. */
  readonly clock: string;
  /** The guest's uptime in seconds. */
  readonly uptime: number;
  readonly receivedAt: number;
}

const COUNTER_LINE = /^count (\d+) (\d\d:\d\d:\d\d) (\d+(?:\.\d+)?)$/;

/**
 * Turns ttyS1 bytes into counter lines. Anything that is not a whole counter line (a line cut in
 * half by a migration's stop, say) is skipped.
 */
export class CounterReader {
  #partial = '';
  readonly lines: CounterLine[] = [];
  #listeners = new Set<(line: CounterLine) => void>();

  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  push(byte: number): void {
    if (byte === 10) {
      const match = COUNTER_LINE.exec(this.#partial.trim());
      this.#partial = '';
      if (!match) return;
      const line = { count: Number(match[1]), clock: match[2]!, uptime: Number(match[3]), receivedAt: this.#now() };
      this.lines.push(line);
      for (const listener of this.#listeners) listener(line);
    } else if (byte !== 13) {
      this.#partial += String.fromCharCode(byte);
      if (this.#partial.length > 200) this.#partial = '';
    }
  }

  onLine(listener: (line: CounterLine) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Listens to a VM's counter device; returns a function that stops listening. */
  attach(vm: LabVM): () => void {
    const emulator = vm.emulator;
    const listener = (byte: number) => this.push(byte);
    emulator.add_listener(COUNTER_BUS_EVENT, listener as (value: never) => void);
    return () => emulator.remove_listener(COUNTER_BUS_EVENT, listener as (value: never) => void);
  }
}

/**
 * Whether a migration kept the guest running, and so counts as the migration lab's step verified:
 * the first counter line from the new host carries on from the last one the old host printed (a
 * higher count, and an uptime that did not go back, so the guest was not rebooted or restarted).
 */
export function counterContinued(lastBefore: CounterLine, firstAfter: CounterLine): boolean {
  return firstAfter.count > lastBefore.count && firstAfter.uptime >= lastBefore.uptime;
}

/** What one stop-and-copy migration measured. */
export interface MigrationMeasurement {
  /** The state that went from A to B (RAM, CPU, devices), uncompressed, in bytes. */
  readonly stateBytes: number;
  /** A stopped → B running, in ms: the downtime. */
  readonly downtimeMs: number;
  readonly saveMs: number;
  /** The copy: here a copy of the state's bytes from one emulator's memory to the other's. */
  readonly restoreMs: number;
}

/**
 * Stop-and-copy from `source` to a destination made with `source.prepareIncoming()`: stop A,
 * save its state, restore it into B and run B. A is left stopped (destroy it once B runs: that is
 * the end of a migration). Times come from `now` (ms).
 */
export async function migrateLabVM(
  source: LabVM,
  destination: { receive(state: ArrayBuffer): Promise<LabVM> },
  now: () => number = () => performance.now(),
): Promise<{ vm: LabVM; measurement: MigrationMeasurement }> {
  const stoppedAt = now();
  await source.pause();
  const state = await source.saveState();
  const savedAt = now();
  const vm = await destination.receive(state);
  const runningAt = now();
  return {
    vm,
    measurement: { stateBytes: state.byteLength, downtimeMs: runningAt - stoppedAt, saveMs: savedAt - stoppedAt, restoreMs: runningAt - savedAt },
  };
}

/** Pages hashed per slice: small enough that a slice takes a few ms, so the page never freezes. */
export const SCAN_CHUNK_PAGES = 1024;

export type DirtyMeasureOptions = {
  /** Time between pass starts, ms. */
  readonly intervalMs: number;
  /** Intervals to measure (one more pass than this is hashed). */
  readonly intervals: number;
  /** Lets the emulator and the page run between slices (e.g. a 0 ms timeout). */
  readonly yieldToHost: () => Promise<void>;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly chunkPages?: number;
  /** Each interval as it is measured. */
  readonly onInterval?: (interval: DirtyInterval, tracker: DirtyPageTracker) => void;
  /** Checked between slices: true stops the measurement. */
  readonly cancelled?: () => boolean;
};

export type DirtyMeasureProblem = DirtyScanProblem | { readonly code: 'noGuestMemory' } | { readonly code: 'cancelled' };

/**
 * Counts the pages the running `vm` dirties per interval, hashing its RAM in slices between which
 * the emulator runs. Returns the tracker (its intervals and curve) or a problem.
 */
export async function measureDirtyPages(
  vm: LabVM,
  options: DirtyMeasureOptions,
): Promise<{ tracker: DirtyPageTracker } | { problem: DirtyMeasureProblem }> {
  const now = options.now ?? (() => performance.now());
  const chunk = options.chunkPages ?? SCAN_CHUNK_PAGES;
  const first = vm.guestMemory();
  if (!first) return { problem: { code: 'noGuestMemory' } };
  const tracker = new DirtyPageTracker(first.length);
  let nextPassAt = now();
  for (let pass = 0; pass <= options.intervals; pass++) {
    const wait = nextPassAt - now();
    if (wait > 0) await options.sleep(wait);
    const startedAt = now();
    nextPassAt = startedAt + options.intervalMs;
    tracker.beginPass(startedAt / 1000);
    for (let from = 0; from < tracker.pageCount; from += chunk) {
      if (options.cancelled?.()) return { problem: { code: 'cancelled' } };
      // Read the memory afresh each slice: the emulator may have replaced its buffer meanwhile.
      const memory = vm.guestMemory();
      if (!memory) return { problem: { code: 'noGuestMemory' } };
      const problem = tracker.scan(memory, from, Math.min(tracker.pageCount, from + chunk));
      if (problem) return { problem };
      await options.yieldToHost();
    }
    const ended = tracker.endPass();
    if ('problem' in ended) return { problem: ended.problem };
    if (ended.interval) options.onInterval?.(ended.interval, tracker);
  }
  return { tracker };
}
