import { describe, expect, test } from 'vitest';
import {
  balloonInflationShown, balloonLimitMib, balloonProblemWordings, checkBalloonAmount, countNonZeroPages, GUEST_RESERVE_MIB, parseGuestMemory,
} from '../../../lib/balloon/index.ts';
import type { BalloonSnapshot } from '../../../lib/balloon/index.ts';
import { wordMessage } from '../../../lib/book/localized-text.ts';

describe('parseGuestMemory', () => {
  test('reads MemTotal, MemFree, MemAvailable and the driver counters', () => {
    const text = 'MemTotal:          97652 kB\nMemFree:           74828 kB\nMemAvailable:      77152 kB\nballoon_inflate 8192\nballoon_deflate 0\n';
    expect(parseGuestMemory(text)).toEqual({
      meminfo: { memTotalKiB: 97652, memFreeKiB: 74828, memAvailableKiB: 77152 },
      driver: { inflatedPages: 8192, deflatedPages: 0 },
    });
  });
  test('says nothing it did not read', () => {
    expect(parseGuestMemory('MemTotal: 1 kB\n')).toEqual({ meminfo: null, driver: null });
  });
});

describe('checkBalloonAmount', () => {
  const limits = { inflatedMib: 16, limitMib: 67 };
  test('accepts whole MiB within the limits', () => {
    expect(checkBalloonAmount(' 32 ', 'inflate', limits)).toEqual({ ok: true, value: 32 });
    expect(checkBalloonAmount('16', 'deflate', limits)).toEqual({ ok: true, value: 16 });
  });
  test('says what is wrong with anything else, in both editions', () => {
    const cases = [
      checkBalloonAmount('1.5', 'inflate', limits),
      checkBalloonAmount('0', 'inflate', limits),
      checkBalloonAmount('60', 'inflate', limits),
      checkBalloonAmount('17', 'deflate', limits),
    ];
    expect(cases.map((c) => (c.ok ? 'ok' : c.problem.code))).toEqual(['notAWholeNumber', 'notPositive', 'beyondLimit', 'moreThanInflated']);
    const beyond = cases[2];
    if (beyond.ok) throw new Error('expected a problem');
    expect(wordMessage(balloonProblemWordings, beyond.problem, 'en')).toContain('76 MiB');
    expect(wordMessage(balloonProblemWordings, beyond.problem, 'zh-CN')).toContain('67 MiB');
  });
  test('the limit leaves the guest its reserve', () => {
    expect(balloonLimitMib(97652)).toBe(95 - GUEST_RESERVE_MIB);
    expect(balloonLimitMib(1024)).toBe(0);
  });
});

describe('countNonZeroPages', () => {
  test('counts 4 KiB pages with any non-zero byte', () => {
    const ram = new Uint8Array(4096 * 4);
    ram[5] = 1;
    ram[4096 * 2 + 4095] = 7;
    expect(countNonZeroPages(ram)).toBe(2);
    expect(countNonZeroPages(ram.subarray(1))).toBe(2);
  });
});

describe('balloonInflationShown', () => {
  const snapshot = (memTotalKiB: number, actualPages: number): BalloonSnapshot => ({
    guest: { memTotalKiB, memFreeKiB: 1000, memAvailableKiB: 1000 },
    driver: null,
    device: { targetPages: actualPages, actualPages },
    host: { emulatorMemoryBytes: null, nonZeroPages: null, guestRamPages: null },
  });
  test('counts a move only when the balloon took pages and the guest’s MemTotal dropped', () => {
    expect(balloonInflationShown(snapshot(125_000, 0), snapshot(92_232, 8192))).toBe(true);
    expect(balloonInflationShown(snapshot(92_232, 8192), snapshot(125_000, 0))).toBe(false); // a deflation
    expect(balloonInflationShown(snapshot(125_000, 0), snapshot(125_000, 8192))).toBe(false); // the guest did not give the memory up
    expect(balloonInflationShown(snapshot(125_000, 0), snapshot(125_000, 0))).toBe(false);
  });
});
