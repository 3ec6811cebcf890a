/** Making one problem from one exercise type, a seed and a version: no engine imported here. */
import type { ExerciseType, Problem } from './exercise.ts';
import { createSeededRandom } from './seeded-random.ts';

/** The largest seed; seeds are whole numbers from 1 to MAX_SEED. */
export const MAX_SEED = 2_147_483_647;

/** The newest generator version of an exercise: what a link without a version gets. */
export function currentVersion(exercise: Pick<ExerciseType, 'versions'>): number {
  return Math.max(...exercise.versions);
}

export type ProblemResult = { ok: true; problem: Problem } | { ok: false; error: string };

/** The problem for an exercise, a seed and a generator version (the newest when omitted). */
export function makeProblem(exercise: ExerciseType, seed: number, version?: number): ProblemResult {
  if (!Number.isInteger(seed) || seed < 1 || seed > MAX_SEED) {
    return { ok: false, error: `The seed must be a whole number from 1 to ${MAX_SEED}.` };
  }
  const v = version ?? currentVersion(exercise);
  if (!exercise.versions.includes(v)) {
    return { ok: false, error: `Exercise "${exercise.id}" has no generator version ${v}; this book has version ${exercise.versions.join(', ')}.` };
  }
  const generated = exercise.generate(createSeededRandom(seed), v);
  return {
    ok: true,
    problem: { exercise: exercise.id, chapter: exercise.chapter, seed, version: v, title: exercise.title, ...generated },
  };
}
