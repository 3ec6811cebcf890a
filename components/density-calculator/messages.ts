import type { DensityNumberField } from '../../lib/density/index.ts';
import type { MessageCatalogues } from '../book/locale.ts';

/** Every string the density calculator shows, one catalogue per locale of the book. */
export interface DensityMessages {
  regionLabel: string;
  intro: string;
  guestPresetLegend: string;
  guestPresets: { centos7: string; minimal: string; custom: string };
  hostLegend: string;
  vmLegend: string;
  containerLegend: string;
  workloadLegend: string;
  fields: Record<DensityNumberField, { label: string; unit: string; help: string }>;
  ksm: { label: string; help: string };
  sharedImage: { label: string; help: string };
  sourceLink: (n: number) => string;
  resultsHeading: string;
  vmResult: (fits: string, eachMiB: string) => string;
  vmKsmNote: (firstMiB: string, eachMiB: string) => string;
  containerResult: (fits: string, eachMiB: string) => string;
  containerSharedNote: (sharedMiB: string) => string;
  ratio: (ratio: string) => string;
  ratioNone: string;
  chartTitle: string;
  chartSummary: (vmFits: string, containerFits: string, hostGiB: string) => string;
  axisCopies: string;
  axisMemory: string;
  hostLine: (gib: string) => string;
  legendVm: string;
  legendContainer: string;
  tableToggle: string;
  tableCaption: string;
  tableCopies: string;
  tableVm: string;
  tableContainer: string;
  assumptionsHeading: string;
  assumptions: readonly string[];
  sourcesHeading: string;
  problemsHeading: string;
  /** What is wrong with an input, with its label and the unit the reader types it in. */
  problems: {
    notANumber: (label: string) => string;
    outOfRange: (label: string, min: string, max: string, value: string, unit: string) => string;
    reserveTooLarge: (label: string) => string;
  };
  reset: string;
  formatNumber: (value: number, digits?: number) => string;
  fullStop: string;
  /** Between a label and what follows it. */
  colon: string;
}

export const en: DensityMessages = {
  regionLabel: 'Density calculator: VMs versus containers',
  intro:
    'How many copies of one workload — the article’s QQ chat client — fit in one host’s memory, as virtual machines or as containers? Change any number; the chart and the counts follow.',
  guestPresetLegend: 'Each VM’s guest OS',
  guestPresets: {
    centos7: 'CentOS 7 (1024 MiB, Red Hat’s minimum)',
    minimal: 'Minimal (52 MiB, this book’s lab VM)',
    custom: 'Custom',
  },
  hostLegend: 'The host',
  vmLegend: 'Per virtual machine',
  containerLegend: 'Per container',
  workloadLegend: 'The workload (one copy of the chat client)',
  fields: {
    hostMemoryMiB: { label: 'Host memory', unit: 'GiB', help: 'Physical RAM of the host.' },
    hostReserveMiB: { label: 'Host OS', unit: 'MiB', help: 'The host’s own kernel and services, paid once.' },
    guestOsMiB: { label: 'Guest kernel and OS services', unit: 'MiB', help: 'What each VM’s own operating system holds.' },
    vmOverheadMiB: { label: 'Hypervisor overhead', unit: 'MiB', help: 'Per-VM memory outside the guest: page tables, device state, the VMM process.' },
    containerOverheadMiB: { label: 'Container overhead', unit: 'MiB', help: 'Per-container memory outside the workload: namespaces, cgroup, the runtime’s process.' },
    appPrivateMiB: { label: 'Private memory', unit: 'MiB', help: 'Heap and stacks: every copy has its own.' },
    appSharedMiB: { label: 'Program and libraries', unit: 'MiB', help: 'File-backed memory: identical in every copy.' },
    ksmSavings: { label: 'Memory KSM frees per further VM', unit: '%', help: 'Share of each further guest’s memory that merges with identical pages.' },
  },
  ksm: { label: 'KSM (Kernel Samepage Merging) on', help: 'Merges identical pages of the VMs; it does not apply to ordinary container processes.' },
  sharedImage: { label: 'Containers share one image', help: 'Same files on one overlay filesystem: one page-cache copy for all containers.' },
  sourceLink: (n) => `source ${n}`,
  resultsHeading: 'What fits',
  vmResult: (fits, each) => `${fits} VMs fit (${each} MiB each).`,
  vmKsmNote: (first, each) => `With KSM: the first VM ${first} MiB, each further one ${each} MiB.`,
  containerResult: (fits, each) => `${fits} containers fit (${each} MiB each).`,
  containerSharedNote: (shared) => `Plus ${shared} MiB of program and libraries in the page cache, once for all of them.`,
  ratio: (ratio) => `Containers: ${ratio}× as many copies.`,
  ratioNone: 'Not even one VM fits.',
  chartTitle: 'Memory in use as copies are added',
  chartSummary: (vm, container, host) =>
    `Memory in use grows with each copy. On a ${host} GiB host, ${vm} VMs fit and ${container} containers fit.`,
  axisCopies: 'copies of the workload',
  axisMemory: 'memory in use (GiB)',
  hostLine: (gib) => `host memory ${gib} GiB`,
  legendVm: 'as VMs',
  legendContainer: 'as containers',
  tableToggle: 'The chart as a table',
  tableCaption: 'Memory in use (MiB) for a number of copies',
  tableCopies: 'Copies',
  tableVm: 'As VMs (MiB)',
  tableContainer: 'As containers (MiB)',
  assumptionsHeading: 'What the model assumes',
  assumptions: [
    'Memory is the only limit: CPU, disk and network are left out, and there is no swap.',
    'Every copy uses its whole working set at once: nothing is overcommitted beyond what page sharing frees.',
    'A VM holds its guest OS, one copy of the workload (its own copy of the program and libraries, too) and the hypervisor’s per-VM overhead.',
    'With KSM on, every VM after the first frees the chosen share of its guest memory; VMware reports more than 30 % for nearly identical VMs, under 5 % for diverse ones, and Barker et al. measured under 15 % on real machines.',
    'Containers share the host kernel: no guest OS. Their overhead is what this book’s lab VM measured for its hand-made containers; Docker’s or LXC’s daemons would add a fixed amount.',
    'With one image, the program and libraries are in the page cache once (overlayfs shares it); without, each container reads its own copy.',
    'The workload figures are an example for a desktop chat client, not a measurement of QQ.',
  ],
  sourcesHeading: 'Where the defaults come from',
  problemsHeading: 'Check these inputs',
  problems: {
    notANumber: (label) => `${label} needs a number`,
    outOfRange: (label, min, max, value, unit) => `${label} must be between ${min} and ${max} ${unit} (it is ${value} ${unit})`,
    reserveTooLarge: (label) => `${label} leaves no memory for VMs or containers: make it smaller than the host memory`,
  },
  reset: 'Back to the defaults',
  formatNumber: (value, digits = 1) =>
    Number.isFinite(value) ? new Intl.NumberFormat('en', { maximumFractionDigits: digits }).format(value) : '∞',
  fullStop: '.',
  colon: ': ',
};

/** 简体中文. */
export const zh: DensityMessages = {
  regionLabel: '密度计算器：虚拟机与容器',
  intro:
    '同一个工作负载（原文举例的 QQ 聊天客户端），做成虚拟机或容器，一台宿主机的内存各能放下多少份？改动任何一个数字，图表和计数都会随之更新。',
  guestPresetLegend: '每台虚拟机的客户机操作系统',
  guestPresets: {
    centos7: 'CentOS 7（1024 MiB，Red Hat 给出的最低要求）',
    minimal: '最小化（52 MiB，本书的实验虚拟机）',
    custom: '自定义',
  },
  hostLegend: '宿主机',
  vmLegend: '每台虚拟机',
  containerLegend: '每个容器',
  workloadLegend: '工作负载（聊天客户端的一份副本）',
  fields: {
    hostMemoryMiB: { label: '宿主机内存', unit: 'GiB', help: '宿主机的物理内存。' },
    hostReserveMiB: { label: '宿主机操作系统', unit: 'MiB', help: '宿主机自己的内核和服务，只算一次。' },
    guestOsMiB: { label: '客户机内核与系统服务', unit: 'MiB', help: '每台虚拟机自己的操作系统占用的内存。' },
    vmOverheadMiB: { label: '虚拟机监控器开销', unit: 'MiB', help: '客户机之外、每台虚拟机额外占用的内存：页表、设备状态、VMM 进程。' },
    containerOverheadMiB: { label: '容器开销', unit: 'MiB', help: '工作负载之外、每个容器额外占用的内存：命名空间、控制组、运行时进程。' },
    appPrivateMiB: { label: '私有内存', unit: 'MiB', help: '堆和栈：每份副本各有一份。' },
    appSharedMiB: { label: '程序与库', unit: 'MiB', help: '以文件为后端的内存：每份副本里都一模一样。' },
    ksmSavings: { label: '每多一台虚拟机 KSM 释放的内存', unit: '%', help: '之后每台客户机的内存中，能与相同页面合并的比例。' },
  },
  ksm: { label: '开启 KSM（内核同页合并）', help: '合并各虚拟机中相同的内存页；对普通的容器进程不起作用。' },
  sharedImage: { label: '容器共用一个镜像', help: '同一批文件位于同一个 overlay 文件系统上：所有容器共用一份页缓存。' },
  sourceLink: (n) => `出处 ${n}`,
  resultsHeading: '能放下多少',
  vmResult: (fits, each) => `能放下 ${fits} 台虚拟机（每台 ${each} MiB）。`,
  vmKsmNote: (first, each) => `开启 KSM：第一台虚拟机 ${first} MiB，之后每台 ${each} MiB。`,
  containerResult: (fits, each) => `能放下 ${fits} 个容器（每个 ${each} MiB）。`,
  containerSharedNote: (shared) => `另有 ${shared} MiB 的程序与库在页缓存中，所有容器只算一次。`,
  ratio: (ratio) => `容器能放下的副本数是虚拟机的 ${ratio} 倍。`,
  ratioNone: '连一台虚拟机都放不下。',
  chartTitle: '随着副本增加而占用的内存',
  chartSummary: (vm, container, host) =>
    `占用的内存随每份副本增长。在一台 ${host} GiB 的宿主机上，能放下 ${vm} 台虚拟机或 ${container} 个容器。`,
  axisCopies: '工作负载的副本数',
  axisMemory: '占用的内存（GiB）',
  hostLine: (gib) => `宿主机内存 ${gib} GiB`,
  legendVm: '做成虚拟机',
  legendContainer: '做成容器',
  tableToggle: '以表格形式查看图表',
  tableCaption: '不同副本数下占用的内存（MiB）',
  tableCopies: '副本数',
  tableVm: '虚拟机（MiB）',
  tableContainer: '容器（MiB）',
  assumptionsHeading: '这个模型的假设',
  assumptions: [
    '内存是唯一的限制：不考虑 CPU、磁盘和网络，也没有交换空间。',
    '每份副本同时用满它的整个工作集：除了页面共享释放出来的部分，不做任何超额分配。',
    '一台虚拟机包含它的客户机操作系统、一份工作负载（连同它自己的一份程序与库），以及虚拟机监控器为每台虚拟机付出的开销。',
    '开启 KSM 时，第一台之后的每台虚拟机释放其客户机内存的设定比例；VMware 报告几乎相同的虚拟机可以超过 30%，差异较大的则不到 5%，Barker 等人在真实机器上测得的不到 15%。',
    '容器共享宿主机内核：没有客户机操作系统。它们的开销取自本书实验虚拟机中为手工搭建的容器测得的数值；Docker 或 LXC 的守护进程会再加上一个固定的量。',
    '共用一个镜像时，程序与库在页缓存中只有一份（由 overlayfs 共享）；否则每个容器各读一份。',
    '工作负载的数字是一个桌面聊天客户端的示例，并不是对 QQ 的实测。',
  ],
  sourcesHeading: '默认值从何而来',
  problemsHeading: '请检查这些输入',
  problems: {
    notANumber: (label) => `${label}需要填一个数字`,
    outOfRange: (label, min, max, value, unit) => `${label}必须在 ${min} 到 ${max} ${unit} 之间（现在是 ${value} ${unit}）`,
    reserveTooLarge: (label) => `${label}占用了全部内存，虚拟机和容器都没有空间了：请把它设得比宿主机内存小`,
  },
  reset: '恢复默认值',
  formatNumber: (value, digits = 1) =>
    Number.isFinite(value) ? new Intl.NumberFormat('zh-CN', { maximumFractionDigits: digits }).format(value) : '∞',
  fullStop: '。',
  colon: '：',
};

export const densityCatalogues: MessageCatalogues<DensityMessages> = { en, 'zh-CN': zh };
