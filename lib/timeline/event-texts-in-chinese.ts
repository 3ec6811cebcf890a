/**
 * The timeline's events in 简体中文, by event id (the dates, categories and sources come from
 * timeline-events.ts; only the words are here). The table is keyed by `TimelineEventId`, so an
 * event without its Chinese text, or a text for no event, does not compile.
 */
import type { TimelineEvent } from './timeline-event.ts';
import type { TimelineEventId } from './timeline-events.ts';

export interface EventText {
  readonly title: string;
  readonly summary: string;
  readonly detail: string;
}

const zhEventTexts: Readonly<Record<TimelineEventId, EventText>> = {
  'ctss-demonstrated': {
    title: 'CTSS 展示分时',
    summary: 'MIT 在一台 IBM 709 上演示兼容分时系统（CTSS）：多个用户，同一台机器。',
    detail:
      'CTSS 在用户之间快速切换，让每个人都以为自己独占一台计算机。这是分时，不是虚拟化：用户共享同一个操作系统，并没有各自得到一台机器的副本。' +
      '但它让“怎样安全地共享一台计算机”成了迫在眉睫的问题。',
  },
  'atlas-commissioned': {
    title: 'Atlas：第一个虚拟内存',
    summary: '曼彻斯特大学的 Atlas 投入使用，它的分页“单级存储”是最早的虚拟内存。',
    detail:
      'Atlas 把容量小而快的磁芯存储器和容量大而慢的磁鼓拼成一块大内存，在两者之间自动搬运页面。' +
      '它运行在 Atlas Supervisor 之下，一直用到 1972 年；在当时号称世界上最强大的计算机。',
  },
  'ctss-service': {
    title: 'CTSS 正式投入日常使用',
    summary: '从 1963 年夏天起，CTSS 每天为 MIT 的用户服务，一直运行到 1973 年。',
    detail: 'CTSS 让一代程序员学会了交互式计算，并催生了 Multics。它的监督程序（supervisor）把用户彼此隔离开，这正是虚拟机监控器职责的一半。',
  },
  'cp-40': {
    title: 'CP-40：每个用户一台 System/360',
    summary: 'IBM 剑桥科学中心在一台专门改装的 System/360 Model 40 上开始研制 CP-40。',
    detail:
      '控制程序（Control Program）的研制始于 1964 年底。CP-40 在一台真实机器上运行多台虚拟的 System/360，每台都有自己的操作系统；' +
      '用户在各自的虚拟机里运行单用户的 CMS。到 1967 年 4 月，它已投入日常生产使用。',
  },
  'm44-44x': {
    title: 'IBM M44/44X',
    summary: '在 IBM 研究院，一台改装过的 7044（M44）运行多台模拟的 7044（44X）。',
    detail:
      '这是 IBM 约克镇高地沃森研究中心的一台研究用机器，用来研究分页和虚拟机的概念。“虚拟机”一词很可能就出自这里。' +
      '它并没有完整地模拟硬件，所以它是通向全虚拟化的一步，而不是全虚拟化本身。',
  },
  'ibm-360-67-announced': {
    title: 'IBM 发布 System/360 Model 67',
    summary: '一台带动态地址转换（DAT）的 360/65：为分时准备的虚拟内存硬件。',
    detail:
      '360/67 增加了地址转换硬件，CP-67 后来正是用它给每台虚拟机一个独立的地址空间。' +
      'IBM 为它配的官方操作系统是 TSS/360；CP-67 则出自 IBM 剑桥科学中心。',
  },
  'bcpl-o-code': {
    title: 'BCPL 的 O-code',
    summary: 'BCPL 编译器为一台理想化的机器生成 O-code：p-code 的思路由此诞生。',
    detail:
      '要把 BCPL 移植到一台新计算机上，只需为 O-code 写一个翻译器或解释器。Pascal 的 P-code 以及后来的 Java 字节码都沿用了这个办法。' +
      'BCPL 也是 C 语言的“祖父”，不过 C 本身是编译成本机代码的。',
  },
  'ibm-360-67-delivered': {
    title: '360/67 交付客户',
    summary: 'System/360 Model 67 的 2 号机于 1967 年 1 月交付。',
    detail: '有了客户手中的 DAT 硬件，剑桥团队就能把控制程序从改装过的 360/40 搬到一台标准机器上。',
  },
  'cp-67': {
    title: 'CP-67 在 360/67 上投入生产',
    summary: 'CP-67 是 CP-40 的重新实现，它运行的虚拟 360 投入日常生产使用。',
    detail:
      'CP/CMS 把它的虚拟机监控器叫作“控制程序”（Control Program）。它直接运行在硬件上，给每个客户机一台完整的 System/360，' +
      '也就是我们今天所说的 1 型（裸机型）虚拟机监控器。',
  },
  'hypervisor-in-print': {
    title: '“Hypervisor”一词见诸文献',
    summary: 'H. Katzan Jr. 在 AFIPS 会议论文中使用了这个词：监督程序之上的监督程序。',
    detail:
      '操作系统内核当时被称为“监督程序”（supervisor）；监督多个监督程序的软件就成了“hypervisor”。' +
      '这个词可能更早：有一种说法把它追溯到 1965 年为一台 IBM 360/65 编写的软件，那台机器与一台仿真的 7080 共享内存。',
  },
  'vm-370': {
    title: 'IBM 发布 VM/370',
    summary: 'IBM 为 System/370 重新实现了 CP-67，并以 VM/370 的名字出售。',
    detail:
      '研究项目变成了产品。它的后代 VM/ESA 和 z/VM 至今仍在 IBM 大型机上运行。' +
      '大多数虚拟机里运行的单用户系统 CMS 用 DIAGNOSE 指令向 CP 请求服务，这实际上就是超级调用，只是当时还没有这个名字。',
  },
  'ctss-retired': {
    title: 'CTSS 退役',
    summary: '服役十年后，MIT 关闭了 CTSS。',
    detail: '此时 Multics 以及 360/67 上的虚拟机已经把分时推进得远得多了。',
  },
  'pascal-p1': {
    title: '苏黎世联邦理工学院的 Pascal-P1',
    summary: 'Wirth 的团队发布了一个可移植的 Pascal 编译器，它为一台栈式机器生成 P-code。',
    detail:
      'Nori、Ammann、Jensen、Nägeli 和 Jacobi 用 Pascal 本身写出了 Pascal-P 编译器。要把 Pascal 带到一台新计算机上，只需写一个 P-code 解释器。',
  },
  'ucsd-pascal-started': {
    title: 'UCSD Pascal 起步',
    summary: 'Kenneth Bowles 在加州大学圣迭戈分校开始构建一个基于 P-code 的 Pascal 系统。',
    detail: 'Bowles 想要一个能在小型廉价计算机上用于教学的 Pascal 系统；P-code 解释器足够小，装得进这些机器。',
  },
  'pascal-p2': {
    title: 'Pascal-P2',
    summary: '第二版 Pascal-P 工具包，UCSD Pascal 就是在它的基础上构建的。',
    detail: 'P2 的 P-code 是 UCSD p-System 指令集的前身。',
  },
  'popek-goldberg': {
    title: 'Popek 与 Goldberg：机器什么时候可以虚拟化？',
    summary: '一篇 CACM 论文：如果每条敏感指令都是特权指令，这台机器就可以虚拟化。',
    detail:
      '《Formal Requirements for Virtualizable Third Generation Architectures》（CACM 17(7)）用三条性质定义虚拟机监控器：' +
      '等价性、资源控制和效率，并证明了在什么条件下“陷入并模拟”（trap-and-emulate）能够做到这三点。',
  },
  'pascal-s': {
    title: 'Wirth 的 Pascal-S',
    summary: '一个用于教学的小型 Pascal 子集，配有紧凑的编译器和解释器。',
    detail: 'Pascal-S 把程序编译成一台简单栈式机器的代码再解释执行：这正是第 2 章 P-code 实验的样子。',
  },
  'pascal-p4': {
    title: 'Pascal-P4',
    summary: '苏黎世联邦理工学院的第四版 Pascal-P 工具包。',
    detail: 'ETH 的 Pascal-P 工具包的第四版，也是最后一版；和前几版一样，它由一个用 Pascal 写成的编译器和一个待移植的 P-code 解释器组成。',
  },
  'ucsd-pascal-released': {
    title: 'UCSD Pascal 发布',
    summary: 'UCSD Pascal 首次发布；它基于 P-code 的操作系统后来被称为“UCSD p-System”。',
    detail: '因为程序是 P-code，同一份二进制文件可以在许多种微型计算机上运行。p-System 后来也提供给了最早的 IBM PC。',
  },
  'portable-c-compiler': {
    title: '可移植 C 编译器：不靠虚拟机的可移植性',
    summary: 'C 语言的移植靠为每种机器重定目标编译器（pcc），而不是运行在一台虚拟机上。',
    detail:
      'S. C. Johnson 的 pcc 很容易重定目标、移植到新的机器上，C 程序在每台计算机上都被编译成本机机器码。' +
      '这是源代码级的可移植性；P-code 和 Java 字节码则是二进制级的可移植性。',
  },
  chroot: {
    title: '第七版 Unix 中的 chroot()',
    summary: '可以给一个进程指定它自己的根目录：容器文件系统最古老的祖先。',
    detail:
      'chroot(2) 是 1979 年发布的第七版 Unix 中的第 61 号系统调用。它只改变“/”对一个进程的含义，别的什么都不隔离，root 用户还能逃出去。' +
      '容器在它之上加了命名空间和控制组，才把隔离做完整。',
  },
  'vmware-founded': {
    title: 'VMware 成立',
    summary: '一家出自斯坦福的初创公司着手虚拟化 x86，而单靠“陷入并模拟”是无法虚拟化这款处理器的。',
    detail: '它的创始人后来因 VMware Workstation 获得了 ACM 软件系统奖（2009 年）。',
  },
  hotspot: {
    title: 'Java HotSpot',
    summary: '一个会分析字节码执行情况、把热点编译成本机代码的 JVM。',
    detail:
      '最初作为 Java 1.2 的附加组件发布，从 1.3 起成为默认 JVM。HotSpot 这样的即时编译器在一个进程内部翻译字节码（进程虚拟机）；' +
      '虚拟机监控器的二进制翻译器改写的则是真实的指令集，连客户机内核也包括在内。',
  },
  'vmware-workstation': {
    title: 'VMware Workstation 1.0',
    summary: '借助动态二进制翻译，未经修改的 x86 操作系统可以运行在虚拟机里。',
    detail:
      '单靠“陷入并模拟”无法虚拟化 x86。VMware 让用户态代码直接运行，而把客户机内核代码即时改写，把那些麻烦的指令替换成安全的指令序列。',
  },
  'robin-irvine': {
    title: '为什么 x86 不满足 Popek 与 Goldberg 的条件',
    summary: 'Robin 和 Irvine 找出了 17 条敏感但非特权的奔腾指令。',
    detail:
      '例如，POPF 在用户态下会悄悄忽略中断标志位，而不是陷入，于是监控器永远不知道客户机关闭了中断。这篇论文发表于 USENIX Security 2000。',
  },
  'linux-vserver': {
    title: 'Linux-VServer',
    summary: 'Jacques Gélinas 开始编写一个内核补丁，把一个 Linux 划分成相互隔离的“虚拟专用服务器”。',
    detail: '后来由 Herbert Pötzl 维护。和所有容器一样，VServer 的客户环境共享宿主机内核。',
  },
  virtuozzo: {
    title: 'Virtuozzo',
    summary: 'SWsoft 发布 Virtuozzo 的第一个版本：面向 Linux 的商业操作系统级虚拟化。',
    detail: '托管服务商用它在一台物理机上出售许多台“虚拟服务器”。它的核心后来以 OpenVZ 的名义开源。',
  },
  denali: {
    title: 'Denali 提出“半虚拟化”',
    summary: 'Denali 隔离内核在 x86 上运行成千上万台小型虚拟机，它提供给客户机的虚拟体系结构有意与真实硬件不同。',
    detail:
      '华盛顿大学的 Whitaker、Shaw 和 Gribble（OSDI 2002）有意修改客户机看到的机器，放弃运行未修改操作系统的能力，换取规模、速度和简单，' +
      '并把这种做法称为半虚拟化（para-virtualization）。一年后的 Xen 论文引用了它。这个思路本身更早：VM/370 上的 CMS 就用 DIAGNOSE 调用 CP。',
  },
  xen: {
    title: 'Xen and the Art of Virtualization',
    summary: '剑桥大学在 SOSP 上发表 Xen，让半虚拟化成为主流：修改过的客户机内核通过超级调用（hypercall）调用虚拟机监控器。',
    detail:
      'Xen 不再对客户机隐瞒自己，而是请客户机内核配合：修改过的内核（包括 Linux）用超级调用取代特权指令。' +
      '这个名称和做法来自 Denali（2002），Xen 的论文引用了它；Xen 开源，又能高速运行完整的 Linux 客户机，是它让半虚拟化流行开来。',
  },
  'amd-pacifica': {
    title: 'AMD 发布“Pacifica”',
    summary: 'AMD 公布了它的虚拟化扩展，后来命名为 AMD-V（SVM）。',
    detail: '两家 x86 厂商此时都在竞相用硬件让自己的处理器满足 Popek 与 Goldberg 的要求。',
  },
  'solaris-zones-beta': {
    title: 'Solaris Zones 公开测试',
    summary: 'Sun 在 Solaris 10 build 51 中预览 Zones：同一个 Solaris 内核上的隔离环境。',
    detail: 'Zones 把独立的文件系统根、进程与网络隔离以及资源控制结合在一起，比 Linux 凑齐这些部件早了好几年。',
  },
  openvz: {
    title: 'OpenVZ',
    summary: 'SWsoft 把 Virtuozzo 的核心以 OpenVZ 的名义开源。',
    detail: 'OpenVZ 需要自己打过补丁的内核；主线 Linux 在随后几年里才陆续有了类似的基础部件（命名空间、控制组）。',
  },
  'xen-3': {
    title: 'Xen 3.0 运行未修改的客户机',
    summary: '在 Intel 新推出的 VT-x 处理器上，Xen 增加了无需修改内核的 HVM 客户机。',
    detail:
      'Xen 3.0 于 2005 年底发布，当时只有 Intel 的 VT-x 上市；AMD 的处理器在 2006 年 5 月上市之后，Xen 才支持 AMD-V。' +
      '从此，“半虚拟化”越来越多地指 I/O 方面的半虚拟化驱动，而 CPU 则由硬件来虚拟化。',
  },
  'solaris-10': {
    title: 'Solaris 10 随 Zones 发布',
    summary: 'Zones 正式发布；一个系统最多支持 8192 个区域。',
    detail: 'Oracle 的文档写明上限是每个系统 8192 个区域；实际能跑多少取决于工作负载。',
  },
  'intel-vt-x': {
    title: 'Intel VT-x 上市',
    summary: '第一批带 VT-x 的奔腾 4（型号 662 和 672）增加了 VMX root 与 non-root 两种模式。',
    detail:
      '客户机内核可以在 non-root 模式下运行于特权级 0；敏感操作会触发“VM exit”，交给虚拟机监控器处理。' +
      '“陷入并模拟”终于在 x86 上行得通了，不再需要二进制翻译。',
  },
  hadoop: {
    title: 'Hadoop 从 Nutch 中分离',
    summary: 'Doug Cutting 的分布式存储和 MapReduce 代码成为一个独立的 Lucene 子项目。',
    detail: 'Hadoop 让计算在廉价机器组成的集群上向数据靠拢；后来云平台按小时出租这样的集群。',
  },
  'amd-v': {
    title: 'AMD-V 上市',
    summary: '第一批带 SVM 的 AMD 处理器：面向 AM2 插槽的 Athlon 64、X2 和 FX。',
    detail: 'AMD 版的 VT-x：虚拟机监控器用 VMRUN 运行客户机，并在拦截（intercept）发生时重新取得控制权。',
  },
  'ec2-beta': {
    title: 'Amazon EC2 公开测试',
    summary: '按小时租一台虚拟机：EC2 开放有限的公开测试，底层运行 Xen。',
    detail: '虚拟化成了像水电一样的公共服务。EC2 在 Xen 上运行了十多年；从 2017 年起，新的实例类型改用基于 KVM 的 Nitro 虚拟机监控器。',
  },
  'nested-paging': {
    title: '嵌套页表（AMD NPT、Intel EPT）',
    summary: '由硬件用第二级页表把客户机物理地址映射到宿主机物理地址。',
    detail:
      '在此之前，虚拟机监控器要维护“影子”页表，让它与客户机的每一次页表修改保持同步，代价是大量的 VM exit。' +
      'AMD 率先推出嵌套分页（10h 家族的 Opteron）；Intel 随后在 Nehalem 中推出 EPT。',
  },
  'kvm-merged': {
    title: 'KVM 并入 Linux 2.6.20',
    summary: 'Avi Kivity 的基于内核的虚拟机（KVM）把 Linux 本身变成了虚拟机监控器。',
    detail: 'KVM 由一对内核模块组成：kvm.ko，加上 kvm-intel.ko 或 kvm-amd.ko。它依靠 VT-x 或 AMD-V 实现全虚拟化；仿真设备由 QEMU 提供。',
  },
  cgroups: {
    title: '控制组进入主线 Linux',
    summary: 'Linux 2.6.24 可以把进程分组，并限制和统计它们使用的 CPU、内存和 I/O。',
    detail: '有了命名空间（进程号、挂载点、网络等的私有视图）和控制组（资源限制），Linux 就有了容器的两半。',
  },
  'hadoop-top-level': {
    title: 'Hadoop 成为 Apache 顶级项目',
    summary: '在普通商用服务器集群上处理大数据成为主流。',
    detail: '在租来的虚拟机上运行这样的集群，成了典型的云计算负载。',
  },
  virtio: {
    title: 'virtio',
    summary: 'Rusty Russell 提出一种通用的半虚拟化 I/O 接口：客户机和宿主机共享的 virtqueue。',
    detail: '不再逐个寄存器地仿真一块真实的网卡，而是让客户机驱动和虚拟机监控器通过环形缓冲区交换数据。KVM、lguest 等都采用了它。',
  },
  lxc: {
    title: 'LXC 0.1',
    summary: 'LXC 首次发布：用主线内核的命名空间和控制组构建容器，无需内核补丁。',
    detail: 'LXC 本身就是容器项目之一，而不是它们之下的某个“层次”。Docker 直到 2014 年都用它作为执行驱动。',
  },
  openstack: {
    title: 'OpenStack 发布',
    summary: 'Rackspace 和 NASA 在 OSCON 上发布 OpenStack：一个由 NASA 的 Nova 和 Rackspace 的 Swift 组成的开源云平台。',
    detail: '第一次设计峰会在一周前（7 月 13—14 日）于奥斯汀召开。它的计算服务 Nova 通过 libvirt 驱动 KVM 等虚拟机监控器。',
  },
  docker: {
    title: 'Docker 亮相 PyCon',
    summary: 'dotCloud 的 Solomon Hykes 演示了 Docker；同月它被开源。',
    detail: 'Docker 借助镜像和镜像仓库，让构建、分发和运行容器变得简单。它最初的底层是 LXC。',
  },
  libcontainer: {
    title: 'Docker 0.9 改用 libcontainer',
    summary: 'Docker 不再通过 LXC，而是直接调用命名空间和控制组。',
    detail: 'Docker 1.10 彻底去掉了对 LXC 的支持。libcontainer 后来成了 runc 的核心。',
  },
  'aws-nitro': {
    title: 'AWS Nitro',
    summary: 'C5 是第一批运行在完整 Nitro 系统上的实例，宿主机上是一层精简的、基于 KVM 的虚拟机监控器。',
    detail: 'Nitro 把网络、存储和管理功能移到专用的板卡上，宿主机上只留下一层基于 KVM 的轻薄虚拟机监控器。按 AWS 的说法，2018 年初以来推出的所有实例都运行在 Nitro 系统上；裸金属实例有 Nitro 板卡，但没有虚拟机监控器。',
  },
  'centos-7-eol': {
    title: 'CentOS Linux 7 生命周期结束',
    summary: '第 7 章所用的平台不再获得更新；它的软件包被移入 vault 归档库。',
    detail:
      '用 KVM 加网桥的做法依然能让你学会一台 Linux 宿主机怎样做虚拟化；但新机器请使用仍在维护的 EL 8 或 9（RHEL、AlmaLinux、Rocky Linux）和 NetworkManager。',
  },
};

/** An event's title, summary and detail in Chinese (undefined for an event the timeline does not have). */
export function chineseEventText(event: TimelineEvent): EventText | undefined {
  return Object.hasOwn(zhEventTexts, event.id) ? zhEventTexts[event.id as TimelineEventId] : undefined;
}
