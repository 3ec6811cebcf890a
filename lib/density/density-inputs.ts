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
  /** What the default is and what the source says, in one sentence. */
  claim: string;
  title: string;
  url: string;
};

export const DENSITY_SOURCES: readonly DensitySource[] = [
  {
    id: 'rhel7-minimum',
    claim:
      'Red Hat: "AMD64 and Intel 64 systems require at least 1 GB of memory to run" Red Hat Enterprise Linux 7 (CentOS 7 is its rebuild). Used for the host reserve and for each CentOS 7 guest.',
    title: 'Red Hat Enterprise Linux 7 Migration Planning Guide, §4.1 "System limitations"',
    url: 'https://access.redhat.com/documentation/en-us/red_hat_enterprise_linux/7/html/migration_planning_guide/_major_changes_and_migration_considerations',
  },
  {
    id: 'vsphere-overhead',
    claim: 'VMware: a VM with 1 vCPU and 1024 MB of memory needs 25.90 MB of overhead memory to power on (VMX swap and hardware MMU enabled).',
    title: 'VMware vSphere 6.5 Resource Management, "Overhead Memory on Virtual Machines", table "Sample Overhead Memory on Virtual Machines"',
    url: 'https://docs.vmware.com/en/VMware-vSphere/6.5/com.vmware.vsphere.resmgmt.doc/GUID-B42C72C1-F8D5-40DC-93D1-FB31849B1114.html',
  },
  {
    id: 'vsphere-sharing',
    claim:
      'VMware: "A workload of many nearly identical virtual machines might free up more than thirty percent of memory, while a more diverse workload might result in savings of less than five percent of memory."',
    title: 'VMware vSphere 4.1 Resource Management Guide, "Memory Sharing"',
    url: 'https://pubs.vmware.com/vsphere-4-esx-vcenter/topic/com.vmware.vsphere.resourcemanagement.doc_41/managing_memory_resources/c_memory_sharing.html',
  },
  {
    id: 'barker-sharing',
    claim:
      'Barker et al. measured real machines: sharing between machines, zero pages excluded, "generally remain[s] under 15%" — the 30% above is a best case for identical guests.',
    title: 'S. Barker et al., "An Empirical Study of Memory Sharing in Virtual Machines", USENIX ATC 2012',
    url: 'https://www.usenix.org/conference/atc12/technical-sessions/presentation/barker',
  },
  {
    id: 'ksm-doc',
    claim:
      'KSM merges only anonymous pages in areas marked MADV_MERGEABLE; QEMU marks guest RAM that way, ordinary container processes do not — so KSM helps the VMs here, not the containers.',
    title: 'The Linux kernel documentation, "Kernel Samepage Merging"',
    url: 'https://docs.kernel.org/admin-guide/mm/ksm.html',
  },
  {
    id: 'overlayfs-page-cache',
    claim:
      'Docker: with the overlay2 driver, "multiple containers accessing the same file share a single page cache entry for that file" — the image\'s program and libraries are in memory once.',
    title: 'Docker documentation, "OverlayFS storage driver", Performance: page caching',
    url: 'https://docs.docker.com/engine/storage/drivers/overlayfs-driver/',
  },
  {
    id: 'lab-measurement',
    claim:
      'Measured in this chapter\'s lab VM (the "measure" step): MemAvailable before and after starting ten idle containers with the lab\'s script gives about 0.4 MiB each; the lab VM\'s own guest holds about 52 MiB of its 128 MiB — the "minimal guest" preset.',
    title: 'This book, chapter "Hypervisors vs containers", the lab',
    url: '#the-lab-build-a-container-by-hand',
  },
  {
    id: 'workload-example',
    claim:
      'No published memory figure exists for the article\'s QQ; the workload is an example of a desktop chat client. Measure your own: `grep -E "^(Rss|Pss|Private|Shared)" /proc/PID/smaps_rollup`.',
    title: 'An example value (change it)',
    url: 'https://docs.kernel.org/filesystems/proc.html',
  },
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
