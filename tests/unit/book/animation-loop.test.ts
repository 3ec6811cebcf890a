import { describe, expect, it } from 'vitest';
import { createAnimationLoop, type LoopScheduler } from '../../../components/book/useAnimationLoop.ts';
import { SLICE_MS, SPEEDS, runSlice } from '../../../components/pcode-lab/usePMachineRunner.ts';
import { compileProgram } from '../../../lib/pascal/index.ts';
import { PMachine } from '../../../lib/pcode/index.ts';

/** Frames and pauses that run only when the test says so. */
function manualScheduler() {
  let next = 1;
  const queued = new Map<number, { kind: 'frame' | 'after'; ms: number; run: () => void }>();
  const scheduler: LoopScheduler = {
    frame: (run) => (queued.set(next, { kind: 'frame', ms: 0, run }), next++),
    cancelFrame: (handle) => void queued.delete(handle),
    after: (ms, run) => (queued.set(next, { kind: 'after', ms, run }), next++),
    cancelAfter: (handle) => void queued.delete(handle),
  };
  /** Runs what is queued now (not what that queues); returns what ran. */
  const flush = () => {
    const now = [...queued.entries()];
    queued.clear();
    for (const [, item] of now) item.run();
    return now.map(([, item]) => (item.kind === 'after' ? `after ${item.ms}` : 'frame'));
  };
  return { scheduler, flush, pending: () => queued.size };
}

describe('the animation loop', () => {
  it('runs a step a frame until the step says it is done', () => {
    const { scheduler, flush } = manualScheduler();
    const loop = createAnimationLoop(scheduler);
    let steps = 0;
    loop.start(() => ++steps < 3);
    expect(steps).toBe(0); // the first step waits for a frame
    expect(flush()).toEqual(['frame']);
    expect(flush()).toEqual(['frame']);
    expect(flush()).toEqual(['frame']);
    expect(steps).toBe(3);
    expect(loop.running()).toBe(false);
    expect(flush()).toEqual([]);
  });

  it('runs the first step at once when asked, and pauses as long as a step asks', () => {
    const { scheduler, flush } = manualScheduler();
    const loop = createAnimationLoop(scheduler);
    let steps = 0;
    loop.start(() => (++steps < 2 ? 500 : false), { immediately: true });
    expect(steps).toBe(1);
    expect(flush()).toEqual(['after 500']);
    expect(steps).toBe(2);
    expect(loop.running()).toBe(false);
  });

  it('stops at once: a step already scheduled never runs', () => {
    const { scheduler, flush, pending } = manualScheduler();
    const loop = createAnimationLoop(scheduler);
    let steps = 0;
    loop.start(() => (++steps, true), { immediately: true });
    expect(loop.running()).toBe(true);
    loop.stop();
    expect(pending()).toBe(0);
    flush();
    expect(steps).toBe(1);
    expect(loop.running()).toBe(false);
  });

  it('starting again replaces the loop that was running', () => {
    const { scheduler, flush } = manualScheduler();
    const loop = createAnimationLoop(scheduler);
    const ran: string[] = [];
    loop.start(() => (ran.push('a'), true));
    loop.start(() => (ran.push('b'), true));
    flush();
    flush();
    expect(ran).toEqual(['b', 'b']);
  });

  it('waits for a promise, then goes on at the next frame, unless stopped meanwhile', async () => {
    const { scheduler, flush } = manualScheduler();
    const loop = createAnimationLoop(scheduler);
    let release!: () => void;
    const translation = new Promise<void>((resolve) => (release = resolve));
    let steps = 0;
    loop.start(() => (++steps === 1 ? translation : false), { immediately: true });
    expect(flush()).toEqual([]);
    release();
    await translation;
    expect(flush()).toEqual(['frame']);
    expect(steps).toBe(2);

    let releaseAgain!: () => void;
    const again = new Promise<void>((resolve) => (releaseAgain = resolve));
    loop.start(() => again, { immediately: true });
    loop.stop();
    releaseAgain();
    await again;
    expect(flush()).toEqual([]);
  });
});

describe('the P-machine runner', () => {
  const { program } = compileProgram('program count; var i, s: integer; begin s := 0; for i := 1 to 100000 do s := s + 1; writeln(s) end.');

  it('runs a slow speed one instruction a slice', () => {
    const machine = new PMachine(program!);
    expect(runSlice(machine, SPEEDS.slow)).toBe('budget');
    expect(machine.steps).toBe(1);
  });

  it('runs full speed until the time slice is spent or the program ends', () => {
    const machine = new PMachine(program!);
    let clock = 0;
    // Each call to run() takes "5 ms": three calls fill a 12 ms slice.
    const outcome = runSlice(machine, SPEEDS.max, () => (clock += 5) - 5);
    expect(SLICE_MS).toBe(12);
    expect(outcome).toBe('budget');
    expect(machine.steps).toBe(300_000);
    let outcomeAtEnd = outcome;
    while (outcomeAtEnd === 'budget') outcomeAtEnd = runSlice(machine, SPEEDS.max);
    expect(outcomeAtEnd).toBe('halted');
    expect(machine.output).toContain('100000');
  });
});
