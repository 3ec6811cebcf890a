import type { BookLocale } from '../book/localized-text.ts';
import { wordMessage } from '../book/localized-text.ts';
import { compileErrorWordings } from './compile-error-wordings.ts';
import type { CompileErrorMessage } from './compile-error-wordings.ts';

/**
 * A compile error the reader can act on: where it is and what is wrong. `code` and `params` say
 * what is wrong in a way every edition can word (`wordDiagnostic`); `message` is its English
 * wording, for the CLI and for anyone who only needs English.
 */
export type Diagnostic = CompileErrorMessage & {
  readonly line: number;
  readonly column: number;
  readonly message: string;
};

/** Diagnostics the lexer and the parser report at most: after that many, compiling stops. */
export const MAX_ERRORS = 30;

/** A diagnostic at line:column, its English `message` worded from its code. */
export function diagnosticAt(line: number, column: number, error: CompileErrorMessage): Diagnostic {
  return { ...error, line, column, message: wordMessage(compileErrorWordings, error, 'en') };
}

/** What is wrong, in the words of a locale of the book. */
export function wordDiagnostic(d: Diagnostic, locale: BookLocale | string = 'en'): string {
  return wordMessage(compileErrorWordings, d, locale);
}

/** `line:column: message`, the form every compile error is shown in (English). */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.line}:${d.column}: ${d.message}`;
}

/** `line:column: message` in the words of a locale of the book. */
export function formatDiagnosticIn(d: Diagnostic, locale: BookLocale | string): string {
  return `${d.line}:${d.column}: ${wordDiagnostic(d, locale)}`;
}
