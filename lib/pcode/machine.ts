/**
 * The P-machine: a stack machine with PL/0-style frames (static link, dynamic link, return
 * address). Its state is plain and inspectable: an Int32Array stack, numeric PC/BP/SP and an
 * instruction counter. Output goes to a callback; input is a string the machine reads from.
 *
 * Semantics the JIT must reproduce exactly:
 * - An instruction is counted in `steps` when it completes. A faulting instruction is not counted,
 *   and PC stays on it.
 * - HLT is counted; after it `status` is 'halted' and PC stays on the HLT.
 * - Runtime errors are codes with parameters (`runtimeErrorWordings` words them in each edition).
 * - Every memory access stays on the stack (words 0 … stack.length-1): a load or store elsewhere,
 *   or a static link read from elsewhere, is the runtime error `addressOutOfRange`. SP is checked
 *   where the top of the stack is used (stores, jumps, calls, returns, case, I/O, halt, copies): an
 *   SP that ran off the stack is `stackUnderflow` or `stackOverflow` there. (A word pushed past the
 *   end and popped again before anything used it is not reported: there is nothing to lose.)
 */
import { BLOCK_MARK_WORDS, Op } from './instructions.ts';
import type { PProgram } from './program.ts';
import type { BookLocale } from '../book/localized-text.ts';
import { buildFrames, formatRuntimeError, type FrameView, type RuntimeError } from './post-mortem.ts';
import type { RuntimeErrorMessage } from './runtime-error-wordings.ts';

export type MachineStatus = 'ready' | 'halted' | 'error';

/** Why run() returned. */
export type RunOutcome = 'budget' | 'breakpoint' | 'halted' | 'error';

export interface MachineOptions {
  /** Stack size in words (default: the main program's variables + 1048576 words = 4 MiB). */
  readonly stackSize?: number;
  /**
   * The stack itself, all zeros (instead of `stackSize`): say, a view of a WebAssembly memory that
   * compiled code shares with the interpreter.
   */
  readonly stack?: Int32Array;
  /** Receives output text as it is produced (in chunks). */
  readonly onOutput?: (text: string) => void;
  /** The program's input (standard input). More can be added with `provideInput`. */
  readonly input?: string;
  /**
   * Characters of output `output` keeps (default `DEFAULT_KEPT_OUTPUT`, 1 MiB of text): older
   * output is dropped from the front, a line at a time, and counted in `outputLinesNotShown`.
   * 0 keeps nothing (a CLI that streams everything through `onOutput`).
   */
  readonly keepOutput?: number;
}

/** How much output `PMachine.output` keeps by default: the last 1 MiB of text. */
export const DEFAULT_KEPT_OUTPUT = 1 << 20;

/** The widest field `write(x:w)` may ask for; a wider one is a runtime error. */
export const MAX_FIELD_WIDTH = 100_000;

/** Words of stack a machine for `program` has unless told otherwise: the main program's variables + 1048576 words (4 MiB) for calls. */
export function defaultStackWords(program: PProgram): number {
  const mainWords = program.routines.find((r) => r.kind === 'program')?.localWords ?? 0;
  return DEFAULT_STACK_WORDS + mainWords + BLOCK_MARK_WORDS;
}

const READ_PAST_END: RuntimeErrorMessage = { code: 'readPastEnd' };
const DIVISION_BY_ZERO: RuntimeErrorMessage = { code: 'divisionByZero' };
const STACK_OVERFLOW: RuntimeErrorMessage = { code: 'stackOverflow' };
const STACK_UNDERFLOW: RuntimeErrorMessage = { code: 'stackUnderflow' };

/** The runtime error for a stack pointer `sp` off the stack: below it, an underflow; above it, an overflow. */
function stackFault(sp: number): RuntimeErrorMessage {
  return sp < 0 ? STACK_UNDERFLOW : STACK_OVERFLOW;
}

/** The runtime error for a memory access at `address`, outside the stack's words 0..size-1. */
function outsideTheStack(address: number, size: number): RuntimeErrorMessage {
  return { code: 'addressOutOfRange', params: { address, size } };
}

const DEFAULT_STACK_WORDS = 1 << 20;

export class PMachine {
  readonly program: PProgram;
  readonly code: Int32Array;
  readonly stack: Int32Array;
  /** Next instruction to execute. */
  pc = 0;
  /** Base of the current frame (its block mark). */
  bp = 0;
  /** Index of the top word of the stack. */
  sp = 0;
  /** Instructions executed so far. */
  steps = 0;
  status: MachineStatus = 'ready';
  error: RuntimeError | null = null;
  /** The end of what was written (everything is delivered through onOutput); see `output`. */
  private kept = '';
  /** Line breaks in the output dropped from the front of `kept`. */
  private droppedLineBreaks = 0;
  /** `output` and `outputLinesNotShown`, worked out when first asked for after a write. */
  private tail: { text: string; linesNotShown: number } | undefined;
  /** The input text and the read position in it. */
  input = '';
  inputPosition = 0;

  private readonly onOutput: ((text: string) => void) | undefined;
  private readonly keepOutput: number;
  private pendingOutput = '';
  private readonly breakpointFlags: Uint8Array;
  private breakpointCount = 0;
  private readonly initialInput: string;

  constructor(program: PProgram, options: MachineOptions = {}) {
    this.program = program;
    this.code = program.code;
    this.stack = options.stack ?? new Int32Array(options.stackSize ?? defaultStackWords(program));
    this.onOutput = options.onOutput;
    this.keepOutput = Math.max(0, options.keepOutput ?? DEFAULT_KEPT_OUTPUT);
    this.breakpointFlags = new Uint8Array((program.code.length >> 2) + 1);
    this.initialInput = options.input ?? '';
    // A new stack is all zeros already: clearing megabytes again would only cost time.
    this.start(this.initialInput);
  }

  /** Back to the start: empty stack, PC at the entry, counter 0, output cleared, input rewound. */
  reset(input: string = this.initialInput): void {
    this.stack.fill(0);
    this.start(input);
  }

  /** The start state on a stack of zeros. */
  private start(input: string): void {
    // The main program's block mark: no enclosing frame, no caller, no return address.
    this.stack[0] = 0;
    this.stack[1] = 0;
    this.stack[2] = -1;
    this.bp = 0;
    this.sp = BLOCK_MARK_WORDS - 1;
    this.pc = this.program.entry;
    this.steps = 0;
    this.status = 'ready';
    this.error = null;
    this.kept = '';
    this.tail = undefined;
    this.droppedLineBreaks = 0;
    this.pendingOutput = '';
    this.setInput(input);
  }

  /** Replace the input (line breaks normalised to \n). */
  setInput(text: string): void {
    this.input = normaliseInput(text);
    this.inputPosition = 0;
  }

  /** Append more input after what is there. */
  provideInput(text: string): void {
    const rest = this.input.slice(this.inputPosition);
    this.input = normaliseInput(rest + text);
    this.inputPosition = 0;
  }

  /** Breakpoints are on instruction numbers. */
  setBreakpoint(pc: number, on: boolean): void {
    if (pc < 0 || pc >= this.breakpointFlags.length) return;
    const was = this.breakpointFlags[pc] === 1;
    if (was === on) return;
    this.breakpointFlags[pc] = on ? 1 : 0;
    this.breakpointCount += on ? 1 : -1;
  }

  hasBreakpoint(pc: number): boolean {
    return this.breakpointFlags[pc] === 1;
  }

  clearBreakpoints(): void {
    this.breakpointFlags.fill(0);
    this.breakpointCount = 0;
  }

  get breakpoints(): number[] {
    const list: number[] = [];
    for (let i = 0; i < this.breakpointFlags.length; i++) if (this.breakpointFlags[i] === 1) list.push(i);
    return list;
  }

  /** The source line of the next instruction. */
  get line(): number {
    return this.program.lines[this.pc] ?? 0;
  }

  /** Execute one instruction (ignores breakpoints). */
  step(): RunOutcome {
    if (this.status !== 'ready') return this.status;
    const outcome = this.execute(1);
    this.flush();
    return outcome;
  }

  /**
   * Execute up to `budget` instructions. Stops before an instruction with a breakpoint, except
   * the very first one (so that continuing from a breakpoint works).
   */
  run(budget: number): RunOutcome {
    if (this.status !== 'ready') return this.status;
    let outcome: RunOutcome;
    if (this.breakpointCount === 0) {
      outcome = this.execute(budget);
    } else {
      outcome = 'budget';
      const flags = this.breakpointFlags;
      for (let done = 0; done < budget; done++) {
        if (done > 0 && flags[this.pc] === 1) {
          outcome = 'breakpoint';
          break;
        }
        const r = this.execute(1);
        if (r !== 'budget') {
          outcome = r;
          break;
        }
      }
    }
    this.flush();
    return outcome;
  }

  /**
   * Step over a call: if the next instruction is CAL, run until the call has returned (or a
   * breakpoint, an error or the end of the budget); otherwise execute one instruction.
   */
  stepOver(budget: number): RunOutcome {
    if (this.status !== 'ready') return this.status;
    if (this.code[this.pc << 2] !== Op.CAL) return this.step();
    const returnTo = this.pc + 1;
    const frame = this.bp;
    let outcome = this.step();
    let left = budget - 1;
    const flags = this.breakpointFlags;
    while (outcome === 'budget' && left > 0) {
      if (this.pc === returnTo && this.bp === frame) break;
      if (this.breakpointCount > 0 && flags[this.pc] === 1) {
        outcome = 'breakpoint';
        break;
      }
      outcome = this.execute(1);
      left--;
    }
    this.flush();
    return outcome;
  }

  /** The call chain, innermost first, with each frame's variables by name (values worded for `locale`). */
  frames(locale: BookLocale = 'en'): FrameView[] {
    return buildFrames(this.program, this.stack, this.pc, this.bp, this.sp, 200, locale);
  }

  /** The runtime error and its post-mortem in the words of a locale ('' while there is no error). */
  errorReport(locale: BookLocale = 'en'): string {
    if (!this.error) return '';
    return formatRuntimeError(this.error, this.frames(locale), locale);
  }

  /** Delivers buffered output to onOutput now (run() and step() do this before they return). */
  flush(): void {
    if (this.pendingOutput.length === 0) return;
    const text = this.pendingOutput;
    this.pendingOutput = '';
    this.onOutput?.(text);
    this.keep(text);
  }

  /**
   * Appends to the kept text. Once it is a quarter over `keepOutput` the front is dropped (its line
   * breaks counted), keeping `keepOutput + 1` characters: enough for `output` to find its cut.
   */
  private keep(text: string): void {
    this.kept += text;
    this.tail = undefined;
    const keep = this.keepOutput;
    if (this.kept.length <= keep + (keep >> 2) + 1) return;
    const drop = this.kept.length - keep - 1;
    this.droppedLineBreaks += countLineBreaks(this.kept, 0, drop);
    this.kept = this.kept.slice(drop);
  }

  /**
   * The tail of what was written, at most `keepOutput` characters: it starts at a line start if one
   * lies in the last `keepOutput` characters, else in the middle of the last line. It depends only
   * on what was written, not on how it was delivered (so the JIT's equals the interpreter's).
   */
  get output(): string {
    return this.keptTail().text;
  }

  /** Lines written before `output` starts (a line that `output` starts in the middle of counts). */
  get outputLinesNotShown(): number {
    return this.keptTail().linesNotShown;
  }

  private keptTail(): { text: string; linesNotShown: number } {
    if (this.tail) return this.tail;
    const kept = this.kept;
    const first = kept.length - this.keepOutput;
    let cut = 0;
    if (first > 0) {
      cut = first;
      if (kept.charCodeAt(first - 1) !== 10) {
        const lineBreak = kept.indexOf('\n', first);
        if (lineBreak >= 0) cut = lineBreak + 1;
      }
    }
    const midLine = cut > 0 && kept.charCodeAt(cut - 1) !== 10;
    this.tail = { text: kept.slice(cut), linesNotShown: this.droppedLineBreaks + countLineBreaks(kept, 0, cut) + (midLine ? 1 : 0) };
    return this.tail;
  }

  /** Writes text to the output (delivered to onOutput in chunks). */
  private write(text: string): void {
    this.pendingOutput += text;
    if (this.pendingOutput.length > 4096) this.flush();
  }

  /** RDC: reads a char code (a line break reads as a space); returns the runtime error at the end of the input. */
  private readChar(): number | RuntimeErrorMessage {
    if (this.inputPosition >= this.input.length) return READ_PAST_END;
    const c = this.input.charCodeAt(this.inputPosition++);
    return c === 10 ? 32 : c;
  }

  /** RLN: skips the input up to and including the next line break. */
  private skipLine(): void {
    const at = this.input.indexOf('\n', this.inputPosition);
    this.inputPosition = at < 0 ? this.input.length : at + 1;
  }

  /** EOF: 1 if the input is exhausted. */
  private atEndOfInput(): number {
    return this.inputPosition >= this.input.length ? 1 : 0;
  }

  /** EOL: 1 at a line break or at the end of the input. */
  private atEndOfLine(): number {
    return this.inputPosition >= this.input.length || this.input.charCodeAt(this.inputPosition) === 10 ? 1 : 0;
  }

  private fail(failure: RuntimeErrorMessage, pc: number, bp: number, sp: number): RuntimeError {
    this.pc = pc;
    this.bp = bp;
    this.sp = sp;
    this.status = 'error';
    const error: RuntimeError = {
      ...failure,
      pc,
      line: this.program.lines[pc] ?? 0,
    };
    this.error = error;
    return error;
  }

  /** The interpreter: a switch over the code array, state in locals, no allocation per step. */
  private execute(budget: number): RunOutcome {
    const code = this.code;
    const s = this.stack;
    const size = s.length;
    const limit = code.length >> 2;
    let pc = this.pc;
    let bp = this.bp;
    let sp = this.sp;
    let left = budget;
    let failure: RuntimeErrorMessage | null = null;
    loop: while (left > 0) {
      // A PC outside the program reads `undefined` from the typed array and lands in `default`.
      // The labels are the opcodes' numbers, each with its name beside it (`case Op.LIT:` makes every
      // instruction about twice as slow in V8); tests/unit/pcode/opcode-labels.test.ts ties each
      // number to `Op`.
      const i = pc << 2;
      switch (code[i]) {
        case 1: // LIT
          s[++sp] = code[i + 1];
          pc++;
          break;
        case 2: { // LOD
          let address = bp + code[i + 2];
          if (code[i + 1] !== 0) {
            // Follow the static links (each one read must be on the stack).
            let b = bp;
            for (let l = code[i + 1]; l > 0; l--) {
              if (b >>> 0 >= size) {
                failure = outsideTheStack(b, size);
                break loop;
              }
              b = s[b];
            }
            address = b + code[i + 2];
          }
          if (address >>> 0 >= size) {
            failure = outsideTheStack(address, size);
            break loop;
          }
          s[++sp] = s[address];
          pc++;
          break;
        }
        case 3: { // STO
          if (sp >>> 0 >= size) {
            failure = stackFault(sp);
            break loop;
          }
          let address = bp + code[i + 2];
          if (code[i + 1] !== 0) {
            // Follow the static links (each one read must be on the stack).
            let b = bp;
            for (let l = code[i + 1]; l > 0; l--) {
              if (b >>> 0 >= size) {
                failure = outsideTheStack(b, size);
                break loop;
              }
              b = s[b];
            }
            address = b + code[i + 2];
          }
          if (address >>> 0 >= size) {
            failure = outsideTheStack(address, size);
            break loop;
          }
          s[address] = s[sp--];
          pc++;
          break;
        }
        case 4: { // LDA
          let b = bp;
          for (let l = code[i + 1]; l > 0; l--) {
            if (b >>> 0 >= size) {
              failure = outsideTheStack(b, size);
              break loop;
            }
            b = s[b];
          }
          s[++sp] = b + code[i + 2];
          pc++;
          break;
        }
        case 5: { // LDI
          if (sp >>> 0 >= size) {
            failure = stackFault(sp);
            break loop;
          }
          const address = s[sp];
          if (address >>> 0 >= size) {
            failure = outsideTheStack(address, size);
            break loop;
          }
          s[sp] = s[address];
          pc++;
          break;
        }
        case 6: { // STI
          if ((sp - 1) >>> 0 >= size - 1) {
            failure = stackFault(sp - 1);
            break loop;
          }
          const address = s[sp - 1];
          if (address >>> 0 >= size) {
            failure = outsideTheStack(address, size);
            break loop;
          }
          s[address] = s[sp];
          sp -= 2;
          pc++;
          break;
        }
        case 7: // INC
          s[sp] = (s[sp] + code[i + 1]) | 0;
          pc++;
          break;
        case 8: { // IXA
          if ((sp - 1) >>> 0 >= size - 1) {
            failure = stackFault(sp - 1);
            break loop;
          }
          const index = s[sp];
          const low = code[i + 1];
          if (index < low || index > code[i + 2]) {
            failure = { code: 'indexOutOfRange', params: { index, low, high: code[i + 2]! } };
            break loop;
          }
          sp--;
          s[sp] = s[sp] + (index - low) * code[i + 3];
          pc++;
          break;
        }
        case 9: { // LDM
          if (sp >>> 0 >= size) {
            failure = stackFault(sp);
            break loop;
          }
          const n = code[i + 1];
          const from = s[sp];
          if (from >>> 0 > size - n) {
            failure = outsideTheStack(from >>> 0 >= size ? from : size, size);
            break loop;
          }
          if (sp - 1 + n >= size) {
            failure = STACK_OVERFLOW;
            break loop;
          }
          sp--;
          for (let k = 0; k < n; k++) s[++sp] = s[from + k];
          pc++;
          break;
        }
        case 10: { // MOV
          if ((sp - 1) >>> 0 >= size - 1) {
            failure = stackFault(sp - 1);
            break loop;
          }
          const n = code[i + 1];
          const from = s[sp];
          const to = s[sp - 1];
          if (from >>> 0 > size - n || to >>> 0 > size - n) {
            const bad = from >>> 0 > size - n ? from : to;
            failure = outsideTheStack(bad >>> 0 >= size ? bad : size, size);
            break loop;
          }
          sp -= 2;
          s.copyWithin(to, from, from + n);
          pc++;
          break;
        }
        case 11: // DUP
          s[sp + 1] = s[sp];
          sp++;
          pc++;
          break;
        case 12: // POP
          sp--;
          pc++;
          break;
        case 13: // ADD
          sp--;
          s[sp] = (s[sp] + s[sp + 1]) | 0;
          pc++;
          break;
        case 14: // SUB
          sp--;
          s[sp] = (s[sp] - s[sp + 1]) | 0;
          pc++;
          break;
        case 15: // MUL
          sp--;
          s[sp] = Math.imul(s[sp], s[sp + 1]);
          pc++;
          break;
        case 16: { // DIV
          const d = s[sp];
          if (d === 0) {
            failure = DIVISION_BY_ZERO;
            break loop;
          }
          sp--;
          s[sp] = (s[sp] / d) | 0;
          pc++;
          break;
        }
        case 17: { // MOD
          const d = s[sp];
          if (d <= 0) {
            failure = d === 0 ? DIVISION_BY_ZERO : { code: 'modNotPositive', params: { divisor: d } };
            break loop;
          }
          sp--;
          const r = s[sp] % d;
          s[sp] = r < 0 ? r + d : r;
          pc++;
          break;
        }
        case 18: // NEG
          s[sp] = -s[sp] | 0;
          pc++;
          break;
        case 19: { // ABS
          const v = s[sp];
          s[sp] = v < 0 ? -v | 0 : v;
          pc++;
          break;
        }
        case 20: // SQR
          s[sp] = Math.imul(s[sp], s[sp]);
          pc++;
          break;
        case 21: // ODD
          s[sp] = s[sp] & 1;
          pc++;
          break;
        case 22: // EQ
          sp--;
          s[sp] = s[sp] === s[sp + 1] ? 1 : 0;
          pc++;
          break;
        case 23: // NE
          sp--;
          s[sp] = s[sp] !== s[sp + 1] ? 1 : 0;
          pc++;
          break;
        case 24: // LT
          sp--;
          s[sp] = s[sp] < s[sp + 1] ? 1 : 0;
          pc++;
          break;
        case 25: // LE
          sp--;
          s[sp] = s[sp] <= s[sp + 1] ? 1 : 0;
          pc++;
          break;
        case 26: // GT
          sp--;
          s[sp] = s[sp] > s[sp + 1] ? 1 : 0;
          pc++;
          break;
        case 27: // GE
          sp--;
          s[sp] = s[sp] >= s[sp + 1] ? 1 : 0;
          pc++;
          break;
        case 28: // AND
          sp--;
          s[sp] = s[sp] & s[sp + 1];
          pc++;
          break;
        case 29: // OR
          sp--;
          s[sp] = s[sp] | s[sp + 1];
          pc++;
          break;
        case 30: // NOT
          s[sp] = s[sp] ^ 1;
          pc++;
          break;
        case 31: // JMP
          if (sp >>> 0 >= size) {
            failure = stackFault(sp);
            break loop;
          }
          pc = code[i + 1];
          break;
        case 32: // JPF
          if (sp >>> 0 >= size) {
            failure = stackFault(sp);
            break loop;
          }
          pc = s[sp--] === 0 ? code[i + 1] : pc + 1;
          break;
        case 33: { // CAL
          let b = bp;
          for (let l = code[i + 1]; l > 0; l--) {
            if (b >>> 0 >= size) {
              failure = outsideTheStack(b, size);
              break loop;
            }
            b = s[b];
          }
          if ((sp + 3) >>> 0 >= size) {
            failure = stackFault(sp + 3);
            break loop;
          }
          s[sp + 1] = b;
          s[sp + 2] = bp;
          s[sp + 3] = pc + 1;
          bp = sp + 1;
          sp += 3;
          pc = code[i + 2];
          break;
        }
        case 34: { // ENT
          const n = code[i + 1];
          if (sp + n + code[i + 2] >= s.length) {
            failure = { code: 'stackOverflow' };
            break loop;
          }
          for (let k = 0; k < n; k++) s[++sp] = 0;
          pc++;
          break;
        }
        case 35: // RET
          if ((bp + 1) >>> 0 >= size - 1) {
            failure = outsideTheStack(bp + 1 < 0 ? bp + 1 : bp + 2, size);
            break loop;
          }
          if (sp >>> 0 >= size || (bp - 1 - code[i + 1]) >>> 0 >= size) {
            failure = stackFault(sp >>> 0 >= size ? sp : bp - 1 - code[i + 1]);
            break loop;
          }
          sp = bp - 1 - code[i + 1];
          pc = s[bp + 2];
          bp = s[bp + 1];
          break;
        case 36: { // CSE
          if (sp >>> 0 >= size) {
            failure = stackFault(sp);
            break loop;
          }
          const v = s[sp];
          if (v >= code[i + 1] && v <= code[i + 2]) {
            sp--;
            pc = code[i + 3];
          } else pc++;
          break;
        }
        case 37: // CSF
          failure = sp >>> 0 >= size ? stackFault(sp) : { code: 'noMatchingCase', params: { value: s[sp]! } };
          break loop;
        case 38: // WRI
        case 39: // WRC
        case 40: // WRB
        case 41: { // WRS
          const op = code[i];
          const lowest = op === Op.WRS ? sp : sp - 1;
          if (lowest < 0 || sp >= size) {
            failure = stackFault(lowest < 0 ? lowest : sp);
            break loop;
          }
          const width = s[sp]!;
          if (width > MAX_FIELD_WIDTH) {
            failure = { code: 'fieldWidthTooLarge', params: { width, limit: MAX_FIELD_WIDTH } };
            break loop;
          }
          if (op === 41) {
            this.write(padString(this.program.strings[code[i + 1]] ?? '', width));
            sp--;
          } else {
            const value = s[sp - 1]!;
            this.write(
              op === Op.WRI
                ? pad(String(value), width, false)
                : op === Op.WRC
                  ? pad(String.fromCharCode(value & 0xffff), width, true)
                  : pad(value !== 0 ? 'true' : 'false', width, true),
            );
            sp -= 2;
          }
          pc++;
          break;
        }
        case 42: // WLN
          this.write('\n');
          pc++;
          break;
        case 43: { // RDI
          if (sp >>> 0 >= size) {
            failure = stackFault(sp);
            break loop;
          }
          if (s[sp] >>> 0 >= size) {
            failure = outsideTheStack(s[sp], size);
            break loop;
          }
          const r = this.readInteger();
          if (typeof r !== 'number') {
            failure = r;
            break loop;
          }
          s[s[sp]] = r;
          sp--;
          pc++;
          break;
        }
        case 44: { // RDC
          if (sp >>> 0 >= size) {
            failure = stackFault(sp);
            break loop;
          }
          if (s[sp] >>> 0 >= size) {
            failure = outsideTheStack(s[sp], size);
            break loop;
          }
          const c = this.readChar();
          if (typeof c !== 'number') {
            failure = c;
            break loop;
          }
          s[s[sp]] = c;
          sp--;
          pc++;
          break;
        }
        case 45: // RLN
          this.skipLine();
          pc++;
          break;
        case 46: // EOF
        case 47: // EOL
          if ((sp + 1) >>> 0 >= size) {
            failure = stackFault(sp + 1);
            break loop;
          }
          s[++sp] = code[i] === Op.EOF ? this.atEndOfInput() : this.atEndOfLine();
          pc++;
          break;
        case 0: // HLT
          if (sp >>> 0 >= size) {
            failure = stackFault(sp);
            break loop;
          }
          left--;
          this.pc = pc;
          this.bp = bp;
          this.sp = sp;
          this.steps += budget - left;
          this.status = 'halted';
          return 'halted';
        default:
          failure = pc < 0 || pc >= limit ? { code: 'pcOutOfRange' } : { code: 'invalidInstruction', params: { opcode: code[i]! } };
          break loop;
      }
      left--;
    }
    this.steps += budget - left;
    if (failure !== null) {
      this.fail(failure, pc, bp, sp);
      return 'error';
    }
    this.pc = pc;
    this.bp = bp;
    this.sp = sp;
    return 'budget';
  }

  /** Reads an integer for RDI; returns the runtime error if there is none. */
  private readInteger(): number | RuntimeErrorMessage {
    const text = this.input;
    let p = this.inputPosition;
    while (p < text.length && (text[p] === ' ' || text[p] === '\n' || text[p] === '\t')) p++;
    if (p >= text.length) {
      this.inputPosition = p;
      return READ_PAST_END;
    }
    const start = p;
    if (text[p] === '+' || text[p] === '-') p++;
    const digitsStart = p;
    while (p < text.length && text.charCodeAt(p) >= 48 && text.charCodeAt(p) <= 57) p++;
    if (p === digitsStart) {
      this.inputPosition = start;
      return { code: 'invalidInteger', params: { character: text.slice(start, start + 1) } };
    }
    this.inputPosition = p;
    return Number(text.slice(start, p)) | 0;
  }
}

/** Number of \n in text[from, to). */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Line breaks become \n. As in Free Pascal, no final line break is implied: after the last character, eof is true. */
function normaliseInput(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Right-align in a field of `width` (Free Pascal ISO mode: strings and booleans are cut to the width). */
function pad(text: string, width: number, cut: boolean): string {
  if (text.length >= width) return cut && width >= 0 && text.length > width ? text.slice(0, width) : text;
  return ' '.repeat(width - text.length) + text;
}

/**
 * WRS: `pad` for a string, counting characters (code points) as a reader sees them: '😀':3 is two
 * spaces and the emoji. (Free Pascal counts the bytes of the UTF-8 text and may cut a character
 * in half; a field width here never splits one.)
 */
function padString(text: string, width: number): string {
  let length = text.length;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff && k + 1 < text.length) {
      const next = text.charCodeAt(k + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        k++;
      }
    }
  }
  if (length === text.length) return pad(text, width, true);
  if (length >= width) return width >= 0 && length > width ? Array.from(text).slice(0, width).join('') : text;
  return ' '.repeat(width - length) + text;
}

