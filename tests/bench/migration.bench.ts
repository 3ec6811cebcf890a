/**
 * Live migration of the lab VM (chapter 5), as a Markdown table: a real stop-and-copy from one v86
 * emulator to another in Node, with the counter running, back and forth; its state size, downtime
 * (save + restore), the pause the guest's counter saw, and the memory two emulators hold.
 *
 *   node tests/bench/migration.bench.ts            (needs public/guest)
 */
import { startNodeLabVM } from '../../lib/guest/node.ts';
import type { LabVM } from '../../lib/guest/index.ts';
import { CounterReader, counterStartCommand, migrateLabVM } from '../../lib/migration/index.ts';

const MIGRATIONS = 7;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const now = () => performance.now();
const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(0)} MiB`;

async function waitForLines(reader: CounterReader, count: number): Promise<void> {
  const started = now();
  while (reader.lines.length < count) {
    if (now() - started > 60_000) throw new Error('the counter stopped');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function main(): Promise<void> {
  const rssBefore = process.memoryUsage().rss;
  let vm: LabVM = await startNodeLabVM();
  const rssOne = process.memoryUsage().rss;
  const reader = new CounterReader(now);
  let detach = reader.attach(vm);
  await vm.run(counterStartCommand());
  await waitForLines(reader, 3);
  const downtimes: number[] = [];
  const saves: number[] = [];
  const restores: number[] = [];
  const gaps: number[] = [];
  let stateBytes = 0;
  let rssTwo = 0;
  let rssWaiting = 0;
  for (let run = 0; run < MIGRATIONS; run++) {
    const incoming = await vm.prepareIncoming();
    rssWaiting = Math.max(rssWaiting, process.memoryUsage().rss);
    const lastBefore = reader.lines.at(-1)!;
    const { vm: next, measurement } = await migrateLabVM(vm, incoming, now);
    rssTwo = Math.max(rssTwo, process.memoryUsage().rss);
    detach();
    await vm.destroy();
    vm = next;
    detach = reader.attach(vm);
    const seen = reader.lines.length;
    await waitForLines(reader, seen + 2);
    const firstAfter = reader.lines.find((line) => line.count === lastBefore.count + 1);
    if (!firstAfter) throw new Error(`the counter did not carry on after ${lastBefore.count}`);
    gaps.push(firstAfter.receivedAt - lastBefore.receivedAt);
    downtimes.push(measurement.downtimeMs);
    saves.push(measurement.saveMs);
    restores.push(measurement.restoreMs);
    stateBytes = measurement.stateBytes;
  }
  const memory = vm.guestMemory();
  const wasmBytes = memory ? memory.buffer.byteLength : 0;
  detach();
  await vm.destroy();

  process.stdout.write(`Live migration of the lab VM, Node ${process.version}, ${MIGRATIONS} stop-and-copy migrations back and forth, counter running\n\n`);
  process.stdout.write('| measure | value |\n|---|---|\n');
  const rows: [string, string][] = [
    ['state moved (RAM without its zero pages, CPU, devices), uncompressed', `${(stateBytes / 1e6).toFixed(1)} MB`],
    [`downtime, A stopped → B running (median of ${MIGRATIONS}; min–max)`, `${median(downtimes).toFixed(0)} ms (${Math.min(...downtimes).toFixed(0)}–${Math.max(...downtimes).toFixed(0)})`],
    ['… of which save_state / restore_state + run (medians)', `${median(saves).toFixed(0)} ms / ${median(restores).toFixed(0)} ms`],
    ['pause the guest’s counter saw across a migration (median; it ticks every 250 ms)', `${median(gaps).toFixed(0)} ms`],
    ['WebAssembly memory of one emulator (guest RAM 128 MiB inside)', mib(wasmBytes)],
    [
      'process RSS (most seen): one emulator running / plus one waiting, empty / both just after a migration (Node alone: ' + mib(rssBefore) + ')',
      `${mib(rssOne)} / ${mib(rssWaiting)} / ${mib(rssTwo)}`,
    ],
  ];
  for (const [name, value] of rows) process.stdout.write(`| ${name} | ${value} |\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`migration bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
