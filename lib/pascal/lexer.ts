/**
 * The lexer: Pascal source to tokens. Identifiers and keywords are case-insensitive; comments are
 * `{ … }` and `(* … *)`. Lexical errors become diagnostics, never exceptions.
 */
import type { CompileErrorMessage } from './compile-error-wordings.ts';
import type { Diagnostic } from './diagnostic.ts';
import { MAX_ERRORS, diagnosticAt } from './diagnostic.ts';

const KEYWORDS = [
  'and', 'array', 'begin', 'case', 'const', 'div', 'do', 'downto', 'else', 'end', 'for', 'function',
  'goto', 'if', 'in', 'label', 'mod', 'nil', 'not', 'of', 'or', 'otherwise', 'packed', 'procedure',
  'program', 'record', 'repeat', 'set', 'then', 'to', 'type', 'until', 'var', 'while', 'with', 'file',
  'forward',
] as const;

export type TokenKind =
  | 'identifier'
  | 'keyword'
  | 'integer'
  | 'real'
  | 'string'
  | 'symbol'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Lower-case for identifiers and keywords; the symbol itself for symbols; the decoded text for strings. */
  readonly text: string;
  /** Integer value (for integer tokens), may exceed 32 bits: the parser checks. */
  readonly value: number;
  readonly line: number;
  readonly column: number;
  /** Offset in the source of the first character. */
  readonly offset: number;
  readonly end: number;
}

const keywordSet = new Set<string>(KEYWORDS);
const SYMBOLS = [':=', '<=', '>=', '<>', '..', '+', '-', '*', '/', '=', '<', '>', '(', ')', '[', ']', '.', ',', ':', ';', '^', '@'];

export function tokenize(source: string, diagnostics: Diagnostic[]): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let line = 1;
  let lineStart = 0;
  const n = source.length;
  const at = (offset: number) => ({ line, column: offset - lineStart + 1 });
  // Capped like the parser's: a file of a million stray characters gets MAX_ERRORS errors, not a million.
  const report = (offset: number, error: CompileErrorMessage) => {
    if (diagnostics.length >= MAX_ERRORS) return;
    const p = at(offset);
    diagnostics.push(diagnosticAt(p.line, p.column, error));
  };
  const newline = (offset: number) => {
    line++;
    lineStart = offset + 1;
  };

  while (pos < n) {
    const c = source[pos]!;
    if (c === '\n') {
      newline(pos);
      pos++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
      pos++;
      continue;
    }
    if (c === '{' || (c === '(' && source[pos + 1] === '*')) {
      const startPos = at(pos);
      const closeBrace = c === '{';
      pos += closeBrace ? 1 : 2;
      let closed = false;
      while (pos < n) {
        const d = source[pos]!;
        if (d === '\n') newline(pos);
        // As in Free Pascal, { is closed only by } and (* only by *).
        if (closeBrace ? d === '}' : d === '*' && source[pos + 1] === ')') {
          pos += closeBrace ? 1 : 2;
          closed = true;
          break;
        }
        pos++;
      }
      if (!closed) {
        if (diagnostics.length < MAX_ERRORS) diagnostics.push(diagnosticAt(startPos.line, startPos.column, { code: 'commentNotClosed' }));
      }
      continue;
    }
    const start = pos;
    const startPos = at(pos);
    if (/[A-Za-z_]/.test(c)) {
      while (pos < n && /[A-Za-z0-9_]/.test(source[pos]!)) pos++;
      const word = source.slice(start, pos).toLowerCase();
      tokens.push({ kind: keywordSet.has(word) ? 'keyword' : 'identifier', text: word, value: 0, ...startPos, offset: start, end: pos });
      continue;
    }
    if (/[0-9]/.test(c)) {
      while (pos < n && /[0-9]/.test(source[pos]!)) pos++;
      let kind: TokenKind = 'integer';
      if (source[pos] === '.' && /[0-9]/.test(source[pos + 1] ?? '')) {
        kind = 'real';
        pos++;
        while (pos < n && /[0-9]/.test(source[pos]!)) pos++;
      }
      if ((source[pos] === 'e' || source[pos] === 'E') && /[0-9+-]/.test(source[pos + 1] ?? '')) {
        kind = 'real';
        pos += 2;
        while (pos < n && /[0-9]/.test(source[pos]!)) pos++;
      }
      const text = source.slice(start, pos);
      tokens.push({ kind, text, value: kind === 'integer' ? Number(text) : 0, ...startPos, offset: start, end: pos });
      continue;
    }
    if (c === "'") {
      let text = '';
      pos++;
      let closed = false;
      while (pos < n) {
        const d = source[pos]!;
        if (d === '\n') break;
        if (d === "'") {
          if (source[pos + 1] === "'") {
            text += "'";
            pos += 2;
            continue;
          }
          pos++;
          closed = true;
          break;
        }
        text += d;
        pos++;
      }
      if (!closed && diagnostics.length < MAX_ERRORS) diagnostics.push(diagnosticAt(startPos.line, startPos.column, { code: 'stringNotClosed' }));
      tokens.push({ kind: 'string', text, value: 0, ...startPos, offset: start, end: pos });
      continue;
    }
    const symbol = SYMBOLS.find((s) => source.startsWith(s, pos));
    if (symbol) {
      pos += symbol.length;
      tokens.push({ kind: 'symbol', text: symbol, value: 0, ...startPos, offset: start, end: pos });
      continue;
    }
    report(pos, { code: 'unexpectedCharacter', params: { character: c } });
    pos++;
  }
  tokens.push({ kind: 'eof', text: 'end of file', value: 0, ...at(pos), offset: pos, end: pos });
  return tokens;
}
