import type { BookLocale } from '../book/localized-text.ts';
import { wordMessage } from '../book/localized-text.ts';
import { compileErrorWordings } from './compile-error-wordings.ts';
import type { CompileErrorMessage } from './compile-error-wordings.ts';

/**
 * A compile error the reader can act on: where it is (`line`, `column`) and what is wrong (`code`
 * and `params`, which every edition words from `compileErrorWordings`; see `wordDiagnostic`).
 */
export type Diagnostic = CompileErrorMessage & {
  readonly line: number;
  readonly column: number;
};

/** Diagnostics the lexer and the parser report at most: after that many, compiling stops. */
export const MAX_ERRORS = 30;

/** A diagnostic at line:column. */
export function diagnosticAt(line: number, column: number, error: CompileErrorMessage): Diagnostic {
  return { ...error, line, column };
}

/** What is wrong, in the words of a locale of the book. */
export function wordDiagnostic(d: Diagnostic, locale: BookLocale | string = 'en'): string {
  return wordMessage(compileErrorWordings, d, locale);
}

/** `line:column: what is wrong` in English, the form every compile error is shown in (`.map(formatDiagnostic)`). */
export function formatDiagnostic(d: Diagnostic): string {
  return formatDiagnosticIn(d, 'en');
}

/** `line:column: what is wrong` in the words of a locale of the book. */
export function formatDiagnosticIn(d: Diagnostic, locale: BookLocale | string): string {
  return `${d.line}:${d.column}: ${wordDiagnostic(d, locale)}`;
}
