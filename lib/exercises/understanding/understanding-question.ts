/**
 * "Check your understanding": the conceptual questions that end each chapter (why, what if,
 * compare). The chapter page shows the questions; the model answers appear only in the
 * instructors' answer keys. Written in both editions side by side.
 */
import type { LocalizedText } from '../../book/localized-text.ts';
import type { ChapterSlug } from '../exercise.ts';

export interface UnderstandingQuestion {
  /** Stable within its chapter ("why-trap"): answer keys and links refer to it. */
  readonly id: string;
  /** The question, plain text; `code` in backticks is set as code. */
  readonly question: LocalizedText;
  /** A model answer an instructor can grade against, plain text; `code` in backticks as above. */
  readonly answer: LocalizedText;
}

export type ChapterUnderstanding = {
  readonly chapter: ChapterSlug;
  readonly questions: readonly UnderstandingQuestion[];
};
