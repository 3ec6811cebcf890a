/** Every exercise type, by chapter, and the one way to make a problem from an exercise, a seed and a version. */
import type { ChapterSlug, ExerciseType } from './exercise.ts';
import { makeProblem, type ProblemResult } from './make-problem.ts';
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

export function exerciseById(id: string): ExerciseType | undefined {
  return EXERCISES.find((e) => e.id === id);
}

export function exercisesOfChapter(chapter: ChapterSlug | number): ExerciseType[] {
  const slug = typeof chapter === 'number' ? EXERCISE_CHAPTERS[chapter - 1] : chapter;
  return EXERCISES.filter((e) => e.chapter === slug);
}

/** The problem for an exercise id, a seed and a generator version (the newest when omitted). */
export function generateProblem(exerciseId: string, seed: number, version?: number): ProblemResult {
  const exercise = exerciseById(exerciseId);
  if (!exercise) return { ok: false, error: `There is no exercise "${exerciseId}". Exercises: ${EXERCISES.map((e) => e.id).join(', ')}.` };
  return makeProblem(exercise, seed, version);
}
