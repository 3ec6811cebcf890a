/**
 * The Pascal-S compiler: source text to a P-code program (see lib/pcode).
 * Islands and CLIs import only from here.
 */
export { compileProgram } from './compiler.ts';
export type { CompileResult } from './compiler.ts';
export { MAX_ERRORS, diagnosticAt, formatDiagnostic, formatDiagnosticIn, wordDiagnostic } from './diagnostic.ts';
export type { Diagnostic } from './diagnostic.ts';
export { compileErrorWordings } from './compile-error-wordings.ts';
export type { CompileErrorCode, CompileErrorMessage, FoundToken } from './compile-error-wordings.ts';
export { tokenize } from './lexer.ts';
export type { Token, TokenKind } from './lexer.ts';
export { PASCAL_EXAMPLES } from './examples.ts';
export type { PascalExample } from './examples.ts';
