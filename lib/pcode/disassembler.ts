/**
 * The disassembler: P-code back to text that the assembler reads again, and the listing with
 * source lines interleaved (the lab's and the CLI's teaching view).
 */
import { INSTRUCTION_WORDS, instructionByCode } from './instructions.ts';
import type { PProgram } from './program.ts';
import { instructionCount } from './program.ts';

/** One instruction as text, e.g. `LOD 1, 3` or `WRS 2` (string operands stay numeric). */
export function formatInstruction(program: PProgram, pc: number): string {
  const base = pc * INSTRUCTION_WORDS;
  const op = program.code[base];
  const info = instructionByCode(op);
  if (!info) return `??? ${op}`;
  const operands = info.operands.map((_, k) => String(program.code[base + 1 + k]));
  return operands.length > 0 ? `${info.name} ${operands.join(', ')}` : info.name;
}

/** A short comment for an instruction: the string a WRS writes, or nothing. */
export function instructionNote(program: PProgram, pc: number): string {
  const base = pc * INSTRUCTION_WORDS;
  const info = instructionByCode(program.code[base]);
  if (info?.name === 'WRS') return JSON.stringify(program.strings[program.code[base + 1]] ?? '');
  return '';
}

/** Assembler text for the whole program; `assemble` reads it back to the same program. */
export function disassemble(program: PProgram): string {
  const out: string[] = [`.program ${program.name || 'main'}`];
  program.strings.forEach((s) => out.push(`.string ${JSON.stringify(s)}`));
  out.push(`.entry ${program.entry}`);
  const width = String(Math.max(0, instructionCount(program) - 1)).length;
  for (let pc = 0; pc < instructionCount(program); pc++) {
    const note = instructionNote(program, pc);
    out.push(`${String(pc).padStart(width)}: ${formatInstruction(program, pc)}${note ? `    ; ${note}` : ''}`);
  }
  return out.join('\n') + '\n';
}

/** The listing: each source line followed by the P-code generated for it, with addresses. */
export function formatListing(program: PProgram, source: string): string {
  const sourceLines = source.replace(/\r\n?/g, '\n').split('\n');
  const count = instructionCount(program);
  const width = String(Math.max(0, count - 1)).length;
  const lineWidth = String(sourceLines.length).length;
  const out: string[] = [];
  let shownUpTo = 0;
  const routineStarts = new Map(program.routines.map((r) => [r.entry, r]));
  for (let pc = 0; pc < count; pc++) {
    const line = program.lines[pc];
    if (line > shownUpTo) {
      for (let l = shownUpTo + 1; l <= line; l++) {
        out.push(`${String(l).padStart(lineWidth)} | ${sourceLines[l - 1] ?? ''}`);
      }
      shownUpTo = line;
    }
    const routine = routineStarts.get(pc);
    if (routine) out.push(`${' '.repeat(lineWidth)}   ; ${routine.kind} ${routine.name}`);
    const note = instructionNote(program, pc);
    out.push(`${' '.repeat(lineWidth)}   ${String(pc).padStart(width)}: ${formatInstruction(program, pc)}${note ? `    ; ${note}` : ''}`);
  }
  for (let l = shownUpTo + 1; l <= sourceLines.length; l++) {
    if (l === sourceLines.length && sourceLines[l - 1] === '') break;
    out.push(`${String(l).padStart(lineWidth)} | ${sourceLines[l - 1] ?? ''}`);
  }
  return out.join('\n') + '\n';
}
