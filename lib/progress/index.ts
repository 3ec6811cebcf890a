/** A reader's progress (exercises answered right, lab VM steps verified, labs run): data, merging, the export file. */
export {
  PROGRESS_FORMAT, PROGRESS_VERSION, chapterProgress, chapterTally, emptyProgress, mergeProgress, parseProgressFile, progressFileText, stepIdOf,
  withLabRun, withSolvedExercise, withVerifiedStep,
} from './progress.ts';
export type { ChapterContents, ChapterProgress, LabRun, ParsedProgress, Progress, SolvedExercise, VerifiedStep } from './progress.ts';
export { BOOK_LABS, labsOfChapter } from './book-labs.ts';
export type { BookLabId } from './book-labs.ts';
export { progressProblemWordings } from './progress-wordings.ts';
export type { ProgressProblem } from './progress-wordings.ts';
