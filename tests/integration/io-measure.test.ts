// Chapter 4's I/O measurement against the real lab VM in Node: the same zero bytes through the
// emulated 16550 UART (ttyS1) and the virtio console (hvc0). Timing varies from machine to machine,
// so nothing here asserts a time; what is checked is what the devices are: every byte arrives, the
// UART hands the host one byte per delivery, virtio whole buffers, and the UART path costs the guest
// more instructions per byte. The measured figures are printed as a Markdown table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabVM } from '../../lib/guest/index.ts';
import { startNodeLabVM } from '../../lib/guest/node.ts';
import {
  IO_BLOCK_BYTES, ioDevicesCheckCommand, ioMeasureProblemWordings, ioSpeedup, measureIoChannel,
} from '../../lib/trap/index.ts';
import { wordMessage } from '../../lib/book/localized-text.ts';
import type { IoMeasurement } from '../../lib/trap/index.ts';

const BYTES = 256 * 1024;
let vm: LabVM;

beforeAll(async () => {
  vm = await startNodeLabVM();
});

afterAll(async () => {
  await vm?.destroy();
});

async function measure(channel: 'uart' | 'virtio-console'): Promise<IoMeasurement> {
  const result = await measureIoChannel(vm, channel, BYTES);
  if (!result.ok) throw new Error(wordMessage(ioMeasureProblemWordings, result, 'en'));
  return result.measurement;
}

describe('io-measure: emulated UART against virtio console in the lab VM', () => {
  it('finds both devices in the guest', async () => {
    const check = await vm.run(ioDevicesCheckCommand());
    expect(check.output.trim()).toBe('ok');
    const uart = await vm.run('grep "^1:" /proc/tty/driver/serial');
    expect(uart.output).toContain('uart:16550A');
  });

  it('sends the same bytes through both and reports what each device cost', async () => {
    const uart = await measure('uart');
    const virtio = await measure('virtio-console');
    for (const m of [uart, virtio]) {
      expect(m.received, m.channel).toBe(BYTES);
      expect(m.corrupted, m.channel).toBe(0);
      expect(m.status, m.channel).toBe(0);
      expect(m.guestOutput, m.channel).toContain(`${BYTES / IO_BLOCK_BYTES}+0 records out`);
    }
    // The 16550 hands over one byte per port write; virtio a buffer per notification.
    expect(uart.deliveries).toBe(BYTES);
    expect(virtio.deliveries).toBeGreaterThanOrEqual(BYTES / IO_BLOCK_BYTES);
    expect(virtio.deliveries).toBeLessThanOrEqual((2 * BYTES) / IO_BLOCK_BYTES);
    // Per byte, the guest works harder to drive the UART (port writes, transmit interrupts).
    expect(uart.instructionsPerByte).toBeGreaterThan(1.5 * virtio.instructionsPerByte);

    const row = (m: IoMeasurement) =>
      `| ${m.channel} | ${m.received} | ${m.deliveries} | ${m.seconds.toFixed(3)} | ${(m.bytesPerSecond / 1024).toFixed(1)} | ${m.instructionsPerByte.toFixed(1)} |`;
    console.log(
      [
        '',
        '| device | bytes | deliveries | stream seconds | KiB/s | guest instructions per byte |',
        '|---|---|---|---|---|---|',
        row(uart),
        row(virtio),
        `virtio/UART throughput: ${ioSpeedup(uart, virtio).toFixed(1)}×`,
      ].join('\n'),
    );
  });
});
