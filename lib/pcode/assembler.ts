/**
 * The assembler: text in the disassembler's format (plus labels) to a P-code program.
 *
 *   .program demo          optional name
 *   .string "Hello"        string table entries, numbered from 0 in order
 *   .entry 0               where execution starts (default 0, or a label)
 *   0: LIT 5               an optional leading "address:" must match the instruction's number
 *   loop: JPF done         labels may be used wherever an operand is a target
 *   ; comment
 */
import { INSTRUCTION_WORDS, instructionByName } from './instructions.ts';
import { operandProblem } from './operand-limits.ts';
import type { PProgram } from './program.ts';
import type { AssemblyErrorMessage } from './assembly-error-wordings.ts';

/** An error in assembly text: its line, and its code and parameters (`assemblyErrorWordings` words them). */
export type AssemblyError = AssemblyErrorMessage & {
  readonly line: number;
};

export type AssemblyResult =
  | { readonly ok: true; readonly program: PProgram; readonly errors: readonly [] }
  | { readonly ok: false; readonly program: undefined; readonly errors: readonly AssemblyError[] };

interface PendingInstruction {
  readonly line: number;
  readonly op: number;
  readonly operands: readonly string[];
  readonly kinds: readonly string[];
}

/** The line without its `; comment` (a ';' inside a "string" is text; a backslash escapes the next character there). */
function stripComment(line: string): string {
  let inString = false;
  for (let k = 0; k < line.length; k++) {
    const c = line[k];
    if (inString && c === '\\') k++;
    else if (c === '"') inString = !inString;
    else if (c === ';' && !inString) return line.slice(0, k);
  }
  return line;
}

export function assemble(text: string): AssemblyResult {
  const errors: AssemblyError[] = [];
  const report = (line: number, error: AssemblyErrorMessage) => errors.push({ ...error, line });
  const labels = new Map<string, number>();
  const strings: string[] = [];
  const pending: PendingInstruction[] = [];
  let name = 'main';
  let entryText = '0';
  let entryLine = 0;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    let line = stripComment(raw).trim();
    if (line === '') return;
    if (line.startsWith('.')) {
      const match = /^\.(\w+)\s*(.*)$/.exec(line);
      const directive = match?.[1]?.toLowerCase() ?? '';
      const argument = match?.[2]?.trim() ?? '';
      if (directive === 'program') name = argument || 'main';
      else if (directive === 'entry') {
        entryText = argument;
        entryLine = lineNo;
      } else if (directive === 'string') {
        try {
          const value: unknown = JSON.parse(argument);
          if (typeof value !== 'string') throw new Error('not a string');
          strings.push(value);
        } catch {
          report(lineNo, { code: 'stringDirective', params: { found: argument } });
        }
      } else report(lineNo, { code: 'unknownDirective', params: { directive } });
      return;
    }
    // Leading "label:" or "address:" prefixes.
    for (;;) {
      const prefix = /^([A-Za-z_][\w]*|\d+)\s*:\s*/.exec(line);
      if (!prefix) break;
      const tag = prefix[1]!;
      if (/^\d+$/.test(tag)) {
        if (Number(tag) !== pending.length) {
          report(lineNo, { code: 'addressMismatch', params: { address: tag, number: pending.length } });
        }
      } else if (labels.has(tag.toLowerCase())) {
        report(lineNo, { code: 'labelTwice', params: { label: tag } });
      } else labels.set(tag.toLowerCase(), pending.length);
      line = line.slice(prefix[0].length);
    }
    if (line === '') return;
    const m = /^([A-Za-z]+)\s*(.*)$/.exec(line);
    if (!m) {
      report(lineNo, { code: 'expectedInstruction', params: { found: line } });
      return;
    }
    const info = instructionByName(m[1]!);
    if (!info) {
      report(lineNo, { code: 'unknownInstruction', params: { name: m[1]! } });
      return;
    }
    const operands = m[2]!.trim() === '' ? [] : m[2]!.split(',').map((o) => o.trim());
    if (operands.length !== info.operands.length) {
      report(lineNo, { code: 'operandCount', params: { name: info.name, expected: info.operands.length, found: operands.length } });
      return;
    }
    pending.push({ line: lineNo, op: info.code, operands, kinds: info.operands });
  });

  const resolve = (text: string, kind: string, lineNo: number): number => {
    if (/^[+-]?\d+$/.test(text)) {
      const v = Number(text);
      if (v > 2147483647 || v < -2147483648) report(lineNo, { code: 'operandTooLarge', params: { operand: text } });
      return v | 0;
    }
    if (kind === 'target' && /^[A-Za-z_]\w*$/.test(text)) {
      const at = labels.get(text.toLowerCase());
      if (at === undefined) report(lineNo, { code: 'undefinedLabel', params: { label: text } });
      return at ?? 0;
    }
    report(lineNo, { code: 'badOperand', params: { operand: text } });
    return 0;
  };

  const code = new Int32Array(pending.length * INSTRUCTION_WORDS);
  pending.forEach((p, k) => {
    const errorsBefore = errors.length;
    code[k * INSTRUCTION_WORDS] = p.op;
    p.operands.forEach((o, j) => {
      const value = resolve(o, p.kinds[j]!, p.line);
      if (p.kinds[j] === 'string' && (value < 0 || value >= strings.length)) {
        report(p.line, { code: 'undefinedString', params: { index: value, count: strings.length } });
      }
      if (p.kinds[j] === 'target' && (value < 0 || value >= pending.length)) {
        report(p.line, { code: 'targetOutside', params: { target: value, last: pending.length - 1 } });
      }
      code[k * INSTRUCTION_WORDS + 1 + j] = value;
    });
    // Operands the engines cannot take (a target or a string already reported is not reported again).
    const problem = errors.length === errorsBefore ? operandProblem(code, k, pending.length, strings.length) : undefined;
    if (problem) report(p.line, problem);
  });
  const entry = resolve(entryText, 'target', entryLine);
  if (pending.length === 0) report(1, { code: 'noInstructions' });
  else if (entry < 0 || entry >= pending.length) report(entryLine, { code: 'entryOutside', params: { entry } });
  if (errors.length > 0) return { ok: false, program: undefined, errors };
  const program: PProgram = {
    code,
    lines: new Int32Array(pending.length),
    strings,
    entry,
    routines: [],
    name,
  };
  return { ok: true, program, errors: [] };
}
