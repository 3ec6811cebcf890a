/** A problem set (problems for a list of seeds) as Markdown for handing out, and as CSV for a gradebook, in either edition. */
import { wordMessage, wordings } from '../book/localized-text.ts';
import type { BookLocale, MessageOf } from '../book/localized-text.ts';
import type { Problem } from './exercise.ts';

/** The words of the export around the problems (the problems carry their own edition's text). */
export const problemSetExportWordings = {
  heading: wordings(
    (p: { title: string; exercise: string; seed: number; version: number }) => `${p.title} (exercise ${p.exercise}, seed ${p.seed}, version ${p.version})`,
    (p) => `${p.title}（练习 ${p.exercise}，种子 ${p.seed}，版本 ${p.version}）`,
  ),
  answerFormat: wordings((p: { format: string }) => `Answer format: ${p.format}.`, (p) => `答案格式：${p.format}。`),
  answer: wordings((p: { answer: string }) => `**Answer:** ${p.answer}`, (p) => `**答案：** ${p.answer}`),
  csvHeader: wordings(() => 'exercise,seed,version,chapter,question,figure,choices,answer', () => '练习,种子,版本,章,题目,附图,选项,答案'),
  problemSet: wordings(() => 'Problem set', () => '练习题'),
  questionName: wordings((p: { title: string; seed: number }) => `${p.title} (seed ${p.seed})`, (p) => `${p.title}（种子 ${p.seed}）`),
  seedRange: wordings(
    (p: { title: string; from: number; to: number }) => `${p.title}: seeds ${p.from} to ${p.to}`,
    (p) => `${p.title}：种子 ${p.from} 到 ${p.to}`,
  ),
};

type ExportMessage = MessageOf<typeof problemSetExportWordings>;

const fence = (text: string) => {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}text\n${text}\n${ticks}`;
};

/** The edition of a set: the option, or the first problem's. */
const localeOf = (problems: readonly Problem[], locale?: BookLocale): BookLocale => locale ?? problems[0]?.locale ?? 'en';

/** Markdown: one section per problem; with `answers`, the key and the worked solution follow each. */
export function problemSetToMarkdown(
  problems: readonly Problem[],
  options: { title: string; answers: boolean; locale?: BookLocale },
): string {
  const locale = localeOf(problems, options.locale);
  const w = (message: ExportMessage) => wordMessage(problemSetExportWordings, message, locale);
  const out = [`# ${options.title}`, ''];
  for (const p of problems) {
    out.push(`## ${w({ code: 'heading', params: { title: p.title, exercise: p.exercise, seed: p.seed, version: p.version } })}`, '', p.prompt, '');
    if (p.figure) out.push(fence(p.figure), '');
    if (p.choices) out.push(...p.choices.map((c) => `- **${c.key}**: ${c.label}`), '');
    out.push(w({ code: 'answerFormat', params: { format: p.answerFormat } }), '');
    if (options.answers) out.push(w({ code: 'answer', params: { answer: p.answer } }), '', fence(p.explanation), '');
  }
  return out.join('\n');
}

function csvField(value: string | number): string {
  let text = String(value);
  // A leading =, +, - or @ would be read as a formula by a spreadsheet.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV: exercise, seed, version, chapter, question, figure (a program, files), choices, answer (headers in the set's edition). */
export function problemSetToCsv(problems: readonly Problem[], options: { locale?: BookLocale } = {}): string {
  const header = wordMessage(problemSetExportWordings, { code: 'csvHeader' }, localeOf(problems, options.locale)).split(',');
  const rows = [header];
  for (const p of problems) {
    const choices = (p.choices ?? []).map((c) => `${c.key}) ${c.label}`).join('\n');
    rows.push([p.exercise, String(p.seed), String(p.version), p.chapter, p.prompt, p.figure ?? '', choices, p.answer]);
  }
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A question's name in an LMS: its title and seed, in the problem's edition. */
export function questionName(p: Problem): string {
  return wordMessage(problemSetExportWordings, { code: 'questionName', params: { title: p.title, seed: p.seed } }, p.locale ?? 'en');
}
