import type { MessageCatalogues } from '../book/locale.ts';

/** Every string the virtio lab shows, one catalogue per edition of the book. */
export interface VirtioLabMessages {
  regionLabel: string;
  settingsLegend: string;
  deviceLabel: string;
  batchLabel: string;
  budgetLabel: string;
  suppressionLabel: string;
  interruptEveryLabel: string;
  interruptEveryHint: string;
  indirectLabel: string;
  apicvLabel: string;
  invalidNumber: (label: string, min: number, max: number) => string;
  ringHeading: string;
  ringIntro: (requests: number, bytes: number, queueSize: number) => string;
  step: string;
  runToEnd: string;
  reset: string;
  notStarted: string;
  stepStatus: (n: number, text: string) => string;
  descriptorTable: string;
  availRing: string;
  usedRing: string;
  columns: { index: string; addr: string; len: string; flags: string; next: string; slot: string; head: string; id: string };
  flagsField: string;
  idxField: string;
  usedEventField: string;
  availEventField: string;
  driverSide: string;
  deviceSide: string;
  tallies: {
    notifications: string;
    notificationsSuppressed: string;
    interrupts: string;
    interruptsSuppressed: string;
    completed: (done: number, total: number) => string;
  };
  arrowNotify: string;
  arrowInterrupt: string;
  exitsHeading: string;
  exitsIntro: (requests: number, bytes: number) => string;
  exitsCaption: string;
  pathColumn: string;
  perRequest: (metric: string) => string;
  totalExits: string;
  notModelled: string;
  ringSummary: (notified: number, suppressed: number, interrupts: number, interruptsSuppressed: number) => string;
  traitsHeading: string;
}

export const en: VirtioLabMessages = {
  regionLabel: 'Virtio lab: a split virtqueue and the exits of each I/O path',
  settingsLegend: 'The driver, the device and what they negotiated',
  deviceLabel: 'Device',
  batchLabel: 'Buffers per batch (the driver notifies at most once per batch)',
  budgetLabel: 'Buffers the device serves each time it runs',
  suppressionLabel: 'Notification suppression',
  interruptEveryLabel: 'Interrupt coalescing: one interrupt per N completions',
  interruptEveryHint: 'Needs VIRTIO_F_EVENT_IDX: choose event-idx above.',
  indirectLabel: 'Indirect descriptors (each request in a table of its own)',
  apicvLabel: 'APICv with posted interrupts (delivering an interrupt and its EOI take no exit)',
  invalidNumber: (label, min, max) => `${label} must be a whole number from ${min} to ${max}; the last valid value is still used.`,
  ringHeading: 'The ring, step by step',
  ringIntro: (requests, bytes, queueSize) => `${requests} requests of ${bytes} bytes through a queue of ${queueSize} descriptors. Both sides share nothing but these bytes of guest memory.`,
  step: 'Step',
  runToEnd: 'Run to the end',
  reset: 'Reset',
  notStarted: 'Not started: press Step.',
  stepStatus: (n, text) => `Step ${n}: ${text}`,
  descriptorTable: 'Descriptor table (written by the driver)',
  availRing: 'Available ring (written by the driver)',
  usedRing: 'Used ring (written by the device)',
  columns: { index: '#', addr: 'addr', len: 'len', flags: 'flags', next: 'next', slot: 'slot', head: 'head', id: 'id' },
  flagsField: 'flags',
  idxField: 'idx',
  usedEventField: 'used_event',
  availEventField: 'avail_event',
  driverSide: 'Driver (guest)',
  deviceSide: 'Device (host)',
  tallies: {
    notifications: 'notifications sent',
    notificationsSuppressed: 'notifications suppressed',
    interrupts: 'interrupts sent',
    interruptsSuppressed: 'interrupts suppressed',
    completed: (done, total) => `${done} of ${total} requests taken back`,
  },
  arrowNotify: 'driver → device: notification',
  arrowInterrupt: 'device → driver: interrupt',
  exitsHeading: 'Exits per request on each I/O path',
  exitsIntro: (requests, bytes) => `The same settings, at chapter 4's size: ${requests} requests of ${bytes} bytes (256 KiB). The counts come from running the ring above to the end.`,
  exitsCaption: 'Cost per request of each I/O path (the bars show VM exits per request on a logarithmic scale)',
  pathColumn: 'path',
  perRequest: (metric) => `${metric} per request`,
  totalExits: 'VM exits in all',
  notModelled: 'not modelled (the emulated path here is a UART)',
  ringSummary: (n, s, i, is) => `The ring: ${n} notification${n === 1 ? '' : 's'} (${s} suppressed), ${i} interrupt${i === 1 ? '' : 's'} (${is} suppressed).`,
  traitsHeading: 'What each path gives up',
};

export const zh: VirtioLabMessages = {
  regionLabel: 'virtio 实验：分离式 virtqueue 与各条 I/O 路径的 VM 退出',
  settingsLegend: '驱动、设备以及双方协商的特性',
  deviceLabel: '设备',
  batchLabel: '每批缓冲区数（驱动每批最多通知一次）',
  budgetLabel: '设备每次运行处理的缓冲区数',
  suppressionLabel: '通知抑制',
  interruptEveryLabel: '中断合并：每 N 个完成发一次中断',
  interruptEveryHint: '需要 VIRTIO_F_EVENT_IDX：请在上面选 event-idx。',
  indirectLabel: '间接描述符（每个请求单独放在一张表里）',
  apicvLabel: 'APICv 与 posted interrupt（投递中断和 EOI 都不触发 VM 退出）',
  invalidNumber: (label, min, max) => `${label}必须是 ${min} 到 ${max} 的整数；仍使用上一个有效值。`,
  ringHeading: '一步一步看环',
  ringIntro: (requests, bytes, queueSize) => `${requests} 个 ${bytes} 字节的请求，经过一个有 ${queueSize} 个描述符的队列。双方共享的只有客户机内存里的这些字节。`,
  step: '单步',
  runToEnd: '运行到底',
  reset: '重置',
  notStarted: '尚未开始：请按“单步”。',
  stepStatus: (n, text) => `第 ${n} 步：${text}`,
  descriptorTable: '描述符表（驱动写）',
  availRing: '可用环（驱动写）',
  usedRing: '已用环（设备写）',
  columns: { index: '#', addr: 'addr', len: 'len', flags: 'flags', next: 'next', slot: '槽', head: '链头', id: 'id' },
  flagsField: 'flags',
  idxField: 'idx',
  usedEventField: 'used_event',
  availEventField: 'avail_event',
  driverSide: '驱动（客户机）',
  deviceSide: '设备（宿主机）',
  tallies: {
    notifications: '已发通知',
    notificationsSuppressed: '被抑制的通知',
    interrupts: '已发中断',
    interruptsSuppressed: '被抑制的中断',
    completed: (done, total) => `已收回 ${done} / ${total} 个请求`,
  },
  arrowNotify: '驱动 → 设备：通知',
  arrowInterrupt: '设备 → 驱动：中断',
  exitsHeading: '各条 I/O 路径上每个请求的 VM 退出',
  exitsIntro: (requests, bytes) => `设置不变，规模换成第 4 章的测量：${requests} 个 ${bytes} 字节的请求（256 KiB）。这些计数来自把上面的环完整跑一遍。`,
  exitsCaption: '各条 I/O 路径每个请求的代价（条形表示每个请求的 VM 退出次数，对数刻度）',
  pathColumn: '路径',
  perRequest: (metric) => `每个请求的${metric}`,
  totalExits: 'VM 退出合计',
  notModelled: '未建模（这里的完全模拟路径是 UART）',
  ringSummary: (n, s, i, is) => `环：通知 ${n} 次（抑制 ${s} 次），中断 ${i} 次（抑制 ${is} 次）。`,
  traitsHeading: '每条路径付出的代价',
};

export const virtioLabCatalogues: MessageCatalogues<VirtioLabMessages> = { en, 'zh-CN': zh };
