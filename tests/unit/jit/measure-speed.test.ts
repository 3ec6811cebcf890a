import { describe, expect, test } from 'vitest';
import { compileProgram } from '../../../lib/pascal/index.ts';
import { JIT_EXAMPLES, measureSpeed } from '../../../lib/jit/index.ts';

const fib = JIT_EXAMPLES.find((e) => e.id === 'fib')!;

describe('measureSpeed', () => {
  test('runs every engine warm-up + runs times, and they all compute the same thing', async () => {
    const { program } = compileProgram(fib.source);
    let progress = 0;
    let pauses = 0;
    const outcome = await measureSpeed(program!, {
      runs: 2,
      threshold: 5,
      onProgress: (done) => (progress = done),
      pause: async () => {
        pauses++;
      },
    });
    expect(outcome.status).toBe('done');
    expect(outcome.results.map((r) => r.engine)).toEqual(['interpreter', 'dispatcher', 'chaining']);
    for (const r of outcome.results) {
      expect(r.times).toHaveLength(2);
      expect(r.outcome).toBe('halted');
      expect(r.output).toBe('   6765  10946  17711  28657  46368  75025\n');
      expect(r.steps).toBe(outcome.results[0]!.steps);
      expect(r.median).toBeGreaterThan(0);
    }
    expect(progress).toBe(9);
    expect(pauses).toBeGreaterThanOrEqual(9);
    // The measured program is a copy: the caller's code is untouched.
    expect(compileProgram(fib.source).program!.code).toEqual(program!.code);
  });

  test('stops when asked, and refuses programs that run too long', async () => {
    const { program } = compileProgram(fib.source);
    let calls = 0;
    const stopped = await measureSpeed(program!, { shouldStop: () => ++calls > 3 });
    expect(stopped.status).toBe('stopped');
    const tooLong = await measureSpeed(program!, { maxSteps: 10_000 });
    expect(tooLong.status).toBe('too-long');
  });
});
