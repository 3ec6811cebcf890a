import type { ChapterUnderstanding } from './understanding-question.ts';

export const memoryAndDevicesUnderstanding: ChapterUnderstanding = {
  chapter: 'memory-and-devices',
  questions: [
    {
      id: 'hidden-fault',
      question: {
        en: 'Under shadow paging, a guest touches a page that its own page tables map, and the processor raises a page fault. What is this fault, who handles it, and what does the guest see?',
        'zh-CN': '在影子页表下，客户机访问一个它自己的页表已经映射了的页，处理器却报了缺页。这是一种什么缺页？由谁处理？客户机看到了什么？',
      },
      answer: {
        en: 'It is a hidden page fault: the guest\'s tables allow the access, but the shadow table the processor really walks has no entry for it yet. The monitor takes the fault as a VM exit, walks the guest\'s tables in software, fills in the shadow entry with the host-physical address (in effect a TLB fill), and resumes the guest, which never sees a fault. Only when the guest\'s own tables do not allow the access is it a true fault, which the monitor reflects into the guest\'s page-fault handler.',
        'zh-CN': '这是一次隐藏缺页：客户机自己的页表允许这次访问，但处理器真正遍历的影子页表里还没有对应的表项。监控器以 VM exit 的形式接住它，用软件遍历客户机的页表，把宿主机物理地址填进影子表项（实际上相当于一次 TLB 填充），然后让客户机继续运行；客户机根本看不到这次缺页。只有当客户机自己的页表也不允许这次访问时，才是真正的缺页，监控器把它转交给客户机的缺页处理程序。',
      },
    },
    {
      id: 'shadow-fork',
      question: {
        en: 'Why does a workload that starts many short-lived processes (fork, exec, demand paging) run slowly under shadow paging, yet at almost native speed under nested paging?',
        'zh-CN': '为什么频繁创建短命进程（fork、exec、按需调页）的负载在影子页表下跑得慢，在嵌套分页下却几乎和原生一样快？',
      },
      answer: {
        en: 'Such a workload keeps writing page tables and switching address spaces. Under shadow paging the monitor must keep the shadow consistent with the guest\'s tables, so it write-protects them: each write to a guest page table exits to the monitor, which emulates it and updates the shadow; each `mov` to CR3 exits too, and a new address space starts with an empty shadow that fills through hidden faults. Under nested paging the guest owns its page tables and CR3: it writes them without any exit, and the hardware translates guest-physical to host-physical through the host\'s tables, which do not change when the guest\'s do.',
        'zh-CN': '这类负载不停地改写页表、切换地址空间。在影子页表下，监控器必须让影子页表与客户机的页表保持一致，所以要把客户机页表设为写保护：每写一次客户机页表就退出到监控器，由它模拟这次写入并更新影子；每次 `mov` 到 CR3 也要退出；新的地址空间从一张空的影子页表开始，靠一次次隐藏缺页慢慢填满。在嵌套分页下，页表和 CR3 都归客户机自己管，改写它们不会引起退出；硬件再通过宿主机的页表把客户机物理地址翻译成宿主机物理地址，而客户机改页表时宿主机的页表并不跟着变。',
      },
    },
    {
      id: 'why-24',
      question: {
        en: 'With 4-level guest tables and 4-level EPT, one TLB miss can cost 24 memory references instead of 4. Where do the 24 come from, and what makes real processors pay far fewer on average?',
        'zh-CN': '客户机页表和 EPT 都是 4 级时，一次 TLB 未命中可能要访问 24 次内存，而不是 4 次。这 24 次是怎么来的？真实的处理器靠什么让平均代价小得多？',
      },
      answer: {
        en: 'Each of the 4 guest page-table entries lives at a guest-physical address, which the hardware must first translate with a 4-reference walk of the host\'s tables, and then read: 4 × (4 + 1) = 20; the final guest-physical address of the data needs one more host walk of 4, so 24 = (4+1)(4+1) − 1. Bhargava et al. showed that caching the upper levels of both walks (a page-walk cache extended to the nested dimension), a nested TLB of guest-physical to host-physical translations, and large pages (each ends its dimension\'s walk a level early) remove most of these references; a larger TLB reach means fewer walks in the first place.',
        'zh-CN': '4 个客户机页表项都位于客户机物理地址上，硬件要先用 4 次访问遍历宿主机的页表把地址翻译出来，再读这个表项：4 × (4 + 1) = 20；数据最终的客户机物理地址还要再遍历一次宿主机页表，又是 4 次，所以 24 = (4+1)(4+1) − 1。Bhargava 等人的研究表明，缓存两个维度的上层页表项（扩展到嵌套维度的页表遍历缓存）、缓存客户机物理地址到宿主机物理地址的嵌套 TLB、以及使用大页（每个大页都让所在维度的遍历提前一级结束），能省掉其中的大部分访问；TLB 覆盖的范围变大，需要遍历的次数本身也就少了。',
      },
    },
    {
      id: 'vpid',
      question: {
        en: 'What problem do Intel\'s VPIDs and AMD\'s ASIDs solve, and which workloads gain the most from them?',
        'zh-CN': 'Intel 的 VPID 和 AMD 的 ASID 解决的是什么问题？哪些负载从中获益最多？',
      },
      answer: {
        en: 'Without a tag, the processor cannot tell whose translations a TLB entry holds, so every VM entry and VM exit must flush the TLB (Intel SDM: without VPIDs, transitions flush it). A tag per virtual processor (VPID) or per address space (ASID) lets the guest\'s and the host\'s entries live side by side, so after an exit the guest finds its translations still there. Workloads with many exits (I/O, interrupts, page-table writes under shadow paging) gain the most, since each exit otherwise costs a round of TLB misses, which under nested paging are the expensive two-dimensional walks.',
        'zh-CN': '没有标记时，处理器分不清一条 TLB 表项属于谁，所以每次 VM entry 和 VM exit 都必须刷新 TLB（Intel SDM：不使用 VPID 时，这些切换会刷新 TLB）。给每个虚拟处理器（VPID）或每个地址空间（ASID）打上标记，客户机和宿主机的表项就能同时留在 TLB 里，退出之后客户机回来还能找到自己的翻译。退出频繁的负载（I/O、中断、影子页表下的页表写入）获益最多，因为否则每次退出都要付出一轮 TLB 未命中，而在嵌套分页下，这些未命中正是代价高昂的二维遍历。',
      },
    },
    {
      id: 'balloon-why',
      question: {
        en: 'A host short of memory could simply page out some of a guest\'s memory itself. Why is inflating a balloon inside the guest usually better?',
        'zh-CN': '宿主机内存紧张时，完全可以自己把客户机的一部分内存换出。为什么在客户机里给气球充气通常更好？',
      },
      answer: {
        en: 'The host does not know which guest pages matter: it may page out pages the guest is about to use, or pages the guest would also page out (double paging), and the guest\'s own decisions then touch host-swapped memory. A balloon driver allocates pages inside the guest, so the guest\'s own memory manager chooses what to give up (free pages first, then cache, then swapping by its own policy); the driver tells the host which pages it holds, and the host reclaims them. Waldspurger introduced it in VMware ESX Server for exactly this reason; host paging remains the fallback when the balloon cannot inflate fast enough.',
        'zh-CN': '宿主机不知道客户机的哪些页重要：它可能换出客户机马上就要用的页，或者客户机自己也会换出的页（双重换页），而客户机再做决定时，又会碰到已被宿主机换出的内存。气球驱动在客户机内部申请内存页，于是由客户机自己的内存管理来决定放弃什么（先是空闲页，然后是缓存，再按它自己的策略换页）；驱动把它占住的页告诉宿主机，宿主机再把它们收回。Waldspurger 在 VMware ESX Server 里引入气球正是出于这个原因；气球来不及充气时，宿主机换页仍是后备手段。',
      },
    },
    {
      id: 'virtio-exits',
      question: {
        en: 'Why does a virtio device cost fewer VM exits per request than a fully emulated device, and what does vhost take away on top of that?',
        'zh-CN': '为什么 virtio 设备每个请求引起的 VM exit 比完全模拟的设备少？vhost 又在此基础上省掉了什么？',
      },
      answer: {
        en: 'An emulated device is programmed through its registers, so one request is many port or MMIO accesses, each a VM exit to the device model. A virtio driver instead puts buffers in a virtqueue in shared memory (descriptor table, available ring) and notifies the device once for a whole batch; the device can suppress notifications it does not need, and the driver can suppress interrupts the same way. With a userspace backend (QEMU) each notification still travels from the kernel to a user process; vhost moves the backend into the host kernel, with eventfds for the kick and the interrupt, so the data path no longer goes through the userspace device model.',
        'zh-CN': '模拟设备要通过寄存器来驱动，一个请求就是许多次端口或 MMIO 访问，每一次都是一次退出到设备模型的 VM exit。virtio 驱动则把缓冲区放进共享内存里的 virtqueue（描述符表、可用环），一整批请求只通知设备一次；设备可以关掉它不需要的通知，驱动也可以用同样的办法减少中断。使用用户态后端（QEMU）时，每次通知仍要从内核转到一个用户进程；vhost 把后端搬进宿主机内核，用 eventfd 传递通知和中断，数据通路就不再经过用户态的设备模型。',
      },
    },
    {
      id: 'precopy-diverges',
      question: {
        en: 'When does pre-copy live migration fail to converge, and what can a hypervisor do about it?',
        'zh-CN': '预拷贝热迁移在什么情况下无法收敛？虚拟机监控器可以怎么办？',
      },
      answer: {
        en: 'Each round resends the pages dirtied during the previous one, so the rounds shrink only while the guest dirties memory more slowly than the link sends it. When the dirty rate (more precisely, the writable working set) approaches or exceeds the bandwidth, the rounds stop shrinking and what is left never fits the allowed downtime. The hypervisor then stops iterating (Xen after a fixed number of rounds or when a round does not shrink) and accepts a long stop-and-copy; or slows the guest down (QEMU\'s auto-converge throttles the vCPUs); or switches to post-copy (Hines and Gopalan), which moves the CPU state first and fetches each page once on demand, at the risk that the guest depends on two hosts until the migration ends.',
        'zh-CN': '每一轮都要重发上一轮期间被弄脏的页，所以只有客户机弄脏内存的速度低于链路发送的速度，轮次才会越来越短。当脏页速率（准确地说是可写工作集）接近或超过带宽时，轮次不再缩短，剩下的内容永远无法在允许的停机时间内发完。这时监控器可以停止迭代（Xen 在达到固定轮数或某一轮不再缩短时停止），接受一次较长的停机拷贝；也可以让客户机慢下来（QEMU 的自动收敛会限制虚拟处理器的运行时间）；或者改用后拷贝（Hines 与 Gopalan）：先迁移处理器状态，每个页在被访问时按需取一次，代价是在迁移结束前客户机同时依赖两台主机。',
      },
    },
  ],
};
