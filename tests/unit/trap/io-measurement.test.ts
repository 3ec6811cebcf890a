import { describe, expect, it } from 'vitest';
import { IO_CHANNELS, ioMeasurementBytes, ioMeasurementCommand, ioMeasureProblemWordings, measureIoChannel, ioSpeedup, getWorkload, medianIoMeasurement } from '../../../lib/trap/index.ts';
import { wordMessage } from '../../../lib/book/localized-text.ts';
import type { IoMeasureTarget } from '../../../lib/trap/index.ts';

/**
 * A stand-in for the lab VM: `run` emits the bytes the command asks for on the channel's bus event,
 * `chunk` bytes per event, advancing a fake clock by `msPerEvent` each time.
 */
function fakeVM(options: { chunk: number; msPerEvent: number; status?: number; drop?: number }) {
  let clock = 0;
  let instructions = 4_294_967_000; // close to the 32-bit wrap, which the measurement must survive
  const listeners = new Map<string, Set<(v: never) => void>>();
  const target: IoMeasureTarget = {
    emulator: {
      add_listener: (e, l) => void (listeners.get(e) ?? listeners.set(e, new Set()).get(e)!).add(l),
      remove_listener: (e, l) => void listeners.get(e)?.delete(l),
    },
    instructionCount: () => instructions >>> 0,
    async run(command) {
      const device = /of=(\S+)/.exec(command)![1]!;
      const count = Number(/count=(\d+)/.exec(command)![1]) * 4096 - (options.drop ?? 0);
      const event = IO_CHANNELS.find((c) => c.device === device)!.busEvent;
      for (let sent = 0; sent < count; sent += options.chunk) {
        clock += options.msPerEvent;
        instructions += 10 * options.chunk;
        const n = Math.min(options.chunk, count - sent);
        for (const l of listeners.get(event) ?? []) (l as (v: unknown) => void)(options.chunk === 1 ? 0 : new Uint8Array(n));
      }
      return { output: `${count} bytes copied`, status: options.status ?? 0 };
    },
  };
  return { target, now: () => clock, listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0) };
}

describe('the I/O measurement', () => {
  it('writes raw zeros to the right device in page-sized blocks', () => {
    expect(ioMeasurementCommand(IO_CHANNELS[0]!, 65536)).toBe(
      'stty raw -echo < /dev/ttyS1 2>/dev/null\ndd if=/dev/zero of=/dev/ttyS1 bs=4096 count=16 2>&1',
    );
    expect(ioMeasurementCommand(IO_CHANNELS[1]!, 5000)).toContain('of=/dev/hvc0 bs=4096 count=1');
    expect(ioMeasurementBytes(10_000)).toBe(8192);
    expect(ioMeasurementBytes(1)).toBe(4096);
  });

  it('counts bytes delivered one at a time (UART) and in buffers (virtio), and times the stream', async () => {
    const uart = fakeVM({ chunk: 1, msPerEvent: 0.01 });
    const a = await measureIoChannel(uart.target, 'uart', 16384, { now: uart.now });
    const virtio = fakeVM({ chunk: 4096, msPerEvent: 1 });
    const b = await measureIoChannel(virtio.target, 'virtio-console', 16384, { now: virtio.now });
    if (!a.ok || !b.ok) throw new Error('measurement failed');
    // The stream runs from the first delivery to the last: 16383 bytes in 16383 × 0.01 ms.
    expect(a.measurement).toMatchObject({ bytes: 16384, received: 16384, deliveries: 16384, corrupted: 0, instructionsPerByte: 10 });
    expect(a.measurement.seconds).toBeCloseTo(0.16383, 6);
    expect(a.measurement.bytesPerSecond).toBeCloseTo(100_000, 3);
    expect(a.measurement.totalSeconds).toBeCloseTo(0.16384, 6);
    // 3 buffers after the first, 1 ms apart: 12288 bytes in 3 ms.
    expect(b.measurement).toMatchObject({ received: 16384, deliveries: 4, instructionsPerByte: 10 });
    expect(b.measurement.bytesPerSecond).toBeCloseTo(4_096_000, 3);
    expect(ioSpeedup(a.measurement, b.measurement)).toBeCloseTo(40.96, 6);
    expect(uart.listenerCount() + virtio.listenerCount()).toBe(0);
  });

  it('reports a failing guest command, and a device that delivers nothing, as errors', async () => {
    const failing = fakeVM({ chunk: 1, msPerEvent: 1, status: 1 });
    const r = await measureIoChannel(failing.target, 'uart', 1024, { now: failing.now });
    expect(r).toMatchObject({ ok: false, channel: 'uart' });
    expect(!r.ok && wordMessage(ioMeasureProblemWordings, r, 'en')).toContain('dd failed (status 1)');
    const silent = fakeVM({ chunk: 4096, msPerEvent: 1, drop: 4096 });
    const s = await measureIoChannel(silent.target, 'virtio-console', 4096, { now: silent.now, drainMs: 10 });
    expect(s).toMatchObject({ ok: false, channel: 'virtio-console', code: 'noBytes' });
    expect(!s.ok && wordMessage(ioMeasureProblemWordings, s, 'en')).toContain('no bytes reached the host');
  });
});

describe('the chapter text and the lab agree', () => {
  it('the timer workload has its first POPF on line 27, as the chapter says', () => {
    const lines = getWorkload('timer').nativeSource({ pvBatchSize: 8 }).split('\n');
    expect(lines.findIndex((l) => /^\s*POPF\b/.test(l)) + 1).toBe(27);
  });
});

describe('medianIoMeasurement', () => {
  it('keeps the run with the median throughput', async () => {
    const runs = [];
    for (const ms of [5, 1, 3]) {
      const vm = fakeVM({ chunk: 4096, msPerEvent: ms });
      const r = await measureIoChannel(vm.target, 'virtio-console', 16384, { now: vm.now });
      if (r.ok) runs.push(r.measurement);
    }
    expect(runs).toHaveLength(3);
    expect(medianIoMeasurement(runs)!.seconds).toBeCloseTo(0.009, 6);
    expect(medianIoMeasurement([])).toBeUndefined();
  });
});
