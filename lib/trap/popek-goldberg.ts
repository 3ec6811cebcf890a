// Popek and Goldberg (1974), Theorem 1: a monitor can be built by trap-and-emulate if the set of
// sensitive instructions is a subset of the privileged ones (every sensitive instruction traps in user mode).

import { INSTRUCTION_SET } from './isa.ts';
import type { Opcode } from './isa.ts';

export interface Classification {
  readonly sensitive: boolean;
  readonly trapsInUserMode: boolean;
}

export interface VirtualizabilityVerdict {
  readonly virtualizable: boolean;
  /** Sensitive instructions that do not trap: each one breaks trap-and-emulate. */
  readonly offenders: readonly Opcode[];
}

/** The verdict for an instruction set described by `classify`. */
export function checkPopekGoldberg(classify: (op: Opcode) => Classification): VirtualizabilityVerdict {
  const offenders = INSTRUCTION_SET.map((i) => i.op).filter((op) => {
    const c = classify(op);
    return c.sensitive && !c.trapsInUserMode;
  });
  return { virtualizable: offenders.length === 0, offenders };
}

/** The lab's ISA, optionally redesigned so that some sensitive instructions trap. */
export function classifyInstruction(op: Opcode, trappingSensitive: readonly Opcode[] = []): Classification {
  const info = INSTRUCTION_SET.find((i) => i.op === op)!;
  return { sensitive: info.sensitive, trapsInUserMode: info.trapsInUserMode || trappingSensitive.includes(op) };
}

export interface ClassificationMark {
  readonly op: Opcode;
  readonly sensitiveCorrect: boolean;
  readonly trapsCorrect: boolean;
}

export interface ClassificationGrade {
  readonly marks: readonly ClassificationMark[];
  readonly correct: number;
  readonly total: number;
  /** The verdict the reader's own answers imply. */
  readonly readersVerdict: VirtualizabilityVerdict;
  /** The verdict for the real ISA (with any redesign applied). */
  readonly actualVerdict: VirtualizabilityVerdict;
}

/** Grade a reader's classification of every instruction (missing answers count as "no"). */
export function gradeClassification(
  answers: Partial<Record<Opcode, Classification>>,
  trappingSensitive: readonly Opcode[] = [],
): ClassificationGrade {
  const answer = (op: Opcode): Classification => answers[op] ?? { sensitive: false, trapsInUserMode: false };
  const marks = INSTRUCTION_SET.map((i) => {
    const truth = classifyInstruction(i.op, trappingSensitive);
    const given = answer(i.op);
    return {
      op: i.op,
      sensitiveCorrect: given.sensitive === truth.sensitive,
      trapsCorrect: given.trapsInUserMode === truth.trapsInUserMode,
    };
  });
  return {
    marks,
    correct: marks.filter((m) => m.sensitiveCorrect && m.trapsCorrect).length,
    total: marks.length,
    readersVerdict: checkPopekGoldberg(answer),
    actualVerdict: checkPopekGoldberg((op) => classifyInstruction(op, trappingSensitive)),
  };
}
