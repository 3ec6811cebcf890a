import type { BookLocale, MessageCatalogues } from '../book/locale.ts';
import { wordMessage } from '../../lib/book/localized-text.ts';
import { guestDownloadWordings, type GuestDownloadId } from '../../lib/guest/index.ts';

/** How far the page's lab VM has got in starting. */
export type BalloonVMStart = { kind: 'loading' } | { kind: 'downloading'; file: GuestDownloadId; percent: number } | { kind: 'booting' };

/** Every string the balloon lab shows, one catalogue per edition. */
export interface BalloonLabMessages {
  regionLabel: string;
  intro: string;
  read: string;
  reading: string;
  startingVM: (start: BalloonVMStart) => string;
  amountLabel: string;
  inflate: string;
  /** The lab's step on the progress page: verified when an inflation took memory out of the guest. */
  progressStep: string;
  deflate: string;
  moving: (direction: 'inflate' | 'deflate', mib: number) => string;
  tableCaption: string;
  columns: { quantity: string; now: string; change: string };
  rows: {
    memTotal: string; memFree: string; memAvailable: string;
    driverInflated: string; driverDeflated: string;
    deviceTarget: string; deviceActual: string;
    emulatorMemory: string; nonZeroPages: string;
  };
  groups: { guest: string; driver: string; device: string; host: string };
  balloonHolds: (mib: string, limitMib: number) => string;
  hostNote: string;
  allocateHeading: string;
  allocateIntro: string;
  allocateLabel: string;
  allocate: string;
  allocating: (mib: number) => string;
  kernelSaid: string;
  programSaid: string;
  failed: (message: string) => string;
  mib: (kib: number) => string;
  pages: (pages: number) => string;
  bytes: (bytes: number) => string;
  change: (delta: number, unit: 'kib' | 'pages' | 'bytes') => string;
}

const number = (n: number, locale: string, digits = 0) =>
  n.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });

function startingIn(locale: BookLocale, start: BalloonVMStart): string {
  const zh = locale === 'zh-CN';
  switch (start.kind) {
    case 'loading': return zh ? '正在启动实验虚拟机：加载模拟器…' : 'Starting the lab VM: loading the emulator…';
    case 'booting': return zh ? '正在启动实验虚拟机：启动内核…' : 'Starting the lab VM: booting its kernel…';
    case 'downloading': {
      const file = wordMessage(guestDownloadWordings, { code: start.file }, locale);
      return zh ? `正在启动实验虚拟机：下载${file}，${start.percent}%…` : `Starting the lab VM: downloading the ${file}, ${start.percent}%…`;
    }
  }
}

export const en: BalloonLabMessages = {
  regionLabel: 'The memory balloon in the lab VM',
  intro: 'The lab VM has a virtio-balloon device and its guest runs the virtio_balloon driver. Read the figures (this starts the lab VM if it is off), then inflate or deflate the balloon and watch what the guest, its driver, the device and the emulator report.',
  read: 'Read the figures',
  reading: 'Reading…',
  startingVM: (start) => startingIn('en', start),
  amountLabel: 'MiB to inflate or deflate',
  inflate: 'Inflate',
  progressStep: 'Balloon inflated: the guest’s MemTotal dropped',
  deflate: 'Deflate',
  moving: (direction, mib) => `${direction === 'inflate' ? 'Inflating' : 'Deflating'} by ${mib} MiB: waiting for the guest's driver…`,
  tableCaption: 'Memory as each layer reports it, and the change since the previous reading',
  columns: { quantity: 'Figure', now: 'Now', change: 'Change' },
  rows: {
    memTotal: 'MemTotal', memFree: 'MemFree', memAvailable: 'MemAvailable',
    driverInflated: 'balloon_inflate (pages put into the balloon since boot)',
    driverDeflated: 'balloon_deflate (pages taken back since boot)',
    deviceTarget: 'num_pages (the target the host set)',
    deviceActual: 'actual (pages the driver has handed over)',
    emulatorMemory: "the emulator's WebAssembly memory",
    nonZeroPages: 'guest pages that are not all zeros',
  },
  groups: {
    guest: 'The guest: /proc/meminfo',
    driver: 'The driver: /proc/vmstat',
    device: "The host's device: v86's virtio-balloon",
    host: 'The host: the emulator',
  },
  balloonHolds: (mib, limitMib) => `The balloon holds ${mib} MiB (this lab lets it hold up to ${limitMib} MiB).`,
  hostNote: "v86 keeps the guest's RAM in one WebAssembly memory, and a WebAssembly memory can grow but never shrink: the device counts the pages the driver hands over, and the browser gets no memory back. A hypervisor such as KVM would return those pages to the host (QEMU discards them with madvise).",
  allocateHeading: 'When the guest needs the memory back',
  allocateIntro: 'Run a program in the guest that allocates one buffer of N MiB and writes to every page of it (BusyBox dd bs=NM count=1 from /dev/zero), and see what the kernel does.',
  allocateLabel: 'MiB the program allocates',
  allocate: 'Run the program',
  allocating: (mib) => `Running dd with a ${mib} MiB buffer…`,
  kernelSaid: 'What the kernel logged (dmesg)',
  programSaid: 'What the program printed',
  failed: (message) => `That did not work: ${message}`,
  mib: (kib) => `${number(kib / 1024, 'en-US', 1)} MiB`,
  pages: (pages) => `${number(pages, 'en-US')} pages (${number(pages / 256, 'en-US', 1)} MiB)`,
  bytes: (bytes) => `${number(bytes / (1024 * 1024), 'en-US', 1)} MiB`,
  change: (delta, unit) => {
    if (delta === 0) return 'no change';
    const sign = delta > 0 ? '+' : '−';
    const size = Math.abs(delta);
    if (unit === 'pages') return `${sign}${number(size, 'en-US')} pages`;
    return `${sign}${number(unit === 'kib' ? size / 1024 : size / (1024 * 1024), 'en-US', 1)} MiB`;
  },
};

export const zh: BalloonLabMessages = {
  regionLabel: '实验虚拟机里的内存气球',
  intro: '实验虚拟机带有一个 virtio-balloon 设备，客户机里运行着 virtio_balloon 驱动。先读取数据（实验虚拟机未运行时会先启动它），再给气球充气或放气，观察客户机、驱动、设备和模拟器各自报告的数字。',
  read: '读取数据',
  reading: '读取中…',
  startingVM: (start) => startingIn('zh-CN', start),
  amountLabel: '充气或放气的 MiB 数',
  inflate: '充气',
  progressStep: '气球已充气：客户机的 MemTotal 随之减少',
  deflate: '放气',
  moving: (direction, mib) => `正在${direction === 'inflate' ? '充气' : '放气'} ${mib} MiB：等待客户机驱动完成…`,
  tableCaption: '各层报告的内存数据，以及与上一次读数相比的变化',
  columns: { quantity: '数据', now: '当前', change: '变化' },
  rows: {
    memTotal: 'MemTotal', memFree: 'MemFree', memAvailable: 'MemAvailable',
    driverInflated: 'balloon_inflate（开机以来放进气球的页数）',
    driverDeflated: 'balloon_deflate（开机以来取回的页数）',
    deviceTarget: 'num_pages（宿主机设定的目标）',
    deviceActual: 'actual（驱动已交出的页数）',
    emulatorMemory: '模拟器的 WebAssembly 内存',
    nonZeroPages: '客户机内存中不全为零的页',
  },
  groups: {
    guest: '客户机：/proc/meminfo',
    driver: '驱动：/proc/vmstat',
    device: '宿主机一侧的设备：v86 的 virtio-balloon',
    host: '宿主机：模拟器',
  },
  balloonHolds: (mib, limitMib) => `气球现在占用 ${mib} MiB（本实验最多允许 ${limitMib} MiB）。`,
  hostNote: 'v86 把客户机内存放在一块 WebAssembly 内存里，而 WebAssembly 内存只能增长、不能缩小：设备只是清点驱动交出的页，浏览器拿不回任何内存。换成 KVM 这样的虚拟机监控器，这些页会还给宿主机（QEMU 用 madvise 丢弃它们）。',
  allocateHeading: '客户机需要把内存要回来时',
  allocateIntro: '在客户机里运行一个程序：一次分配 N MiB 的缓冲区，并写遍其中每一页（BusyBox 的 dd bs=NM count=1，数据来自 /dev/zero），看看内核怎么处理。',
  allocateLabel: '程序分配的 MiB 数',
  allocate: '运行程序',
  allocating: (mib) => `正在用 ${mib} MiB 的缓冲区运行 dd…`,
  kernelSaid: '内核日志（dmesg）',
  programSaid: '程序的输出',
  failed: (message) => `操作失败：${message}`,
  mib: (kib) => `${number(kib / 1024, 'zh-CN', 1)} MiB`,
  pages: (pages) => `${number(pages, 'zh-CN')} 页（${number(pages / 256, 'zh-CN', 1)} MiB）`,
  bytes: (bytes) => `${number(bytes / (1024 * 1024), 'zh-CN', 1)} MiB`,
  change: (delta, unit) => {
    if (delta === 0) return '不变';
    const sign = delta > 0 ? '+' : '−';
    const size = Math.abs(delta);
    if (unit === 'pages') return `${sign}${number(size, 'zh-CN')} 页`;
    return `${sign}${number(unit === 'kib' ? size / 1024 : size / (1024 * 1024), 'zh-CN', 1)} MiB`;
  },
};

export const balloonLabCatalogues: MessageCatalogues<BalloonLabMessages> = { en, 'zh-CN': zh };
