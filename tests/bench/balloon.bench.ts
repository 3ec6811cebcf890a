/**
 * Balloon figures in the lab VM (Node), as a Markdown table: how long the guest's virtio_balloon
 * driver takes to hand over and take back N MiB, and what each layer reports before and after.
 * Medians of 3 rounds per size; timings move with the machine's load, the MiB figures do not.
 *
 *   node tests/bench/balloon.bench.ts          (needs public/guest)
 */
import { startNodeLabVM } from '../../lib/guest/node.ts';
import type { LabVM } from '../../lib/guest/index.ts';
import { moveBalloon, readBalloonSnapshot, requestBalloonStats, type BalloonSnapshot } from '../../lib/balloon/index.ts';

const SIZES_MIB = [8, 32, 64];
const ROUNDS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mib = (kib: number) => `${(kib / 1024).toFixed(1)} MiB`;

async function snapshot(vm: LabVM): Promise<BalloonSnapshot> {
  const read = await readBalloonSnapshot(vm, { countPages: true });
  if (!read.ok) throw new Error(`cannot read the balloon: ${read.problem.code}`);
  return read.value;
}

async function move(vm: LabVM, direction: 'inflate' | 'deflate', size: number): Promise<number> {
  const moved = await moveBalloon(vm, direction, size, { stallMs: 10_000 });
  if (!moved.ok) throw new Error(`${direction} ${size} MiB: ${moved.problem.code}`);
  if (moved.value.outcome.code !== 'reached') throw new Error(`${direction} ${size} MiB stalled`);
  return moved.value.ms;
}

async function main(): Promise<void> {
  const vm = await startNodeLabVM();
  try {
    const empty = await snapshot(vm);
    const rows: string[] = [];
    for (const size of SIZES_MIB) {
      const inflateMs: number[] = [];
      const deflateMs: number[] = [];
      let full = empty;
      for (let round = 0; round < ROUNDS; round++) {
        inflateMs.push(await move(vm, 'inflate', size));
        full = await snapshot(vm);
        deflateMs.push(await move(vm, 'deflate', size));
      }
      rows.push(
        `| ${size} MiB | ${median(inflateMs).toFixed(0)} ms | ${median(deflateMs).toFixed(0)} ms | ${mib(empty.guest.memTotalKiB)} → ${mib(full.guest.memTotalKiB)} | ${mib(empty.guest.memFreeKiB)} → ${mib(full.guest.memFreeKiB)} | ${full.host.emulatorMemoryBytes === empty.host.emulatorMemoryBytes ? 'unchanged' : 'changed'} |`,
      );
    }
    const statsStart = performance.now();
    const stats = await requestBalloonStats(vm, 10_000);
    const statsMs = performance.now() - statsStart;
    console.log('| balloon | inflate (median of 3) | deflate (median of 3) | guest MemTotal | guest MemFree | emulator memory |');
    console.log('|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
    console.log('');
    console.log(`Stats queue round trip (GetStats → the driver's report): ${stats ? `${statsMs.toFixed(0)} ms` : 'no answer in 10 s'}`);
    console.log(`Guest pages that are not all zeros (balloon empty): ${empty.host.nonZeroPages} of ${empty.host.guestRamPages}`);
  } finally {
    await vm.destroy();
  }
}

await main();
