import type { LocalizedText } from '../book/localized-text.ts';

/**
 * What the density model takes, the defaults the book uses, and where each default comes from.
 * All sizes are in MiB; fractions are between 0 and 1.
 */

export type DensityInputs = {
  /** Physical memory of the host. */
  hostMemoryMiB: number;
  /** The host's own kernel and services, paid once whatever runs on top. */
  hostReserveMiB: number;
  /** Memory each VM's guest kernel and OS services need (the guest's baseline RAM). */
  guestOsMiB: number;
  /** Per-VM cost outside the guest: the hypervisor's data structures, the VMM process. */
  vmOverheadMiB: number;
  /** Per-container cost outside the workload: its runtime process and kernel objects. */
  containerOverheadMiB: number;
  /** The workload's private memory (heap, stacks): never shared between copies. */
  appPrivateMiB: number;
  /** The workload's file-backed memory (program, libraries, data files it reads). */
  appSharedMiB: number;
  /** KSM on: identical pages of the VMs are merged. */
  ksm: boolean;
  /** Fraction of each further VM's memory that page sharing frees when the VMs are nearly identical. */
  ksmSavings: number;
  /** Containers started from one image share one page-cache copy of its files (overlayfs). */
  sharedImage: boolean;
};

/** A number the reader can change: its range and step for an input control. */
export type DensityNumberField = Exclude<keyof DensityInputs, 'ksm' | 'sharedImage'>;

export type FieldRange = { min: number; max: number; step: number };

export const DENSITY_FIELD_RANGES: Readonly<Record<DensityNumberField, FieldRange>> = {
  hostMemoryMiB: { min: 1024, max: 1_048_576, step: 1024 },
  hostReserveMiB: { min: 0, max: 65_536, step: 64 },
  guestOsMiB: { min: 8, max: 65_536, step: 8 },
  vmOverheadMiB: { min: 0, max: 4096, step: 1 },
  containerOverheadMiB: { min: 0, max: 4096, step: 0.5 },
  appPrivateMiB: { min: 1, max: 65_536, step: 1 },
  appSharedMiB: { min: 0, max: 65_536, step: 1 },
  ksmSavings: { min: 0, max: 0.95, step: 0.01 },
};

/** A source for a default: who says so, where, and what exactly. */
export type DensitySource = {
  id: string;
  /** What the default is and what the source says, in one sentence, in every edition of the book. */
  claim: LocalizedText;
  /** The title as a reader sees it: a cited title stays as published; this book's own pages are translated. */
  title: LocalizedText;
  /** The link in every edition (an anchor in this book differs between editions). */
  url: LocalizedText;
};

function source(
  id: string,
  claim: LocalizedText,
  title: string | LocalizedText,
  url: string | LocalizedText,
): DensitySource {
  const same = (text: string | LocalizedText): LocalizedText => (typeof text === 'string' ? { en: text, 'zh-CN': text } : text);
  return { id, claim, title: same(title), url: same(url) };
}

export const DENSITY_SOURCES: readonly DensitySource[] = [
  source(
    'rhel7-minimum',
    {
      en: 'Red Hat: "AMD64 and Intel 64 systems require at least 1 GB of memory to run" Red Hat Enterprise Linux 7 (CentOS 7 is its rebuild). Used for the host reserve and for each CentOS 7 guest.',
      'zh-CN':
        'Red Hat：AMD64 和 Intel 64 系统“至少需要 1 GB 内存”才能运行 Red Hat Enterprise Linux 7（CentOS 7 是它的重建版）。用作宿主机预留内存和每个 CentOS 7 客户机的内存。',
    },
    'Red Hat Enterprise Linux 7 Migration Planning Guide, §4.1 "System limitations"',
    'https://access.redhat.com/documentation/en-us/red_hat_enterprise_linux/7/html/migration_planning_guide/_major_changes_and_migration_considerations',
  ),
  source(
    'vsphere-overhead',
    {
      en: 'VMware: a VM with 1 vCPU and 1024 MB of memory needs 25.90 MB of overhead memory to power on (VMX swap and hardware MMU enabled).',
      'zh-CN': 'VMware：一台 1 个 vCPU、1024 MB 内存的虚拟机需要 25.90 MB 的额外开销内存才能开机（启用 VMX 交换和硬件 MMU）。',
    },
    'VMware vSphere 6.5 Resource Management, "Overhead Memory on Virtual Machines", table "Sample Overhead Memory on Virtual Machines"',
    'https://docs.vmware.com/en/VMware-vSphere/6.5/com.vmware.vsphere.resmgmt.doc/GUID-B42C72C1-F8D5-40DC-93D1-FB31849B1114.html',
  ),
  source(
    'vsphere-sharing',
    {
      en: 'VMware: "A workload of many nearly identical virtual machines might free up more than thirty percent of memory, while a more diverse workload might result in savings of less than five percent of memory."',
      'zh-CN': 'VMware：由许多几乎相同的虚拟机组成的负载可能释放超过百分之三十的内存，而差异较大的负载节省的内存可能不到百分之五。',
    },
    'VMware vSphere 4.1 Resource Management Guide, "Memory Sharing"',
    'https://pubs.vmware.com/vsphere-4-esx-vcenter/topic/com.vmware.vsphere.resourcemanagement.doc_41/managing_memory_resources/c_memory_sharing.html',
  ),
  source(
    'barker-sharing',
    {
      en: 'Barker et al. measured real machines: sharing between machines, zero pages excluded, "generally remain[s] under 15%" — the 30% above is a best case for identical guests.',
      'zh-CN': 'Barker 等人在真实机器上测量：排除零页之后，机器之间的共享“一般保持在 15% 以下”，上面的 30% 是相同客户机的最好情况。',
    },
    'S. Barker et al., "An Empirical Study of Memory Sharing in Virtual Machines", USENIX ATC 2012',
    'https://www.usenix.org/conference/atc12/technical-sessions/presentation/barker',
  ),
  source(
    'ksm-doc',
    {
      en: 'KSM merges only anonymous pages in areas marked MADV_MERGEABLE; QEMU marks guest RAM that way, ordinary container processes do not — so KSM helps the VMs here, not the containers.',
      'zh-CN': 'KSM 只合并标记为 MADV_MERGEABLE 的区域中的匿名页；QEMU 会这样标记客户机内存，普通的容器进程则不会，所以在这里 KSM 帮的是虚拟机，而不是容器。',
    },
    'The Linux kernel documentation, "Kernel Samepage Merging"',
    'https://docs.kernel.org/admin-guide/mm/ksm.html',
  ),
  source(
    'overlayfs-page-cache',
    {
      en: 'Docker: with the overlay2 driver, "multiple containers accessing the same file share a single page cache entry for that file" — the image\'s program and libraries are in memory once.',
      'zh-CN': 'Docker：使用 overlay2 驱动时，“访问同一个文件的多个容器共享该文件的同一个页缓存条目”，镜像中的程序和库在内存里只有一份。',
    },
    'Docker documentation, "OverlayFS storage driver", Performance: page caching',
    'https://docs.docker.com/engine/storage/drivers/overlayfs-driver/',
  ),
  source(
    'lab-measurement',
    {
      en: 'Measured in this chapter\'s lab VM (the "measure" step): MemAvailable before and after starting ten idle containers with the lab\'s script gives about 0.4 MiB each; the lab VM\'s own guest holds about 52 MiB of its 128 MiB — the "minimal guest" preset.',
      'zh-CN':
        '在本章的实验虚拟机里测得（“测量”那一步）：用实验的脚本启动十个空闲容器，前后比较 MemAvailable，每个大约 0.4 MiB；实验虚拟机自己的客户机在 128 MiB 中占用大约 52 MiB，即“最小化”预设。',
    },
    { en: 'This book, chapter "Hypervisors vs containers", the lab', 'zh-CN': '本书“虚拟机监控器与容器”一章的实验' },
    { en: '#the-lab-build-a-container-by-hand', 'zh-CN': '#实验亲手搭一个容器' },
  ),
  source(
    'workload-example',
    {
      en: 'No published memory figure exists for the article\'s QQ; the workload is an example of a desktop chat client. Measure your own: `grep -E "^(Rss|Pss|Private|Shared)" /proc/PID/smaps_rollup`.',
      'zh-CN':
        '原文中的 QQ 没有公开的内存数据；这个工作负载是一个桌面聊天客户端的示例。可以自己测量：`grep -E "^(Rss|Pss|Private|Shared)" /proc/PID/smaps_rollup`。',
    },
    { en: 'An example value (change it)', 'zh-CN': '一个示例值（请改成你自己的）' },
    'https://docs.kernel.org/filesystems/proc.html',
  ),
];

/** Which source backs each default. */
export const DENSITY_DEFAULT_SOURCES: Readonly<Record<keyof DensityInputs, readonly string[]>> = {
  hostMemoryMiB: ['workload-example'],
  hostReserveMiB: ['rhel7-minimum'],
  guestOsMiB: ['rhel7-minimum'],
  vmOverheadMiB: ['vsphere-overhead'],
  containerOverheadMiB: ['lab-measurement'],
  appPrivateMiB: ['workload-example'],
  appSharedMiB: ['workload-example'],
  ksm: ['ksm-doc'],
  ksmSavings: ['vsphere-sharing', 'barker-sharing'],
  sharedImage: ['overlayfs-page-cache'],
};

/**
 * Memory the lab VM's own guest (Debian kernel + BusyBox) holds after boot (its 128 MiB of RAM
 * minus MemAvailable, caches dropped), and what one idle container made by the lab's
 * `tiny-container` script adds. Measured in the lab VM by the chapter's "measure" step; the
 * integration test measures them again so a changed guest cannot silently disagree.
 */
export const LAB_VM_MEASUREMENTS = {
  guestUsedMiB: 52,
  containerMiB: 0.4,
} as const;

export const DEFAULT_DENSITY_INPUTS: Readonly<DensityInputs> = {
  hostMemoryMiB: 16_384,
  hostReserveMiB: 1024,
  guestOsMiB: 1024,
  vmOverheadMiB: 26,
  containerOverheadMiB: LAB_VM_MEASUREMENTS.containerMiB,
  appPrivateMiB: 150,
  appSharedMiB: 100,
  ksm: false,
  ksmSavings: 0.3,
  sharedImage: true,
};

/** Starting points for the guest: what a VM's own OS costs. */
export type GuestPreset = { id: 'centos7' | 'minimal'; guestOsMiB: number; sources: readonly string[] };

export const GUEST_PRESETS: readonly GuestPreset[] = [
  { id: 'centos7', guestOsMiB: 1024, sources: ['rhel7-minimum'] },
  { id: 'minimal', guestOsMiB: LAB_VM_MEASUREMENTS.guestUsedMiB, sources: ['lab-measurement'] },
];
