/**
 * The reader's progress in this browser's localStorage (lib/progress has the data and its file).
 * Islands record what the reader did; the progress page reads it and hears of changes.
 * A stored copy this edition cannot read is kept aside, never overwritten.
 */
import { BOOK_LABS, emptyProgress, parseProgressFile, progressFileText, stepIdOf, withLabRun, withSolvedExercise, withVerifiedStep, type BookLabId, type Progress } from '../../lib/progress/index.ts';
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

/** A lab's first run, under its chapter (lib/progress/book-labs.ts); later runs change nothing. */
export function recordLabRun(lab: BookLabId): void {
  const progress = loadProgress();
  if (progress.labs[lab]) return;
  saveProgress(withLabRun(progress, BOOK_LABS[lab], lab, new Date()));
}

/**
 * A lab's own step verified (chapter 5's balloon and migration labs, driven from the page rather
 * than typed in the guest): one step per lab, named in the page's edition.
 */
export function recordLabStep(lab: BookLabId, title: string): void {
  const chapter = BOOK_LABS[lab];
  recordVerifiedStep(chapter, stepIdOf(chapter, `lab:${lab}`), title);
}
