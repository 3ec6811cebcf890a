/**
 * A problem set in GIFT, Moodle's text format for questions (docs.moodle.org, "GIFT format"): one
 * category per exercise, one question per seed, numeric answers as {#n:0}, choices as {=… ~…},
 * list and set answers as short answers with every accepted spelling; the worked solution is the
 * general feedback (####). The text is HTML ([html]) with ~ = # { } : and \ escaped and every line
 * break written as \n, so no text of a problem can end its question or open another.
 */
import { acceptedAnswers } from './lms-accepted-answers.ts';
import { problemHtml } from './xml-text.ts';
import { problemsByExercise } from './problems-by-exercise.ts';
import { questionName } from './problem-set-export.ts';
import type { Problem } from './exercise.ts';

/** GIFT's reserved characters escaped, line breaks as \n. */
export function giftText(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

function answerBlock(p: Problem): string {
  const feedback = `####${giftText(`<pre>${p.explanation.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</pre>`)}`;
  switch (p.answerKind) {
    case 'number':
      return `{#${p.answer}:0${feedback}}`;
    case 'choice':
      return `{${(p.choices ?? []).map((c) => `${c.key === p.answer ? '=' : '~'}${giftText(`${c.key}. ${c.label}`)}`).join(' ')}${feedback}}`;
    default:
      return `{${acceptedAnswers(p).map((a) => `=${giftText(a)}`).join(' ')}${feedback}}`;
  }
}

export function problemSetToGift(problems: readonly Problem[], options: { category: string }): string {
  const out: string[] = [];
  for (const group of problemsByExercise(problems).values()) {
    out.push(`$CATEGORY: $course$/top/${options.category.replace(/[/\n]/g, ' ')}/${group[0]!.title.replace(/[/\n]/g, ' ')}`, '');
    for (const p of group) {
    out.push(`// [id:${p.exercise}-s${p.seed}-v${p.version}] [tag:${p.exercise}] [tag:seed-${p.seed}] [tag:version-${p.version}]`);
    const text = problemHtml(`${p.prompt}\n${p.answerFormat}`, p.figure, p.answerKind === 'choice' ? undefined : p.choices);
    out.push(`::${giftText(questionName(p))}::[html]${giftText(text)}${answerBlock(p)}`, '');
    }
  }
  return out.join('\n');
}
