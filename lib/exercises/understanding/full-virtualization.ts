import type { ChapterUnderstanding } from './understanding-question.ts';

export const fullVirtualizationUnderstanding: ChapterUnderstanding = {
  chapter: 'full-virtualization',
  questions: [
    {
      id: 'why-every-sensitive',
      question: {
        en: 'The 32-bit x86 had plenty of privileged instructions. Why was that not enough for trap-and-emulate, and what exactly goes wrong when a deprivileged guest kernel runs `POPF`?',
        'zh-CN': '32 位 x86 有不少特权指令。为什么这对陷入—模拟还不够？被降权运行的客户机内核执行 `POPF` 时，究竟出了什么问题？',
      },
      answer: {
        en: 'Popek and Goldberg require every sensitive instruction to be privileged, that is, to trap when run in user mode; having some privileged instructions is not enough. On x86, 17 sensitive instructions run silently in user mode. `POPF` in user mode loads the other flags but leaves the interrupt flag unchanged, without a trap. The guest kernel believes it has disabled interrupts, the monitor never hears of it and keeps delivering them, so the guest can be interrupted inside a critical section. Equivalence fails, and nothing reports it.',
        'zh-CN': 'Popek 和 Goldberg 的要求是：所有敏感指令都必须是特权指令，即在用户态执行时会陷入；只有一部分特权指令是不够的。x86 上有 17 条敏感指令在用户态下悄无声息地执行。用户态的 `POPF` 会装入其他标志位，却不改中断标志，也不陷入。客户机内核以为自己关了中断，监控器对此一无所知，照样投递中断，于是客户机可能在临界区里被打断。等价性被破坏了，而且没有任何一方察觉。',
      },
    },
    {
      id: 'bt-versus-pv',
      question: {
        en: 'Binary translation and para-virtualization both keep sensitive instructions out of the guest kernel\'s way. Compare them: who changes what, when, and what does each cost?',
        'zh-CN': '二进制翻译和半虚拟化都让客户机内核避开敏感指令。请比较两者：由谁、在什么时候、改动什么？各自的代价是什么？',
      },
      answer: {
        en: 'Binary translation is done by the monitor at run time, on the unmodified guest binary: kernel code is translated block by block into a cache, and sensitive instructions become calls into the monitor. It runs any guest, but costs a complex translator, memory and time for the translation cache, and traps for system calls from user code. Para-virtualization is done by the people porting the guest, in its source code, before it runs: sensitive operations become hypercalls or writes to shared memory, and I/O is batched. It is simple and fast for the monitor, but only guests whose source can be changed and maintained can use it.',
        'zh-CN': '二进制翻译由监控器在运行时完成，对象是未经修改的客户机二进制代码：内核代码按块翻译进缓存，敏感指令换成对监控器的调用。它能运行任何客户机，代价是翻译器复杂，翻译缓存要占内存和时间，而且用户态代码发起的系统调用仍要陷入。半虚拟化由移植客户机的人在运行之前完成，改的是源代码：敏感操作换成超级调用或对共享内存的写入，I/O 成批提交。对监控器来说它简单又快，但只有能改源代码、并且有人持续维护这些改动的客户机才用得上。',
      },
    },
    {
      id: 'first-vtx-slower',
      question: {
        en: 'Adams and Agesen found in 2006 that VMware\'s hardware-assisted monitor was often slower than its binary translator. How can hardware support make things slower, and what changed later?',
        'zh-CN': 'Adams 和 Agesen 在 2006 年发现，VMware 基于硬件辅助的监控器常常比它的二进制翻译器还慢。硬件支持怎么会让事情变慢？后来又有什么改变？',
      },
      answer: {
        en: 'On the first VT-x processors a VM exit and the following VM entry cost a great many cycles. A binary translator replaces a sensitive instruction with a few instructions that run in place, or a cheap call into the monitor, while hardware assist turns each such event into a full exit. Workloads with many exits (port I/O, page-table updates under shadow paging, since there was no EPT or NPT yet) therefore ran slower. Later processors made exits much cheaper and added EPT and NPT, which removed most page-table exits, and hardware assist became the default.',
        'zh-CN': '在第一代 VT-x 处理器上，一次 VM exit加上随后的 VM entry要花很多个周期。二进制翻译器把敏感指令换成几条就地执行的指令，或者一次廉价的监控器调用；硬件辅助则让每一个这样的事件都变成一次完整的退出。因此退出频繁的负载（端口 I/O，以及影子页表下的页表更新，当时还没有 EPT 或 NPT）反而更慢。后来的处理器大大降低了退出的开销，又加上了 EPT 和 NPT，省掉了大部分与页表有关的退出，硬件辅助才成为默认做法。',
      },
    },
    {
      id: 'io-exiting-off',
      question: {
        en: 'In the trap lab, switching off I/O exiting still lets the guest compute the right answer. Which of Popek and Goldberg\'s properties is broken, and why does it matter even though the answer is right?',
        'zh-CN': '在陷入实验里关掉 I/O 退出后，客户机照样算出了正确结果。这破坏了 Popek 和 Goldberg 的哪一条性质？既然结果是对的，这又有什么要紧？',
      },
      answer: {
        en: 'Resource control. Without I/O exiting the guest reads and writes real device ports directly, so the monitor no longer decides what the guest may touch. With one well-behaved guest the result happens to be correct, but a guest could now program a device that belongs to another guest or to the host, for example a disk controller, and the monitor could neither stop nor even notice it.',
        'zh-CN': '破坏的是资源控制。没有 I/O 退出，客户机直接读写真实的设备端口，能碰什么已经不由监控器说了算。只有一个守规矩的客户机时，结果碰巧是对的；但客户机现在可以去操作属于别的客户机或宿主机的设备，比如磁盘控制器，而监控器既拦不住，也察觉不到。',
      },
    },
    {
      id: 'measurement-without-exits',
      question: {
        en: 'The UART against virtio measurement runs in v86, which has no traps and no VM exits. What does it measure, then, and what would the same guest pay on top under KVM?',
        'zh-CN': '串口与 virtio 的对比测量运行在 v86 里，而 v86 既没有陷入，也没有 VM exit。那么它测的是什么？同一个客户机换到 KVM 上，还要额外付出什么？',
      },
      answer: {
        en: 'It measures the cost of emulating a device one register access at a time against handing it whole buffers: each byte through the 16550 leaves the guest\'s translated code for the device model and brings transmit interrupts back, while virtio pays that once per buffer. Under KVM the guest\'s other instructions would run natively, and each port access would add a VM exit and entry on top of the device model\'s work, a cost that is large next to native-speed computation. That makes per-access devices relatively even more expensive, which is why hypervisors give guests virtio.',
        'zh-CN': '它测的是逐个寄存器访问地模拟一个设备，与整块缓冲区交给设备，两者代价之差：经过 16550 的每个字节都要离开客户机翻译好的代码，进入设备模型，再带回发送中断；virtio 则每个缓冲区才付一次。换到 KVM 上，客户机的其他指令以原生速度运行，而每次端口访问除了设备模型的工作之外，还要多一次 VM exit和 VM entry，这和原生速度的计算比起来代价很大。于是逐次访问的设备相对而言更贵了，这正是虚拟机监控器要给客户机 virtio 设备的原因。',
      },
    },
    {
      id: 'who-invented-pv',
      question: {
        en: 'Why is it fair to say that Xen made para-virtualization mainstream, but not that Xen invented it?',
        'zh-CN': '为什么说 Xen 让半虚拟化成为主流是公允的，说 Xen 发明了半虚拟化却不对？',
      },
      answer: {
        en: 'The idea is older: on VM/370, CMS knew it ran in a virtual machine and called the control program CP with the `DIAGNOSE` instruction, a hypercall in all but name. The term and the approach of a deliberately modified virtual architecture come from Denali (Whitaker, Shaw and Gribble, OSDI 2002), which the Xen paper cites. Denali\'s guests were written for it; Xen (SOSP 2003) applied the approach to an existing commodity operating system, Linux, released it as open source, and so made it widely used.',
        'zh-CN': '这个想法出现得更早：在 VM/370 上，CMS 知道自己运行在虚拟机里，用 `DIAGNOSE` 指令调用控制程序 CP，这其实就是超级调用，只是没用这个名字。这个术语，以及有意修改虚拟体系结构的做法，来自 Denali（Whitaker、Shaw、Gribble，OSDI 2002），Xen 的论文也引用了它。Denali 的客户机是专门为它编写的；Xen（SOSP 2003）把这种做法用到了现成的通用操作系统 Linux 上，并开放了源代码，这才让它广泛流行。',
      },
    },
    {
      id: 'shadow-versus-ept',
      question: {
        en: 'Why were shadow page tables expensive for a monitor, and what did EPT and NPT change? Is there a price?',
        'zh-CN': '为什么影子页表对监控器来说开销很大？EPT 和 NPT 改变了什么？它们有没有代价？',
      },
      answer: {
        en: 'With shadow paging the monitor keeps its own tables that map guest-virtual addresses straight to host-physical ones, so it must intercept every change the guest makes to its own page tables (by write-protecting them) and many page faults, each an exit. EPT and NPT let the guest manage its own tables freely: the processor walks a second table, kept by the monitor, from guest-physical to host-physical addresses. The price is a longer walk on a TLB miss, since every level of the guest\'s table must itself be translated, which large pages and TLBs reduce.',
        'zh-CN': '用影子页表时，监控器自己维护一套把客户机虚拟地址直接映射到宿主机物理地址的页表，所以必须截获客户机对自身页表的每一次修改（办法是把那些页表设成写保护），还要处理大量缺页异常，每一次都是一次退出。有了 EPT 和 NPT，客户机可以随意管理自己的页表：处理器再走一张由监控器维护的表，把客户机物理地址转换成宿主机物理地址。代价是 TLB 未命中时的页表遍历变长了，因为客户机页表的每一级本身都要再转换一次；大页和更大的 TLB 可以减轻这一点。',
      },
    },
  ],
};
