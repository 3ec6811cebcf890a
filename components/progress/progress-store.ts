/**
 * The reader's progress in this browser's localStorage (lib/progress has the data and its file).
 * Islands record what the reader did; the progress page reads it and hears of changes.
 * A stored copy this edition cannot read is kept aside, never overwritten.
 */
import { emptyProgress, parseProgressFile, progressFileText, withSolvedExercise, withVerifiedStep, type Progress } from '../../lib/progress/index.ts';
import { keepUnreadableText, readStoredText, storedItem, writeStoredText } from '../book/lab-storage.ts';

export const PROGRESS_STORED = storedItem('progress', 'record', ['hov-progress']);
export const PROGRESS_CHANGED_EVENT = 'hov-progress-changed';

export function loadProgress(): Progress {
  // No storage (a blocked or private window): nothing is read, and progress is not kept.
  const stored = readStoredText(PROGRESS_STORED);
  if (stored === null) return emptyProgress();
  const read = parseProgressFile(stored);
  if (read.ok) return read.progress;
  keepUnreadableText(PROGRESS_STORED);
  return emptyProgress();
}

export function saveProgress(progress: Progress): void {
  // Full or blocked storage: the page works on, without keeping progress.
  if (writeStoredText(PROGRESS_STORED, progressFileText(progress))) window.dispatchEvent(new Event(PROGRESS_CHANGED_EVENT));
}

export function recordSolvedExercise(chapter: string, exerciseId: string, seed: number): void {
  saveProgress(withSolvedExercise(loadProgress(), chapter, exerciseId, seed, new Date()));
}

export function recordVerifiedStep(chapter: string, stepId: string, title: string): void {
  saveProgress(withVerifiedStep(loadProgress(), chapter, stepId, title, new Date()));
}
