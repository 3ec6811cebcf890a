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
import type { PProgram } from './program.ts';

export interface AssemblyError {
  readonly line: number;
  readonly message: string;
}

export type AssemblyResult =
  | { readonly ok: true; readonly program: PProgram; readonly errors: readonly [] }
  | { readonly ok: false; readonly program: undefined; readonly errors: readonly AssemblyError[] };

interface PendingInstruction {
  readonly line: number;
  readonly op: number;
  readonly operands: readonly string[];
  readonly kinds: readonly string[];
}

function stripComment(line: string): string {
  let inString = false;
  for (let k = 0; k < line.length; k++) {
    const c = line[k];
    if (c === '"' && line[k - 1] !== '\\') inString = !inString;
    if (c === ';' && !inString) return line.slice(0, k);
  }
  return line;
}

export function assemble(text: string): AssemblyResult {
  const errors: AssemblyError[] = [];
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
          errors.push({ line: lineNo, message: `.string needs a string in double quotes, found ${argument || 'nothing'}` });
        }
      } else errors.push({ line: lineNo, message: `unknown directive .${directive}` });
      return;
    }
    // Leading "label:" or "address:" prefixes.
    for (;;) {
      const prefix = /^([A-Za-z_][\w]*|\d+)\s*:\s*/.exec(line);
      if (!prefix) break;
      const tag = prefix[1]!;
      if (/^\d+$/.test(tag)) {
        if (Number(tag) !== pending.length) {
          errors.push({ line: lineNo, message: `address ${tag} does not match the instruction's number ${pending.length}` });
        }
      } else if (labels.has(tag.toLowerCase())) {
        errors.push({ line: lineNo, message: `label ${tag} is defined twice` });
      } else labels.set(tag.toLowerCase(), pending.length);
      line = line.slice(prefix[0].length);
    }
    if (line === '') return;
    const m = /^([A-Za-z]+)\s*(.*)$/.exec(line);
    if (!m) {
      errors.push({ line: lineNo, message: `expected an instruction, found ${line}` });
      return;
    }
    const info = instructionByName(m[1]!);
    if (!info) {
      errors.push({ line: lineNo, message: `unknown instruction ${m[1]}` });
      return;
    }
    const operands = m[2]!.trim() === '' ? [] : m[2]!.split(',').map((o) => o.trim());
    if (operands.length !== info.operands.length) {
      errors.push({
        line: lineNo,
        message: `${info.name} takes ${info.operands.length} operand${info.operands.length === 1 ? '' : 's'}, found ${operands.length}`,
      });
      return;
    }
    pending.push({ line: lineNo, op: info.code, operands, kinds: info.operands });
  });

  const resolve = (text: string, kind: string, lineNo: number): number => {
    if (/^[+-]?\d+$/.test(text)) {
      const v = Number(text);
      if (v > 2147483647 || v < -2147483648) errors.push({ line: lineNo, message: `${text} does not fit in 32 bits` });
      return v | 0;
    }
    if (kind === 'target' && /^[A-Za-z_]\w*$/.test(text)) {
      const at = labels.get(text.toLowerCase());
      if (at === undefined) errors.push({ line: lineNo, message: `undefined label ${text}` });
      return at ?? 0;
    }
    errors.push({ line: lineNo, message: `bad operand ${text || '(empty)'}` });
    return 0;
  };

  const code = new Int32Array(pending.length * INSTRUCTION_WORDS);
  pending.forEach((p, k) => {
    code[k * INSTRUCTION_WORDS] = p.op;
    p.operands.forEach((o, j) => {
      const value = resolve(o, p.kinds[j]!, p.line);
      if (p.kinds[j] === 'string' && (value < 0 || value >= strings.length)) {
        errors.push({ line: p.line, message: `string ${value} is not defined (${strings.length} .string lines)` });
      }
      if (p.kinds[j] === 'target' && (value < 0 || value >= pending.length)) {
        errors.push({ line: p.line, message: `target ${value} is outside the program (0..${pending.length - 1})` });
      }
      code[k * INSTRUCTION_WORDS + 1 + j] = value;
    });
  });
  const entry = resolve(entryText, 'target', entryLine);
  if (pending.length === 0) errors.push({ line: 1, message: 'the program has no instructions' });
  else if (entry < 0 || entry >= pending.length) errors.push({ line: entryLine, message: `entry ${entry} is outside the program` });
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
