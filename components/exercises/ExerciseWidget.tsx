/**
 * The exercises of one chapter: pick an exercise and a seed, answer, check, ask for a hint, and
 * (unless the link says solutions=0) reveal the worked solution. Everything shown is plain text
 * from lib/exercises; the link state only selects among known exercises and whole-number seeds.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import {
  MAX_SEED, checkAnswer, checkFeedbackIn, currentVersion, exerciseLinkQuery, loadChapterExercises, makeProblem, problemErrorWordings, readExerciseLink,
} from '../../lib/exercises/client.ts';
import type { ChapterSlug, CheckResult, ExerciseType, Problem, ProblemResult } from '../../lib/exercises/client.ts';
import { exerciseCatalogues } from './messages.ts';
import { pickMessages, type BookLocale } from '../book/locale.ts';
import { wordMessage } from '../../lib/book/localized-text.ts';
import { recordSolvedExercise } from '../progress/progress-store.ts';
import './exercises.css';

/** What the page knows of an exercise type before its generator has loaded. */
export interface ExerciseSummary {
  id: string;
  /** The title in the page's edition. */
  title: string;
  versions: readonly number[];
}

export interface ExerciseWidgetProps {
  chapter: ChapterSlug;
  /** The chapter's number, for the region's label. */
  chapterNumber: number;
  /** The chapter's exercise types, in order (from lib/exercises on the server). */
  exercises: ExerciseSummary[];
  /** The seed-1 problem of the first exercise in the page's edition, made on the server, shown until the generators load. */
  initialProblem: Problem;
  /** The edition the widget sits in; its .astro wrapper passes the page's locale. */
  locale?: BookLocale;
  /** The address of the chapter (and its lab) in the page's edition, e.g. "/zh-cn/jit/". */
  chapterPath: string;
}

export default function ExerciseWidget({ chapter, chapterNumber, exercises, initialProblem, locale, chapterPath }: ExerciseWidgetProps) {
  const t = pickMessages(exerciseCatalogues, locale);
  // The generators run the book's engines; they load after the page, for this chapter only.
  const [generators, setGenerators] = useState<ExerciseType[] | null>(null);
  useEffect(() => {
    let live = true;
    loadChapterExercises(chapter).then((list) => live && setGenerators(list));
    return () => {
      live = false;
    };
  }, [chapter]);
  const [exerciseId, setExerciseId] = useState(exercises[0]!.id);
  const [seed, setSeed] = useState(1);
  const [seedText, setSeedText] = useState('1');
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [solutionsAllowed, setSolutionsAllowed] = useState(true);
  const [answer, setAnswer] = useState('');
  const [result, setResult] = useState<CheckResult | null>(null);
  const [showHint, setShowHint] = useState(false);
  const [showSolution, setShowSolution] = useState(false);
  const [ready, setReady] = useState(false);
  const id = useId();

  useEffect(() => {
    const link = readExerciseLink(window.location.search, exercises.map((e) => e.id));
    if (link.exercise && exercises.some((e) => e.id === link.exercise)) setExerciseId(link.exercise);
    if (link.seed !== undefined) {
      setSeed(link.seed);
      setSeedText(String(link.seed));
    }
    if (link.version !== undefined) setVersion(link.version);
    setSolutionsAllowed(link.solutions);
    setReady(true);
  }, [exercises]);

  // The page's early script hid the server-made problem while a link's problem was on its way (OpenLinkedLab.astro).
  useEffect(() => {
    if (ready && generators) delete document.documentElement.dataset.exerciseLink;
  }, [ready, generators]);

  const generated = useMemo((): ProblemResult | null => {
    const generator = generators?.find((e) => e.id === exerciseId);
    if (generator) return makeProblem(generator, seed, version, locale);
    const initial = initialProblem;
    if (initial.exercise === exerciseId && initial.seed === seed && (version === undefined || version === initial.version)) {
      return { ok: true, problem: initial };
    }
    return null; // still loading
  }, [generators, exerciseId, seed, version, initialProblem, locale]);

  const reset = () => {
    setAnswer('');
    setResult(null);
    setShowHint(false);
    setShowSolution(false);
  };

  const chooseExercise = (value: string) => {
    setExerciseId(value);
    setVersion(undefined);
    reset();
  };

  const changeSeed = (text: string) => {
    setSeedText(text);
    if (/^\d{1,10}$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_SEED) {
      setSeed(Number(text));
      reset();
    }
  };

  const newProblem = () => {
    const next = 1 + Math.floor(Math.random() * 99_999);
    setSeed(next);
    setSeedText(String(next));
    reset();
  };

  const seedValid = /^\d{1,10}$/.test(seedText) && Number(seedText) >= 1 && Number(seedText) <= MAX_SEED;
  const exercise = exercises.find((e) => e.id === exerciseId) ?? exercises[0]!;
  const effectiveVersion = version ?? currentVersion(exercise);
  // Links carry the widget's anchor, so that they open here and not at the top of the chapter.
  const link = `${exerciseLinkQuery({ exercise: exerciseId, seed, version: effectiveVersion })}#exercises`;
  const linkHidden = `${exerciseLinkQuery({ exercise: exerciseId, seed, version: effectiveVersion, solutions: false })}#exercises`;

  return (
    <section className="hov-ex not-content" aria-label={t.regionLabel(chapterNumber)} data-ready={ready ? 'true' : 'false'} data-exercise={exerciseId} data-seed={seed}>
      <h2 id="exercises">{t.heading}</h2>
      <p className="hov-ex-intro">{t.intro}</p>
      <div className="hov-ex-controls">
        <label>
          <span>{t.exerciseLabel}</span>
          <select value={exerciseId} onChange={(e) => chooseExercise(e.target.value)} data-testid="exercise-select">
            {exercises.map((e) => (
              <option key={e.id} value={e.id}>{e.title}</option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.seedLabel}</span>
          <input
            type="text"
            inputMode="numeric"
            value={seedText}
            onChange={(e) => changeSeed(e.target.value)}
            aria-invalid={!seedValid}
            aria-describedby={seedValid ? undefined : `${id}-seed-error`}
            data-testid="exercise-seed"
            size={8}
          />
        </label>
        <button type="button" onClick={newProblem}>{t.newProblem}</button>
      </div>
      {!seedValid && <p id={`${id}-seed-error`} className="hov-ex-error" role="alert">{t.badSeed(MAX_SEED)}</p>}
      {generated === null ? (
        <p className="hov-ex-loading" role="status">{t.loading}</p>
      ) : !generated.ok ? (
        <p className="hov-ex-error" role="alert">{wordMessage(problemErrorWordings, generated, locale)}</p>
      ) : (
        <div className="hov-ex-problem">
          <h3 className="hov-ex-title">
            {generated.problem.title} <span className="hov-ex-meta">{t.seedMeta(generated.problem.seed, t.version(generated.problem.version))}</span>
          </h3>
          <p data-testid="exercise-prompt">{generated.problem.prompt}</p>
          {generated.problem.figure && (
            <pre className="hov-ex-figure" tabIndex={0} data-testid="exercise-figure">{generated.problem.figure}</pre>
          )}
          {generated.problem.labLink && (
            <p className="hov-ex-lab-link">
              <a href={`${chapterPath}${generated.problem.labLink.hash}`} data-testid="exercise-lab-link">
                {t.openInLab[generated.problem.labLink.lab]}
              </a>
            </p>
          )}
          <form
            className="hov-ex-answer"
            onSubmit={(e) => {
              e.preventDefault();
              const checked = checkAnswer(generated.problem, answer);
              setResult(checked);
              if (checked.correct) recordSolvedExercise(chapter, exerciseId, seed);
            }}
          >
            {generated.problem.choices ? (
              <fieldset>
                <legend>{t.answerLabel}</legend>
                {generated.problem.choices.map((c) => (
                  <label key={c.key} className="hov-ex-choice">
                    <input type="radio" name={`${id}-choice`} value={c.key} checked={answer === c.key} onChange={() => setAnswer(c.key)} />
                    <span><strong>{c.key}</strong> {c.label}</span>
                  </label>
                ))}
              </fieldset>
            ) : (
              <label className="hov-ex-text-answer">
                <span>{t.answerLabel}</span>
                <input type="text" value={answer} onChange={(e) => setAnswer(e.target.value)} data-testid="exercise-answer" autoComplete="off" spellCheck={false} />
              </label>
            )}
            <p className="hov-ex-format">{t.answerFormat(generated.problem.answerFormat)}</p>
            <div className="hov-ex-buttons">
              <button type="submit" data-testid="exercise-check">{t.check}</button>
              <button type="button" onClick={() => setShowHint(true)} data-testid="exercise-hint">{t.hint}</button>
              {solutionsAllowed && (
                <button type="button" onClick={() => setShowSolution((s) => !s)} aria-expanded={showSolution} data-testid="exercise-reveal">
                  {showSolution ? t.hideSolution : t.showSolution}
                </button>
              )}
            </div>
          </form>
          <p className="hov-ex-result" role="status" data-testid="exercise-result" data-correct={result ? String(result.correct) : undefined}>
            {result ? `${result.correct ? '✓' : '✗'} ${checkFeedbackIn(result, locale)}` : ''}
          </p>
          {showHint && <p className="hov-ex-hint" data-testid="exercise-hint-text">{generated.problem.hint}</p>}
          {!solutionsAllowed && <p className="hov-ex-note">{t.solutionsHidden}</p>}
          {solutionsAllowed && showSolution && (
            <div className="hov-ex-solution" data-testid="exercise-solution">
              <p><strong>{t.answerIs}</strong> <code data-testid="exercise-key">{generated.problem.answer}</code></p>
              <pre className="hov-ex-figure" tabIndex={0}>{generated.problem.explanation}</pre>
            </div>
          )}
          <p className="hov-ex-links">
            <a href={link} data-testid="exercise-link">{t.linkLabel}</a>
            {' · '}
            <a href={linkHidden}>{t.linkWithoutSolutions}</a>
          </p>
        </div>
      )}
    </section>
  );
}
