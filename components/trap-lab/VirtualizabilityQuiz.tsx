import { useMemo, useState } from 'react';
import { INSTRUCTION_SET, classifyInstruction, gradeClassification } from '../../lib/trap/index.ts';
import type { Classification, Opcode } from '../../lib/trap/index.ts';
import { storedItem } from '../book/lab-storage.ts';
import { pickMessages, type BookLocale } from '../book/locale.ts';
import { usePersistentState } from '../book/usePersistentState.ts';
import { trapLabCatalogues } from './messages.ts';
import './TrapLab.css';
import { recordLabRun } from '../progress/progress-store.ts';

export interface VirtualizabilityQuizProps {
  locale?: BookLocale;
}

const ANSWERS_STORED = storedItem('trap-lab', 'quiz', ['hov.trap-lab.quiz']);
type Answers = Partial<Record<Opcode, Classification>>;

/** The answers a stored text holds (an instruction it does not know is left out); throws on text that is not JSON. */
function readAnswers(text: string): Answers {
  const raw = JSON.parse(text) as Record<string, unknown> | null;
  const answers: Answers = {};
  for (const { op } of INSTRUCTION_SET) {
    const a = raw?.[op] as Record<string, unknown> | undefined;
    if (a && typeof a === 'object') answers[op] = { sensitive: a.sensitive === true, trapsInUserMode: a.trapsInUserMode === true };
  }
  return answers;
}

const ANSWERS_PERSISTENCE = { parse: readAnswers, serialize: (answers: Answers) => JSON.stringify(answers) };

/**
 * "Is this ISA virtualizable?": the reader marks each instruction of the lab's ISA as sensitive
 * and/or trapping in user mode; the quiz grades every answer and states the Popek–Goldberg
 * verdict that follows from the reader's answers and from the truth.
 */
export default function VirtualizabilityQuiz({ locale = 'en' }: VirtualizabilityQuizProps) {
  const m = pickMessages(trapLabCatalogues, locale);
  const [answers, setAnswers, loaded] = usePersistentState<Answers>(ANSWERS_STORED, {}, ANSWERS_PERSISTENCE);
  const [checked, setChecked] = useState(false);

  const grade = useMemo(() => gradeClassification(answers), [answers]);
  const answer = (op: Opcode): Classification => answers[op] ?? { sensitive: false, trapsInUserMode: false };
  const set = (op: Opcode, patch: Partial<Classification>) => {
    setAnswers((old) => ({ ...old, [op]: { ...(old[op] ?? { sensitive: false, trapsInUserMode: false }), ...patch } }));
  };
  const showAnswers = () => {
    const all: Answers = {};
    for (const { op } of INSTRUCTION_SET) all[op] = classifyInstruction(op);
    setAnswers(all);
    setChecked(true);
  };

  return (
    <section className="book-lab hov-trap hov-quiz not-content" aria-label={m.quizLabel} data-ready={loaded ? 'true' : 'false'}>
      <p>{m.quizIntro}</p>
      <div className="hov-trap-table-wrap" tabIndex={0} role="region" aria-label={m.quizLabel}>
        <table className="hov-trap-compare hov-quiz-table" data-testid="quiz-table">
          <thead>
            <tr>
              <th scope="col">{m.quizInstruction}</th>
              <th scope="col">{m.quizSummary}</th>
              <th scope="col">{m.quizSensitive}</th>
              <th scope="col">{m.quizTraps}</th>
              {checked && <th scope="col"><span className="sr-only">✓</span></th>}
            </tr>
          </thead>
          <tbody>
            {INSTRUCTION_SET.map((info) => {
              const a = answer(info.op);
              const mark = grade.marks.find((mk) => mk.op === info.op)!;
              const wrong = [
                mark.sensitiveCorrect ? null : m.quizSensitiveWord,
                mark.trapsCorrect ? null : m.quizTrapsWord,
              ].filter((x): x is string => x !== null);
              return (
                <tr key={info.op} data-op={info.op}>
                  <th scope="row"><code>{info.op}</code></th>
                  <td>{m.opSummary(info.op)}</td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${info.op}: ${m.quizSensitive}`}
                      checked={a.sensitive}
                      onChange={(e) => set(info.op, { sensitive: e.target.checked })}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${info.op}: ${m.quizTraps}`}
                      checked={a.trapsInUserMode}
                      onChange={(e) => set(info.op, { trapsInUserMode: e.target.checked })}
                    />
                  </td>
                  {checked && (
                    <td data-correct={wrong.length === 0 ? 'true' : 'false'}>
                      {wrong.length === 0 ? `✓ ${m.quizRight}` : `✗ ${m.quizWrong(m.listJoin(wrong))}`}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="hov-trap-buttons">
        <button type="button" onClick={() => { recordLabRun('isa-quiz'); setChecked(true); }} data-testid="quiz-check">{m.quizCheck}</button>
        <button type="button" onClick={() => { setAnswers({}); setChecked(false); }}>{m.quizClear}</button>
        <button type="button" onClick={showAnswers}>{m.quizShowAnswers}</button>
      </div>
      {checked && (
        <div role="status" className="hov-trap-verdict" data-tone={grade.correct === grade.total ? 'good' : 'bad'} data-testid="quiz-result">
          <p>{m.quizScore(grade.correct, grade.total)}</p>
          <p>{m.quizReadersVerdict(grade.readersVerdict.virtualizable, grade.readersVerdict.offenders)}</p>
          <p>{m.quizActualVerdict(grade.actualVerdict.virtualizable, grade.actualVerdict.offenders)}</p>
        </div>
      )}
    </section>
  );
}
