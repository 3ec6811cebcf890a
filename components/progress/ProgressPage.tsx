/**
 * "Your progress": what this browser has recorded, chapter by chapter, with export to a file and
 * import from one (merged, never replacing), and a way to forget it all. Nothing leaves the machine
 * unless the reader sends the file.
 */
import { useEffect, useId, useState } from 'react';
import { pickMessages, type BookLocale } from '../book/locale.ts';
import { ScrollingTable } from '../book/ScrollingTable.tsx';
import { progressCatalogues } from './messages.ts';
import { PROGRESS_CHANGED_EVENT, loadProgress, saveProgress } from './progress-store.ts';
import { chapterProgress, emptyProgress, mergeProgress, parseProgressFile, progressFileText, progressProblemWordings, type BookLabId, type Progress } from '../../lib/progress/index.ts';
import { wordMessage } from '../../lib/book/localized-text.ts';
import './ProgressPage.css';

export type ProgressChapter = {
  slug: string;
  number: number;
  title: string;
  href: string;
  exercises: { id: string; title: string }[];
  /** How many lab VM steps on the chapter's page say what they expect. */
  steps: number;
  /** The chapter's labs (lib/progress/book-labs.ts). */
  labs: BookLabId[];
};

type Props = { chapters: ProgressChapter[]; locale?: BookLocale };

export default function ProgressPage({ chapters, locale = 'en' }: Props) {
  const t = pickMessages(progressCatalogues, locale);
  const inputId = useId();
  const [progress, setProgress] = useState<Progress>(emptyProgress());
  const [note, setNote] = useState<{ text: string; failed: boolean } | null>(null);

  useEffect(() => {
    const refresh = () => setProgress(loadProgress());
    refresh();
    window.addEventListener(PROGRESS_CHANGED_EVENT, refresh);
    window.addEventListener('storage', refresh);
    return () => {
      window.removeEventListener(PROGRESS_CHANGED_EVENT, refresh);
      window.removeEventListener('storage', refresh);
    };
  }, []);

  const separator = locale === 'zh-CN' ? '、' : ', ';
  const exportFile = () => {
    const url = URL.createObjectURL(new Blob([progressFileText(progress)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'hands-on-virtualization-progress.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  const importFile = async (file: File) => {
    const read = parseProgressFile(await file.text());
    if (!read.ok) {
      setNote({ text: t.importFailed({ file: file.name, problem: wordMessage(progressProblemWordings, read.problem, locale) }), failed: true });
      return;
    }
    saveProgress(mergeProgress(loadProgress(), read.progress));
    setNote({
      text: t.imported({ file: file.name, exercises: Object.keys(read.progress.exercises).length, steps: Object.keys(read.progress.steps).length }),
      failed: false,
    });
  };

  const reset = () => {
    if (!window.confirm(t.resetConfirm)) return;
    saveProgress(emptyProgress());
    setNote({ text: t.resetDone, failed: false });
  };

  const empty = Object.keys(progress.exercises).length === 0 && Object.keys(progress.steps).length === 0 && Object.keys(progress.labs).length === 0;
  return (
    <div className="hov-progress not-content">
      {empty && <p>{t.nothingYet}</p>}
      <ScrollingTable regionClassName="hov-progress-table" caption={t.tableCaption} columns={[t.chapter, t.exercises, t.steps, t.labs]}>
        <tbody>
          {chapters.map((chapter) => {
            const mine = chapterProgress(progress, chapter.slug, chapter.exercises.map((e) => e.id), chapter.labs);
            const solved = chapter.exercises.filter((e) => mine.solved.includes(e.id));
            return (
              <tr key={chapter.slug} data-chapter={chapter.slug}>
                <th scope="row">
                  <a href={chapter.href}>{`${chapter.number}. ${chapter.title}`}</a>
                </th>
                <td>
                  {chapter.exercises.length ? t.ofTotal({ done: solved.length, total: chapter.exercises.length }) : t.none}
                  {solved.length > 0 && (
                    <div className="hov-progress-detail">
                      {t.solvedList({
                        list: solved.map((e) => `${e.title} (${t.seeds({ seeds: progress.exercises[e.id]!.seeds.join(', ') })})`).join(separator),
                      })}
                    </div>
                  )}
                </td>
                <td>
                  {chapter.steps ? t.ofTotal({ done: Math.min(mine.verifiedSteps.length, chapter.steps), total: chapter.steps }) : t.none}
                  {mine.verifiedSteps.length > 0 && (
                    <div className="hov-progress-detail">{t.stepsList({ list: mine.verifiedSteps.map((s) => s.title).join(separator) })}</div>
                  )}
                </td>
                <td>
                  {chapter.labs.length ? t.ofTotal({ done: mine.labsRun.length, total: chapter.labs.length }) : t.none}
                  {mine.labsRun.length > 0 && (
                    <div className="hov-progress-detail">{t.labsList({ list: mine.labsRun.map((id) => t.labNames[id as BookLabId]).join(separator) })}</div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </ScrollingTable>
      <div className="hov-progress-actions">
        <button type="button" onClick={exportFile}>{t.export}</button>
        {/* The label is the visible button; the input stays in the tab order, visually hidden, so the
            browser's own "Choose File" text (in the browser's language, not the page's) never shows. */}
        <label htmlFor={inputId} className="hov-progress-import">{t.importLabel}</label>
        <input
          className="hov-progress-file"
          id={inputId}
          type="file"
          accept=".json,application/json"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
        <button type="button" onClick={reset}>{t.reset}</button>
      </div>
      <p role="status" aria-live="polite" className={note?.failed ? 'hov-progress-error' : undefined}>
        {note?.text ?? ''}
      </p>
    </div>
  );
}
