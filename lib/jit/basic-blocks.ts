/**
 * Basic blocks and the control-flow graph of a P-code program.
 *
 * A leader starts a block: the entry, every routine's entry, every jump, branch, case or call
 * target, and the instruction after a jump, branch, case, call, return or halt. Instructions that
 * talk to the outside world (write, read, the case-fail error, halt) always run in the interpreter,
 * so each of them is a one-instruction "host" block of its own; so does an instruction whose
 * operands are outside the limits the translator relies on (`operandProblem`; the lab can poke any value).
 */
import { INSTRUCTION_WORDS, Op, instructionByCode, operandProblem, routineAt } from '../pcode/index.ts';
import type { PProgram } from '../pcode/index.ts';

export type BlockKind = 'translatable' | 'host';

export type EdgeKind = 'fall' | 'jump' | 'branch' | 'case' | 'call';

export interface ControlFlowEdge {
  readonly from: number;
  readonly to: number;
  readonly kind: EdgeKind;
}

export interface BasicBlock {
  /** Index in ControlFlowGraph.blocks (blocks are in address order). */
  readonly id: number;
  /** First instruction. */
  readonly start: number;
  /** One past the last instruction. */
  readonly end: number;
  readonly kind: BlockKind;
  /** How the block ends: falls through, jumps, branches, calls, returns, or stops. */
  readonly exit: 'fall' | 'jump' | 'branch' | 'case' | 'call' | 'return' | 'halt' | 'host';
  /** The routine (by name) whose code holds the block, if the program says. */
  readonly routine: string | undefined;
  /** Source line of the first instruction (0 if unknown). */
  readonly line: number;
}

export interface ControlFlowGraph {
  readonly blocks: readonly BasicBlock[];
  /** For each instruction, the id of the block that holds it. */
  readonly blockOf: Int32Array;
  readonly edges: readonly ControlFlowEdge[];
}

/** Instructions that always run in the interpreter: I/O, the case-fail error, halt. */
function isHostInstruction(opcode: number): boolean {
  switch (opcode) {
    case Op.HLT:
    case Op.CSF:
    case Op.WRI:
    case Op.WRC:
    case Op.WRB:
    case Op.WRS:
    case Op.WLN:
    case Op.RDI:
    case Op.RDC:
    case Op.RLN:
    case Op.EOF:
    case Op.EOL:
      return true;
    default:
      return instructionByCode(opcode) === undefined;
  }
}

/** Where an instruction may jump to (not counting falling through), if it names a target. */
export function jumpTarget(code: Int32Array, pc: number): number | undefined {
  const i = pc * INSTRUCTION_WORDS;
  switch (code[i]) {
    case Op.JMP:
    case Op.JPF:
      return code[i + 1];
    case Op.CAL:
      return code[i + 2];
    case Op.CSE:
      return code[i + 3];
    default:
      return undefined;
  }
}

/** Splits the program into basic blocks and links them into a control-flow graph. */
export function findBasicBlocks(program: PProgram): ControlFlowGraph {
  const code = program.code;
  const count = code.length >> 2;
  const leader = new Uint8Array(count + 1);
  const mark = (pc: number) => {
    if (pc >= 0 && pc < count) leader[pc] = 1;
  };
  mark(0);
  mark(program.entry);
  for (const r of program.routines) mark(r.entry);
  const host = new Uint8Array(count);
  for (let pc = 0; pc < count; pc++) {
    const op = code[pc * INSTRUCTION_WORDS]!;
    const target = jumpTarget(code, pc);
    if (target !== undefined) mark(target);
    if (isHostInstruction(op) || operandProblem(code, pc, count, program.strings.length) !== undefined) {
      host[pc] = 1;
      mark(pc);
      mark(pc + 1);
    } else if (op === Op.JMP || op === Op.JPF || op === Op.CAL || op === Op.RET || op === Op.CSE) {
      mark(pc + 1);
    }
  }
  const blocks: BasicBlock[] = [];
  const blockOf = new Int32Array(count);
  let start = 0;
  for (let pc = 1; pc <= count; pc++) {
    if (pc === count || leader[pc]) {
      const last = pc - 1;
      const op = code[last * INSTRUCTION_WORDS]!;
      const isHost = host[last] === 1;
      const exit: BasicBlock['exit'] =
        op === Op.HLT
          ? 'halt'
          : isHost
            ? 'host'
            : op === Op.JMP
              ? 'jump'
              : op === Op.JPF
                ? 'branch'
                : op === Op.CSE
                  ? 'case'
                  : op === Op.CAL
                    ? 'call'
                    : op === Op.RET
                      ? 'return'
                      : 'fall';
      const id = blocks.length;
      blocks.push({
        id,
        start,
        end: pc,
        kind: isHost ? 'host' : 'translatable',
        exit,
        routine: routineAt(program, start)?.name,
        line: program.lines[start] ?? 0,
      });
      blockOf.fill(id, start, pc);
      start = pc;
    }
  }
  const edges: ControlFlowEdge[] = [];
  const link = (from: BasicBlock, toPc: number, kind: EdgeKind) => {
    if (toPc >= 0 && toPc < count) edges.push({ from: from.id, to: blockOf[toPc]!, kind });
  };
  for (const b of blocks) {
    const last = b.end - 1;
    const target = jumpTarget(code, last);
    switch (b.exit) {
      case 'fall':
        link(b, b.end, 'fall');
        break;
      case 'host':
        if (code[last * INSTRUCTION_WORDS] !== Op.CSF) link(b, b.end, 'fall');
        break;
      case 'jump':
        link(b, target!, 'jump');
        break;
      case 'branch':
        link(b, target!, 'branch');
        link(b, b.end, 'fall');
        break;
      case 'case':
        link(b, target!, 'case');
        link(b, b.end, 'fall');
        break;
      case 'call':
        link(b, target!, 'call');
        break;
      default:
        break;
    }
  }
  return { blocks, blockOf, edges };
}
