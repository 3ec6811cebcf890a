// What the lab VM engine says to a reader, in every edition of the book: why the VM could not be
// downloaded or started, what it is doing while it starts, and why a command or a share file
// failed. Details that come from elsewhere (a browser's network error, v86's own exceptions) are
// passed through as `detail` unchanged: they are program output, not the book's prose.

import { wordMessage, wordings } from '../book/localized-text.ts';
import type { BookLocale, MessageOf } from '../book/localized-text.ts';

/** The files a start downloads. */
export const guestDownloadWordings = {
  bios: wordings(() => 'BIOS', () => 'BIOS 固件'),
  state: wordings(() => 'machine state', () => '机器状态'),
  kernel: wordings(() => 'kernel', () => '内核'),
  initramfs: wordings(() => 'initramfs', () => 'initramfs 映像'),
  manifest: wordings(() => 'description of the lab VM (manifest.json)', () => '实验虚拟机的描述文件（manifest.json）'),
  emulatorScript: wordings(() => 'emulator’s JavaScript', () => '模拟器的 JavaScript 代码'),
  emulator: wordings(() => 'emulator (v86.wasm)', () => '模拟器（v86.wasm）'),
};
export type GuestDownload = MessageOf<typeof guestDownloadWordings>;
export type GuestDownloadId = GuestDownload['code'];

/** What is wrong with a manifest.json. */
export const manifestProblemWordings = {
  notObject: wordings(() => 'manifest.json is not an object', () => 'manifest.json 不是一个对象'),
  wrongFormat: wordings(
    (p: { format: string }) => `manifest.json has format ${p.format}, this engine reads format 1`,
    (p) => `manifest.json 的格式是 ${p.format}，而这个引擎只能读取格式 1`,
  ),
  noMachine: wordings(() => 'manifest.json has no machine description', () => 'manifest.json 里没有机器描述'),
  noFiles: wordings(
    () => 'manifest.json does not list the state, BIOS, kernel and initramfs files',
    () => 'manifest.json 没有列出机器状态、BIOS、内核和 initramfs 这几个文件',
  ),
};
export type ManifestProblem = MessageOf<typeof manifestProblemWordings>;

/** What the engine waits for on the serial console. */
export const waitTargetWordings = {
  shellPrompt: wordings(() => 'the shell prompt', () => '出现 shell 提示符'),
  commandToFinish: wordings(() => 'the command to finish', () => '命令结束'),
  prompt: wordings(() => 'the prompt', () => '提示符'),
};
/** A wait target the engine names (worded in every edition), or a caller's own English name. */
export type WaitTarget = MessageOf<typeof waitTargetWordings> | string;

/** Why the engine stopped waiting before the guest answered. */
export const stopReasonWordings = {
  destroyed: wordings(() => 'the VM was destroyed', () => '虚拟机已经销毁'),
};
/** A reason the engine names (worded in every edition), or a caller's own English reason. */
export type StopReason = MessageOf<typeof stopReasonWordings> | string;

// A caller's own (English) name sits between Chinese words with a space on each side.
function wordTarget(what: WaitTarget, locale: BookLocale): string {
  if (typeof what !== 'string') return wordMessage(waitTargetWordings, what, locale);
  return locale === 'zh-CN' ? ` ${what} ` : what;
}

function wordReason(reason: StopReason, locale: BookLocale): string {
  return typeof reason === 'string' ? reason : wordMessage(stopReasonWordings, reason, locale);
}

/** Why a running lab VM could not do what it was asked. */
export const labVMProblemWordings = {
  noBootFiles: wordings(
    () => 'No usable saved state and no kernel/initramfs to boot: run `npm run guest` to build the lab VM.',
    () => '没有可用的已保存状态，也没有可以启动的内核和 initramfs：请运行 `npm run guest` 构建实验虚拟机。',
  ),
  stateDoesNotFit: wordings(
    (p: { detail: string }) => `This state does not fit the lab VM (${p.detail}).`,
    (p) => `这个状态与实验虚拟机不匹配（${p.detail}）。`,
  ),
  destroyed: wordings(
    () => 'This lab VM was destroyed; start a new one.',
    () => '这台实验虚拟机已经销毁，请重新启动一台。',
  ),
  noShare: wordings(() => 'The emulator has no 9p share.', () => '模拟器没有 9p 共享目录。'),
  notInShare: wordings(
    (p: { path: string }) => `"${p.path}" is not a file path inside the share`,
    (p) => `“${p.path}”不是共享目录里的文件路径`,
  ),
  noSuchShareFile: wordings(
    (p: { path: string }) => `${p.path}: no such file in the share`,
    (p) => `${p.path}：共享目录里没有这个文件`,
  ),
  timedOut: wordings(
    (p: { ms: number; what: WaitTarget }) => `Timed out after ${p.ms} ms waiting for ${wordTarget(p.what, 'en')}`,
    (p) => `等待${wordTarget(p.what, 'zh-CN')}超时（${p.ms} 毫秒）`,
  ),
  stoppedWaiting: wordings(
    (p: { what: WaitTarget; reason: StopReason }) => `Stopped waiting for ${wordTarget(p.what, 'en')}: ${wordReason(p.reason, 'en')}`,
    (p) => `不再等待${wordTarget(p.what, 'zh-CN')}：${wordReason(p.reason, 'zh-CN')}`,
  ),
  vmOff: wordings(() => 'the VM is off', () => '虚拟机处于关机状态'),
  storageUnavailable: wordings(
    () => 'IndexedDB is not available',
    () => '浏览器的 IndexedDB 不可用',
  ),
  storageFailed: wordings(() => 'IndexedDB transaction failed', () => 'IndexedDB 事务失败'),
  storageAborted: wordings(
    () => 'IndexedDB transaction aborted (storage full?)',
    () => 'IndexedDB 事务被中止（存储空间满了？）',
  ),
  /** An error the engine did not make (a browser's or v86's): its text is passed through. */
  other: wordings((p: { detail: string }) => p.detail, (p) => p.detail),
};
export type LabVMProblem = MessageOf<typeof labVMProblemWordings>;

/** Why the lab VM could not be downloaded or started (GuestLoadError). */
export const guestLoadProblemWordings = {
  manifestUnreachable: wordings(
    (p: { detail: string }) => `Could not reach guest/manifest.json (${p.detail}).`,
    (p) => `无法访问 guest/manifest.json（${p.detail}）。`,
  ),
  manifestMissing: wordings(
    (p: { path: string }) => `${p.path} is missing: the lab VM is not built yet. Run \`npm run guest\` (about two minutes) first.`,
    (p) => `缺少 ${p.path}：实验虚拟机还没有构建。请先运行 \`npm run guest\`（大约两分钟）。`,
  ),
  notBuilt: wordings(
    () => 'The lab VM files are not on this site. Build them with `npm run guest` (about two minutes), then reload.',
    () => '本站上没有实验虚拟机的文件。请用 `npm run guest` 构建（大约两分钟），然后重新加载页面。',
  ),
  manifestHttp: wordings(
    (p: { status: number }) => `guest/manifest.json: HTTP ${p.status}.`,
    (p) => `读取 guest/manifest.json 失败：HTTP ${p.status}。`,
  ),
  manifestInvalid: wordings(
    (p: { problem: ManifestProblem }) =>
      `guest/manifest.json: ${wordMessage(manifestProblemWordings, p.problem, 'en')}. Rebuild with \`npm run guest\`.`,
    (p) => `guest/manifest.json 有问题：${wordMessage(manifestProblemWordings, p.problem, 'zh-CN')}。请用 \`npm run guest\` 重新构建。`,
  ),
  downloadFailed: wordings(
    (p: { file: GuestDownload; detail: string }) => `Downloading the ${wordMessage(guestDownloadWordings, p.file, 'en')} failed (${p.detail}).`,
    (p) => `下载${wordMessage(guestDownloadWordings, p.file, 'zh-CN')}失败（${p.detail}）。`,
  ),
  fileMissing: wordings(
    (p: { file: GuestDownload; url: string }) =>
      `The ${wordMessage(guestDownloadWordings, p.file, 'en')} (${p.url}) is missing. Rebuild with \`npm run guest\`.`,
    (p) => `缺少${wordMessage(guestDownloadWordings, p.file, 'zh-CN')}（${p.url}）。请用 \`npm run guest\` 重新构建。`,
  ),
  downloadHttp: wordings(
    (p: { file: GuestDownload; status: number }) => `Downloading the ${wordMessage(guestDownloadWordings, p.file, 'en')} failed: HTTP ${p.status}.`,
    (p) => `下载${wordMessage(guestDownloadWordings, p.file, 'zh-CN')}失败：HTTP ${p.status}。`,
  ),
  downloadInterrupted: wordings(
    (p: { file: GuestDownload; detail: string }) =>
      `Downloading the ${wordMessage(guestDownloadWordings, p.file, 'en')} was interrupted (${p.detail}).`,
    (p) => `下载${wordMessage(guestDownloadWordings, p.file, 'zh-CN')}时中断了（${p.detail}）。`,
  ),
  downloadTimedOut: wordings(
    (p: { file: GuestDownload; seconds: number }) =>
      `Downloading the ${wordMessage(guestDownloadWordings, p.file, 'en')} stopped: nothing arrived for ${p.seconds} s.`,
    (p) => `下载${wordMessage(guestDownloadWordings, p.file, 'zh-CN')}停住了：${p.seconds} 秒内没有收到任何数据。`,
  ),
  downloadTruncated: wordings(
    (p: { file: GuestDownload; bytes: number; expectedBytes: number }) =>
      `The ${wordMessage(guestDownloadWordings, p.file, 'en')} arrived incomplete: ${p.bytes} bytes of ${p.expectedBytes}. Download it again.`,
    (p) => `收到的${wordMessage(guestDownloadWordings, p.file, 'zh-CN')}不完整：应有 ${p.expectedBytes} 字节，只收到 ${p.bytes} 字节。请重新下载。`,
  ),
  downloadCorrupted: wordings(
    (p: { file: GuestDownload }) =>
      `The ${wordMessage(guestDownloadWordings, p.file, 'en')} arrived damaged: its SHA-256 checksum is not the one in manifest.json. Download it again.`,
    (p) => `收到的${wordMessage(guestDownloadWordings, p.file, 'zh-CN')}已经损坏：它的 SHA-256 校验和与 manifest.json 里记录的不一致。请重新下载。`,
  ),
  emulatorLoadFailed: wordings(
    (p: { detail: string }) => `Loading the emulator failed (${p.detail}).`,
    (p) => `加载模拟器失败（${p.detail}）。`,
  ),
  notStarted: wordings(
    (p: { cause: LabVMProblem }) => `The lab VM did not start: ${wordMessage(labVMProblemWordings, p.cause, 'en')}`,
    (p) => `实验虚拟机没有启动：${wordMessage(labVMProblemWordings, p.cause, 'zh-CN')}`,
  ),
};
export type GuestLoadProblem = MessageOf<typeof guestLoadProblemWordings>;

/** What the engine is doing while the VM starts (LabVM.start's and startWebLabVM's onStatus). */
export const guestStatusWordings = {
  loadingEmulator: wordings(() => 'Loading the emulator…', () => '正在加载模拟器…'),
  bootingKernel: wordings(() => 'Booting the kernel (this takes a while)…', () => '正在启动内核（需要一点时间）…'),
  stateDoesNotFit: wordings(
    (p: { detail: string }) => `The saved state does not fit this emulator (${p.detail}); booting the kernel instead.`,
    (p) => `保存的状态与这个模拟器不匹配（${p.detail}），改为启动内核。`,
  ),
  otherV86Version: wordings(
    (p: { made: string; running: string }) =>
      `The saved state was made with v86 ${p.made}, this is ${p.running}; booting the kernel instead.`,
    (p) => `保存的状态是用 v86 ${p.made} 做的，而这里是 ${p.running}，改为启动内核。`,
  ),
};
export type GuestStatus = MessageOf<typeof guestStatusWordings>;

/** Does this status mean the kernel is booting (rather than a state being restored)? */
export function isBootingStatus(status: GuestStatus): boolean {
  return status.code !== 'loadingEmulator';
}
