/**
 * Measures the interpreter against the JIT on one program, the way the lab's chart shows it: each
 * engine runs the program once to warm up and then `runs` times from a cold start (JIT runs
 * include finding blocks, translating and compiling), and the median counts. Work is done in
 * short slices with `pause()` between them, so a browser page stays responsive, and only the time
 * spent inside slices is measured. `shouldStop()` ends the measurement early.
 */
import { PMachine } from '../pcode/index.ts';
import type { PProgram } from '../pcode/index.ts';
import { JitMachine } from './jit-machine.ts';

export type SpeedEngine = 'interpreter' | 'dispatcher' | 'chaining';

export interface SpeedResult {
  readonly engine: SpeedEngine;
  /** Milliseconds of each measured run (warm-up excluded). */
  readonly times: readonly number[];
  readonly median: number;
  readonly steps: number;
  readonly output: string;
  /** Lines of output before `output` that were not kept. */
  readonly outputLinesNotShown: number;
  readonly outcome: string;
  /** The runtime error, as code, parameters and P-code address ('' if none). */
  readonly error: string;
}

export interface MeasureOptions {
  readonly input?: string;
  readonly runs?: number;
  readonly threshold?: number;
  readonly engines?: readonly SpeedEngine[];
  /** Longest slice of uninterrupted work (default 12 ms). */
  readonly sliceMs?: number;
  /** A program that runs longer than this many instructions is stopped (default 100 million). */
  readonly maxSteps?: number;
  readonly pause?: () => Promise<void>;
  readonly shouldStop?: () => boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface MeasureOutcome {
  readonly results: readonly SpeedResult[];
  /**
   * 'done', 'stopped' by the reader, 'too-long' (maxSteps reached), or 'disagree': the engines did
   * not end alike (output, instruction count, outcome or runtime error), so the times mean nothing.
   */
  readonly status: 'done' | 'stopped' | 'too-long' | 'disagree';
}

function copyProgram(p: PProgram): PProgram {
  return { ...p, code: p.code.slice() };
}

function medianOf(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function measureSpeed(program: PProgram, options: MeasureOptions = {}): Promise<MeasureOutcome> {
  const runs = Math.max(1, options.runs ?? 5);
  const engines = options.engines ?? ['interpreter', 'dispatcher', 'chaining'];
  const sliceMs = options.sliceMs ?? 12;
  const maxSteps = options.maxSteps ?? 100_000_000;
  const pause = options.pause ?? (() => Promise.resolve());
  const total = engines.length * (runs + 1);
  let done = 0;
  const results: SpeedResult[] = [];
  for (const engine of engines) {
    const times: number[] = [];
    // The machine of the latest run and how its last slice ended (read out once it is over).
    let last: { machine: PMachine | undefined; steps: number; outcome: string } = { machine: undefined, steps: 0, outcome: '' };
    for (let k = 0; k <= runs; k++) {
      const copy = copyProgram(program);
      const step: (budget: number) => string = (() => {
        if (engine === 'interpreter') {
          const m = new PMachine(copy, { input: options.input ?? '' });
          last = { machine: m, steps: 0, outcome: '' };
          return (budget: number) => {
            const o = m.run(budget);
            last = { machine: m, steps: m.steps, outcome: o };
            return o;
          };
        }
        const j = new JitMachine(copy, {
          input: options.input ?? '',
          mode: engine,
          threshold: options.threshold ?? 50,
          instantiate: 'sync',
        });
        last = { machine: j.machine, steps: 0, outcome: '' };
        return (budget: number) => {
          const o = j.run(budget);
          last = { machine: j.machine, steps: j.machine.steps, outcome: o };
          return o;
        };
      })();
      let elapsed = 0;
      let outcome = 'budget';
      while (outcome === 'budget') {
        if (options.shouldStop?.()) return { results, status: 'stopped' };
        if (last.steps >= maxSteps) return { results, status: 'too-long' };
        const t0 = performance.now();
        do outcome = step(Math.min(100_000, maxSteps - last.steps));
        while (outcome === 'budget' && performance.now() - t0 < sliceMs && last.steps < maxSteps);
        elapsed += performance.now() - t0;
        if (outcome === 'budget') await pause();
      }
      if (k > 0) times.push(elapsed);
      done++;
      options.onProgress?.(done, total);
      await pause();
    }
    results.push({ engine, times, median: medianOf(times), ...observe(last.machine!, last.outcome) });
  }
  const ends = new Set(results.map((r) => JSON.stringify([r.output, r.outputLinesNotShown, r.steps, r.outcome, r.error])));
  return { results, status: ends.size > 1 ? 'disagree' : 'done' };
}

/** What a reader sees of a run: output, instruction count, outcome and runtime error. */
function observe(m: PMachine, outcome: string) {
  const error = m.error ? JSON.stringify({ code: m.error.code, params: 'params' in m.error ? m.error.params : {}, pc: m.error.pc }) : '';
  return { steps: m.steps, output: m.output, outputLinesNotShown: m.outputLinesNotShown, outcome, error };
}
