// Chapter 5's balloon lab against the real lab VM in Node: v86's virtio-balloon device and the
// guest's virtio_balloon driver. What the chapter states is checked here: inflating by N MiB takes
// exactly N MiB off the guest's MemTotal and about as much off MemFree, deflating gives both back,
// and a program that needs memory the balloon holds is refused or OOM-killed; the balloon keeps it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabVM } from '../../lib/guest/index.ts';
import { startNodeLabVM } from '../../lib/guest/node.ts';
import {
  allocateInGuest, moveBalloon, PAGES_PER_MIB, readBalloonSnapshot, requestBalloonStats,
} from '../../lib/balloon/index.ts';
import type { BalloonSnapshot } from '../../lib/balloon/index.ts';

let vm: LabVM;

beforeAll(async () => {
  vm = await startNodeLabVM();
});

afterAll(async () => {
  await vm?.destroy();
});

async function snapshot(): Promise<BalloonSnapshot> {
  const read = await readBalloonSnapshot(vm, { countPages: true });
  if (!read.ok) throw new Error(read.problem.code);
  return read.value;
}

async function move(direction: 'inflate' | 'deflate', mib: number) {
  const moved = await moveBalloon(vm, direction, mib, { stallMs: 10_000 });
  if (!moved.ok) throw new Error(moved.problem.code);
  expect(moved.value.outcome.code).toBe('reached');
  return moved.value;
}

describe('balloon: inflate and deflate in the lab VM', () => {
  it('the guest has bound virtio_balloon to the device and the balloon starts empty', async () => {
    const driver = await vm.run('ls /sys/bus/virtio/drivers/virtio_balloon | grep -c ^virtio');
    expect(driver.output.trim()).toBe('1');
    const start = await snapshot();
    expect(start.device).toEqual({ targetPages: 0, actualPages: 0 });
    expect(start.driver).not.toBeNull();
  });

  it('inflating by 32 MiB takes 32 MiB off MemTotal and about as much off MemFree; deflating gives them back', async () => {
    const before = await snapshot();
    await move('inflate', 32);
    const inflated = await snapshot();
    expect(inflated.device).toEqual({ targetPages: 32 * PAGES_PER_MIB, actualPages: 32 * PAGES_PER_MIB });
    expect(before.guest.memTotalKiB - inflated.guest.memTotalKiB).toBe(32 * 1024);
    const freeDrop = before.guest.memFreeKiB - inflated.guest.memFreeKiB;
    expect(freeDrop).toBeGreaterThan(28 * 1024);
    expect(freeDrop).toBeLessThan(36 * 1024);
    expect(inflated.driver!.inflatedPages - before.driver!.inflatedPages).toBe(32 * PAGES_PER_MIB);
    // The emulator keeps its memory: v86's guest RAM is one WebAssembly memory of fixed size.
    expect(inflated.host.emulatorMemoryBytes).toBe(before.host.emulatorMemoryBytes);

    await move('deflate', 32);
    const deflated = await snapshot();
    expect(deflated.device).toEqual({ targetPages: 0, actualPages: 0 });
    expect(deflated.guest.memTotalKiB).toBe(before.guest.memTotalKiB);
    expect(Math.abs(deflated.guest.memFreeKiB - before.guest.memFreeKiB)).toBeLessThan(4 * 1024);
    expect(deflated.driver!.deflatedPages - before.driver!.deflatedPages).toBe(32 * PAGES_PER_MIB);
  });

  it('the driver reports the guest memory statistics over the stats queue', async () => {
    const stats = await requestBalloonStats(vm, 10_000);
    const meminfo = await snapshot();
    expect(stats).not.toBeNull();
    expect(stats!.MEMTOT).toBe(meminfo.guest.memTotalKiB * 1024);
    expect(stats!.MEMFREE).toBeGreaterThan(0);
  });

  it('with 64 MiB in the balloon, a program that needs the memory is refused or OOM-killed and the balloon keeps it', async () => {
    await move('inflate', 64);
    const inflated = await snapshot();
    const memTotalMib = inflated.guest.memTotalKiB / 1024;
    const availableMib = inflated.guest.memAvailableKiB / 1024;

    const small = await allocateInGuest(vm, 4);
    expect(small.outcome.code).toBe('fitted');

    // More than MemTotal: the heuristic overcommit check (mode 0) refuses the malloc itself.
    const tooBig = await allocateInGuest(vm, Math.ceil(memTotalMib) + 8);
    expect(tooBig.overcommitMode).toBe(0);
    expect(tooBig.outcome.code).toBe('refused');

    // Less than MemTotal, more than MemAvailable: the malloc succeeds, touching the pages runs out.
    const between = Math.floor((memTotalMib + availableMib) / 2);
    expect(between).toBeGreaterThan(availableMib);
    const killed = await allocateInGuest(vm, between);
    expect(killed.outcome).toEqual({ code: 'killed', params: { mib: between, victim: 'dd' } });
    expect(killed.kernelLog.some((line) => /Out of memory: Killed process \d+ \(dd\)/.test(line))).toBe(true);

    // The balloon did not deflate to save the program (v86 does not offer DEFLATE_ON_OOM).
    const after = await snapshot();
    expect(after.device.actualPages).toBe(64 * PAGES_PER_MIB);
    expect(after.guest.memTotalKiB).toBe(inflated.guest.memTotalKiB);

    await move('deflate', 64);
    const fits = await allocateInGuest(vm, between);
    expect(fits.outcome.code).toBe('fitted');
  });
});
