// What a reader reads about each step of the container lab, in both editions: its title, what its
// output must show, and, for a step that leaves something in the VM, what its check looks for.
// Keyed by the step's id, so a step without its words does not compile.

import type { LocalizedText } from '../book/localized-text.ts';

export type ContainerStepId =
  | 'pid-inside'
  | 'pid-both-sides'
  | 'pid-running'
  | 'uts'
  | 'mount'
  | 'net-empty'
  | 'veth'
  | 'cgroup-oom'
  | 'chroot'
  | 'pivot-root'
  | 'script'
  | 'script-run'
  | 'the-vm'
  | 'measure';

export type ContainerStepWording = {
  /** The step's title. */
  title: LocalizedText;
  /** What the step expects to see, in words (shown with ✓ or ✗ beside the output). */
  expectation: LocalizedText;
  /** What the step's check (lib/lab-checks) looks for, when the step has one. */
  check?: LocalizedText;
};

export const containerStepWordings = {
  'pid-inside': {
    title: { en: 'A PID namespace, seen from inside', 'zh-CN': '从内部看一个 PID 命名空间' },
    expectation: { en: 'the shell inside is PID 1, and ps sees only the namespace’s processes', 'zh-CN': '里面的 shell 是 1 号进程，ps 只看得到这个命名空间里的进程' },
  },
  'pid-both-sides': {
    title: { en: 'The same process, seen from the host and from the container', 'zh-CN': '同一个进程，分别从宿主机和容器里看' },
    expectation: { en: 'the host sees the contained sleep as an ordinary PID, the container sees it as PID 1', 'zh-CN': '宿主机看到的 sleep 是一个普通的 PID，容器里看到的是 1 号进程' },
  },
  'pid-running': {
    title: { en: 'Leave a container running', 'zh-CN': '让一个容器一直运行' },
    expectation: { en: 'a shell that the host numbers as an ordinary PID is PID 1 in its own namespace', 'zh-CN': '一个 shell 在宿主机上是普通的 PID，在自己的命名空间里是 1 号进程' },
    check: {
      en: 'a shell is running as PID 1 of a PID namespace other than the host’s',
      'zh-CN': '有一个 shell 在宿主机之外的另一个 PID 命名空间里作为 1 号进程运行',
    },
  },
  'uts': {
    title: { en: 'A UTS namespace: a hostname of its own', 'zh-CN': 'UTS 命名空间：自己的主机名' },
    expectation: { en: 'the hostname changed inside the namespace only', 'zh-CN': '只有命名空间里的主机名变了' },
  },
  'mount': {
    title: { en: 'A mount namespace: its own /proc and mounts of its own', 'zh-CN': '挂载命名空间：自己的 /proc 和自己的挂载点' },
    expectation: { en: 'the namespace has its own /proc and an empty /srv; the host’s are unchanged', 'zh-CN': '命名空间里有自己的 /proc 和空的 /srv，宿主机上的没有变' },
  },
  'net-empty': {
    title: { en: 'A network namespace starts with nothing but loopback', 'zh-CN': '新的网络命名空间里只有回环接口' },
    expectation: { en: 'the host has eth0; the new network namespace has only lo, and it is down', 'zh-CN': '宿主机有 eth0；新的网络命名空间里只有 lo，而且没有启用' },
  },
  'veth': {
    title: { en: 'A veth pair: a cable from the host into the namespace', 'zh-CN': 'veth 对：从宿主机通到命名空间里的一根网线' },
    expectation: { en: 'veth-box is up inside box with 10.0.0.2, and both pings came back', 'zh-CN': 'box 里的 veth-box 已经启用，地址是 10.0.0.2，两个 ping 都有回应' },
    check: {
      en: 'the namespace box exists; veth-host has 10.0.0.1/24 on the host and veth-box 10.0.0.2/24 in box, both up; the host can ping 10.0.0.2',
      'zh-CN': '命名空间 box 存在；宿主机上的 veth-host 有 10.0.0.1/24，box 里的 veth-box 有 10.0.0.2/24，两端都已启用；宿主机能 ping 通 10.0.0.2',
    },
  },
  'cgroup-oom': {
    title: { en: 'A cgroup memory limit stops a memory hog', 'zh-CN': '控制组的内存上限制止了一个吃内存的进程' },
    expectation: { en: 'the memory hog was killed by the cgroup’s OOM killer (status 137, counted in memory.events)', 'zh-CN': '吃内存的进程被控制组的 OOM killer 杀掉了（状态 137，memory.events 里记了一笔）' },
    check: {
      en: 'the cgroup hog has memory.max 16 MiB, and its memory.events counts at least one OOM kill',
      'zh-CN': '控制组 hog 的 memory.max 是 16 MiB，它的 memory.events 里至少记了一次 OOM kill',
    },
  },
  'chroot': {
    title: { en: 'Another root filesystem with chroot: another distribution, the same kernel', 'zh-CN': '用 chroot 换一个根文件系统：另一个发行版，同一个内核' },
    expectation: { en: 'the chroot shows another distribution on the same kernel', 'zh-CN': 'chroot 里是另一个发行版，内核还是同一个' },
  },
  'pivot-root': {
    title: { en: 'pivot_root: swap the root, then let go of the old one', 'zh-CN': 'pivot_root：换掉根目录，再放开旧的根' },
    expectation: { en: 'after pivot_root and umount the old root is gone, and the host keeps its own', 'zh-CN': 'pivot_root 再卸载之后，旧的根不见了，宿主机的根还在' },
  },
  'script': {
    title: { en: 'The twenty-line container script', 'zh-CN': '二十行的容器脚本' },
    expectation: { en: 'the script unshares the mount, UTS, IPC, network and PID namespaces', 'zh-CN': '脚本用 unshare 新建挂载、UTS、IPC、网络和 PID 命名空间' },
  },
  'script-run': {
    title: { en: 'Run a command in the container', 'zh-CN': '在容器里运行一条命令' },
    expectation: { en: 'inside: hostname web1, PID 1, another distribution, only lo, a cgroup of its own; outside: a 32 MiB memory.max', 'zh-CN': '容器里：主机名 web1、1 号进程、另一个发行版、只有 lo、自己的控制组；容器外：memory.max 是 32 MiB' },
    check: {
      en: 'a container called web1 has run: its cgroup web1 is there with memory.max 32 MiB',
      'zh-CN': '名为 web1 的容器运行过：它的控制组 web1 还在，memory.max 是 32 MiB',
    },
  },
  'the-vm': {
    title: { en: 'And the lab VM itself: a kernel of its own', 'zh-CN': '再看实验虚拟机本身：它有自己的内核' },
    expectation: { en: 'an i686 kernel, and the kernel detected a hypervisor', 'zh-CN': '内核是 i686 的，而且内核检测到了虚拟机监控器' },
  },
  'measure': {
    title: { en: 'What does a container cost?', 'zh-CN': '一个容器要花多少内存？' },
    expectation: { en: 'ten idle containers started, and the memory they took was measured', 'zh-CN': '十个空闲容器都启动了，测出了它们占用的内存' },
  },
} as const satisfies Record<ContainerStepId, ContainerStepWording>;
