// The teaching instruction set of chapter 4: 24 instructions, two privilege modes (kernel, user),
// an interrupt flag, an interrupt table register (IDTR) and a machine status word (MSW).
// Every instruction belongs to one of four kinds, the classification Popek and Goldberg reason about.

import type { Opcode } from './trap-codes.ts';

export type { Opcode } from './trap-codes.ts';

/**
 * - innocuous: behaves the same in every mode and touches no machine state a monitor must guard.
 * - trap: always transfers control on purpose (a system call, a hypercall).
 * - privileged: traps when executed in user mode, runs in kernel mode.
 * - sensitive-unprivileged: reads or changes privileged state but does NOT trap in user mode:
 *   the instructions that make an ISA impossible to virtualize by trap-and-emulate.
 */
export type InstructionKind = 'innocuous' | 'trap' | 'privileged' | 'sensitive-unprivileged';

/** Operand shapes, as written in assembly: r = register, imm = number or symbol, mem = [addr] or [rN], port, label. */
export type OperandShape = 'r' | 'imm' | 'mem' | 'port' | 'label';

export interface InstructionInfo {
  readonly op: Opcode;
  readonly operands: readonly OperandShape[];
  readonly kind: InstructionKind;
  /** Does its behaviour depend on, or change, the mode, the interrupt flag, IDTR, MSW or a device? */
  readonly sensitive: boolean;
  /** Does it trap (transfer to the kernel, or to the monitor) when executed in user mode? */
  readonly trapsInUserMode: boolean;
  /** The x86 instruction it is modelled on, if any. */
  readonly x86: string;
}

function info(
  op: Opcode,
  operands: readonly OperandShape[],
  kind: InstructionKind,
  x86: string,
): InstructionInfo {
  return {
    op,
    operands,
    kind,
    sensitive: kind !== 'innocuous',
    trapsInUserMode: kind === 'trap' || kind === 'privileged',
    x86,
  };
}

export const INSTRUCTION_SET: readonly InstructionInfo[] = [
  info('MOVI', ['r', 'imm'], 'innocuous', 'MOV r, imm'),
  info('MOV', ['r', 'r'], 'innocuous', 'MOV r, r'),
  info('ADD', ['r', 'r'], 'innocuous', 'ADD'),
  info('ADDI', ['r', 'imm'], 'innocuous', 'ADD r, imm'),
  info('LOAD', ['r', 'mem'], 'innocuous', 'MOV r, [m]'),
  info('STORE', ['r', 'mem'], 'innocuous', 'MOV [m], r'),
  info('JMP', ['label'], 'innocuous', 'JMP'),
  info('JNZ', ['r', 'label'], 'innocuous', 'TEST/JNZ'),
  info('PUSH', ['r'], 'innocuous', 'PUSH r'),
  info('POP', ['r'], 'innocuous', 'POP r'),
  info('SYSCALL', [], 'trap', 'INT 0x80'),
  info('HYPERCALL', ['imm'], 'trap', 'VMCALL'),
  info('CLI', [], 'privileged', 'CLI'),
  info('STI', [], 'privileged', 'STI'),
  info('HLT', [], 'privileged', 'HLT'),
  info('IN', ['r', 'port'], 'privileged', 'IN'),
  info('OUT', ['port', 'r'], 'privileged', 'OUT'),
  info('LIDT', ['r'], 'privileged', 'LIDT'),
  info('LMSW', ['r'], 'privileged', 'LMSW'),
  info('IRET', [], 'privileged', 'IRET'),
  info('PUSHF', [], 'sensitive-unprivileged', 'PUSHF'),
  info('POPF', [], 'sensitive-unprivileged', 'POPF'),
  info('SMSW', ['r'], 'sensitive-unprivileged', 'SMSW'),
  info('SIDT', ['r'], 'sensitive-unprivileged', 'SIDT'),
];

const BY_OPCODE = new Map<string, InstructionInfo>(INSTRUCTION_SET.map((i) => [i.op, i]));

export function instructionInfo(op: Opcode): InstructionInfo {
  return BY_OPCODE.get(op)!;
}

export function isOpcode(name: string): name is Opcode {
  return BY_OPCODE.has(name);
}

/** The four sensitive but unprivileged instructions: the ones a redesigned ISA could make trap. */
export const SENSITIVE_UNPRIVILEGED: readonly Opcode[] = INSTRUCTION_SET.filter(
  (i) => i.kind === 'sensitive-unprivileged',
).map((i) => i.op);

// Machine constants. Words are 16 bits; data memory has 256 words.
export const WORD_MASK = 0xffff;
export const MEMORY_WORDS = 256;
export const REGISTER_COUNT = 4;
/** Bit 9 of the flags word, as on x86. Bit 1 is always set, also as on x86. */
export const FLAG_IF = 0x200;
export const FLAGS_FIXED = 0x2;
/** Mode words pushed in an interrupt frame (x86 privilege levels). */
export const MODE_WORD_KERNEL = 0;
export const MODE_WORD_USER = 3;
/** Interrupt vectors. */
export const VECTOR_TIMER = 0;
export const VECTOR_SYSCALL = 1;

/** Device ports. */
export const PORT_CONSOLE = 1;
export const PORT_TIMER = 2;
export const PORT_DISK_DATA = 3;
export const PORT_DISK_COMMIT = 4;
export const PORT_DISK_STATUS = 5;

/** What the monitor's own privileged registers hold: what a deprivileged guest sees when it peeks. */
export const MONITOR_IDTR = 0xc0;
/** PE | MP | ET | NE: protected mode with a coprocessor, as a real monitor would run. */
export const MONITOR_MSW = 0x33;

/** Hypercall numbers of the para-virtual interface. The assembler knows them as HC_<NAME>. */
export const HYPERCALLS = {
  SET_TRAP_TABLE: 1,
  SET_TIMER: 2,
  CONSOLE_WRITE: 3,
  DISK_WRITE: 4,
  DISK_COMMIT: 5,
  IRET: 6,
  SHUTDOWN: 7,
  CHECK_EVENTS: 8,
} as const;
export type HypercallName = keyof typeof HYPERCALLS;

export function hypercallName(number: number): HypercallName | undefined {
  for (const [name, n] of Object.entries(HYPERCALLS)) if (n === number) return name as HypercallName;
  return undefined;
}

/** Where a para-virtualized kernel keeps its virtual interrupt mask, shared with the monitor. */
export const PV_VIRQ_MASK = 0xe0;
/** Set by the monitor while it holds a virtual interrupt the masked guest has not taken yet. */
export const PV_VIRQ_PENDING = 0xe1;
