import { useEffect, useMemo, useRef, useState } from 'react';
import {
  KVM_EXIT_NAMES, startVmmSession,
  vmmOutcomeWordings,
} from '../../lib/kvm-api/index.ts';
import { HELLO_VMM_TS_SOURCE, KVM_HELLO_C_SOURCE, cLineOfStep, typeScriptLineOfStep } from '../../lib/kvm-api/vmm-sources.ts';
import type { ExitRecord, VmmSession, VmmSnapshot } from '../../lib/kvm-api/index.ts';
import { assemblyErrorWordings } from '../../lib/trap/index.ts';
import type { AssemblyError } from '../../lib/trap/index.ts';
import { wordMessage } from '../../lib/book/localized-text.ts';
import { pickMessages, type BookLocale } from '../book/locale.ts';
import { defaultGuestSource, vmmLoopLabCatalogues } from './messages.ts';
import { readStoredText, removeStoredText, storedItem, writeStoredText } from '../book/lab-storage.ts';
import './VmmLoopLab.css';
import { recordLabRun } from '../progress/progress-store.ts';

export interface VmmLoopLabProps {
  locale?: BookLocale;
}

/** The reader's guest program (the example is not stored). */
const GUEST_SOURCE = storedItem('vmm-loop-lab', 'guest-source', ['hov.vmm-loop.v1']);
/** Steps one press of Run takes at most, so a guest that never exits cannot hold the page. */
const RUN_STEPS = 400;

/** The part of a source file worth showing: from the line that starts with `from` to the end. */
function excerpt(source: string, from: string): { lines: string[]; first: number } {
  const all = source.replace(/\n$/, '').split('\n');
  const start = Math.max(0, all.findIndex((line) => line.startsWith(from)));
  return { lines: all.slice(start), first: start + 1 };
}

const TS_CODE = excerpt(HELLO_VMM_TS_SOURCE, 'export function* helloVmm');
const C_CODE = excerpt(KVM_HELLO_C_SOURCE, 'int main');

const hex = (n: number) => `0x${n.toString(16)}`;

function exitFields(exit: ExitRecord): [string, string][] {
  const rows: [string, string][] = [['exit_reason', `${exit.exit_reason} (${KVM_EXIT_NAMES[exit.exit_reason] ?? '?'})`]];
  if ('io' in exit) {
    rows.push(
      ['io.direction', `${exit.io.direction} (${exit.io.direction === 1 ? 'KVM_EXIT_IO_OUT' : 'KVM_EXIT_IO_IN'})`],
      ['io.size', String(exit.io.size)], ['io.port', hex(exit.io.port)], ['io.count', String(exit.io.count)],
      ['io.data_offset', String(exit.io.data_offset)], ['data', hex(exit.data)],
    );
  } else if ('mmio' in exit) {
    rows.push(
      ['mmio.phys_addr', hex(exit.mmio.phys_addr)], ['mmio.len', String(exit.mmio.len)],
      ['mmio.is_write', String(exit.mmio.is_write)], ['mmio.data', `[${exit.mmio.data.map(hex).join(', ')}]`],
    );
  } else if ('internal' in exit) {
    rows.push(['internal.suberror', String(exit.internal.suberror)], ['internal.ndata', String(exit.internal.ndata)]);
  }
  return rows;
}

function serialText(bytes: readonly number[]): string {
  return bytes.map((b) => (b === 10 ? '\\n\n' : b >= 32 && b < 127 ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('');
}

function CodePane({ id, heading, label, note, code, line }: {
  id: string; heading: string; label: string; note: string; code: { lines: string[]; first: number }; line: number;
}) {
  const pane = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const box = pane.current;
    const current = box?.querySelector<HTMLElement>('[data-current="true"]');
    if (!box || !current) return;
    const top = current.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - current.offsetHeight) {
      box.scrollTop = Math.max(0, top - box.clientHeight / 3);
    }
  }, [line]);
  return (
    <div className="hov-vmm-pane">
      <h4 id={`${id}-heading`}>{heading}</h4>
      <p className="hov-vmm-note">{note}</p>
      <pre className="hov-vmm-code" ref={pane} tabIndex={0} role="region" aria-label={label} data-testid={id}>
        <code>
          {code.lines.map((text, i) => {
            const number = code.first + i;
            const current = number === line;
            return (
              <span key={number} className={current ? 'hov-vmm-line hov-vmm-current' : 'hov-vmm-line'} data-current={current ? 'true' : undefined} data-line={number}>
                <span className="hov-vmm-lineno" aria-hidden="true">{number}</span>
                {current ? <mark>{text || ' '}</mark> : text || ' '}
                {'\n'}
              </span>
            );
          })}
        </code>
      </pre>
    </div>
  );
}

export default function VmmLoopLab({ locale }: VmmLoopLabProps) {
  const m = pickMessages(vmmLoopLabCatalogues, locale);
  const example = locale === 'zh-CN' ? defaultGuestSource.zh : defaultGuestSource.en;
  const [source, setSource] = useState(example);
  const [loaded, setLoaded] = useState(false);
  const session = useRef<VmmSession | null>(null);
  const [snapshot, setSnapshot] = useState<VmmSnapshot | null>(null);
  const [errors, setErrors] = useState<readonly AssemblyError[]>([]);
  const [stillRunning, setStillRunning] = useState(false);

  useEffect(() => {
    const saved = readStoredText(GUEST_SOURCE);
    if (saved !== null) setSource(saved);
    setLoaded(true);
  }, []);

  useEffect(() => {
    if (!loaded) return;
    // Storage may be full or disabled; the lab still works.
    if (source === example) removeStoredText(GUEST_SOURCE);
    else writeStoredText(GUEST_SOURCE, source);
  }, [source, loaded, example]);

  const start = (): VmmSession | null => {
    const started = startVmmSession(source);
    if (!started.ok) {
      setErrors(started.errors);
      session.current = null;
      setSnapshot(null);
      return null;
    }
    setErrors([]);
    session.current = started.session;
    return started.session;
  };

  const reset = () => {
    setStillRunning(false);
    const s = start();
    setSnapshot(s ? s.snapshot() : null);
  };

  const step = () => {
    recordLabRun('vmm-loop');
    const s = session.current ?? start();
    if (!s) return;
    s.step();
    setStillRunning(false);
    setSnapshot(s.snapshot());
  };

  const run = () => {
    recordLabRun('vmm-loop');
    const s = session.current ?? start();
    if (!s) return;
    s.runToEnd(RUN_STEPS);
    setStillRunning(!s.finished);
    setSnapshot(s.snapshot());
  };

  const editSource = (text: string) => {
    setSource(text);
    // The monitor ran the program as it was: a changed guest starts again at the next Step.
    session.current = null;
    setSnapshot(null);
    setStillRunning(false);
  };

  const tsLine = snapshot?.step ? typeScriptLineOfStep(HELLO_VMM_TS_SOURCE, snapshot.step) : 0;
  const cLine = snapshot?.step ? cLineOfStep(KVM_HELLO_C_SOURCE, snapshot.step) : 0;
  const lastExit = snapshot?.exits.at(-1);
  const outcome = snapshot?.outcome ? wordMessage(vmmOutcomeWordings, snapshot.outcome, locale) : null;
  const errorTexts = useMemo(
    () => errors.map((e) => m.errorAt(e.line, e.column, wordMessage(assemblyErrorWordings, e, locale))),
    [errors, m, locale],
  );

  return (
    <section className="book-lab hov-vmm not-content" aria-label={m.regionLabel} data-ready={loaded ? 'true' : 'false'}>
      <p className="hov-vmm-intro">{m.intro}</p>
      <div className="hov-vmm-guest">
        <label htmlFor="hov-vmm-source"><strong>{m.guestHeading}</strong></label>
        <textarea
          id="hov-vmm-source"
          className="hov-vmm-source"
          spellCheck={false}
          wrap="off"
          rows={12}
          value={source}
          aria-label={m.guestLabel}
          aria-describedby="hov-vmm-source-note"
          aria-invalid={errors.length > 0 ? 'true' : undefined}
          onChange={(e) => editSource(e.currentTarget.value)}
        />
        <p id="hov-vmm-source-note" className="hov-vmm-note">
          {m.guestNote}{' '}
          <button type="button" className="hov-vmm-link" onClick={() => editSource(example)}>{m.restoreDefault}</button>
        </p>
        {errorTexts.length > 0 && (
          <div role="alert" className="hov-vmm-errors" data-testid="vmm-errors">
            <strong>{m.assemblyErrorsHeading}</strong>
            <ul>{errorTexts.map((text, i) => <li key={i}>{text}</li>)}</ul>
          </div>
        )}
      </div>
      <div className="hov-vmm-controls">
        <button type="button" onClick={step} disabled={snapshot?.outcome != null}>{m.step}</button>
        <button type="button" onClick={run} disabled={snapshot?.outcome != null}>{m.run}</button>
        <button type="button" onClick={reset}>{m.reset}</button>
        <span className="hov-vmm-status" role="status" data-testid="vmm-status">
          {snapshot ? m.status(snapshot.steps, snapshot.step) : m.notStarted}
          {snapshot && snapshot.regs ? ` · ${m.guestAt(snapshot.guestLine)}` : ''}
          {stillRunning ? ` · ${m.stillRunning(snapshot?.steps ?? 0)}` : ''}
          {outcome ? ` · ${m.finished(outcome)}` : ''}
        </span>
      </div>
      <div className="hov-vmm-grid">
        <CodePane id="vmm-ts" heading={m.tsHeading} label={m.tsLabel} note={m.tsNote} code={TS_CODE} line={tsLine} />
        <div className="hov-vmm-pane hov-vmm-state">
          <div className="hov-vmm-exit-box">
            <h4>{m.exitHeading}</h4>
            {lastExit ? (
              <table className="hov-vmm-exit" data-testid="vmm-exit">
                <thead><tr><th scope="col">{m.exitField}</th><th scope="col">{m.exitValue}</th></tr></thead>
                <tbody>
                  {exitFields(lastExit).map(([field, value]) => (
                    <tr key={field}><th scope="row"><code>{field}</code></th><td><code>{value}</code></td></tr>
                  ))}
                </tbody>
              </table>
            ) : <p>{m.noExitYet}</p>}
            <p className="hov-vmm-note">{m.exitCount(snapshot?.exits.length ?? 0)}</p>
          </div>
          <div>
            <h4>{m.serialHeading}</h4>
            <pre className="hov-vmm-serial" data-testid="vmm-serial">{snapshot && snapshot.serial.length > 0 ? serialText(snapshot.serial) : m.serialEmpty}</pre>
          </div>
          <div>
            <h4>{m.registersHeading}</h4>
            {snapshot?.regs ? (
              <p className="hov-vmm-regs"><code>
                {snapshot.regs.r.map((v, i) => `r${i}=${hex(v)}`).join(' ')} rip={hex(snapshot.regs.rip)} rsp={hex(snapshot.regs.rsp)} rflags={hex(snapshot.regs.rflags)}
              </code></p>
            ) : <p>{m.notCreated}</p>}
          </div>
        </div>
        <CodePane id="vmm-c" heading={m.cHeading} label={m.cLabel} note={m.cNote} code={C_CODE} line={cLine} />
      </div>
    </section>
  );
}
