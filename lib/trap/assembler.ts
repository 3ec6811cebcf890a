// A two-pass assembler for the teaching ISA. Errors are values with line:column, never exceptions.
//
//   label:  OP operand, operand   ; comment
//   .equ NAME expression
//
// Operands: r0..r3, numbers (12, -1, 0x1f), symbols and symbol±number, memory [expr] or [rN].

import { HYPERCALLS, REGISTER_COUNT, WORD_MASK, instructionInfo, isOpcode } from './isa.ts';
import type { Opcode, OperandShape } from './isa.ts';
import { wordings } from '../book/localized-text.ts';
import type { MessageOf } from '../book/localized-text.ts';

const shapeNames: Record<OperandShape, { en: string; zh: string }> = {
  r: { en: 'register', zh: '寄存器' },
  imm: { en: 'number', zh: '数' },
  mem: { en: '[address]', zh: '[地址]' },
  port: { en: 'port', zh: '端口' },
  label: { en: 'label', zh: '标号' },
};

/** What the assembler says about a line it cannot assemble, in every edition of the book. */
export const assemblyErrorWordings = {
  definedTwice: wordings((p: { name: string }) => `"${p.name}" is defined twice`, (p) => `“${p.name}”定义了两次`),
  equNeedsNameAndValue: wordings(
    () => '.equ needs a name and a value: .equ NAME 42',
    () => '.equ 需要一个名字和一个值：.equ NAME 42',
  ),
  unknownInstruction: wordings((p: { name: string }) => `unknown instruction "${p.name}"`, (p) => `未知指令“${p.name}”`),
  operandCount: wordings(
    (p: { op: Opcode; shapes: readonly OperandShape[]; found: number }) =>
      `${p.op} takes ${p.shapes.length} operand${p.shapes.length === 1 ? '' : 's'} (${
        p.shapes.length === 0 ? 'none' : p.shapes.map((shape) => shapeNames[shape].en).join(', ')
      }), found ${p.found}`,
    (p) =>
      `${p.op} 需要 ${p.shapes.length} 个操作数（${
        p.shapes.length === 0 ? '无' : p.shapes.map((shape) => shapeNames[shape].zh).join('、')
      }），这里有 ${p.found} 个`,
  ),
  missingOperand: wordings(() => 'missing operand', () => '缺少操作数'),
  expectedRegister: wordings(
    (p: { last: number; found: string }) => `expected a register r0..r${p.last}, found "${p.found}"`,
    (p) => `这里应当是寄存器 r0..r${p.last}，却是“${p.found}”`,
  ),
  expectedMemory: wordings(
    (p: { found: string }) => `expected a memory operand like [42], [NAME] or [r1], found "${p.found}"`,
    (p) => `这里应当是内存操作数，如 [42]、[NAME] 或 [r1]，却是“${p.found}”`,
  ),
  registerNotAllowed: wordings(
    (p: { found: string }) => `expected a number or a name, found the register "${p.found}"`,
    (p) => `这里应当是数或名字，却是寄存器“${p.found}”`,
  ),
  unreadable: wordings(
    (p: { text: string }) => `cannot read "${p.text}" as a number or a name`,
    (p) => `无法把“${p.text}”读作数或名字`,
  ),
  unknownName: wordings((p: { name: string }) => `unknown name "${p.name}"`, (p) => `未知的名字“${p.name}”`),
  noInstructions: wordings(() => 'the program has no instructions', () => '程序里没有指令'),
};
export type AssemblyMessage = MessageOf<typeof assemblyErrorWordings>;

export type Operand =
  | { readonly kind: 'reg'; readonly reg: number }
  | { readonly kind: 'imm'; readonly value: number }
  | { readonly kind: 'mem-abs'; readonly address: number }
  | { readonly kind: 'mem-reg'; readonly reg: number };

export interface Instruction {
  readonly op: Opcode;
  readonly operands: readonly Operand[];
  /** 1-based source line. */
  readonly line: number;
  /** The instruction as written, without label or comment. */
  readonly text: string;
}

export interface Program {
  readonly instructions: readonly Instruction[];
  /** Labels (instruction addresses) and .equ constants. */
  readonly symbols: ReadonlyMap<string, number>;
  readonly source: string;
}

/**
 * An assembly error the reader can act on: where it is (`line`, `column`) and what is wrong (`code`
 * and `params`, which every edition words from `assemblyErrorWordings`).
 */
export type AssemblyError = AssemblyMessage & {
  readonly line: number;
  readonly column: number;
};

function assemblyError(line: number, column: number, problem: AssemblyMessage): AssemblyError {
  return { ...problem, line, column };
}

export type AssemblyResult =
  | { readonly ok: true; readonly program: Program }
  | { readonly ok: false; readonly errors: readonly AssemblyError[] };

interface PendingLine {
  readonly line: number;
  readonly op: Opcode;
  readonly opColumn: number;
  readonly operands: readonly { text: string; column: number }[];
  readonly text: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function predefinedSymbols(): Map<string, number> {
  const symbols = new Map<string, number>();
  for (const [name, value] of Object.entries(HYPERCALLS)) symbols.set(`HC_${name}`, value);
  return symbols;
}

/** Split "a, b" into trimmed pieces with their 1-based columns. */
function splitOperands(text: string, startColumn: number): { text: string; column: number }[] {
  if (text.trim() === '') return [];
  const pieces: { text: string; column: number }[] = [];
  let offset = 0;
  for (const raw of text.split(',')) {
    const lead = raw.length - raw.trimStart().length;
    pieces.push({ text: raw.trim(), column: startColumn + offset + lead });
    offset += raw.length + 1;
  }
  return pieces;
}

export function assembleProgram(source: string): AssemblyResult {
  const errors: AssemblyError[] = [];
  const symbols = predefinedSymbols();
  const pending: PendingLine[] = [];
  const equs: { name: string; expr: string; line: number; column: number }[] = [];
  const lines = source.split('\n');

  // Pass 1: labels, .equ, and the shape of every instruction.
  lines.forEach((rawLine, index) => {
    const lineNo = index + 1;
    const commentAt = rawLine.indexOf(';');
    let rest = commentAt >= 0 ? rawLine.slice(0, commentAt) : rawLine;
    let column = 1;
    const labelMatch = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:/.exec(rest);
    if (labelMatch) {
      const name = labelMatch[1]!;
      if (symbols.has(name) || equs.some((e) => e.name === name)) {
        errors.push(assemblyError(lineNo, rest.indexOf(name) + 1, { code: 'definedTwice', params: { name } }));
      } else {
        symbols.set(name, pending.length);
      }
      column += labelMatch[0].length;
      rest = rest.slice(labelMatch[0].length);
    }
    const lead = rest.length - rest.trimStart().length;
    column += lead;
    const body = rest.trim();
    if (body === '') return;
    const space = body.search(/\s/);
    const head = space < 0 ? body : body.slice(0, space);
    const tail = space < 0 ? '' : body.slice(space);
    if (head.toLowerCase() === '.equ') {
      const parts = tail.trim().split(/\s+/);
      const name = parts[0] ?? '';
      if (!NAME.test(name) || parts.length < 2) {
        errors.push(assemblyError(lineNo, column, { code: 'equNeedsNameAndValue' }));
        return;
      }
      if (symbols.has(name) || equs.some((e) => e.name === name)) {
        errors.push(assemblyError(lineNo, column, { code: 'definedTwice', params: { name } }));
        return;
      }
      equs.push({ name, expr: parts.slice(1).join(' '), line: lineNo, column: column + body.indexOf(parts[1]!) });
      return;
    }
    const upper = head.toUpperCase();
    if (!isOpcode(upper)) {
      errors.push(assemblyError(lineNo, column, { code: 'unknownInstruction', params: { name: head } }));
      return;
    }
    pending.push({
      line: lineNo,
      op: upper,
      opColumn: column,
      operands: splitOperands(tail, column + head.length),
      text: body.replace(/\s+/g, ' '),
    });
  });

  // .equ values may refer to earlier .equ names or labels.
  for (const equ of equs) {
    const value = evaluate(equ.expr, symbols);
    if (typeof value === 'number') symbols.set(equ.name, value);
    else errors.push(assemblyError(equ.line, equ.column, value));
  }

  // Pass 2: operands.
  const instructions: Instruction[] = [];
  for (const p of pending) {
    const shapes = instructionInfo(p.op).operands;
    if (p.operands.length !== shapes.length) {
      errors.push(assemblyError(p.line, p.opColumn, { code: 'operandCount', params: { op: p.op, shapes, found: p.operands.length } }));
      continue;
    }
    const operands: Operand[] = [];
    let failed = false;
    shapes.forEach((shape, i) => {
      const { text, column } = p.operands[i]!;
      const parsed = parseOperand(shape, text, symbols);
      if ('code' in parsed) {
        errors.push(assemblyError(p.line, column, parsed));
        failed = true;
      } else operands.push(parsed);
    });
    if (!failed) instructions.push({ op: p.op, operands, line: p.line, text: p.text });
  }

  if (errors.length > 0) {
    errors.sort((a, b) => a.line - b.line || a.column - b.column);
    return { ok: false, errors };
  }
  if (instructions.length === 0) return { ok: false, errors: [assemblyError(1, 1, { code: 'noInstructions' })] };
  return { ok: true, program: { instructions, symbols, source } };
}

function parseRegister(text: string): number | undefined {
  const m = /^r([0-9])$/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n < REGISTER_COUNT ? n : undefined;
}

function parseOperand(shape: OperandShape, text: string, symbols: ReadonlyMap<string, number>): Operand | AssemblyMessage {
  if (text === '') return { code: 'missingOperand' };
  if (shape === 'r') {
    const reg = parseRegister(text);
    return reg === undefined ? { code: 'expectedRegister', params: { last: REGISTER_COUNT - 1, found: text } } : { kind: 'reg', reg };
  }
  if (shape === 'mem') {
    const m = /^\[(.*)\]$/.exec(text);
    if (!m) return { code: 'expectedMemory', params: { found: text } };
    const inner = m[1]!.trim();
    const reg = parseRegister(inner);
    if (reg !== undefined) return { kind: 'mem-reg', reg };
    const value = evaluate(inner, symbols);
    return typeof value === 'number' ? { kind: 'mem-abs', address: value & 0xff } : value;
  }
  if (parseRegister(text) !== undefined) return { code: 'registerNotAllowed', params: { found: text } };
  const value = evaluate(text, symbols);
  return typeof value === 'number' ? { kind: 'imm', value: value & WORD_MASK } : value;
}

/** number | name | name+number | name-number. Returns what is wrong on failure. */
function evaluate(text: string, symbols: ReadonlyMap<string, number>): number | AssemblyMessage {
  const m = /^\s*(-?(?:0x[0-9a-f]+|[0-9]+)|[A-Za-z_][A-Za-z0-9_]*)\s*(?:([+-])\s*(0x[0-9a-f]+|[0-9]+))?\s*$/i.exec(text);
  if (!m) return { code: 'unreadable', params: { text } };
  let base: number;
  const head = m[1]!;
  if (/^-?(0x|[0-9])/i.test(head)) {
    base = head.startsWith('-') ? -parseNumber(head.slice(1)) : parseNumber(head);
  } else {
    const value = symbols.get(head);
    if (value === undefined) return { code: 'unknownName', params: { name: head } };
    base = value;
  }
  if (m[2]) base += (m[2] === '-' ? -1 : 1) * parseNumber(m[3]!);
  return base;
}

function parseNumber(text: string): number {
  return text.toLowerCase().startsWith('0x') ? parseInt(text.slice(2), 16) : parseInt(text, 10);
}

