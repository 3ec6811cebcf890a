/**
 * Malformed P-code: operands outside the limits are assembly errors; addresses that go off the
 * stack while the program runs are the same runtime error on the interpreter and on the JIT; the
 * JIT never crashes (no wasm trap, no exception), and a random program runs alike on both engines.
 */
import { describe, expect, test } from 'vitest';
import { PMachine, assemble, wordAssemblyError } from '../../../lib/pcode/index.ts';
import type { PProgram } from '../../../lib/pcode/index.ts';
import { JitMachine } from '../../../lib/jit/index.ts';
import type { JitMode } from '../../../lib/jit/index.ts';
import { generateRandomPcode } from './random-pcode.ts';
import { runInterpreter, runJit } from './run-both.ts';

function assembled(text: string): PProgram {
  const result = assemble(text);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}: ${wordAssemblyError(e)}`).join('\n'));
  return result.program;
}

/** Observable behaviour on both engines (stack of `stackSize` words) must be identical; returns it. */
async function bothAlike(program: PProgram, options: { stackSize?: number; maxSteps?: number; threshold?: number; mode?: JitMode } = {}) {
  const stackSize = options.stackSize ?? 4096;
  const maxSteps = options.maxSteps ?? 20_000;
  const expected = runInterpreter(program, '', maxSteps, stackSize);
  for (const mode of options.mode ? [options.mode] : (['chaining', 'dispatcher'] as const)) {
    const got = await runJit(program, '', maxSteps, stackSize, { threshold: options.threshold ?? 2, mode, instantiate: 'sync', sliceBudget: 997 });
    expect({ ...got, jit: undefined }, mode).toEqual({ ...expected, jit: undefined });
  }
  return expected;
}

const hotLoop = (body: string) => `ENT 1, 8
loop:
${body}
  LOD 0, 3
  INC 1
  DUP
  STO 0, 3
  LIT 100
  LT
  JPF done
  JMP loop
done:
  HLT`;

describe('operand limits in the assembler', () => {
  test('LOD 0, 100000000 is an assembly error with its line, not a crash', () => {
    const result = assemble(hotLoop('  LOD 0, 100000000\n  POP'));
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => `${e.line}: ${wordAssemblyError(e)}`)).toEqual(['3: LOD: offset 100000000 is out of range (allowed -16777216..16777216)']);
  });

  test('levels, counts, depths and index ranges have limits too', () => {
    for (const [text, code] of [
      ['LOD 256, 0', 'operandOutOfRange'],
      ['LDA -1, 0', 'operandOutOfRange'],
      ['ENT 1, -5', 'operandOutOfRange'],
      ['RET 20000000', 'operandOutOfRange'],
      ['LDM -2', 'operandOutOfRange'],
      ['IXA 5, 1, 1', 'indexRangeTooLarge'],
      ['IXA -2147483648, 2147483647, 1', 'indexRangeTooLarge'],
    ] as const) {
      const result = assemble(`${text}\nHLT`);
      expect(result.errors.map((e) => e.code), text).toEqual([code]);
      expect(result.errors[0]!.line).toBe(1);
    }
  });
});

describe('addresses off the stack at run time: one runtime error on both engines', () => {
  test('a hot loop that loads from a stray address (LDI)', async () => {
    const seen = await bothAlike(assembled(hotLoop('  LIT 100000000\n  LDI\n  POP')));
    expect(seen.outcome).toBe('error');
    expect(seen.error).toMatch(/runtime error at P-code address 2: memory access at address 100000000, outside the stack \(0\.\.4095\)/);
  });

  test('a frame offset beyond the stack (LOD 0, 16000000, allowed by the limits)', async () => {
    const seen = await bothAlike(assembled(hotLoop('  LOD 0, 16000000\n  POP')));
    expect(seen.error).toMatch(/address 1: memory access at address 16000000/);
  });

  test('stores through a negative address, and static links that lead off the stack', async () => {
    expect((await bothAlike(assembled(hotLoop('  LIT -5\n  LIT 7\n  STI')))).error).toMatch(/memory access at address -5/);
    // Main's static link is 0, so level 2 walks 0 → 0 → 0: fine; a poked link is not.
    expect((await bothAlike(assembled(hotLoop('  LOD 2, 3\n  POP')))).outcome).toBe('halted');
    // Main's static link poked to 99999: level 1 lands off the stack, level 2 reads a link there.
    expect((await bothAlike(assembled(`LIT 99999\nSTO 0, 0\n${hotLoop('  LOD 1, 3\n  POP')}`))).error).toMatch(/memory access at address 100002/);
    expect((await bothAlike(assembled(`LIT 99999\nSTO 0, 0\n${hotLoop('  LDA 2, 3\n  POP')}`))).error).toMatch(/memory access at address 99999/);
  });

  test('popping from an empty stack is a stack underflow, pushing past its end a stack overflow', async () => {
    // SP is checked where the top of the stack is used: here the store after the pops.
    const underflow = await bothAlike(assembled(hotLoop('  POP\n  POP\n  POP\n  POP\n  POP\n  STO 0, 3')));
    expect(underflow.error).toMatch(/P-code address 6: stack underflow/);
    // Popped below the start and pushed back before anything used the top: nothing to report, on either
    // engine (the pushes zero the loop counter, so it runs until the step limit).
    expect((await bothAlike(assembled(hotLoop('  POP\n  POP\n  POP\n  POP\n  POP\n  LIT 0\n  LIT 0\n  LIT 0\n  LIT 0\n  LIT 0')))).outcome).toBe('budget');
    expect((await bothAlike(assembled(hotLoop('  LIT 1\n  LIT 2\n  LIT 3')), { stackSize: 64 })).error).toMatch(/stack overflow/);
  });

  test('RET through a frame that was never built, and copies (LDM, MOV) off the stack', async () => {
    expect((await bothAlike(assembled('LIT 0\nLIT 0\nLIT 0\nRET 9\nHLT'))).error).toMatch(/stack underflow|memory access/);
    expect((await bothAlike(assembled(hotLoop('  LIT 4090\n  LDM 10\n  POP\n  POP\n  POP\n  POP\n  POP\n  POP\n  POP\n  POP\n  POP\n  POP')))).error).toMatch(/memory access at address 4096/);
    expect((await bothAlike(assembled(hotLoop('  LIT 5\n  LIT -1\n  MOV 2')))).error).toMatch(/memory access at address -1/);
  });

  test('the interpreter never prints undefined for a write with nothing on the stack', () => {
    const m = new PMachine(assembled('POP\nPOP\nWRI\nHLT'));
    expect(m.run(10)).toBe('error');
    expect(m.output).toBe('');
    expect(m.errorReport()).toMatch(/stack underflow/);
  });
});

describe('a poke outside the operand limits', () => {
  test('leaves the instruction to the interpreter, which reports the stray address', async () => {
    const program = assembled(hotLoop('  LOD 0, 3\n  POP'));
    const jit = new JitMachine(program, { threshold: 2, instantiate: 'sync', stackSize: 4096 });
    expect(jit.run(200)).toBe('budget');
    expect(jit.stats().liveTranslations).toBeGreaterThan(0);
    jit.poke(1, 2, 100_000_000); // LOD 0, 3 becomes LOD 0, 100000000
    expect(jit.cfg.blocks[jit.cfg.blockOf[1]!]!.kind).toBe('host');
    expect(await jit.runToEnd()).toBe('error');
    expect(jit.machine.error).toMatchObject({ code: 'addressOutOfRange', params: { address: 100_000_000 }, pc: 1 });
  });
});

describe('random P-code programs: interpreter ≡ JIT, and nothing crashes', () => {
  for (let chunk = 0; chunk < 3; chunk++) {
    test(`seeds ${chunk * 100 + 1}..${chunk * 100 + 100}`, { timeout: 120_000 }, async () => {
      let ran = 0;
      let rejected = 0;
      for (let seed = chunk * 100 + 1; seed <= chunk * 100 + 100; seed++) {
        const text = generateRandomPcode(seed);
        const result = assemble(text);
        if (!result.ok) {
          rejected++;
          for (const e of result.errors) expect(wordAssemblyError(e).length, `seed ${seed}`).toBeGreaterThan(0);
          continue;
        }
        ran++;
        const mode = seed % 2 === 0 ? 'chaining' : 'dispatcher';
        const expected = runInterpreter(result.program, '', 5000, 256);
        expect(expected.output, `seed ${seed}`).not.toContain('undefined');
        const got = await runJit(result.program, '', 5000, 256, { threshold: 1 + (seed % 3), mode, instantiate: 'sync', sliceBudget: 613 });
        expect({ ...got, jit: undefined }, `seed ${seed}\n${text}`).toEqual({ ...expected, jit: undefined });
      }
      expect(ran).toBeGreaterThan(30);
      expect(rejected).toBeGreaterThan(0);
    });
  }
});
