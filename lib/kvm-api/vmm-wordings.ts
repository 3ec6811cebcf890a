// What the KVM-shaped interface and its monitor say, in both editions: why an ioctl failed, and
// how the monitor ended. Engines return codes; the lab words them.

import { wordings } from '../book/localized-text.ts';
import type { MessageOf } from '../book/localized-text.ts';
import type { KvmProblem } from './kvm.ts';

export const kvmProblemWordings = {
  vmType: wordings((p: { type: number }) => `machine type ${p.type}: only 0 exists here`, (p) => `机器类型 ${p.type}：这里只有 0`),
  slotNumber: wordings((p: { slot: number }) => `slot ${p.slot} is out of range`, (p) => `槽号 ${p.slot} 超出范围`),
  regionFlags: wordings((p: { flags: number }) => `unknown flags ${p.flags}`, (p) => `未知标志 ${p.flags}`),
  regionOutside: wordings(
    (p: { start: number; size: number }) => `${p.size} words at ${p.start} lie outside the 256-word guest address space`,
    (p) => `从 ${p.start} 开始的 ${p.size} 个字超出了 256 字的客户机地址空间`,
  ),
  regionBacking: wordings(
    (p: { size: number; backing: number }) => `needs ${p.size} words of backing memory, has ${p.backing}`,
    (p) => `需要 ${p.size} 个字的后备内存，只有 ${p.backing} 个`,
  ),
  regionOverlap: wordings(
    (p: { slot: number; other: number }) => `slot ${p.slot} overlaps slot ${p.other}`,
    (p) => `槽 ${p.slot} 与槽 ${p.other} 重叠`,
  ),
  vcpuId: wordings((p: { id: number }) => `vCPU id ${p.id} is out of range`, (p) => `vCPU 编号 ${p.id} 超出范围`),
  vcpuExists: wordings((p: { id: number }) => `vCPU ${p.id} already exists`, (p) => `vCPU ${p.id} 已经存在`),
  signalPending: wordings(() => 'interrupted (a signal was pending)', () => '被打断（有待处理的信号）'),
} satisfies { [K in KvmProblem['code']]: unknown };

export const vmmOutcomeWordings = {
  halted: wordings(() => 'the guest executed HLT: the monitor stops', () => '客户机执行了 HLT：监控器结束'),
  apiVersion: wordings(
    (p: { version: number }) => `KVM_GET_API_VERSION gave ${p.version}, not 12`,
    (p) => `KVM_GET_API_VERSION 返回 ${p.version}，不是 12`,
  ),
  guestTooLarge: wordings(
    (p: { words: number; room: number }) => `the guest needs ${p.words} words, the memory region has ${p.room}`,
    (p) => `客户机需要 ${p.words} 个字，内存区域只有 ${p.room} 个`,
  ),
  ioctlFailed: wordings(
    (p: { ioctl: string; errno: string; problem: KvmProblem }) => `${p.ioctl} failed with ${p.errno} (${p.problem.code})`,
    (p) => `${p.ioctl} 失败：${p.errno}（${p.problem.code}）`,
  ),
  unhandledIo: wordings(
    (p: { direction: number; port: number }) =>
      `unhandled KVM_EXIT_IO: ${p.direction === 1 ? 'out' : 'in'} on port 0x${p.port.toString(16)}; this monitor has a device only at 0x3f8 (out) and 0x3fd (in)`,
    (p) =>
      `未处理的 KVM_EXIT_IO：端口 0x${p.port.toString(16)} 上的${p.direction === 1 ? '输出' : '输入'}；这个监控器只在 0x3f8（输出）和 0x3fd（输入）有设备`,
  ),
  shutdown: wordings(
    () => 'KVM_EXIT_SHUTDOWN: the guest hit an exception it could not deliver (on x86, a triple fault)',
    () => 'KVM_EXIT_SHUTDOWN：客户机遇到无法投递的异常（在 x86 上即三重故障）',
  ),
  internalError: wordings(
    (p: { suberror: number }) =>
      `KVM_EXIT_INTERNAL_ERROR, suberror ${p.suberror}: the guest fetched an instruction from an address no memory slot covers`,
    (p) => `KVM_EXIT_INTERNAL_ERROR，suberror ${p.suberror}：客户机从没有内存槽覆盖的地址取指令`,
  ),
  unexpectedExit: wordings(
    (p: { exitReason: number }) => `exit_reason ${p.exitReason}: this monitor does not handle it`,
    (p) => `exit_reason ${p.exitReason}：这个监控器不处理它`,
  ),
};
export type VmmOutcomeMessage = MessageOf<typeof vmmOutcomeWordings>;
export type KvmProblemMessage = MessageOf<typeof kvmProblemWordings>;
