/**
 * What the P-code engine says reaches the reader in both editions: every runtime error, every
 * assembly error and every share-link problem is produced by a real input as a code and its
 * parameters (no stored English), its English wording is English and its Chinese wording is Chinese; the post-mortem's own words follow the locale while values and P-code stay as they are.
 */
import { describe, expect, it } from 'vitest';
import { compileProgram, formatDiagnostic } from '../../../lib/pascal/index.ts';
import {
  INSTRUCTIONS,
  PMachine,
  assemble,
  assemblyErrorWordings,
  decodeShareHash,
  formatRuntimeError,
  runtimeErrorWordings,
  shareLinkProblemWordings,
  wordAssemblyError,
} from '../../../lib/pcode/index.ts';
import type { AssemblyError, PProgram, RuntimeError, ShareLinkProblem } from '../../../lib/pcode/index.ts';
import { JitMachine } from '../../../lib/jit/index.ts';
import { wordMessage } from '../../../lib/book/localized-text.ts';
import { zh as pcodeLabZh } from '../../../components/pcode-lab/messages.ts';

const CJK = /[\u4e00-\u9fff]/;

function compiled(source: string): PProgram {
  const result = compileProgram(source);
  if (!result.program) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
  return result.program;
}

function assembled(text: string): PProgram {
  const result = assemble(text);
  if (!result.ok) throw new Error(result.errors.map((e) => wordAssemblyError(e)).join('\n'));
  return result.program;
}

const main = (declarations: string, body: string) => `program p(input, output);\n${declarations}\nbegin\n${body}\nend.\n`;

/** A program, its input and stack size that fail with each runtime error. */
const failing: Record<keyof typeof runtimeErrorWordings, () => { program: PProgram; input?: string; stackSize?: number }> = {
  indexOutOfRange: () => ({ program: compiled(main('var a: array[1..3] of integer; i: integer;', '  for i := 1 to 4 do a[i] := i')) }),
  divisionByZero: () => ({ program: compiled(main('var x, y: integer;', '  y := 0;\n  x := 1 div y')) }),
  modNotPositive: () => ({ program: compiled(main('var x, y: integer;', '  y := -3;\n  x := 7 mod y')) }),
  stackOverflow: () => ({
    program: compiled(main('procedure r(n: integer);\nbegin\n  r(n + 1)\nend;', '  r(1)')),
    stackSize: 4096,
  }),
  noMatchingCase: () => ({ program: compiled(main('var x: integer;', '  x := 7;\n  case x of\n    1: writeln(1)\n  end')) }),
  readPastEnd: () => ({ program: compiled(main('var x: integer;', '  read(x)')), input: '' }),
  invalidInteger: () => ({ program: compiled(main('var x: integer;', '  read(x)')), input: 'abc' }),
  invalidInstruction: () => {
    const program = assembled('LIT 1\nHLT');
    program.code[4] = 99; // the HLT becomes an opcode the machine does not know
    return { program };
  },
  pcOutOfRange: () => ({ program: assembled('LIT 1\nPOP') }), // runs off the end
  stackUnderflow: () => ({ program: assembled('POP\nPOP\nPOP\nPOP\nHLT') }),
  addressOutOfRange: () => ({ program: assembled('LIT 100000000\nLDI\nHLT') }),
  fieldWidthTooLarge: () => ({ program: compiled(main('', '  writeln(1:2000000000)')) }),
};

function failureOf(code: string): { error: RuntimeError; machine: PMachine } {
  const { program, input, stackSize } = failing[code as keyof typeof failing]();
  const machine = new PMachine(program, { input: input ?? '', ...(stackSize ? { stackSize } : {}) });
  expect(machine.run(1_000_000)).toBe('error');
  return { error: machine.error!, machine };
}

describe('runtime errors in both editions', () => {
  it('has a failing program for every code', () => {
    expect(Object.keys(failing).sort()).toEqual(Object.keys(runtimeErrorWordings).sort());
  });

  for (const code of Object.keys(failing)) {
    it(`${code}: produced by a real program, worded in English and in Chinese`, () => {
      const { error } = failureOf(code);
      expect(error.code).toBe(code);
      expect(Object.keys(error).sort()).toEqual(['code', 'line', 'pc', ...('params' in error ? ['params'] : [])].sort());
      const en = wordMessage(runtimeErrorWordings, error, 'en');
      expect(en).not.toMatch(CJK);
      const zh = wordMessage(runtimeErrorWordings, error, 'zh-CN');
      expect(zh).toMatch(CJK);
      expect(zh).not.toBe(en);
    });
  }

  it('names a line break found where a number should be', () => {
    const machine = new PMachine(compiled(main('var x: integer;', '  read(x)')), { input: '\n\n' });
    machine.run(100);
    // Blank lines are skipped; the end of the input is what fails.
    expect(machine.error?.code).toBe('readPastEnd');
    const e: RuntimeError = { ...machine.error!, code: 'invalidInteger', params: { character: '\n' } };
    expect(wordMessage(runtimeErrorWordings, e, 'en')).toBe('expected an integer in the input, found a line break');
    expect(wordMessage(runtimeErrorWordings, e, 'zh-CN')).toBe('输入中这里应为一个整数，却遇到了换行');
  });

  it('words the post-mortem for the locale: heading, call chain, frames, results, long arrays', () => {
    const program = compiled(`program p(output);
var big: array[1..40] of integer;
function f(var a: integer; k: integer): integer;
begin
  f := 10 div k
end;
procedure q;
var t: integer;
begin
  t := f(t, 0)
end;
begin
  q
end.
`);
    const machine = new PMachine(program);
    expect(machine.run(10_000)).toBe('error');
    const en = machine.errorReport('en');
    expect(en).toBe(formatRuntimeError(machine.error!, machine.frames('en')));
    expect(en).toContain('runtime error at P-code address');
    expect(en).toContain('source line 5: division by zero');
    expect(en).toContain('call chain (innermost first):');
    expect(en).toContain('… 24 more]');
    const zh = machine.errorReport('zh-CN');
    expect(zh).toMatch(/^运行时错误，位于 P-code 地址 \d+，源代码第 5 行：除以零\n调用链（最内层在前）：\n {2}函数 f，第 5 行（BP=\d+）\n/);
    expect(zh).toContain('    f（结果） = 0');
    expect(zh).toContain('    var a = 0');
    expect(zh).toContain('  过程 q，第 10 行');
    expect(zh).toContain('  程序 p，第 13 行');
    expect(zh).toContain('… 另有 24 个]');
    expect(zh).not.toMatch(/runtime error|call chain|more|result|at line/);
    // The frames the lab draws are worded the same way.
    expect(machine.frames('zh-CN').at(-1)!.variables[0]!.value).toContain('另有 24 个');
  });

  it('says "no variables" in Chinese for a frame without any', () => {
    const machine = new PMachine(compiled(main('procedure q;\nbegin\n  writeln(1 div 0 + 0)\nend;', '  q')));
    // Division by a literal zero is computed at run time, in q's frame, which has no variables.
    machine.run(1000);
    expect(machine.error?.code).toBe('divisionByZero');
    expect(machine.errorReport('zh-CN')).toContain('    （没有变量）');
  });

  it('gives the JIT the interpreter’s Chinese report', async () => {
    const { program } = failing.indexOutOfRange();
    const interpreter = new PMachine(program);
    interpreter.run(1_000_000);
    const jit = new JitMachine(program, { threshold: 1, instantiate: 'sync' });
    expect(await jit.runToEnd()).toBe('error');
    expect(jit.machine.errorReport('zh-CN')).toBe(interpreter.errorReport('zh-CN'));
    expect(jit.machine.errorReport('zh-CN')).toContain('下标 4 超出了范围 1..3');
  });
});

/** Assembly text that fails with each assembly error. */
const badAssembly: Record<keyof typeof assemblyErrorWordings, string> = {
  stringDirective: '.string hello\nHLT',
  unknownDirective: '.strange 1\nHLT',
  addressMismatch: '3: HLT',
  labelTwice: 'a: LIT 1\na: HLT',
  expectedInstruction: '+ 1',
  unknownInstruction: 'FLY 1',
  operandCount: 'LIT 1, 2\nHLT',
  operandTooLarge: 'LIT 9999999999\nHLT',
  undefinedLabel: 'JMP nowhere\nHLT',
  badOperand: 'LIT x\nHLT',
  undefinedString: 'LIT 1\nWRS 0\nHLT',
  targetOutside: 'JMP 7\nHLT',
  noInstructions: '; nothing here',
  entryOutside: '.entry 5\nHLT',
  operandOutOfRange: 'LOD 0, 100000000\nHLT',
  indexRangeTooLarge: 'IXA 1, 0, 1\nHLT',
};

describe('assembly errors in both editions', () => {
  it('has bad assembly text for every code', () => {
    expect(Object.keys(badAssembly).sort()).toEqual(Object.keys(assemblyErrorWordings).sort());
  });

  for (const [code, text] of Object.entries(badAssembly)) {
    it(`${code}: produced by real text, worded in English and in Chinese`, () => {
      const result = assemble(text);
      expect(result.ok).toBe(false);
      const error = result.errors.find((e: AssemblyError) => e.code === code);
      expect(error, result.errors.map((e) => `${e.code}: ${wordAssemblyError(e)}`).join(' | ')).toBeDefined();
      expect(Object.keys(error!).sort()).toEqual(['code', 'line', ...('params' in error! ? ['params'] : [])].sort());
      expect(wordAssemblyError(error!, 'en')).not.toMatch(CJK);
      expect(wordAssemblyError(error!, 'zh-CN')).toMatch(CJK);
    });
  }

  it('words an error in each edition', () => {
    const result = assemble('LIT 1, 2\nHLT');
    expect(result.errors[0]).toEqual({ line: 1, code: 'operandCount', params: { name: 'LIT', expected: 1, found: 2 } });
    expect(wordAssemblyError(result.errors[0]!)).toBe('LIT takes 1 operand, found 2');
    expect(wordMessage(assemblyErrorWordings, result.errors[0]!, 'zh-CN')).toBe('LIT 需要 1 个操作数，这里有 2 个');
  });
});

describe('share-link problems in both editions', () => {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
  const hashes: Record<ShareLinkProblem['code'], string> = {
    tooLong: `#pcode=${'A'.repeat(600_001)}`,
    notBase64Url: '#pcode=%%%',
    notJson: `#pcode=${b64('not json')}`,
    noProgram: `#pcode=${b64('[1,2]')}`,
    programTooLong: `#pcode=${b64(JSON.stringify({ source: 'x'.repeat(100_001) }))}`,
  };

  it('has a damaged link for every code', () => {
    expect(Object.keys(hashes).sort()).toEqual(Object.keys(shareLinkProblemWordings).sort());
  });

  for (const [code, hash] of Object.entries(hashes)) {
    it(`${code}: a real link gives it, in English and in Chinese`, () => {
      const decoded = decodeShareHash(hash);
      expect(decoded.kind).toBe('invalid');
      if (decoded.kind !== 'invalid') return;
      expect(decoded.problem.code).toBe(code);
      expect(wordMessage(shareLinkProblemWordings, decoded.problem, 'en')).not.toMatch(CJK);
      expect(wordMessage(shareLinkProblemWordings, decoded.problem, 'zh-CN')).toMatch(CJK);
    });
  }
});

describe('the instruction set in both editions', () => {
  it('has a Chinese meaning for every instruction the chapter’s table and the lab show', () => {
    for (const info of INSTRUCTIONS) {
      const zhMeaning = pcodeLabZh.instructionMeaning(info.name, info.meaning);
      expect(zhMeaning, info.name).toMatch(CJK);
      expect(zhMeaning).not.toBe(info.meaning);
      // Code is marked with backticks in pairs (the chapter's table sets it in code type).
      expect(zhMeaning.split('`').length % 2, info.name).toBe(1);
    }
  });
});
