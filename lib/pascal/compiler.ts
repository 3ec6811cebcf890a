/**
 * The compiler: a one-pass recursive-descent compiler in Wirth's style, from the Pascal-S subset
 * straight to P-code. It parses, checks types and emits code in the same walk, keeps going after
 * an error to report several, and never throws at the reader.
 */
import { BLOCK_MARK_WORDS, DEFAULT_WIDTH, INSTRUCTION_WORDS, Op } from '../pcode/index.ts';
import type { DebugRoutine, DebugType, DebugVariable, PProgram } from '../pcode/index.ts';
import type { CompileErrorMessage, FoundToken } from './compile-error-wordings.ts';
import type { Diagnostic } from './diagnostic.ts';
import { MAX_ERRORS, diagnosticAt } from './diagnostic.ts';
import type { Token } from './lexer.ts';
import { tokenize } from './lexer.ts';
import type { ArrayType, OrdinalType, PascalType, RecordField, RecordType } from './types.ts';
import { BOOLEAN, CHAR, INTEGER, STRING, isOrdinal, sameType, sizeOf, typeName } from './types.ts';

export interface CompileResult {
  /** The program, when there were no errors. */
  readonly program: PProgram | undefined;
  /** Compile errors in source order; empty on success. */
  readonly diagnostics: readonly Diagnostic[];
}

const MAX_INT = 2147483647;
/** Statements inside statements (begin, if, while, …) the compiler takes before it stops with an error. */
const MAX_STATEMENT_NESTING = 100;
/** Expressions inside expressions (parentheses, arguments, …) it takes, counted apart from statements. */
const MAX_EXPRESSION_NESTING = 150;
/** Largest variable area, in words, that one block may declare (32 MiB). */
const MAX_DATA_WORDS = 1 << 23;

interface ParameterInfo {
  readonly name: string;
  readonly type: PascalType;
  readonly byReference: boolean;
}

interface RoutineSymbol {
  readonly name: string;
  readonly isFunction: boolean;
  resultType: PascalType | undefined;
  parameters: ParameterInfo[];
  /** Level of the scope the routine is declared in; its body runs at level + 1. */
  readonly level: number;
  entry: number;
  /** CAL instructions waiting for the entry address. */
  readonly fixups: number[];
  parameterWords: number;
  forward: boolean;
  defined: boolean;
  readonly token: Token;
}

type BuiltinName =
  | 'write' | 'writeln' | 'read' | 'readln'
  | 'odd' | 'abs' | 'sqr' | 'ord' | 'chr' | 'succ' | 'pred' | 'eof' | 'eoln';

type SymbolEntry =
  | { readonly kind: 'const'; readonly type: PascalType; readonly value: number; readonly text?: string }
  | { readonly kind: 'type'; readonly type: PascalType }
  | {
      readonly kind: 'var';
      readonly type: PascalType;
      readonly level: number;
      readonly offset: number;
      readonly byReference: boolean;
      /** For-loop control variables may not be assigned in the loop. */
      readonly isForControl?: boolean;
    }
  | { readonly kind: 'routine'; readonly routine: RoutineSymbol }
  | { readonly kind: 'builtin'; readonly name: BuiltinName }
  | { readonly kind: 'file'; readonly name: 'input' | 'output' };

interface Scope {
  readonly parent: Scope | undefined;
  readonly symbols: Map<string, SymbolEntry>;
  /** Level of code and variables in this scope (main program: 0). */
  readonly level: number;
  /** The routine whose body this scope is (undefined for the main program and the standard scope). */
  readonly routine: RoutineSymbol | undefined;
}

/** Where a variable lives: at a known frame offset, or at an address computed onto the stack. */
type Access =
  | { readonly mode: 'direct'; readonly level: number; readonly offset: number; readonly type: PascalType }
  | { readonly mode: 'indirect'; readonly type: PascalType };

interface RoutineContext {
  readonly name: string;
  readonly kind: DebugRoutine['kind'];
  readonly level: number;
  readonly line: number;
  localWords: number;
  depth: number;
  maxDepth: number;
  readonly variables: DebugVariable[];
  readonly parameterWords: number;
}

function debugType(t: PascalType): DebugType {
  switch (t.kind) {
    case 'integer':
    case 'boolean':
    case 'char':
      return { kind: t.kind };
    case 'string':
      return { kind: 'integer' };
    case 'array':
      return {
        kind: 'array',
        low: t.low,
        high: t.high,
        indexKind: t.index.kind,
        element: debugType(t.element),
        size: t.size,
      };
    case 'record':
      return { kind: 'record', size: t.size, fields: t.fields.map((f) => ({ name: f.name, offset: f.offset, type: debugType(f.type) })) };
  }
}

class Abort extends Error {}

class Compiler {
  private readonly tokens: Token[];
  private pos = 0;
  private readonly diagnostics: Diagnostic[];
  private readonly code: number[] = [];
  private readonly lines: number[] = [];
  private readonly strings: string[] = [];
  private readonly routines: DebugRoutine[] = [];
  private scope: Scope;
  private context!: RoutineContext;
  /** Statements and expressions open around the one being compiled (counted apart: the condition of a deeply nested `if` is no deep expression). */
  private statementNesting = 0;
  private expressionNesting = 0;
  /** Set after an error until the parser reaches a statement boundary (avoids cascades). */
  private panicking = false;
  private programName = 'main';

  constructor(source: string, diagnostics: Diagnostic[]) {
    this.diagnostics = diagnostics;
    this.tokens = tokenize(source, diagnostics);
    const standard = new Map<string, SymbolEntry>();
    standard.set('integer', { kind: 'type', type: INTEGER });
    standard.set('boolean', { kind: 'type', type: BOOLEAN });
    standard.set('char', { kind: 'type', type: CHAR });
    standard.set('true', { kind: 'const', type: BOOLEAN, value: 1 });
    standard.set('false', { kind: 'const', type: BOOLEAN, value: 0 });
    standard.set('maxint', { kind: 'const', type: INTEGER, value: MAX_INT });
    standard.set('input', { kind: 'file', name: 'input' });
    standard.set('output', { kind: 'file', name: 'output' });
    const builtins: BuiltinName[] = ['write', 'writeln', 'read', 'readln', 'odd', 'abs', 'sqr', 'ord', 'chr', 'succ', 'pred', 'eof', 'eoln'];
    for (const b of builtins) standard.set(b, { kind: 'builtin', name: b });
    this.scope = { parent: undefined, symbols: standard, level: -1, routine: undefined };
  }

  // ---------------------------------------------------------------- tokens and errors

  private get token(): Token {
    return this.tokens[this.pos]!;
  }

  private get previous(): Token {
    return this.tokens[Math.max(0, this.pos - 1)]!;
  }

  private peek(ahead = 1): Token {
    return this.tokens[Math.min(this.tokens.length - 1, this.pos + ahead)]!;
  }

  private advance(): Token {
    const t = this.token;
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  private is(text: string): boolean {
    const t = this.token;
    return (t.kind === 'keyword' || t.kind === 'symbol') && t.text === text;
  }

  private accept(text: string): boolean {
    if (this.is(text)) {
      this.advance();
      return true;
    }
    return false;
  }

  /** A token as an error message names it: end of file, an identifier, or its text in quotes. */
  private found(t: Token): FoundToken {
    switch (t.kind) {
      case 'eof':
        return { kind: 'end-of-file' };
      case 'identifier':
        return { kind: 'identifier', name: t.text };
      default:
        return { kind: 'text', text: t.text };
    }
  }

  private error(at: Token, error: CompileErrorMessage): void {
    if (this.panicking) return;
    const last = this.diagnostics[this.diagnostics.length - 1];
    if (last && last.line === at.line && last.column === at.column) return;
    // The lexer may have reported MAX_ERRORS already.
    if (this.diagnostics.length >= MAX_ERRORS) throw new Abort();
    this.diagnostics.push(diagnosticAt(at.line, at.column, error));
    if (this.diagnostics.length >= MAX_ERRORS) throw new Abort();
  }

  /** Report an error and stop reporting until the next statement boundary. */
  private syntaxError(at: Token, error: CompileErrorMessage): void {
    this.error(at, error);
    this.panicking = true;
  }

  private expect(text: string): boolean {
    if (this.accept(text)) return true;
    // A missing ';' is reported at the end of the previous token, where it belongs.
    const at = text === ';' || text === ')' || text === ']' ? this.afterPrevious() : this.token;
    this.syntaxError(at, { code: 'expectedSymbol', params: { expected: text, found: this.found(this.token) } });
    return false;
  }

  private afterPrevious(): Token {
    const p = this.previous;
    if (this.pos === 0 || p.line === this.token.line) return this.token;
    return { ...p, column: p.column + (p.end - p.offset) };
  }

  private expectIdentifier(): Token | undefined {
    if (this.token.kind === 'identifier') return this.advance();
    this.syntaxError(this.token, { code: 'expectedIdentifier', params: { found: this.found(this.token) } });
    return undefined;
  }

  /** Skip tokens until one of `stops` (not consumed); ends panic mode. */
  private skipTo(stops: readonly string[]): void {
    while (this.token.kind !== 'eof' && !stops.some((s) => this.is(s))) this.advance();
    this.panicking = false;
  }

  // ---------------------------------------------------------------- code emission

  private get pc(): number {
    return this.code.length / INSTRUCTION_WORDS;
  }

  private emit(op: number, a = 0, b = 0, c = 0, effect = 0): number {
    const at = this.pc;
    this.code.push(op, a | 0, b | 0, c | 0);
    this.lines.push(this.previous.line);
    this.adjustDepth(effect);
    return at;
  }

  private adjustDepth(effect: number): void {
    const ctx = this.context;
    ctx.depth += effect;
    if (ctx.depth > ctx.maxDepth) ctx.maxDepth = ctx.depth;
  }

  private patch(at: number, word: number, value: number): void {
    this.code[at * INSTRUCTION_WORDS + word] = value;
  }

  private addString(text: string): number {
    const existing = this.strings.indexOf(text);
    if (existing >= 0) return existing;
    this.strings.push(text);
    return this.strings.length - 1;
  }

  // ---------------------------------------------------------------- scopes

  private lookup(name: string): SymbolEntry | undefined {
    for (let s: Scope | undefined = this.scope; s; s = s.parent) {
      const found = s.symbols.get(name);
      if (found) return found;
    }
    return undefined;
  }

  private declareSymbol(t: Token, entry: SymbolEntry): void {
    if (this.scope.symbols.has(t.text)) {
      this.error(t, { code: 'alreadyDeclared', params: { name: t.text } });
      return;
    }
    this.scope.symbols.set(t.text, entry);
  }

  // ---------------------------------------------------------------- program and blocks

  compile(): PProgram | undefined {
    try {
      this.programHeading();
      const main: RoutineContext = {
        name: this.programName,
        kind: 'program',
        level: 0,
        line: this.tokens[0]!.line,
        localWords: 0,
        depth: 0,
        maxDepth: 0,
        variables: [],
        parameterWords: 0,
      };
      this.context = main;
      this.scope = { parent: this.scope, symbols: new Map(), level: 0, routine: undefined };
      this.block(main, undefined);
      if (!this.accept('.')) {
        this.panicking = false;
        if (this.token.kind === 'eof' && this.diagnostics.length > 0) return undefined;
        this.error(this.afterPrevious(), { code: 'expectedProgramEnd', params: { found: this.found(this.token) } });
      } else if (this.token.kind !== 'eof') {
        this.panicking = false;
        this.error(this.token, { code: 'textAfterEnd', params: { found: this.found(this.token) } });
      }
    } catch (e) {
      if (!(e instanceof Abort)) {
        if (e instanceof RangeError) {
          this.diagnostics.push(diagnosticAt(this.token.line, this.token.column, { code: 'nestedTooDeeplyToCompile' }));
        } else throw e;
      }
    }
    if (this.diagnostics.length > 0) return undefined;
    const entry = this.routines.find((r) => r.kind === 'program')?.entry ?? 0;
    return {
      code: Int32Array.from(this.code),
      lines: Int32Array.from(this.lines),
      strings: this.strings,
      entry,
      routines: this.routines,
      name: this.programName,
    };
  }

  private programHeading(): void {
    if (!this.is('program')) {
      this.syntaxError(this.token, { code: 'programHeading', params: { found: this.found(this.token) } });
      this.skipTo([';', 'const', 'type', 'var', 'procedure', 'function', 'begin']);
      this.accept(';');
      return;
    }
    this.advance();
    const name = this.expectIdentifier();
    if (name) this.programName = name.text;
    if (this.accept('(')) {
      do {
        this.expectIdentifier();
      } while (this.accept(','));
      this.expect(')');
    }
    if (!this.expect(';')) {
      this.skipTo([';', 'const', 'type', 'var', 'procedure', 'function', 'begin']);
      this.accept(';');
    }
  }

  /** Declarations then the compound statement of a routine or the main program. */
  private block(ctx: RoutineContext, routine: RoutineSymbol | undefined): void {
    for (;;) {
      if (this.is('const')) this.constDeclarations();
      else if (this.is('type')) this.typeDeclarations();
      else if (this.is('var')) this.varDeclarations(ctx);
      else if (this.is('procedure') || this.is('function')) this.routineDeclaration();
      else if (this.is('label')) {
        this.error(this.token, { code: 'labelsNotSupported' });
        this.skipTo([';']);
        this.accept(';');
      } else break;
    }
    if (!this.is('begin')) {
      this.panicking = false;
      this.syntaxError(this.token, { code: 'expectedSymbol', params: { expected: 'begin', found: this.found(this.token) } });
      this.skipTo(['begin']);
    }
    const entry = this.emit(Op.ENT, 0, 0);
    this.lines[entry] = ctx.line;
    if (routine) {
      routine.entry = entry;
      for (const f of routine.fixups) this.patch(f, 2, entry);
    }
    this.compoundStatement();
    if (ctx.kind === 'program') this.emit(Op.HLT);
    else this.emit(Op.RET, ctx.parameterWords);
    this.patch(entry, 1, ctx.localWords);
    this.patch(entry, 2, ctx.maxDepth + BLOCK_MARK_WORDS + 1);
    this.routines.push({
      name: ctx.name,
      kind: ctx.kind,
      level: ctx.level,
      entry,
      end: this.pc,
      parameterWords: ctx.parameterWords,
      localWords: ctx.localWords,
      line: ctx.line,
      variables: ctx.variables,
    });
  }

  private constDeclarations(): void {
    this.advance();
    while (this.token.kind === 'identifier') {
      const name = this.advance();
      this.expect('=');
      const value = this.constant();
      if (value) this.declareSymbol(name, { kind: 'const', ...value });
      if (!this.expect(';')) this.recoverDeclaration();
    }
  }

  private recoverDeclaration(): void {
    this.skipTo([';', 'begin', 'var', 'type', 'const', 'procedure', 'function']);
    this.accept(';');
  }

  private typeDeclarations(): void {
    this.advance();
    while (this.token.kind === 'identifier') {
      const name = this.advance();
      this.expect('=');
      const type = this.typeDenoter();
      this.declareSymbol(name, { kind: 'type', type });
      if (!this.expect(';')) this.recoverDeclaration();
    }
  }

  private varDeclarations(ctx: RoutineContext): void {
    this.advance();
    while (this.token.kind === 'identifier') {
      const names = this.identifierList();
      this.expect(':');
      const type = this.typeDenoter();
      for (const name of names) {
        const offset = BLOCK_MARK_WORDS + ctx.localWords;
        ctx.localWords += sizeOf(type);
        if (ctx.localWords > MAX_DATA_WORDS) {
          this.error(name, { code: 'tooManyVariables', params: { limit: MAX_DATA_WORDS } });
          ctx.localWords = 0;
        }
        this.declareSymbol(name, { kind: 'var', type, level: this.scope.level, offset, byReference: false });
        ctx.variables.push({ name: name.text, offset, type: debugType(type), kind: 'variable' });
      }
      if (!this.expect(';')) this.recoverDeclaration();
    }
  }

  private identifierList(): Token[] {
    const names: Token[] = [];
    do {
      const t = this.expectIdentifier();
      if (t) names.push(t);
    } while (this.accept(','));
    return names;
  }

  private routineDeclaration(): void {
    const isFunction = this.advance().text === 'function';
    const nameToken = this.expectIdentifier();
    if (!nameToken) {
      this.skipTo([';']);
      this.accept(';');
      return;
    }
    const existing = this.scope.symbols.get(nameToken.text);
    let routine: RoutineSymbol;
    let continuesForward = false;
    if (existing?.kind === 'routine' && existing.routine.forward && !existing.routine.defined) {
      routine = existing.routine;
      continuesForward = true;
    } else {
      routine = {
        name: nameToken.text,
        isFunction,
        resultType: undefined,
        parameters: [],
        level: this.scope.level,
        entry: -1,
        fixups: [],
        parameterWords: 0,
        forward: false,
        defined: false,
        token: nameToken,
      };
      this.declareSymbol(nameToken, { kind: 'routine', routine });
    }
    const outer = this.scope;
    const outerContext = this.context;
    this.scope = { parent: outer, symbols: new Map(), level: outer.level + 1, routine };
    let parameters: ParameterInfo[] = routine.parameters;
    let paramTokens: Token[] = [];
    if (this.is('(')) {
      const parsed = this.formalParameters();
      if (!continuesForward) {
        parameters = parsed.parameters;
        paramTokens = parsed.tokens;
      }
    }
    if (isFunction) {
      if (this.accept(':')) {
        const t = this.token;
        const resultType = this.typeIdentifier();
        if (resultType && !isOrdinal(resultType)) this.error(t, { code: 'functionResultType' });
        if (!continuesForward) routine.resultType = resultType ?? INTEGER;
      } else if (!continuesForward) {
        this.syntaxError(this.token, { code: 'expectedResultType', params: { found: this.found(this.token) } });
        routine.resultType = INTEGER;
      }
    }
    if (!this.expect(';')) {
      this.skipTo([';', 'begin', 'var', 'const', 'type']);
      this.accept(';');
    }
    if (!continuesForward) {
      routine.parameters = parameters;
      routine.parameterWords = parameters.reduce((n, p) => n + (p.byReference ? 1 : sizeOf(p.type)), 0);
    }
    // Parameters live below the block mark: the first at BP - parameterWords.
    const ctx: RoutineContext = {
      name: routine.name,
      kind: isFunction ? 'function' : 'procedure',
      level: this.scope.level,
      line: nameToken.line,
      localWords: 0,
      depth: 0,
      maxDepth: 0,
      variables: [],
      parameterWords: routine.parameterWords,
    };
    if (isFunction) {
      ctx.variables.push({ name: routine.name, offset: -routine.parameterWords - 1, type: debugType(routine.resultType ?? INTEGER), kind: 'result' });
    }
    let offset = -routine.parameterWords;
    routine.parameters.forEach((p, k) => {
      const words = p.byReference ? 1 : sizeOf(p.type);
      const token = paramTokens[k] ?? nameToken;
      if (this.scope.symbols.has(p.name)) this.error(token, { code: 'alreadyDeclared', params: { name: p.name } });
      this.scope.symbols.set(p.name, { kind: 'var', type: p.type, level: this.scope.level, offset, byReference: p.byReference });
      ctx.variables.push({ name: p.name, offset, type: debugType(p.type), kind: p.byReference ? 'var-parameter' : 'value-parameter' });
      offset += words;
    });
    if (this.is('forward')) {
      this.advance();
      routine.forward = true;
      this.expect(';');
      this.scope = outer;
      return;
    }
    if (routine.defined) this.error(nameToken, { code: 'alreadyDeclared', params: { name: routine.name } });
    routine.defined = true;
    this.context = ctx;
    this.block(ctx, routine);
    this.context = outerContext;
    this.scope = outer;
    if (!this.expect(';')) {
      this.skipTo([';', 'begin', 'procedure', 'function']);
      this.accept(';');
    }
  }

  private formalParameters(): { parameters: ParameterInfo[]; tokens: Token[] } {
    const parameters: ParameterInfo[] = [];
    const tokens: Token[] = [];
    this.advance(); // (
    do {
      if (this.is('procedure') || this.is('function')) {
        this.syntaxError(this.token, { code: 'routineParametersNotSupported' });
        this.skipTo([';', ')']);
        continue;
      }
      const byReference = this.accept('var');
      const names = this.identifierList();
      this.expect(':');
      const type = this.typeIdentifier() ?? INTEGER;
      for (const n of names) {
        parameters.push({ name: n.text, type, byReference });
        tokens.push(n);
      }
    } while (this.accept(';'));
    if (!this.expect(')')) {
      this.skipTo([')', ';']);
      this.accept(')');
    }
    return { parameters, tokens };
  }

  // ---------------------------------------------------------------- types and constants

  private typeIdentifier(): PascalType | undefined {
    const t = this.token;
    if (t.kind !== 'identifier') {
      if (this.is('array') || this.is('record')) {
        this.error(t, { code: 'parameterTypeName' });
        return this.typeDenoter();
      }
      this.syntaxError(t, { code: 'expectedTypeName', params: { found: this.found(t) } });
      return undefined;
    }
    this.advance();
    const entry = this.lookup(t.text);
    if (entry?.kind === 'type') return entry.type;
    this.error(t, { code: entry ? 'notAType' : 'unknownType', params: { name: t.text } });
    return undefined;
  }

  private typeDenoter(): PascalType {
    this.accept('packed');
    const t = this.token;
    if (this.is('array')) return this.arrayType();
    if (this.is('record')) return this.recordType();
    if (this.is('set') || this.is('file') || this.is('^')) {
      this.syntaxError(t, { code: 'typeKindNotSupported', params: { kind: t.text === '^' ? 'pointer' : t.text === 'set' ? 'set' : 'file' } });
      this.skipTo([';']);
      return INTEGER;
    }
    if (this.is('(')) {
      this.syntaxError(t, { code: 'enumeratedTypesNotSupported' });
      this.skipTo([';']);
      return INTEGER;
    }
    if (t.kind === 'identifier' && this.peek().text !== '..') {
      const entry = this.lookup(t.text);
      if (entry?.kind === 'type') {
        this.advance();
        return entry.type;
      }
      if (entry?.kind !== 'const') {
        this.advance();
        if (t.text === 'real' || t.text === 'string' || t.text === 'text') this.error(t, { code: 'typeNotSupported', params: { name: t.text } });
        else this.error(t, { code: entry ? 'notAType' : 'unknownType', params: { name: t.text } });
        return INTEGER;
      }
    }
    return this.subrangeType();
  }

  private subrangeType(): OrdinalType {
    const lowToken = this.token;
    const low = this.constant();
    if (!this.expect('..')) return INTEGER;
    const highToken = this.token;
    const high = this.constant();
    if (!low || !high) return INTEGER;
    if (!isOrdinal(low.type) || !isOrdinal(high.type)) {
      this.error(lowToken, { code: 'subrangeBoundsType' });
      return INTEGER;
    }
    if (low.type.kind !== high.type.kind) {
      this.error(highToken, { code: 'subrangeBoundsDiffer', params: { low: typeName(low.type), high: typeName(high.type) } });
      return INTEGER;
    }
    if (low.value > high.value) {
      this.error(highToken, { code: 'subrangeEmpty', params: { low: low.value, high: high.value } });
      return { kind: low.type.kind, low: high.value, high: low.value };
    }
    return { kind: low.type.kind, low: low.value, high: high.value };
  }

  private indexType(): OrdinalType {
    const t = this.token;
    const type = this.typeDenoter();
    if (!isOrdinal(type)) {
      this.error(t, { code: 'arrayIndexOrdinal' });
      return { kind: 'integer', low: 0, high: 0 };
    }
    if (type.low === undefined || type.high === undefined) {
      this.error(t, { code: 'arrayIndexTooLarge' });
      return { kind: 'integer', low: 0, high: 0 };
    }
    return type;
  }

  private arrayType(): PascalType {
    this.advance(); // array
    if (!this.expect('[')) {
      this.skipTo([';']);
      return INTEGER;
    }
    const indexes: OrdinalType[] = [];
    do {
      indexes.push(this.indexType());
    } while (this.accept(','));
    this.expect(']');
    this.expect('of');
    let element = this.typeDenoter();
    for (let k = indexes.length - 1; k >= 0; k--) {
      const index = indexes[k]!;
      const low = index.low ?? 0;
      const high = index.high ?? 0;
      const count = high - low + 1;
      let size = count * sizeOf(element);
      if (size > MAX_DATA_WORDS || size < 0) {
        this.error(this.previous, { code: 'arrayTooLarge', params: { count, elementWords: sizeOf(element), limit: MAX_DATA_WORDS } });
        size = 1;
      }
      const array: ArrayType = { kind: 'array', index, low, high, element, size };
      element = array;
    }
    return element;
  }

  private recordType(): RecordType {
    this.advance(); // record
    const fields: RecordField[] = [];
    let size = 0;
    while (this.token.kind === 'identifier') {
      const names = this.identifierList();
      this.expect(':');
      const type = this.typeDenoter();
      for (const n of names) {
        if (fields.some((f) => f.name === n.text)) this.error(n, { code: 'fieldDeclaredTwice', params: { name: n.text } });
        fields.push({ name: n.text, offset: size, type });
        size += sizeOf(type);
      }
      if (!this.accept(';')) break;
    }
    if (this.is('case')) {
      this.syntaxError(this.token, { code: 'variantRecordsNotSupported' });
      this.skipTo(['end']);
    }
    this.expect('end');
    if (size > MAX_DATA_WORDS) {
      this.error(this.previous, { code: 'recordTooLarge' });
      size = 1;
    }
    return { kind: 'record', fields, size: Math.max(size, 0) };
  }

  /** A constant: signed integer, char, string, boolean or constant name, with + - * div mod. */
  private constant(): { type: PascalType; value: number; text?: string } | undefined {
    return this.constantExpression(0);
  }

  private constantExpression(depth: number): { type: PascalType; value: number; text?: string } | undefined {
    if (depth > 20) {
      this.syntaxError(this.token, { code: 'constantNestedTooDeeply' });
      return undefined;
    }
    let sign = 0;
    if (this.is('+') || this.is('-')) sign = this.advance().text === '-' ? -1 : 1;
    let left = this.constantTerm(depth);
    if (!left) return undefined;
    if (sign !== 0) {
      if (left.type.kind !== 'integer') {
        this.error(this.previous, { code: 'constantSignNeedsInteger', params: { found: typeName(left.type) } });
        return undefined;
      }
      if (sign < 0) left = { type: INTEGER, value: -left.value };
    }
    while (this.is('+') || this.is('-')) {
      const op = this.advance();
      const right = this.constantTerm(depth);
      if (!right) return undefined;
      if (left.type.kind !== 'integer' || right.type.kind !== 'integer') {
        this.error(op, { code: 'constantOperatorNeedsIntegers', params: { operator: op.text } });
        return undefined;
      }
      left = { type: INTEGER, value: op.text === '+' ? left.value + right.value : left.value - right.value };
      if (!this.checkConstantRange(op, left.value)) return undefined;
    }
    return left;
  }

  private checkConstantRange(at: Token, value: number): boolean {
    if (value > MAX_INT || value < -MAX_INT - 1) {
      this.error(at, { code: 'constantOutOfRange', params: { value } });
      return false;
    }
    return true;
  }

  private constantTerm(depth: number): { type: PascalType; value: number; text?: string } | undefined {
    let left = this.constantFactor(depth);
    while (left && (this.is('*') || this.is('div') || this.is('mod'))) {
      const op = this.advance();
      const right = this.constantFactor(depth);
      if (!right) return undefined;
      if (left.type.kind !== 'integer' || right.type.kind !== 'integer') {
        this.error(op, { code: 'constantOperatorNeedsIntegers', params: { operator: op.text } });
        return undefined;
      }
      if (op.text !== '*' && right.value === 0) {
        this.error(op, { code: 'constantDivisionByZero' });
        return undefined;
      }
      if (op.text === 'mod' && right.value < 0) {
        this.error(op, { code: 'constantModNegative' });
        return undefined;
      }
      const value =
        op.text === '*'
          ? left.value * right.value
          : op.text === 'div'
            ? Math.trunc(left.value / right.value)
            : ((left.value % right.value) + right.value) % right.value;
      if (!this.checkConstantRange(op, value)) return undefined;
      left = { type: INTEGER, value };
    }
    return left;
  }

  private constantFactor(depth: number): { type: PascalType; value: number; text?: string } | undefined {
    const t = this.token;
    if (t.kind === 'integer') {
      this.advance();
      if (!this.checkConstantRange(t, t.value)) return { type: INTEGER, value: 0 };
      return { type: INTEGER, value: t.value };
    }
    if (t.kind === 'real') {
      this.advance();
      this.error(t, { code: 'realNotSupported' });
      return undefined;
    }
    if (t.kind === 'string') {
      this.advance();
      if (t.text.length === 1) return { type: CHAR, value: t.text.charCodeAt(0) };
      return { type: STRING, value: 0, text: t.text };
    }
    if (t.kind === 'identifier') {
      this.advance();
      const entry = this.lookup(t.text);
      if (entry?.kind === 'const') return { type: entry.type, value: entry.value, ...(entry.text !== undefined ? { text: entry.text } : {}) };
      this.error(t, { code: entry ? 'notAConstant' : 'unknownIdentifier', params: { name: t.text } });
      return undefined;
    }
    if (this.accept('(')) {
      const v = this.constantExpression(depth + 1);
      this.expect(')');
      return v;
    }
    this.syntaxError(t, { code: 'expectedConstant', params: { found: this.found(t) } });
    return undefined;
  }

  // ---------------------------------------------------------------- statements

  private compoundStatement(): void {
    this.expect('begin');
    this.statementSequence(['end']);
    if (!this.accept('end')) {
      this.panicking = false;
      this.error(this.token.kind === 'eof' ? this.token : this.afterPrevious(), { code: 'expectedSymbol', params: { expected: 'end', found: this.found(this.token) } });
    }
  }

  /** Statements separated by ';' up to one of `terminators` (not consumed). */
  private statementSequence(terminators: readonly string[]): void {
    for (;;) {
      const before = this.pos;
      this.statement();
      if (this.accept(';')) {
        this.panicking = false;
        continue;
      }
      if (terminators.some((t) => this.is(t)) || this.token.kind === 'eof' || this.is('.')) return;
      if (this.pos === before || this.panicking) {
        // Recover: skip to the next statement boundary.
        if (!this.panicking) this.syntaxError(this.token, { code: 'unexpectedToken', params: { found: this.found(this.token) } });
        this.skipTo([';', 'end', 'until', ...terminators]);
        if (this.accept(';')) continue;
        return;
      }
      this.syntaxError(this.afterPrevious(), { code: 'expectedSemicolonBetweenStatements', params: { found: this.found(this.token) } });
      this.panicking = false;
    }
  }

  /**
   * Parses one level deeper into statements or into expressions (each counted apart); past `limit`
   * it reports `code` at the current token and stops the compilation.
   */
  private nested<T>(
    counter: 'statementNesting' | 'expressionNesting',
    limit: number,
    code: 'statementsNestedTooDeeply' | 'expressionNestedTooDeeply',
    parse: () => T,
  ): T {
    if (++this[counter] > limit) {
      this[counter] = 0;
      this.panicking = false;
      this.error(this.token, { code });
      throw new Abort();
    }
    try {
      return parse();
    } finally {
      this[counter]--;
    }
  }

  private statement(): void {
    this.nested('statementNesting', MAX_STATEMENT_NESTING, 'statementsNestedTooDeeply', () => this.statementBody());
  }

  private statementBody(): void {
    const t = this.token;
    if (t.kind === 'integer' && this.peek().text === ':') {
      this.error(t, { code: 'labelsNotSupported' });
      this.advance();
      this.advance();
    }
    if (t.kind === 'identifier') return this.identifierStatement();
    if (t.kind !== 'keyword') return; // empty statement
    switch (t.text) {
      case 'begin':
        return this.compoundStatement();
      case 'if':
        return this.ifStatement();
      case 'while':
        return this.whileStatement();
      case 'repeat':
        return this.repeatStatement();
      case 'for':
        return this.forStatement();
      case 'case':
        return this.caseStatement();
      case 'goto':
        this.syntaxError(t, { code: 'gotoNotSupported' });
        return;
      case 'with':
        this.syntaxError(t, { code: 'withNotSupported' });
        return;
      default:
        return; // empty statement; the caller checks what follows
    }
  }

  private condition(statement: 'if' | 'while' | 'until'): void {
    const t = this.token;
    const type = this.expression();
    if (type.kind !== 'boolean') this.error(t, { code: 'conditionNotBoolean', params: { statement, found: typeName(type) } });
  }

  private ifStatement(): void {
    this.advance();
    this.condition('if');
    this.expect('then');
    const jumpElse = this.emit(Op.JPF, 0, 0, 0, -1);
    this.statement();
    if (this.is('else')) {
      this.advance();
      const jumpEnd = this.emit(Op.JMP);
      this.patch(jumpElse, 1, this.pc);
      this.statement();
      this.patch(jumpEnd, 1, this.pc);
    } else {
      this.patch(jumpElse, 1, this.pc);
    }
  }

  private whileStatement(): void {
    this.advance();
    const top = this.pc;
    this.condition('while');
    this.expect('do');
    const exit = this.emit(Op.JPF, 0, 0, 0, -1);
    this.statement();
    this.emit(Op.JMP, top);
    this.patch(exit, 1, this.pc);
  }

  private repeatStatement(): void {
    this.advance();
    const top = this.pc;
    this.statementSequence(['until']);
    if (!this.accept('until')) {
      this.panicking = false;
      this.syntaxError(this.token, { code: 'expectedSymbol', params: { expected: 'until', found: this.found(this.token) } });
      return;
    }
    this.condition('until');
    this.emit(Op.JPF, top, 0, 0, -1);
  }

  private forStatement(): void {
    this.advance();
    const nameToken = this.expectIdentifier();
    if (!nameToken) return;
    const entry = this.lookup(nameToken.text);
    let control: { level: number; offset: number; type: PascalType } | undefined;
    if (entry?.kind === 'var' && !entry.byReference && isOrdinal(entry.type)) {
      control = { level: entry.level, offset: entry.offset, type: entry.type };
    } else if (entry?.kind === 'var') {
      this.error(nameToken, { code: 'forControlVariable', params: { name: nameToken.text } });
    } else {
      this.error(nameToken, { code: entry ? 'notAVariable' : 'unknownIdentifier', params: { name: nameToken.text } });
    }
    const type = control?.type ?? INTEGER;
    const level = this.scope.level - (control?.level ?? this.scope.level);
    const offset = control?.offset ?? BLOCK_MARK_WORDS;
    this.expect(':=');
    const startToken = this.token;
    const startType = this.expression();
    if (!sameType(startType, type)) this.error(startToken, { code: 'forStartType', params: { expected: typeName(type), found: typeName(startType) } });
    let down = false;
    if (this.is('downto')) down = true;
    else if (!this.is('to')) this.syntaxError(this.token, { code: 'expectedToOrDownto', params: { found: this.found(this.token) } });
    this.advance();
    const limitToken = this.token;
    const limitType = this.expression();
    if (!sameType(limitType, type)) this.error(limitToken, { code: 'forLimitType', params: { expected: typeName(type), found: typeName(limitType) } });
    // The limit is evaluated once, into a hidden local. As in Free Pascal, the control variable is
    // assigned only if the loop runs: the start value waits on the stack until the test.
    const limitOffset = BLOCK_MARK_WORDS + this.context.localWords++;
    this.emit(Op.STO, 0, limitOffset, 0, -1);
    this.emit(Op.DUP, 0, 0, 0, 1);
    this.emit(Op.LOD, 0, limitOffset, 0, 1);
    this.emit(down ? Op.GE : Op.LE, 0, 0, 0, -1);
    const skip = this.emit(Op.JPF, 0, 0, 0, -1);
    this.emit(Op.STO, level, offset, 0, -1);
    this.expect('do');
    const top = this.pc;
    if (entry && nameToken) {
      // Shadow the control variable so the body cannot assign it.
      this.scope.symbols.set(nameToken.text, { ...(entry as Extract<SymbolEntry, { kind: 'var' }>), isForControl: true });
    }
    const hadOwn = entry !== undefined && this.scope.symbols.get(nameToken.text) !== undefined;
    this.statement();
    if (entry && hadOwn) {
      if (entry.kind === 'var' && entry.level === this.scope.level) this.scope.symbols.set(nameToken.text, entry);
      else this.scope.symbols.delete(nameToken.text);
    }
    this.emit(Op.LOD, level, offset, 0, 1);
    this.emit(Op.LOD, 0, limitOffset, 0, 1);
    this.emit(Op.NE, 0, 0, 0, -1);
    const done = this.emit(Op.JPF, 0, 0, 0, -1);
    this.emit(Op.LOD, level, offset, 0, 1);
    this.emit(Op.INC, down ? -1 : 1);
    this.emit(Op.STO, level, offset, 0, -1);
    this.emit(Op.JMP, top);
    // The loop did not run: drop the start value.
    this.patch(skip, 1, this.pc);
    this.adjustDepth(1);
    this.emit(Op.POP, 0, 0, 0, -1);
    this.patch(done, 1, this.pc);
  }

  private caseStatement(): void {
    this.advance();
    const selectorToken = this.token;
    const selectorType = this.expression();
    if (!isOrdinal(selectorType)) this.error(selectorToken, { code: 'caseSelectorType', params: { found: typeName(selectorType) } });
    this.expect('of');
    const jumpToTests = this.emit(Op.JMP);
    this.adjustDepth(-1); // the arms run with the selector popped
    const tests: { low: number; high: number; target: number }[] = [];
    const exits: number[] = [];
    let elseStart = -1;
    for (;;) {
      if (this.is('end')) break;
      if (this.is('else') || this.is('otherwise')) {
        this.advance();
        elseStart = this.pc;
        this.statementSequence(['end']);
        break;
      }
      if (this.token.kind === 'eof') break;
      const target = this.pc;
      const before = this.pos;
      do {
        const labelToken = this.token;
        const low = this.constant();
        let high = low;
        if (this.accept('..')) high = this.constant();
        if (!low || !high) continue;
        if (!isOrdinal(low.type) || !sameType(low.type, selectorType) || !sameType(high.type, selectorType)) {
          this.error(labelToken, { code: 'caseLabelType', params: { expected: typeName(selectorType), found: typeName(low.type) } });
          continue;
        }
        if (tests.some((x) => x.low <= high.value && low.value <= x.high)) {
          this.error(labelToken, { code: 'duplicateCaseLabel', params: { label: labelText(low, high) } });
          continue;
        }
        if (low.value > high.value) {
          this.error(labelToken, { code: 'emptyCaseRange', params: { low: low.value, high: high.value } });
          continue;
        }
        tests.push({ low: low.value, high: high.value, target });
      } while (this.accept(','));
      this.expect(':');
      this.statement();
      exits.push(this.emit(Op.JMP));
      if (this.pos === before) {
        this.skipTo([';', 'end']);
      }
      if (!this.accept(';')) {
        if (!this.is('end') && !this.is('else') && !this.is('otherwise')) {
          this.syntaxError(this.afterPrevious(), { code: 'expectedCaseSeparator', params: { found: this.found(this.token) } });
          this.skipTo([';', 'end']);
          if (!this.accept(';')) break;
        }
      }
      this.panicking = false;
    }
    this.expect('end');
    let elseExit = -1;
    if (elseStart >= 0) elseExit = this.emit(Op.JMP);
    this.patch(jumpToTests, 1, this.pc);
    this.adjustDepth(1);
    for (const t of tests) this.emit(Op.CSE, t.low, t.high, t.target);
    if (elseStart >= 0) {
      // No label matched: drop the selector and run the else part.
      this.emit(Op.POP, 0, 0, 0, -1);
      this.emit(Op.JMP, elseStart);
    } else {
      this.emit(Op.CSF, 0, 0, 0, -1);
    }
    for (const e of exits) this.patch(e, 1, this.pc);
    if (elseExit >= 0) this.patch(elseExit, 1, this.pc);
  }

  private identifierStatement(): void {
    const t = this.advance();
    const entry = this.lookup(t.text);
    if (!entry) {
      this.error(t, { code: 'unknownIdentifier', params: { name: t.text } });
      this.skipTo([';', 'end', 'else', 'until']);
      return;
    }
    switch (entry.kind) {
      case 'var':
        return this.assignment(t, entry);
      case 'routine': {
        if (this.is(':=') && entry.routine.isFunction) return this.resultAssignment(t, entry.routine);
        if (entry.routine.isFunction) {
          this.error(t, { code: 'functionAsStatement', params: { name: t.text } });
          this.skipTo([';', 'end', 'else', 'until']);
          return;
        }
        return this.call(entry.routine);
      }
      case 'builtin':
        return this.builtinStatement(t, entry.name);
      case 'const':
        this.syntaxError(t, { code: 'assignToConstant', params: { name: t.text } });
        return;
      default:
        this.syntaxError(t, { code: 'notVariableOrProcedure', params: { name: t.text, kind: entry.kind } });
        return;
    }
  }

  private assignment(t: Token, entry: Extract<SymbolEntry, { kind: 'var' }>): void {
    if (entry.isForControl) this.error(t, { code: 'assignToForControl', params: { name: t.text } });
    const access = this.designator(t, entry);
    if (!this.is(':=')) {
      this.syntaxError(this.token, this.is('=') ? { code: 'useColonEquals' } : { code: 'expectedSymbol', params: { expected: ':=', found: this.found(this.token) } });
      return;
    }
    const assignToken = this.advance();
    this.assignTo(access, assignToken);
  }

  /** Compiles the right-hand side and stores it into `access` (whose address, if indirect, is on the stack). */
  private assignTo(access: Access, at: Token): void {
    const target = access.type;
    if (target.kind === 'array' || target.kind === 'record') {
      if (access.mode === 'direct') this.emit(Op.LDA, this.scope.level - access.level, access.offset, 0, 1);
      const valueToken = this.token;
      const valueType = this.expression();
      if (!sameType(valueType, target)) {
        this.error(valueToken, { code: 'typeMismatchAssign', params: { value: typeName(valueType), target: typeName(target) } });
      }
      this.emit(Op.MOV, target.size, 0, 0, -2);
      return;
    }
    const valueToken = this.token;
    const valueType = this.expression();
    if (!sameType(valueType, target)) {
      this.error(valueToken.line === at.line ? valueToken : at, { code: 'typeMismatchAssign', params: { value: typeName(valueType), target: typeName(target) } });
    }
    this.store(access);
  }

  private resultAssignment(t: Token, routine: RoutineSymbol): void {
    // Allowed inside the function itself or a routine nested in it.
    let bodyLevel = -1;
    for (let s: Scope | undefined = this.scope; s; s = s.parent) {
      if (s.routine === routine) {
        bodyLevel = s.level;
        break;
      }
    }
    if (bodyLevel < 0) {
      this.error(t, { code: 'assignFunctionOutside', params: { name: t.text } });
    }
    this.advance(); // :=
    const access: Access = { mode: 'direct', level: bodyLevel < 0 ? this.scope.level : bodyLevel, offset: -routine.parameterWords - 1, type: routine.resultType ?? INTEGER };
    this.assignTo(access, t);
  }

  private store(access: Access): void {
    if (access.mode === 'direct') this.emit(Op.STO, this.scope.level - access.level, access.offset, 0, -1);
    else this.emit(Op.STI, 0, 0, 0, -2);
  }

  private call(routine: RoutineSymbol): void {
    if (routine.isFunction) this.emit(Op.LIT, 0, 0, 0, 1); // the result slot
    const params = routine.parameters;
    if (this.accept('(')) {
      let k = 0;
      do {
        const argToken = this.token;
        const p = params[k];
        if (!p) {
          this.error(argToken, { code: 'tooManyArguments', params: { routine: routine.name, count: params.length } });
          this.expression();
          k++;
          continue;
        }
        if (p.byReference) {
          const access = this.variableReference(argToken, { code: 'varArgumentNeedsVariable', params: { index: k + 1, routine: routine.name } });
          if (access) {
            this.pushAddress(access);
            if (!sameType(access.type, p.type)) {
              this.error(argToken, { code: 'varArgumentType', params: { index: k + 1, routine: routine.name, expected: typeName(p.type), found: typeName(access.type) } });
            }
          } else this.emit(Op.LIT, 0, 0, 0, 1);
        } else {
          const argType = this.expression();
          if (!sameType(argType, p.type)) {
            this.error(argToken, { code: 'argumentType', params: { index: k + 1, routine: routine.name, expected: typeName(p.type), found: typeName(argType) } });
          }
          if (p.type.kind === 'array' || p.type.kind === 'record') this.emit(Op.LDM, p.type.size, 0, 0, p.type.size - 1);
        }
        k++;
      } while (this.accept(','));
      this.expect(')');
      if (k < params.length) this.error(this.previous, { code: 'tooFewArguments', params: { routine: routine.name, given: k, needed: params.length } });
    } else if (params.length > 0) {
      this.error(this.afterPrevious(), { code: 'needsArguments', params: { routine: routine.name, count: params.length } });
    }
    const at = this.emit(Op.CAL, this.scope.level - routine.level, routine.entry, 0, BLOCK_MARK_WORDS);
    this.adjustDepth(-BLOCK_MARK_WORDS - routine.parameterWords);
    if (routine.entry < 0) routine.fixups.push(at);
  }

  /** A variable (for var parameters and read): returns its access, or undefined with an error. */
  private variableReference(t: Token, notAVariable: CompileErrorMessage): Access | undefined {
    if (t.kind !== 'identifier') {
      this.error(t, notAVariable);
      this.expression();
      return undefined;
    }
    const entry = this.lookup(t.text);
    if (entry?.kind !== 'var') {
      this.error(t, entry ? notAVariable : { code: 'unknownIdentifier', params: { name: t.text } });
      this.expression();
      return undefined;
    }
    this.advance();
    return this.designator(t, entry);
  }

  private pushAddress(access: Access): void {
    if (access.mode === 'direct') this.emit(Op.LDA, this.scope.level - access.level, access.offset, 0, 1);
  }

  /** Variable name with selectors ([i, j], .field). Emits address code when needed. */
  private designator(t: Token, entry: Extract<SymbolEntry, { kind: 'var' }>): Access {
    let access: Access;
    if (entry.byReference) {
      this.emit(Op.LOD, this.scope.level - entry.level, entry.offset, 0, 1);
      access = { mode: 'indirect', type: entry.type };
    } else {
      access = { mode: 'direct', level: entry.level, offset: entry.offset, type: entry.type };
    }
    for (;;) {
      if (this.is('[')) {
        const open = this.advance();
        do {
          const type = access.type;
          if (type.kind !== 'array') {
            this.error(open, { code: 'notAnArray', params: { name: t.text, type: typeName(type) } });
            this.expression();
            continue;
          }
          this.pushAddress(access);
          const indexToken = this.token;
          const indexType = this.expression();
          if (!sameType(indexType, type.index)) {
            this.error(indexToken, { code: 'arrayIndexType', params: { expected: typeName(type.index), found: typeName(indexType) } });
          }
          this.emit(Op.IXA, type.low, type.high, sizeOf(type.element), -1);
          access = { mode: 'indirect', type: type.element };
        } while (this.accept(','));
        this.expect(']');
      } else if (this.is('.')) {
        // Distinguish a field selector from the program's final '.'.
        if (this.peek().kind !== 'identifier') break;
        this.advance();
        const fieldToken = this.advance();
        const type = access.type;
        if (type.kind !== 'record') {
          this.error(fieldToken, { code: 'notARecord', params: { name: t.text, type: typeName(type) } });
          continue;
        }
        const field = type.fields.find((f) => f.name === fieldToken.text);
        if (!field) {
          this.error(fieldToken, { code: 'noSuchField', params: { field: fieldToken.text } });
          continue;
        }
        if (access.mode === 'direct') access = { ...access, offset: access.offset + field.offset, type: field.type };
        else {
          if (field.offset !== 0) this.emit(Op.INC, field.offset);
          access = { mode: 'indirect', type: field.type };
        }
      } else if (this.is('^')) {
        this.syntaxError(this.token, { code: 'pointersNotSupported' });
        this.advance();
      } else break;
    }
    return access;
  }

  /** Pushes the value of a variable (structured values: their address). */
  private load(access: Access): void {
    const t = access.type;
    const structured = t.kind === 'array' || t.kind === 'record';
    if (access.mode === 'direct') {
      if (structured) this.emit(Op.LDA, this.scope.level - access.level, access.offset, 0, 1);
      else this.emit(Op.LOD, this.scope.level - access.level, access.offset, 0, 1);
    } else if (!structured) {
      this.emit(Op.LDI);
    }
  }

  // ---------------------------------------------------------------- built-in procedures

  private builtinStatement(t: Token, name: BuiltinName): void {
    switch (name) {
      case 'write':
      case 'writeln':
        return this.writeStatement(name === 'writeln');
      case 'read':
      case 'readln':
        return this.readStatement(name === 'readln');
      default:
        this.error(t, { code: 'builtinFunctionAsStatement', params: { name } });
        this.skipTo([';', 'end', 'else', 'until']);
    }
  }

  private skipFileArgument(): boolean {
    if (this.token.kind === 'identifier' && (this.token.text === 'output' || this.token.text === 'input') && this.lookup(this.token.text)?.kind === 'file') {
      this.advance();
      return true;
    }
    return false;
  }

  /**
   * The argument list of write, writeln, read or readln: each argument but a first one that names
   * the standard file (output, input). Without a list, only writeln and readln are complete
   * (`newline`); write and read get the error `missing`.
   */
  private ioArguments(newline: boolean, missing: CompileErrorMessage, argument: () => void): void {
    if (this.accept('(')) {
      let first = true;
      do {
        if (first && this.skipFileArgument()) {
          first = false;
          continue;
        }
        first = false;
        argument();
      } while (this.accept(','));
      this.expect(')');
    } else if (!newline) {
      this.error(this.afterPrevious(), missing);
    }
  }

  private writeStatement(newline: boolean): void {
    this.ioArguments(newline, { code: 'writeNeedsValue' }, () => this.writeArgument());
    if (newline) this.emit(Op.WLN);
  }

  private writeArgument(): void {
    const t = this.token;
    // String literals (and string constants) other than single characters.
    let text: string | undefined;
    if (t.kind === 'string' && t.text.length !== 1) text = t.text;
    if (t.kind === 'identifier') {
      const entry = this.lookup(t.text);
      if (entry?.kind === 'const' && entry.type.kind === 'string') text = entry.text ?? '';
    }
    if (text !== undefined && [',', ')', ':'].includes(this.peek().text)) {
      this.advance();
      const index = this.addString(text);
      this.writeWithWidth(text.length, Op.WRS, index, -1);
      return;
    }
    const type = this.expression();
    switch (type.kind) {
      case 'integer':
        this.writeWithWidth(DEFAULT_WIDTH.integer, Op.WRI, 0, -2);
        return;
      case 'char':
        this.writeWithWidth(DEFAULT_WIDTH.char, Op.WRC, 0, -2);
        return;
      case 'boolean':
        this.writeWithWidth(DEFAULT_WIDTH.boolean, Op.WRB, 0, -2);
        return;
      default:
        this.error(t, { code: 'cannotWriteType', params: { type: typeName(type) } });
        if (this.accept(':')) this.expression();
        this.emit(Op.POP, 0, 0, 0, -1);
    }
  }

  /** The value's `:width` (or its default width) and no `:decimals`, then the instruction that writes it. */
  private writeWithWidth(defaultWidth: number, op: number, a: number, effect: number): void {
    this.fieldWidth(defaultWidth);
    if (this.is(':')) this.realFormatError();
    this.emit(op, a, 0, 0, effect);
  }

  private realFormatError(): void {
    this.error(this.token, { code: 'decimalPlacesNotSupported' });
    this.advance();
    this.expression();
    this.emit(Op.POP, 0, 0, 0, -1);
  }

  private fieldWidth(defaultWidth: number): void {
    if (this.accept(':')) {
      const t = this.token;
      const type = this.expression();
      if (type.kind !== 'integer') this.error(t, { code: 'fieldWidthType', params: { found: typeName(type) } });
    } else {
      this.emit(Op.LIT, defaultWidth, 0, 0, 1);
    }
  }

  private readStatement(newline: boolean): void {
    this.ioArguments(newline, { code: 'readNeedsVariable' }, () => this.readArgument());
    if (newline) this.emit(Op.RLN);
  }

  private readArgument(): void {
    const argToken = this.token;
    const access = this.variableReference(argToken, { code: 'readNeedsVariables' });
    if (!access) return;
    this.pushAddress(access);
    if (access.type.kind === 'integer') this.emit(Op.RDI, 0, 0, 0, -1);
    else if (access.type.kind === 'char') this.emit(Op.RDC, 0, 0, 0, -1);
    else {
      this.error(argToken, { code: 'cannotReadType', params: { type: typeName(access.type) } });
      this.emit(Op.POP, 0, 0, 0, -1);
    }
  }

  // ---------------------------------------------------------------- expressions

  private expression(): PascalType {
    return this.nested('expressionNesting', MAX_EXPRESSION_NESTING, 'expressionNestedTooDeeply', () => this.relation());
  }

  private relation(): PascalType {
    const left = this.simpleExpression();
    const ops: Record<string, number> = { '=': Op.EQ, '<>': Op.NE, '<': Op.LT, '<=': Op.LE, '>': Op.GT, '>=': Op.GE };
    const t = this.token;
    if (t.kind === 'symbol' && ops[t.text] !== undefined) {
      this.advance();
      const right = this.simpleExpression();
      if (!isOrdinal(left) || !isOrdinal(right)) {
        this.error(t, { code: 'comparisonOperands', params: { operator: t.text, found: typeName(isOrdinal(left) ? right : left) } });
      } else if (left.kind !== right.kind) {
        this.error(t, { code: 'cannotCompare', params: { left: typeName(left), right: typeName(right) } });
      }
      this.emit(ops[t.text]!, 0, 0, 0, -1);
      return BOOLEAN;
    }
    if (this.is('in')) {
      this.syntaxError(this.token, { code: 'setsNotSupported' });
    }
    return left;
  }

  private simpleExpression(): PascalType {
    let sign = '';
    const signToken = this.token;
    if (this.is('+') || this.is('-')) sign = this.advance().text;
    let type = this.term();
    if (sign !== '') {
      if (type.kind !== 'integer') this.error(signToken, { code: 'signNeedsInteger', params: { found: typeName(type) } });
      if (sign === '-') this.emit(Op.NEG);
    }
    for (;;) {
      const t = this.token;
      if (this.is('+') || this.is('-')) {
        this.advance();
        const right = this.term();
        this.checkOperands(t, type, right, 'integer');
        this.emit(t.text === '+' ? Op.ADD : Op.SUB, 0, 0, 0, -1);
        type = INTEGER;
      } else if (this.is('or')) {
        this.advance();
        // Short-circuit, as Free Pascal does: if the left side is true, skip the right side.
        this.emit(Op.DUP, 0, 0, 0, 1);
        this.emit(Op.NOT);
        const jump = this.emit(Op.JPF, 0, 0, 0, -1);
        this.emit(Op.POP, 0, 0, 0, -1);
        const right = this.term();
        this.checkOperands(t, type, right, 'boolean');
        this.patch(jump, 1, this.pc);
        type = BOOLEAN;
      } else return type;
    }
  }

  private checkOperands(op: Token, left: PascalType, right: PascalType, kind: 'integer' | 'boolean'): void {
    if (left.kind !== kind || right.kind !== kind) {
      const found = left.kind !== kind ? left : right;
      this.error(op, { code: 'operatorOperands', params: { operator: op.text, kind, found: typeName(found) } });
    }
  }

  private term(): PascalType {
    let type = this.factor();
    for (;;) {
      const t = this.token;
      if (this.is('*') || this.is('div') || this.is('mod')) {
        this.advance();
        const right = this.factor();
        this.checkOperands(t, type, right, 'integer');
        this.emit(t.text === '*' ? Op.MUL : t.text === 'div' ? Op.DIV : Op.MOD, 0, 0, 0, -1);
        type = INTEGER;
      } else if (this.is('/')) {
        this.advance();
        this.error(t, { code: 'realDivisionNotSupported' });
        this.factor();
        this.emit(Op.DIV, 0, 0, 0, -1);
        type = INTEGER;
      } else if (this.is('and')) {
        this.advance();
        this.emit(Op.DUP, 0, 0, 0, 1);
        const jump = this.emit(Op.JPF, 0, 0, 0, -1);
        this.emit(Op.POP, 0, 0, 0, -1);
        const right = this.factor();
        this.checkOperands(t, type, right, 'boolean');
        this.patch(jump, 1, this.pc);
        type = BOOLEAN;
      } else return type;
    }
  }

  private factor(): PascalType {
    const t = this.token;
    switch (t.kind) {
      case 'integer':
        this.advance();
        if (t.value > MAX_INT) this.error(t, { code: 'integerTooLarge', params: { text: t.text, max: MAX_INT } });
        this.emit(Op.LIT, t.value | 0, 0, 0, 1);
        return INTEGER;
      case 'real':
        this.advance();
        this.error(t, { code: 'realNotSupported' });
        this.emit(Op.LIT, 0, 0, 0, 1);
        return INTEGER;
      case 'string':
        this.advance();
        if (t.text.length === 1) {
          this.emit(Op.LIT, t.text.charCodeAt(0), 0, 0, 1);
          return CHAR;
        }
        this.error(t, { code: 'multiCharacterString' });
        this.emit(Op.LIT, 0, 0, 0, 1);
        return STRING;
      case 'identifier':
        return this.identifierFactor();
      case 'symbol':
        if (t.text === '(') {
          this.advance();
          const type = this.expression();
          this.expect(')');
          return type;
        }
        if (t.text === '-' || t.text === '+') {
          // A sign where a factor is expected (a * -b, - -a): Free Pascal accepts it, so do we.
          this.advance();
          const type = this.factor();
          if (type.kind !== 'integer') this.error(t, { code: 'signNeedsInteger', params: { found: typeName(type) } });
          if (t.text === '-') this.emit(Op.NEG);
          return INTEGER;
        }
        break;
      case 'keyword':
        if (t.text === 'not') {
          this.advance();
          const type = this.factor();
          if (type.kind !== 'boolean') this.error(t, { code: 'notNeedsBoolean', params: { found: typeName(type) } });
          this.emit(Op.NOT);
          return BOOLEAN;
        }
        if (t.text === 'nil') {
          this.advance();
          this.error(t, { code: 'pointersNotSupported' });
          this.emit(Op.LIT, 0, 0, 0, 1);
          return INTEGER;
        }
        break;
      default:
        break;
    }
    this.syntaxError(t, { code: 'expectedValue', params: { found: this.found(t) } });
    this.emit(Op.LIT, 0, 0, 0, 1);
    return INTEGER;
  }

  private identifierFactor(): PascalType {
    const t = this.advance();
    const entry = this.lookup(t.text);
    if (!entry) {
      this.error(t, { code: 'unknownIdentifier', params: { name: t.text } });
      if (this.is('(')) this.skipArguments();
      this.emit(Op.LIT, 0, 0, 0, 1);
      return INTEGER;
    }
    switch (entry.kind) {
      case 'const':
        if (entry.type.kind === 'string') {
          this.error(t, { code: 'stringConstantValue', params: { name: t.text } });
          this.emit(Op.LIT, 0, 0, 0, 1);
          return STRING;
        }
        this.emit(Op.LIT, entry.value, 0, 0, 1);
        return entry.type;
      case 'var': {
        const access = this.designator(t, entry);
        this.load(access);
        return access.type;
      }
      case 'routine':
        if (!entry.routine.isFunction) {
          this.error(t, { code: 'procedureHasNoValue', params: { name: t.text } });
          this.call(entry.routine);
          this.emit(Op.LIT, 0, 0, 0, 1);
          return INTEGER;
        }
        this.call(entry.routine);
        return entry.routine.resultType ?? INTEGER;
      case 'builtin':
        return this.builtinFunction(t, entry.name);
      case 'type':
        this.error(t, { code: 'typeNotValue', params: { name: t.text } });
        if (this.is('(')) this.skipArguments();
        this.emit(Op.LIT, 0, 0, 0, 1);
        return INTEGER;
      case 'file':
        this.error(t, { code: 'fileNotValue', params: { name: t.text } });
        this.emit(Op.LIT, 0, 0, 0, 1);
        return INTEGER;
    }
  }

  private skipArguments(): void {
    this.advance();
    let depth = 1;
    while (depth > 0 && this.token.kind !== 'eof') {
      if (this.is('(')) depth++;
      if (this.is(')')) depth--;
      this.advance();
    }
  }

  private builtinFunction(t: Token, name: BuiltinName): PascalType {
    if (name === 'eof' || name === 'eoln') {
      if (this.accept('(')) {
        if (!this.skipFileArgument()) this.error(this.token, { code: 'fileArgumentOnlyInput', params: { name } });
        this.expect(')');
      }
      this.emit(name === 'eof' ? Op.EOF : Op.EOL, 0, 0, 0, 1);
      return BOOLEAN;
    }
    if (name === 'write' || name === 'writeln' || name === 'read' || name === 'readln') {
      this.error(t, { code: 'procedureHasNoValue', params: { name } });
      if (this.is('(')) this.skipArguments();
      this.emit(Op.LIT, 0, 0, 0, 1);
      return INTEGER;
    }
    if (!this.expect('(')) {
      this.emit(Op.LIT, 0, 0, 0, 1);
      return INTEGER;
    }
    const argToken = this.token;
    const arg = this.expression();
    this.expect(')');
    const need = (ok: boolean, needs: 'integer' | 'ordinal') => {
      if (!ok) this.error(argToken, { code: 'builtinArgument', params: { name, needs, found: typeName(arg) } });
    };
    switch (name) {
      case 'odd':
        need(arg.kind === 'integer', 'integer');
        this.emit(Op.ODD);
        return BOOLEAN;
      case 'abs':
        need(arg.kind === 'integer', 'integer');
        this.emit(Op.ABS);
        return INTEGER;
      case 'sqr':
        need(arg.kind === 'integer', 'integer');
        this.emit(Op.SQR);
        return INTEGER;
      case 'ord':
        need(isOrdinal(arg), 'ordinal');
        return INTEGER;
      case 'chr':
        need(arg.kind === 'integer', 'integer');
        return CHAR;
      case 'succ':
      case 'pred':
        need(isOrdinal(arg), 'ordinal');
        this.emit(Op.INC, name === 'succ' ? 1 : -1);
        return isOrdinal(arg) ? { kind: arg.kind } : INTEGER;
    }
  }
}

function labelText(low: { value: number }, high: { value: number }): string {
  return low.value === high.value ? String(low.value) : `${low.value}..${high.value}`;
}

/** Compiles Pascal source to a P-code program, or returns the compile errors. */
export function compileProgram(source: string): CompileResult {
  const diagnostics: Diagnostic[] = [];
  let program: PProgram | undefined;
  try {
    program = new Compiler(source, diagnostics).compile();
  } catch (e) {
    diagnostics.push(diagnosticAt(1, 1, { code: 'internalError', params: { detail: e instanceof Error ? e.message : String(e) } }));
    program = undefined;
  }
  const sorted = [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
  return { program: sorted.length === 0 ? program : undefined, diagnostics: sorted };
}
