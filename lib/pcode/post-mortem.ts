/**
 * The P-machine's post-mortem, kept apart from the machine as clox keeps its debug.c apart from its
 * VM: the call chain read off the stack (frames with their variables) and values formatted as Pascal
 * shows them. The machine, the labs and the CLI read a stopped or failed program through these.
 */
import { BLOCK_MARK_WORDS } from './instructions.ts';
import type { DebugRoutine, DebugType, DebugVariable, PProgram } from './program.ts';
import { routineAt } from './program.ts';
import type { BookLocale, MessageOf } from '../book/localized-text.ts';
import { wordMessage } from '../book/localized-text.ts';
import { postMortemWordings, wordRuntimeError } from './runtime-error-wordings.ts';
import type { RuntimeErrorMessage } from './runtime-error-wordings.ts';

/** One variable in a frame, with its value formatted for display. */
export interface VariableView {
  readonly name: string;
  readonly kind: DebugVariable['kind'];
  /** Stack address of the variable's first word (for var parameters: of the parameter cell). */
  readonly address: number;
  /** For var parameters: the address they refer to. */
  readonly refersTo?: number;
  readonly type: DebugType;
  /** The value, formatted as Pascal would show it: 42, true, 'x', [1, 2], (re: 1, im: 2). */
  readonly value: string;
}

/** One activation record, innermost first in `PMachine.frames()`. */
export interface FrameView {
  readonly routine: DebugRoutine | undefined;
  /** Name to show: the routine's name, or '?' for code without debug information. */
  readonly name: string;
  /** Position in the call chain: 0 is the innermost frame. */
  readonly depth: number;
  /** Number of frames in the whole chain (frames() may leave out the middle of a deep one). */
  readonly totalFrames: number;
  readonly bp: number;
  readonly staticLink: number;
  readonly dynamicLink: number;
  readonly returnAddress: number;
  /** First stack word that belongs to this frame (function result or first parameter). */
  readonly low: number;
  /** Last word of the frame's locals. */
  readonly localsEnd: number;
  /** Last word of the frame including its evaluation stack. */
  readonly high: number;
  /** Instruction this frame is executing (PC for the innermost, else the call site). */
  readonly pc: number;
  readonly line: number;
  readonly variables: readonly VariableView[];
}

/**
 * A runtime error: what went wrong (`code` and `params`, worded by `runtimeErrorWordings`) and where
 * it happened. The post-mortem is the stopped machine's call chain (`PMachine.frames(locale)`).
 */
export type RuntimeError = RuntimeErrorMessage & {
  /** P-code address (instruction number) of the faulting instruction. */
  readonly pc: number;
  /** Source line of the faulting instruction (0 if unknown). */
  readonly line: number;
};

/** Formats the value of type `type` stored at `address`. */
function formatValue(stack: Int32Array, address: number, type: DebugType, depth = 0, locale: BookLocale = 'en'): string {
  if (address < 0 || address >= stack.length) return '?';
  switch (type.kind) {
    case 'integer':
      return String(stack[address]);
    case 'boolean':
      return stack[address] === 0 ? 'false' : stack[address] === 1 ? 'true' : `?${stack[address]}`;
    case 'char': {
      const c = stack[address];
      return c >= 32 && c < 127 ? `'${c === 39 ? "''" : String.fromCharCode(c)}'` : `chr(${c})`;
    }
    case 'array': {
      const count = type.high - type.low + 1;
      const shown = Math.min(count, depth > 0 ? 8 : 16);
      const parts: string[] = [];
      for (let k = 0; k < shown; k++) {
        parts.push(formatValue(stack, address + k * debugTypeSize(type.element), type.element, depth + 1, locale));
      }
      if (shown < count) parts.push(wordMessage(postMortemWordings, { code: 'moreElements', params: { count: count - shown } }, locale));
      return `[${parts.join(', ')}]`;
    }
    case 'record':
      return `(${type.fields
        .map((f) => `${f.name}: ${formatValue(stack, address + f.offset, f.type, depth + 1, locale)}`)
        .join(', ')})`;
  }
}

/** Words a value of this type occupies. */
function debugTypeSize(type: DebugType): number {
  return type.kind === 'array' || type.kind === 'record' ? type.size : 1;
}

/**
 * Walks the dynamic-link chain from (pc, bp, sp) and describes each frame, innermost first.
 * A very deep chain is cut in the middle: the innermost `limit - 3` frames and the outermost 3
 * are described; `FrameView.depth` tells where each one sits in the whole chain.
 */
export function buildFrames(
  program: PProgram,
  stack: Int32Array,
  pc: number,
  bp: number,
  sp: number,
  limit = 200,
  locale: BookLocale = 'en',
): FrameView[] {
  // First the chain itself (cheap): base pointers and the PC each frame is at.
  const bases: number[] = [];
  const pcs: number[] = [];
  let framePc = pc;
  let frameBp = bp;
  const seen = new Set<number>();
  while (frameBp >= 0 && frameBp + 2 < stack.length && !seen.has(frameBp)) {
    seen.add(frameBp);
    bases.push(frameBp);
    pcs.push(framePc);
    const returnAddress = stack[frameBp + 2]!;
    if (frameBp === 0 || returnAddress < 0) break;
    framePc = returnAddress - 1; // the CAL instruction in the caller
    frameBp = stack[frameBp + 1]!;
  }
  const total = bases.length;
  const chosen: number[] = [];
  if (total <= limit) for (let k = 0; k < total; k++) chosen.push(k);
  else {
    for (let k = 0; k < limit - 3; k++) chosen.push(k);
    for (let k = total - 3; k < total; k++) chosen.push(k);
  }
  const lowOf = (k: number) => {
    const routine = routineAt(program, pcs[k]!);
    return bases[k]! - (routine?.parameterWords ?? 0) - (routine?.kind === 'function' ? 1 : 0);
  };
  // A frame's words end where the next inner frame (its result slot or first parameter) begins.
  return chosen.map((k) => describeFrame(program, stack, bases[k]!, pcs[k]!, k, total, k === 0 ? sp : lowOf(k - 1) - 1, locale));
}

function describeFrame(
  program: PProgram,
  stack: Int32Array,
  frameBp: number,
  framePc: number,
  depth: number,
  total: number,
  highGuess: number,
  locale: BookLocale,
): FrameView {
  const routine = routineAt(program, framePc);
  const variables: VariableView[] = [];
  for (const v of routine?.variables ?? []) {
    const address = frameBp + v.offset;
    if (v.kind === 'var-parameter') {
      const target = stack[address] ?? -1;
      variables.push({ name: v.name, kind: v.kind, address, refersTo: target, type: v.type, value: formatValue(stack, target, v.type, 0, locale) });
    } else {
      variables.push({ name: v.name, kind: v.kind, address, type: v.type, value: formatValue(stack, address, v.type, 0, locale) });
    }
  }
  const hasResult = routine?.kind === 'function';
  const low = frameBp - (routine?.parameterWords ?? 0) - (hasResult ? 1 : 0);
  const high = Math.max(frameBp + 2, highGuess);
  return {
    routine,
    name: routine?.name ?? '?',
    depth,
    totalFrames: total,
    bp: frameBp,
    staticLink: stack[frameBp]!,
    dynamicLink: stack[frameBp + 1]!,
    returnAddress: stack[frameBp + 2]!,
    low,
    localsEnd: frameBp + BLOCK_MARK_WORDS - 1 + (routine?.localWords ?? 0),
    high,
    pc: framePc,
    line: program.lines[framePc] ?? 0,
    variables,
  };
}

/**
 * The runtime error as text: message with address and line, then the call chain (`frames`, innermost
 * first, as `buildFrames` described them for the same locale) with variables, in the words of a
 * locale. `PMachine.errorReport(locale)` is this for the machine's own error.
 */
export function formatRuntimeError(error: RuntimeError, frames: readonly FrameView[], locale: BookLocale = 'en'): string {
  const word = (message: MessageOf<typeof postMortemWordings>) => wordMessage(postMortemWordings, message, locale);
  const message = wordRuntimeError(error, locale);
  const heading =
    error.line > 0
      ? word({ code: 'headingWithLine', params: { pc: error.pc, line: error.line, message } })
      : word({ code: 'heading', params: { pc: error.pc, message } });
  const lines = [heading, word({ code: 'callChain' })];
  // A deep recursion is shown by its innermost frames and the outermost ones.
  const total = frames[0]?.totalFrames ?? 0;
  const shown = frames.length <= 12 ? frames : [...frames.slice(0, 8), ...frames.slice(-3)];
  for (const frame of shown) {
    if (total > 12 && frame.depth === total - 3) lines.push(`  ${word({ code: 'framesOmitted', params: { count: total - 11 } })}`);
    const kind = frame.routine?.kind ?? 'routine';
    lines.push(`  ${word({ code: 'frame', params: { kind, name: frame.name, line: frame.line, bp: frame.bp } })}`);
    if (frame.variables.length === 0) lines.push(`    ${word({ code: 'noVariables' })}`);
    for (const v of frame.variables) {
      const label = v.kind === 'var-parameter' ? `var ${v.name}` : v.kind === 'result' ? word({ code: 'result', params: { name: v.name } }) : v.name;
      lines.push(`    ${label} = ${v.value}`);
    }
  }
  return lines.join('\n');
}
