import type { DensityNumberField } from '../../lib/density/index.ts';

/** Every string the density calculator shows. A 简体中文 catalogue will sit next to `en`. */
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
  reset: string;
  formatNumber: (value: number, digits?: number) => string;
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
  reset: 'Back to the defaults',
  formatNumber: (value, digits = 1) =>
    Number.isFinite(value) ? new Intl.NumberFormat('en', { maximumFractionDigits: digits }).format(value) : '∞',
};

export const densityCatalogues = { en } as const;
export type DensityLocale = keyof typeof densityCatalogues;
