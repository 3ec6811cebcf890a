// The button half of <LabCheck> for a step that leaves nothing in the VM: tests the step's `expect`
// against what the page's terminal has shown since power-on (lib/lab-checks' transcript), so a step
// typed by hand counts as well as one run with its button. A match records the step in the reader's
// progress, as the Run button does.
import { useState } from 'react';
import { vmCatalogues } from './messages.ts';
import { pickMessages, type BookLocale } from '../book/locale.ts';
import { pageLabVM } from './pageLabVM.ts';
import { transcriptShows } from '../../lib/lab-checks/index.ts';
import { recordVerifiedStep } from '../progress/progress-store.ts';
import './RunInVMButton.css';

type Props = {
  /** RegExp source the terminal's output must match (the step's `expect`, tested with the `m` flag). */
  expect: string;
  /** What `expect` looks for, in words (the page's language). */
  expected: string;
  locale?: BookLocale;
  step: { chapter: string; id: string; title: string };
};

export default function TerminalCheckButton({ expect, expected, locale = 'en', step }: Props) {
  const messages = pickMessages(vmCatalogues, locale);
  const [verdict, setVerdict] = useState<'off' | 'seen' | 'not-seen' | null>(null);

  const runCheck = () => {
    if (pageLabVM.state.phase !== 'running') {
      setVerdict('off');
      return;
    }
    const seen = transcriptShows(pageLabVM.transcript.text(), expect);
    if (seen) recordVerifiedStep(step.chapter, step.id, step.title);
    setVerdict(seen ? 'seen' : 'not-seen');
  };

  return (
    <div className="runinvm-run labcheck terminalcheck">
      <button type="button" className="runinvm-button labcheck-button" onClick={runCheck} aria-label={messages.terminalCheckLabel({ what: expected })}>
        {`✓? ${messages.terminalCheck}`}
      </button>
      <div aria-live="polite">
        {verdict === 'off' ? <p className="runinvm-verdict runinvm-miss">{messages.checkVmOff}</p> : null}
        {verdict === 'seen' ? <p className="runinvm-verdict runinvm-ok">{messages.checkPassed}</p> : null}
        {verdict === 'not-seen' ? (
          <div className="runinvm-verdict runinvm-miss">
            <p className="labcheck-missing-title">{messages.checkMissing}</p>
            <ul className="labcheck-missing">
              <li>{messages.terminalNotSeen({ expected })}</li>
            </ul>
          </div>
        ) : null}
      </div>
    </div>
  );
}
