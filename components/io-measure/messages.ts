import type { MessageCatalogues } from '../book/locale.ts';
import { wordMessage } from '../../lib/book/localized-text.ts';
import { guestDownloadWordings } from '../../lib/guest/index.ts';
import type { IoChannelId } from '../../lib/trap/index.ts';
import type { LabVMStartStatus } from './connectLabVM.ts';

/** Every string the I/O measurement shows, one catalogue per locale of the book. */
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
      case 'downloading': return `Starting the lab VM: downloading the ${wordMessage(guestDownloadWordings, { code: status.file }, 'en')}, ${status.percent}%…`;
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

const zhFormatNumber = (n: number, digits = 0) =>
  n.toLocaleString('zh-CN', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** 简体中文. */
export const zh: IoMeasureMessages = {
  regionLabel: '仿真 I/O 与半虚拟化 I/O 对比，在本浏览器中实测',
  intro: '按“测量”会启动实验虚拟机（如果它还没运行），然后把同样的零字节轮流通过两种设备发送，每种三次。',
  sizeLabel: '每种设备发送的字节数',
  sizeOption: (kib) => `${kib} KiB`,
  measure: '测量',
  measuring: '测量中…',
  startingVM: (status) => {
    switch (status.kind) {
      case 'loading': return '正在启动实验虚拟机：加载模拟器…';
      case 'downloading': return `正在启动实验虚拟机：下载${wordMessage(guestDownloadWordings, { code: status.file }, 'zh-CN')}，${status.percent}%…`;
      case 'booting': return '正在启动实验虚拟机：启动内核（保存的机器与这个模拟器不匹配）…';
      case 'restoring': return '正在启动实验虚拟机：恢复保存的机器…';
    }
  },
  running: (channel, round, rounds) => `第 ${round} 轮，共 ${rounds} 轮：通过${channel}发送…`,
  channels: {
    uart: { name: '仿真的 16550 UART', device: '/dev/ttyS1', how: '每个字节写一次端口' },
    'virtio-console': { name: 'virtio 控制台', device: '/dev/hvc0', how: '每个缓冲区通知一次' },
  },
  chartLabel: (emulated, paravirtual, speedup) =>
    `吞吐量：仿真 UART ${emulated}，virtio 控制台 ${paravirtual}；virtio 快 ${speedup} 倍。`,
  throughputAxis: '吞吐量（越高越好）',
  instructionsAxis: '每字节的客户机指令数（越低越好）',
  tableCaption: '在这台电脑上计时，从字节第一次到达浏览器到最后一次到达。每种设备交替运行三次；表中是中位数那一次。',
  columns: {
    channel: '设备',
    bytes: '字节',
    seconds: '秒',
    throughput: '吞吐量',
    deliveries: '向宿主机交付的次数',
    instructionsPerByte: '每字节的客户机指令数',
  },
  speedup: (times) => `在这里 virtio 快 ${times} 倍。`,
  guestSaid: 'dd 在客户机里输出的内容',
  failed: (message) => `测量失败：${message}`,
  noVM: '实验虚拟机无法在本页启动。',
  rerunHint: '秒数每次运行都不同，不同电脑之间也不同，电脑忙时更是如此；交付次数和每字节的指令数则不会变。',
  formatRate: (bps) => (bps >= 1024 * 1024 ? `${zhFormatNumber(bps / (1024 * 1024), 2)} MiB/s` : `${zhFormatNumber(bps / 1024, 1)} KiB/s`),
  formatNumber: zhFormatNumber,
};

export const ioMeasureCatalogues: MessageCatalogues<IoMeasureMessages> = { en, 'zh-CN': zh };
