import type { MessageCatalogues } from '../book/locale.ts';

// Every string the live migration lab shows, one catalogue per edition.

export interface MigrationLabMessages {
  labLabel: string;
  /** The step recorded in the reader's progress when the counter carried on. */
  progressStep: string;
  hostsHeading: string;
  hostName: (values: { host: string | number }) => string;
  powerOn: string;
  powerOnNote: (values: { mb: string | number }) => string;
  migrate: (values: { host: string | number }) => string;
  powerOff: string;
  hostOff: string;
  hostStarting: string;
  hostRunning: string;
  hostWaiting: string;
  hostStopped: (values: { host: string | number }) => string;
  downloading: (values: { label: string | number; percent: string | number }) => string;
  loadingEmulator: string;
  startingCounter: string;
  counterLog: (values: { host: string | number }) => string;
  counterHint: string;
  migrating: string;
  migrated: (values: { host: string | number }) => string;
  stateSize: string;
  downtime: string;
  downtimeParts: (values: { save: string | number; restore: string | number }) => string;
  downtimeFigure: (values: { downtime: string | number; parts: string | number }) => string;
  gapFigure: (values: { gap: string | number; before: string | number; after: string | number }) => string;
  counterGap: string;
  waitingForLine: string;
  memoryUse: (values: { emulators: string | number; perEmulator: string | number; ram: string | number; state: string | number }) => string;
  memoryState: (values: { mb: string | number }) => string;
  error: (values: { message: string | number }) => string;
  retry: string;
  dirtyHeading: string;
  workload: string;
  workloadIdle: string;
  workloadWriter: (values: { pages: string | number; mib: string | number }) => string;
  measure: string;
  stop: string;
  writerFailed: (values: { status: string | number; output: string | number }) => string;
  writerTimedOut: (values: { seconds: string | number }) => string;
  measureNeedsVM: string;
  measuring: (values: { pages: string | number; interval: string | number; done: string | number; total: string | number }) => string;
  intervalsCaption: string;
  interval: string;
  seconds: string;
  pagesDirtied: string;
  pagesPerSecond: string;
  sustainedRate: (values: { seconds: string | number; pages: string | number; mib: string | number; window: string | number; distinct: string | number }) => string;
  modelHeading: string;
  bandwidth: string;
  downtimeLimit: string;
  bandwidthProblem: (values: { min: string | number; max: string | number; used: string | number }) => string;
  downtimeProblem: (values: { min: string | number; max: string | number; used: string | number }) => string;
  roundsCaption: (values: { mib: string | number; mem: string | number }) => string;
  round: string;
  pagesSent: string;
  stopAndCopyRound: string;
  totalTime: string;
  modelDowntime: string;
  stopAndCopyModel: string;
  measureFirst: string;
  chartCaption: string;
  chartSummary: (values: { threshold: string | number; mib: string | number; downtime: string | number; total: string | number }) => string;
  chartSummaryAlways: (values: { mib: string | number; downtime: string | number; total: string | number }) => string;
  chartSummaryNever: (values: { mib: string | number; downtime: string | number; total: string | number }) => string;
  legendPreDowntime: string;
  legendPreTotal: string;
  legendStopAndCopy: string;
  legendNotConverging: string;
  legendMeasured: (values: { mb: string | number; ms: string | number }) => string;
  legendChosen: string;
  axisBandwidth: string;
  axisSeconds: string;
  milliseconds: (values: { value: string | number }) => string;
  secondsValue: (values: { value: string | number }) => string;
}

export const en: MigrationLabMessages = {
  labLabel: 'Live migration lab',
  hostsHeading: 'Two hosts, one VM',
  hostName: (values) => `Host ${values.host}`,
  powerOn: 'Power on host A',
  powerOnNote: (values) => `Downloads the lab VM (about ${values.mb} MB) and starts two emulators in this page: host A runs it, host B waits for it.`,
  migrate: (values) => `Migrate to host ${values.host}`,
  progressStep: 'Live migration: the counter carried on on the other host',
  powerOff: 'Power off both hosts',
  hostOff: 'off',
  hostStarting: 'starting…',
  hostRunning: 'running the VM',
  hostWaiting: 'waiting for a migration (an empty emulator, like QEMU started with -incoming)',
  hostStopped: (values) => `stopped; its VM now runs on host ${values.host}`,
  downloading: (values) => `Downloading the ${values.label}… ${values.percent} %`,
  loadingEmulator: 'Loading the emulator…',
  startingCounter: 'Starting the counter in the guest…',
  counterLog: (values) => `Counter output of host ${values.host} (ttyS1)`,
  counterHint: 'A shell loop in the guest prints a count, the guest’s clock and its uptime four times a second on its second serial port.',
  migrating: 'Migrating: stop, save, restore, run…',
  migrated: (values) => `Migrated to host ${values.host}.`,
  stateSize: 'State moved',
  downtime: 'Downtime (A stopped → B running)',
  downtimeParts: (values) => `(${values.save} ms to save, ${values.restore} ms to restore)`,
  downtimeFigure: (values) => `${values.downtime} ${values.parts}`,
  gapFigure: (values) => `${values.gap}; last count on the old host ${values.before}, first on the new one ${values.after}`,
  counterGap: 'Pause the counter shows',
  waitingForLine: 'waiting for the next line…',
  memoryUse: (values) => `Memory this page holds now: ${values.emulators} emulators × ${values.perEmulator} MiB of WebAssembly memory (of which ${values.ram} MiB guest RAM each)${values.state}, besides each emulator’s compiled code. After each migration the lab frees the old host’s emulator and makes a new empty one, so it never holds more than two.`,
  memoryState: (values) => `, plus the ${values.mb} MB state in flight during a migration`,
  error: (values) => `Something went wrong: ${values.message}`,
  retry: 'Try again',
  dirtyHeading: 'Dirty pages and pre-copy',
  workload: 'Workload in the guest',
  workloadIdle: 'Idle (only the counter and the kernel)',
  workloadWriter: (values) => `Memory writer asking for ${values.pages} pages/s (${values.mib} MiB/s)`,
  measure: 'Count dirty pages',
  stop: 'Stop',
  writerFailed: (values) => `The memory writer did not start (exit status ${values.status}): ${values.output}`,
  writerTimedOut: (values) => `The memory writer did not start within ${values.seconds} s; the emulator is running slowly. Try a lower rate or try again.`,
  measureNeedsVM: 'Power on first: the pages counted are the running guest’s.',
  measuring: (values) => `Hashing the guest’s ${values.pages} pages every ${values.interval} ms… interval ${values.done} of ${values.total}`,
  intervalsCaption: 'Pages dirtied per interval, from hashing every 4 KiB page of the running guest',
  interval: 'Interval',
  seconds: 'Seconds',
  pagesDirtied: 'Pages dirtied',
  pagesPerSecond: 'Pages/s',
  sustainedRate: (values) => `Sustained dirty rate over ${values.seconds} s: ${values.pages} pages/s (${values.mib} MiB/s); over ${values.window} s it dirtied ${values.distinct} distinct pages.`,
  modelHeading: 'Pre-copy for this guest',
  bandwidth: 'Link bandwidth (MiB/s)',
  downtimeLimit: 'Downtime limit (ms)',
  bandwidthProblem: (values) => `The bandwidth must be a number from ${values.min} to ${values.max} MiB/s; the model uses ${values.used} until then.`,
  downtimeProblem: (values) => `The downtime limit must be a number from ${values.min} to ${values.max} ms; the model uses ${values.used} until then.`,
  roundsCaption: (values) => `Pre-copy rounds at ${values.mib} MiB/s for ${values.mem} MiB of guest RAM`,
  round: 'Round',
  pagesSent: 'Pages sent',
  stopAndCopyRound: 'stop-and-copy',
  totalTime: 'Total migration time',
  modelDowntime: 'Downtime',
  stopAndCopyModel: 'Stop-and-copy of all RAM would take (all of it downtime)',
  measureFirst: 'Count dirty pages first: the model runs on what you measured.',
  chartCaption: 'Downtime and total time against link bandwidth, from the measured dirty curve (log scales)',
  chartSummary: (values) => `Pre-copy converges from about ${values.threshold} MiB/s up; below that it never converges and the downtime is a stop-and-copy of what is left. At ${values.mib} MiB/s: downtime ${values.downtime}, total ${values.total}.`,
  chartSummaryAlways: (values) => `Pre-copy converges at every bandwidth drawn. At ${values.mib} MiB/s: downtime ${values.downtime}, total ${values.total}.`,
  chartSummaryNever: (values) => `Pre-copy converges at no bandwidth drawn. At ${values.mib} MiB/s: downtime ${values.downtime}, total ${values.total}.`,
  legendPreDowntime: 'pre-copy downtime',
  legendPreTotal: 'pre-copy total time',
  legendStopAndCopy: 'stop-and-copy (downtime = total)',
  legendNotConverging: 'pre-copy does not converge',
  legendMeasured: (values) => `measured stop-and-copy in this page (${values.mb} MB in ${values.ms} ms)`,
  legendChosen: 'your link',
  axisBandwidth: 'MiB/s',
  axisSeconds: 's',
  milliseconds: (values) => `${values.value} ms`,
  secondsValue: (values) => `${values.value} s`,
};

/** 简体中文. */
export const zh: MigrationLabMessages = {
  labLabel: '热迁移实验',
  hostsHeading: '两台主机，一台虚拟机',
  hostName: (values) => `主机 ${values.host}`,
  powerOn: '启动主机 A',
  powerOnNote: (values) => `下载实验虚拟机（约 ${values.mb} MB），在本页启动两个模拟器：主机 A 运行它，主机 B 等着接收它。`,
  migrate: (values) => `迁移到主机 ${values.host}`,
  progressStep: '热迁移：计数器在另一台主机上接着往下数',
  powerOff: '关闭两台主机',
  hostOff: '关机',
  hostStarting: '启动中…',
  hostRunning: '正在运行虚拟机',
  hostWaiting: '等待迁移（一个空的模拟器，相当于带 -incoming 启动的 QEMU）',
  hostStopped: (values) => `已停止；虚拟机已在主机 ${values.host} 上运行`,
  downloading: (values) => `正在下载${values.label}… ${values.percent}%`,
  loadingEmulator: '正在加载模拟器…',
  startingCounter: '正在客户机里启动计数器…',
  counterLog: (values) => `主机 ${values.host} 的计数器输出（ttyS1）`,
  counterHint: '客户机里的一个 shell 循环每秒四次在第二个串口上打印计数、客户机时钟和开机时长。',
  migrating: '迁移中：停机、保存、恢复、运行…',
  migrated: (values) => `已迁移到主机 ${values.host}。`,
  stateSize: '迁移的状态大小',
  downtime: '停机时间（A 停下 → B 运行）',
  downtimeParts: (values) => `（保存 ${values.save} 毫秒，恢复 ${values.restore} 毫秒）`,
  downtimeFigure: (values) => `${values.downtime}${values.parts}`,
  gapFigure: (values) => `${values.gap}；旧主机上最后一个计数 ${values.before}，新主机上第一个 ${values.after}`,
  counterGap: '计数器看到的停顿',
  waitingForLine: '等待下一行…',
  memoryUse: (values) => `本页现在占用的内存：${values.emulators} 个模拟器 × 每个 ${values.perEmulator} MiB 的 WebAssembly 内存（其中客户机内存各 ${values.ram} MiB）${values.state}，此外还有每个模拟器编译出的代码。每次迁移后本实验都会释放旧主机的模拟器，再建一个空的，所以任何时候最多两个。`,
  memoryState: (values) => `，迁移时另有 ${values.mb} MB 的状态在传送`,
  error: (values) => `出错了：${values.message}`,
  retry: '重试',
  dirtyHeading: '脏页与预拷贝',
  workload: '客户机里的负载',
  workloadIdle: '空闲（只有计数器和内核）',
  workloadWriter: (values) => `内存写入程序，目标每秒 ${values.pages} 页（${values.mib} MiB/s）`,
  measure: '统计脏页',
  stop: '停止',
  writerFailed: (values) => `内存写入程序没有启动（退出状态 ${values.status}）：${values.output}`,
  writerTimedOut: (values) => `内存写入程序 ${values.seconds} 秒内没有启动起来，模拟器运行得很慢。请换一个低一些的速率，或者再试一次。`,
  measureNeedsVM: '请先开机：统计的是正在运行的客户机的内存页。',
  measuring: (values) => `每 ${values.interval} 毫秒对客户机的 ${values.pages} 个页做一遍散列… 第 ${values.done}/${values.total} 个间隔`,
  intervalsCaption: '每个间隔内被写脏的页数，由对运行中客户机的每个 4 KiB 页做散列得出',
  interval: '间隔',
  seconds: '秒',
  pagesDirtied: '脏页数',
  pagesPerSecond: '页/秒',
  sustainedRate: (values) => `${values.seconds} 秒内的持续脏页率：每秒 ${values.pages} 页（${values.mib} MiB/s）；${values.window} 秒内共写脏 ${values.distinct} 个不同的页。`,
  modelHeading: '这台客户机的预拷贝',
  bandwidth: '链路带宽（MiB/s）',
  downtimeLimit: '停机时间上限（毫秒）',
  bandwidthProblem: (values) => `带宽须是 ${values.min} 到 ${values.max} MiB/s 之间的数；在改好之前模型按 ${values.used} 计算。`,
  downtimeProblem: (values) => `停机时间上限须是 ${values.min} 到 ${values.max} 毫秒之间的数；在改好之前模型按 ${values.used} 计算。`,
  roundsCaption: (values) => `${values.mib} MiB/s 下 ${values.mem} MiB 客户机内存的预拷贝各轮`,
  round: '轮次',
  pagesSent: '发送页数',
  stopAndCopyRound: '停机拷贝',
  totalTime: '迁移总时间',
  modelDowntime: '停机时间',
  stopAndCopyModel: '若整块内存停机拷贝，需要的时间（全部是停机时间）',
  measureFirst: '请先统计脏页：模型用的是你测得的数据。',
  chartCaption: '停机时间与总时间随链路带宽的变化，依据测得的脏页曲线（对数坐标）',
  chartSummary: (values) => `带宽约 ${values.threshold} MiB/s 以上预拷贝才收敛；低于它永远不收敛，停机时间就是把剩下的页停机拷贝的时间。${values.mib} MiB/s 时：停机 ${values.downtime}，总计 ${values.total}。`,
  chartSummaryAlways: (values) => `图中每个带宽下预拷贝都收敛。${values.mib} MiB/s 时：停机 ${values.downtime}，总计 ${values.total}。`,
  chartSummaryNever: (values) => `图中没有一个带宽能让预拷贝收敛。${values.mib} MiB/s 时：停机 ${values.downtime}，总计 ${values.total}。`,
  legendPreDowntime: '预拷贝停机时间',
  legendPreTotal: '预拷贝总时间',
  legendStopAndCopy: '停机拷贝（停机时间 = 总时间）',
  legendNotConverging: '预拷贝不收敛',
  legendMeasured: (values) => `本页实测的停机拷贝（${values.mb} MB，${values.ms} 毫秒）`,
  legendChosen: '你选的链路',
  axisBandwidth: 'MiB/s',
  axisSeconds: '秒',
  milliseconds: (values) => `${values.value} 毫秒`,
  secondsValue: (values) => `${values.value} 秒`,
};

export const migrationLabCatalogues: MessageCatalogues<MigrationLabMessages> = { en, 'zh-CN': zh };
