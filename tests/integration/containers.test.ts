/**
 * Chapter 6's container lab against the real guest: every step's command, exactly as the page
 * shows it, must print what the page promises.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabVM, RunResult } from '../../lib/guest/index.ts';
import { startNodeLabVM } from '../../lib/guest/node.ts';
import { LAB_VM_MEASUREMENTS } from '../../lib/density/index.ts';
import {
  cgroupKill,
  chroot,
  containerLabSteps,
  measureContainerMemory,
  mountNamespace,
  netEmpty,
  pidBothSides,
  pidInside,
  pivotRoot,
  theVM,
  tinyContainerRun,
  tinyContainerScript,
  uts,
  veth,
  type ContainerLabStep,
} from '../../lib/containers/index.ts';

let vm: LabVM;

beforeAll(async () => {
  vm = await startNodeLabVM();
});

afterAll(async () => {
  await vm?.destroy();
});

async function runStep(step: ContainerLabStep, timeoutMs = 90_000): Promise<RunResult> {
  const result = await vm.run(step.command, { timeoutMs });
  expect(result.timedOut, `${step.id} timed out:\n${result.output}`).toBeFalsy();
  expect(result.output, `${step.id} printed what its check expects`).toMatch(new RegExp(step.expect, 'm'));
  expect(result.output, `${step.id} crashed something`).not.toMatch(/Segmentation fault|can't fork/);
  return result;
}

/** Process lines of a `ps -o pid,args` listing (the header left out). */
function processLines(listing: string): string[] {
  return listing.split('\n').filter((line) => /^\s*\d+ /.test(line));
}

describe('the container lab, step by step', () => {
  it('every step has a unique id, a command and a pattern that compiles', () => {
    const ids = containerLabSteps.map((step) => step.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const step of containerLabSteps) {
      expect(step.command.trim().length, step.id).toBeGreaterThan(0);
      expect(() => new RegExp(step.expect, 'm'), step.id).not.toThrow();
    }
  });

  it('PID namespace: the shell inside is PID 1 and ps sees only the namespace', async () => {
    const { output } = await runStep(pidInside);
    expect(output).toContain('inside: my PID is 1\n');
    const listing = output.slice(output.indexOf('PID'), output.indexOf('(ps saw'));
    const lines = processLines(listing);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\s*1 sh -c/);
  });

  it('PID namespace from both sides: an ordinary host PID outside, PID 1 inside', async () => {
    const { output } = await runStep(pidBothSides);
    const hostPid = Number(/contained sleep is PID (\d+)/.exec(output)?.[1]);
    expect(hostPid).toBeGreaterThan(1);
    expect(output).toMatch(new RegExp(`\\n\\s*${hostPid}\\s+\\d+ sleep 1000\\n`));
    const inside = output.slice(output.indexOf('container view'));
    expect(processLines(inside)).toEqual(['    1 sleep 1000']);
    const after = await vm.run(`ps -o pid,args | grep -c '[s]leep 1000'`);
    expect(after.output.trim()).toBe('0');
  });

  it('UTS namespace: a different hostname inside, unchanged outside', async () => {
    await runStep(uts);
    expect((await vm.run('hostname')).output.trim()).toBe('lab');
  });

  it('mount namespace: its own /proc lists a handful of processes, and its mount is invisible outside', async () => {
    const { output } = await runStep(mountNamespace);
    const [inside, outside] = [...output.matchAll(/(\d+) processes in \/proc/g)].map((match) => Number(match[1]));
    expect(inside).toBeLessThan(5);
    expect(outside).toBeGreaterThan(inside + 10);
    expect((await vm.run('ls /srv')).output.trim()).toBe('otherroot');
  });

  it('network namespace: only lo, and it is down', async () => {
    const { output } = await runStep(netEmpty);
    const inside = output.slice(output.indexOf('new network namespace:')).split('\n').slice(1).filter((line) => line.trim());
    expect(inside).toHaveLength(1);
    expect(inside[0]).toMatch(/^lo\s+DOWN/);
  });

  it('veth pair: the host pings the namespace, and the namespace answers', async () => {
    const { output } = await runStep(veth);
    expect(output).toContain('0% packet loss');
    const back = await vm.run('ip netns exec box ping -c 1 10.0.0.1');
    expect(back.output).toContain('1 packets received');
    // Running the step again starts from scratch and still works.
    await runStep(veth);
  });

  it('cgroup v2: the memory hog is OOM-killed at 16 MiB and memory.events counts it', async () => {
    const first = await runStep(cgroupKill);
    const kills = (text: string) => Number(/\boom_kill (\d+)/.exec(text)?.[1]);
    const second = await runStep(cgroupKill);
    expect(kills(second.output)).toBe(kills(first.output) + 1);
    // The host shell is untouched by the kill.
    expect((await vm.run('echo alive')).output.trim()).toBe('alive');
  });

  it('chroot: another distribution, the same kernel', async () => {
    const { output } = await runStep(chroot);
    const kernels = [...output.matchAll(/, kernel (\S+)/g)].map((match) => match[1]);
    expect(kernels).toHaveLength(2);
    expect(kernels[0]).toBe(kernels[1]);
  });

  it('pivot_root: the old root is gone inside, the host keeps its own', async () => {
    await runStep(pivotRoot);
    expect((await vm.run('grep PRETTY_NAME /etc/os-release')).output).toContain('PRETTY_NAME="Lab VM');
  });

  it('the twenty-line script is in the guest and is at most twenty lines', async () => {
    const { output } = await runStep(tinyContainerScript);
    expect(output.trimEnd().split('\n').length).toBeLessThanOrEqual(20);
  });

  it('the script starts a container: PID 1, own hostname, other root, same kernel, only lo, own cgroup', async () => {
    const { output } = await runStep(tinyContainerRun);
    const listing = output.slice(output.indexOf('PID'), output.indexOf('PRETTY_NAME'));
    expect(processLines(listing)).toHaveLength(2);
    expect(output).not.toMatch(/\beth0\b/);
    const exit = await vm.run(`tiny-container web2 sh -c 'exit 7'; echo "status $?"`);
    expect(exit.output.trim()).toBe('status 7');
  });

  it('the lab VM runs its own i686 kernel on an emulated machine', async () => {
    await runStep(theVM);
  });
});

describe("the density calculator's lab figures", () => {
  it('match a fresh measurement in the guest', async () => {
    const { output, status } = await runStep(measureContainerMemory, 150_000);
    // Only the measurement: no job-control notices from the shell, and a clean exit.
    expect(output).not.toMatch(/Killed|\[\d+\][+-]? /);
    expect(status).toBe(0);
    const guestMiB = Number(/guest in use before: (\d+) MiB/.exec(output)?.[1]);
    const eachKiB = Number(/KiB, (-?\d+) KiB each/.exec(output)?.[1]);
    // The published figures must stay within a factor of two of what the guest shows today.
    expect(guestMiB).toBeGreaterThan(LAB_VM_MEASUREMENTS.guestUsedMiB / 2);
    expect(guestMiB).toBeLessThan(LAB_VM_MEASUREMENTS.guestUsedMiB * 2);
    expect(eachKiB).toBeGreaterThan(0);
    expect(eachKiB / 1024).toBeLessThan(LAB_VM_MEASUREMENTS.containerMiB * 4);
  });
});
