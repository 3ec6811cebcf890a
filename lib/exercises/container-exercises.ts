/** Chapter 6: which namespace isolates what, and how many VMs or containers fit (lib/density's model). */
import { DEFAULT_DENSITY_INPUTS, computeDensity, encodeDensityHash } from '../density/index.ts';
import type { DensityInputs } from '../density/index.ts';
import type { LocalizedText } from '../book/localized-text.ts';
import { localizedText } from '../book/localized-text.ts';
import { defineExercise } from './exercise.ts';
import type { SeededRandom } from './seeded-random.ts';

export interface Namespace {
  readonly key: string;
  readonly name: string;
  /** Its Chinese name (the same as `name` when Chinese writers use the English one: UTS, IPC, PID, cgroup). */
  readonly zhName: string;
  readonly flag: string;
  readonly isolates: readonly LocalizedText[];
}

/** The Linux namespaces and what each gives a process its own copy of (namespaces(7), man7.org). */
export const NAMESPACES: readonly Namespace[] = [
  {
    key: 'MNT', name: 'mount', zhName: '挂载', flag: 'CLONE_NEWNS',
    isolates: [
      localizedText('the list of mount points (its own root file system)', '挂载点列表（它自己的根文件系统）'),
      localizedText('what `mount` and `umount` change', '`mount` 和 `umount` 所做的改动'),
    ],
  },
  {
    key: 'UTS', name: 'UTS', zhName: 'UTS', flag: 'CLONE_NEWUTS',
    isolates: [localizedText('the host name', '主机名'), localizedText('the NIS domain name', 'NIS 域名')],
  },
  {
    key: 'IPC', name: 'IPC', zhName: 'IPC', flag: 'CLONE_NEWIPC',
    isolates: [
      localizedText('System V message queues, semaphores and shared memory', 'System V 的消息队列、信号量和共享内存'),
      localizedText('POSIX message queues', 'POSIX 消息队列'),
    ],
  },
  {
    key: 'PID', name: 'PID', zhName: 'PID', flag: 'CLONE_NEWPID',
    isolates: [
      localizedText('process IDs (its first process is PID 1)', '进程号（其中的第一个进程是 1 号进程）'),
      localizedText('which processes `kill` and `ps` can see', '`kill` 和 `ps` 能看到哪些进程'),
    ],
  },
  {
    key: 'NET', name: 'network', zhName: '网络', flag: 'CLONE_NEWNET',
    isolates: [
      localizedText('network interfaces, IP addresses and routes', '网络接口、IP 地址和路由'),
      localizedText('firewall rules and port numbers', '防火墙规则和端口号'),
    ],
  },
  {
    key: 'USER', name: 'user', zhName: '用户', flag: 'CLONE_NEWUSER',
    isolates: [
      localizedText('user and group IDs (root inside, an ordinary user outside)', '用户和组 ID（在里面是 root，在外面是普通用户）'),
      localizedText('capabilities', '能力（capabilities）'),
    ],
  },
  {
    key: 'CGROUP', name: 'cgroup', zhName: 'cgroup', flag: 'CLONE_NEWCGROUP',
    isolates: [localizedText('the view of the cgroup hierarchy (/proc/self/cgroup)', '看到的控制组层级（/proc/self/cgroup）')],
  },
  {
    key: 'TIME', name: 'time', zhName: '时间', flag: 'CLONE_NEWTIME',
    isolates: [localizedText('the boot-time and monotonic clocks', '开机时间时钟和单调时钟')],
  },
];

/** "挂载命名空间", "UTS 命名空间". */
const zhNamespaceName = (n: Namespace) => (n.zhName === n.name ? `${n.name} 命名空间` : `${n.zhName}命名空间`);

/** "挂载命名空间（mount，CLONE_NEWNS）", "UTS 命名空间（CLONE_NEWUTS）". */
const zhNamespaceLabel = (n: Namespace) =>
  n.zhName === n.name ? `${zhNamespaceName(n)}（${n.flag}）` : `${zhNamespaceName(n)}（${n.name}，${n.flag}）`;

export const namespaceIsolates = defineExercise({
  id: 'namespace-isolates',
  chapter: 'containers',
  title: localizedText('Which namespace isolates what', '哪个命名空间隔离了什么'),
  summary: localizedText('Name the Linux namespace that gives a container its own copy of something.', '说出是哪个 Linux 命名空间让容器拥有某样东西的私有副本。'),
  versions: [1],
  generate(random) {
    const target = random.pick(NAMESPACES);
    const thing = random.pick(target.isolates);
    const choices = random.shuffle([target, ...random.sample(NAMESPACES.filter((n) => n !== target), 3)]);
    const others = choices.filter((n) => n !== target);
    return {
      prompt: localizedText(
        `Which namespace gives a container a private copy of this: ${thing.en}?`,
        `哪个命名空间让容器拥有这样东西的私有副本：${thing['zh-CN']}？`,
      ),
      answerKind: 'choice',
      choices: choices.map((n) => ({ key: n.key, label: localizedText(`${n.name} namespace (${n.flag})`, zhNamespaceLabel(n)) })),
      answerFormat: localizedText(`one of ${choices.map((n) => n.key).join(', ')}`, `${choices.map((n) => n.key).join(', ')} 中的一个`),
      answer: target.key,
      hint: localizedText(`It is created with the clone/unshare flag ${target.flag}.`, `创建它用的是 clone/unshare 的标志 ${target.flag}。`),
      explanation: localizedText(
        `The ${target.name} namespace (${target.flag}) isolates ${target.isolates.map((t) => t.en).join('; ')}. ` +
          `The others: ${others.map((n) => `${n.name}: ${n.isolates[0]!.en}`).join('; ')}. Source: namespaces(7), https://man7.org/linux/man-pages/man7/namespaces.7.html`,
        `${zhNamespaceLabel(target)}隔离的是：${target.isolates.map((t) => t['zh-CN']).join('；')}。` +
          `其他选项：${others.map((n) => `${zhNamespaceName(n)}隔离${n.isolates[0]!['zh-CN']}`).join('；')}。出处：namespaces(7)，https://man7.org/linux/man-pages/man7/namespaces.7.html`,
      ),
    };
  },
});

function seededDensityInputs(random: SeededRandom): DensityInputs {
  return {
    ...DEFAULT_DENSITY_INPUTS,
    hostMemoryMiB: random.pick([8192, 16_384, 32_768, 65_536]),
    hostReserveMiB: random.pick([512, 1024, 2048]),
    guestOsMiB: random.pick([256, 512, 1024]),
    appPrivateMiB: random.pick([50, 100, 150, 200, 300]),
    appSharedMiB: random.pick([50, 100, 200]),
    ksm: false,
    sharedImage: true,
  };
}

const describeInputs = (i: DensityInputs): LocalizedText =>
  localizedText(
    [
      `host memory           ${i.hostMemoryMiB} MiB`,
      `host's own use        ${i.hostReserveMiB} MiB`,
      `guest OS per VM       ${i.guestOsMiB} MiB`,
      `overhead per VM       ${i.vmOverheadMiB} MiB`,
      `overhead per container ${i.containerOverheadMiB} MiB`,
      `app private memory    ${i.appPrivateMiB} MiB per copy`,
      `app shared memory     ${i.appSharedMiB} MiB (program and libraries; containers share one image)`,
      'KSM off',
    ].join('\n'),
    // Chinese characters are not exactly two columns wide in every monospace fallback, so the
    // Chinese rows are "label：value" rather than aligned columns.
    [
      `宿主机内存：${i.hostMemoryMiB} MiB`,
      `宿主机自身占用：${i.hostReserveMiB} MiB`,
      `每台虚拟机的客户机系统：${i.guestOsMiB} MiB`,
      `每台虚拟机的额外开销：${i.vmOverheadMiB} MiB`,
      `每个容器的额外开销：${i.containerOverheadMiB} MiB`,
      `应用的私有内存：每份 ${i.appPrivateMiB} MiB`,
      `应用的共享内存：${i.appSharedMiB} MiB（程序和库；容器共用一个镜像）`,
      'KSM：关闭',
    ].join('\n'),
  );

const FITS_QUESTION = {
  vms: localizedText(
    'With the density calculator\'s model and these numbers, how many VMs (each running one copy of the app) fit in the host\'s memory?',
    '按密度计算器的模型和这些数字，宿主机的内存能放下多少台虚拟机（每台运行一份应用）？',
  ),
  containers: localizedText(
    'With the density calculator\'s model and these numbers, how many containers (each running one copy of the app, all from one image) fit in the host\'s memory?',
    '按密度计算器的模型和这些数字，宿主机的内存能放下多少个容器（每个运行一份应用，全都来自同一个镜像）？',
  ),
};

export const densityVms = defineExercise({
  id: 'density-vms',
  chapter: 'containers',
  title: localizedText('How many VMs fit', '能放下多少台虚拟机'),
  summary: localizedText('Work out how many copies of a workload fit in a host as VMs.', '算一算以虚拟机的形式，一台宿主机能放下多少份工作负载。'),
  versions: [1],
  generate(random) {
    const inputs = seededDensityInputs(random);
    const { vm } = computeDensity(inputs);
    const left = inputs.hostMemoryMiB - vm.fixedMiB;
    return {
      prompt: FITS_QUESTION.vms,
      figure: describeInputs(inputs),
      answerKind: 'number',
      answerFormat: localizedText('one integer', '一个整数'),
      answer: String(vm.fits),
      hint: localizedText(
        'Each VM holds its own guest OS and a whole copy of the app (private and shared memory), plus the per-VM overhead.',
        '每台虚拟机都装着自己的客户机操作系统和一整份应用（私有内存加共享内存），再加上每台虚拟机的额外开销。',
      ),
      explanation: localizedText(
        `Each VM needs ${inputs.vmOverheadMiB} + ${inputs.guestOsMiB} + ${inputs.appPrivateMiB} + ${inputs.appSharedMiB} = ${vm.eachMiB} MiB. After the host's ${vm.fixedMiB} MiB, ${left} MiB are left: floor(${left} / ${vm.eachMiB}) = ${vm.fits} VMs.`,
        `每台虚拟机需要 ${inputs.vmOverheadMiB} + ${inputs.guestOsMiB} + ${inputs.appPrivateMiB} + ${inputs.appSharedMiB} = ${vm.eachMiB} MiB。除去宿主机自己的 ${vm.fixedMiB} MiB，还剩 ${left} MiB：floor(${left} / ${vm.eachMiB}) = ${vm.fits} 台虚拟机。`,
      ),
      labLink: { lab: 'density-calculator', hash: encodeDensityHash(inputs) },
    };
  },
});

export const densityContainers = defineExercise({
  id: 'density-containers',
  chapter: 'containers',
  title: localizedText('How many containers fit', '能放下多少个容器'),
  summary: localizedText(
    'Work out how many copies of a workload fit in a host as containers sharing one image.',
    '算一算以共用一个镜像的容器的形式，一台宿主机能放下多少份工作负载。',
  ),
  versions: [1],
  generate(random) {
    const inputs = seededDensityInputs(random);
    const { container, vm } = computeDensity(inputs);
    const left = inputs.hostMemoryMiB - container.fixedMiB;
    return {
      prompt: FITS_QUESTION.containers,
      figure: describeInputs(inputs),
      answerKind: 'number',
      answerFormat: localizedText('one integer', '一个整数'),
      answer: String(container.fits),
      hint: localizedText(
        'The shared memory is paid once for all containers; each container pays its overhead and its private memory.',
        '共享内存由所有容器合起来只付一次；每个容器各付自己的额外开销和私有内存。',
      ),
      explanation: localizedText(
        `The host pays ${inputs.hostReserveMiB} + ${inputs.appSharedMiB} (the shared image, once) = ${container.fixedMiB} MiB. Each container needs ${inputs.containerOverheadMiB} + ${inputs.appPrivateMiB} = ${container.eachMiB} MiB, so floor(${left} / ${container.eachMiB}) = ${container.fits} containers fit (against ${vm.fits} VMs).`,
        `宿主机付出 ${inputs.hostReserveMiB} + ${inputs.appSharedMiB}（共享镜像，只算一次）= ${container.fixedMiB} MiB。每个容器需要 ${inputs.containerOverheadMiB} + ${inputs.appPrivateMiB} = ${container.eachMiB} MiB，所以能放下 floor(${left} / ${container.eachMiB}) = ${container.fits} 个容器（虚拟机则是 ${vm.fits} 台）。`,
      ),
      labLink: { lab: 'density-calculator', hash: encodeDensityHash(inputs) },
    };
  },
});
