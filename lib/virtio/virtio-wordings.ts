/** The words of the virtio engine's codes, in both editions of the book. */
import { wordMessage, wordings } from '../book/localized-text.ts';
import type { BookLocale } from '../book/localized-text.ts';
import type { MessageOf } from '../book/localized-text.ts';

export const ioPathWordings = {
  emulated: wordings(() => 'emulated device (16550A UART in QEMU)', () => '完全模拟的设备（QEMU 里的 16550A UART）'),
  'virtio-user': wordings(() => 'virtio, back end in QEMU (user space)', () => 'virtio，后端在 QEMU（用户态）'),
  vhost: wordings(() => 'vhost (back end in the host kernel)', () => 'vhost（后端在宿主机内核）'),
  assigned: wordings(() => 'device assignment (IOMMU, SR-IOV VF)', () => '设备直通（IOMMU，SR-IOV VF）'),
};

export const ioCostMetricWordings = {
  vmExits: wordings(() => 'VM exits', () => 'VM 退出'),
  userspaceTrips: wordings(() => 'trips to host user space', () => '进入宿主机用户态'),
  hostSyscalls: wordings(() => 'host system calls', () => '宿主机系统调用'),
  guestInterrupts: wordings(() => 'guest interrupts', () => '客户机中断'),
};

export const suppressionWordings = {
  none: wordings(() => 'none: every batch notifies, every completion interrupts', () => '不抑制：每批都通知，每次完成都中断'),
  flags: wordings(() => 'flags: VIRTQ_USED_F_NO_NOTIFY / VIRTQ_AVAIL_F_NO_INTERRUPT', () => '标志位：VIRTQ_USED_F_NO_NOTIFY / VIRTQ_AVAIL_F_NO_INTERRUPT'),
  'event-idx': wordings(() => 'VIRTIO_F_EVENT_IDX: avail_event and used_event', () => 'VIRTIO_F_EVENT_IDX：avail_event 与 used_event'),
};

export const deviceKindWordings = {
  console: wordings(() => 'virtio-console (transmitq: bytes out)', () => 'virtio-console（transmitq：输出字节）'),
  blk: wordings(() => 'virtio-blk (header, data, status)', () => 'virtio-blk（请求头、数据、状态）'),
};

export const ioPathTraitWordings = {
  dataPathExits: wordings(() => 'exits on the data path', () => '数据通路上有 VM 退出'),
  noDataPathExits: wordings(() => 'no exit on the data path', () => '数据通路上没有 VM 退出'),
  migrationYes: wordings(() => 'live migration: yes (the VMM holds the device state)', () => '热迁移：可以（设备状态在 VMM 手里）'),
  migrationDevice: wordings(
    () => 'live migration: only if the device and its driver support it (its state is in hardware)',
    () => '热迁移：只有设备及其驱动支持时才行（状态在硬件里）',
  ),
  isolationVmm: wordings(() => 'isolation: a bug in the device model is a bug in the QEMU process', () => '隔离：设备模型的漏洞只在 QEMU 进程里'),
  isolationKernel: wordings(() => 'isolation: the back end runs in the host kernel', () => '隔离：后端跑在宿主机内核里'),
  isolationIommu: wordings(() => 'isolation: the IOMMU confines the device\'s DMA to the guest\'s memory', () => '隔离：IOMMU 把设备的 DMA 限制在客户机内存里'),
};

/** One sentence per step of the ring, for the step-through view and the CLI's trace. */
export const virtioEventWordings = {
  'driver-add': wordings(
    (p: { request: number; head: number; descriptors: string; availSlot: number }) =>
      `Driver: request ${p.request} goes into descriptor${p.descriptors.includes(',') ? 's' : ''} ${p.descriptors}; its head ${p.head} into avail.ring[${p.availSlot}]. The device cannot see it yet.`,
    (p) => `驱动：请求 ${p.request} 写进描述符 ${p.descriptors}，链头 ${p.head} 放进 avail.ring[${p.availSlot}]。设备此时还看不到它。`,
  ),
  'driver-kick-notify': wordings(
    (p: { oldIdx: number; newIdx: number; reason: string }) => `Driver: avail.idx ${p.oldIdx} → ${p.newIdx}, and it notifies the device (${p.reason}).`,
    (p) => `驱动：avail.idx ${p.oldIdx} → ${p.newIdx}，并通知设备（${p.reason}）。`,
  ),
  'driver-kick-quiet': wordings(
    (p: { oldIdx: number; newIdx: number; reason: string }) => `Driver: avail.idx ${p.oldIdx} → ${p.newIdx}, without notifying (${p.reason}).`,
    (p) => `驱动：avail.idx ${p.oldIdx} → ${p.newIdx}，不通知设备（${p.reason}）。`,
  ),
  'device-use': wordings(
    (p: { head: number; availIdx: number; readBytes: number; writtenBytes: number; usedSlot: number }) =>
      `Device: takes avail entry ${p.availIdx} (chain ${p.head}), reads ${p.readBytes} bytes, writes ${p.writtenBytes}; puts {id ${p.head}, len ${p.writtenBytes}} in used.ring[${p.usedSlot}].`,
    (p) => `设备：取第 ${p.availIdx} 个可用项（链 ${p.head}），读 ${p.readBytes} 字节、写 ${p.writtenBytes} 字节，把 {id ${p.head}, len ${p.writtenBytes}} 放进 used.ring[${p.usedSlot}]。`,
  ),
  'device-publish-interrupt': wordings(
    (p: { oldIdx: number; newIdx: number; reason: string }) => `Device: used.idx ${p.oldIdx} → ${p.newIdx}, and it interrupts the driver (${p.reason}).`,
    (p) => `设备：used.idx ${p.oldIdx} → ${p.newIdx}，并向驱动发中断（${p.reason}）。`,
  ),
  'device-publish-quiet': wordings(
    (p: { oldIdx: number; newIdx: number; reason: string }) => `Device: used.idx ${p.oldIdx} → ${p.newIdx}, no interrupt (${p.reason}).`,
    (p) => `设备：used.idx ${p.oldIdx} → ${p.newIdx}，不发中断（${p.reason}）。`,
  ),
  'device-busy': wordings(
    (p: { remaining: number }) => `Device: ${p.remaining} buffer(s) still waiting; it keeps notifications off and comes back without being told.`,
    (p) => `设备：还有 ${p.remaining} 个缓冲区在等；它保持通知关闭，不用提醒也会回来处理。`,
  ),
  'device-idle': wordings(
    (p: { availEvent: number }) => `Device: the ring is empty; it turns notifications back on (next index it wants to hear about: ${p.availEvent}), looks once more, and sleeps.`,
    (p) => `设备：环空了；它重新打开通知（希望被告知的下一个索引：${p.availEvent}），再看一眼，然后休眠。`,
  ),
  'device-idle-more': wordings(
    (p: { availEvent: number }) => `Device: turned notifications on (index ${p.availEvent}), looked once more and found a new buffer: it keeps going.`,
    (p) => `设备：重新打开通知（索引 ${p.availEvent}）后又看了一眼，发现新缓冲区：继续处理。`,
  ),
  'driver-reap-interrupt': wordings(
    (p: { buffers: number }) => `Driver: the interrupt handler takes back ${p.buffers} used buffer(s) and frees their descriptors.`,
    (p) => `驱动：中断处理程序收回 ${p.buffers} 个已用缓冲区，释放它们的描述符。`,
  ),
  'driver-reap-poll': wordings(
    (p: { buffers: number }) => `Driver: takes back ${p.buffers} used buffer(s) without an interrupt (it needed descriptors, or the run ended).`,
    (p) => `驱动：不等中断，直接收回 ${p.buffers} 个已用缓冲区（它需要描述符，或者已经跑完）。`,
  ),
  done: wordings(() => 'Every request is done and taken back.', () => '所有请求都已完成并收回。'),
  stalled: wordings(
    () => 'Stalled: a buffer is available but the device was never told. This would be a bug in the ring code.',
    () => '卡住了：有可用缓冲区，但设备从没被告知。这说明环的代码有缺陷。',
  ),
  'device-error': wordings(
    (p: { head: number; problem: string }) => `Device: chain ${p.head} is malformed: ${p.problem}.`,
    (p) => `设备：链 ${p.head} 格式错误：${p.problem}。`,
  ),
};

/** Why a kick notified or an interrupt was sent (the reason shown in parentheses above). */
export const virtioReasonWordings = {
  noSuppression: wordings(() => 'no suppression negotiated', () => '没有协商任何抑制机制'),
  noNotifyClear: wordings(() => 'used.flags has no NO_NOTIFY', () => 'used.flags 没有 NO_NOTIFY'),
  noNotifySet: wordings(() => 'used.flags has NO_NOTIFY: the device is busy', () => 'used.flags 置了 NO_NOTIFY：设备正忙'),
  noInterruptClear: wordings(() => 'avail.flags has no NO_INTERRUPT', () => 'avail.flags 没有 NO_INTERRUPT'),
  noInterruptSet: wordings(() => 'avail.flags has NO_INTERRUPT', () => 'avail.flags 置了 NO_INTERRUPT'),
  eventCrossed: wordings(
    (p: { name: string; event: number; oldIdx: number; newIdx: number }) => `${p.name} ${p.event} lies in [${p.oldIdx}, ${p.newIdx})`,
    (p) => `${p.name} ${p.event} 落在 [${p.oldIdx}, ${p.newIdx}) 里`,
  ),
  eventNotCrossed: wordings(
    (p: { name: string; event: number; oldIdx: number; newIdx: number }) => `${p.name} ${p.event} is not in [${p.oldIdx}, ${p.newIdx})`,
    (p) => `${p.name} ${p.event} 不在 [${p.oldIdx}, ${p.newIdx}) 里`,
  ),
};

export const virtioProblemWordings = {
  outOfRange: wordings(
    (p: { field: string; value: number; min: number; max: number }) => `${p.field} must be a whole number from ${p.min} to ${p.max} (it is ${p.value})`,
    (p) => `${p.field} 必须是 ${p.min} 到 ${p.max} 的整数（现在是 ${p.value}）`,
  ),
  badQueueSize: wordings(
    (p: { value: number }) => `the queue size must be a power of 2 from 1 to 1024 (it is ${p.value})`,
    (p) => `队列大小必须是 1 到 1024 之间的 2 的幂（现在是 ${p.value}）`,
  ),
  chainTooLong: wordings(
    (p: { queueSize: number; descriptors: number }) => `a request takes ${p.descriptors} descriptors, more than the queue's ${p.queueSize}`,
    (p) => `一个请求要占 ${p.descriptors} 个描述符，超过了队列的 ${p.queueSize} 个`,
  ),
  coalescingNeedsEventIdx: wordings(
    () => 'interrupt coalescing needs VIRTIO_F_EVENT_IDX (suppression event-idx)',
    () => '中断合并需要 VIRTIO_F_EVENT_IDX（抑制方式选 event-idx）',
  ),
};
export type VirtioProblem = MessageOf<typeof virtioProblemWordings>;

export const chainProblemWordings = {
  headOutOfRange: wordings(() => 'its head index is outside the descriptor table', () => '链头索引超出描述符表'),
  nextOutOfRange: wordings(() => 'a next index is outside the table', () => '某个 next 索引超出描述符表'),
  chainLoop: wordings(() => 'it is longer than its table: a loop', () => '链比描述符表还长：出现了环'),
  indirectWithNext: wordings(() => 'INDIRECT and NEXT are both set', () => '同时置了 INDIRECT 和 NEXT'),
  nestedIndirect: wordings(() => 'an indirect table holds another INDIRECT descriptor', () => '间接描述符表里又有 INDIRECT 描述符'),
  indirectBadLength: wordings(() => 'the indirect table\'s length is not a multiple of 16', () => '间接描述符表的长度不是 16 的倍数'),
  readableAfterWritable: wordings(() => 'a device-readable descriptor follows a device-writable one', () => '设备只读的描述符排在设备可写的描述符之后'),
  outsideMemory: wordings(() => 'a buffer lies outside guest memory', () => '某个缓冲区超出客户机内存'),
};

type ReasonMessage = MessageOf<typeof virtioReasonWordings>;

function kickReason(e: Extract<VirtioEventLike, { kind: 'driver-kick' }>, suppression: string): ReasonMessage {
  if (suppression === 'none') return { code: 'noSuppression' };
  if (e.availEvent !== undefined) {
    return { code: e.notify ? 'eventCrossed' : 'eventNotCrossed', params: { name: 'avail_event', event: e.availEvent, oldIdx: e.oldIdx, newIdx: e.newIdx } };
  }
  return { code: e.notify ? 'noNotifyClear' : 'noNotifySet' };
}

function publishReason(e: Extract<VirtioEventLike, { kind: 'device-publish' }>, suppression: string): ReasonMessage {
  if (suppression === 'none') return { code: 'noSuppression' };
  if (e.usedEvent !== undefined) {
    return { code: e.interrupt ? 'eventCrossed' : 'eventNotCrossed', params: { name: 'used_event', event: e.usedEvent, oldIdx: e.oldIdx, newIdx: e.newIdx } };
  }
  return { code: e.interrupt ? 'noInterruptClear' : 'noInterruptSet' };
}

/** The events virtio-session.ts produces (structurally, so this file needs no import of it). */
type VirtioEventLike =
  | { kind: 'driver-add'; request: number; head: number; descriptors: readonly number[]; availSlot: number }
  | { kind: 'driver-kick'; oldIdx: number; newIdx: number; notify: boolean; availEvent?: number }
  | { kind: 'device-use'; head: number; availIdx: number; readBytes: number; writtenBytes: number; usedSlot: number }
  | { kind: 'device-publish'; oldIdx: number; newIdx: number; interrupt: boolean; usedEvent?: number }
  | { kind: 'device-busy'; remaining: number }
  | { kind: 'device-idle'; availEvent: number; foundMore: boolean }
  | { kind: 'driver-reap'; buffers: number; byInterrupt: boolean }
  | { kind: 'done' }
  | { kind: 'stalled' }
  | { kind: 'device-error'; code: keyof typeof chainProblemWordings; head: number };

/** One step of the ring in words, in a locale of the book. */
export function wordVirtioEvent(e: VirtioEventLike, suppression: string, locale: BookLocale | string): string {
  switch (e.kind) {
    case 'driver-add':
      return wordMessage(virtioEventWordings, { code: 'driver-add', params: { request: e.request, head: e.head, descriptors: e.descriptors.join(', '), availSlot: e.availSlot } }, locale);
    case 'driver-kick':
      return wordMessage(virtioEventWordings, {
        code: e.notify ? 'driver-kick-notify' : 'driver-kick-quiet',
        params: { oldIdx: e.oldIdx, newIdx: e.newIdx, reason: wordMessage(virtioReasonWordings, kickReason(e, suppression), locale) },
      }, locale);
    case 'device-use':
      return wordMessage(virtioEventWordings, { code: 'device-use', params: { head: e.head, availIdx: e.availIdx, readBytes: e.readBytes, writtenBytes: e.writtenBytes, usedSlot: e.usedSlot } }, locale);
    case 'device-publish':
      return wordMessage(virtioEventWordings, {
        code: e.interrupt ? 'device-publish-interrupt' : 'device-publish-quiet',
        params: { oldIdx: e.oldIdx, newIdx: e.newIdx, reason: wordMessage(virtioReasonWordings, publishReason(e, suppression), locale) },
      }, locale);
    case 'device-busy':
      return wordMessage(virtioEventWordings, { code: 'device-busy', params: { remaining: e.remaining } }, locale);
    case 'device-idle':
      return wordMessage(virtioEventWordings, { code: e.foundMore ? 'device-idle-more' : 'device-idle', params: { availEvent: e.availEvent } }, locale);
    case 'driver-reap':
      return wordMessage(virtioEventWordings, { code: e.byInterrupt ? 'driver-reap-interrupt' : 'driver-reap-poll', params: { buffers: e.buffers } }, locale);
    case 'done':
      return wordMessage(virtioEventWordings, { code: 'done' }, locale);
    case 'stalled':
      return wordMessage(virtioEventWordings, { code: 'stalled' }, locale);
    case 'device-error':
      return wordMessage(virtioEventWordings, { code: 'device-error', params: { head: e.head, problem: wordMessage(chainProblemWordings, { code: e.code }, locale) } }, locale);
  }
}
