/**
 * Checks of what a lab-VM step leaves behind (like Killercoda's verify scripts): each is a list of
 * conditions, each a shell test run in the guest and a finding to report when it fails. The check
 * looks only at the guest's state, so a reader who typed the commands by hand passes it too.
 */
import type { CheckFinding } from './check-wordings.ts';

export type CheckCondition = {
  /** A shell command (BusyBox ash, as root) that exits 0 when the condition holds. */
  test: string;
  /** What is missing when it does not. */
  missing: CheckFinding;
};

export type LabCheck = {
  id: string;
  conditions: readonly CheckCondition[];
};

export type CheckVerdict = { passed: boolean; missing: CheckFinding[] };

const DONE = 'lab-check-finished';

const up = (link: string, where: string): CheckCondition => ({
  test: `${where === 'host' ? '' : `ip netns exec ${where} `}ip -o link show dev ${link} | grep -q '[<,]UP[,>]'`,
  missing: { code: 'linkDown', params: { link, where } },
});
const exists = (link: string, where: string): CheckCondition => ({
  test: `${where === 'host' ? '' : `ip netns exec ${where} `}ip -o link show dev ${link}`,
  missing: { code: 'linkMissing', params: { link, where } },
});
const hasAddress = (link: string, where: string, address: string): CheckCondition => ({
  test: `${where === 'host' ? '' : `ip netns exec ${where} `}ip -4 -o addr show dev ${link} | grep -q ' inet ${address.replace(/\./g, '\\.')} '`,
  missing: { code: 'addressMissing', params: { link, where, address } },
});

/**
 * Chapter 5's running container: some process outside init's PID namespace is PID 1 of its own
 * (the last NSpid field is 1) and is a shell.
 */
export const pidNamespaceShellCheck: LabCheck = {
  id: 'pid-running',
  conditions: [
    {
      test: [
        'init=$(readlink /proc/1/ns/pid)',
        'for dir in /proc/[0-9]*; do',
        '  [ "$(readlink $dir/ns/pid)" = "$init" ] && continue',
        `  awk '$1 == "NSpid:" && $NF == 1 { found = 1 } END { exit !found }' $dir/status || continue`,
        `  grep -qxE '(a|ba|da)?sh' $dir/comm && exit 0`,
        'done',
        'exit 1',
      ].join('\n'),
      missing: { code: 'noNamespaceShell' },
    },
  ],
};

/** Chapter 5's veth step: namespace box, veth-host 10.0.0.1/24 on the host, veth-box 10.0.0.2/24 in box, and a ping across. */
export const vethCheck: LabCheck = {
  id: 'veth',
  conditions: [
    { test: `ip netns list | grep -q '^box\\b'`, missing: { code: 'netnsMissing', params: { name: 'box' } } },
    exists('veth-host', 'host'),
    hasAddress('veth-host', 'host', '10.0.0.1/24'),
    up('veth-host', 'host'),
    exists('veth-box', 'box'),
    hasAddress('veth-box', 'box', '10.0.0.2/24'),
    up('veth-box', 'box'),
    { test: 'ping -c 1 -W 2 10.0.0.2', missing: { code: 'pingFails', params: { address: '10.0.0.2' } } },
  ],
};

const cgroupWithMemoryMax = (cgroup: string, bytes: number): CheckCondition[] => [
  { test: `[ -d /sys/fs/cgroup/${cgroup} ]`, missing: { code: 'cgroupMissing', params: { cgroup } } },
  { test: `[ "$(cat /sys/fs/cgroup/${cgroup}/memory.max)" = ${bytes} ]`, missing: { code: 'memoryMaxNot', params: { cgroup, bytes } } },
];

/** Chapter 5's cgroup step: cgroup hog with a 16 MiB memory.max, and at least one OOM kill in it. */
export const cgroupOomCheck: LabCheck = {
  id: 'cgroup-oom',
  conditions: [
    ...cgroupWithMemoryMax('hog', 16 * 1024 * 1024),
    {
      test: `awk '$1 == "oom_kill" && $2 > 0 { found = 1 } END { exit !found }' /sys/fs/cgroup/hog/memory.events`,
      missing: { code: 'noOomKill', params: { cgroup: 'hog' } },
    },
  ],
};

/** Chapter 5's container script run: tiny-container web1 left its cgroup with a 32 MiB memory.max. */
export const tinyContainerCheck: LabCheck = {
  id: 'script-run',
  conditions: cgroupWithMemoryMax('web1', 32 * 1024 * 1024),
};

/** Chapter 6's bridge: br0 is a bridge, up, with 192.168.1.10/24, and eth0 is its port without an address of its own. */
export const bridgeCheck: LabCheck = {
  id: 'bridge-br0',
  conditions: [
    { test: '[ -d /sys/class/net/br0/bridge ]', missing: { code: 'notABridge', params: { bridge: 'br0' } } },
    { test: '[ -e /sys/class/net/br0/brif/eth0 ]', missing: { code: 'notAPort', params: { bridge: 'br0', port: 'eth0' } } },
    hasAddress('br0', 'host', '192.168.1.10/24'),
    up('br0', 'host'),
    { test: `! ip -4 -o addr show dev eth0 | grep -q ' inet '`, missing: { code: 'portHasAddress', params: { port: 'eth0' } } },
  ],
};

/**
 * Chapter 7's modprobe kvm_intel: the attempt leaves two traces that outlast it, the kernel's refusal
 * in its log and the common core kvm that modprobe loaded first as a dependency. (The other two
 * steps beside it, reading the CPU flags and looking for /dev/kvm, change nothing in the guest, so
 * there is nothing of the reader's to check.)
 */
export const kvmIntelProbeCheck: LabCheck = {
  id: 'kvm-intel-probed',
  conditions: [
    { test: `dmesg | grep -q "no hardware support for 'kvm_intel'"`, missing: { code: 'kvmIntelNotTried' } },
    { test: `grep -q '^kvm ' /proc/modules`, missing: { code: 'moduleNotLoaded', params: { module: 'kvm' } } },
  ],
};

export const labChecks = {
  'pid-running': pidNamespaceShellCheck,
  veth: vethCheck,
  'cgroup-oom': cgroupOomCheck,
  'script-run': tinyContainerCheck,
  'bridge-br0': bridgeCheck,
  'kvm-intel-probed': kvmIntelProbeCheck,
} as const;
export type LabCheckId = keyof typeof labChecks;

export function isLabCheckId(id: string): id is LabCheckId {
  return Object.hasOwn(labChecks, id);
}

/** The script the guest runs: prints `missing N` for every condition N that fails, then a last line. */
export function checkScript(check: LabCheck): string {
  const lines = check.conditions.map((condition, index) => `( ${condition.test} ) >/dev/null 2>&1 || echo "missing ${index}"`);
  return [...lines, `echo ${DONE}`].join('\n');
}

/** Reads the guest's answer to checkScript(check). */
export function readCheckOutput(check: LabCheck, output: string): CheckVerdict {
  if (!output.split('\n').some((line) => line.trim() === DONE)) return { passed: false, missing: [{ code: 'checkUnfinished' }] };
  const missing = [...output.matchAll(/^missing (\d+)\s*$/gm)]
    .map((match) => check.conditions[Number(match[1])]?.missing)
    .filter((finding): finding is CheckFinding => finding !== undefined);
  return { passed: missing.length === 0, missing };
}

/** Runs the check in a lab VM (anything with LabVM's `run`). */
export async function runLabCheck(
  vm: { run(command: string, options?: { timeoutMs?: number }): Promise<{ output: string }> },
  check: LabCheck,
): Promise<CheckVerdict> {
  const { output } = await vm.run(checkScript(check), { timeoutMs: 120_000 });
  return readCheckOutput(check, output);
}
