import type { IoChannelId } from '../../lib/trap/index.ts';
import type { LabVMStartStatus } from './connectLabVM.ts';

/** Every string the I/O measurement shows. A 简体中文 catalogue will sit next to `en`. */
export interface IoMeasureMessages {
  regionLabel: string;
  intro: string;
  sizeLabel: string;
  sizeOption: (kib: number) => string;
  measure: string;
  measuring: string;
  startingVM: (status: LabVMStartStatus) => string;
  running: (channel: string, round: number, rounds: number) => string;
  channels: Record<IoChannelId, { name: string; device: string; how: string }>;
  chartLabel: (emulated: string, paravirtual: string, speedup: string) => string;
  throughputAxis: string;
  instructionsAxis: string;
  tableCaption: string;
  columns: {
    channel: string;
    bytes: string;
    seconds: string;
    throughput: string;
    deliveries: string;
    instructionsPerByte: string;
  };
  speedup: (times: string) => string;
  guestSaid: string;
  failed: (message: string) => string;
  noVM: string;
  rerunHint: string;
  formatRate: (bytesPerSecond: number) => string;
  formatNumber: (n: number, digits?: number) => string;
}

const formatNumber = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export const en: IoMeasureMessages = {
  regionLabel: 'Emulated against para-virtual I/O, measured in this browser',
  intro: 'Press Measure to start the lab VM (if it is not running yet) and send the same zero bytes through both devices, in turn, three times each.',
  sizeLabel: 'Bytes to send through each device',
  sizeOption: (kib) => `${kib} KiB`,
  measure: 'Measure',
  measuring: 'Measuring…',
  startingVM: (status) => {
    switch (status.kind) {
      case 'loading': return 'Starting the lab VM: loading the emulator…';
      case 'downloading': return `Starting the lab VM: downloading ${status.label}, ${status.percent}%…`;
      case 'booting': return 'Starting the lab VM: booting its kernel (the saved machine did not fit this emulator)…';
      case 'restoring': return 'Starting the lab VM: restoring the saved machine…';
    }
  },
  running: (channel, round, rounds) => `Round ${round} of ${rounds}: sending through ${channel}…`,
  channels: {
    uart: { name: 'Emulated 16550 UART', device: '/dev/ttyS1', how: 'one port write per byte' },
    'virtio-console': { name: 'virtio console', device: '/dev/hvc0', how: 'one notification per buffer' },
  },
  chartLabel: (emulated, paravirtual, speedup) =>
    `Throughput: emulated UART ${emulated}, virtio console ${paravirtual}; virtio was ${speedup} times faster.`,
  throughputAxis: 'Throughput (higher is better)',
  instructionsAxis: 'Guest instructions per byte (lower is better)',
  tableCaption: 'Timed on this computer while the bytes streamed, from their first arrival in the browser to their last. Each device ran three times, alternating; the table shows its median run.',
  columns: {
    channel: 'Device',
    bytes: 'Bytes',
    seconds: 'Seconds',
    throughput: 'Throughput',
    deliveries: 'Deliveries to the host',
    instructionsPerByte: 'Guest instructions per byte',
  },
  speedup: (times) => `virtio was ${times}× faster here.`,
  guestSaid: 'What dd printed in the guest',
  failed: (message) => `The measurement failed: ${message}`,
  noVM: 'The lab VM could not start on this page.',
  rerunHint: 'Seconds vary from run to run and from computer to computer, the more so when it is busy; the deliveries and the instructions per byte do not.',
  formatRate: (bps) => (bps >= 1024 * 1024 ? `${formatNumber(bps / (1024 * 1024), 2)} MiB/s` : `${formatNumber(bps / 1024, 1)} KiB/s`),
  formatNumber,
};

export const ioMeasureCatalogues = { en } as const;
export type IoMeasureLocale = keyof typeof ioMeasureCatalogues;
