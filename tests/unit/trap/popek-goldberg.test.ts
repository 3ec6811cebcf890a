import { describe, expect, it } from 'vitest';
import { checkPopekGoldberg, classifyInstruction, gradeClassification, INSTRUCTION_SET } from '../../../lib/trap/index.ts';
import type { Classification, Opcode } from '../../../lib/trap/index.ts';

describe('the Popek–Goldberg condition', () => {
  it('fails for the lab ISA, because of exactly its four sensitive-unprivileged instructions', () => {
    const verdict = checkPopekGoldberg((op) => classifyInstruction(op));
    expect(verdict.virtualizable).toBe(false);
    expect(verdict.offenders).toEqual(['PUSHF', 'POPF', 'SMSW', 'SIDT']);
  });

  it('holds once every one of them traps, and not before', () => {
    expect(checkPopekGoldberg((op) => classifyInstruction(op, ['PUSHF', 'POPF', 'SMSW'])).offenders).toEqual(['SIDT']);
    expect(checkPopekGoldberg((op) => classifyInstruction(op, ['PUSHF', 'POPF', 'SMSW', 'SIDT'])).virtualizable).toBe(true);
  });

  it('treats every privileged instruction as trapping and every innocuous one as not sensitive', () => {
    for (const i of INSTRUCTION_SET) {
      const c = classifyInstruction(i.op);
      if (i.kind === 'privileged') expect(c, i.op).toEqual({ sensitive: true, trapsInUserMode: true });
      if (i.kind === 'innocuous') expect(c, i.op).toEqual({ sensitive: false, trapsInUserMode: false });
    }
  });
});

describe('gradeClassification', () => {
  const truth = Object.fromEntries(INSTRUCTION_SET.map((i) => [i.op, classifyInstruction(i.op)])) as Record<Opcode, Classification>;

  it('gives full marks for the truth, and reports both verdicts', () => {
    const grade = gradeClassification(truth);
    expect(grade.correct).toBe(grade.total);
    expect(grade.total).toBe(24);
    expect(grade.readersVerdict).toEqual(grade.actualVerdict);
  });

  it('marks a reader who thinks POPF traps, and draws the (wrong) conclusion from their answers', () => {
    const answers = { ...truth, POPF: { sensitive: true, trapsInUserMode: true } };
    const grade = gradeClassification(answers);
    expect(grade.correct).toBe(23);
    expect(grade.marks.find((m) => m.op === 'POPF')).toEqual({ op: 'POPF', sensitiveCorrect: true, trapsCorrect: false });
    expect(grade.readersVerdict.offenders).toEqual(['PUSHF', 'SMSW', 'SIDT']);
    expect(grade.actualVerdict.offenders).toEqual(['PUSHF', 'POPF', 'SMSW', 'SIDT']);
  });

  it('counts missing answers as "no" to both questions', () => {
    const grade = gradeClassification({});
    // Only the 10 innocuous instructions are "not sensitive, does not trap".
    expect(grade.correct).toBe(10);
    expect(grade.readersVerdict.virtualizable).toBe(true);
  });

  it('grades against the redesigned ISA when one is chosen', () => {
    expect(gradeClassification(truth, ['POPF']).marks.find((m) => m.op === 'POPF')!.trapsCorrect).toBe(false);
  });
});
