/**
 * The container lab of chapter 6: every command the chapter runs in the lab VM, with the
 * pattern its output must match. The chapter page passes these to <RunInVM>, and
 * tests/integration/containers.test.ts runs exactly the same commands against the guest.
 *
 * The commands run non-interactively in the lab VM's shell (BusyBox ash, as root) and always
 * finish. The PID-namespace steps start the first child themselves (`sh -c '… &' ; wait`) to show
 * that this is all `unshare --fork` does (util-linux's unshare, which the guest has, does it too).
 */
import type { LocalizedText } from '../book/localized-text.ts';
import type { LabCheckId } from '../lab-checks/index.ts';

export type ContainerLabStep = {
  /** Stable id, also the anchor of the step on the page. */
  id: string;
  /** The step's title in English. */
  title: string;
  /** The title in every edition of the book. */
  titleText: LocalizedText;
  command: string;
  /** RegExp source the output must match for the step to count as done (tested with the `m` flag, as <RunInVM> does). */
  expect: string;
  /** What the step expects to see, in words, in every edition (shown with ✓ or ✗ beside the output). */
  expectation: LocalizedText;
  /** A step that leaves something in the VM has a check of it (lib/lab-checks), and says in words what it looks for. Without one the step is a demonstration. */
  check?: { id: LabCheckId; what: LocalizedText };
};

const step = (
  id: string,
  title: LocalizedText,
  command: string,
  expect: RegExp,
  expectation: LocalizedText,
  check?: ContainerLabStep['check'],
): ContainerLabStep => ({
  id,
  title: title.en,
  titleText: title,
  command: command.replace(/^\n/, '').replace(/\n\s*$/, ''),
  expect: expect.source,
  expectation,
  ...(check ? { check } : {}),
});

export const pidInside = step(
  'pid-inside',
  { en: 'A PID namespace, seen from inside', 'zh-CN': '从内部看一个 PID 命名空间' },
  `
unshare --pid --mount sh -c '
  sh -c "mount -t proc proc /proc
         echo \\"inside: my PID is \\$\\$\\"
         ps -o pid,args
         echo \\"(ps saw only this namespace)\\"" &
  wait'
`,
  /inside: my PID is 1\nPID\s+COMMAND\n\s*1 sh -c[^\n]*\n\s*\d+ ps -o pid,args\n\(ps saw only/,
  { en: 'the shell inside is PID 1, and ps sees only the namespace’s processes', 'zh-CN': '里面的 shell 是 1 号进程，ps 只看得到这个命名空间里的进程' },
);

export const pidBothSides = step(
  'pid-both-sides',
  { en: 'The same process, seen from the host and from the container', 'zh-CN': '同一个进程，分别从宿主机和容器里看' },
  `
unshare --pid --mount sh -c 'sh -c "mount -t proc proc /proc; exec sleep 1000" & wait' &
CONTAINER=$!
sleep 1
SLEEPER=$(ps -o pid,args | awk '$2 == "sleep" && $3 == "1000" { print $1 }')
echo "host view: the contained sleep is PID $SLEEPER, an ordinary host process"
ps -o pid,ppid,args | grep -E '^ *PID|[s]leep 1000'
echo "container view (its mount namespace, where /proc is the container's):"
nsenter -t "$SLEEPER" -m ps -o pid,args
kill -KILL "$SLEEPER"; wait "$CONTAINER" >/dev/null 2>&1
`,
  /host view: the contained sleep is PID (?!1\b)\d+[\s\S]*container view[^\n]*\n\s*PID\s+COMMAND\n\s*1 sleep 1000\s*$/,
  { en: 'the host sees the contained sleep as an ordinary PID, the container sees it as PID 1', 'zh-CN': '宿主机看到的 sleep 是一个普通的 PID，容器里看到的是 1 号进程' },
);

export const pidRunning = step(
  'pid-running',
  { en: 'Leave a container running', 'zh-CN': '让一个容器一直运行' },
  `
unshare --pid --fork --mount-proc sh -c 'while true; do sleep 5; done' >/dev/null 2>&1 &
sleep 2
for dir in /proc/[0-9]*; do
  if [ "$(cat $dir/comm 2>/dev/null)" = sh ] && [ "$(readlink $dir/ns/pid)" != "$(readlink /proc/1/ns/pid)" ]; then
    echo "host PID \${dir#/proc/}: $(grep NSpid $dir/status)"
  fi
done
`,
  /^host PID \d+: NSpid:\s+\d+\s+1\s*$/,
  { en: 'a shell that the host numbers as an ordinary PID is PID 1 in its own namespace', 'zh-CN': '一个 shell 在宿主机上是普通的 PID，在自己的命名空间里是 1 号进程' },
  {
    id: 'pid-running',
    what: {
      en: 'a shell is running as PID 1 of a PID namespace other than the host’s',
      'zh-CN': '有一个 shell 在宿主机之外的另一个 PID 命名空间里作为 1 号进程运行',
    },
  },
);

export const uts = step(
  'uts',
  { en: 'A UTS namespace: a hostname of its own', 'zh-CN': 'UTS 命名空间：自己的主机名' },
  `
unshare --uts sh -c 'hostname container1; echo "inside:  hostname is $(hostname)"'
echo "outside: hostname is $(hostname)"
`,
  /inside: {2}hostname is container1\noutside: hostname is lab\b/,
  { en: 'the hostname changed inside the namespace only', 'zh-CN': '只有命名空间里的主机名变了' },
);

export const mountNamespace = step(
  'mount',
  { en: 'A mount namespace: its own /proc and mounts of its own', 'zh-CN': '挂载命名空间：自己的 /proc 和自己的挂载点' },
  `
unshare --mount --pid sh -c '
  sh -c "mount -t proc proc /proc
         mount -t tmpfs scratch /srv
         echo \\"inside:  \\$(ls -d /proc/[0-9]* | wc -l) processes in /proc; /srv holds [\\$(ls /srv)]\\"" &
  wait'
echo "outside: $(ls -d /proc/[0-9]* | wc -l) processes in /proc; /srv holds [$(ls /srv)]"
`,
  /inside: {2}\d processes in \/proc; \/srv holds \[\]\noutside: \d{2,} processes in \/proc; \/srv holds \[otherroot\]/,
  { en: 'the namespace has its own /proc and an empty /srv; the host’s are unchanged', 'zh-CN': '命名空间里有自己的 /proc 和空的 /srv，宿主机上的没有变' },
);

export const netEmpty = step(
  'net-empty',
  { en: 'A network namespace starts with nothing but loopback', 'zh-CN': '新的网络命名空间里只有回环接口' },
  `
echo "host:"
ip -br link
echo "new network namespace:"
unshare --net ip -br link
`,
  /host:\n[\s\S]*\beth0\b[\s\S]*new network namespace:\nlo\s+DOWN[^\n]*\s*$/,
  { en: 'the host has eth0; the new network namespace has only lo, and it is down', 'zh-CN': '宿主机有 eth0；新的网络命名空间里只有 lo，而且没有启用' },
);

export const veth = step(
  'veth',
  { en: 'A veth pair: a cable from the host into the namespace', 'zh-CN': 'veth 对：从宿主机通到命名空间里的一根网线' },
  `
ip netns delete box 2>/dev/null; ip link delete veth-host 2>/dev/null
ip netns add box
ip link add veth-host type veth peer name veth-box
ip link set veth-box netns box
ip addr add 10.0.0.1/24 dev veth-host
ip link set veth-host up
ip netns exec box ip addr add 10.0.0.2/24 dev veth-box
ip netns exec box ip link set veth-box up
ip netns exec box ip link set lo up
echo "inside box:"
ip netns exec box ip -br addr
ping -c 2 10.0.0.2
`,
  /inside box:\n[\s\S]*veth-box@\S+\s+UP\s+10\.0\.0\.2\/24[\s\S]*2 packets transmitted, 2 packets received/,
  { en: 'veth-box is up inside box with 10.0.0.2, and both pings came back', 'zh-CN': 'box 里的 veth-box 已经启用，地址是 10.0.0.2，两个 ping 都有回应' },
  {
    id: 'veth',
    what: {
      en: 'the namespace box exists; veth-host has 10.0.0.1/24 on the host and veth-box 10.0.0.2/24 in box, both up; the host can ping 10.0.0.2',
      'zh-CN': '命名空间 box 存在；宿主机上的 veth-host 有 10.0.0.1/24，box 里的 veth-box 有 10.0.0.2/24，两端都已启用；宿主机能 ping 通 10.0.0.2',
    },
  },
);

export const cgroupKill = step(
  'cgroup-oom',
  { en: 'A cgroup memory limit stops a memory hog', 'zh-CN': '控制组的内存上限制止了一个吃内存的进程' },
  `
mkdir -p /sys/fs/cgroup/hog
echo 16M > /sys/fs/cgroup/hog/memory.max
sh -c 'echo $$ > /sys/fs/cgroup/hog/cgroup.procs
       exec awk "BEGIN { s = \\"x\\"; while (1) s = s s }"'
echo "awk ended with status $?"
cat /sys/fs/cgroup/hog/memory.max /sys/fs/cgroup/hog/memory.events
`,
  /awk ended with status 137\n16777216\n[\s\S]*\boom_kill [1-9]\d*/,
  { en: 'the memory hog was killed by the cgroup’s OOM killer (status 137, counted in memory.events)', 'zh-CN': '吃内存的进程被控制组的 OOM killer 杀掉了（状态 137，memory.events 里记了一笔）' },
  {
    id: 'cgroup-oom',
    what: {
      en: 'the cgroup hog has memory.max 16 MiB, and its memory.events counts at least one OOM kill',
      'zh-CN': '控制组 hog 的 memory.max 是 16 MiB，它的 memory.events 里至少记了一次 OOM kill',
    },
  },
);

export const chroot = step(
  'chroot',
  { en: 'Another root filesystem with chroot: another distribution, the same kernel', 'zh-CN': '用 chroot 换一个根文件系统：另一个发行版，同一个内核' },
  `
echo "host:   $(grep PRETTY_NAME /etc/os-release), kernel $(uname -r)"
chroot /srv/otherroot /bin/sh -c 'echo "chroot: $(grep PRETTY_NAME /etc/os-release), kernel $(uname -r)"'
`,
  /host: {3}PRETTY_NAME="Lab VM[^\n]*kernel (\S+)\nchroot: PRETTY_NAME="Other Linux[^\n]*kernel \1\n?$/,
  { en: 'the chroot shows another distribution on the same kernel', 'zh-CN': 'chroot 里是另一个发行版，内核还是同一个' },
);

export const pivotRoot = step(
  'pivot-root',
  { en: 'pivot_root: swap the root, then let go of the old one', 'zh-CN': 'pivot_root：换掉根目录，再放开旧的根' },
  `
unshare --mount sh -c '
  mount --bind /srv/otherroot /srv/otherroot
  cd /srv/otherroot && pivot_root . old
  echo "before umount, /old holds: $(ls /old | head -5 | tr "\\n" " ")"
  umount -l /old
  echo "after umount,  /old holds: [$(ls /old)]"
  echo "now: $(grep PRETTY_NAME /etc/os-release), kernel $(uname -r)"'
echo "host still: $(grep PRETTY_NAME /etc/os-release)"
`,
  /before umount, \/old holds: \S[\s\S]*after umount, {2}\/old holds: \[\]\nnow: PRETTY_NAME="Other Linux[^\n]*\nhost still: PRETTY_NAME="Lab VM/,
  { en: 'after pivot_root and umount the old root is gone, and the host keeps its own', 'zh-CN': 'pivot_root 再卸载之后，旧的根不见了，宿主机的根还在' },
);

export const tinyContainerScript = step(
  'script',
  { en: 'The twenty-line container script', 'zh-CN': '二十行的容器脚本' },
  `cat /usr/local/sbin/tiny-container`,
  /exec unshare --mount --uts --ipc --net --pid/,
  { en: 'the script unshares the mount, UTS, IPC, network and PID namespaces', 'zh-CN': '脚本用 unshare 新建挂载、UTS、IPC、网络和 PID 命名空间' },
);

export const tinyContainerRun = step(
  'script-run',
  { en: 'Run a command in the container', 'zh-CN': '在容器里运行一条命令' },
  `
tiny-container web1 sh -c '
  echo "hostname $(hostname), PID $$"
  ps -o pid,args
  grep PRETTY_NAME /etc/os-release
  echo "kernel $(uname -r)"
  ip link
  echo "cgroup $(cat /proc/self/cgroup)"'
echo "host: hostname $(hostname), kernel $(uname -r), memory.max of web1: $(cat /sys/fs/cgroup/web1/memory.max)"
`,
  /hostname web1, PID 1\n[\s\S]*PRETTY_NAME="Other Linux[^\n]*\nkernel (\S+)\n1: lo: <LOOPBACK,UP[^\n]*\n[^\n]*link\/loopback[^\n]*\ncgroup 0::\/web1\nhost: hostname lab, kernel \1, memory\.max of web1: 33554432/,
  { en: 'inside: hostname web1, PID 1, another distribution, only lo, a cgroup of its own; outside: a 32 MiB memory.max', 'zh-CN': '容器里：主机名 web1、1 号进程、另一个发行版、只有 lo、自己的控制组；容器外：memory.max 是 32 MiB' },
  {
    id: 'script-run',
    what: {
      en: 'a container called web1 has run: its cgroup web1 is there with memory.max 32 MiB',
      'zh-CN': '名为 web1 的容器运行过：它的控制组 web1 还在，memory.max 是 32 MiB',
    },
  },
);

export const theVM = step(
  'the-vm',
  { en: 'And the lab VM itself: a kernel of its own', 'zh-CN': '再看实验虚拟机本身：它有自己的内核' },
  `
echo "kernel $(uname -r) on $(uname -m)"
grep -m1 'model name' /proc/cpuinfo
dmesg | grep -m2 -E 'DMI:|Hypervisor detected'
`,
  /kernel \S+-686 on i686\n[\s\S]*Hypervisor detected/,
  { en: 'an i686 kernel, and the kernel detected a hypervisor', 'zh-CN': '内核是 i686 的，而且内核检测到了虚拟机监控器' },
);

/** The steps in the order the chapter shows them. */
export const containerLabSteps: readonly ContainerLabStep[] = [
  pidInside,
  pidBothSides,
  pidRunning,
  uts,
  mountNamespace,
  netEmpty,
  veth,
  cgroupKill,
  chroot,
  pivotRoot,
  tinyContainerScript,
  tinyContainerRun,
  theVM,
];

/** Measures what the density calculator's "lab VM" figures are: memory in use, and per container. */
export const measureContainerMemory = step(
  'measure',
  { en: 'What does a container cost?', 'zh-CN': '一个容器要花多少内存？' },
  `
sync; echo 3 > /proc/sys/vm/drop_caches; sleep 1
before=$(awk '/MemAvailable/ { print $2 }' /proc/meminfo)
total=$(awk '/MemTotal/ { print $2 }' /proc/meminfo)
# In a subshell, so the interactive shell reports no jobs starting or ending.
(
  started=
  for i in 1 2 3 4 5 6 7 8 9 10; do tiny-container idle$i sleep 300 2>/dev/null & started="$started $!"; done
  until [ "$(ps -o args | grep -c '^sleep 300$')" -ge 10 ]; do sleep 1; done
  sleep 2; sync; echo 3 > /proc/sys/vm/drop_caches; sleep 1
  after=$(awk '/MemAvailable/ { print $2 }' /proc/meminfo)
  echo "guest in use before: $(( (131072 - before) / 1024 )) MiB of 128 MiB (MemTotal $((total / 1024)) MiB)"
  echo "10 containers: $(( before - after )) KiB, $(( (before - after) / 10 )) KiB each"
  for i in 1 2 3 4 5 6 7 8 9 10; do echo 1 > /sys/fs/cgroup/idle$i/cgroup.kill; done
  wait $started 2>/dev/null
  echo "the 10 containers are stopped"
)
`,
  /guest in use before: \d+ MiB[\s\S]*10 containers: -?\d+ KiB, -?\d+ KiB each\nthe 10 containers are stopped\n$/,
  { en: 'ten idle containers started, and the memory they took was measured', 'zh-CN': '十个空闲容器都启动了，测出了它们占用的内存' },
);
