import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../../lib/pascal/index.ts';
import { INSTRUCTIONS, PMachine, assemble, disassemble, wordAssemblyError } from '../../../lib/pcode/index.ts';
import type { PProgram } from '../../../lib/pcode/index.ts';

const golden = join(import.meta.dirname, '../../golden/pascal');

function same(a: PProgram, b: PProgram): void {
  expect(Array.from(b.code)).toEqual(Array.from(a.code));
  expect(b.strings).toEqual(a.strings);
  expect(b.entry).toBe(a.entry);
  expect(b.name).toBe(a.name);
}

describe('assembler and disassembler', () => {
  const names = readdirSync(golden).filter((f) => f.endsWith('.pas'));
  it.each(names)('round-trip the compiled %s', (file) => {
    const { program } = compileProgram(readFileSync(join(golden, file), 'utf8'));
    const text = disassemble(program!);
    const again = assemble(text);
    expect(again.errors).toEqual([]);
    same(program!, again.program!);
    expect(disassemble(again.program!)).toBe(text);
  });

  it('round-trips every instruction with awkward operands and strings', () => {
    const lines = INSTRUCTIONS.map((info, k) => {
      // Awkward but within the operand limits: negative offsets, values and bounds; levels, counts and depths are not negative.
      const operands = info.operands.map((kind, j) =>
        kind === 'target'
          ? String(k % 3)
          : kind === 'string'
            ? '1'
            : kind === 'level' || kind === 'count' || kind === 'depth'
              ? String(k)
              : kind === 'high'
                ? String(k)
                : String((j + 1) * -7 + k),
      );
      return `${info.name} ${operands.join(', ')}`;
    });
    const text = `.program every\n.string "a \\"quoted\\" ; semicolon"\n.string "é\\n"\n.entry 2\n${lines.join('\n')}\n`;
    const first = assemble(text);
    expect(first.errors).toEqual([]);
    const second = assemble(disassemble(first.program!));
    expect(second.errors).toEqual([]);
    same(first.program!, second.program!);
    expect(second.program!.strings).toEqual(['a "quoted" ; semicolon', 'é\n']);
  });

  it('accepts labels, comments and lower-case mnemonics, and runs the result', () => {
    const result = assemble(`
      ; count down from 3
      .string "go"
      ent 1, 4
      lit 3
      sto 0, 3
      top: lod 0, 3     ; loop head
      lit 0
      gt
      jpf end
      lod 0, 3
      lit 1
      wri
      lod 0, 3
      inc -1
      sto 0, 3
      jmp top
      end: lit 2
      wrs 0
      hlt`);
    expect(result.errors).toEqual([]);
    const machine = new PMachine(result.program!);
    expect(machine.run(1000)).toBe('halted');
    expect(machine.output).toBe('321go');
  });

  it('reports mistakes by line instead of throwing', () => {
    const result = assemble('LIT\nFOO 1\nJMP nowhere\n5: HLT\nWRS 3\n.entry 99\n.string nope');
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => `${e.line}: ${wordAssemblyError(e)}`)).toEqual([
      '1: LIT takes 1 operand, found 0',
      '2: unknown instruction FOO',
      '4: address 5 does not match the instruction\'s number 1',
      '7: .string needs a string in double quotes, found nope',
      '3: undefined label nowhere',
      '5: string 3 is not defined (0 .string lines)',
      '6: entry 99 is outside the program',
    ]);
  });
});
