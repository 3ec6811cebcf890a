// What NetworkManager's ifcfg-rh reader (shvar.c) cannot read in a value, in both editions.

import { wordings, type MessageOf } from '../book/localized-text.ts';

export const shvarErrorWordings = {
  textAfterSemicolon: wordings(
    () => 'only whitespace or a #comment may follow ";"',
    () => '“;”之后只能是空白或 #注释',
  ),
  textAfterSpace: wordings(
    () => 'an unquoted space ends the value, but more text follows it',
    () => '没加引号的空格结束了这个值，但后面还有文字',
  ),
  trailingBackslash: wordings(
    () => 'a backslash at the end of the line (line continuation is not supported)',
    () => '行尾有一个反斜杠（不支持续行）',
  ),
  unterminatedSingleQuote: wordings(() => 'unterminated single quote', () => '单引号没有闭合'),
  unterminatedDoubleQuote: wordings(() => 'unterminated double quote', () => '双引号没有闭合'),
  unterminatedAnsiCQuote: wordings(() => "unterminated $'…' quote", () => "$'…' 引号没有闭合"),
  expansionInDoubleQuotes: wordings(
    (p: { char: string }) => `"${p.char}" inside double quotes (NetworkManager does not expand variables or commands)`,
    (p) => `双引号里有“${p.char}”（NetworkManager 不展开变量，也不执行命令）`,
  ),
  metacharacter: wordings(
    (p: { char: string }) => `unquoted "${p.char}" (a shell metacharacter)`,
    (p) => `没加引号的“${p.char}”（shell 元字符）`,
  ),
};

/** Why NetworkManager cannot read a value. */
export type ShvarError = MessageOf<typeof shvarErrorWordings>;
