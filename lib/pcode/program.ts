/**
 * A P-code program: the code array plus what the debugger needs to show it by name
 * (source lines, routines, variables and their types).
 */

/** The type of a variable, as far as the debugger needs it to show the value. */
export type DebugType =
  | { readonly kind: 'integer' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'char' }
  | {
      readonly kind: 'array';
      readonly low: number;
      readonly high: number;
      /** How the index is shown: 'integer', 'char' or 'boolean'. */
      readonly indexKind: 'integer' | 'char' | 'boolean';
      readonly element: DebugType;
      readonly size: number;
    }
  | { readonly kind: 'record'; readonly fields: readonly DebugField[]; readonly size: number };

export interface DebugField {
  readonly name: string;
  readonly offset: number;
  readonly type: DebugType;
}

/** How a name in a frame is stored. */
export type DebugVariableKind = 'variable' | 'value-parameter' | 'var-parameter' | 'result';

export interface DebugVariable {
  readonly name: string;
  /** Offset from the frame's BP (negative for parameters and the function result). */
  readonly offset: number;
  readonly type: DebugType;
  /** A var parameter holds the address of its variable, not the value. */
  readonly kind: DebugVariableKind;
}

/** One routine (the main program is level 0, its routines level 1, and so on). */
export interface DebugRoutine {
  readonly name: string;
  readonly kind: 'program' | 'procedure' | 'function';
  readonly level: number;
  /** Instruction number of the routine's ENT. */
  readonly entry: number;
  /** The routine's own code is [entry, end). Nested routines lie outside this range. */
  readonly end: number;
  /** Words of parameters below the block mark (RET pops them). */
  readonly parameterWords: number;
  /** Words of locals above the block mark. */
  readonly localWords: number;
  /** Source line of the routine's heading. */
  readonly line: number;
  readonly variables: readonly DebugVariable[];
}

export interface PProgram {
  /** Four words per instruction: opcode, a, b, c (see instructions.ts). */
  readonly code: Int32Array;
  /** Source line of each instruction (0 when unknown, e.g. assembled code). */
  readonly lines: Int32Array;
  /** String literals used by WRS. */
  readonly strings: readonly string[];
  /** Instruction number where execution starts (the main program's ENT). */
  readonly entry: number;
  /** Routines, for the debugger and the post-mortem. May be empty for hand-written code. */
  readonly routines: readonly DebugRoutine[];
  /** The program's name from its header. */
  readonly name: string;
}

/** Number of instructions in a program. */
export function instructionCount(program: PProgram): number {
  return program.code.length >> 2;
}

/** The routine whose own code contains instruction pc, if known. */
export function routineAt(program: PProgram, pc: number): DebugRoutine | undefined {
  for (const routine of program.routines) {
    if (pc >= routine.entry && pc < routine.end) return routine;
  }
  return undefined;
}
