/**
 * The virtio lab's engine: a split virtqueue (OASIS VIRTIO 1.2 §2.7) in a byte array of guest
 * memory, a driver side and a device side that share nothing else, requests shaped as
 * virtio-console and virtio-blk shape them, a session that runs them step by step with batching,
 * notification suppression and interrupt coalescing, and the exits per request that each I/O
 * path (emulated, virtio in QEMU, vhost, device assignment) turns those steps into.
 * Islands and the CLI import only from here.
 */
export { GuestMemory } from './guest-memory.ts';
export {
  DESCRIPTOR_BYTES, MAX_SPLIT_QUEUE_SIZE, VIRTIO_F_EVENT_IDX, VIRTIO_F_INDIRECT_DESC, VIRTQ_AVAIL_F_NO_INTERRUPT,
  VIRTQ_DESC_F_INDIRECT, VIRTQ_DESC_F_NEXT, VIRTQ_DESC_F_WRITE, VIRTQ_USED_F_NO_NOTIFY, availEventAt, availFlagsAt,
  availIdxAt, availRingAt, indexDistance, isValidQueueSize, readDescriptor, snapshotSplitVirtqueue, splitVirtqueueLayout,
  usedElemAt, usedEventAt, usedFlagsAt, usedIdxAt, vringNeedEvent, writeDescriptor,
} from './split-virtqueue.ts';
export type { Descriptor, SplitVirtqueueLayout, SplitVirtqueueSnapshot, UsedElement } from './split-virtqueue.ts';
export { VirtqueueDriver } from './virtqueue-driver.ts';
export type { AddBufferResult, BufferSegment, KickResult, ReapedBuffer } from './virtqueue-driver.ts';
export { VirtqueueDevice } from './virtqueue-device.ts';
export type { ChainProblemCode, DescriptorChain, PopResult, PublishResult } from './virtqueue-device.ts';
export {
  BLK_HEADER_BYTES, BLK_SECTOR_BYTES, VIRTIO_BLK_S_IOERR, VIRTIO_BLK_S_OK, VIRTIO_BLK_S_UNSUPP, VIRTIO_BLK_T_IN, VIRTIO_BLK_T_OUT,
  VIRTIO_DEVICE_KINDS, VirtioBackend, payloadByte,
} from './virtio-requests.ts';
export type { VirtioDeviceKind } from './virtio-requests.ts';
export {
  DEFAULT_VIRTIO_SCENARIO, NOTIFICATION_SUPPRESSIONS, VIRTIO_LIMITS, VirtioSession, checkScenario, runVirtioScenario,
} from './virtio-session.ts';
export type { NotificationSuppression, ScenarioProblem, VirtioCounts, VirtioEvent, VirtioScenario } from './virtio-session.ts';
export {
  IO_COST_METRICS, IO_PATHS, IO_PATH_TRAITS, UART_MODEL, emulatedUartCosts, exitsPerInterrupt, ioPathCosts, perRequest, virtqueuePathCosts,
} from './io-paths.ts';
export type { InterruptHardware, IoCostMetric, IoPath, IoPathCosts, IoPathTraits, PathCostTable } from './io-paths.ts';
export {
  chainProblemWordings, deviceKindWordings, ioCostMetricWordings, ioPathTraitWordings, ioPathWordings, suppressionWordings,
  virtioEventWordings, virtioProblemWordings, virtioReasonWordings, wordVirtioEvent,
} from './virtio-wordings.ts';
export type { VirtioProblem } from './virtio-wordings.ts';
