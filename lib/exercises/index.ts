/**
 * Seeded exercises with answer keys, OSTEP style: every problem is made from an exercise id, a
 * seed and a generator version, and its key comes from running the book's own engines. Every
 * problem exists in both editions of the book (the same numbers and key, words per edition).
 * Islands, pages and the CLI import only from here.
 */
export { answerTokens, checkAnswer, checkFeedbackIn, checkWordings, defineExercise, problemIn } from './exercise.ts';
export type {
  AnswerKind, ChapterSlug, CheckMessage, CheckResult, Choice, ExerciseLab, ExerciseSpec, LabLink, ExerciseType, GeneratedProblem, LocalizedChoice, LocalizedProblem, Problem,
} from './exercise.ts';
export { createSeededRandom } from './seeded-random.ts';
export type { SeededRandom } from './seeded-random.ts';
export {
  EXERCISES, EXERCISE_CHAPTERS, exerciseById, exercisesOfChapter, generateLocalizedProblem, generateProblem,
} from './exercise-catalogue.ts';
export { MAX_SEED, currentVersion, makeLocalizedProblem, makeProblem, problemErrorWordings } from './make-problem.ts';
export type { LocalizedProblemResult, ProblemError, ProblemResult } from './make-problem.ts';
export { loadChapterExercises } from './chapter-exercises.ts';
export { exerciseLinkQuery, readExerciseLink } from './exercise-link.ts';
export type { ExerciseLinkState } from './exercise-link.ts';
export { problemSetExportWordings, problemSetToCsv, problemSetToMarkdown, questionName } from './problem-set-export.ts';
export { giftText, problemSetToGift } from './gift-export.ts';
export { problemSetToMoodleXml } from './moodle-xml-export.ts';
export { problemSetToQtiFiles, problemSetToQtiPackage } from './qti-export.ts';
export { acceptedAnswers } from './lms-accepted-answers.ts';
export { NAMESPACES } from './container-exercises.ts';
export type { Namespace } from './container-exercises.ts';
export { UNDERSTANDING, understandingOf } from './understanding/index.ts';
export type { ChapterUnderstanding, UnderstandingQuestion } from './understanding/index.ts';
