/**
 * The lab checks against the real guest: each fails before its step (saying what is missing),
 * passes after the step's own command, and passes after commands typed by hand instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabVM } from '../../lib/guest/index.ts';
import { startNodeLabVM } from '../../lib/guest/node.ts';
import { bridgeCheck, cgroupOomCheck, pidNamespaceShellCheck, runLabCheck, tinyContainerCheck, vethCheck, type LabCheck } from '../../lib/lab-checks/index.ts';
import { applyBridgeFilesInLabVM, generateBridgePair } from '../../lib/ifcfg/index.ts';
import { cgroupKill, pidBothSides, pidRunning, tinyContainerRun, veth } from '../../lib/containers/index.ts';

let vm: LabVM;

beforeAll(async () => {
  vm = await startNodeLabVM();
});

afterAll(async () => {
  await vm?.destroy();
});

async function run(command: string): Promise<void> {
  const result = await vm.run(command, { timeoutMs: 90_000 });
  expect(result.timedOut, result.output).toBeFalsy();
}

async function missingCodes(check: LabCheck): Promise<string[]> {
  return (await runLabCheck(vm, check)).missing.map((finding) => finding.code);
}

// Each check runs a few dozen short commands in the emulated guest; on a busy machine that is minutes.
describe('container lab checks', () => {
  it('a shell as PID 1 of a namespace: fails before, passes after the step, fails once it is killed, passes after unshare by hand', async () => {
    expect(await missingCodes(pidNamespaceShellCheck)).toEqual(['noNamespaceShell']);
    // The step before it leaves nothing behind: a demonstration.
    await run(pidBothSides.command);
    expect(await missingCodes(pidNamespaceShellCheck)).toEqual(['noNamespaceShell']);

    const step = await vm.run(pidRunning.command, { timeoutMs: 90_000 });
    expect(step.output).toMatch(new RegExp(pidRunning.expect, 'm'));
    expect(step.status).toBe(0);
    expect(await runLabCheck(vm, pidNamespaceShellCheck)).toEqual({ passed: true, missing: [] });

    const hostPid = /^host PID (\d+):/m.exec(step.output)![1];
    await run(`kill -KILL ${hostPid}; sleep 1`);
    expect(await missingCodes(pidNamespaceShellCheck)).toEqual(['noNamespaceShell']);
    // A plain sleep as PID 1 is not a shell.
    await run(`unshare --pid --fork sleep 600 >/dev/null 2>&1 &`);
    expect(await missingCodes(pidNamespaceShellCheck)).toEqual(['noNamespaceShell']);
    await run(`unshare --pid --fork sh -c 'while :; do sleep 3; done' >/dev/null 2>&1 &`);
    expect(await runLabCheck(vm, pidNamespaceShellCheck)).toEqual({ passed: true, missing: [] });
  }, 600_000);

  it('veth: fails on a fresh guest, passes after the step, and after the same by hand', async () => {
    expect(await missingCodes(vethCheck)).toEqual(['netnsMissing', 'linkMissing', 'addressMissing', 'linkDown', 'linkMissing', 'addressMissing', 'linkDown', 'pingFails']);
    await run(veth.command);
    expect(await runLabCheck(vm, vethCheck)).toEqual({ passed: true, missing: [] });

    await run('ip netns delete box; ip link delete veth-host 2>/dev/null; true');
    expect(await missingCodes(vethCheck)).toContain('netnsMissing');
    // By hand, another way round: the pair is made inside the namespace and one end moved out.
    await run('ip netns add box');
    await run('ip netns exec box ip link add veth-box type veth peer name veth-host');
    await run('ip netns exec box ip link set veth-host netns 1');
    await run('ip netns exec box ip addr add 10.0.0.2/24 dev veth-box');
    await run('ip netns exec box ip link set veth-box up');
    expect(await missingCodes(vethCheck)).toEqual(['addressMissing', 'linkDown', 'pingFails']);
    await run('ip addr add 10.0.0.1/24 dev veth-host && ip link set veth-host up');
    expect(await runLabCheck(vm, vethCheck)).toEqual({ passed: true, missing: [] });
  }, 600_000);

  it('cgroup: fails without the cgroup, passes after the step, and after another hog by hand', async () => {
    expect(await missingCodes(cgroupOomCheck)).toEqual(['cgroupMissing', 'memoryMaxNot', 'noOomKill']);
    await run(cgroupKill.command);
    expect(await runLabCheck(vm, cgroupOomCheck)).toEqual({ passed: true, missing: [] });

    await run('rmdir /sys/fs/cgroup/hog');
    await run('mkdir /sys/fs/cgroup/hog && echo 16777216 > /sys/fs/cgroup/hog/memory.max');
    expect(await missingCodes(cgroupOomCheck)).toEqual(['noOomKill']);
    await run(`sh -c 'echo $$ > /sys/fs/cgroup/hog/cgroup.procs; x=xxxxxxxxxxxxxxxx; while true; do x=$x$x; done'; echo "status $?"`);
    expect(await runLabCheck(vm, cgroupOomCheck)).toEqual({ passed: true, missing: [] });
  }, 600_000);

  it('the container script: fails before web1 ran, passes after the step, and after a container started by hand', async () => {
    expect(await missingCodes(tinyContainerCheck)).toEqual(['cgroupMissing', 'memoryMaxNot']);
    await run(tinyContainerRun.command);
    expect(await runLabCheck(vm, tinyContainerCheck)).toEqual({ passed: true, missing: [] });

    await run('rmdir /sys/fs/cgroup/web1');
    expect(await missingCodes(tinyContainerCheck)).toEqual(['cgroupMissing', 'memoryMaxNot']);
    await run('tiny-container web1 hostname');
    expect(await runLabCheck(vm, tinyContainerCheck)).toEqual({ passed: true, missing: [] });
  }, 600_000);
});

describe('KVM bridge check', () => {
  it('fails with no bridge, passes after the editor applies the pair, and after iproute2 by hand', async () => {
    expect(await missingCodes(bridgeCheck)).toEqual(expect.arrayContaining(['notABridge', 'notAPort', 'addressMissing', 'linkDown']));
    const files = generateBridgePair({ bridge: 'br0', port: 'eth0', address: '192.168.1.10/24', gateway: '192.168.1.1', dns: ['192.168.1.1'] });
    await applyBridgeFilesInLabVM(vm, files, 'br0');
    expect(await runLabCheck(vm, bridgeCheck)).toEqual({ passed: true, missing: [] });

    await run('ifup-lab --reset');
    expect(await missingCodes(bridgeCheck)).toContain('notABridge');
    await run('ip link add br0 type bridge && ip link set eth0 master br0 && ip link set eth0 up');
    expect(await missingCodes(bridgeCheck)).toEqual(['addressMissing', 'linkDown']);
    await run('ip addr add 192.168.1.10/24 dev br0 && ip link set br0 up');
    expect(await runLabCheck(vm, bridgeCheck)).toEqual({ passed: true, missing: [] });
  }, 600_000);

  it('a broken pair (TYPE=bridge) fails the check', async () => {
    await run('ifup-lab --reset');
    const files = generateBridgePair({ bridge: 'br0', port: 'eth0', address: '192.168.1.10/24', gateway: '192.168.1.1' });
    files[0].text = files[0].text.replace('TYPE=Bridge', 'TYPE=bridge');
    await applyBridgeFilesInLabVM(vm, files, 'br0');
    const verdict = await runLabCheck(vm, bridgeCheck);
    expect(verdict.passed).toBe(false);
    expect(verdict.missing.map((finding) => finding.code)).toContain('addressMissing');
  }, 600_000);
});
