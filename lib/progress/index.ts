/** A reader's progress (exercises answered right, lab VM steps verified): data, merging, the export file. */
export {
  PROGRESS_FORMAT, PROGRESS_VERSION, chapterProgress, emptyProgress, mergeProgress, parseProgressFile, progressFileText, stepIdOf,
  withSolvedExercise, withVerifiedStep,
} from './progress.ts';
export type { ChapterProgress, ParsedProgress, Progress, SolvedExercise, VerifiedStep } from './progress.ts';
export { progressProblemWordings } from './progress-wordings.ts';
export type { ProgressProblem } from './progress-wordings.ts';
