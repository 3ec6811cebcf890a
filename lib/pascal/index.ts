/**
 * The Pascal-S compiler: source text to a P-code program (see lib/pcode).
 * Islands and CLIs import only from here.
 */
export { compileProgram } from './compiler.ts';
export type { CompileResult } from './compiler.ts';
export { formatDiagnostic } from './diagnostic.ts';
export type { Diagnostic } from './diagnostic.ts';
export { KEYWORDS, tokenize } from './lexer.ts';
export type { Token, TokenKind } from './lexer.ts';
export { PASCAL_EXAMPLES } from './examples.ts';
export type { PascalExample } from './examples.ts';
