/**
 * The balloon lab against a running lab VM: inflate and deflate v86's virtio-balloon by whole
 * MiB, read what the guest, its driver, the device and the emulator say about memory, and run a
 * program that asks the guest for memory to see what the kernel does.
 */
import type { LabVM } from '../guest/index.ts';
import {
  balloonDeviceOf, countNonZeroPages, emulatorMemoryBytesOf, guestRamOf, PAGE_BYTES,
  type BalloonStatsReport, type VirtioBalloonDevice,
} from './balloon-device.ts';
import type { AllocationOutcome, BalloonMoveOutcome, BalloonProblem } from './balloon-wordings.ts';
import { GUEST_MEMORY_COMMAND, parseGuestMemory, type BalloonDriverCounters, type GuestMeminfo } from './guest-memory.ts';

export const PAGES_PER_MIB = (1024 * 1024) / PAGE_BYTES;

export type BalloonDirection = 'inflate' | 'deflate';

/** Everything the lab shows at one moment. */
export type BalloonSnapshot = {
  /** The guest's /proc/meminfo. */
  guest: GuestMeminfo;
  /** The driver's counters from /proc/vmstat (null when the kernel has none). */
  driver: BalloonDriverCounters | null;
  /** The device: the target the host set and the pages the driver has handed over, in 4 KiB pages. */
  device: { targetPages: number; actualPages: number };
  /** The emulator: the size of its WebAssembly memory, and the guest pages that are not all zeros. */
  host: { emulatorMemoryBytes: number | null; nonZeroPages: number | null; guestRamPages: number | null };
};

export type BalloonResult<T> = { ok: true; value: T } | { ok: false; problem: BalloonProblem };

function deviceOrProblem(vm: LabVM): BalloonResult<VirtioBalloonDevice> {
  const device = balloonDeviceOf(vm.emulator);
  return device ? { ok: true, value: device } : { ok: false, problem: { code: 'noBalloonDevice' } };
}

/**
 * MiB the lab leaves the guest however far the balloon is inflated: its kernel's own data, its
 * files (the root file system lives in RAM, a tmpfs) and a shell. Measured: with 64 MiB in the
 * balloon the guest still answers; asked for 104 MiB, the driver stalled at 72 MiB and the guest
 * stopped answering.
 */
export const GUEST_RESERVE_MIB = 28;

/** The most the balloon may hold in a guest whose MemTotal (with the balloon empty) is `fullMemTotalKiB`. */
export function balloonLimitMib(fullMemTotalKiB: number): number {
  return Math.max(0, Math.floor(fullMemTotalKiB / 1024) - GUEST_RESERVE_MIB);
}

/** MemTotal with the balloon empty: what the guest shows plus what the balloon holds. */
export function fullMemTotalKiB(snapshot: BalloonSnapshot): number {
  return snapshot.guest.memTotalKiB + snapshot.device.actualPages * (PAGE_BYTES / 1024);
}

/**
 * Whether a move from `before` to `after` showed what the balloon lab sets out to show, and so
 * counts as the lab's step verified: the driver handed the balloon more pages, and the guest's own
 * MemTotal dropped (the memory left the guest, as the guest itself reports it).
 */
export function balloonInflationShown(before: BalloonSnapshot, after: BalloonSnapshot): boolean {
  return after.device.actualPages > before.device.actualPages && after.guest.memTotalKiB < before.guest.memTotalKiB;
}

/** A whole number of MiB, at least 1, from what the reader typed. */
export function checkMibAmount(text: string): BalloonResult<number> {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) return { ok: false, problem: { code: 'notAWholeNumber', params: { text } } };
  const mib = Number(trimmed);
  if (mib < 1) return { ok: false, problem: { code: 'notPositive', params: { text: trimmed } } };
  return { ok: true, value: mib };
}

/**
 * Checks an amount the reader typed, in MiB, for an inflate or a deflate of a balloon that now
 * holds `inflatedMib` and may hold at most `limitMib` (balloonLimitMib).
 */
export function checkBalloonAmount(
  text: string, direction: BalloonDirection, limits: { inflatedMib: number; limitMib: number },
): BalloonResult<number> {
  const amount = checkMibAmount(text);
  if (!amount.ok) return amount;
  const mib = amount.value;
  if (direction === 'deflate' && mib > limits.inflatedMib) {
    return { ok: false, problem: { code: 'moreThanInflated', params: { mib, inflatedMib: limits.inflatedMib } } };
  }
  if (direction === 'inflate' && limits.inflatedMib + mib > limits.limitMib) {
    return {
      ok: false,
      problem: { code: 'beyondLimit', params: { mib: limits.inflatedMib + mib, limitMib: limits.limitMib, reserveMib: GUEST_RESERVE_MIB } },
    };
  }
  return { ok: true, value: mib };
}

/**
 * Reads the guest's memory figures, the driver's counters, the device and the emulator.
 * `countPages` also scans guest RAM for non-zero pages (about 32,768 pages; tens of ms).
 */
export async function readBalloonSnapshot(vm: LabVM, options: { countPages?: boolean } = {}): Promise<BalloonResult<BalloonSnapshot>> {
  const device = deviceOrProblem(vm);
  if (!device.ok) return device;
  const answer = await vm.run(GUEST_MEMORY_COMMAND, { timeoutMs: 20_000 });
  const { meminfo, driver } = parseGuestMemory(answer.output);
  if (!meminfo) return { ok: false, problem: { code: 'guestDidNotAnswer', params: { status: answer.status } } };
  const ram = options.countPages ? guestRamOf(vm.emulator) : null;
  return {
    ok: true,
    value: {
      guest: meminfo,
      driver,
      device: { targetPages: device.value.num_pages, actualPages: device.value.actual },
      host: {
        emulatorMemoryBytes: emulatorMemoryBytesOf(vm.emulator),
        nonZeroPages: ram ? countNonZeroPages(ram) : null,
        guestRamPages: ram ? Math.floor(ram.byteLength / PAGE_BYTES) : null,
      },
    },
  };
}

export type BalloonMove = {
  direction: BalloonDirection;
  mib: number;
  outcome: BalloonMoveOutcome;
  /** Milliseconds from the request to the driver reaching the target (or giving up). */
  ms: number;
};

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Moves the balloon's target by `mib` MiB and waits until the guest's driver has handed over
 * (inflate) or taken back (deflate) that many pages, or has made no progress for `stallMs`.
 */
export async function moveBalloon(
  vm: LabVM, direction: BalloonDirection, mib: number, options: { stallMs?: number } = {},
): Promise<BalloonResult<BalloonMove>> {
  const found = deviceOrProblem(vm);
  if (!found.ok) return found;
  const device = found.value;
  const pages = mib * PAGES_PER_MIB;
  if (direction === 'deflate' && pages > device.num_pages) {
    return {
      ok: false,
      problem: { code: 'moreThanInflated', params: { mib, inflatedMib: Math.floor(device.num_pages / PAGES_PER_MIB) } },
    };
  }
  const start = Date.now();
  if (direction === 'inflate') device.Inflate(pages);
  else device.Deflate(pages);
  const stallMs = options.stallMs ?? 3_000;
  let last = device.actual;
  let lastChange = Date.now();
  while (device.actual !== device.num_pages) {
    await sleep(25);
    if (device.actual !== last) {
      last = device.actual;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > stallMs) {
      const ms = lastChange - start;
      const outcome: BalloonMoveOutcome = {
        code: 'stalled',
        params: { targetMib: device.num_pages / PAGES_PER_MIB, actualMib: Math.floor(device.actual / PAGES_PER_MIB), ms },
      };
      return { ok: true, value: { direction, mib, outcome, ms } };
    }
  }
  const ms = Date.now() - start;
  return { ok: true, value: { direction, mib, outcome: { code: 'reached', params: { targetMib: device.num_pages / PAGES_PER_MIB, ms } }, ms } };
}

/** Asks the guest's driver for fresh statistics over the stats queue (null if it does not answer in time). */
export function requestBalloonStats(vm: LabVM, timeoutMs = 5_000): Promise<BalloonStatsReport | null> {
  const device = balloonDeviceOf(vm.emulator);
  if (!device) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    device.GetStats((stats) => {
      clearTimeout(timer);
      resolve(stats);
    });
  });
}

export type AllocationRun = {
  mib: number;
  outcome: AllocationOutcome;
  /** The program's exit status and what it printed. */
  status: number;
  output: string;
  /** Kernel log lines the run added about running out of memory. */
  kernelLog: string[];
  /** /proc/sys/vm/overcommit_memory (0 = heuristic, 1 = always, 2 = never). */
  overcommitMode: number | null;
};

const ALLOCATION_STATUS = /^allocation-status=(\d+)$/m;
const OVERCOMMIT_MODE = /^overcommit=(\d)$/m;
const KERNEL_LOG_LINE = /^kernel: (.*)$/gm;
const KILLED_PROCESS = /Killed process \d+ \(([^)]+)\)/;


/**
 * Runs a program in the guest that allocates `mib` MiB in one piece and writes to every page of
 * it (BusyBox `dd bs=<mib>M count=1`), and says what the kernel did.
 */
export async function allocateInGuest(vm: LabVM, mib: number): Promise<AllocationRun> {
  // The pipe would hide dd's status, so dd runs alone and its messages go to a file.
  const script = [
    'lab_lines=$(dmesg | wc -l)',
    `dd if=/dev/zero of=/dev/null bs=${mib}M count=1 2>/tmp/lab-alloc.err`,
    'echo "allocation-status=$?"',
    "grep -v -E 'records (in|out)|bytes .* copied' /tmp/lab-alloc.err; rm -f /tmp/lab-alloc.err",
    'echo "overcommit=$(cat /proc/sys/vm/overcommit_memory)"',
    "dmesg | tail -n +$((lab_lines + 1)) | grep -E 'Out of memory|oom-kill|Killed process' | sed 's/^\\[[^]]*\\] //; s/^/kernel: /'",
  ].join('\n');
  const answer = await vm.run(script, { timeoutMs: 120_000 });
  const status = Number(ALLOCATION_STATUS.exec(answer.output)?.[1] ?? answer.status);
  const overcommit = OVERCOMMIT_MODE.exec(answer.output);
  const kernelLog = [...answer.output.matchAll(KERNEL_LOG_LINE)].map((match) => match[1]);
  const output = answer.output
    .split('\n')
    .filter((line) => line && !ALLOCATION_STATUS.test(line) && !OVERCOMMIT_MODE.test(line) && !line.startsWith('kernel: '))
    .join('\n');
  const killed = kernelLog.map((line) => KILLED_PROCESS.exec(line)).find((match) => match);
  let outcome: AllocationOutcome;
  if (status === 0) outcome = { code: 'fitted', params: { mib } };
  else if (killed || status === 137) outcome = { code: 'killed', params: { mib, victim: killed ? killed[1] : 'dd' } };
  else if (/out of memory|memory exhausted|cannot allocate/i.test(output)) outcome = { code: 'refused', params: { mib } };
  else outcome = { code: 'failed', params: { status, output: output.trim() } };
  return { mib, outcome, status, output, kernelLog, overcommitMode: overcommit ? Number(overcommit[1]) : null };
}
