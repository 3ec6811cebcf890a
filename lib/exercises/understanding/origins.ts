import type { ChapterUnderstanding } from './understanding-question.ts';

export const originsUnderstanding: ChapterUnderstanding = {
  chapter: 'origins',
  questions: [
    {
      id: 'three-pioneers',
      question: {
        en: 'CTSS, Atlas and the M44/44X are often named together as the first uses of virtualization. Which of them ran virtual machines, and what did each of the other two contribute instead?',
        'zh-CN': 'CTSS、Atlas 和 M44/44X 常被并称为最早的虚拟化。其中哪一个运行过虚拟机？另外两个各自贡献了什么？',
      },
      answer: {
        en: 'Only the M44/44X simulated several machines (7044s), and only partially. CTSS contributed time-sharing: many users sharing one operating system, protected by a supervisor. Atlas contributed virtual memory through paging (its one-level store). Both give a program an illusion, but neither gives it a machine of its own.',
        'zh-CN': '只有 M44/44X 模拟了多台机器（7044），而且只是部分模拟。CTSS 的贡献是分时：许多用户共用一个操作系统，由监督程序（supervisor）加以保护。Atlas 的贡献是以分页实现的虚拟内存（“单级存储”）。二者都给程序造了一种假象，但都没有给程序一台属于它自己的机器。',
      },
    },
    {
      id: 'system-or-process-vm',
      question: {
        en: 'Classify each as a system virtual machine or a process virtual machine, and say why: CP-67, the Java virtual machine, the P-machine of chapter 2, KVM, QEMU running one ARM program on an x86 Linux host (`qemu-arm ./prog`).',
        'zh-CN': '下面各是系统虚拟机还是进程虚拟机？说明理由：CP-67、Java 虚拟机、第 2 章的 P 机、KVM、在 x86 Linux 主机上运行单个 ARM 程序的 QEMU（`qemu-arm ./prog`）。',
      },
      answer: {
        en: 'CP-67 and KVM make system virtual machines: each guest gets a whole computer, privileged instructions and devices included, and runs a complete operating system. The JVM, the P-machine and `qemu-arm` are process virtual machines: each exists for one program, lives as long as that program runs, and offers it an instruction set and a few services, not a machine an operating system could boot on. (QEMU can also emulate a whole system, `qemu-system-arm`; then it makes a system virtual machine.)',
        'zh-CN': 'CP-67 和 KVM 提供的是系统虚拟机：每个客户机得到一整台计算机，包括特权指令和设备，可以运行完整的操作系统。Java 虚拟机、P 机和 `qemu-arm` 是进程虚拟机：它们只为一个程序而存在，随程序启动而生、随程序结束而亡，提供的是一套指令集和少量服务，而不是一台能引导操作系统的机器。（QEMU 也能模拟整台机器，即 `qemu-system-arm`，这时它提供的就是系统虚拟机。）',
      },
    },
    {
      id: 'trap-on-io',
      question: {
        en: 'Under CP-67 a guest operating system runs in problem state. Follow what happens when it executes an instruction that starts an I/O operation. Why could the guest not simply be run in supervisor state instead?',
        'zh-CN': '在 CP-67 下，客户机操作系统运行在目态（problem state）。它执行一条启动 I/O 的指令时会发生什么？为什么不干脆让客户机运行在管态（supervisor state）？',
      },
      answer: {
        en: 'The instruction is privileged, so in problem state the processor does not execute it but traps (a program interrupt) to CP. CP decodes what the guest wanted, performs it on that guest’s virtual devices (for example a minidisk that is a slice of a real disk), and resumes the guest after the instruction as if it had run. In supervisor state the guest’s I/O instruction would drive the real device directly: it could read or overwrite other guests’ data and CP would lose control, breaking isolation (resource control).',
        'zh-CN': '这条指令是特权指令，处理器在目态下不执行它，而是产生陷入（程序中断），转到 CP。CP 解读客户机想做什么，在该客户机的虚拟设备上完成这一操作（比如一块由真实磁盘切出来的小磁盘），然后从这条指令之后恢复客户机，就像指令已经执行过一样。如果客户机运行在管态，它的 I/O 指令就会直接驱动真实设备，可以读取甚至覆盖其他客户机的数据，CP 也就失去了控制，隔离（资源控制）随之失效。',
      },
    },
    {
      id: 'hypervisor-beneath',
      question: {
        en: 'The source article defines a hypervisor as “an operating system that can run on other operating systems”. Correct the definition in one sentence. Then place VMware Workstation and KVM: does either make the article’s picture right?',
        'zh-CN': '原文把 hypervisor 定义为“可以运行在其他操作系统之上的操作系统”。用一句话改正这个定义。再说说 VMware Workstation 和 KVM 各在什么位置：它们能让原文的说法成立吗？',
      },
      answer: {
        en: 'A hypervisor is the supervisor of the supervisors: it runs beneath the guest operating systems, creates their virtual machines and controls them. VMware Workstation is a hosted (type 2) hypervisor installed on an ordinary operating system, so it does run on top of one, but it is still the program that runs the guests, not one of them. KVM goes the other way: it turns the Linux kernel itself into the hypervisor. Neither makes the hypervisor a guest running on other operating systems.',
        'zh-CN': 'hypervisor 是“管理程序的管理程序”：它运行在客户机操作系统之下，为它们创建虚拟机并控制它们。VMware Workstation 是寄居式（第 2 类）hypervisor，装在一个普通操作系统上，确实运行在操作系统之上，但它仍然是运行客户机的那个程序，而不是客户机之一。KVM 则反过来，把 Linux 内核本身变成了 hypervisor。两者都没有让 hypervisor 变成运行在别的操作系统之上的客户机。',
      },
    },
    {
      id: 'diagnose-hypercall',
      question: {
        en: 'CMS, running in a VM/370 virtual machine, asks CP for services with `DIAGNOSE`. What does that give up, compared with a guest that is fully fooled by trap-and-emulate, and what does it gain?',
        'zh-CN': '运行在 VM/370 虚拟机里的 CMS 用 `DIAGNOSE` 指令请求 CP 提供服务。与被陷入并模拟完全“蒙在鼓里”的客户机相比，这样做放弃了什么，又得到了什么？',
      },
      answer: {
        en: 'It gives up equivalence: CMS no longer runs unchanged on a real machine, where `DIAGNOSE` means something else (the machine’s diagnostics); it only works under CP. In exchange, one explicit request replaces many trapped privileged instructions that CP would otherwise have to decode and emulate one by one, so I/O and other services are simpler and faster. That trade is para-virtualization, and `DIAGNOSE` is a hypercall in all but name.',
        'zh-CN': '它放弃了等价性：CMS 不能原封不动地在真实机器上运行，因为在真机上 `DIAGNOSE` 的含义完全不同（执行机器诊断），它只能在 CP 下工作。换来的是：一次明确的请求取代了许多条要被陷入、再由 CP 逐条解读和模拟的特权指令，I/O 等服务因此更简单、更快。这种取舍就是半虚拟化，`DIAGNOSE` 实际上就是超级调用（hypercall），只是当时还没有这个名字。',
      },
    },
    {
      id: 'why-x86-came-back',
      question: {
        en: 'Virtualization was a mainframe idea for twenty-five years. Why did it come back on cheap x86 servers at the end of the 1990s, when each application could simply get a machine of its own?',
        'zh-CN': '虚拟化在大型机上沉寂了二十五年。到 20 世纪 90 年代末，每个应用都可以有自己的一台廉价 x86 服务器，为什么虚拟化反而在 x86 上卷土重来？',
      },
      answer: {
        en: 'Because “a machine of its own” was exactly the problem. Applications got a server each for isolation, since the operating systems of the day isolated them poorly, and most of those servers sat nearly idle while each still cost power, space, cooling and administration. Virtual machines keep the isolation (each application still has its own operating system) while several of them share one physical server: server consolidation, which raises the hardware’s utilization. Once servers were virtual machines, moving them between hosts and, later, renting them as a cloud followed.',
        'zh-CN': '恰恰因为“每个应用一台机器”成了问题。当时的操作系统隔离应用的能力很弱，于是每个应用独占一台服务器；这些服务器大多数时间几乎空闲，却照样消耗电力、机房空间、制冷和运维人力。虚拟机保留了隔离（每个应用仍有自己的操作系统），又让多台虚拟机共享一台物理服务器，这就是服务器整合，它提高了硬件资源的利用率。服务器一旦成了虚拟机，在主机之间迁移它们、后来再把它们作为云出租，也就顺理成章了。',
      },
    },
    {
      id: 'sensitive-not-privileged',
      question: {
        en: 'An instruction reads the processor’s current mode and, in user mode, simply returns “user” without trapping. Is it sensitive, privileged, or both? What does it do to a monitor built by trap-and-emulate?',
        'zh-CN': '某条指令读取处理器的当前模式，在用户态下不产生陷入，直接返回“用户态”。它是敏感指令、特权指令，还是两者都是？它对一个靠陷入并模拟构建的监控器有什么影响？',
      },
      answer: {
        en: 'It is sensitive (it reads the machine’s configuration) but not privileged (it does not trap). A guest kernel, deprivileged by the monitor, runs it and sees “user” although it believes it runs in supervisor mode, and the monitor never gets the chance to give the virtual answer. Equivalence breaks: the machine fails Popek and Goldberg’s condition that every sensitive instruction be privileged, and trap-and-emulate alone cannot hide the truth from the guest. (Chapter 4 develops this with the x86’s `POPF`.)',
        'zh-CN': '它是敏感指令（读取了机器的配置），却不是特权指令（不会陷入）。被监控器降了权的客户机内核执行它时，会读到“用户态”，尽管它以为自己运行在管态；监控器根本没有机会返回虚拟的答案。等价性因此被破坏：这台机器不满足 Popek 和 Goldberg 的条件（所有敏感指令都是特权指令），仅靠陷入并模拟无法向客户机隐瞒真相。（第 4 章以 x86 的 `POPF` 为例展开讨论。）',
      },
    },
  ],
};
