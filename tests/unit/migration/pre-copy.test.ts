import { describe, expect, test } from 'vitest';
import {
  PAGES_PER_MIB, QEMU_DOWNTIME_LIMIT_SECONDS, XEN_MAX_ITERATIONS, logSpacedBandwidths, preCopyAcrossBandwidths, randomWriterDirtying,
  simulatePreCopy, stopAndCopySeconds,
} from '../../../lib/migration/index.ts';

const memoryPages = 1024 * PAGES_PER_MIB; // 1 GiB
const bandwidth = 128 * PAGES_PER_MIB; // 128 MiB/s

function migrate(ratePagesPerSecond: number, workingSetPages = memoryPages) {
  return simulatePreCopy({
    memoryPages,
    dirtiedPages: randomWriterDirtying(ratePagesPerSecond, workingSetPages),
    bandwidthPagesPerSecond: bandwidth,
    downtimeLimitSeconds: QEMU_DOWNTIME_LIMIT_SECONDS,
    maxRounds: XEN_MAX_ITERATIONS,
  });
}

describe('pre-copy migration', () => {
  test('an idle guest goes in one round and a stop-and-copy of nothing', () => {
    const r = migrate(0);
    expect(r.ending).toBe('converged');
    expect(r.rounds).toHaveLength(1);
    expect(r.downtimeSeconds).toBe(0);
    expect(r.totalSeconds).toBeCloseTo(stopAndCopySeconds(memoryPages, bandwidth));
  });

  test('a dirty rate well under the link converges, with downtime under the limit and far under stop-and-copy', () => {
    const r = migrate(bandwidth / 10);
    expect(r.ending).toBe('converged');
    expect(r.downtimeSeconds).toBeLessThanOrEqual(QEMU_DOWNTIME_LIMIT_SECONDS);
    expect(r.downtimeSeconds).toBeLessThan(stopAndCopySeconds(memoryPages, bandwidth) / 10);
    for (let i = 1; i < r.rounds.length; i++) expect(r.rounds[i]!.pagesSent).toBeLessThan(r.rounds[i - 1]!.pagesSent);
  });

  test('as the dirty rate crosses the bandwidth, pre-copy stops converging', () => {
    const under = migrate(bandwidth * 0.5);
    const over = migrate(bandwidth * 2);
    expect(under.ending).toBe('converged');
    expect(over.ending).not.toBe('converged');
    expect(over.downtimeSeconds).toBeGreaterThan(QEMU_DOWNTIME_LIMIT_SECONDS);
  });

  test('a small writable working set converges whatever its rate: the last round sends the set', () => {
    const hot = 20 * PAGES_PER_MIB; // 20 MiB rewritten over and over
    const r = migrate(bandwidth * 4, hot);
    expect(r.finalPages).toBeLessThanOrEqual(hot);
    expect(r.downtimeSeconds).toBeLessThanOrEqual(hot / bandwidth);
  });

  test('the round limit forces a stop-and-copy', () => {
    const r = simulatePreCopy({
      memoryPages,
      dirtiedPages: (s) => 0.9 * bandwidth * s,
      bandwidthPagesPerSecond: bandwidth,
      downtimeLimitSeconds: 0.001,
      maxRounds: 3,
    });
    expect(r.ending).toBe('round-limit');
    expect(r.rounds).toHaveLength(3);
  });
});

describe('pre-copy across links', () => {
  test('log-spaced bandwidths run from low to high; each gets pre-copy and stop-and-copy', () => {
    const links = logSpacedBandwidths(PAGES_PER_MIB, 1000 * PAGES_PER_MIB, 4);
    expect(links[0]).toBeCloseTo(PAGES_PER_MIB);
    expect(links[3]).toBeCloseTo(1000 * PAGES_PER_MIB);
    expect(links[1]).toBeCloseTo(10 * PAGES_PER_MIB);
    const outcomes = preCopyAcrossBandwidths(
      { memoryPages, dirtiedPages: randomWriterDirtying(10 * PAGES_PER_MIB, memoryPages), downtimeLimitSeconds: QEMU_DOWNTIME_LIMIT_SECONDS, maxRounds: XEN_MAX_ITERATIONS },
      links,
    );
    expect(outcomes.map((o) => o.preCopy.ending === 'converged')).toEqual([false, false, true, true]);
    for (const o of outcomes) expect(o.stopAndCopySeconds).toBeCloseTo(memoryPages / o.bandwidthPagesPerSecond);
    expect(() => logSpacedBandwidths(0, 1, 3)).toThrow(RangeError);
  });
});
