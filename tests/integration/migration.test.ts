// Live migration of the real lab VM in Node: a counter on ttyS1 keeps counting across a
// stop-and-copy from one emulator (host A) to another (host B), and the pages the guest dirties,
// counted by hashing its RAM, rise with the memory writer's rate. Nothing here asserts a speed:
// the gap around the migration is compared with the downtime measured in the same run.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LabVM } from '../../lib/guest/index.ts';
import { startNodeLabVM } from '../../lib/guest/node.ts';
import {
  CounterReader, WRITER_START_TIMEOUT_MS, counterStartCommand, counterStopCommand, measureDirtyPages, migrateLabVM, writerStartCommand,
  writerStopCommand,
} from '../../lib/migration/index.ts';
import type { CounterLine, MigrationMeasurement } from '../../lib/migration/index.ts';

let hostA: LabVM | null = null;
let hostB: LabVM | null = null;

beforeAll(async () => {
  hostA = await startNodeLabVM();
});

afterAll(async () => {
  await hostA?.destroy();
  await hostB?.destroy();
});

const now = () => performance.now();

async function waitForLines(reader: CounterReader, count: number, timeoutMs = 60_000): Promise<void> {
  const started = now();
  while (reader.lines.length < count) {
    if (now() - started > timeoutMs) throw new Error(`only ${reader.lines.length} of ${count} counter lines after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('live migration of the lab VM', () => {
  let measurement: MigrationMeasurement;
  let before: CounterLine[];
  let after: CounterLine[];

  test('the counter carries on in host B from where host A stopped', async () => {
    const reader = new CounterReader(now);
    const detachA = reader.attach(hostA!);
    expect((await hostA!.run(counterStartCommand())).status).toBe(0);
    await waitForLines(reader, 6);
    const incoming = await hostA!.prepareIncoming();
    const migrated = await migrateLabVM(hostA!, incoming, now);
    detachA();
    before = [...reader.lines];
    hostB = migrated.vm;
    measurement = migrated.measurement;
    reader.attach(hostB);
    await hostA!.destroy();
    hostA = null;
    await waitForLines(reader, before.length + 6);
    after = reader.lines.slice(before.length);

    const counts = reader.lines.map((line) => line.count);
    // No reset and no line lost or repeated: 1, 2, 3 … straight through the migration.
    expect(counts).toEqual(counts.map((_, i) => i + 1));
    expect(after[0]!.count).toBe(before.at(-1)!.count + 1);
    // The guest's clock went on too (no jump back to the snapshot's time).
    expect(after[0]!.uptime).toBeGreaterThan(before.at(-1)!.uptime);
    // The shell in host B answers.
    expect((await hostB.run('echo on-host-b')).output).toBe('on-host-b\n');
    expect(measurement.stateBytes).toBeGreaterThan(16 * 1024 * 1024);

    console.log(
      `\nmigration: state ${(measurement.stateBytes / 1e6).toFixed(1)} MB, downtime ${measurement.downtimeMs.toFixed(0)} ms ` +
        `(save ${measurement.saveMs.toFixed(0)} ms, restore ${measurement.restoreMs.toFixed(0)} ms)`,
    );
  });

  test('the pause the counter shows is no longer than the measured downtime plus its own ticks', () => {
    const gaps = (lines: CounterLine[]) => lines.slice(1).map((line, i) => line.receivedAt - lines[i]!.receivedAt);
    const ordinary = Math.max(...gaps(before), ...gaps(after));
    const across = after[0]!.receivedAt - before.at(-1)!.receivedAt;
    console.log(`counter gap across the migration ${across.toFixed(0)} ms; longest ordinary gap ${ordinary.toFixed(0)} ms`);
    // The line due during the pause comes late by at most the downtime; one tick of jitter allowed.
    expect(across).toBeLessThanOrEqual(measurement.downtimeMs + 2 * ordinary);
  });

  test('pages dirtied rise with the memory writer’s rate', async () => {
    const vm = hostB!;
    expect((await vm.run(counterStopCommand())).status).toBe(0);
    // Distinct pages dirtied over five half-second intervals. On a busy machine the emulated guest
    // runs slowly and the writer manages fewer ticks than it asks for, but each tick rewrites its
    // full stretch of pages, so the count still orders the rates.
    const dirtiedOverWindow = async () => {
      const result = await measureDirtyPages(vm, {
        intervalMs: 500,
        intervals: 5,
        yieldToHost: () => new Promise((resolve) => setTimeout(resolve, 0)),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      });
      if ('problem' in result) throw new Error(result.problem.code);
      expect(result.tracker.intervals).toHaveLength(5);
      return result.tracker.curve().at(-1)!.pages;
    };
    const idle = await dirtiedOverWindow();
    expect((await vm.run(writerStartCommand(64), { timeoutMs: WRITER_START_TIMEOUT_MS })).status).toBe(0);
    const slow = await dirtiedOverWindow();
    expect((await vm.run(writerStartCommand(256), { timeoutMs: WRITER_START_TIMEOUT_MS })).status).toBe(0);
    const fast = await dirtiedOverWindow();
    expect((await vm.run(writerStopCommand())).status).toBe(0);
    console.log(`distinct pages dirtied in 5 intervals: idle ${idle}, writer asking 640 pages/s ${slow}, writer asking 2560 pages/s ${fast}`);
    expect(slow).toBeGreaterThan(idle);
    expect(fast).toBeGreaterThan(slow);
  });
});
