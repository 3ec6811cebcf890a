/**
 * Exercise state in a link: `?exercise=pcode-output&seed=42&v=1&solutions=0`. Reading a link only
 * ever yields known exercise ids, whole-number seeds and versions, and a boolean: nothing a link
 * carries reaches a page as text to interpret.
 */
import { MAX_SEED } from './make-problem.ts';

export interface ExerciseLinkState {
  readonly exercise?: string;
  readonly seed?: number;
  readonly version?: number;
  /** False when the instructor hid the solutions (`solutions=0`). */
  readonly solutions: boolean;
}

function wholeNumber(text: string | null, max: number): number | undefined {
  if (text === null || !/^\d{1,10}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= max ? n : undefined;
}

/** The state a link carries; `knownExercises` are the ids it may name (others are dropped). */
export function readExerciseLink(search: string, knownExercises: readonly string[]): ExerciseLinkState {
  const params = new URLSearchParams(search);
  const id = params.get('exercise');
  const solutions = params.get('solutions');
  return {
    exercise: id !== null && knownExercises.includes(id) ? id : undefined,
    seed: wholeNumber(params.get('seed'), MAX_SEED),
    version: wholeNumber(params.get('v'), 1000),
    solutions: !(solutions === '0' || solutions === 'no' || solutions === 'false'),
  };
}

/** The query string (with "?") for an exercise; solutions=0 only when hidden. */
export function exerciseLinkQuery(state: { exercise: string; seed: number; version: number; solutions?: boolean }): string {
  const params = new URLSearchParams({ exercise: state.exercise, seed: String(state.seed), v: String(state.version) });
  if (state.solutions === false) params.set('solutions', '0');
  return `?${params.toString()}`;
}
