import { describe, expect, test } from 'vitest';
import {
  DirtyPageTracker, PAGE_BYTES, PAGES_PER_MIB, QEMU_DOWNTIME_LIMIT_SECONDS, XEN_MAX_ITERATIONS, dirtyingFromCurve, simulatePreCopy,
  sustainedDirtyRate,
} from '../../../lib/migration/index.ts';

const PAGES = 256;

/** One whole pass over `memory` at `seconds`, in slices of 100 pages. */
function pass(tracker: DirtyPageTracker, memory: Uint8Array, seconds: number) {
  tracker.beginPass(seconds);
  for (let from = 0; from < tracker.pageCount; from += 100) {
    expect(tracker.scan(memory, from, Math.min(tracker.pageCount, from + 100))).toBeNull();
  }
  const ended = tracker.endPass();
  if ('problem' in ended) throw new Error(ended.problem.code);
  return ended.interval;
}

function write(memory: Uint8Array, page: number, byte: number) {
  memory[page * PAGE_BYTES + (byte % PAGE_BYTES)] = (memory[page * PAGE_BYTES + (byte % PAGE_BYTES)]! + 1) & 0xff;
}

describe('dirty pages counted by hashing RAM', () => {
  test('the first pass takes fingerprints; later passes count exactly the pages whose bytes changed', () => {
    const memory = new Uint8Array(PAGES * PAGE_BYTES);
    const tracker = new DirtyPageTracker(memory.length);
    expect(tracker.pageCount).toBe(PAGES);
    expect(pass(tracker, memory, 0)).toBeNull();
    expect(pass(tracker, memory, 1)).toEqual({ seconds: 1, dirtiedPages: 0 });
    for (const page of [0, 7, 7, 7, 255]) write(memory, page, page * 13);
    // One byte at the very end of a page counts too.
    memory[3 * PAGE_BYTES + PAGE_BYTES - 1] = 9;
    expect(pass(tracker, memory, 2.5)).toEqual({ seconds: 1.5, dirtiedPages: 4 });
    expect(pass(tracker, memory, 3)).toEqual({ seconds: 0.5, dirtiedPages: 0 });
  });

  test('the curve counts distinct pages per window: a page rewritten every interval counts once', () => {
    const memory = new Uint8Array(PAGES * PAGE_BYTES);
    const tracker = new DirtyPageTracker(memory.length);
    pass(tracker, memory, 0);
    // Each interval: page 0 (hot) and one new page, 10 + i.
    for (let i = 1; i <= 4; i++) {
      write(memory, 0, i);
      write(memory, 10 + i, i);
      pass(tracker, memory, i);
    }
    const curve = tracker.curve();
    expect(curve.map((p) => p.seconds)).toEqual([1, 2, 3, 4]);
    expect(curve.map((p) => p.pages)).toEqual([2, 3, 4, 5]);
  });

  test('a pass that skipped pages, memory of the wrong size and a slice out of range are reported as codes', () => {
    const memory = new Uint8Array(PAGES * PAGE_BYTES);
    const tracker = new DirtyPageTracker(memory.length);
    tracker.beginPass(0);
    expect(tracker.scan(new Uint8Array(PAGE_BYTES), 0, 1)).toEqual({ code: 'memoryTooSmall', params: { bytes: PAGE_BYTES, expectedBytes: PAGES * PAGE_BYTES } });
    expect(tracker.scan(memory, 200, 300)).toEqual({ code: 'chunkOutOfRange', params: { from: 200, to: 300, pages: PAGES } });
    expect(tracker.scan(memory, 0, 10)).toBeNull();
    expect(tracker.endPass()).toEqual({ problem: { code: 'passIncomplete', params: { hashed: 10, pages: PAGES } } });
  });

  test('memory that is not 4-byte aligned is hashed the same', () => {
    const backing = new Uint8Array(PAGES * PAGE_BYTES + 1);
    const memory = backing.subarray(1);
    const tracker = new DirtyPageTracker(memory.length);
    pass(tracker, memory, 0);
    write(memory, 42, 1);
    expect(pass(tracker, memory, 1)?.dirtiedPages).toBe(1);
  });
});

describe('pre-copy driven by a measured dirty curve', () => {
  const memoryPages = 128 * PAGES_PER_MIB;
  // A writer at 2,000 pages/s over an 8 MiB working set, measured as a curve over 8 intervals of 0.5 s.
  const workingSet = 8 * PAGES_PER_MIB;
  const curve = Array.from({ length: 8 }, (_, i) => ({ seconds: 0.5 * (i + 1), pages: Math.min(workingSet, 2000 * 0.5 * (i + 1)) }));
  const dirtying = dirtyingFromCurve(curve, memoryPages);

  test('the curve is followed between its points, continued at its last slope, and capped at memory', () => {
    expect(dirtying(0)).toBe(0);
    expect(dirtying(0.25)).toBeCloseTo(500);
    expect(dirtying(0.75)).toBeCloseTo(1500);
    expect(dirtying(10)).toBe(workingSet);
    const growing = dirtyingFromCurve([{ seconds: 1, pages: 1000 }, { seconds: 2, pages: 1500 }], memoryPages);
    expect(growing(4)).toBeCloseTo(2500);
    expect(growing(1e6)).toBe(memoryPages);
    expect(dirtyingFromCurve([], memoryPages)(5)).toBe(0);
  });

  test('converges when the link outruns the measured rate and not when the rate outruns the link', () => {
    const steady = dirtyingFromCurve([{ seconds: 1, pages: 3000 }, { seconds: 2, pages: 6000 }], memoryPages);
    const rate = sustainedDirtyRate(steady, 2);
    expect(rate).toBe(3000);
    const run = (bandwidth: number) =>
      simulatePreCopy({
        memoryPages, dirtiedPages: steady, bandwidthPagesPerSecond: bandwidth,
        downtimeLimitSeconds: QEMU_DOWNTIME_LIMIT_SECONDS, maxRounds: XEN_MAX_ITERATIONS,
      });
    expect(run(rate * 8).ending).toBe('converged');
    expect(run(rate * 0.8).ending).not.toBe('converged');
    expect(run(rate * 0.8).downtimeSeconds).toBeGreaterThan(QEMU_DOWNTIME_LIMIT_SECONDS);
  });
});
