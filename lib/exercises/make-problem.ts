/** Making one problem from one exercise type, a seed and a version: no engine imported here. */
import { wordings } from '../book/localized-text.ts';
import type { BookLocale, MessageOf } from '../book/localized-text.ts';
import { problemIn } from './exercise.ts';
import type { ExerciseType, LocalizedProblem, Problem } from './exercise.ts';
import { createSeededRandom } from './seeded-random.ts';

/** The largest seed; seeds are whole numbers from 1 to MAX_SEED. */
export const MAX_SEED = 2_147_483_647;

/** Why a problem cannot be made, in both editions. */
export const problemErrorWordings = {
  badSeed: wordings(
    (p: { max: number }) => `The seed must be a whole number from 1 to ${p.max}.`,
    (p) => `种子必须是 1 到 ${p.max} 之间的整数。`,
  ),
  noSuchVersion: wordings(
    (p: { exercise: string; version: number; versions: string }) =>
      `Exercise "${p.exercise}" has no generator version ${p.version}; this book has version ${p.versions}.`,
    (p) => `练习“${p.exercise}”没有第 ${p.version} 版生成器；本书有的版本是 ${p.versions}。`,
  ),
  noSuchExercise: wordings(
    (p: { exercise: string; exercises: string }) => `There is no exercise "${p.exercise}". Exercises: ${p.exercises}.`,
    (p) => `没有名为“${p.exercise}”的练习。现有的练习：${p.exercises}。`,
  ),
};

export type ProblemError = MessageOf<typeof problemErrorWordings>;

/** The newest generator version of an exercise: what a link without a version gets. */
export function currentVersion(exercise: Pick<ExerciseType, 'versions'>): number {
  return Math.max(...exercise.versions);
}

/** Why there is no problem: a message of problemErrorWordings. */
export type ProblemFailure = ProblemError & { readonly ok: false };

/** A problem in one edition, or why there is none. */
export type ProblemResult = { ok: true; problem: Problem } | ProblemFailure;

/** A problem in both editions, or why there is none. */
export type LocalizedProblemResult = { ok: true; problem: LocalizedProblem } | ProblemFailure;

export function problemError(reason: ProblemError): ProblemFailure {
  return { ...reason, ok: false };
}

/** The problem for an exercise, a seed and a generator version (the newest when omitted), in both editions. */
export function makeLocalizedProblem(exercise: ExerciseType, seed: number, version?: number): LocalizedProblemResult {
  if (!Number.isInteger(seed) || seed < 1 || seed > MAX_SEED) return problemError({ code: 'badSeed', params: { max: MAX_SEED } });
  const v = version ?? currentVersion(exercise);
  if (!exercise.versions.includes(v)) {
    return problemError({ code: 'noSuchVersion', params: { exercise: exercise.id, version: v, versions: exercise.versions.join(', ') } });
  }
  const generated = exercise.generate(createSeededRandom(seed), v);
  return {
    ok: true,
    problem: { exercise: exercise.id, chapter: exercise.chapter, seed, version: v, title: exercise.wording.title, ...generated },
  };
}

/** The problem for an exercise, a seed and a generator version (the newest when omitted), in one edition (English by default). */
export function makeProblem(exercise: ExerciseType, seed: number, version?: number, locale: BookLocale | string = 'en'): ProblemResult {
  const made = makeLocalizedProblem(exercise, seed, version);
  if (!made.ok) return made;
  return { ok: true, problem: problemIn(made.problem, locale) };
}
