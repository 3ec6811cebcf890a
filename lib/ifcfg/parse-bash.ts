// initscripts reads an ifcfg file with `. ifcfg-br0`: bash sources it. This is a model of what bash
// does with such a file: words, quoting ('…', "…", $'…', backslashes, line continuation), comments,
// several assignments on a line, `export`, expansions of $VAR/${VAR} (from earlier assignments in the
// same file), command substitution (recorded, not run), and what a stray word does (bash runs it as a
// command: "command not found", and the assignments before it on that line are not kept).

import { lineAndColumnIn } from '../book/line-and-column.ts';
import type { BashDiagnosticMessage, BashNotApplied } from './bash-diagnostic-wordings.ts';

export interface BashAssignment {
  key: string;
  line: number;
  column: number;
  valueColumn: number;
  /** The value's source text, as written. */
  raw: string;
  /** The value after quote removal and expansion (unknown expansions count as ""). */
  value: string;
  /** Expansions found in the value, as written: "$HOME", "$(hostname)", "`date`". */
  expansions: string[];
  /** True if bash keeps the variable after sourcing the file. */
  applied: boolean;
  /** Why it is not kept, when applied is false: a message of bashNotAppliedWordings. */
  notAppliedReason: BashNotApplied | null;
}

export type BashDiagnosticKind =
  | 'command-not-found'
  | 'syntax-error'
  | 'unterminated-quote'
  | 'subshell'
  | 'redirection'
  | 'not-an-identifier'
  | 'executes';

/** What bash prints about a line (a message of bashDiagnosticWordings: `bashPrints` gives its English words, as bash prints them), and where. */
export type BashDiagnostic = BashDiagnosticMessage & {
  kind: BashDiagnosticKind;
  line: number;
  column: number;
  /** The command word, for command-not-found. */
  word?: string;
};

export interface BashParse {
  assignments: BashAssignment[];
  diagnostics: BashDiagnostic[];
  /** Variables set after sourcing, with the assignment that set each. */
  variables: Map<string, BashAssignment>;
  /** 1-based line where bash stopped reading because of a syntax error, if it did. */
  stoppedAtLine: number | null;
}

type Part =
  | { kind: 'literal'; text: string; quoted: boolean }
  | { kind: 'variable'; name: string; source: string }
  | { kind: 'command'; source: string };

interface Word {
  start: number;
  end: number;
  parts: Part[];
  /** Offset right after "NAME=" if the word is an assignment. */
  assignment: { name: string; valueStart: number; append: boolean } | null;
}

type Token =
  | { type: 'word'; word: Word }
  | { type: 'op'; op: string; start: number };

const METACHARS = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

const ANSI_C: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  '\\': '\\', "'": "'", '"': '"', '?': '?',
};

class SyntaxProblem {
  offset: number;
  kind: BashDiagnosticKind;
  said: BashDiagnosticMessage;
  constructor(offset: number, kind: BashDiagnosticKind, said: BashDiagnosticMessage) {
    this.offset = offset;
    this.kind = kind;
    this.said = said;
  }
}

function diagnostic(kind: BashDiagnosticKind, at: { line: number; column: number }, said: BashDiagnosticMessage, word?: string): BashDiagnostic {
  return { ...said, kind, line: at.line, column: at.column, ...(word !== undefined ? { word } : {}) };
}

class BashLexer {
  text: string;
  pos = 0;
  constructor(text: string) {
    this.text = text;
  }

  /** Skip blanks, line continuations and comments; return the next token or null at the end. */
  next(): Token | null {
    const t = this.text;
    for (;;) {
      const ch = t[this.pos];
      if (ch === undefined) return null;
      if (ch === ' ' || ch === '\t') { this.pos++; continue; }
      if (ch === '\\' && t[this.pos + 1] === '\n') { this.pos += 2; continue; }
      if (ch === '#') {
        while (this.pos < t.length && t[this.pos] !== '\n') this.pos++;
        continue;
      }
      break;
    }
    const start = this.pos;
    const ch = t[start]!;
    if (ch === '\n' || ch === ';' || ch === '(' || ch === ')') {
      this.pos++;
      if (ch === ';' && t[this.pos] === ';') { this.pos++; return { type: 'op', op: ';;', start }; }
      return { type: 'op', op: ch, start };
    }
    if (ch === '&' || ch === '|') {
      this.pos++;
      if (t[this.pos] === ch) { this.pos++; return { type: 'op', op: ch + ch, start }; }
      return { type: 'op', op: ch, start };
    }
    if (ch === '<' || ch === '>') {
      this.pos++;
      while (t[this.pos] === '<' || t[this.pos] === '>' || t[this.pos] === '&') this.pos++;
      return { type: 'op', op: t.slice(start, this.pos), start };
    }
    return { type: 'word', word: this.readWord() };
  }

  readWord(): Word {
    const t = this.text;
    const start = this.pos;
    const parts: Part[] = [];
    let literal = '';
    let literalQuoted = false;
    const flush = () => {
      if (literal !== '') parts.push({ kind: 'literal', text: literal, quoted: literalQuoted });
      literal = '';
      literalQuoted = false;
    };
    const addLiteral = (s: string, quoted: boolean) => {
      if (literal !== '' && literalQuoted !== quoted) flush();
      literalQuoted = quoted;
      literal += s;
    };

    // Assignment prefix: NAME= or NAME+= written literally at the start of the word.
    let assignment: Word['assignment'] = null;
    if (NAME_START.test(t[start] ?? '')) {
      let e = start + 1;
      while (e < t.length && NAME_CHAR.test(t[e]!)) e++;
      if (t[e] === '=' || (t[e] === '+' && t[e + 1] === '=')) {
        const append = t[e] === '+';
        const valueStart = e + (append ? 2 : 1);
        assignment = { name: t.slice(start, e), valueStart, append };
        this.pos = valueStart;
        if (t[this.pos] === '(') {
          // NAME=(a b c): an array; $NAME is its first element.
          const close = t.indexOf(')', this.pos);
          if (close < 0) throw new SyntaxProblem(this.pos, 'syntax-error', { code: 'arrayNotClosed' });
          const first = t.slice(this.pos + 1, close).trim().split(/\s+/)[0] ?? '';
          parts.push({ kind: 'literal', text: first, quoted: true });
          this.pos = close + 1;
          return { start, end: this.pos, parts, assignment };
        }
      }
    }

    for (;;) {
      const ch = t[this.pos];
      if (ch === undefined || METACHARS.has(ch)) break;
      if (ch === '\\') {
        const nextCh = t[this.pos + 1];
        if (nextCh === undefined) { this.pos++; break; }
        if (nextCh === '\n') { this.pos += 2; continue; }
        addLiteral(nextCh, true);
        this.pos += 2;
        continue;
      }
      if (ch === "'") {
        const close = t.indexOf("'", this.pos + 1);
        if (close < 0) throw new SyntaxProblem(this.pos, 'unterminated-quote', { code: 'unmatchedQuote', params: { quote: "'" } });
        addLiteral(t.slice(this.pos + 1, close), true);
        this.pos = close + 1;
        continue;
      }
      if (ch === '"' || (ch === '$' && t[this.pos + 1] === '"')) {
        flush();
        this.readDoubleQuoted(parts, ch === '$' ? this.pos + 1 : this.pos);
        continue;
      }
      if (ch === '$' && t[this.pos + 1] === "'") {
        addLiteral(this.readAnsiC(), true);
        continue;
      }
      if (ch === '$' || ch === '`') {
        const part = this.readExpansion();
        if (part) { flush(); parts.push(part); } else addLiteral('$', false);
        continue;
      }
      addLiteral(ch, false);
      this.pos++;
    }
    flush();
    return { start, end: this.pos, parts, assignment };
  }

  readDoubleQuoted(parts: Part[], quoteAt: number): void {
    const t = this.text;
    this.pos = quoteAt + 1;
    let literal = '';
    for (;;) {
      const ch = t[this.pos];
      if (ch === undefined) throw new SyntaxProblem(quoteAt, 'unterminated-quote', { code: 'unmatchedQuote', params: { quote: '"' } });
      if (ch === '"') { this.pos++; break; }
      if (ch === '\\') {
        const nextCh = t[this.pos + 1];
        if (nextCh === '\n') { this.pos += 2; continue; }
        if (nextCh === '$' || nextCh === '`' || nextCh === '"' || nextCh === '\\') {
          literal += nextCh;
          this.pos += 2;
          continue;
        }
        literal += '\\';
        this.pos++;
        continue;
      }
      if (ch === '$' || ch === '`') {
        const part = this.readExpansion();
        if (part) {
          if (literal !== '') parts.push({ kind: 'literal', text: literal, quoted: true });
          literal = '';
          parts.push(part);
        } else {
          literal += '$';
        }
        continue;
      }
      literal += ch;
      this.pos++;
    }
    if (literal !== '') parts.push({ kind: 'literal', text: literal, quoted: true });
    else parts.push({ kind: 'literal', text: '', quoted: true });
  }

  readAnsiC(): string {
    const t = this.text;
    const quoteAt = this.pos + 1;
    this.pos += 2;
    let out = '';
    for (;;) {
      const ch = t[this.pos];
      if (ch === undefined) throw new SyntaxProblem(quoteAt, 'unterminated-quote', { code: 'unmatchedQuote', params: { quote: "'" } });
      if (ch === "'") { this.pos++; return out; }
      if (ch !== '\\') { out += ch; this.pos++; continue; }
      const e = t[this.pos + 1];
      if (e === undefined) { out += '\\'; this.pos++; continue; }
      this.pos += 2;
      if (ANSI_C[e] !== undefined) { out += ANSI_C[e]; continue; }
      if (/[0-7]/.test(e)) {
        let v = Number(e);
        for (let n = 1; n < 3 && /[0-7]/.test(t[this.pos] ?? ''); n++) { v = v * 8 + Number(t[this.pos]); this.pos++; }
        out += String.fromCharCode(v & 0xff);
        continue;
      }
      if (e === 'x' || e === 'u' || e === 'U') {
        let max = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        let digits = '';
        while (max-- > 0 && /[0-9a-fA-F]/.test(t[this.pos] ?? '')) { digits += t[this.pos]; this.pos++; }
        if (digits === '') { out += '\\' + e; continue; }
        const v = parseInt(digits, 16);
        out += e === 'x' ? String.fromCharCode(v) : v <= 0x10ffff ? String.fromCodePoint(v) : '\ufffd';
        continue;
      }
      if (e === 'c' && t[this.pos] !== undefined) {
        out += String.fromCharCode(t[this.pos]!.charCodeAt(0) & 0x1f);
        this.pos++;
        continue;
      }
      out += '\\' + e;
    }
  }

  /** At "$" or "`": read $NAME, ${…}, $(…), $((…)), `…`; null if "$" is literal. */
  readExpansion(): Part | null {
    const t = this.text;
    const start = this.pos;
    if (t[start] === '`') {
      let k = start + 1;
      while (k < t.length && t[k] !== '`') k += t[k] === '\\' ? 2 : 1;
      if (k >= t.length) throw new SyntaxProblem(start, 'unterminated-quote', { code: 'unmatchedQuote', params: { quote: '`' } });
      this.pos = k + 1;
      return { kind: 'command', source: t.slice(start, this.pos) };
    }
    const nextCh = t[start + 1];
    if (nextCh === '(') {
      let depth = 0;
      let k = start + 1;
      for (; k < t.length; k++) {
        const c = t[k];
        if (c === '\\') { k++; continue; }
        if (c === "'") { const close = t.indexOf("'", k + 1); if (close < 0) break; k = close; continue; }
        if (c === '(') depth++;
        else if (c === ')') { depth--; if (depth === 0) break; }
      }
      if (k >= t.length) throw new SyntaxProblem(start, 'unterminated-quote', { code: 'unmatchedQuote', params: { quote: ')' } });
      this.pos = k + 1;
      return { kind: 'command', source: t.slice(start, this.pos) };
    }
    if (nextCh === '{') {
      const close = t.indexOf('}', start + 2);
      if (close < 0) throw new SyntaxProblem(start, 'unterminated-quote', { code: 'unmatchedQuote', params: { quote: '}' } });
      this.pos = close + 1;
      const inner = t.slice(start + 2, close);
      const m = /^[A-Za-z_][A-Za-z0-9_]*$/.exec(inner);
      if (m) return { kind: 'variable', name: inner, source: t.slice(start, this.pos) };
      return { kind: 'command', source: t.slice(start, this.pos) };
    }
    if (nextCh !== undefined && NAME_START.test(nextCh)) {
      let k = start + 2;
      while (k < t.length && NAME_CHAR.test(t[k]!)) k++;
      this.pos = k;
      return { kind: 'variable', name: t.slice(start + 1, k), source: t.slice(start, k) };
    }
    if (nextCh !== undefined && /[0-9#?$!@*-]/.test(nextCh)) {
      this.pos = start + 2;
      return { kind: 'variable', name: nextCh, source: t.slice(start, start + 2) };
    }
    this.pos = start + 1;
    return null;
  }
}

/** How bash prints a word it could not run: $'\r' for a bare carriage return, like bash does. */
function printableWord(word: string): string {
  if (/[\x00-\x1f]/.test(word)) {
    return "$'" + word.replace(/[\x00-\x1f]/g, (c) => (c === '\r' ? '\\r' : c === '\t' ? '\\t' : '\\' + c.charCodeAt(0).toString(8).padStart(3, '0'))) + "'";
  }
  return word;
}

const DECLARING_BUILTINS = new Set(['export', 'declare', 'typeset', 'readonly']);
const HARMLESS_BUILTINS = new Set([':', 'true']);
/**
 * Builtins bash always finds, so a line that starts with one is run, not "command not found"
 * (eval, source and . run their arguments as more commands).
 */
const RUNNING_BUILTINS = new Set([
  'eval', 'exec', 'source', '.', 'command', 'builtin', 'echo', 'printf', 'set', 'unset', 'shift', 'cd', 'pushd', 'popd',
  'read', 'trap', 'let', 'local', 'alias', 'unalias', 'hash', 'type', 'ulimit', 'umask', 'wait', 'kill', 'test', '[',
  'pwd', 'enable', 'shopt', 'false', 'exit', 'return', 'break', 'continue', 'getopts', 'mapfile', 'readarray', 'jobs',
  'fg', 'bg', 'disown', 'suspend', 'times', 'history', 'fc', 'help', 'logout', 'dirs', 'caller', 'compgen', 'complete',
]);

/** Source `text` the way bash does (without running anything). */
export function parseBash(text: string): BashParse {
  const locate = lineAndColumnIn(text);
  const lexer = new BashLexer(text);
  const assignments: BashAssignment[] = [];
  const diagnostics: BashDiagnostic[] = [];
  const variables = new Map<string, BashAssignment>();
  let stoppedAtLine: number | null = null;

  const evaluate = (parts: Part[], expansions: string[]): string => {
    let out = '';
    for (const p of parts) {
      if (p.kind === 'literal') out += p.text;
      else if (p.kind === 'variable') {
        expansions.push(p.source);
        out += variables.get(p.name)?.value ?? '';
      } else expansions.push(p.source);
    }
    return out;
  };

  const wordText = (w: Word, expansions: string[]) => evaluate(w.parts, expansions);

  // Collect one list of tokens per "command" and run each list.
  let command: Word[] = [];
  let commandInSubshell = false;
  let pendingRedirect = false;
  let subshellDepth = 0;
  let nextIsPiped = false;

  const runCommand = (separator: string) => {
    const words = command;
    command = [];
    if (words.length === 0) { nextIsPiped = separator === '|'; return; }
    const inSubshell = commandInSubshell || subshellDepth > 0 || separator === '|' || separator === '&' || nextIsPiped;
    nextIsPiped = separator === '|';
    commandInSubshell = false;
    let n = 0;
    const prefix: Word[] = [];
    while (n < words.length && words[n]!.assignment) prefix.push(words[n++]!);
    const commandWord = words[n];
    let commandName: string | null = null;
    if (commandWord) commandName = wordText(commandWord, []);
    const declaring = commandName !== null && DECLARING_BUILTINS.has(commandName);
    const record = (w: Word, applied: boolean, reason: BashNotApplied | null) => {
      const a = w.assignment!;
      const expansions: string[] = [];
      let value = evaluate(w.parts, expansions);
      if (a.append) value = (variables.get(a.name)?.value ?? '') + value;
      const at = locate(w.start);
      const assignment: BashAssignment = {
        key: a.name,
        line: at.line,
        column: at.column,
        valueColumn: at.column + (a.valueStart - w.start),
        raw: text.slice(a.valueStart, w.end),
        value,
        expansions,
        applied,
        notAppliedReason: reason,
      };
      assignments.push(assignment);
      if (applied) variables.set(a.name, assignment);
    };
    const subshellReason: BashNotApplied = { code: 'inSubshell' };
    if (!commandWord) {
      for (const w of prefix) record(w, !inSubshell, inSubshell ? subshellReason : null);
      return;
    }
    const at = locate(commandWord.start);
    if (declaring) {
      for (const w of prefix) record(w, false, { code: 'beforeDeclaringCommand', params: { command: commandName ?? '' } });
      for (const w of words.slice(n + 1)) {
        if (w.assignment) record(w, !inSubshell, inSubshell ? subshellReason : null);
        else {
          const name = wordText(w, []);
          if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !name.startsWith('-')) {
            const wAt = locate(w.start);
            diagnostics.push(diagnostic('not-an-identifier', wAt, { code: 'notAnIdentifier', params: { command: commandName ?? '', name } }));
          }
        }
      }
      return;
    }
    const reason: BashNotApplied = { code: 'beforeCommand', params: { word: printableWord(commandName ?? '') } };
    for (const w of prefix) record(w, false, reason);
    if (commandName !== null && HARMLESS_BUILTINS.has(commandName)) return;
    // A builtin, or a command substitution anywhere in the command: bash runs something.
    const runs = words.slice(n);
    if ((commandName !== null && RUNNING_BUILTINS.has(commandName)) || runs.some((w) => w.parts.some((p) => p.kind === 'command'))) {
      let shown = text.slice(runs[0]!.start, runs.at(-1)!.end).replace(/\\\n/g, '').replace(/\s+/g, ' ');
      if (shown.length > 80) shown = `${shown.slice(0, 77)}...`;
      diagnostics.push(diagnostic('executes', at, { code: 'executes', params: { command: printableWord(shown) } }, commandName ?? ''));
      return;
    }
    diagnostics.push(diagnostic('command-not-found', at, { code: 'commandNotFound', params: { word: printableWord(commandName ?? '') } }, commandName ?? ''));
  };

  try {
    for (;;) {
      const token = lexer.next();
      if (!token) { runCommand('\n'); break; }
      if (token.type === 'word') {
        if (pendingRedirect) { pendingRedirect = false; continue; }
        command.push(token.word);
        continue;
      }
      const op = token.op;
      const at = locate(token.start);
      if (op === '<' || op === '>' || op.startsWith('<') || op.startsWith('>')) {
        diagnostics.push(diagnostic('redirection', at, { code: 'redirection', params: { op } }));
        pendingRedirect = true;
        continue;
      }
      if (op === '(') {
        if (command.length > 0) throw new SyntaxProblem(token.start, 'syntax-error', { code: 'unexpectedToken', params: { token: '(' } });
        diagnostics.push(diagnostic('subshell', at, { code: 'subshellParenthesis' }));
        subshellDepth++;
        continue;
      }
      if (op === ')') {
        if (subshellDepth === 0) throw new SyntaxProblem(token.start, 'syntax-error', { code: 'unexpectedToken', params: { token: ')' } });
        runCommand(';');
        subshellDepth--;
        continue;
      }
      if (op === ';;') throw new SyntaxProblem(token.start, 'syntax-error', { code: 'unexpectedToken', params: { token: ';;' } });
      if (op !== '\n' && command.length === 0) {
        throw new SyntaxProblem(token.start, 'syntax-error', { code: 'unexpectedToken', params: { token: op } });
      }
      if (op === '|' || op === '&') {
        diagnostics.push(diagnostic('subshell', at, { code: op === '|' ? 'pipeline' : 'background', params: { op } }));
      }
      runCommand(op);
    }
    if (subshellDepth > 0) throw new SyntaxProblem(text.length, 'syntax-error', { code: 'subshellNotClosed' });
  } catch (problem) {
    if (!(problem instanceof SyntaxProblem)) throw problem;
    const at = locate(Math.min(problem.offset, text.length));
    diagnostics.push(diagnostic(problem.kind, at, problem.said));
    stoppedAtLine = at.line;
  }
  return { assignments, diagnostics, variables, stoppedAtLine };
}

/** The value bash leaves in `key` after sourcing the file, or undefined if unset. */
export function bashValue(parse: BashParse, key: string): string | undefined {
  return parse.variables.get(key)?.value;
}
