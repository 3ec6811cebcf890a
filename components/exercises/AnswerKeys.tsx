/**
 * The instructors' answer keys: for any exercise, the answers for seeds A..B, each with the link
 * to hand to students, and the problem set as Markdown or CSV to download. No server involved:
 * the keys are generated in the browser by the same engines as the chapters' widgets.
 */
import { useMemo, useState } from 'react';
import {
  EXERCISES, EXERCISE_CHAPTERS, currentVersion, exerciseById, exerciseLinkQuery, generateProblem, problemSetExportWordings, problemSetToCsv,
  problemSetToGift, problemSetToMarkdown, problemSetToMoodleXml, problemSetToQtiPackage,
} from '../../lib/exercises/index.ts';
import type { Problem } from '../../lib/exercises/index.ts';
import { textIn, wordMessage } from '../../lib/book/localized-text.ts';
import { pickMessages, type BookLocale } from '../book/locale.ts';
import { exerciseCatalogues } from './messages.ts';
import './exercises.css';
import { download } from '../book/download.ts';

const MAX_SEEDS = 200;

export interface AnswerKeysProps {
  /** Site path of each chapter in the page's edition (e.g. "/p-code/" or "/zh-cn/p-code/"), by exercise chapter slug. */
  chapterPaths: Record<string, string>;
  /** The edition the page is in: the problems, the table and the exports follow it. */
  locale?: BookLocale;
}

const wholeNumber = (text: string) => (/^\d{1,6}$/.test(text) ? Number(text) : NaN);

export default function AnswerKeys({ chapterPaths, locale = 'en' }: AnswerKeysProps) {
  const t = pickMessages(exerciseCatalogues, locale);
  const [exerciseId, setExerciseId] = useState(EXERCISES[0]!.id);
  const [fromText, setFromText] = useState('1');
  const [toText, setToText] = useState('10');
  const [withSolutions, setWithSolutions] = useState(true);
  const from = wholeNumber(fromText);
  const to = wholeNumber(toText);
  const valid = from >= 1 && to >= from && to - from < MAX_SEEDS;

  const problems = useMemo(() => {
    if (!valid) return [];
    const list: Problem[] = [];
    for (let seed = from; seed <= to; seed++) {
      const r = generateProblem(exerciseId, seed, undefined, locale);
      if (r.ok) list.push(r.problem);
    }
    return list;
  }, [exerciseId, from, to, valid, locale]);

  const exercise = exerciseById(exerciseId)!;
  const title = textIn(exercise.wording.title, locale);
  const markdownTitle = wordMessage(problemSetExportWordings, { code: 'seedRange', params: { title, from, to } }, locale);
  const base = `${exercise.id}-seeds-${from}-${to}`;

  return (
    <div className="hov-ex hov-ex-keys not-content" data-testid="answer-keys">
      <div className="hov-ex-controls">
        <label>
          <span>{t.exerciseLabel}</span>
          <select value={exerciseId} onChange={(e) => setExerciseId(e.target.value)} data-testid="keys-exercise">
            {EXERCISE_CHAPTERS.map((chapter, i) => (
              <optgroup key={chapter} label={t.chapterGroup(i + 1)}>
                {EXERCISES.filter((e) => e.chapter === chapter).map((e) => (
                  <option key={e.id} value={e.id}>{t.exerciseOption(textIn(e.wording.title, locale), e.id)}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label>
          <span>{t.fromSeed}</span>
          <input type="text" inputMode="numeric" size={6} value={fromText} onChange={(e) => setFromText(e.target.value)} data-testid="keys-from" />
        </label>
        <label>
          <span>{t.toSeed}</span>
          <input type="text" inputMode="numeric" size={6} value={toText} onChange={(e) => setToText(e.target.value)} data-testid="keys-to" />
        </label>
      </div>
      {!valid && <p className="hov-ex-error" role="alert">{t.tooMany(MAX_SEEDS)} {t.badSeed(999_999)}</p>}
      <div className="hov-ex-buttons" style={{ marginBlock: '0.75rem' }}>
        <label className="hov-ex-choice">
          <input type="checkbox" checked={withSolutions} onChange={(e) => setWithSolutions(e.target.checked)} />
          <span>{t.withSolutions}</span>
        </label>
        <button type="button" disabled={!valid} data-testid="keys-markdown"
          onClick={() => download(`${base}.md`, problemSetToMarkdown(problems, { title: markdownTitle, answers: withSolutions, locale }), 'text/markdown')}>
          {t.downloadMarkdown}
        </button>
        <button type="button" disabled={!valid} data-testid="keys-csv" onClick={() => download(`${base}.csv`, problemSetToCsv(problems, { locale }), 'text/csv')}>
          {t.downloadCsv}
        </button>
      </div>
      <div className="hov-ex-buttons" role="group" aria-label={t.lmsExportLabel} style={{ marginBlock: '0.75rem' }}>
        <button type="button" disabled={!valid} data-testid="keys-qti"
          onClick={() => download(`${base}.qti.zip`, problemSetToQtiPackage(problems, { title: t.lmsCategory }) as Uint8Array<ArrayBuffer>, 'application/zip')}>
          {t.downloadQti}
        </button>
        <button type="button" disabled={!valid} data-testid="keys-moodle"
          onClick={() => download(`${base}.moodle.xml`, problemSetToMoodleXml(problems, { category: t.lmsCategory }), 'application/xml')}>
          {t.downloadMoodle}
        </button>
        <button type="button" disabled={!valid} data-testid="keys-gift"
          onClick={() => download(`${base}.gift.txt`, problemSetToGift(problems, { category: t.lmsCategory }), 'text/plain')}>
          {t.downloadGift}
        </button>
      </div>
      {valid && (
        <div style={{ overflowX: 'auto' }}>
          <table data-testid="keys-table">
            <caption>{t.keyTableCaption(title, from, to)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columnSeed}</th>
                <th scope="col">{t.columnQuestion}</th>
                <th scope="col">{t.columnAnswer}</th>
                <th scope="col">{t.columnLink}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p) => (
                <tr key={p.seed} data-seed={p.seed}>
                  <td>{p.seed}</td>
                  <td>
                    {p.prompt}
                    {p.figure && (
                      <details>
                        <summary>{t.showProblem}</summary>
                        <pre className="hov-ex-figure">{p.figure}</pre>
                      </details>
                    )}
                  </td>
                  <td><code data-testid="keys-answer">{p.answer}</code></td>
                  <td>
                    <a href={`${chapterPaths[p.chapter] ?? '/'}${exerciseLinkQuery({ exercise: p.exercise, seed: p.seed, version: currentVersion(exercise), solutions: false })}#exercises`}>
                      {t.open}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
