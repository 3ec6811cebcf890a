/** A problem set (problems for a list of seeds) as Markdown for handing out, and as CSV for a gradebook. */
import type { Problem } from './exercise.ts';

const fence = (text: string) => {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}text\n${text}\n${ticks}`;
};

/** Markdown: one section per problem; with `answers`, the key and the worked solution follow each. */
export function problemSetToMarkdown(problems: readonly Problem[], options: { title: string; answers: boolean }): string {
  const out = [`# ${options.title}`, ''];
  for (const p of problems) {
    out.push(`## ${p.title} (exercise ${p.exercise}, seed ${p.seed}, version ${p.version})`, '', p.prompt, '');
    if (p.figure) out.push(fence(p.figure), '');
    if (p.choices) out.push(...p.choices.map((c) => `- **${c.key}**: ${c.label}`), '');
    out.push(`Answer format: ${p.answerFormat}.`, '');
    if (options.answers) out.push(`**Answer:** ${p.answer}`, '', fence(p.explanation), '');
  }
  return out.join('\n');
}

function csvField(value: string | number): string {
  let text = String(value);
  // A leading =, +, - or @ would be read as a formula by a spreadsheet.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV: exercise, seed, version, chapter, question, answer. */
export function problemSetToCsv(problems: readonly Problem[]): string {
  const rows = [['exercise', 'seed', 'version', 'chapter', 'question', 'answer']];
  for (const p of problems) rows.push([p.exercise, String(p.seed), String(p.version), p.chapter, p.prompt, p.answer]);
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
