/**
 * Seeded exercises with answer keys, OSTEP style: every problem is made from an exercise id, a
 * seed and a generator version, and its key comes from running the book's own engines.
 * Islands, pages and the CLI import only from here.
 */
export { answerTokens, checkAnswer } from './exercise.ts';
export type { AnswerKind, ChapterSlug, CheckResult, Choice, ExerciseType, GeneratedProblem, Problem } from './exercise.ts';
export { createSeededRandom } from './seeded-random.ts';
export type { SeededRandom } from './seeded-random.ts';
export { EXERCISES, EXERCISE_CHAPTERS, exerciseById, exercisesOfChapter, generateProblem } from './exercise-catalogue.ts';
export { MAX_SEED, currentVersion, makeProblem } from './make-problem.ts';
export type { ProblemResult } from './make-problem.ts';
export { loadChapterExercises } from './chapter-exercises.ts';
export { exerciseLinkQuery, readExerciseLink } from './exercise-link.ts';
export type { ExerciseLinkState } from './exercise-link.ts';
export { problemSetToCsv, problemSetToMarkdown } from './problem-set-export.ts';
export { NAMESPACES } from './container-exercises.ts';
