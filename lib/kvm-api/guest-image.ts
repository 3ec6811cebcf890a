// The teaching ISA in memory. lib/trap's assembler turns source into instruction objects; a guest
// under the KVM-shaped interface runs from guest memory, as a real one does, so the loader encodes
// each instruction as two 16-bit words and the vCPU decodes them again when it fetches.
//
//   word 0: opcode number << 8 | memory-by-register 0x80 | memory register << 4 | first register << 2 | second register
//   word 1: the immediate, port, address or jump target (0 when the instruction has none)
//
// A jump target (a label) is an instruction number to the assembler; the loader turns it into the
// guest-physical address of that instruction.

import { INSTRUCTION_SET } from '../trap/index.ts';
import type { Instruction, Operand, Opcode, Program } from '../trap/index.ts';

export const WORDS_PER_INSTRUCTION = 2;

const OPCODE_NUMBER = new Map<Opcode, number>(INSTRUCTION_SET.map((info, index) => [info.op, index]));

/** A decoded instruction: what the vCPU executes. */
export interface DecodedInstruction {
  readonly op: Opcode;
  readonly operands: readonly Operand[];
}

export interface GuestImage {
  /** The words to copy into guest memory at `loadAddress`. */
  readonly words: readonly number[];
  readonly loadAddress: number;
  /** The source line of the instruction at each guest-physical address (for showing where the guest is). */
  readonly lineAt: ReadonlyMap<number, number>;
}

/** Encode an assembled program to run from `loadAddress` (in words). */
export function encodeGuestImage(program: Program, loadAddress: number): GuestImage {
  const words: number[] = [];
  const lineAt = new Map<number, number>();
  program.instructions.forEach((instruction, index) => {
    const address = loadAddress + index * WORDS_PER_INSTRUCTION;
    lineAt.set(address, instruction.line);
    words.push(...encodeInstruction(instruction, loadAddress));
  });
  return { words, loadAddress, lineAt };
}

function encodeInstruction(instruction: Instruction, loadAddress: number): [number, number] {
  const shapes = INSTRUCTION_SET[OPCODE_NUMBER.get(instruction.op)!]!.operands;
  const registers: number[] = [];
  let memoryRegister = -1;
  let immediate = 0;
  instruction.operands.forEach((operand, i) => {
    if (operand.kind === 'reg') registers.push(operand.reg);
    else if (operand.kind === 'mem-reg') memoryRegister = operand.reg;
    else if (operand.kind === 'mem-abs') immediate = operand.address;
    else immediate = shapes[i] === 'label' ? loadAddress + operand.value * WORDS_PER_INSTRUCTION : operand.value;
  });
  const first = (OPCODE_NUMBER.get(instruction.op)! << 8)
    | (memoryRegister >= 0 ? 0x80 | (memoryRegister << 4) : 0)
    | ((registers[0] ?? 0) << 2)
    | (registers[1] ?? 0);
  return [first & 0xffff, immediate & 0xffff];
}

/** Decode the two words at an instruction's address; undefined when word 0 names no instruction. */
export function decodeInstruction(first: number, second: number): DecodedInstruction | undefined {
  const info = INSTRUCTION_SET[first >> 8];
  if (!info) return undefined;
  const registers = [(first >> 2) & 3, first & 3];
  const operands: Operand[] = [];
  for (const shape of info.operands) {
    if (shape === 'r') operands.push({ kind: 'reg', reg: registers.shift()! });
    else if (shape === 'mem') {
      operands.push(first & 0x80 ? { kind: 'mem-reg', reg: (first >> 4) & 3 } : { kind: 'mem-abs', address: second & 0xff });
    } else operands.push({ kind: 'imm', value: second });
  }
  return { op: info.op, operands };
}
