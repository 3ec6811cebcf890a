import type { ChapterUnderstanding } from './understanding-question.ts';

export const kvmBridgeUnderstanding: ChapterUnderstanding = {
  chapter: 'kvm-bridge',
  questions: [
    {
      id: 'flag-without-kvm',
      question: {
        en: 'On a CentOS 7 host, `grep vmx /proc/cpuinfo` prints lines, yet there is no `/dev/kvm`. What are the likely causes, and how do you tell them apart?',
        'zh-CN': '在一台 CentOS 7 宿主机上，`grep vmx /proc/cpuinfo` 有输出，却没有 `/dev/kvm`。可能是什么原因？怎样区分？',
      },
      answer: {
        en: 'The flag only says the processor has VT-x. Either the firmware has switched it off (it sets and locks `IA32_FEATURE_CONTROL`, and CentOS 7\'s kernel 3.10 keeps listing `vmx` anyway), or the KVM modules are simply not loaded. `dmesg | grep -i kvm` showing `kvm: disabled by bios` means the firmware; `virt-host-validate` then reports PASS for hardware virtualization and FAIL for `/dev/kvm`. If `lsmod | grep kvm` shows no `kvm_intel` and dmesg says nothing, load it with `modprobe kvm_intel`. The firmware fix needs a power-off, because the register stays locked until reset.',
        'zh-CN': '这个标志只说明处理器有 VT-x。要么是固件把它关掉了（固件会设置并锁定 `IA32_FEATURE_CONTROL`，而 CentOS 7 的 3.10 内核照样列出 `vmx`），要么只是 KVM 模块没有加载。如果 `dmesg | grep -i kvm` 显示 `kvm: disabled by bios`，问题在固件；这时 `virt-host-validate` 会报告硬件虚拟化 PASS、`/dev/kvm` FAIL。如果 `lsmod | grep kvm` 里没有 `kvm_intel`，dmesg 也没有相关信息，就用 `modprobe kvm_intel` 加载。改了固件设置之后要断电再开机，因为这个寄存器在复位之前一直是锁定的。',
      },
    },
    {
      id: 'one-byte-to-the-uart',
      question: {
        en: 'A KVM guest writes one byte to its emulated serial port with an `OUT` instruction. Follow it: what happens in the processor, in `kvm.ko` and in QEMU before the guest runs on?',
        'zh-CN': '一个 KVM 客户机用一条 `OUT` 指令向它的模拟串口写了一个字节。请跟踪这个字节：在客户机继续运行之前，处理器、`kvm.ko` 和 QEMU 里各发生了什么？',
      },
      answer: {
        en: 'The `OUT` causes a VM exit (an I/O instruction exit) to `kvm.ko`. The port is not one the kernel emulates, so KVM fills in `kvm_run` (direction, port, size, data) and returns from the `KVM_RUN` ioctl with `KVM_EXIT_IO`. The QEMU thread of that vCPU, which had been waiting inside `KVM_RUN`, passes the byte to its 16550 model, possibly raises an interrupt, and calls `KVM_RUN` again, which performs a VM entry. One byte costs an exit, two crossings between kernel and user space and an entry; virtio pays that once per buffer.',
        'zh-CN': '`OUT` 引起一次 VM exit（I/O 指令退出），进入 `kvm.ko`。这个端口不归内核模拟，于是 KVM 填好 `kvm_run`（方向、端口、宽度、数据），让 `KVM_RUN` 这个 ioctl 以 `KVM_EXIT_IO` 返回。这个虚拟 CPU 对应的 QEMU 线程一直停在 `KVM_RUN` 里，现在把这个字节交给它的 16550 模型，可能还要发出一个中断，然后再次调用 `KVM_RUN`，完成一次 VM entry。一个字节的代价是一次退出、两次内核与用户空间之间的切换和一次进入；virtio 每个缓冲区才付一次。',
      },
    },
    {
      id: 'kernel-or-qemu',
      question: {
        en: 'Why does KVM handle the interrupt controllers, the timer and the MMU in the kernel, but leave disks and network cards to QEMU?',
        'zh-CN': '为什么 KVM 在内核里处理中断控制器、定时器和 MMU，却把磁盘和网卡留给 QEMU？',
      },
      answer: {
        en: 'Frequency and risk. Interrupt controller accesses, timer events and page-table work happen constantly; a round trip to user space for each would dominate the guest\'s run time, so KVM handles them where the exit arrives. Device emulation is large, varied code that is touched less often per unit of work, and it is safer in an unprivileged user-space process than in the kernel, where a bug compromises the host. When a device path does become hot, as with virtio-net, the kernel offers ways around the round trip without taking the whole device: `KVM_IOEVENTFD` turns the guest\'s write to a notification register into an eventfd signal instead of an exit, `KVM_IRQFD` lets a write to an eventfd inject the completion interrupt, and `vhost_net` serves the virtio-net queues in the kernel from those two eventfds, so packets move without QEMU.',
        'zh-CN': '看频率，也看风险。中断控制器的访问、定时器事件和页表处理时时刻刻都在发生，如果每次都要往返用户空间，这些开销会占去客户机的大部分运行时间，所以 KVM 在退出发生的地方就地处理。设备模拟代码量大、种类多，按单位工作量算被触及得没那么频繁，而且放在无特权的用户空间进程里比放在内核里安全，内核里的缺陷会危及整个宿主机。某条设备路径真的变热时，比如 virtio-net，内核提供了绕开这趟往返、又不必接管整个设备的办法：`KVM_IOEVENTFD` 让客户机对通知寄存器的写入变成一个 eventfd 信号，而不是一次 exit；`KVM_IRQFD` 让对 eventfd 的一次写入注入完成中断；`vhost_net` 则依靠这两个 eventfd 在内核里处理 virtio-net 的队列，数据包完全不经过 QEMU。',
      },
    },
    {
      id: 'svirt-two-guests',
      question: {
        en: 'On a RHEL 9 host every QEMU process runs as the same Unix user, `qemu`. A guest exploits a bug in QEMU\'s device model and runs code as its QEMU process. What stops that process from opening another guest\'s disk image?',
        'zh-CN': '在一台 RHEL 9 宿主机上，所有 QEMU 进程都以同一个 Unix 用户 `qemu` 运行。某台客户机利用 QEMU 设备模型里的一个缺陷，以它的 QEMU 进程的身份运行了代码。是什么阻止这个进程打开另一台客户机的磁盘镜像？',
      },
      answer: {
        en: 'Not the Unix permissions, which are the same for every QEMU, but sVirt. libvirt starts each QEMU in the SELinux type `svirt_t` with a category pair chosen for that VM (for example `s0:c34,c44`) and relabels the VM\'s own disk images `svirt_image_t` with the same pair. SELinux lets a process with categories c34,c44 touch only files that carry them, so another guest\'s image, labelled with different categories, is refused even though the Unix user matches. Shared disks get a label every guest may use, read-only disks a read-only one. On Debian and Ubuntu, libvirt does the same with a generated AppArmor profile per VM.',
        'zh-CN': '不是 Unix 权限，因为所有 QEMU 的权限都一样，而是 sVirt。libvirt 让每个 QEMU 运行在 SELinux 类型 `svirt_t` 中，并带上为这台虚拟机选定的一对类别（例如 `s0:c34,c44`），同时把这台虚拟机自己的磁盘镜像重新标记为带同一对类别的 `svirt_image_t`。SELinux 只允许类别为 c34,c44 的进程访问带这对类别的文件，所以另一台客户机的镜像带着不同的类别，即使 Unix 用户相同，访问也会被拒绝。共享磁盘得到一个所有客户机都能用的标签，只读磁盘得到一个只读标签。在 Debian 和 Ubuntu 上，libvirt 为每台虚拟机生成一个 AppArmor 配置文件，做的是同一件事。',
      },
    },
    {
      id: 'address-on-the-bridge',
      question: {
        en: 'Why must the host\'s IP address move from `eth0` to `br0`? What happens to an address left on `eth0`?',
        'zh-CN': '为什么宿主机的 IP 地址必须从 `eth0` 移到 `br0`？留在 `eth0` 上的地址会怎样？',
      },
      answer: {
        en: 'Once `eth0` is a port of `br0`, it is a port of a switch: every frame it receives is handed to the bridge, which forwards it to the other ports or delivers it to the host through `br0`. The host\'s network stack therefore sends and receives through `br0`, and that is where its address must be. An address left on `eth0` is not used for the host\'s traffic: the initscripts flush it when they add the port, NetworkManager drops the IP settings of a port, and if `br0` has no address the host becomes unreachable.',
        'zh-CN': '`eth0` 成为 `br0` 的端口之后，它就是一台交换机上的一个端口：它收到的每一帧都交给网桥，由网桥转发到其他端口，或者通过 `br0` 交给宿主机。因此宿主机的网络协议栈经由 `br0` 收发数据，地址也必须放在那里。留在 `eth0` 上的地址不会用于宿主机的通信：initscripts 在加入端口时会清掉它，NetworkManager 会丢弃端口上的 IP 设置；如果 `br0` 上没有地址，宿主机就连不上了。',
      },
    },
    {
      id: 'nm-controlled-mixed',
      question: {
        en: 'What happens if `ifcfg-br0` says `NM_CONTROLLED=no` and `ifcfg-eth0` says `NM_CONTROLLED=yes`? What are the two consistent ways to set up this host?',
        'zh-CN': '如果 `ifcfg-br0` 写着 `NM_CONTROLLED=no`，而 `ifcfg-eth0` 写着 `NM_CONTROLLED=yes`，会发生什么？这台宿主机有哪两种前后一致的配置方式？',
      },
      answer: {
        en: 'NetworkManager manages `eth0` but not `br0`. `ifup eth0` hands the port\'s connection to `nmcli`, which cannot find its master among the connections it manages: "Master connection not found or invalid", and the port never joins. The consistent choices: NetworkManager (CentOS 7\'s default), with `NM_CONTROLLED=yes` in both files, `nmcli connection reload` and then `nmcli connection up` for the bridge and the port; or the legacy `network` service, with `NM_CONTROLLED=no` in both files and `systemctl restart network`, optionally with NetworkManager disabled.',
        'zh-CN': 'NetworkManager 管理 `eth0`，却不管理 `br0`。`ifup eth0` 把端口的连接交给 `nmcli`，而 `nmcli` 在自己管理的连接里找不到它的主连接（网桥），激活失败，端口始终加不进网桥。前后一致的做法有两种：一是用 NetworkManager（CentOS 7 的默认），两个文件都写 `NM_CONTROLLED=yes`，先 `nmcli connection reload`，再对网桥和端口分别执行 `nmcli connection up`；二是用传统的 `network` 服务，两个文件都写 `NM_CONTROLLED=no`，执行 `systemctl restart network`，需要的话再停用 NetworkManager。',
      },
    },
    {
      id: 'bridge-mac',
      question: {
        en: 'Why must `HWADDR` not go into `ifcfg-br0`, and what do you use if you need the bridge\'s MAC address to stay the same?',
        'zh-CN': '为什么 `ifcfg-br0` 里不能写 `HWADDR`？如果需要网桥的 MAC 地址保持不变，该用什么？',
      },
      answer: {
        en: 'A bridge has a MAC address but not a permanent one: unless one is set, Linux gives it the lowest MAC among its ports, so it could change whenever a port joins or leaves (libvirt gives guests\' `vnet` tap devices MACs beginning with `fe:` so that they never become the lowest). `HWADDR` binds a file to a NIC with that permanent MAC, and `ifup` checks it before the bridge exists, then gives up ("Device br0 has different MAC address than expected, ignoring."). To pin the bridge\'s address, set `MACADDR=` in `ifcfg-br0`.',
        'zh-CN': '网桥有 MAC 地址，但不是固定的：除非专门设置，Linux 会把它的端口中最小的那个 MAC 给它，所以每当有端口加入或离开，它都可能跟着变（libvirt 给客户机的 `vnet` tap 设备分配以 `fe:` 开头的 MAC，就是为了让它们永远不会是最小的）。`HWADDR` 的作用是把配置文件绑定到具有这个固定 MAC 的网卡上，而 `ifup` 在网桥还不存在时就检查它，发现 MAC 地址与预期不符，就忽略这个设备，放弃启用。要固定网桥的地址，就在 `ifcfg-br0` 里设置 `MACADDR=`。',
      },
    },
    {
      id: 'no-kvm-in-the-lab-vm',
      question: {
        en: 'Why can you not run KVM inside the lab VM, and what would a hypervisor need from its host to run inside a virtual machine?',
        'zh-CN': '为什么不能在实验虚拟机里运行 KVM？一个虚拟机监控器要在虚拟机里运行，需要它的宿主提供什么？',
      },
      answer: {
        en: 'The lab VM\'s processor is emulated by v86, which does not implement VT-x, so the guest kernel sees no `vmx`, `kvm_intel` refuses to load and there is no `/dev/kvm`; QEMU there could only emulate (TCG). To run a hypervisor inside a VM, the outer hypervisor must offer virtualization extensions to its guest and emulate the inner hypervisor\'s VMX operations, which is nested virtualization. With KVM as the outer hypervisor (L0), its `nested` parameter (on by default since Linux 4.20; `/sys/module/kvm_intel/parameters/nested`) allows it, and QEMU must pass `vmx` or `svm` to the guest, as `-cpu host` (libvirt\'s `host-passthrough`) does. A cloud VM can run KVM only where the provider does the same; inside it, `vmx` in `/proc/cpuinfo` and a `/dev/kvm` after `modprobe kvm_intel` are the proof.',
        'zh-CN': '实验虚拟机的处理器由 v86 模拟，而 v86 没有实现 VT-x，所以客户机内核看不到 `vmx`，`kvm_intel` 拒绝加载，也就没有 `/dev/kvm`；在那里 QEMU 只能做纯模拟（TCG）。要在虚拟机里运行虚拟机监控器，外层的监控器必须把虚拟化扩展提供给客户机，并替内层监控器模拟它的 VMX 操作，这就是嵌套虚拟化。外层监控器（L0）是 KVM 时，它的 `nested` 参数允许这样做（从 Linux 4.20 起默认打开，见 `/sys/module/kvm_intel/parameters/nested`），而且 QEMU 必须把 `vmx` 或 `svm` 交给客户机，`-cpu host`（即 libvirt 的 `host-passthrough`）就是这样做的。云主机只有在服务商也这样做时才能运行 KVM；在云主机里，`/proc/cpuinfo` 中出现 `vmx`、`modprobe kvm_intel` 之后出现 `/dev/kvm`，就是证明。',
      },
    },
  ],
};
