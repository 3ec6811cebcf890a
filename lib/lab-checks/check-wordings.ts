// What a lab check finds still missing in the guest, in both editions (lib/book/localized-text.ts).

import { wordings, type MessageOf } from '../book/localized-text.ts';

export const checkFindingWordings = {
  noNamespaceShell: wordings(
    () => 'no shell is running as PID 1 of a PID namespace of its own (start one with unshare --pid --fork --mount-proc sh … &)',
    () => '没有哪个 shell 在自己的 PID 命名空间里作为 1 号进程运行（用 unshare --pid --fork --mount-proc sh … & 启动一个）',
  ),
  netnsMissing: wordings(
    (p: { name: string }) => `there is no network namespace called ${p.name} (ip netns list)`,
    (p) => `没有名为 ${p.name} 的网络命名空间（ip netns list）`,
  ),
  linkMissing: wordings(
    (p: { link: string; where: string }) => `${p.link} does not exist ${p.where === 'host' ? 'on the host' : `in the namespace ${p.where}`}`,
    (p) => `${p.where === 'host' ? '宿主机上' : `命名空间 ${p.where} 里`}没有 ${p.link}`,
  ),
  linkDown: wordings(
    (p: { link: string; where: string }) => `${p.link} ${p.where === 'host' ? 'on the host' : `in ${p.where}`} is not up (ip link set ${p.link} up)`,
    (p) => `${p.where === 'host' ? '宿主机上' : `${p.where} 里`}的 ${p.link} 还没有启用（ip link set ${p.link} up）`,
  ),
  addressMissing: wordings(
    (p: { link: string; where: string; address: string }) =>
      `${p.link} ${p.where === 'host' ? 'on the host' : `in ${p.where}`} does not have the address ${p.address}`,
    (p) => `${p.where === 'host' ? '宿主机上' : `${p.where} 里`}的 ${p.link} 没有地址 ${p.address}`,
  ),
  pingFails: wordings(
    (p: { address: string }) => `ping ${p.address} gets no answer from the host`,
    (p) => `从宿主机 ping ${p.address} 没有回应`,
  ),
  cgroupMissing: wordings(
    (p: { cgroup: string }) => `there is no cgroup /sys/fs/cgroup/${p.cgroup}`,
    (p) => `没有控制组 /sys/fs/cgroup/${p.cgroup}`,
  ),
  memoryMaxNot: wordings(
    (p: { cgroup: string; bytes: number }) => `memory.max of ${p.cgroup} is not ${p.bytes} (${p.bytes / 1048576} MiB)`,
    (p) => `${p.cgroup} 的 memory.max 不是 ${p.bytes}（${p.bytes / 1048576} MiB）`,
  ),
  noOomKill: wordings(
    (p: { cgroup: string }) => `memory.events of ${p.cgroup} counts no OOM kill yet: no process in it has gone over the limit`,
    (p) => `${p.cgroup} 的 memory.events 里还没有 OOM kill 记录：里面还没有进程超过上限`,
  ),
  notABridge: wordings(
    (p: { bridge: string }) => `there is no bridge ${p.bridge}`,
    (p) => `没有网桥 ${p.bridge}`,
  ),
  notAPort: wordings(
    (p: { bridge: string; port: string }) => `${p.port} is not a port of ${p.bridge}`,
    (p) => `${p.port} 不是 ${p.bridge} 的端口`,
  ),
  portHasAddress: wordings(
    (p: { port: string }) => `${p.port} still has an IPv4 address of its own (the address belongs on the bridge)`,
    (p) => `${p.port} 自己还有 IPv4 地址（地址应该在网桥上）`,
  ),
  kvmIntelNotTried: wordings(
    () => 'the kernel log has no answer from kvm_intel yet: nobody has asked the kernel to load it (modprobe kvm_intel)',
    () => '内核日志里还没有 kvm_intel 的回应：还没有人让内核加载它（modprobe kvm_intel）',
  ),
  moduleNotLoaded: wordings(
    (p: { module: string }) => `the module ${p.module} is not loaded (modprobe loads it as kvm_intel's dependency)`,
    (p) => `模块 ${p.module} 没有加载（modprobe 会把它作为 kvm_intel 的依赖一起加载）`,
  ),
  checkUnfinished: wordings(
    () => 'the check did not finish in the lab VM',
    () => '检查没有在实验虚拟机里跑完',
  ),
};

/** One thing a check found missing, worded per edition from checkFindingWordings. */
export type CheckFinding = MessageOf<typeof checkFindingWordings>;
