/**
 * The limits on an instruction's operands that both engines rely on, checked before either runs a
 * program: the assembler rejects code outside them (with the line), and the JIT leaves any
 * instruction outside them (say, after the lab pokes a wild value into the code) to the interpreter.
 *
 * - a level (static links to follow) is 0..MAX_LEVEL;
 * - an offset, a count of words or a stack depth has a magnitude of at most MAX_WORDS;
 * - IXA's index range low..high is not empty and (high − low + 1) × size ≤ MAX_WORDS (so the
 *   address arithmetic is exact in 32 bits);
 * - a target is an instruction of the program, a string index one of its strings.
 *
 * Addresses computed while the program runs are checked by the engines themselves (a runtime error).
 */
import { INSTRUCTION_WORDS, Op, instructionByCode } from './instructions.ts';
import type { AssemblyErrorMessage } from './assembly-error-wordings.ts';

/** The deepest static nesting an instruction may reach across. */
export const MAX_LEVEL = 255;
/** The largest offset, word count or stack depth an operand may give (2^24 words = 64 MiB). */
export const MAX_WORDS = 1 << 24;

/**
 * What is wrong with the operands of instruction `pc` of `code`, or undefined if nothing is.
 * `instructions` and `strings` are how many the program has.
 */
export function operandProblem(code: Int32Array, pc: number, instructions: number, strings: number): AssemblyErrorMessage | undefined {
  const i = pc * INSTRUCTION_WORDS;
  const info = instructionByCode(code[i]!);
  if (!info) return undefined; // an unknown opcode is the machine's runtime error
  if (info.code === Op.IXA) {
    const low = code[i + 1]!;
    const high = code[i + 2]!;
    const size = code[i + 3]!;
    if (low > high || size < 0 || (high - low + 1) * size > MAX_WORDS) {
      return { code: 'indexRangeTooLarge', params: { low, high, size, max: MAX_WORDS } };
    }
    return undefined;
  }
  for (let k = 0; k < info.operands.length; k++) {
    const value = code[i + 1 + k]!;
    const kind = info.operands[k]!;
    if (kind === 'value' || kind === 'low' || kind === 'high') continue;
    const [min, max] =
      kind === 'level'
        ? [0, MAX_LEVEL]
        : kind === 'offset'
          ? [-MAX_WORDS, MAX_WORDS]
          : kind === 'target'
            ? [0, instructions - 1]
            : kind === 'string'
              ? [0, strings - 1]
              : [0, MAX_WORDS];
    if (value < min || value > max) return { code: 'operandOutOfRange', params: { name: info.name, kind, value, min, max } };
  }
  return undefined;
}
