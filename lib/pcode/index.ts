/**
 * The P-code engine: instruction set, assembler, disassembler and the P-machine.
 * Islands, CLIs and the JIT import only from here.
 *
 * The contract another engine (the JIT) can rely on:
 * - `PProgram.code` is an Int32Array, four words per instruction `[opcode, a, b, c]`; opcodes and
 *   operand meanings are in `INSTRUCTIONS` / `Op` (instructions.ts). `program.entry` is where to start.
 * - `PMachine` state is plain: `stack` (Int32Array), `pc`, `bp`, `sp`, `steps` (instructions executed),
 *   `status` ('ready' | 'halted' | 'error'), `error`, `output`, `input` + `inputPosition`.
 *   A JIT may run the program itself and write these fields back.
 * - Counting: an instruction counts when it completes; a faulting one does not, and PC stays on it.
 *   HLT counts, and PC stays on the HLT.
 * - A JIT runs only blocks without I/O; the interpreter (`PMachine.run`) runs the rest, so output,
 *   runtime errors (codes of `runtimeErrorWordings`) and post-mortems are the interpreter's own.
 * - Booleans are 0/1; integers wrap at 32 bits (`| 0`, `Math.imul`); `div` truncates; `mod` is
 *   never negative and fails for a divisor ≤ 0.
 */
export {
  BLOCK_MARK_WORDS,
  DEFAULT_WIDTH,
  INSTRUCTION_WORDS,
  INSTRUCTIONS,
  Op,
  instructionByCode,
  instructionByName,
} from './instructions.ts';
export type { InstructionInfo, OpName, Opcode, OperandKind } from './instructions.ts';
export { instructionMeaningsInChinese } from './instruction-meanings-in-chinese.ts';
export { instructionCount, routineAt } from './program.ts';
export type {
  DebugField,
  DebugRoutine,
  DebugType,
  DebugVariable,
  DebugVariableKind,
  PProgram,
} from './program.ts';
export { assemble } from './assembler.ts';
export { MAX_LEVEL, MAX_WORDS, operandProblem } from './operand-limits.ts';
export type { AssemblyError, AssemblyResult } from './assembler.ts';
export { assemblyErrorWordings, wordAssemblyError } from './assembly-error-wordings.ts';
export type { AssemblyErrorMessage } from './assembly-error-wordings.ts';
export { postMortemWordings, runtimeErrorWordings, wordRuntimeError } from './runtime-error-wordings.ts';
export type { RuntimeErrorMessage } from './runtime-error-wordings.ts';
export { disassemble, formatInstruction, formatListing, instructionNote } from './disassembler.ts';
export {
  DEFAULT_KEPT_OUTPUT,
  MAX_FIELD_WIDTH,
  PMachine,
  defaultStackWords,
} from './machine.ts';
export type { MachineOptions, MachineStatus, RunOutcome } from './machine.ts';
export { buildFrames, formatRuntimeError } from './post-mortem.ts';
export type { FrameView, RuntimeError, VariableView } from './post-mortem.ts';
export {
  MAX_SHARED_CHARS, SHARE_HASH_KEY, decodeJsonHash, decodeShareHash, encodeJsonHash, encodeShareHash, sharedProgramOf, shareLinkProblemWordings,
} from './share-link.ts';
export type { DecodedJsonHash, DecodedShareHash, ShareLinkProblem, SharedLabState } from './share-link.ts';
