/**
 * What the P-machine says when a program fails, and the words of its post-mortem, for each edition
 * of the book. The machine (and the JIT, which reports errors through it) returns a code and its
 * parameters; `wordMessage` words them. Values, addresses, names and P-code stay as they are.
 */
import { wordMessage, wordings } from '../book/localized-text.ts';
import type { BookLocale, MessageOf } from '../book/localized-text.ts';

const routineKindZh = { program: '程序', procedure: '过程', function: '函数', routine: '例程' } as const;

export const runtimeErrorWordings = {
  indexOutOfRange: wordings(
    (p: { index: number; low: number; high: number }) => `index ${p.index} out of range ${p.low}..${p.high}`,
    (p) => `下标 ${p.index} 超出了范围 ${p.low}..${p.high}`,
  ),
  divisionByZero: wordings(() => 'division by zero', () => '除以零'),
  modNotPositive: wordings(
    (p: { divisor: number }) => `mod by ${p.divisor}: the divisor must be positive`,
    (p) => `对 ${p.divisor} 取 mod：除数必须是正数`,
  ),
  stackOverflow: wordings(() => 'stack overflow (recursion too deep?)', () => '栈溢出（递归太深了？）'),
  stackUnderflow: wordings(
    () => 'stack underflow: an instruction popped a word that was never pushed',
    () => '栈下溢：指令弹出了一个从未压入的字',
  ),
  /** `address` is a word address; the stack's words are 0..size-1. */
  addressOutOfRange: wordings(
    (p: { address: number; size: number }) => `memory access at address ${p.address}, outside the stack (0..${p.size - 1})`,
    (p) => `访问地址 ${p.address} 的内存，超出了栈的范围（0..${p.size - 1}）`,
  ),
  noMatchingCase: wordings(
    (p: { value: number }) => `no case label matches the value ${p.value}`,
    (p) => `没有哪个 case 标号与值 ${p.value} 匹配`,
  ),
  readPastEnd: wordings(() => 'read past the end of the input', () => '读到了输入的末尾之后'),
  /** `character` is the one found where a number should start ('\n' for a line break). */
  invalidInteger: wordings(
    (p: { character: string }) => `expected an integer in the input, found ${p.character === '\n' ? 'a line break' : `'${p.character}'`}`,
    (p) => `输入中这里应为一个整数，却遇到了${p.character === '\n' ? '换行' : ` '${p.character}'`}`,
  ),
  invalidInstruction: wordings(
    (p: { opcode: number }) => `invalid instruction (opcode ${p.opcode})`,
    (p) => `无效的指令（操作码 ${p.opcode}）`,
  ),
  fieldWidthTooLarge: wordings(
    (p: { width: number; limit: number }) => `field width ${p.width} is too large (at most ${p.limit})`,
    (p) => `字段宽度 ${p.width} 太大（最多 ${p.limit}）`,
  ),
  pcOutOfRange: wordings(() => 'jump outside the program', () => '跳转到了程序之外'),
};

/** A runtime error's code and parameters (see `runtimeErrorWordings`). */
export type RuntimeErrorMessage = MessageOf<typeof runtimeErrorWordings>;

/** What went wrong at run time, in the words of a locale of the book (no address, no post-mortem). */
export function wordRuntimeError(error: RuntimeErrorMessage, locale: BookLocale | string = 'en'): string {
  return wordMessage(runtimeErrorWordings, error, locale);
}

/** The words around a runtime error's message: where it happened and the call chain. */
export const postMortemWordings = {
  headingWithLine: wordings(
    (p: { pc: number; line: number; message: string }) => `runtime error at P-code address ${p.pc}, source line ${p.line}: ${p.message}`,
    (p) => `运行时错误，位于 P-code 地址 ${p.pc}，源代码第 ${p.line} 行：${p.message}`,
  ),
  heading: wordings(
    (p: { pc: number; message: string }) => `runtime error at P-code address ${p.pc}: ${p.message}`,
    (p) => `运行时错误，位于 P-code 地址 ${p.pc}：${p.message}`,
  ),
  callChain: wordings(() => 'call chain (innermost first):', () => '调用链（最内层在前）：'),
  framesOmitted: wordings((p: { count: number }) => `… ${p.count} more frames …`, (p) => `… 还有 ${p.count} 帧 …`),
  frame: wordings(
    (p: { kind: 'program' | 'procedure' | 'function' | 'routine'; name: string; line: number; bp: number }) =>
      `${p.kind} ${p.name}${p.line > 0 ? ` at line ${p.line}` : ''} (BP=${p.bp})`,
    (p) => `${routineKindZh[p.kind]} ${p.name}${p.line > 0 ? `，第 ${p.line} 行` : ''}（BP=${p.bp}）`,
  ),
  noVariables: wordings(() => '(no variables)', () => '（没有变量）'),
  result: wordings((p: { name: string }) => `${p.name} (result)`, (p) => `${p.name}（结果）`),
  /** How an array value too long to show in full ends: `[1, 2, … 84 more]`. */
  moreElements: wordings((p: { count: number }) => `… ${p.count} more`, (p) => `… 另有 ${p.count} 个`),
};
