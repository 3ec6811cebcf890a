import { useRef } from 'react';
import type { PMachine, RunOutcome } from '../../lib/pcode/index.ts';
import { useAnimationLoop } from '../book/useAnimationLoop.ts';
import type { SpeedId } from './messages.ts';

/** How a speed runs: instructions per slice and the pause between slices (0: every animation frame). */
export interface RunPlan {
  readonly budget: number;
  readonly interval: number;
}

/** The lab's speeds; a budget of 0 runs as much as fits in SLICE_MS each frame. */
export const SPEEDS: Record<SpeedId, RunPlan> = {
  slow: { budget: 1, interval: 500 },
  medium: { budget: 1, interval: 50 },
  fast: { budget: 50, interval: 0 },
  max: { budget: 0, interval: 0 },
};

/** At full speed, each animation frame runs the machine for at most this long. */
export const SLICE_MS = 12;

/** One slice of a run: `plan.budget` instructions, or (budget 0) as many as fit in SLICE_MS. */
export function runSlice(machine: PMachine, plan: RunPlan, now: () => number = () => performance.now()): RunOutcome {
  if (plan.budget > 0) return machine.run(plan.budget);
  const start = now();
  let outcome: RunOutcome;
  do {
    outcome = machine.run(100_000);
  } while (outcome === 'budget' && now() - start < SLICE_MS);
  return outcome;
}

export interface PMachineRunner {
  /** Runs `machine` slice by slice at the current speed, the first slice at once (so a breakpoint under the cursor is passed over). */
  start(machine: PMachine): void;
  stop(): void;
}

/**
 * Runs a P-machine without freezing the page: a slice a frame (or a pause, at the slow speeds),
 * reading the speed afresh each slice; `onSlice` hears every slice's outcome (the run ends at any
 * outcome but 'budget').
 */
export function usePMachineRunner(speed: SpeedId, onSlice: (machine: PMachine, outcome: RunOutcome) => void): PMachineRunner {
  const loop = useAnimationLoop();
  const latest = useRef({ speed, onSlice });
  latest.current = { speed, onSlice };
  const runner = useRef<PMachineRunner | null>(null);
  runner.current ??= {
    start: (machine) =>
      loop.start(
        () => {
          const outcome = runSlice(machine, SPEEDS[latest.current.speed]);
          latest.current.onSlice(machine, outcome);
          return outcome === 'budget' ? SPEEDS[latest.current.speed].interval || true : false;
        },
        { immediately: true },
      ),
    stop: () => loop.stop(),
  };
  return runner.current;
}
