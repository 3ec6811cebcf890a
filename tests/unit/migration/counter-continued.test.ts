import { describe, expect, test } from 'vitest';
import { counterContinued, type CounterLine } from '../../../lib/migration/index.ts';

const line = (count: number, uptime: number): CounterLine => ({ count, clock: '12:00:00', uptime, receivedAt: 0 });

describe('counterContinued', () => {
  test('a migration counts when the new host’s first line carries on from the old host’s last', () => {
    expect(counterContinued(line(41, 10.25), line(42, 10.5))).toBe(true);
    expect(counterContinued(line(41, 10.25), line(44, 11))).toBe(true); // a line cut by the stop was skipped
  });
  test('a counter that started again, or a guest that booted again, does not count', () => {
    expect(counterContinued(line(41, 10.25), line(1, 0.5))).toBe(false);
    expect(counterContinued(line(41, 10.25), line(42, 0.75))).toBe(false);
    expect(counterContinued(line(41, 10.25), line(41, 10.25))).toBe(false);
  });
});
