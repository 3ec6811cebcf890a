// What the progress engine says about a progress file it cannot take, in both editions.
import { wordings, type MessageOf } from '../book/localized-text.ts';

/** What an entry of a progress file should have been. */
export type ExpectedEntry = 'object' | 'text' | 'seeds' | 'date';
const expectedEnglish: Record<ExpectedEntry, string> = { object: 'an object', text: 'text', seeds: 'a list of whole-number seeds', date: 'a date' };
const expectedChinese: Record<ExpectedEntry, string> = { object: '对象', text: '文本', seeds: '由正整数种子组成的列表', date: '日期' };

export const progressProblemWordings = {
  notJson: wordings(
    (p: { line: number; column: number }) => `line ${p.line}, column ${p.column}: this is not JSON (a progress file is the JSON that “Export” writes)`,
    (p) => `第 ${p.line} 行第 ${p.column} 列：这不是 JSON（进度文件是“导出”写出的 JSON 文件）`,
  ),
  notProgress: wordings(
    () => 'this JSON is not a progress file of this book (its "format" is not "hands-on-virtualization/progress")',
    () => '这个 JSON 不是本书的进度文件（它的 "format" 不是 "hands-on-virtualization/progress"）',
  ),
  newerVersion: wordings(
    (p: { version: number }) => `this progress file is version ${p.version}, written by a newer edition of the book; this one reads version 1`,
    (p) => `这个进度文件是第 ${p.version} 版，由更新的版本写出；这一版只能读取第 1 版`,
  ),
  badEntry: wordings(
    (p: { key: string; expected: ExpectedEntry }) => `key "${p.key}": expected ${expectedEnglish[p.expected]}`,
    (p) => `键 "${p.key}"：应为${expectedChinese[p.expected]}`,
  ),
};
export type ProgressProblem = MessageOf<typeof progressProblemWordings>;
