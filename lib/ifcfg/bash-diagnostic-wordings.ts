// What the bash model says about a line, in both editions. Where bash itself prints the message
// ("Bridge: command not found"), the English wording is bash's own output and the Chinese wording
// quotes that output verbatim (“…”), followed by what it means.

import { wordMessage, wordings, type MessageOf } from '../book/localized-text.ts';

export const bashDiagnosticWordings = {
  commandNotFound: wordings(
    (p: { word: string }) => `${p.word}: command not found`,
    (p) => `“${p.word}: command not found”（bash 把 ${p.word} 当成命令来运行，但没有这个命令）`,
  ),
  executes: wordings(
    (p: { command: string }) => `bash would execute "${p.command}" every time it reads the file`,
    (p) => `bash 每次读取这个文件都会执行“${p.command}”`,
  ),
  notAnIdentifier: wordings(
    (p: { command: string; name: string }) => `${p.command}: \`${p.name}': not a valid identifier`,
    (p) => `“${p.command}: \`${p.name}': not a valid identifier”（${p.name} 不是合法的变量名）`,
  ),
  unexpectedToken: wordings(
    (p: { token: string }) => `syntax error near unexpected token \`${p.token}'`,
    (p) => `“syntax error near unexpected token \`${p.token}'”（语法错误：这里不该出现“${p.token}”）`,
  ),
  arrayNotClosed: wordings(
    () => "syntax error: unexpected end of file (array without ')')",
    () => "“syntax error: unexpected end of file”（语法错误：数组缺少“)”，文件就结束了）",
  ),
  subshellNotClosed: wordings(
    () => "syntax error: unexpected end of file (missing `)')",
    () => "“syntax error: unexpected end of file”（语法错误：缺少“)”，文件就结束了）",
  ),
  unmatchedQuote: wordings(
    (p: { quote: string }) => `unexpected EOF while looking for matching \`${p.quote}'`,
    (p) => `“unexpected EOF while looking for matching \`${p.quote}'”（直到文件结束都没找到与之配对的“${p.quote}”）`,
  ),
  redirection: wordings(
    (p: { op: string }) => `unquoted "${p.op}" is a redirection: bash creates or reads a file here`,
    (p) => `没加引号的“${p.op}”是重定向：bash 会在这里创建或读取一个文件`,
  ),
  subshellParenthesis: wordings(
    () => 'unquoted "(" starts a subshell: assignments inside it are lost',
    () => '没加引号的“(”开启了一个子 shell：里面的赋值都会丢失',
  ),
  pipeline: wordings(
    (p: { op: string }) => `unquoted "${p.op}" runs the command before it in a subshell (a pipeline): its assignments are lost`,
    (p) => `没加引号的“${p.op}”让它前面的命令在子 shell 中运行（管道）：其中的赋值都会丢失`,
  ),
  background: wordings(
    (p: { op: string }) => `unquoted "${p.op}" runs the command before it in a subshell (the background): its assignments are lost`,
    (p) => `没加引号的“${p.op}”让它前面的命令在子 shell 中运行（后台）：其中的赋值都会丢失`,
  ),
};

/** What bash prints about a line, or what the model explains about it. */
export type BashDiagnosticMessage = MessageOf<typeof bashDiagnosticWordings>;

/** What bash itself prints for a diagnostic (bash speaks English in either edition of the book). */
export function bashPrints(message: BashDiagnosticMessage): string {
  return wordMessage(bashDiagnosticWordings, message, 'en');
}

/** Why bash does not keep a variable after sourcing the file. */
export const bashNotAppliedWordings = {
  inSubshell: wordings(
    () => 'it runs in a subshell (a pipeline, "&" or parentheses), so the variable is lost',
    () => '它在子 shell 中运行（管道、“&”或括号），变量因此丢失',
  ),
  beforeDeclaringCommand: wordings(
    (p: { command: string }) => `it only applies to the "${p.command}" command on the same line`,
    (p) => `它只对同一行的“${p.command}”命令生效`,
  ),
  beforeCommand: wordings(
    (p: { word: string }) => `the word "${p.word}" after it makes bash run a command, and the assignment only applies to that command`,
    (p) => `它后面的“${p.word}”让 bash 运行一条命令，这个赋值只对那条命令生效`,
  ),
};

export type BashNotApplied = MessageOf<typeof bashNotAppliedWordings>;
