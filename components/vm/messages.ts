import type { MessageCatalogues } from '../book/locale.ts';

// Every string the lab VM islands show, one catalogue per locale of the book.
export interface VmMessages {
  terminalLabel: string;
  toolbarLabel: string;
  powerOn: string;
  powerOff: string;
  reset: string;
  resetTitle: string;
  save: string;
  saveTitle: string;
  resume: string;
  resumeTitle: string;
  copy: string;
  copyTitle: string;
  paste: string;
  pasteTitle: string;
  screenReader: string;
  screenReaderTitle: string;
  leaveTerminal: string;
  retry: string;
  downloadAgain: string;
  bootKernel: string;
  off: (values: { size: string | number }) => string;
  loadingEmulator: string;
  downloading: (values: { label: string | number }) => string;
  restoring: string;
  coldBooting: string;
  running: string;
  restoredNote: string;
  coldBootNote: string;
  speed: (values: { mips: string | number }) => string;
  uptime: (values: { time: string | number }) => string;
  saved: (values: { time: string | number }) => string;
  savedNothing: string;
  saveFailed: (values: { message: string | number }) => string;
  resumeFailed: (values: { message: string | number }) => string;
  resumedFrom: (values: { time: string | number }) => string;
  copied: string;
  clipboardDenied: string;
  notBuilt: string;
  downloadFailed: string;
  startFailed: string;
  incompatible: string;
  welcome: (values: { mode: string | number }) => string;
  run: string;
  running_: string;
  starting: string;
  expectShown: (values: { expected: string | number }) => string;
  expectNotShown: (values: { expected: string | number }) => string;
  exitStatus: (values: { status: string | number }) => string;
  timedOut: (values: { seconds: string | number }) => string;
  outputLabel: string;
  aboutSize: (values: { mb: string | number }) => string;
  check: string;
  checking: string;
  checkLabel: (values: { what: string | number }) => string;
  checkPassed: string;
  checkMissing: string;
  checkVmOff: string;
  terminalCheck: string;
  terminalCheckLabel: (values: { what: string | number }) => string;
  terminalNotSeen: (values: { expected: string | number }) => string;
  observation: string;
  dock: string;
  dockTitle: string;
}

export const en: VmMessages = {
  terminalLabel: 'Lab VM terminal',
  toolbarLabel: 'Lab VM controls',
  powerOn: 'Power on',
  powerOff: 'Power off',
  reset: 'Reset',
  resetTitle: 'Go back to the freshly booted machine',
  save: 'Save',
  saveTitle: 'Keep this machine in your browser (IndexedDB) so a reload does not lose your work',
  resume: 'Resume',
  resumeTitle: 'Continue from the machine you saved',
  copy: 'Copy',
  copyTitle: 'Copy the selected terminal text',
  paste: 'Paste',
  pasteTitle: 'Type the clipboard into the terminal',
  screenReader: 'Screen reader mode',
  screenReaderTitle: 'Let a screen reader read the terminal’s lines (the terminal runs a little slower)',
  leaveTerminal: 'In the terminal, Tab and Esc go to the shell; Ctrl+] leaves the terminal.',
  retry: 'Retry',
  downloadAgain: 'Download again',
  bootKernel: 'Boot the kernel instead',
  off: (values) => `The lab VM is off. Power on downloads ${values.size} and starts a Linux shell here.`,
  loadingEmulator: 'Loading the emulator…',
  downloading: (values) => `Downloading the ${values.label}…`,
  restoring: 'Restoring the machine…',
  coldBooting: 'Booting the kernel; the boot log follows. This takes 20–60 seconds.',
  running: 'Running',
  restoredNote: 'restored from the snapshot',
  coldBootNote: 'cold booted',
  speed: (values) => `${values.mips} million instructions/s`,
  uptime: (values) => `up ${values.time}`,
  saved: (values) => `Saved at ${values.time}.`,
  savedNothing: 'Nothing saved yet.',
  saveFailed: (values) => `Saving failed: ${values.message}`,
  resumeFailed: (values) => `Resuming failed: ${values.message}`,
  resumedFrom: (values) => `Resumed the machine saved at ${values.time}.`,
  copied: 'Copied.',
  clipboardDenied: 'The browser did not allow clipboard access.',
  notBuilt: 'The lab VM is not built on this site.',
  downloadFailed: 'A download failed.',
  startFailed: 'The lab VM did not start.',
  incompatible: 'The saved state does not fit this emulator, so the kernel is booting instead (the log is below).',
  welcome: (values) => `Lab VM (${values.mode}). Type commands below; the share /mnt/host connects it to this page.`,
  run: 'Run in the lab VM',
  running_: 'Running…',
  starting: 'Starting the lab VM…',
  expectShown: (values) => `Expected: ${values.expected}: ✓ the VM showed it`,
  expectNotShown: (values) => `Expected: ${values.expected}: ✗ not in this output`,
  exitStatus: (values) => `exit status ${values.status}`,
  timedOut: (values) => `Stopped after ${values.seconds} s without finishing.`,
  outputLabel: 'Output',
  aboutSize: (values) => `about ${values.mb} MB`,
  check: 'Check',
  checking: 'Checking…',
  checkLabel: (values) => `Check: ${values.what}`,
  checkPassed: '✓ Done: the lab VM shows it.',
  checkMissing: '✗ Not yet. Still missing:',
  checkVmOff: 'The lab VM is off, so there is nothing to check yet: power it on and do the step first.',
  terminalCheck: 'Check what my terminal shows',
  terminalCheckLabel: (values) => `Check what my terminal shows: ${values.what}`,
  terminalNotSeen: (values) => `your terminal has not shown it since the lab VM was powered on: ${values.expected}`,
  observation: 'This step leaves nothing behind in the VM, so its check reads what your terminal has shown: it passes whether you pressed Run in the lab VM or typed the commands yourself.',
  dock: 'Dock beside the text',
  dockTitle: 'Keep the terminal in view beside the steps while the text scrolls',
};

/** 简体中文. */
export const zh: VmMessages = {
  terminalLabel: '实验虚拟机终端',
  toolbarLabel: '实验虚拟机控制',
  powerOn: '开机',
  powerOff: '关机',
  reset: '重置',
  resetTitle: '回到刚启动好的机器',
  save: '保存',
  saveTitle: '把这台机器保存在浏览器里（IndexedDB），刷新页面也不会丢失你的工作',
  resume: '恢复',
  resumeTitle: '从你保存的机器继续',
  copy: '复制',
  copyTitle: '复制终端中选中的文字',
  paste: '粘贴',
  pasteTitle: '把剪贴板内容输入到终端',
  screenReader: '屏幕阅读器模式',
  screenReaderTitle: '让屏幕阅读器朗读终端里的各行文字（终端会稍慢一些）',
  leaveTerminal: '在终端里，Tab 和 Esc 键都交给 shell；按 Ctrl+] 离开终端。',
  retry: '重试',
  downloadAgain: '重新下载',
  bootKernel: '改为启动内核',
  off: (values) => `实验虚拟机处于关机状态。按“开机”会下载${values.size}，并在这里启动一个 Linux shell。`,
  loadingEmulator: '正在加载模拟器…',
  downloading: (values) => `正在下载${values.label}…`,
  restoring: '正在恢复机器…',
  coldBooting: '正在启动内核，下面是启动日志。这需要 20–60 秒。',
  running: '运行中',
  restoredNote: '从快照恢复',
  coldBootNote: '冷启动',
  speed: (values) => `每秒 ${values.mips} 百万条指令`,
  uptime: (values) => `已运行 ${values.time}`,
  saved: (values) => `已于 ${values.time} 保存。`,
  savedNothing: '还没有保存过。',
  saveFailed: (values) => `保存失败：${values.message}`,
  resumeFailed: (values) => `恢复失败：${values.message}`,
  resumedFrom: (values) => `已恢复 ${values.time} 保存的机器。`,
  copied: '已复制。',
  clipboardDenied: '浏览器不允许访问剪贴板。',
  notBuilt: '本站没有构建实验虚拟机。',
  downloadFailed: '下载失败。',
  startFailed: '实验虚拟机没有启动。',
  incompatible: '保存的状态与这个模拟器不匹配，所以改为启动内核（日志在下方）。',
  welcome: (values) => `实验虚拟机（${values.mode}）。在下面输入命令；共享目录 /mnt/host 把它和本页连在一起。`,
  run: '在实验虚拟机中运行',
  running_: '运行中…',
  starting: '正在启动实验虚拟机…',
  expectShown: (values) => `预期：${values.expected}：✓ 虚拟机的输出里有`,
  expectNotShown: (values) => `预期：${values.expected}：✗ 这次的输出里没有`,
  exitStatus: (values) => `退出状态 ${values.status}`,
  timedOut: (values) => `运行 ${values.seconds} 秒仍未结束，已停止。`,
  outputLabel: '输出',
  aboutSize: (values) => `约 ${values.mb} MB`,
  check: '检查',
  checking: '正在检查…',
  checkLabel: (values) => `检查：${values.what}`,
  checkPassed: '✓ 完成：实验虚拟机里已经是这样了。',
  checkMissing: '✗ 还没有完成。还缺：',
  checkVmOff: '实验虚拟机处于关机状态，现在没有什么可检查的：先开机，做完这一步再检查。',
  terminalCheck: '检查终端里的输出',
  terminalCheckLabel: (values) => `检查终端里的输出：${values.what}`,
  terminalNotSeen: (values) => `实验虚拟机开机以来，终端里还没有出现这样的输出：${values.expected}`,
  observation: '这一步不在虚拟机里留下任何东西，所以检查看的是终端里显示过的输出：无论你是点了“在实验虚拟机中运行”，还是自己在终端里输入命令，都能通过。',
  dock: '停靠到正文旁边',
  dockTitle: '正文滚动时，让终端一直停在步骤旁边',
};

export const vmCatalogues: MessageCatalogues<VmMessages> = { en, 'zh-CN': zh };

