/** The migration engine's codes, worded in both editions (islands and CLIs pick the locale). */
import { wordings, type MessageOf } from '../book/localized-text.ts';

/** Why pre-copy stopped iterating. */
export const preCopyEndingWordings = {
  converged: wordings(
    () => 'converged: what was left fitted the downtime limit',
    () => '收敛：剩下的页能在停机时间上限内发完',
  ),
  'round-limit': wordings(
    () => 'never converged: the round limit forced a stop-and-copy of what was left',
    () => '没有收敛：达到轮数上限，只好把剩下的页停机拷贝',
  ),
  'not-shrinking': wordings(
    () => 'never converged: a round left as much as it sent, so the guest was stopped and the rest copied',
    () => '没有收敛：一轮下来要重发的页不比这一轮少，只好停机拷贝剩下的页',
  ),
} as const;
export type PreCopyEndingMessage = MessageOf<typeof preCopyEndingWordings>;

/** What can stop a dirty-page measurement. */
export const dirtyMeasureProblemWordings = {
  memoryTooSmall: wordings(
    (p: { bytes: number; expectedBytes: number }) => `the guest memory read has ${p.bytes} bytes, not the ${p.expectedBytes} the count started with`,
    (p) => `读到的客户机内存有 ${p.bytes} 字节，而计数开始时是 ${p.expectedBytes} 字节`,
  ),
  chunkOutOfRange: wordings(
    (p: { from: number; to: number; pages: number }) => `pages ${p.from}–${p.to} are outside the guest's ${p.pages} pages`,
    (p) => `第 ${p.from}–${p.to} 页超出了客户机的 ${p.pages} 页`,
  ),
  passIncomplete: wordings(
    (p: { hashed: number; pages: number }) => `a pass hashed ${p.hashed} of ${p.pages} pages`,
    (p) => `一遍只散列了 ${p.pages} 页中的 ${p.hashed} 页`,
  ),
  noGuestMemory: wordings(
    () => 'this emulator does not expose the guest’s memory, so its pages cannot be hashed',
    () => '这个模拟器没有暴露客户机内存，无法对内存页做散列',
  ),
  cancelled: wordings(
    () => 'the measurement was stopped',
    () => '测量已停止',
  ),
} as const;
export type DirtyMeasureProblemMessage = MessageOf<typeof dirtyMeasureProblemWordings>;
