/** Every exercise type, by chapter, and the one way to make a problem from an exercise, a seed and a version. */
import type { ChapterSlug, ExerciseType, Problem } from './exercise.ts';
import { createSeededRandom } from './seeded-random.ts';
import { timelineBefore, timelineOrder, timelineYear } from './timeline-exercises.ts';
import { pcodeOutput, pcodeSteps, pcodeTopOfStack } from './pcode-exercises.ts';
import { jitCacheHits, jitInterpreted, jitTranslations } from './jit-exercises.ts';
import { trapClassify, trapCount, trapVirtualizable } from './trap-exercises.ts';
import { densityContainers, densityVms, namespaceIsolates } from './container-exercises.ts';
import { ifcfgGateway, ifcfgMistakes, ifcfgPrefix } from './bridge-exercises.ts';

export const EXERCISE_CHAPTERS: readonly ChapterSlug[] = ['origins', 'p-code', 'jit', 'full-virtualization', 'containers', 'kvm-bridge'];

export const EXERCISES: readonly ExerciseType[] = [
  timelineOrder, timelineYear, timelineBefore,
  pcodeOutput, pcodeTopOfStack, pcodeSteps,
  jitTranslations, jitCacheHits, jitInterpreted,
  trapClassify, trapVirtualizable, trapCount,
  namespaceIsolates, densityVms, densityContainers,
  ifcfgMistakes, ifcfgPrefix, ifcfgGateway,
];

/** The largest seed; seeds are whole numbers from 1 to MAX_SEED. */
export const MAX_SEED = 2_147_483_647;

export function exerciseById(id: string): ExerciseType | undefined {
  return EXERCISES.find((e) => e.id === id);
}

export function exercisesOfChapter(chapter: ChapterSlug | number): ExerciseType[] {
  const slug = typeof chapter === 'number' ? EXERCISE_CHAPTERS[chapter - 1] : chapter;
  return EXERCISES.filter((e) => e.chapter === slug);
}

/** The newest generator version of an exercise: what a link without a version gets. */
export function currentVersion(exercise: ExerciseType): number {
  return Math.max(...exercise.versions);
}

export type ProblemResult = { ok: true; problem: Problem } | { ok: false; error: string };

/** The problem for an exercise, a seed and a generator version (the newest when omitted). */
export function generateProblem(exerciseId: string, seed: number, version?: number): ProblemResult {
  const exercise = exerciseById(exerciseId);
  if (!exercise) return { ok: false, error: `There is no exercise "${exerciseId}". Exercises: ${EXERCISES.map((e) => e.id).join(', ')}.` };
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
