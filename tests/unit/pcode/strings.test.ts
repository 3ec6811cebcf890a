/**
 * Strings in P-code: the assembler reads `.string` escapes (an escaped backslash before the closing
 * quote, then a comment), and field widths count characters as a reader sees them (code points),
 * never splitting one: '😀':3 is two spaces and the emoji.
 */
import { describe, expect, it } from 'vitest';
import { compileProgram, formatDiagnostic } from '../../../lib/pascal/index.ts';
import { PMachine, assemble, disassemble } from '../../../lib/pcode/index.ts';
import type { PProgram } from '../../../lib/pcode/index.ts';

function compiled(source: string): PProgram {
  const result = compileProgram(source);
  if (!result.program) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
  return result.program;
}

function run(program: PProgram): string {
  const m = new PMachine(program);
  expect(m.run(10_000)).toBe('halted');
  return m.output;
}

describe('.string in the assembler', () => {
  it('takes an escaped backslash before the closing quote, followed by a comment', () => {
    const result = assemble('.string "a\\\\" ; ends in a backslash\n.string "b;\\"c\\"" ; a quote and a semicolon inside\nLIT 2\nWRS 0\nLIT 5\nWRS 1\nHLT');
    expect(result.errors).toEqual([]);
    expect(result.program?.strings).toEqual(['a\\', 'b;"c"']);
    expect(run(result.program!)).toBe('a\\b;"c"');
  });

  it('round-trips strings with backslashes and quotes through the disassembler', () => {
    const program = compiled("program s;\nbegin\n  writeln('back\\slash \"quoted\" ; semi')\nend.");
    const again = assemble(disassemble(program));
    expect(again.errors).toEqual([]);
    expect(run(again.program!)).toBe(run(program));
  });
});

describe('field widths count characters (code points)', () => {
  it('pads and cuts by characters, never splitting one', () => {
    const program = compiled(`program u;
begin
  writeln('😀':3, '|');
  writeln('é😀t':5, '|');
  writeln('😀😀😀':2, '|');
  writeln('😀':0, '|');
  writeln('ab':1, '|')
end.`);
    expect(run(program)).toBe('  😀|\n  é😀t|\n😀😀|\n|\na|\n');
  });
});
