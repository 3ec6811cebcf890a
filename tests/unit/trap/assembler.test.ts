import { describe, expect, it } from 'vitest';
import { assembleProgram, assemblyErrorWordings, WORKLOADS, PV_BATCH_SIZES, HYPERCALLS } from '../../../lib/trap/index.ts';
import { wordMessage } from '../../../lib/book/localized-text.ts';

describe('assembleProgram', () => {
  it('assembles labels, .equ constants, memory operands and predefined hypercall names', () => {
    const result = assembleProgram(`.equ BASE 8
start: MOVI r0, BASE+2   ; a comment
    LOAD r1, [BASE]
    STORE r1, [r0]
    HYPERCALL HC_CONSOLE_WRITE
    JNZ r1, start
`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [movi, load, store, hypercall, jnz] = result.program.instructions;
    expect(movi!.operands).toEqual([{ kind: 'reg', reg: 0 }, { kind: 'imm', value: 10 }]);
    expect(load!.operands[1]).toEqual({ kind: 'mem-abs', address: 8 });
    expect(store!.operands[1]).toEqual({ kind: 'mem-reg', reg: 0 });
    expect(hypercall!.operands[0]).toEqual({ kind: 'imm', value: HYPERCALLS.CONSOLE_WRITE });
    expect(jnz!.operands[1]).toEqual({ kind: 'imm', value: 0 });
    expect(movi!.line).toBe(2);
    expect(result.program.symbols.get('start')).toBe(0);
  });

  it('wraps negative immediates to 16-bit words', () => {
    const result = assembleProgram('ADDI r1, -1');
    expect(result.ok && result.program.instructions[0]!.operands[1]).toEqual({ kind: 'imm', value: 0xffff });
  });

  it('reports errors as line:column values, every one of them, in order', () => {
    const result = assembleProgram(`MOVI r0, 1
    FROB r1
    MOVI r9, 2
    LOAD r0, 5
    JMP nowhere
    CLI r0
x: MOVI r0, 1
x: MOVI r0, 2`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.line}:${e.column} ${wordMessage(assemblyErrorWordings, e, 'en')}`)).toEqual([
      '2:5 unknown instruction "FROB"',
      '3:10 expected a register r0..r3, found "r9"',
      '4:14 expected a memory operand like [42], [NAME] or [r1], found "5"',
      '5:9 unknown name "nowhere"',
      '6:5 CLI takes 0 operands (none), found 1',
      '8:1 "x" is defined twice',
    ]);
  });

  it('rejects an empty program', () => {
    const result = assembleProgram('; nothing here\n');
    expect(result.ok).toBe(false);
  });

  it('assembles every workload, unmodified and para-virtualized, at every batch size', () => {
    for (const workload of WORKLOADS) {
      for (const pvBatchSize of PV_BATCH_SIZES) {
        for (const source of [workload.nativeSource({ pvBatchSize }), workload.paravirtualSource({ pvBatchSize })]) {
          const result = assembleProgram(source);
          expect(result.ok ? [] : result.errors, `${workload.id} batch ${pvBatchSize}`).toEqual([]);
        }
      }
    }
  });

  it('keeps the para-virtual kernels free of privileged and sensitive-unprivileged instructions', () => {
    const forbidden = new Set(['CLI', 'STI', 'HLT', 'IN', 'OUT', 'LIDT', 'LMSW', 'IRET', 'PUSHF', 'POPF', 'SMSW', 'SIDT']);
    for (const workload of WORKLOADS) {
      const result = assembleProgram(workload.paravirtualSource({ pvBatchSize: 8 }));
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.program.instructions.filter((i) => forbidden.has(i.op)).map((i) => i.op), workload.id).toEqual([]);
    }
  });
});
