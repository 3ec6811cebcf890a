/**
 * Everything the balloon engine says, as codes with their wordings in both editions
 * (lib/book/localized-text.ts).
 */
import { wordings, type MessageOf } from '../book/localized-text.ts';

/** Why a balloon request was not carried out. */
export const balloonProblemWordings = {
  notAWholeNumber: wordings(
    (p: { text: string }) => `"${p.text}" is not a whole number of MiB`,
    (p) => `“${p.text}”不是以 MiB 为单位的整数`,
  ),
  notPositive: wordings(
    (p: { text: string }) => `the amount must be at least 1 MiB, not ${p.text}`,
    (p) => `数量至少为 1 MiB，不能是 ${p.text}`,
  ),
  beyondLimit: wordings(
    (p: { mib: number; limitMib: number; reserveMib: number }) =>
      `the balloon would hold ${p.mib} MiB; the lab stops at ${p.limitMib} MiB so that the guest keeps ${p.reserveMib} MiB for its kernel, its in-RAM files and its shell`,
    (p) => `气球将占用 ${p.mib} MiB；本实验最多充到 ${p.limitMib} MiB，给客户机留下 ${p.reserveMib} MiB，供内核、内存中的文件系统和 shell 使用`,
  ),
  moreThanInflated: wordings(
    (p: { mib: number; inflatedMib: number }) =>
      `cannot deflate by ${p.mib} MiB: the balloon holds only ${p.inflatedMib} MiB`,
    (p) => `无法放气 ${p.mib} MiB：气球里只有 ${p.inflatedMib} MiB`,
  ),
  noBalloonDevice: wordings(
    () => 'this lab VM has no virtio-balloon device (its guest was built before the balloon lab; rebuild it with npm run guest)',
    () => '这台实验虚拟机没有 virtio-balloon 设备（客户机构建于气球实验之前，请用 npm run guest 重新构建）',
  ),
  guestDidNotAnswer: wordings(
    (p: { status: number }) => `the guest did not print its memory figures (exit status ${p.status})`,
    (p) => `客户机没有输出内存数据（退出状态 ${p.status}）`,
  ),
};
export type BalloonProblem = MessageOf<typeof balloonProblemWordings>;

/** How an inflate or deflate ended. */
export const balloonMoveWordings = {
  reached: wordings(
    (p: { targetMib: number; ms: number }) => `the guest's driver reached the target of ${p.targetMib} MiB in ${p.ms} ms`,
    (p) => `客户机驱动在 ${p.ms} 毫秒内达到了 ${p.targetMib} MiB 的目标`,
  ),
  stalled: wordings(
    (p: { targetMib: number; actualMib: number; ms: number }) =>
      `the driver stopped at ${p.actualMib} MiB of the ${p.targetMib} MiB asked for: the guest could not free more pages (it keeps retrying; see dmesg)`,
    (p) => `驱动停在 ${p.actualMib} MiB，没有达到要求的 ${p.targetMib} MiB：客户机腾不出更多页（驱动会不断重试，见 dmesg）`,
  ),
};
export type BalloonMoveOutcome = MessageOf<typeof balloonMoveWordings>;

/** What happened to a program that asked the guest for memory. */
export const allocationOutcomeWordings = {
  fitted: wordings(
    (p: { mib: number }) => `the program got its ${p.mib} MiB, touched every page and exited normally`,
    (p) => `程序拿到了 ${p.mib} MiB，写过每一页后正常退出`,
  ),
  refused: wordings(
    (p: { mib: number }) =>
      `malloc of ${p.mib} MiB failed at once: the kernel's overcommit check refused more than the guest's RAM (MemTotal) and swap`,
    (p) => `申请 ${p.mib} MiB 的 malloc 立刻失败：内核的超额分配检查拒绝了超过客户机内存（MemTotal）加交换区的请求`,
  ),
  killed: wordings(
    (p: { mib: number; victim: string }) =>
      `the kernel ran out of memory while the program touched its ${p.mib} MiB, and the OOM killer killed ${p.victim}; the balloon did not give memory back`,
    (p) => `程序写入这 ${p.mib} MiB 时内核内存耗尽，OOM killer 杀死了 ${p.victim}；气球没有把内存还回来`,
  ),
  failed: wordings(
    (p: { status: number; output: string }) => `the program ended with status ${p.status}: ${p.output}`,
    (p) => `程序以状态 ${p.status} 结束：${p.output}`,
  ),
};
export type AllocationOutcome = MessageOf<typeof allocationOutcomeWordings>;
