import type { MessageCatalogues } from '../book/locale.ts';

/** Where a layer runs: the three places a reader has to tell apart. */
export type KvmLayerPlace = 'user' | 'kernel' | 'hardware';

/** One box of the KVM stack: its programs (code, the same in every edition) and what it does. */
export interface KvmLayerText {
  readonly id: string;
  readonly place: KvmLayerPlace;
  /** Program or module names, shown as code. */
  readonly programs: readonly string[];
  /** What the layer does, one sentence. */
  readonly role: string;
  /** What it keeps or handles, as short items. */
  readonly keeps: readonly string[];
  /** How it talks to the layer below (absent for the hardware). */
  readonly downward?: { readonly words: string; readonly code: readonly string[] };
}

/** Every string the KVM architecture figure shows, one catalogue per edition. */
export interface KvmArchitectureMessages {
  readonly figureLabel: string;
  readonly caption: string;
  readonly places: Record<KvmLayerPlace, string>;
  readonly keepsLabel: string;
  readonly downwardLabel: string;
  readonly layers: readonly KvmLayerText[];
}

export const en: KvmArchitectureMessages = {
  figureLabel: 'The layers of a KVM host, from the tools down to the processor',
  caption:
    'A KVM host, top to bottom. Calls go down; exits come back up. Most exits end in kvm.ko and never reach user space; the rest return from KVM_RUN to the vCPU thread in QEMU, which emulates the access and calls KVM_RUN again.',
  places: { user: 'user space', kernel: 'kernel', hardware: 'hardware' },
  keepsLabel: 'Keeps or handles',
  downwardLabel: 'Talks to the layer below through',
  layers: [
    {
      id: 'tools',
      place: 'user',
      programs: ['virsh', 'virt-install', 'Cockpit'],
      role: 'What you type into or click. Each is a client of libvirt.',
      keeps: ['no state of its own'],
      downward: { words: 'the libvirt API, over a UNIX socket', code: ['/run/libvirt/*-sock'] },
    },
    {
      id: 'libvirt',
      place: 'user',
      programs: ['virtqemud', 'libvirtd'],
      role: 'Manages VMs: keeps their definitions, starts and stops QEMU, confines it.',
      keeps: ['domain XML', 'storage pools and volumes (qcow2 files)', 'networks and snapshots', 'an sVirt label per VM'],
      downward: { words: 'a QEMU command line, then the QMP monitor socket', code: ['qemu-kvm -name guest=vm1 …'] },
    },
    {
      id: 'qemu',
      place: 'user',
      programs: ['qemu-kvm'],
      role: 'One process per VM: its memory is the guest\u2019s RAM, one thread per virtual CPU.',
      keeps: ['the device model: disks, NICs, serial port, firmware', 'virtio back ends, unless vhost takes them', 'the exits KVM_RUN returns'],
      downward: { words: 'ioctl() calls on /dev/kvm and its descriptors', code: ['KVM_CREATE_VM', 'KVM_SET_USER_MEMORY_REGION', 'KVM_CREATE_VCPU', 'KVM_RUN'] },
    },
    {
      id: 'kvm',
      place: 'kernel',
      programs: ['kvm.ko', 'kvm-intel.ko', 'vhost_net.ko'],
      role: 'Enters and leaves the guest, and handles the frequent exits where they happen.',
      keeps: ['the MMU: EPT/NPT or shadow page tables', 'the in-kernel APIC, IOAPIC and PIC', 'ioeventfd and irqfd', 'vhost: a virtio data path in the kernel'],
      downward: { words: 'VM entry; the processor returns with a VM exit', code: ['VMLAUNCH', 'VMRESUME'] },
    },
    {
      id: 'cpu',
      place: 'hardware',
      programs: ['VT-x', 'AMD-V'],
      role: 'Runs guest code directly, in guest (non-root) mode, until something needs the host.',
      keeps: ['the VMCS or VMCB: guest and host state, exit controls'],
    },
  ],
};

export const zh: KvmArchitectureMessages = {
  figureLabel: 'KVM 宿主机的各层，从管理工具一直到处理器',
  caption:
    'KVM 宿主机自上而下。调用向下走，exit 向上返回。大多数 exit 在 kvm.ko 里就处理完，根本到不了用户空间；其余的从 KVM_RUN 返回到 QEMU 里的 vCPU 线程，由它模拟这次访问，再次调用 KVM_RUN。',
  places: { user: '用户空间', kernel: '内核', hardware: '硬件' },
  keepsLabel: '保存或处理',
  downwardLabel: '与下一层的接口',
  layers: [
    {
      id: 'tools',
      place: 'user',
      programs: ['virsh', 'virt-install', 'Cockpit'],
      role: '你输入命令或点击的地方。它们都是 libvirt 的客户端。',
      keeps: ['自己不保存状态'],
      downward: { words: '经 UNIX 套接字调用 libvirt API', code: ['/run/libvirt/*-sock'] },
    },
    {
      id: 'libvirt',
      place: 'user',
      programs: ['virtqemud', 'libvirtd'],
      role: '管理虚拟机：保存它们的定义，启动和停止 QEMU，并把它关进隔离环境。',
      keeps: ['domain XML', '存储池和卷（qcow2 文件）', '网络和快照', '每台虚拟机一个 sVirt 标签'],
      downward: { words: '一条 QEMU 命令行，之后是 QMP 监控套接字', code: ['qemu-kvm -name guest=vm1 …'] },
    },
    {
      id: 'qemu',
      place: 'user',
      programs: ['qemu-kvm'],
      role: '每台虚拟机一个进程：它的内存就是客户机的内存，每个虚拟 CPU 一个线程。',
      keeps: ['设备模型：磁盘、网卡、串口、固件', 'virtio 后端（除非交给 vhost）', 'KVM_RUN 返回的 exit'],
      downward: { words: '对 /dev/kvm 及其派生描述符调用 ioctl()', code: ['KVM_CREATE_VM', 'KVM_SET_USER_MEMORY_REGION', 'KVM_CREATE_VCPU', 'KVM_RUN'] },
    },
    {
      id: 'kvm',
      place: 'kernel',
      programs: ['kvm.ko', 'kvm-intel.ko', 'vhost_net.ko'],
      role: '进入和离开客户机，并在 exit 发生的地方就地处理频繁的 exit。',
      keeps: ['MMU：EPT/NPT 或影子页表', '内核里的 APIC、IOAPIC 和 PIC', 'ioeventfd 与 irqfd', 'vhost：放在内核里的 virtio 数据通路'],
      downward: { words: 'VM entry；处理器以 VM exit 返回', code: ['VMLAUNCH', 'VMRESUME'] },
    },
    {
      id: 'cpu',
      place: 'hardware',
      programs: ['VT-x', 'AMD-V'],
      role: '以客户机（non-root）模式直接执行客户机代码，直到有事需要宿主机处理。',
      keeps: ['VMCS 或 VMCB：客户机和宿主机的状态、exit 控制'],
    },
  ],
};

export const kvmArchitectureCatalogues: MessageCatalogues<KvmArchitectureMessages> = { en, 'zh-CN': zh };
