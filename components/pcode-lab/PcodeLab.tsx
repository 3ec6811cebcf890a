import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { PASCAL_EXAMPLES, compileProgram, wordDiagnostic } from '../../lib/pascal/index.ts';
import type { CompileResult } from '../../lib/pascal/index.ts';
import {
  INSTRUCTIONS,
  PMachine,
  MAX_SHARED_CHARS,
  decodeShareHash,
  encodeShareHash,
  formatInstruction,
  shareLinkProblemWordings,
} from '../../lib/pcode/index.ts';
import { wordMessage } from '../../lib/book/localized-text.ts';
import { SPACED_LIST_CLASS } from '../../lib/book/list-spacing.ts';
import type { FrameView, RunOutcome } from '../../lib/pcode/index.ts';
import PascalEditor from './PascalEditor.tsx';
import PcodeListing from './PcodeListing.tsx';
import StackView from './StackView.tsx';
import { pcodeLabCatalogues } from './messages.ts';
import { plainMeaning } from './meaningParts.ts';
import type { SpeedId } from './messages.ts';
import { pickMessages, type BookLocale } from '../book/locale.ts';
import { useAddressLink, useShareLink } from '../book/useShareLink.ts';
import {
  PCODE_LAB_PREVIOUS_PROGRAM, PCODE_LAB_PROGRAM, forgetProgram, readSavedProgram, saveProgram, type LabProgram, type SavedProgram,
} from './program-store.ts';
import { SPEEDS, usePMachineRunner } from './usePMachineRunner.ts';
import './PcodeLab.css';
import { recordLabRun } from '../progress/progress-store.ts';

export interface PcodeLabProps {
  locale?: BookLocale;
  /** Example shown to a reader with nothing saved. */
  example?: string;
}

/** Characters of output the lab keeps and shows: the end of it, from a line start. */
const OUTPUT_SHOWN = 20_000;

type LabStatus = 'ready' | 'running' | 'paused' | 'breakpoint' | 'halted' | 'error' | 'not-compiled';

interface Snapshot {
  readonly pc: number;
  readonly bp: number;
  readonly sp: number;
  readonly steps: number;
  readonly output: string;
  /** Lines written before `output` and no longer kept. */
  readonly outputLinesNotShown: number;
  readonly frames: readonly FrameView[];
  readonly error: string;
}

interface Notice {
  readonly text: string;
  readonly restore?: LabProgram;
}


function snapshotOf(machine: PMachine, locale: BookLocale): Snapshot {
  return {
    pc: machine.pc,
    bp: machine.bp,
    sp: machine.sp,
    steps: machine.steps,
    output: machine.output,
    outputLinesNotShown: machine.outputLinesNotShown,
    frames: machine.frames(locale),
    error: machine.errorReport(locale),
  };
}

/**
 * The reader's own program: not one a link brought (unedited) and not an unedited example. Opening
 * a link or an example over it keeps it as the previous program, to restore.
 */
/** What a hash holds for this lab: a `#pcode=` program, a damaged `#pcode=` link, or undefined (none). */
type PcodeLink = Exclude<ReturnType<typeof decodeShareHash>, { kind: 'none' }>;
function readPcodeLink(hash: string): PcodeLink | undefined {
  const decoded = decodeShareHash(hash);
  return decoded.kind === 'none' ? undefined : decoded;
}

function isOwnProgram(program: SavedProgram): boolean {
  return !program.fromLink && !PASCAL_EXAMPLES.some((e) => e.source === program.source);
}

/**
 * The P-code lab: write Pascal, see its P-code beside it, and run it on the P-machine a step, a
 * call or a whole run at a time, with the stack drawn as frames and links.
 */
export default function PcodeLab({ locale = 'en', example = 'factorial' }: PcodeLabProps) {
  const m = pickMessages(pcodeLabCatalogues, locale);
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const idPrefix = useId().replace(/:/g, '');
  const initialExample = PASCAL_EXAMPLES.find((e) => e.id === example) ?? PASCAL_EXAMPLES[0]!;
  const [source, setSource] = useState(initialExample.source);
  const [input, setInput] = useState(initialExample.input);
  const [replaceToken, setReplaceToken] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [compiled, setCompiled] = useState<CompileResult>(() => compileProgram(initialExample.source));
  const machineRef = useRef<PMachine | null>(null);
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [status, setStatus] = useState<LabStatus>('ready');
  const [speed, setSpeed] = useState<SpeedId>('fast');
  const [breakpoints, setBreakpoints] = useState<ReadonlySet<number>>(new Set());
  const [linkedLine, setLinkedLine] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { shareUrl, publish: publishShareUrl, withdraw: withdrawShareUrl, leaveAddress } = useShareLink();
  /** Bumped when a link on this page was followed: focus moves to the notice about what it opened. */
  const [followedLink, setFollowedLink] = useState(0);
  const noticeRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (followedLink > 0) noticeRef.current?.focus();
  }, [followedLink]);
  const inputRef = useRef(input);
  inputRef.current = input;
  const program = compiled.program;
  const programRef = useRef(program);
  programRef.current = program;

  /** The source a share link brought, while the editor still holds it unedited. */
  const linkSourceRef = useRef<string | null>(null);
  const sourceRef = useRef(source);
  sourceRef.current = source;

  /**
   * The program before a link or an example replaced it: kept (and offered back) only if it is the
   * reader's own, so that opening link A, then link B, still offers the reader's program, not A.
   */
  const keepIfOwn = (current: SavedProgram, replacement: string): LabProgram | undefined => {
    if (isOwnProgram(current) && current.source !== replacement) saveProgram(PCODE_LAB_PREVIOUS_PROGRAM, { source: current.source, input: current.input });
    const previous = readSavedProgram(PCODE_LAB_PREVIOUS_PROGRAM);
    return previous && previous.source !== replacement ? previous : undefined;
  };

  /** Opens the program a `#pcode=` link carries; a damaged link never replaces the reader's program. */
  const openLink = (decoded: PcodeLink, current: SavedProgram | undefined): boolean => {
    if (decoded.kind === 'invalid') setNotice({ text: m.shareInvalid(wordMessage(shareLinkProblemWordings, decoded.problem, localeRef.current)) });
    if (decoded.kind !== 'state') return false;
    const restore = current ? keepIfOwn(current, decoded.state.source) : readSavedProgram(PCODE_LAB_PREVIOUS_PROGRAM);
    linkSourceRef.current = decoded.state.source;
    setSource(decoded.state.source);
    setInput(decoded.state.input);
    setReplaceToken((t) => t + 1);
    saveProgram(PCODE_LAB_PROGRAM, { ...decoded.state, fromLink: true });
    setNotice(restore && restore.source !== decoded.state.source ? { text: m.sharedLoaded, restore } : { text: m.sharedLoaded });
    return true;
  };

  // Load: a share link wins over what this browser saved. A link on this same page (an exercise's,
  // or one pasted into the address bar) changes only the hash, and opens over what the editor holds.
  useAddressLink(
    readPcodeLink,
    (decoded, when) => {
      const current =
        when === 'load'
          ? readSavedProgram(PCODE_LAB_PROGRAM)
          : { source: sourceRef.current, input: inputRef.current, fromLink: linkSourceRef.current === sourceRef.current };
      if (openLink(decoded, current)) setFollowedLink((n) => n + 1);
    },
    (decoded) => {
      const saved = decoded?.kind === 'state' ? undefined : readSavedProgram(PCODE_LAB_PROGRAM);
      if (saved) {
        if (saved.fromLink) linkSourceRef.current = saved.source;
        setSource(saved.source);
        setInput(saved.input);
      }
      setReplaceToken((t) => t + 1);
      setLoaded(true);
    },
  );

  // Persist every change (also programs that do not compile).
  useEffect(() => {
    if (!loaded) return;
    const handle = window.setTimeout(() => saveProgram(PCODE_LAB_PROGRAM, { source, input, fromLink: source === linkSourceRef.current }), 300);
    return () => window.clearTimeout(handle);
  }, [source, input, loaded]);

  // Compile shortly after the reader stops typing (and only when the text really changed).
  const compiledSource = useRef(initialExample.source);
  useEffect(() => {
    if (source === compiledSource.current) return;
    const handle = window.setTimeout(() => {
      // Run or Step may have compiled this very text meanwhile (compileNow): keep its machine.
      if (source === compiledSource.current) return;
      compiledSource.current = source;
      setCompiled(compileProgram(source));
    }, 250);
    return () => window.clearTimeout(handle);
  }, [source]);

  const runner = usePMachineRunner(speed, (machine, outcome) => {
    setSnapshot(snapshotOf(machine, localeRef.current));
    if (outcome !== 'budget') setStatus(statusAfter(outcome));
  });
  const stopTimer = runner.stop;

  const freshMachine = useCallback((activeBreakpoints: ReadonlySet<number> = breakpoints, program = programRef.current) => {
    stopTimer();
    if (!program) {
      machineRef.current = null;
      setSnapshot(null);
      setStatus('not-compiled');
      return null;
    }
    const machine = new PMachine(program, { input: inputRef.current, keepOutput: OUTPUT_SHOWN });
    for (const b of activeBreakpoints) machine.setBreakpoint(b, true);
    machineRef.current = machine;
    setSnapshot(snapshotOf(machine, localeRef.current));
    setStatus('ready');
    return machine;
  }, [program, breakpoints]);

  // A new program means a new machine (and breakpoints at old addresses no longer apply).
  useEffect(() => {
    if (program && machineRef.current?.program === program) return; // already running it (see compileNow)
    const none = new Set<number>();
    setBreakpoints(none);
    freshMachine(none, program);
  }, [program]);

  /** Run and Step use the text as it is now, even if the reader typed a moment ago. */
  const compileNow = () => {
    if (source === compiledSource.current) return programRef.current;
    const result = compileProgram(source);
    compiledSource.current = source;
    programRef.current = result.program;
    setCompiled(result);
    const none = new Set<number>();
    setBreakpoints(none);
    freshMachine(none, result.program);
    return result.program;
  };

  const statusAfter = (outcome: RunOutcome): LabStatus =>
    outcome === 'halted' ? 'halted' : outcome === 'error' ? 'error' : outcome === 'breakpoint' ? 'breakpoint' : 'paused';

  const machineForAction = (): PMachine | null => {
    if (!compileNow()) return null;
    const machine = machineRef.current;
    if (machine && machine.status === 'ready') {
      // From the start, a run reads what the Input box holds now (not what it held when the program compiled).
      if (machine.steps === 0) machine.setInput(inputRef.current);
      return machine;
    }
    return freshMachine();
  };

  const run = () => {
    recordLabRun('pcode-lab');
    const machine = machineForAction();
    if (!machine) return;
    setStatus('running');
    runner.start(machine);
  };

  const stop = () => {
    stopTimer();
    const machine = machineRef.current;
    if (machine) setSnapshot(snapshotOf(machine, localeRef.current));
    setStatus((s) => (s === 'running' ? 'paused' : s));
  };

  const step = (over: boolean) => {
    recordLabRun('pcode-lab');
    stopTimer();
    const machine = machineForAction();
    if (!machine) return;
    const outcome = over ? machine.stepOver(5_000_000) : machine.step();
    setSnapshot(snapshotOf(machine, localeRef.current));
    setStatus(statusAfter(outcome === 'budget' ? 'budget' : outcome));
  };

  const reset = () => {
    freshMachine(breakpoints);
  };

  const toggleBreakpoint = (pc: number) => {
    setBreakpoints((old) => {
      const next = new Set(old);
      if (next.has(pc)) next.delete(pc);
      else next.add(pc);
      machineRef.current?.setBreakpoint(pc, next.has(pc));
      return next;
    });
  };

  const loadExample = (id: string) => {
    const chosen = PASCAL_EXAMPLES.find((e) => e.id === id);
    if (!chosen) return;
    const restore = keepIfOwn({ source, input, fromLink: source === linkSourceRef.current }, chosen.source);
    linkSourceRef.current = null;
    setSource(chosen.source);
    setInput(chosen.input);
    setReplaceToken((t) => t + 1);
    const text = m.loadedExample(m.exampleTitle(chosen.id, chosen.title));
    setNotice(restore ? { text, restore } : { text });
  };

  const share = async () => {
    const hash = encodeShareHash({ source, input });
    // The link must open again: one over the size limit is refused here, not when someone opens it.
    const reopened = decodeShareHash(hash);
    if (reopened.kind !== 'state') {
      withdrawShareUrl();
      const reason = reopened.kind === 'invalid' ? wordMessage(shareLinkProblemWordings, reopened.problem, locale) : '';
      setNotice({ text: m.shareRefused(reason, MAX_SHARED_CHARS) });
      return;
    }
    // Without a clipboard (permissions, insecure context) the link is shown to copy by hand.
    if (await publishShareUrl(hash)) setNotice({ text: m.shareCopied });
  };

  const restorePrevious = (previous: LabProgram) => {
    linkSourceRef.current = null;
    setSource(previous.source);
    setInput(previous.input);
    setReplaceToken((t) => t + 1);
    setNotice(null);
    forgetProgram(PCODE_LAB_PREVIOUS_PROGRAM);
    // The address no longer holds the program shown: a reload keeps the restored one.
    leaveAddress(readPcodeLink);
  };

  const running = status === 'running';
  const hasProgram = program !== undefined;
  const finished = status === 'halted' || status === 'error';
  const pc = snapshot?.pc ?? -1;
  const currentLine = program && snapshot && status !== 'ready' ? program.lines[snapshot.pc] ?? 0 : 0;
  const nextText = useMemo(() => {
    if (!program || !snapshot || finished) return '';
    const op = program.code[snapshot.pc * 4];
    const info = op === undefined ? undefined : INSTRUCTIONS[op];
    return info ? `${formatInstruction(program, snapshot.pc)} — ${plainMeaning(m.instructionMeaning(info.name, info.meaning))}` : '';
  }, [program, snapshot, finished, m]);
  const output = snapshot?.output ?? '';
  const linesNotShown = snapshot?.outputLinesNotShown ?? 0;

  return (
    <section className="hov-pc book-lab" aria-label={m.regionLabel} data-status={status}>
      {notice && (
        <div className="hov-pc-notice" role="status" tabIndex={-1} ref={noticeRef}>
          <span>{notice.text}</span>
          {notice.restore && (
            <button type="button" onClick={() => restorePrevious(notice.restore!)}>
              {m.restorePrevious}
            </button>
          )}
          <button type="button" className="hov-pc-dismiss" onClick={() => setNotice(null)}>
            {m.dismiss}
          </button>
        </div>
      )}
      <div className="hov-pc-toolbar">
        <label className="hov-pc-field">
          <span>{m.examplesLabel}</span>
          <select
            value=""
            onChange={(e) => {
              loadExample(e.target.value);
              e.target.value = '';
            }}
          >
            <option value="">{m.examplesPlaceholder}</option>
            {PASCAL_EXAMPLES.map((e) => (
              <option key={e.id} value={e.id}>
                {m.exampleTitle(e.id, e.title)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void share()} className="hov-pc-share">
          {m.shareButton}
        </button>
        {shareUrl && (
          <label className="hov-pc-field hov-pc-share-field">
            <span>{m.shareUrlLabel}</span>
            <input type="text" readOnly value={shareUrl} onFocus={(e) => e.target.select()} />
          </label>
        )}
      </div>

      <div className="hov-pc-code">
        <div className="hov-pc-pane">
          <h3 className="hov-pc-heading" id={`${idPrefix}-editor`}>
            {m.editorLabel}
          </h3>
          <PascalEditor
            value={source}
            onChange={setSource}
            diagnostics={compiled.diagnostics}
            locale={locale}
            phrases={m.editorPhrases}
            currentLine={currentLine}
            linkedLine={linkedLine}
            onCursorLine={setLinkedLine}
            label={m.editorLabel}
            loadingText={m.editorLoading}
            replaceToken={replaceToken}
          />
          {compiled.diagnostics.length > 0 && (
            <div className="hov-pc-diagnostics" role="alert">
              <strong>{m.compileErrorsTitle(compiled.diagnostics.length)}</strong>
              <ul className={SPACED_LIST_CLASS}>
                {compiled.diagnostics.map((d, k) => (
                  <li key={k}>
                    <button type="button" className="hov-pc-linklike" onClick={() => setLinkedLine(d.line)}>
                      {d.line}:{d.column}
                    </button>{' '}
                    {wordDiagnostic(d, locale)}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <div className="hov-pc-pane">
          <h3 className="hov-pc-heading">{m.listingLabel}</h3>
          {program ? (
            <PcodeListing
              program={program}
              pc={pc}
              breakpoints={breakpoints}
              onToggleBreakpoint={toggleBreakpoint}
              linkedLine={linkedLine}
              onSelectLine={setLinkedLine}
              messages={m}
              idPrefix={idPrefix}
            />
          ) : (
            <p className="hov-pc-muted">{m.listingEmpty}</p>
          )}
          <p className="hov-pc-hint">{m.listingHint}</p>
        </div>
      </div>

      <div className="hov-pc-controls" role="group" aria-label={m.controlsLabel}>
        {running ? (
          <button type="button" className="hov-pc-primary" onClick={stop}>
            {m.stop}
          </button>
        ) : (
          <button type="button" className="hov-pc-primary" onClick={run} disabled={!hasProgram}>
            {status === 'paused' || status === 'breakpoint' ? m.continue : m.run}
          </button>
        )}
        <button type="button" onClick={() => step(false)} disabled={!hasProgram || running} title={m.stepTitle}>
          {m.step}
        </button>
        <button type="button" onClick={() => step(true)} disabled={!hasProgram || running} title={m.stepOverTitle}>
          {m.stepOver}
        </button>
        <button type="button" onClick={reset} disabled={!hasProgram}>
          {m.reset}
        </button>
        <label className="hov-pc-field">
          <span>{m.speedLabel}</span>
          <select value={speed} onChange={(e) => setSpeed(e.target.value as SpeedId)}>
            {(Object.keys(SPEEDS) as SpeedId[]).map((id) => (
              <option key={id} value={id}>
                {m.speeds[id]}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="hov-pc-machine">
        <div className="hov-pc-pane">
          <h3 className="hov-pc-heading">{m.registersLabel}</h3>
          <dl className="hov-pc-registers">
            <div>
              <dt>PC</dt>
              <dd data-register="pc">{snapshot?.pc ?? '–'}</dd>
            </div>
            <div>
              <dt>BP</dt>
              <dd data-register="bp">{snapshot?.bp ?? '–'}</dd>
            </div>
            <div>
              <dt>SP</dt>
              <dd data-register="sp">{snapshot?.sp ?? '–'}</dd>
            </div>
            <div>
              <dt>{m.counterLabel}</dt>
              <dd data-register="steps">{(snapshot?.steps ?? 0).toLocaleString('en-US')}</dd>
            </div>
            <div>
              <dt>{m.statusLabel}</dt>
              <dd className="hov-pc-status" data-status={status}>
                {m.status[status]}
              </dd>
            </div>
          </dl>
          {nextText && (
            <p className="hov-pc-next">
              <span className="hov-pc-muted">{m.nextInstruction}: </span>
              <code>{nextText}</code>
            </p>
          )}
          <h3 className="hov-pc-heading">{m.outputLabel}</h3>
          <pre className="hov-pc-output" aria-live="polite" aria-label={m.outputLabel} tabIndex={0}>
            {linesNotShown > 0 && <span className="hov-pc-muted">{`${m.earlierLinesNotShown(linesNotShown)}\n`}</span>}
            {output || (linesNotShown === 0 && <span className="hov-pc-muted">{m.outputEmpty}</span>)}
          </pre>
          {snapshot?.error && (
            <div className="hov-pc-error" role="alert">
              <strong>{m.runtimeErrorTitle}</strong>
              <pre>{snapshot.error}</pre>
            </div>
          )}
          <div className="hov-pc-input">
            <label className="hov-pc-heading" htmlFor={`${idPrefix}-input`}>
              {m.inputLabel}
            </label>
            <textarea
              id={`${idPrefix}-input`}
              aria-describedby={`${idPrefix}-input-hint`}
              value={input}
              onChange={(e) => setInput(e.target.value)}
              rows={3}
              spellCheck={false}
            />
            <span className="hov-pc-hint" id={`${idPrefix}-input-hint`}>
              {m.inputHint}
            </span>
          </div>
        </div>
        <div className="hov-pc-pane">
          <h3 className="hov-pc-heading">{m.stackLabel}</h3>
          <p className="hov-pc-hint">{m.stackHint}</p>
          {snapshot && machineRef.current ? (
            <StackView frames={snapshot.frames} stack={machineRef.current.stack} sp={snapshot.sp} messages={m} />
          ) : (
            <p className="hov-pc-muted">{m.listingEmpty}</p>
          )}
        </div>
      </div>
    </section>
  );
}
