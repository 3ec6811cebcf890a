/**
 * The light face of lib/exercises, for islands: everything a chapter's exercise widget needs
 * without importing every engine up front (index.ts imports them all, for pages, the CLI and tests).
 * A widget gets its chapter's exercise types with loadChapterExercises().
 */
export { answerTokens, checkAnswer, checkFeedbackIn, problemIn } from './exercise.ts';
export type { ChapterSlug, CheckResult, ExerciseLab, ExerciseType, LabLink, Problem } from './exercise.ts';
export { MAX_SEED, currentVersion, makeProblem, problemErrorWordings } from './make-problem.ts';
export type { ProblemResult } from './make-problem.ts';
export { loadChapterExercises } from './chapter-exercises.ts';
export { exerciseLinkQuery, readExerciseLink } from './exercise-link.ts';
export type { ExerciseLinkState } from './exercise-link.ts';
