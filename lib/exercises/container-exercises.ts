/** Chapter 5: which namespace isolates what, and how many VMs or containers fit (lib/density's model). */
import { DEFAULT_DENSITY_INPUTS, computeDensity } from '../density/index.ts';
import type { DensityInputs } from '../density/index.ts';
import type { ExerciseType } from './exercise.ts';
import type { SeededRandom } from './seeded-random.ts';

/** The Linux namespaces and what each gives a process its own copy of (namespaces(7), man7.org). */
export const NAMESPACES: readonly { key: string; name: string; flag: string; isolates: readonly string[] }[] = [
  { key: 'MNT', name: 'mount', flag: 'CLONE_NEWNS', isolates: ['the list of mount points (its own root file system)', 'what `mount` and `umount` change'] },
  { key: 'UTS', name: 'UTS', flag: 'CLONE_NEWUTS', isolates: ['the host name', 'the NIS domain name'] },
  { key: 'IPC', name: 'IPC', flag: 'CLONE_NEWIPC', isolates: ['System V message queues, semaphores and shared memory', 'POSIX message queues'] },
  { key: 'PID', name: 'PID', flag: 'CLONE_NEWPID', isolates: ['process IDs (its first process is PID 1)', 'which processes `kill` and `ps` can see'] },
  { key: 'NET', name: 'network', flag: 'CLONE_NEWNET', isolates: ['network interfaces, IP addresses and routes', 'firewall rules and port numbers'] },
  { key: 'USER', name: 'user', flag: 'CLONE_NEWUSER', isolates: ['user and group IDs (root inside, an ordinary user outside)', 'capabilities'] },
  { key: 'CGROUP', name: 'cgroup', flag: 'CLONE_NEWCGROUP', isolates: ['the view of the cgroup hierarchy (/proc/self/cgroup)'] },
  { key: 'TIME', name: 'time', flag: 'CLONE_NEWTIME', isolates: ['the boot-time and monotonic clocks'] },
];

export const namespaceIsolates: ExerciseType = {
  id: 'namespace-isolates',
  chapter: 'containers',
  title: 'Which namespace isolates what',
  summary: 'Name the Linux namespace that gives a container its own copy of something.',
  versions: [1],
  generate(random) {
    const target = random.pick(NAMESPACES);
    const thing = random.pick(target.isolates);
    const choices = random.shuffle([target, ...random.sample(NAMESPACES.filter((n) => n !== target), 3)]);
    return {
      prompt: `Which namespace gives a container a private copy of this: ${thing}?`,
      answerKind: 'choice',
      choices: choices.map((n) => ({ key: n.key, label: `${n.name} namespace (${n.flag})` })),
      answerFormat: `one of ${choices.map((n) => n.key).join(', ')}`,
      answer: target.key,
      hint: `It is created with the clone/unshare flag ${target.flag}.`,
      explanation:
        `The ${target.name} namespace (${target.flag}) isolates ${target.isolates.join('; ')}. ` +
        `The others: ${choices.filter((n) => n !== target).map((n) => `${n.name}: ${n.isolates[0]}`).join('; ')}. Source: namespaces(7), https://man7.org/linux/man-pages/man7/namespaces.7.html`,
    };
  },
};

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

const describeInputs = (i: DensityInputs) =>
  [
    `host memory           ${i.hostMemoryMiB} MiB`,
    `host's own use        ${i.hostReserveMiB} MiB`,
    `guest OS per VM       ${i.guestOsMiB} MiB`,
    `overhead per VM       ${i.vmOverheadMiB} MiB`,
    `overhead per container ${i.containerOverheadMiB} MiB`,
    `app private memory    ${i.appPrivateMiB} MiB per copy`,
    `app shared memory     ${i.appSharedMiB} MiB (program and libraries; containers share one image)`,
    'KSM off',
  ].join('\n');

export const densityVms: ExerciseType = {
  id: 'density-vms',
  chapter: 'containers',
  title: 'How many VMs fit',
  summary: 'Work out how many copies of a workload fit in a host as VMs.',
  versions: [1],
  generate(random) {
    const inputs = seededDensityInputs(random);
    const { vm } = computeDensity(inputs);
    return {
      prompt: 'With the density calculator\'s model and these numbers, how many VMs (each running one copy of the app) fit in the host\'s memory?',
      figure: describeInputs(inputs),
      answerKind: 'number',
      answerFormat: 'one integer',
      answer: String(vm.fits),
      hint: 'Each VM holds its own guest OS and a whole copy of the app (private and shared memory), plus the per-VM overhead.',
      explanation: `Each VM needs ${inputs.vmOverheadMiB} + ${inputs.guestOsMiB} + ${inputs.appPrivateMiB} + ${inputs.appSharedMiB} = ${vm.eachMiB} MiB. After the host's ${vm.fixedMiB} MiB, ${inputs.hostMemoryMiB - vm.fixedMiB} MiB are left: floor(${inputs.hostMemoryMiB - vm.fixedMiB} / ${vm.eachMiB}) = ${vm.fits} VMs.`,
    };
  },
};

export const densityContainers: ExerciseType = {
  id: 'density-containers',
  chapter: 'containers',
  title: 'How many containers fit',
  summary: 'Work out how many copies of a workload fit in a host as containers sharing one image.',
  versions: [1],
  generate(random) {
    const inputs = seededDensityInputs(random);
    const { container, vm } = computeDensity(inputs);
    return {
      prompt: 'With the density calculator\'s model and these numbers, how many containers (each running one copy of the app, all from one image) fit in the host\'s memory?',
      figure: describeInputs(inputs),
      answerKind: 'number',
      answerFormat: 'one integer',
      answer: String(container.fits),
      hint: 'The shared memory is paid once for all containers; each container pays its overhead and its private memory.',
      explanation: `The host pays ${inputs.hostReserveMiB} + ${inputs.appSharedMiB} (the shared image, once) = ${container.fixedMiB} MiB. Each container needs ${inputs.containerOverheadMiB} + ${inputs.appPrivateMiB} = ${container.eachMiB} MiB, so floor(${inputs.hostMemoryMiB - container.fixedMiB} / ${container.eachMiB}) = ${container.fits} containers fit (against ${vm.fits} VMs).`,
    };
  },
};
