/**
 * What the assembler says about P-code text it cannot read, worded for each edition of the book.
 * Parameters are data: directives, mnemonics, labels, operands and numbers as written.
 */
import { wordMessage, wordings } from '../book/localized-text.ts';
import type { BookLocale, MessageOf } from '../book/localized-text.ts';

/** What an operand stands for, in each edition (the kinds that have limits). */
const operandKindWords = {
  level: ['level', '层次差'],
  offset: ['offset', '偏移量'],
  count: ['word count', '字数'],
  depth: ['stack depth', '栈深度'],
  target: ['target', '跳转目标'],
  string: ['string number', '字符串编号'],
} as const;
type LimitedOperandKind = keyof typeof operandKindWords;

export const assemblyErrorWordings = {
  stringDirective: wordings(
    (p: { found: string }) => `.string needs a string in double quotes, found ${p.found || 'nothing'}`,
    (p) => (p.found ? `.string 需要一个带双引号的字符串，却遇到了 ${p.found}` : '.string 需要一个带双引号的字符串，这里却什么也没有'),
  ),
  unknownDirective: wordings((p: { directive: string }) => `unknown directive .${p.directive}`, (p) => `未知的伪指令 .${p.directive}`),
  addressMismatch: wordings(
    (p: { address: string; number: number }) => `address ${p.address} does not match the instruction's number ${p.number}`,
    (p) => `地址 ${p.address} 与这条指令的编号 ${p.number} 不符`,
  ),
  labelTwice: wordings((p: { label: string }) => `label ${p.label} is defined twice`, (p) => `标号 ${p.label} 定义了两次`),
  expectedInstruction: wordings(
    (p: { found: string }) => `expected an instruction, found ${p.found}`,
    (p) => `这里应为一条指令，却遇到了 ${p.found}`,
  ),
  unknownInstruction: wordings((p: { name: string }) => `unknown instruction ${p.name}`, (p) => `未知的指令 ${p.name}`),
  operandCount: wordings(
    (p: { name: string; expected: number; found: number }) =>
      `${p.name} takes ${p.expected} operand${p.expected === 1 ? '' : 's'}, found ${p.found}`,
    (p) => `${p.name} 需要 ${p.expected} 个操作数，这里有 ${p.found} 个`,
  ),
  operandTooLarge: wordings((p: { operand: string }) => `${p.operand} does not fit in 32 bits`, (p) => `${p.operand} 超出了 32 位`),
  undefinedLabel: wordings((p: { label: string }) => `undefined label ${p.label}`, (p) => `未定义的标号 ${p.label}`),
  badOperand: wordings(
    (p: { operand: string }) => `bad operand ${p.operand || '(empty)'}`,
    (p) => (p.operand ? `无效的操作数 ${p.operand}` : '操作数是空的'),
  ),
  undefinedString: wordings(
    (p: { index: number; count: number }) => `string ${p.index} is not defined (${p.count} .string lines)`,
    (p) => `字符串 ${p.index} 没有定义（共有 ${p.count} 行 .string）`,
  ),
  targetOutside: wordings(
    (p: { target: number; last: number }) => `target ${p.target} is outside the program (0..${p.last})`,
    (p) => `目标 ${p.target} 在程序之外（0..${p.last}）`,
  ),
  operandOutOfRange: wordings(
    (p: { name: string; kind: LimitedOperandKind; value: number; min: number; max: number }) =>
      `${p.name}: ${p.kind === 'target' || p.kind === 'string' ? '' : `${operandKindWords[p.kind][0]} `}${p.value} is out of range (${p.kind === 'target' ? 'instructions' : p.kind === 'string' ? 'strings' : 'allowed'} ${p.min}..${p.max})`,
    (p) => `${p.name}：${operandKindWords[p.kind][1]} ${p.value} 超出了范围（${p.kind === 'target' ? '指令编号 ' : p.kind === 'string' ? '字符串编号 ' : '允许 '}${p.min}..${p.max}）`,
  ),
  indexRangeTooLarge: wordings(
    (p: { low: number; high: number; size: number; max: number }) =>
      `IXA ${p.low}, ${p.high}, ${p.size}: the index range must not be empty and (high − low + 1) × size must be at most ${p.max} words`,
    (p) => `IXA ${p.low}, ${p.high}, ${p.size}：下标范围不能为空，且（上界 − 下界 + 1）× 元素字数不能超过 ${p.max} 个字`,
  ),
  noInstructions: wordings(() => 'the program has no instructions', () => '程序里没有指令'),
  entryOutside: wordings((p: { entry: number }) => `entry ${p.entry} is outside the program`, (p) => `入口 ${p.entry} 在程序之外`),
};

/** An assembly error's code and parameters (see `assemblyErrorWordings`). */
export type AssemblyErrorMessage = MessageOf<typeof assemblyErrorWordings>;

/** What is wrong with a line of assembly text, in the words of a locale of the book. */
export function wordAssemblyError(error: AssemblyErrorMessage, locale: BookLocale | string = 'en'): string {
  return wordMessage(assemblyErrorWordings, error, locale);
}
