// Emulated against para-virtual I/O, for real: the same bytes sent from inside the lab VM through an
// emulated 16550 UART (ttyS1, one port write per byte) and through a virtio console (hvc0, one
// notification per buffer), timed on the host side as the bytes arrive.
//
// Throughput and instructions per byte are taken over the stream, from the first delivery to the
// last, so the fixed cost of starting the command (the shell, dd, the share) does not blur them.
//
// This file is DOM-free: it works with anything shaped like lib/guest's LabVM, in Node or a browser.
// Timing is real, so results vary from run to run; only the byte counts are checked exactly.

import { wordings } from '../book/localized-text.ts';
import type { MessageOf } from '../book/localized-text.ts';

export type IoChannelId = 'uart' | 'virtio-console';

export interface IoChannel {
  readonly id: IoChannelId;
  /** The guest device the bytes are written to. */
  readonly device: string;
  /** The v86 bus event that carries the bytes to the host. */
  readonly busEvent: string;
  readonly kind: 'emulated' | 'paravirtual';
}

export const IO_CHANNELS: readonly IoChannel[] = [
  { id: 'uart', device: '/dev/ttyS1', busEvent: 'serial1-output-byte', kind: 'emulated' },
  { id: 'virtio-console', device: '/dev/hvc0', busEvent: 'virtio-console0-output-bytes', kind: 'paravirtual' },
];

export function ioChannel(id: IoChannelId): IoChannel {
  return IO_CHANNELS.find((c) => c.id === id)!;
}

/** Sizes the reader can choose, in KiB. */
export const IO_SIZES_KIB: readonly number[] = [64, 256, 1024];
export const DEFAULT_IO_SIZE_KIB = 256;
/** dd's block size: one page, the most a virtio console buffer carries. Sizes are multiples of it. */
export const IO_BLOCK_BYTES = 4096;

/** What the measurement needs from the lab VM (lib/guest's LabVM has all of it). */
export interface IoMeasureTarget {
  run(command: string, options?: { timeoutMs?: number }): Promise<{ output: string; status: number; timedOut?: boolean }>;
  instructionCount(): number;
  readonly emulator: {
    add_listener(event: string, listener: (value: never) => void): void;
    remove_listener(event: string, listener: (value: never) => void): void;
  };
}

/** `bytes` rounded down to whole dd blocks (at least one). */
export function ioMeasurementBytes(bytes: number): number {
  return Math.max(1, Math.floor(bytes / IO_BLOCK_BYTES)) * IO_BLOCK_BYTES;
}

/**
 * The guest command: put the device in raw mode (no output processing, no echo) and copy
 * `bytes` zero bytes to it in page-sized writes. dd's report goes to the output, shown to the reader.
 */
export function ioMeasurementCommand(channel: IoChannel, bytes: number): string {
  const blocks = ioMeasurementBytes(bytes) / IO_BLOCK_BYTES;
  return [
    `stty raw -echo < ${channel.device} 2>/dev/null`,
    `dd if=/dev/zero of=${channel.device} bs=${IO_BLOCK_BYTES} count=${blocks} 2>&1`,
  ].join('\n');
}

/** A command that says whether both devices exist in the guest (prints "ok" or what is missing). */
export function ioDevicesCheckCommand(): string {
  return IO_CHANNELS.map((c) => `[ -c ${c.device} ] || echo "missing ${c.device}"`).join('; ') + '; echo ok';
}

export interface IoMeasurement {
  readonly channel: IoChannelId;
  /** Bytes the guest was asked to send. */
  readonly bytes: number;
  /** Bytes that arrived on the host side. */
  readonly received: number;
  /** Bytes that arrived and were not zero (should be 0: the data is /dev/zero). */
  readonly corrupted: number;
  /** Host bus events that carried them: one per byte for the UART, one per buffer for virtio. */
  readonly deliveries: number;
  /** From the first delivery to the last, in seconds (host clock). */
  readonly seconds: number;
  /** From the start of the command to the last delivery, in seconds. */
  readonly totalSeconds: number;
  /** Bytes after the first delivery, divided by `seconds`. */
  readonly bytesPerSecond: number;
  /** Guest instructions executed per byte while the bytes streamed (v86's instruction counter). */
  readonly instructionsPerByte: number;
  /** What the guest printed (dd's summary). */
  readonly guestOutput: string;
  readonly status: number;
}

/** Why a measurement failed, in every edition of the book (device and bus event are names, not prose). */
export const ioMeasureProblemWordings = {
  timedOut: wordings(
    (p: { device: string; seconds: number }) => `${p.device}: the guest did not finish within ${p.seconds} s`,
    (p) => `${p.device}：客户机在 ${p.seconds} 秒内没有完成`,
  ),
  ddFailed: wordings(
    (p: { device: string; status: number; output: string }) => `${p.device}: dd failed (status ${p.status}): ${p.output}`,
    (p) => `${p.device}：dd 失败（退出状态 ${p.status}）：${p.output}`,
  ),
  noBytes: wordings(
    (p: { device: string; busEvent: string }) => `${p.device}: no bytes reached the host (is ${p.busEvent} wired up?)`,
    (p) => `${p.device}：没有任何字节到达宿主机（${p.busEvent} 接好了吗？）`,
  ),
};
export type IoMeasureProblem = MessageOf<typeof ioMeasureProblemWordings>;

export type IoMeasurementResult =
  | { readonly ok: true; readonly measurement: IoMeasurement }
  /** What went wrong (`code` and `params`, worded by ioMeasureProblemWordings in every edition) on which channel. */
  | (IoMeasureProblem & { readonly ok: false; readonly channel: IoChannelId });

function failure(channel: IoChannelId, problem: IoMeasureProblem): IoMeasurementResult {
  return { ...problem, ok: false, channel };
}

function byteCount(value: unknown): { count: number; nonZero: number } {
  if (typeof value === 'number') return { count: 1, nonZero: value === 0 ? 0 : 1 };
  if (value instanceof Uint8Array || Array.isArray(value)) {
    let nonZero = 0;
    const items = value as ArrayLike<number>;
    for (let i = 0; i < items.length; i++) if (items[i] !== 0) nonZero++;
    return { count: value.length, nonZero };
  }
  return { count: 0, nonZero: 0 };
}

/** Send `bytes` bytes through `channel` from inside the guest and time their arrival. */
export async function measureIoChannel(
  target: IoMeasureTarget,
  channelId: IoChannelId,
  bytes: number,
  options: { now?: () => number; timeoutMs?: number; drainMs?: number } = {},
): Promise<IoMeasurementResult> {
  const channel = ioChannel(channelId);
  const now = options.now ?? (() => performance.now());
  const timeoutMs = options.timeoutMs ?? 180_000;
  const wanted = ioMeasurementBytes(bytes);
  let received = 0;
  let corrupted = 0;
  let deliveries = 0;
  let firstAt = 0;
  let firstBytes = 0;
  let firstInstructions = 0;
  let lastAt = 0;
  let lastInstructions = 0;
  let notifyDone: (() => void) | null = null;
  const listener = (value: unknown) => {
    const { count, nonZero } = byteCount(value);
    const at = now();
    const instructions = target.instructionCount();
    if (deliveries === 0) {
      firstAt = at;
      firstBytes = count;
      firstInstructions = instructions;
    }
    received += count;
    corrupted += nonZero;
    deliveries++;
    lastAt = at;
    lastInstructions = instructions;
    if (received >= wanted && notifyDone) notifyDone();
  };
  target.emulator.add_listener(channel.busEvent, listener as (value: never) => void);
  try {
    const instructionsBefore = target.instructionCount();
    const startedAt = now();
    const result = await target.run(ioMeasurementCommand(channel, wanted), { timeoutMs });
    if (result.timedOut) {
      return failure(channelId, { code: 'timedOut', params: { device: channel.device, seconds: Math.round(timeoutMs / 1000) } });
    }
    if (result.status !== 0) {
      return failure(channelId, { code: 'ddFailed', params: { device: channel.device, status: result.status, output: result.output.trim() } });
    }
    if (received < wanted) {
      // The guest may return before the device has pushed out its last bytes.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.drainMs ?? 5_000);
        notifyDone = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    if (received === 0) {
      return failure(channelId, { code: 'noBytes', params: { device: channel.device, busEvent: channel.busEvent } });
    }
    const totalSeconds = Math.max(1e-6, (lastAt - startedAt) / 1000);
    // A single delivery has no stream to time: fall back to the whole command.
    const streamed = deliveries > 1 && lastAt > firstAt;
    const seconds = streamed ? (lastAt - firstAt) / 1000 : totalSeconds;
    const streamBytes = streamed ? received - firstBytes : received;
    const instructions = streamed
      ? (lastInstructions - firstInstructions) >>> 0
      : (target.instructionCount() - instructionsBefore) >>> 0;
    return {
      ok: true,
      measurement: {
        channel: channelId,
        bytes: wanted,
        received,
        corrupted,
        deliveries,
        seconds,
        totalSeconds,
        bytesPerSecond: streamBytes / seconds,
        instructionsPerByte: instructions / Math.max(1, streamBytes),
        guestOutput: result.output.trim(),
        status: result.status,
      },
    };
  } finally {
    target.emulator.remove_listener(channel.busEvent, listener as (value: never) => void);
  }
}

/** How many times faster the para-virtual channel was (throughput ratio). */
export function ioSpeedup(emulated: IoMeasurement, paravirtual: IoMeasurement): number {
  return emulated.bytesPerSecond > 0 ? paravirtual.bytesPerSecond / emulated.bytesPerSecond : 0;
}

/** The run with the median throughput: one slow or fast outlier (a busy computer) does not decide. */
export function medianIoMeasurement(runs: readonly IoMeasurement[]): IoMeasurement | undefined {
  if (runs.length === 0) return undefined;
  const sorted = [...runs].sort((a, b) => a.bytesPerSecond - b.bytesPerSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** How many times each device is measured, alternating, in the lab. */
export const IO_ROUNDS = 3;
