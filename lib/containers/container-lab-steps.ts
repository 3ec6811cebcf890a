/**
 * The container lab of chapter 6: every command the chapter runs in the lab VM, with the
 * pattern its output must match. The chapter page passes these to <ContainerStep>, and
 * tests/integration/containers.test.ts runs exactly the same commands against the guest.
 * What a reader reads about a step (its title, what it expects, what its check looks for) is
 * in container-step-wordings.ts, keyed by the step's id.
 *
 * The commands run non-interactively in the lab VM's shell (BusyBox ash, as root) and always
 * finish. The PID-namespace steps start the first child themselves (`sh -c '… &' ; wait`) to show
 * that this is all `unshare --fork` does (util-linux's unshare, which the guest has, does it too).
 */
import type { LabCheckId } from '../lab-checks/index.ts';
import type { ContainerStepId } from './container-step-wordings.ts';

export type ContainerLabStep = {
  /** Stable id, also the anchor of the step on the page and the key of its words in containerStepWordings. */
  id: ContainerStepId;
  command: string;
  /** RegExp source the output must match for the step to count as done (tested with the `m` flag, as <RunInVM> does). */
  expect: string;
  /** A step that leaves something in the VM has a check of it (lib/lab-checks). Without one, the step's check reads what the reader's terminal showed (its `expect`). */
  check?: LabCheckId;
};

const step = (id: ContainerStepId, command: string, expect: RegExp, check?: LabCheckId): ContainerLabStep => ({
  id,
  command: command.replace(/^\n/, '').replace(/\n\s*$/, ''),
  expect: expect.source,
  ...(check ? { check } : {}),
});

export const pidInside = step(
  'pid-inside',
  `
unshare --pid --mount sh -c '
  sh -c "mount -t proc proc /proc
         echo \\"inside: my PID is \\$\\$\\"
         ps -o pid,args
         echo \\"(ps saw only this namespace)\\"" &
  wait'
`,
  /inside: my PID is 1\nPID\s+COMMAND\n\s*1 sh -c[^\n]*\n\s*\d+ ps -o pid,args\n\(ps saw only/,
);

export const pidBothSides = step(
  'pid-both-sides',
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
);

export const pidRunning = step(
  'pid-running',
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
  'pid-running',
);

export const uts = step(
  'uts',
  `
unshare --uts sh -c 'hostname container1; echo "inside:  hostname is $(hostname)"'
echo "outside: hostname is $(hostname)"
`,
  /inside: {2}hostname is container1\noutside: hostname is lab\b/,
);

export const mountNamespace = step(
  'mount',
  `
unshare --mount --pid sh -c '
  sh -c "mount -t proc proc /proc
         mount -t tmpfs scratch /srv
         echo \\"inside:  \\$(ls -d /proc/[0-9]* | wc -l) processes in /proc; /srv holds [\\$(ls /srv)]\\"" &
  wait'
echo "outside: $(ls -d /proc/[0-9]* | wc -l) processes in /proc; /srv holds [$(ls /srv)]"
`,
  /inside: {2}\d processes in \/proc; \/srv holds \[\]\noutside: \d{2,} processes in \/proc; \/srv holds \[otherroot\]/,
);

export const netEmpty = step(
  'net-empty',
  `
echo "host:"
ip -br link
echo "new network namespace:"
unshare --net ip -br link
`,
  /host:\n[\s\S]*\beth0\b[\s\S]*new network namespace:\nlo\s+DOWN[^\n]*\s*$/,
);

export const veth = step(
  'veth',
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
  'veth',
);

export const cgroupKill = step(
  'cgroup-oom',
  `
mkdir -p /sys/fs/cgroup/hog
echo 16M > /sys/fs/cgroup/hog/memory.max
sh -c 'echo $$ > /sys/fs/cgroup/hog/cgroup.procs
       exec awk "BEGIN { s = \\"x\\"; while (1) s = s s }"'
echo "awk ended with status $?"
cat /sys/fs/cgroup/hog/memory.max /sys/fs/cgroup/hog/memory.events
`,
  /awk ended with status 137\n16777216\n[\s\S]*\boom_kill [1-9]\d*/,
  'cgroup-oom',
);

export const chroot = step(
  'chroot',
  `
echo "host:   $(grep PRETTY_NAME /etc/os-release), kernel $(uname -r)"
chroot /srv/otherroot /bin/sh -c 'echo "chroot: $(grep PRETTY_NAME /etc/os-release), kernel $(uname -r)"'
`,
  /host: {3}PRETTY_NAME="Lab VM[^\n]*kernel (\S+)\nchroot: PRETTY_NAME="Other Linux[^\n]*kernel \1\n?$/,
);

export const pivotRoot = step(
  'pivot-root',
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
);

export const tinyContainerScript = step(
  'script',
  `cat /usr/local/sbin/tiny-container`,
  /exec unshare --mount --uts --ipc --net --pid/,
);

export const tinyContainerRun = step(
  'script-run',
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
  'script-run',
);

export const theVM = step(
  'the-vm',
  `
echo "kernel $(uname -r) on $(uname -m)"
grep -m1 'model name' /proc/cpuinfo
dmesg | grep -m2 -E 'DMI:|Hypervisor detected'
`,
  /kernel \S+-686 on i686\n[\s\S]*Hypervisor detected/,
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
);
