/** Every exercise type, by chapter, and the one way to make a problem from an exercise, a seed and a version. */
import type { BookLocale } from '../book/localized-text.ts';
import type { ChapterSlug, ExerciseType } from './exercise.ts';
import { makeLocalizedProblem, makeProblem, problemError } from './make-problem.ts';
import type { LocalizedProblemResult, ProblemResult } from './make-problem.ts';
import { timelineBefore, timelineOrder, timelineYear } from './timeline-exercises.ts';
import { pcodeOutput, pcodeSteps, pcodeTopOfStack } from './pcode-exercises.ts';
import { jitCacheHits, jitInterpreted, jitTranslations } from './jit-exercises.ts';
import { trapClassify, trapCount, trapVirtualizable } from './trap-exercises.ts';
import { migrationPreCopy, pagingWalk, pagingWinner } from './memory-exercises.ts';
import { densityContainers, densityVms, namespaceIsolates } from './container-exercises.ts';
import { ifcfgGateway, ifcfgMistakes, ifcfgPrefix, ifcfgToKeyfile } from './bridge-exercises.ts';
import { libvirtMistakes } from './libvirt-exercises.ts';
import { vmmExits } from './vmm-exit-exercises.ts';

export const EXERCISE_CHAPTERS: readonly ChapterSlug[] = ['origins', 'p-code', 'jit', 'full-virtualization', 'memory-and-devices', 'containers', 'kvm-bridge'];

export const EXERCISES: readonly ExerciseType[] = [
  timelineOrder, timelineYear, timelineBefore,
  pcodeOutput, pcodeTopOfStack, pcodeSteps,
  jitTranslations, jitCacheHits, jitInterpreted,
  trapClassify, trapVirtualizable, trapCount,
  pagingWalk, pagingWinner, migrationPreCopy,
  namespaceIsolates, densityVms, densityContainers,
  ifcfgMistakes, ifcfgPrefix, ifcfgGateway, ifcfgToKeyfile, libvirtMistakes, vmmExits,
];

export function exerciseById(id: string): ExerciseType | undefined {
  return EXERCISES.find((e) => e.id === id);
}

export function exercisesOfChapter(chapter: ChapterSlug | number): ExerciseType[] {
  const slug = typeof chapter === 'number' ? EXERCISE_CHAPTERS[chapter - 1] : chapter;
  return EXERCISES.filter((e) => e.chapter === slug);
}

const noSuchExercise = (exerciseId: string) =>
  ({ code: 'noSuchExercise', params: { exercise: exerciseId, exercises: EXERCISES.map((e) => e.id).join(', ') } }) as const;

/** The problem for an exercise id, a seed and a generator version (the newest when omitted), in one edition (English by default). */
export function generateProblem(exerciseId: string, seed: number, version?: number, locale: BookLocale | string = 'en'): ProblemResult {
  const exercise = exerciseById(exerciseId);
  if (!exercise) return problemError(noSuchExercise(exerciseId));
  return makeProblem(exercise, seed, version, locale);
}

/** The same problem in both editions. */
export function generateLocalizedProblem(exerciseId: string, seed: number, version?: number): LocalizedProblemResult {
  const exercise = exerciseById(exerciseId);
  if (!exercise) return problemError(noSuchExercise(exerciseId));
  return makeLocalizedProblem(exercise, seed, version);
}
