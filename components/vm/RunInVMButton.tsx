// The button half of <RunInVM>: runs its command in the page's lab VM and shows the output.
import { useState } from 'react';
import { vmCatalogues } from './messages.ts';
import { pickMessages, type BookLocale } from '../book/locale.ts';
import { pageLabVM } from './pageLabVM.ts';
import { guestErrorMessage, wordGuestError } from '../../lib/guest/index.ts';
import { recordVerifiedStep } from '../progress/progress-store.ts';
import './RunInVMButton.css';

type Props = {
  command: string;
  expect?: string;
  expected?: string;
  timeoutSeconds?: number;
  locale?: BookLocale;
  /** The step as the reader's progress records it when it shows what it expects (components/progress). */
  step?: { chapter: string; id: string; title: string };
};

type Result = { output: string; status: number; timedOut: boolean; matched: boolean | null };

export default function RunInVMButton({ command, expect, expected, timeoutSeconds = 60, locale = 'en', step }: Props) {
  const messages = pickMessages(vmCatalogues, locale);
  const [phase, setPhase] = useState<'idle' | 'starting' | 'running' | 'done' | 'error'>('idle');
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState('');
  const [progress, setProgress] = useState('');

  const run = async () => {
    setError('');
    setResult(null);
    let unsubscribe = () => {};
    try {
      if (pageLabVM.state.phase !== 'running') {
        setPhase('starting');
        unsubscribe = pageLabVM.subscribe((state) => {
          if (state.progress) setProgress(`${Math.floor((state.progress.loaded / Math.max(1, state.progress.total)) * 100)}%`);
        });
      }
      const vm = await pageLabVM.ensureRunning();
      unsubscribe();
      setPhase('running');
      const answer = await vm.run(command, { timeoutMs: timeoutSeconds * 1000 });
      let matched: boolean | null = null;
      if (expect && expected) {
        try {
          matched = new RegExp(expect, 'm').test(answer.output);
        } catch {
          matched = answer.output.includes(expect);
        }
      }
      setResult({ output: answer.output, status: answer.status, timedOut: Boolean(answer.timedOut), matched });
      if (matched && step) recordVerifiedStep(step.chapter, step.id, step.title);
      setPhase('done');
    } catch (caught) {
      unsubscribe();
      const failure = pageLabVM.state.error;
      setError(wordGuestError(failure ? failure.detail : guestErrorMessage(caught), locale));
      setPhase('error');
    }
  };

  const busy = phase === 'starting' || phase === 'running';
  return (
    <div className="runinvm-run">
      <button type="button" className="runinvm-button" onClick={run} disabled={busy} aria-busy={busy}>
        {phase === 'starting' ? `${messages.starting} ${progress}` : phase === 'running' ? messages.running_ : `▶ ${messages.run}`}
      </button>
      {result ? (
        <div className="runinvm-result" aria-live="polite">
          <pre className="runinvm-output" aria-label={messages.outputLabel} tabIndex={0}>
            {result.output || ' '}
          </pre>
          <p className="runinvm-meta">
            {result.timedOut ? messages.timedOut({ seconds: timeoutSeconds }) : messages.exitStatus({ status: result.status })}
          </p>
          {result.matched !== null && expected ? (
            <p className={result.matched ? 'runinvm-verdict runinvm-ok' : 'runinvm-verdict runinvm-miss'}>
              {(result.matched ? messages.expectShown : messages.expectNotShown)({ expected })}
            </p>
          ) : null}
        </div>
      ) : null}
      {phase === 'error' ? (
        <p className="runinvm-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
