import type { ChapterUnderstanding } from './understanding-question.ts';

export const containersUnderstanding: ChapterUnderstanding = {
  chapter: 'containers',
  questions: [
    {
      id: 'two-chat-programs',
      question: {
        en: 'Two containers each run the same chat program. How many processes does the host\'s `ps` show for them, and why can the program\'s code still be in memory only once?',
        'zh-CN': '两个容器各运行同一个聊天程序。宿主机上的 `ps` 会为它们列出几个进程？为什么程序的代码仍然可以在内存里只有一份？',
      },
      answer: {
        en: 'Two: each container\'s program is an ordinary host process with its own host PID (and a second PID inside its PID namespace). The code is shared through the page cache: when both containers start from the same image, both processes map the same file, and the kernel keeps one copy of its pages.',
        'zh-CN': '两个：每个容器里的程序都是宿主机上一个普通的进程，有自己的宿主机 PID（在它的 PID 命名空间里还有另一个 PID）。代码是通过页缓存共享的：两个容器从同一个镜像启动时，两个进程映射的是同一个文件，内核只保留一份它的页。',
      },
    },
    {
      id: 'oom-in-group',
      question: {
        en: 'Why did the memory limit in step 7 kill only the `awk` program, and not the shell or anything else in the lab VM?',
        'zh-CN': '第 7 步的内存限制为什么只杀掉了 `awk` 程序，而没有杀掉 shell 或实验虚拟机里别的进程？',
      },
      answer: {
        en: 'The limit belongs to the cgroup `hog`, whose `memory.max` was 16 MiB. When that group reaches its limit and nothing can be reclaimed, the kernel\'s OOM killer chooses its victim inside the group that hit the limit, and `awk` was the process using the memory there. The rest of the machine was never short of memory.',
        'zh-CN': '这个限制属于控制组 `hog`，它的 `memory.max` 是 16 MiB。这个组达到上限、又没有内存可以回收时，内核的 OOM 杀手只在触及上限的这个组里挑选进程，而组里占用内存的正是 `awk`。机器的其余部分从来没有缺过内存。',
      },
    },
    {
      id: 'which-kernel',
      question: {
        en: 'A container\'s `/etc/os-release` says “Other Linux 2.0”. Which kernel does it run, and how would you check?',
        'zh-CN': '一个容器的 `/etc/os-release` 写着 “Other Linux 2.0”。它运行的是哪个内核？怎样验证？',
      },
      answer: {
        en: 'The host\'s kernel: a container has no kernel of its own, only another root filesystem. `uname -r` prints the same release inside and outside the container.',
        'zh-CN': '宿主机的内核：容器没有自己的内核，只是换了一个根文件系统。在容器里外分别运行 `uname -r`，打印出的版本号相同。',
      },
    },
    {
      id: 'vm-own-kernel',
      question: {
        en: 'Why does the lab VM, unlike the containers inside it, have a kernel of its own?',
        'zh-CN': '为什么实验虚拟机有自己的内核，而它里面的容器没有？',
      },
      answer: {
        en: 'The lab VM is a whole emulated PC: v86 emulates the processor and the devices, and Debian\'s 32-bit kernel boots on that machine, independent of the kernel of the computer running the browser. The containers are groups of processes on that guest kernel.',
        'zh-CN': '实验虚拟机是一台完整的模拟 PC：v86 模拟了处理器和设备，Debian 的 32 位内核就在这台机器上启动，和运行浏览器的那台计算机的内核毫无关系。容器则是这个客户机内核上的几组进程。',
      },
    },
    {
      id: 'what-a-vm-isolates',
      question: {
        en: 'What does a virtual machine isolate that a container does not, and what does that extra isolation cost?',
        'zh-CN': '虚拟机能隔离而容器隔离不了的是什么？这份额外的隔离要付出什么代价？',
      },
      answer: {
        en: 'The kernel. All containers share the host\'s kernel, so a kernel bug or exploit reached from one container affects the host and every other container, and a container cannot run another kernel or operating system family. A VM has its own kernel; what it shares with other VMs is the much narrower interface of the hypervisor and its virtual devices. The cost is memory and time: every VM pays for a guest kernel, its services and its page cache, and boots an operating system before it does useful work, so fewer fit on a host.',
        'zh-CN': '内核。所有容器共享宿主机的内核，从一个容器触发的内核缺陷或漏洞利用会波及宿主机和其他所有容器，容器也不能运行别的内核或别的操作系统家族。虚拟机有自己的内核，它和其他虚拟机共享的只是虚拟机监控器及其虚拟设备这一窄得多的接口。代价是内存和时间：每台虚拟机都要为客户机内核、系统服务和页缓存付出内存，做正事之前还要先启动一个操作系统，所以一台宿主机能放下的虚拟机更少。',
      },
    },
    {
      id: 'pid-one-signals',
      question: {
        en: 'In step 2 the container is ended with `kill -KILL`. Why would `kill -TERM` from the host not have stopped the container\'s PID 1?',
        'zh-CN': '第 2 步用 `kill -KILL` 结束容器。为什么从宿主机发 `kill -TERM` 停不下容器里的 1 号进程？',
      },
      answer: {
        en: 'The kernel protects a PID namespace\'s init as it protects a real init: signals for which it has installed no handler are ignored, even when they come from the host. Only `SIGKILL` and `SIGSTOP`, sent from an ancestor namespace, are always delivered. The container\'s PID 1 (`sleep`) has no handler for `SIGTERM`, so `TERM` does nothing.',
        'zh-CN': '内核像保护真正的 init 一样保护 PID 命名空间里的 init：它没有安装处理函数的信号一律被忽略，即使信号来自宿主机。只有从祖先命名空间发来的 `SIGKILL` 和 `SIGSTOP` 一定会送达。容器的 1 号进程（`sleep`）没有处理 `SIGTERM` 的函数，所以 `TERM` 不起作用。',
      },
    },
    {
      id: 'pivot-root-not-chroot',
      question: {
        en: 'Why do container runtimes use `pivot_root` in a new mount namespace instead of `chroot`?',
        'zh-CN': '为什么容器运行时在新的挂载命名空间里用 `pivot_root`，而不用 `chroot`？',
      },
      answer: {
        en: '`chroot` only changes where path lookups start for one process; the host\'s filesystem is still mounted, and a root process can climb out (for example with another `chroot` and `..`, or a directory it kept open). `pivot_root` makes the new filesystem the root of the whole mount namespace and moves the old root to a directory, which can then be unmounted, so nothing of the host\'s filesystem is left to reach.',
        'zh-CN': '`chroot` 只是改变一个进程查找路径的起点，宿主机的文件系统仍然挂载着，有 root 权限的进程可以爬出去（比如再做一次 `chroot` 后走 `..`，或者利用事先打开的目录）。`pivot_root` 让新的文件系统成为整个挂载命名空间的根，把旧的根移到一个目录下，随后可以卸载掉，宿主机的文件系统就没有任何部分还能访问到了。',
      },
    },
    {
      id: 'hadoop-without-vms',
      question: {
        en: 'The article says virtualization gave birth to big data. Does Hadoop need virtualization? What is the real connection between the two?',
        'zh-CN': '原文说虚拟化催生了大数据。Hadoop 需要虚拟化吗？两者之间真正的联系是什么？',
      },
      answer: {
        en: 'No. Hadoop was built for clusters of commodity machines, usually physical: HDFS stores blocks on the disks of the machines that compute, and MapReduce sends the work to where the data is. Virtualization can even get in the way of that locality. The connection is economic: both rely on many cheap machines, and a cloud is a convenient place to rent a Hadoop cluster for a few hours (Amazon EMR, for example). The cloud made big data easier to rent; it did not create it.',
        'zh-CN': '不需要。Hadoop 是为普通商用机器组成的集群设计的，这些机器通常是物理机：HDFS 把数据块存在负责计算的机器的磁盘上，MapReduce 把计算送到数据所在的地方。虚拟化甚至可能妨碍这种数据本地性。两者的联系在经济上：都依赖大量廉价机器，而云是临时租一个 Hadoop 集群用几个小时的方便去处（比如 Amazon EMR）。云让大数据更容易租用，但大数据并不是它催生的。',
      },
    },
  ],
};
