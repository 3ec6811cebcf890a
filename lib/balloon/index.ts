/**
 * The balloon lab's engine (DOM-free): v86's virtio-balloon device driven from the host, the
 * guest's view of its memory (/proc/meminfo, the driver's /proc/vmstat counters) and what the
 * kernel does when a program needs memory the balloon holds. Messages are codes, worded by the
 * catalogues in ./balloon-wordings.ts.
 */
export {
  allocateInGuest, balloonInflationShown, balloonLimitMib, checkBalloonAmount, checkMibAmount, fullMemTotalKiB, GUEST_RESERVE_MIB, moveBalloon, PAGES_PER_MIB, readBalloonSnapshot, requestBalloonStats,
} from './balloon-lab.ts';
export type { AllocationRun, BalloonDirection, BalloonMove, BalloonResult, BalloonSnapshot } from './balloon-lab.ts';
export { balloonDeviceOf, countNonZeroPages, PAGE_BYTES } from './balloon-device.ts';
export type { BalloonStatsReport, VirtioBalloonDevice } from './balloon-device.ts';
export { GUEST_MEMORY_COMMAND, parseGuestMemory } from './guest-memory.ts';
export type { BalloonDriverCounters, GuestMeminfo } from './guest-memory.ts';
export { allocationOutcomeWordings, balloonMoveWordings, balloonProblemWordings } from './balloon-wordings.ts';
export type { AllocationOutcome, BalloonMoveOutcome, BalloonProblem } from './balloon-wordings.ts';
