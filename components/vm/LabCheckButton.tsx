// The button half of <LabCheck>: runs a check (lib/lab-checks) in the page's lab VM and says ✓ or
// what is still missing, in the page's edition. A check that passes records the step in the
// reader's progress.
import { useState } from 'react';
import { vmCatalogues } from './messages.ts';
import { pickMessages, type BookLocale } from '../book/locale.ts';
import { pageLabVM } from './pageLabVM.ts';
import { guestErrorMessage, wordGuestError } from '../../lib/guest/index.ts';
import { checkFindingWordings, labChecks, runLabCheck, type CheckVerdict, type LabCheckId } from '../../lib/lab-checks/index.ts';
import { wordMessage } from '../../lib/book/localized-text.ts';
import { recordVerifiedStep } from '../progress/progress-store.ts';
import './RunInVMButton.css';

type Props = {
  check: LabCheckId;
  /** What the check looks for, in words (the page's language). */
  what: string;
  locale?: BookLocale;
  step: { chapter: string; id: string; title: string };
};

export default function LabCheckButton({ check, what, locale = 'en', step }: Props) {
  const messages = pickMessages(vmCatalogues, locale);
  const [phase, setPhase] = useState<'idle' | 'checking' | 'done' | 'off' | 'error'>('idle');
  const [verdict, setVerdict] = useState<CheckVerdict | null>(null);
  const [error, setError] = useState('');

  const runCheck = async () => {
    setVerdict(null);
    setError('');
    // A VM that is off has nothing of the reader's in it: say so instead of booting a fresh one.
    const vm = pageLabVM.state.phase === 'running' ? pageLabVM.vm : null;
    if (!vm) {
      setPhase('off');
      return;
    }
    setPhase('checking');
    try {
      const found = await runLabCheck(vm, labChecks[check]);
      setVerdict(found);
      if (found.passed) recordVerifiedStep(step.chapter, step.id, step.title);
      setPhase('done');
    } catch (caught) {
      setError(wordGuestError(guestErrorMessage(caught), locale));
      setPhase('error');
    }
  };

  const label = messages.checkLabel({ what });
  return (
    <div className="runinvm-run labcheck">
      <button type="button" className="runinvm-button labcheck-button" onClick={runCheck} disabled={phase === 'checking'} aria-busy={phase === 'checking'} aria-label={label}>
        {phase === 'checking' ? messages.checking : `✓? ${messages.check}`}
      </button>
      <div aria-live="polite">
        {phase === 'off' ? <p className="runinvm-verdict runinvm-miss">{messages.checkVmOff}</p> : null}
        {verdict?.passed ? <p className="runinvm-verdict runinvm-ok">{messages.checkPassed}</p> : null}
        {verdict && !verdict.passed ? (
          <div className="runinvm-verdict runinvm-miss">
            <p className="labcheck-missing-title">{messages.checkMissing}</p>
            <ul className="labcheck-missing">
              {verdict.missing.map((finding, index) => (
                <li key={index}>{wordMessage(checkFindingWordings, finding, locale)}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      {phase === 'error' ? (
        <p className="runinvm-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
