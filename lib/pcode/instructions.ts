/**
 * The P-machine's instruction set: one table that the machine, the assembler, the disassembler,
 * the lab's listing and the chapter's reference table all read.
 *
 * Encoding: a program's code is an Int32Array with four words per instruction,
 * `[opcode, a, b, c]`, so instruction number `pc` starts at `code[pc * 4]`. Unused operands are 0.
 *
 * Stack: an Int32Array of words; SP is the index of the top word (it grows upwards), BP the index
 * of the current frame's block mark. A frame is laid out as
 *
 *   [function result]  (functions only; pushed by the caller as LIT 0)
 *   [parameters]       BP-p … BP-1   (value parameters are copies, var parameters are addresses)
 *   SL  at BP+0        static link: BP of the frame of the lexically enclosing routine
 *   DL  at BP+1        dynamic link: BP of the caller's frame
 *   RA  at BP+2        return address (instruction number in the caller)
 *   [locals]           BP+3 …
 *   [evaluation stack] above the locals
 *
 * Booleans are 0/1, chars are their character codes, integers are 32-bit two's complement and
 * wrap on overflow.
 */

/** What an operand means; the JIT and the UI use this to read an instruction. */
export type OperandKind =
  | 'level' // static nesting difference: follow the static link this many times
  | 'offset' // word offset from the frame base (may be negative for parameters)
  | 'value' // an integer literal
  | 'target' // an instruction number (a jump or call target)
  | 'count' // a number of words
  | 'low' // lower bound of an index or case range
  | 'high' // upper bound of an index or case range
  | 'string' // index into the program's string table
  | 'depth'; // words of evaluation stack a routine needs at most (ENT checks they fit)

export interface InstructionInfo {
  /** The opcode stored in the code array. */
  readonly code: number;
  /** The mnemonic, as written in listings and accepted by the assembler. */
  readonly name: string;
  /** Operands in order: they are stored in words a, b, c of the instruction. */
  readonly operands: readonly OperandKind[];
  /** Words popped from the evaluation stack (-1: depends on an operand, see `meaning`). */
  readonly pops: number;
  /** Words pushed onto the evaluation stack (-1: depends on an operand). */
  readonly pushes: number;
  /** True when the instruction may transfer control somewhere other than the next instruction. */
  readonly jumps: boolean;
  /** One line: what the instruction does. */
  readonly meaning: string;
}

/** Opcode numbers. Add new ones at the end; never renumber. */
export const Op = {
  HLT: 0,
  LIT: 1,
  LOD: 2,
  STO: 3,
  LDA: 4,
  LDI: 5,
  STI: 6,
  INC: 7,
  IXA: 8,
  LDM: 9,
  MOV: 10,
  DUP: 11,
  POP: 12,
  ADD: 13,
  SUB: 14,
  MUL: 15,
  DIV: 16,
  MOD: 17,
  NEG: 18,
  ABS: 19,
  SQR: 20,
  ODD: 21,
  EQ: 22,
  NE: 23,
  LT: 24,
  LE: 25,
  GT: 26,
  GE: 27,
  AND: 28,
  OR: 29,
  NOT: 30,
  JMP: 31,
  JPF: 32,
  CAL: 33,
  ENT: 34,
  RET: 35,
  CSE: 36,
  CSF: 37,
  WRI: 38,
  WRC: 39,
  WRB: 40,
  WRS: 41,
  WLN: 42,
  RDI: 43,
  RDC: 44,
  RLN: 45,
  EOF: 46,
  EOL: 47,
} as const;

export type OpName = keyof typeof Op;
export type Opcode = (typeof Op)[OpName];

/** Words per instruction in the code array. */
export const INSTRUCTION_WORDS = 4;

/** Words in a block mark (SL, DL, RA). Locals start at this offset. */
export const BLOCK_MARK_WORDS = 3;

/** Default field widths of write/writeln when no width is given (Free Pascal, ISO mode). */
export const DEFAULT_WIDTH = { integer: 11, boolean: 5, char: 1 } as const;

function info(
  name: OpName,
  operands: readonly OperandKind[],
  pops: number,
  pushes: number,
  meaning: string,
  jumps = false,
): InstructionInfo {
  return { code: Op[name], name, operands, pops, pushes, jumps, meaning };
}

/** The instruction set, indexed by opcode. */
export const INSTRUCTIONS: readonly InstructionInfo[] = [
  info('HLT', [], 0, 0, 'halt the machine: the program has ended', true),
  info('LIT', ['value'], 0, 1, 'push the constant value'),
  info('LOD', ['level', 'offset'], 0, 1, 'push the word at base(level) + offset'),
  info('STO', ['level', 'offset'], 1, 0, 'pop a word and store it at base(level) + offset'),
  info('LDA', ['level', 'offset'], 0, 1, 'push the address base(level) + offset'),
  info('LDI', [], 1, 1, 'replace the address on top with the word stored there'),
  info('STI', [], 2, 0, 'pop a value, then an address, and store the value at the address'),
  info('INC', ['value'], 1, 1, 'add the constant to the word on top (field offsets, succ, pred)'),
  info('IXA', ['low', 'high', 'count'], 2, 1, 'pop index i and address a; check low ≤ i ≤ high; push a + (i − low) × count'),
  info('LDM', ['count'], 1, -1, 'pop an address and push the count words stored from there (copy a record or array)'),
  info('MOV', ['count'], 2, 0, 'pop a source address, then a destination address, and copy count words'),
  info('DUP', [], 1, 2, 'duplicate the word on top'),
  info('POP', [], 1, 0, 'discard the word on top'),
  info('ADD', [], 2, 1, 'pop b, pop a, push a + b'),
  info('SUB', [], 2, 1, 'pop b, pop a, push a − b'),
  info('MUL', [], 2, 1, 'pop b, pop a, push a × b'),
  info('DIV', [], 2, 1, 'pop b, pop a, push a div b (truncated); error if b = 0'),
  info('MOD', [], 2, 1, 'pop b, pop a, push a mod b (0 ≤ result < b); error if b ≤ 0'),
  info('NEG', [], 1, 1, 'negate the word on top'),
  info('ABS', [], 1, 1, 'replace the word on top with its absolute value'),
  info('SQR', [], 1, 1, 'replace the word on top with its square'),
  info('ODD', [], 1, 1, 'replace the word on top with 1 if it is odd, else 0'),
  info('EQ', [], 2, 1, 'pop b, pop a, push 1 if a = b else 0'),
  info('NE', [], 2, 1, 'pop b, pop a, push 1 if a ≠ b else 0'),
  info('LT', [], 2, 1, 'pop b, pop a, push 1 if a < b else 0'),
  info('LE', [], 2, 1, 'pop b, pop a, push 1 if a ≤ b else 0'),
  info('GT', [], 2, 1, 'pop b, pop a, push 1 if a > b else 0'),
  info('GE', [], 2, 1, 'pop b, pop a, push 1 if a ≥ b else 0'),
  info('AND', [], 2, 1, 'pop b, pop a, push a and b (booleans)'),
  info('OR', [], 2, 1, 'pop b, pop a, push a or b (booleans)'),
  info('NOT', [], 1, 1, 'replace the boolean on top with its negation'),
  info('JMP', ['target'], 0, 0, 'jump to target', true),
  info('JPF', ['target'], 1, 0, 'pop a boolean; jump to target if it is false', true),
  info('CAL', ['level', 'target'], 0, 3, 'push a block mark (SL = base(level), DL = BP, RA = next), set BP to it, jump to target', true),
  info('ENT', ['count', 'depth'], 0, -1, 'enter a routine: push count zeroed words for its locals; stack overflow if count + depth words do not fit'),
  info('RET', ['count'], 0, 0, 'return: drop the frame and its count parameter words, restore BP and jump to RA', true),
  info('CSE', ['low', 'high', 'target'], 1, 0, 'case label: if low ≤ top ≤ high, pop it and jump to target', true),
  info('CSF', [], 1, 0, 'no case label matched the value on top: runtime error'),
  info('WRI', [], 2, 0, 'pop a width, pop an integer, write it right-aligned in the width'),
  info('WRC', [], 2, 0, 'pop a width, pop a char, write it right-aligned in the width'),
  info('WRB', [], 2, 0, 'pop a width, pop a boolean, write true/false right-aligned in the width (cut if longer)'),
  info('WRS', ['string'], 1, 0, 'pop a width, write the string literal right-aligned in the width (cut to the width if longer)'),
  info('WLN', [], 0, 0, 'write a line break'),
  info('RDI', [], 1, 0, 'pop an address; read an integer from the input into it'),
  info('RDC', [], 1, 0, 'pop an address; read a char from the input into it (a line break reads as a space)'),
  info('RLN', [], 0, 0, 'skip the input up to and including the next line break'),
  info('EOF', [], 0, 1, 'push 1 if the input is exhausted, else 0'),
  info('EOL', [], 0, 1, 'push 1 if the input is at a line break (or exhausted), else 0'),
];

const byName = new Map<string, InstructionInfo>(INSTRUCTIONS.map((i) => [i.name, i]));

/** The instruction with this mnemonic (case-insensitive), or undefined. */
export function instructionByName(name: string): InstructionInfo | undefined {
  return byName.get(name.toUpperCase());
}

/** The instruction with this opcode, or undefined. */
export function instructionByCode(code: number): InstructionInfo | undefined {
  return INSTRUCTIONS[code];
}
