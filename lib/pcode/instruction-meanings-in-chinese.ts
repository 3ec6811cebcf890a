/**
 * What each instruction does, in 简体中文 (the English is `meaning` in instructions.ts). Code inside a
 * meaning is marked with backticks, so a table can set it in code type. The type makes every
 * instruction need one.
 */
import { Op, type OpName } from './instructions.ts';

export const instructionMeaningsInChinese: Readonly<Record<OpName, string>> = {
  HLT: '停机：程序结束',
  LIT: '压入常数 `value`',
  LOD: '压入 `base(level) + offset` 处的字',
  STO: '弹出一个字，存到 `base(level) + offset` 处',
  LDA: '压入地址 `base(level) + offset`',
  LDI: '把栈顶的地址替换为该地址处存放的字',
  STI: '先弹出一个值，再弹出一个地址，把值存到该地址',
  INC: '给栈顶的字加上常数（字段偏移、`succ`、`pred`）',
  IXA: '弹出下标 `i` 和地址 `a`；检查 `low ≤ i ≤ high`；压入 `a + (i − low) × count`',
  LDM: '弹出一个地址，压入从该地址开始存放的 `count` 个字（复制记录或数组）',
  MOV: '先弹出源地址，再弹出目标地址，复制 `count` 个字',
  DUP: '复制栈顶的字',
  POP: '丢弃栈顶的字',
  ADD: '弹出 `b`，弹出 `a`，压入 `a + b`',
  SUB: '弹出 `b`，弹出 `a`，压入 `a − b`',
  MUL: '弹出 `b`，弹出 `a`，压入 `a × b`',
  DIV: '弹出 `b`，弹出 `a`，压入 `a div b`（截断）；`b = 0` 时出错',
  MOD: '弹出 `b`，弹出 `a`，压入 `a mod b`（0 ≤ 结果 < b）；`b ≤ 0` 时出错',
  NEG: '把栈顶的字取反（变号）',
  ABS: '把栈顶的字替换为它的绝对值',
  SQR: '把栈顶的字替换为它的平方',
  ODD: '栈顶的字为奇数时替换为 1，否则替换为 0',
  EQ: '弹出 `b`，弹出 `a`，`a = b` 时压入 1，否则压入 0',
  NE: '弹出 `b`，弹出 `a`，`a ≠ b` 时压入 1，否则压入 0',
  LT: '弹出 `b`，弹出 `a`，`a < b` 时压入 1，否则压入 0',
  LE: '弹出 `b`，弹出 `a`，`a ≤ b` 时压入 1，否则压入 0',
  GT: '弹出 `b`，弹出 `a`，`a > b` 时压入 1，否则压入 0',
  GE: '弹出 `b`，弹出 `a`，`a ≥ b` 时压入 1，否则压入 0',
  AND: '弹出 `b`，弹出 `a`，压入 `a and b`（布尔值）',
  OR: '弹出 `b`，弹出 `a`，压入 `a or b`（布尔值）',
  NOT: '把栈顶的布尔值取反',
  JMP: '跳转到 `target`',
  JPF: '弹出一个布尔值；为假时跳转到 `target`',
  CAL: '压入块标记（`SL = base(level)`，`DL = BP`，`RA` = 下一条指令），把 `BP` 指向它，跳转到 `target`',
  ENT: '进入例程：为局部变量压入 `count` 个清零的字；若 `count + depth` 个字放不下则栈溢出',
  RET: '返回：丢掉本帧及其 `count` 个参数字，恢复 `BP`，跳转到 `RA`',
  CSE: '`case` 标号：若 `low` ≤ 栈顶 ≤ `high`，弹出它并跳转到 `target`',
  CSF: '栈顶的值没有匹配任何 `case` 标号：运行时错误',
  WRI: '弹出宽度，弹出一个整数，在该宽度内右对齐输出',
  WRC: '弹出宽度，弹出一个字符，在该宽度内右对齐输出',
  WRB: '弹出宽度，弹出一个布尔值，在该宽度内右对齐输出 `true`/`false`（过长则截断）',
  WRS: '弹出宽度，在该宽度内右对齐输出字符串字面量（过长则截断到该宽度）',
  WLN: '输出一个换行',
  RDI: '弹出一个地址；从输入读一个整数存入该地址',
  RDC: '弹出一个地址；从输入读一个字符存入该地址（换行读作空格）',
  RLN: '跳过输入，直到并包括下一个换行',
  EOF: '输入已读完时压入 1，否则压入 0',
  EOL: '输入位于换行处（或已读完）时压入 1，否则压入 0',
};

export function isOpName(name: string): name is OpName {
  return Object.hasOwn(Op, name);
}
