/**
 * A problem set in Moodle XML (docs.moodle.org, "Moodle XML format"): a category question per
 * exercise, then one question per seed — numerical with tolerance 0, multichoice with one right
 * answer, or shortanswer with every accepted spelling of a list or set — with the worked solution
 * as general feedback, and exercise, seed and version in the idnumber and tags.
 */
import { acceptedAnswers } from './lms-accepted-answers.ts';
import { problemHtml, xmlText } from './xml-text.ts';
import { problemsByExercise } from './problems-by-exercise.ts';
import { questionName } from './problem-set-export.ts';
import type { Problem } from './exercise.ts';

const text = (s: string) => `<text>${xmlText(s)}</text>`;
const pre = (s: string) => `<pre>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</pre>`;

function answers(p: Problem): string[] {
  switch (p.answerKind) {
    case 'number':
      return [`    <answer fraction="100" format="moodle_auto_format">${text(p.answer)}<tolerance>0</tolerance></answer>`];
    case 'choice':
      return (p.choices ?? []).map((c) => `    <answer fraction="${c.key === p.answer ? 100 : 0}" format="html">${text(`${c.key}. ${c.label}`)}</answer>`);
    default:
      // Moodle's short answers treat * as a wildcard: a literal one is written \*.
      return acceptedAnswers(p).map((a) => `    <answer fraction="100" format="moodle_auto_format">${text(a.replace(/\*/g, '\\*'))}</answer>`);
  }
}

const QUESTION_TYPE = { number: 'numerical', choice: 'multichoice', list: 'shortanswer', set: 'shortanswer', text: 'shortanswer' } as const;

export function problemSetToMoodleXml(problems: readonly Problem[], options: { category: string }): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
  for (const group of problemsByExercise(problems).values()) {
    out.push(
      '  <question type="category">',
      `    <category>${text(`$course$/top/${options.category}/${group[0]!.title}`)}</category>`,
      '  </question>',
    );
    for (const p of group) {
    const type = QUESTION_TYPE[p.answerKind];
    out.push(
      `  <question type="${type}">`,
      `    <name>${text(questionName(p))}</name>`,
      `    <questiontext format="html">${text(problemHtml(`${p.prompt}\n${p.answerFormat}`, p.figure, p.answerKind === 'choice' ? undefined : p.choices))}</questiontext>`,
      `    <generalfeedback format="html">${text(pre(p.explanation))}</generalfeedback>`,
      '    <defaultgrade>1</defaultgrade>',
      `    <idnumber>${xmlText(`${p.exercise}-s${p.seed}-v${p.version}`)}</idnumber>`,
    );
    if (type === 'multichoice') out.push('    <single>true</single>', '    <shuffleanswers>0</shuffleanswers>', '    <answernumbering>none</answernumbering>');
    if (type === 'shortanswer') out.push('    <usecase>0</usecase>');
    out.push(...answers(p));
    out.push(
      `    <tags><tag>${text(p.exercise)}</tag><tag>${text(`seed-${p.seed}`)}</tag><tag>${text(`version-${p.version}`)}</tag></tags>`,
      '  </question>',
    );
    }
  }
  out.push('</quiz>', '');
  return out.join('\n');
}
