import { describe, expect, test } from 'vitest';
import { generateProblem } from '../../../lib/exercises/index.ts';
import { textIn } from '../../../lib/book/localized-text.ts';

/** The exits the chapter's rule predicts: ports always exit, memory outside the slot 0x00–0x7f is MMIO, HLT ends. */
function exitsByTheRule(program: string): string[] {
  const exits: string[] = [];
  for (const line of program.split('\n')) {
    const code = line.split(';')[0]!.trim();
    if (/^(IN|OUT)\b/.test(code)) exits.push('IO');
    const address = /\[(0x[0-9a-f]+)\]/.exec(code);
    if (address && Number(address[1]) >= 0x80) exits.push('MMIO');
    if (code === 'HLT') exits.push('HLT');
  }
  return exits;
}

describe('vmm-exits: which exits a guest causes', () => {
  test('over 300 seeds the monitor meets exactly the exits the chapter’s rule predicts, and both editions show the same instructions', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const en = generateProblem('vmm-exits', seed, undefined, 'en');
      const zh = generateProblem('vmm-exits', seed, undefined, 'zh-CN');
      if (!en.ok || !zh.ok) throw new Error(`seed ${seed} made no problem`);
      const program = en.problem.figure!;
      expect(en.problem.answer, `seed ${seed}`).toBe(exitsByTheRule(program).join(', '));
      const codes = (text: string) => text.split('\n').map((line) => line.split(';')[0]!.trim());
      expect(codes(zh.problem.figure!)).toEqual(codes(program));
      expect(zh.problem.answer).toBe(en.problem.answer);
    }
  });

  test('a seed that draws both kinds of memory access', () => {
    const seeds = Array.from({ length: 300 }, (_, i) => i + 1).map((seed) => generateProblem('vmm-exits', seed));
    const figures = seeds.map((made) => (made.ok ? made.problem.figure! : ''));
    expect(figures.some((figure) => /\[0xf0\]|\[0xe8\]/.test(figure) && /\[0x70\]|\[0x72\]/.test(figure))).toBe(true);
    expect(textIn({ en: 'x', 'zh-CN': 'y' }, 'en')).toBe('x');
  });
});
