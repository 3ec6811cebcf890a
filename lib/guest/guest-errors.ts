// The lab VM's errors as values a reader can act on, worded in any edition of the book. Each error
// is still an Error and carries its problem as a code; whoever shows it words it (wordGuestError).
// Its `message` is the problem's code and parameters, for a stack trace, never words for a reader.

import { wordMessage } from '../book/localized-text.ts';
import type { BookLocale } from '../book/localized-text.ts';
import { guestLoadProblemWordings, labVMProblemWordings } from './guest-wordings.ts';
import type { GuestLoadProblem, LabVMProblem } from './guest-wordings.ts';

/** A problem as its code and parameters: `timedOut {"ms":5000,…}`. */
function problemSummary(problem: LabVMProblem | GuestLoadProblem): string {
  return problem.params === undefined ? problem.code : `${problem.code} ${JSON.stringify(problem.params)}`;
}

/** Something a running (or starting) lab VM could not do. */
export class LabVMError extends Error {
  readonly problem: LabVMProblem;
  constructor(problem: LabVMProblem) {
    super(problemSummary(problem));
    this.problem = problem;
    this.name = 'LabVMError';
  }
}

/** A problem the reader can act on; `kind` tells the UI which message and which button to show. */
export class GuestLoadError extends Error {
  readonly kind: 'not-built' | 'download' | 'start';
  readonly problem: GuestLoadProblem;
  constructor(kind: 'not-built' | 'download' | 'start', problem: GuestLoadProblem) {
    super(problemSummary(problem));
    this.kind = kind;
    this.problem = problem;
    this.name = 'GuestLoadError';
  }
}

/** The text of an error the engine did not make (a browser's or v86's), for a `detail` parameter. */
export function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What went wrong, as a code (an error the engine did not make keeps its own text). */
export function labVMProblemOf(error: unknown): LabVMProblem {
  return error instanceof LabVMError ? error.problem : { code: 'other', params: { detail: errorDetail(error) } };
}

/** Any error a lab VM island may meet, as a message it can word in the reader's edition. */
export type GuestErrorMessage =
  | { readonly source: 'load'; readonly problem: GuestLoadProblem }
  | { readonly source: 'vm'; readonly problem: LabVMProblem };

export function guestErrorMessage(error: unknown): GuestErrorMessage {
  if (error instanceof GuestLoadError) return { source: 'load', problem: error.problem };
  return { source: 'vm', problem: labVMProblemOf(error) };
}

export function wordGuestError(message: GuestErrorMessage, locale: BookLocale | string = 'en'): string {
  return message.source === 'load'
    ? wordMessage(guestLoadProblemWordings, message.problem, locale)
    : wordMessage(labVMProblemWordings, message.problem, locale);
}
