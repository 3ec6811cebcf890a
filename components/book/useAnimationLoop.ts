import { useEffect, useRef } from 'react';

/**
 * What a loop's step asks for next: `false` ends the loop; `true` runs the next step at the next
 * animation frame; a number of milliseconds runs it after that pause; a promise runs it at the
 * frame after the promise settles (a JIT waiting for a translation).
 */
export type LoopNext = boolean | number | Promise<unknown>;

/** The timers a loop uses: the browser's, or a test's stand-in. */
export interface LoopScheduler {
  frame(callback: () => void): number;
  cancelFrame(handle: number): void;
  after(ms: number, callback: () => void): number;
  cancelAfter(handle: number): void;
}

export interface AnimationLoop {
  /** Starts `step` (stopping any loop running): at once with `immediately`, else at the next frame. */
  start(step: () => LoopNext, options?: { immediately?: boolean }): void;
  /** Stops the loop; a step already scheduled, or waiting on a promise, never runs. */
  stop(): void;
  /** Whether a loop is running (started, not stopped, not ended). */
  running(): boolean;
}

/** A loop that keeps the page answering: one step a frame (or pause), stopped at once by stop(). */
export function createAnimationLoop(scheduler: LoopScheduler): AnimationLoop {
  let generation = 0;
  let active = false;
  let pending: { kind: 'frame' | 'after'; handle: number } | null = null;

  const cancelPending = () => {
    if (pending?.kind === 'frame') scheduler.cancelFrame(pending.handle);
    if (pending?.kind === 'after') scheduler.cancelAfter(pending.handle);
    pending = null;
  };

  const loop: AnimationLoop = {
    start(step, options = {}) {
      loop.stop();
      const mine = ++generation;
      active = true;
      const runStep = () => {
        pending = null;
        if (mine !== generation || !active) return;
        const next = step();
        if (mine !== generation || !active) return; // the step stopped or restarted the loop
        if (next === false) {
          active = false;
        } else if (next === true || next === 0) {
          pending = { kind: 'frame', handle: scheduler.frame(runStep) };
        } else if (typeof next === 'number') {
          pending = { kind: 'after', handle: scheduler.after(next, runStep) };
        } else {
          void next.then(
            () => {
              if (mine === generation && active) pending = { kind: 'frame', handle: scheduler.frame(runStep) };
            },
            () => {
              if (mine === generation) active = false;
            },
          );
        }
      };
      if (options.immediately) runStep();
      else pending = { kind: 'frame', handle: scheduler.frame(runStep) };
    },
    stop() {
      generation++;
      active = false;
      cancelPending();
    },
    running: () => active,
  };
  return loop;
}

const browserScheduler: LoopScheduler = {
  frame: (callback) => window.requestAnimationFrame(callback),
  cancelFrame: (handle) => window.cancelAnimationFrame(handle),
  after: (ms, callback) => window.setTimeout(callback, ms),
  cancelAfter: (handle) => window.clearTimeout(handle),
};

/** An animation loop for an island: the same loop across renders, stopped when the island unmounts. */
export function useAnimationLoop(): AnimationLoop {
  const loop = useRef<AnimationLoop | null>(null);
  loop.current ??= createAnimationLoop(browserScheduler);
  useEffect(() => () => loop.current?.stop(), []);
  return loop.current;
}
