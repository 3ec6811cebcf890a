import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { PASCAL_EXAMPLES, compileProgram, formatDiagnosticIn } from '../../lib/pascal/index.ts';
import { Op, decodeShareHash } from '../../lib/pcode/index.ts';
import type { PProgram } from '../../lib/pcode/index.ts';
import { JIT_EXAMPLES, JitMachine, MAX_JIT_THRESHOLD, decodeJitLabHash, measureSpeed, translationProblemWordings } from '../../lib/jit/index.ts';
import { shareLinkProblemWordings } from '../../lib/pcode/index.ts';
import { wordMessage } from '../../lib/book/localized-text.ts';
import type { JitMode, MeasureOutcome } from '../../lib/jit/index.ts';
import BlockListing from './BlockListing.tsx';
import CacheTable from './CacheTable.tsx';
import CodeView from './CodeView.tsx';
import ControlFlowGraphView from './ControlFlowGraphView.tsx';
import SpeedChart from './SpeedChart.tsx';
import TierTimeline from './TierTimeline.tsx';
import type { TierSample } from './TierTimeline.tsx';
import { jitLabCatalogues } from './messages.ts';
import { pickMessages, type BookLocale } from '../book/locale.ts';
import { storedItem } from '../book/lab-storage.ts';
import { useAddressLink } from '../book/useShareLink.ts';
import { useAnimationLoop, type LoopNext } from '../book/useAnimationLoop.ts';
import { PCODE_LAB_PROGRAM, readSavedProgram, saveProgram } from '../pcode-lab/program-store.ts';
import './JitLab.css';
import { recordLabRun } from '../progress/progress-store.ts';

export interface JitLabProps {
  locale?: BookLocale;
  /** Example shown first (an id from JIT_EXAMPLES or PASCAL_EXAMPLES). */
  example?: string;
  /** Threshold the slider starts at. */
  threshold?: number;
}

/** The reader's own edits in this lab (the P-code lab's program is read from its store, never written). */
const JIT_LAB_PROGRAM = storedItem('jit-lab', 'program', ['hov.jit-lab.v1']);
const MAX_SAMPLES = 240;
const MEASURE_RUNS = 5;
/** Characters of output the lab keeps and shows: the end of it, from a line start. */
const OUTPUT_SHOWN = 4000;
type Speed = 'slow' | 'medium' | 'full';
type RunStatus = 'ready' | 'running' | 'stopped' | 'halted' | 'error';

interface ProgramChoice {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly input: string;
}

/** What a hash holds for this lab: a `#jit=` program and settings, a `#pcode=` program, a damaged link of either, or undefined (none). */
type LabLink = Exclude<ReturnType<typeof decodeJitLabHash> | ReturnType<typeof decodeShareHash>, { kind: 'none' }>;
function readLabLink(hash: string): LabLink | undefined {
  const jitLink = decodeJitLabHash(hash);
  const link = jitLink.kind === 'none' ? decodeShareHash(hash) : jitLink;
  return link.kind === 'none' ? undefined : link;
}

function copyProgram(p: PProgram): PProgram {
  return { ...p, code: p.code.slice() };
}

const builtIn: ProgramChoice[] = [
  ...JIT_EXAMPLES.map((e) => ({ id: e.id, title: e.title, source: e.source, input: '' })),
  ...PASCAL_EXAMPLES.map((e) => ({ id: `pcode-${e.id}`, title: `P-code lab: ${e.title}`, source: e.source, input: e.input })),
];

/**
 * The JIT lab: the same P-code as chapter 2, cut into basic blocks, counted, and translated to
 * WebAssembly block by block (tier 1) or a routine at a time (tier 2) while it runs.
 */
export default function JitLab({ locale = 'en', example = 'hot-loop', threshold: initialThreshold = 10 }: JitLabProps) {
  const m = pickMessages(jitLabCatalogues, locale);
  const id = useId().replace(/:/g, '');
  const [choices, setChoices] = useState<ProgramChoice[]>(builtIn);
  const first = builtIn.find((c) => c.id === example || c.id === `pcode-${example}`) ?? builtIn[0]!;
  const [choice, setChoice] = useState(first.id);
  const [source, setSource] = useState(first.source);
  const [input, setInput] = useState(first.input);
  const [threshold, setThreshold] = useState(initialThreshold);
  const [mode, setMode] = useState<JitMode>('chaining');
  const [speed, setSpeed] = useState<Speed>('medium');
  const [deterministic, setDeterministic] = useState(false);
  /** The reader's own edited program, offered in the menu as long as it exists. */
  const [own, setOwn] = useState<{ source: string; input: string } | null>(null);
  const [storageProblem, setStorageProblem] = useState(false);
  const [notice, setNotice] = useState('');
  /** Bumped when a link is opened: the lab starts afresh even if the program did not change. */
  const [linkToken, setLinkToken] = useState(0);
  /** Bumped when a link on this page was followed: focus moves to what it opened. */
  const [followedLink, setFollowedLink] = useState(0);
  const noticeRef = useRef<HTMLParagraphElement | null>(null);
  const [status, setStatus] = useState<RunStatus>('ready');
  const [, setTick] = useState(0);
  const [selected, setSelected] = useState(0);
  const [wholeModule, setWholeModule] = useState(false);
  const [pokeAddress, setPokeAddress] = useState(0);
  const [pokeWord, setPokeWord] = useState(1);
  const [pokeValue, setPokeValue] = useState(0);
  const [pokeMessage, setPokeMessage] = useState('');
  const [measure, setMeasure] = useState<{ state: 'idle' | 'running' | 'done'; done: number; total: number; outcome?: MeasureOutcome }>({
    state: 'idle',
    done: 0,
    total: 0,
  });
  const jitRef = useRef<JitMachine | null>(null);
  const samplesRef = useRef<TierSample[]>([]);
  const loop = useAnimationLoop();
  const stopMeasureRef = useRef(false);
  const speedRef = useRef(speed);
  speedRef.current = speed;
  const thresholdRef = useRef(threshold);
  thresholdRef.current = threshold;
  const modeRef = useRef(mode);
  modeRef.current = mode;
  const deterministicRef = useRef(deterministic);
  deterministicRef.current = deterministic;

  const compiled = useMemo(() => compileProgram(source), [source]);

  /** The menu: a link's program, the reader's own, the P-code lab's, then the examples. */
  const extraChoices = (link: ProgramChoice | null, mine: { source: string; input: string } | null) => {
    const extra: ProgramChoice[] = [];
    if (link) extra.push(link);
    if (mine) extra.push({ id: 'own', title: m.yourProgram, ...mine });
    const saved = readSavedProgram(PCODE_LAB_PROGRAM);
    if (saved) extra.push({ id: 'pcode-lab', title: m.fromPcodeLab, ...saved });
    return [...extra, ...builtIn];
  };

  /** Opens what a `#jit=` (program and settings) or `#pcode=` (program) link carries; true if it did. */
  const openLink = (decoded: LabLink, mine: { source: string; input: string } | null): boolean => {
    if (decoded.kind === 'invalid') {
      setNotice(m.linkInvalid(wordMessage(shareLinkProblemWordings, decoded.problem, locale)));
      return false;
    }
    const link: ProgramChoice = { id: 'link', title: m.fromLink, source: decoded.state.source, input: decoded.state.input };
    setChoices(extraChoices(link, mine));
    setChoice('link');
    setSource(link.source);
    setInput(link.input);
    setMeasure({ state: 'idle', done: 0, total: 0 });
    if ('threshold' in decoded.state) {
      const { threshold: linkThreshold, mode: linkMode, deterministic: linkDeterministic } = decoded.state;
      setThreshold(linkThreshold);
      setMode(linkMode);
      setDeterministic(linkDeterministic);
      setNotice(m.linkOpened(linkThreshold, linkMode === 'dispatcher' ? m.modeDispatcher : m.modeChaining, linkDeterministic));
    } else {
      setNotice('');
    }
    setLinkToken((t) => t + 1);
    return true;
  };

  // Programs: a link (#jit=… or #pcode=…), the reader's own edits, the P-code lab's program. A link
  // on the same page (an exercise's) changes only the hash.
  const ownRef = useRef(own);
  ownRef.current = own;
  useAddressLink(
    readLabLink,
    (decoded, when) => {
      const mine = when === 'load' ? readSavedProgram(JIT_LAB_PROGRAM) ?? null : ownRef.current;
      if (openLink(decoded, mine)) setFollowedLink((n) => n + 1);
    },
    (decoded) => {
      const mine = readSavedProgram(JIT_LAB_PROGRAM) ?? null;
      setOwn(mine);
      if (decoded?.kind === 'state') return;
      setChoices(extraChoices(null, mine));
      const fromPcodeLab = mine ? undefined : readSavedProgram(PCODE_LAB_PROGRAM);
      const preferred = mine ? { id: 'own', ...mine } : fromPcodeLab ? { id: 'pcode-lab', ...fromPcodeLab } : null;
      if (!preferred) return;
      setChoice(preferred.id);
      setSource(preferred.source);
      setInput(preferred.input);
    },
  );

  useEffect(() => {
    if (followedLink > 0) noticeRef.current?.focus();
  }, [followedLink]);

  /** The reader typed: the text becomes their own program, kept in this browser. */
  const edit = (next: { source: string; input: string }) => {
    setSource(next.source);
    setInput(next.input);
    setOwn(next);
    if (choice !== 'own') {
      setChoice('own');
      setChoices((list) => [{ id: 'own', title: m.yourProgram, ...next }, ...list.filter((c) => c.id !== 'own')]);
    } else {
      setChoices((list) => list.map((c) => (c.id === 'own' ? { ...c, ...next } : c)));
    }
  };

  useEffect(() => {
    if (!own) return;
    const handle = window.setTimeout(() => setStorageProblem(!saveProgram(JIT_LAB_PROGRAM, own)), 300);
    return () => window.clearTimeout(handle);
  }, [own]);

  const stopRunning = useCallback(() => loop.stop(), [loop]);

  /** A fresh JIT machine for the current program (translations and counters start empty). */
  const rebuild = useCallback(() => {
    stopRunning();
    samplesRef.current = [];
    setPokeMessage('');
    if (!compiled.program) {
      jitRef.current = null;
      setStatus('ready');
      setTick((t) => t + 1);
      return;
    }
    const jit = new JitMachine(copyProgram(compiled.program), {
      input,
      threshold: thresholdRef.current,
      mode: modeRef.current,
      instantiate: 'async',
      keepOutput: OUTPUT_SHOWN,
      deterministic: deterministicRef.current,
    });
    jitRef.current = jit;
    setSelected((s) => (s < jit.cfg.blocks.length ? s : 0));
    setStatus('ready');
    setTick((t) => t + 1);
    // linkToken: an opened link starts afresh even when its program is the one already shown.
  }, [compiled, input, stopRunning, linkToken]);

  useEffect(() => {
    rebuild();
  }, [rebuild]);

  useEffect(() => {
    if (jitRef.current) jitRef.current.threshold = threshold;
    setTick((t) => t + 1);
  }, [threshold]);

  useEffect(() => {
    if (jitRef.current) jitRef.current.mode = mode;
    setTick((t) => t + 1);
  }, [mode]);

  useEffect(() => {
    if (jitRef.current) jitRef.current.deterministic = deterministic;
  }, [deterministic]);

  /** One frame of a run; what it returns tells the loop when to run the next (see useAnimationLoop). */
  const frame = useCallback((): LoopNext => {
    const jit = jitRef.current;
    if (!jit) return false;
    // Deterministic: the next block waits until the translation it asked for is installed.
    if (jit.deterministic && jit.translating) return jit.settle();
    const t0 = performance.now();
    let outcome: string;
    const s = speedRef.current;
    // One timeline sample per slice of the run.
    const slice = () => {
      const before = { ...jit.tiers };
      const o = jit.run(s === 'slow' ? 50 : 20_000);
      samplesRef.current.push({
        interpreter: jit.tiers.interpreter - before.interpreter,
        dispatcher: jit.tiers.dispatcher - before.dispatcher,
        chained: jit.tiers.chained - before.chained,
      });
      return o;
    };
    if (s === 'full') {
      do outcome = slice();
      while (outcome === 'budget' && !(jit.deterministic && jit.translating) && performance.now() - t0 < 12);
    } else {
      outcome = slice();
    }
    while (samplesRef.current.length > MAX_SAMPLES) {
      // Keep the whole run in view: merge neighbouring samples.
      const samples = samplesRef.current;
      const merged: TierSample[] = [];
      for (let k = 0; k < samples.length; k += 2) {
        const a = samples[k]!;
        const b = samples[k + 1] ?? { interpreter: 0, dispatcher: 0, chained: 0 };
        merged.push({ interpreter: a.interpreter + b.interpreter, dispatcher: a.dispatcher + b.dispatcher, chained: a.chained + b.chained });
      }
      samplesRef.current = merged;
    }
    setTick((t) => t + 1);
    if (outcome !== 'budget') {
      setStatus(outcome === 'halted' ? 'halted' : 'error');
      return false;
    }
    return true;
  }, []);

  const run = () => {
    recordLabRun('jit-lab');
    const jit = jitRef.current;
    if (!jit) return;
    if (jit.machine.status !== 'ready') {
      // Deterministic runs promise the same counts every run, so they start cold; otherwise the
      // translations made so far stay, as in a JIT that has warmed up.
      jit.reset({ input, forget: jit.deterministic });
      samplesRef.current = [];
    }
    setStatus('running');
    loop.start(frame);
  };

  const stop = () => {
    stopRunning();
    stopMeasureRef.current = true;
    setStatus((s) => (s === 'running' ? 'stopped' : s));
  };

  const chooseProgram = (value: string) => {
    const c = choices.find((x) => x.id === value);
    if (!c) return;
    setChoice(value);
    setSource(c.source);
    setInput(c.input);
    setNotice('');
    setMeasure({ state: 'idle', done: 0, total: 0 });
  };

  const selectBlock = (block: number) => {
    setSelected(block);
    const jit = jitRef.current;
    const b = jit?.cfg.blocks[block];
    if (jit && b) {
      // Suggest changing a constant: the block's first LIT, if it has one.
      let pc = b.start;
      for (let k = b.start; k < b.end; k++) {
        if (jit.program.code[k * 4] === Op.LIT) {
          pc = k;
          break;
        }
      }
      setPokeAddress(pc);
      setPokeWord(1);
      setPokeValue((jit.program.code[pc * 4 + 1] ?? 0) + 1);
    }
  };

  const poke = () => {
    const jit = jitRef.current;
    if (!jit) return;
    const pc = Math.max(0, Math.min(jit.cfg.blockOf.length - 1, Math.trunc(pokeAddress)));
    const { dropped } = jit.poke(pc, pokeWord, Math.trunc(pokeValue));
    setPokeMessage(dropped.length > 0 ? m.pokeDone(pc, dropped) : m.pokeNothing(pc));
    setSelected(jit.cfg.blockOf[pc] ?? 0);
    setTick((t) => t + 1);
  };

  const startMeasure = async () => {
    if (!compiled.program) return;
    stopMeasureRef.current = false;
    setMeasure({ state: 'running', done: 0, total: 3 * (MEASURE_RUNS + 1) });
    const outcome = await measureSpeed(compiled.program, {
      input,
      runs: MEASURE_RUNS,
      threshold: Math.max(threshold, 2),
      pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
      shouldStop: () => stopMeasureRef.current,
      onProgress: (done, total) => setMeasure({ state: 'running', done, total }),
    });
    setMeasure({ state: 'done', done: 0, total: 0, outcome });
  };

  const jit = jitRef.current;
  const samples = samplesRef.current;
  const error = jit?.machine.errorReport(locale) ?? '';
  const output = jit?.machine.output ?? '';
  const linesNotShown = jit?.machine.outputLinesNotShown ?? 0;
  const measured = measure.outcome;
  const mismatch = measured?.status === 'disagree';

  return (
    <section className="jit-lab not-content" aria-label={m.regionLabel}>
      {notice && (
        <p className="jit-notice" role="status" data-testid="jit-notice" tabIndex={-1} ref={noticeRef}>
          <span>{notice}</span>{' '}
          <button type="button" onClick={() => setNotice('')}>
            {m.dismiss}
          </button>
        </p>
      )}
      <div className="jit-controls">
        <div className="jit-field">
          <label htmlFor={`${id}-program`}>{m.programLabel}</label>
          <select id={`${id}-program`} value={choice} onChange={(e) => chooseProgram(e.target.value)}>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {m.exampleTitle(c.id, c.title)}
              </option>
            ))}
          </select>
        </div>
        <div className="jit-field jit-threshold">
          <label htmlFor={`${id}-threshold`}>
            {m.thresholdLabel}: <output htmlFor={`${id}-threshold`}>{threshold}</output>
          </label>
          <input
            id={`${id}-threshold`}
            type="range"
            min={1}
            max={MAX_JIT_THRESHOLD}
            value={threshold}
            onChange={(e) => setThreshold(Number(e.target.value))}
            aria-describedby={`${id}-th`}
          />
          <small id={`${id}-th`}>{m.thresholdHint(threshold)}</small>
        </div>
        <fieldset className="jit-field jit-mode">
          <legend>{m.modeLabel}</legend>
          {(['dispatcher', 'chaining'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name={`${id}-mode`} value={value} checked={mode === value} onChange={() => setMode(value)} />
              {value === 'dispatcher' ? m.modeDispatcher : m.modeChaining}
            </label>
          ))}
          <small>{mode === 'dispatcher' ? m.modeDispatcherHint : m.modeChainingHint}</small>
        </fieldset>
        <div className="jit-field">
          <label className="jit-check">
            <input type="checkbox" checked={deterministic} onChange={(e) => setDeterministic(e.target.checked)} aria-describedby={`${id}-det`} />
            {m.deterministicLabel}
          </label>
          <small id={`${id}-det`}>{m.deterministicHint}</small>
        </div>
        <div className="jit-field">
          <label htmlFor={`${id}-speed-select`}>{m.speedLabel}</label>
          <select id={`${id}-speed-select`} value={speed} onChange={(e) => setSpeed(e.target.value as Speed)}>
            {(['slow', 'medium', 'full'] as const).map((s) => (
              <option key={s} value={s}>
                {m.speeds[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="jit-buttons">
          <button type="button" className="jit-primary" onClick={run} disabled={!jit || status === 'running'}>
            {m.run}
          </button>
          <button type="button" onClick={stop} disabled={status !== 'running' && measure.state !== 'running'}>
            {m.stop}
          </button>
          <button type="button" onClick={rebuild}>
            {m.reset}
          </button>
        </div>
      </div>

      <details className="jit-source">
        <summary>{m.sourceLabel}</summary>
        <textarea value={source} onChange={(e) => edit({ source: e.target.value, input })} spellCheck={false} rows={14} aria-label={m.sourceLabel} />
        <div className="jit-field">
          <label htmlFor={`${id}-input`}>{m.inputLabel}</label>
          <textarea id={`${id}-input`} value={input} onChange={(e) => edit({ source, input: e.target.value })} rows={2} spellCheck={false} />
        </div>
        {storageProblem && <p className="jit-hint" role="status">{m.storageUnavailable}</p>}
      </details>
      {!compiled.program && (
        <div className="jit-errors" role="alert">
          <p>{m.compileErrors}</p>
          <ul>
            {compiled.diagnostics.map((d, k) => (
              <li key={k}>
                {formatDiagnosticIn(d, locale)}
              </li>
            ))}
          </ul>
        </div>
      )}

      {jit && (
        <>
          <div className="jit-status" role="status" aria-live="polite">
            <strong data-testid="jit-status">{m.status[status]}</strong>
            {m.stepsRun(jit.machine.steps)}
            {jit.machine.steps > 0 && m.compiledShare((100 * (jit.tiers.dispatcher + jit.tiers.chained)) / Math.max(1, jit.tiers.interpreter + jit.tiers.dispatcher + jit.tiers.chained))}
          </div>
          {jit.translationProblem && (
            <p className="jit-error" role="alert">
              {wordMessage(translationProblemWordings, jit.translationProblem, locale)}
            </p>
          )}
          {error && <pre className="jit-error">{error}</pre>}
          <div className="jit-output">
            <h4>{m.outputLabel}</h4>
            <pre tabIndex={0} data-testid="jit-output">
              {linesNotShown > 0 && `${m.earlierLinesNotShown(linesNotShown)}\n`}
              {output.length > 0 || linesNotShown > 0 ? output : m.noOutput}
            </pre>
          </div>

          <div className="jit-grid">
            <section className="jit-panel" aria-labelledby={`${id}-blocks`}>
              <h3 id={`${id}-blocks`}>{m.listingHeading}</h3>
              <p className="jit-hint">{m.listingHint}</p>
              <BlockListing jit={jit} selected={selected} onSelect={selectBlock} m={m} />
            </section>
            <section className="jit-panel" aria-labelledby={`${id}-cfg`}>
              <h3 id={`${id}-cfg`}>{m.cfgHeading}</h3>
              <p className="jit-hint">{m.cfgHint}</p>
              <ControlFlowGraphView jit={jit} selected={selected} onSelect={selectBlock} m={m} />
            </section>
          </div>

          <section className="jit-panel" aria-labelledby={`${id}-code`}>
            <h3 id={`${id}-code`}>{m.codeHeading}</h3>
            <p className="jit-hint">{m.codeHint}</p>
            <label className="jit-check">
              <input type="checkbox" checked={wholeModule} onChange={(e) => setWholeModule(e.target.checked)} />
              {m.wholeModule}
            </label>
            <CodeView jit={jit} block={selected} wholeModule={wholeModule} onSelect={selectBlock} m={m} />
          </section>

          <section className="jit-panel" aria-labelledby={`${id}-cache`}>
            <h3 id={`${id}-cache`}>{m.cacheHeading}</h3>
            <p className="jit-hint">{m.cacheHint}</p>
            <CacheTable jit={jit} m={m} />
          </section>

          <section className="jit-panel" aria-labelledby={`${id}-poke`}>
            <h3 id={`${id}-poke`}>{m.pokeHeading}</h3>
            <p className="jit-hint">{m.pokeHint}</p>
            <div className="jit-poke">
              <div className="jit-field">
                <label htmlFor={`${id}-poke-pc`}>{m.pokeAddress}</label>
                <input id={`${id}-poke-pc`} type="number" min={0} max={jit.cfg.blockOf.length - 1} value={pokeAddress} onChange={(e) => setPokeAddress(Number(e.target.value))} />
              </div>
              <div className="jit-field">
                <label htmlFor={`${id}-poke-word`}>{m.pokeWord}</label>
                <select id={`${id}-poke-word`} value={pokeWord} onChange={(e) => setPokeWord(Number(e.target.value))}>
                  {m.pokeWords.map((w, k) => (
                    <option key={k} value={k}>
                      {w}
                    </option>
                  ))}
                </select>
              </div>
              <div className="jit-field">
                <label htmlFor={`${id}-poke-value`}>{m.pokeValue}</label>
                <input id={`${id}-poke-value`} type="number" value={pokeValue} onChange={(e) => setPokeValue(Number(e.target.value))} />
              </div>
              <button type="button" onClick={poke}>
                {m.pokeButton}
              </button>
            </div>
            {pokeMessage && (
              <p className="jit-poke-message" role="status">
                {pokeMessage}
              </p>
            )}
          </section>

          <section className="jit-panel" aria-labelledby={`${id}-timeline`}>
            <h3 id={`${id}-timeline`}>{m.timelineHeading}</h3>
            <p className="jit-hint">{m.timelineHint}</p>
            <TierTimeline samples={samples} totals={jit.tiers} m={m} />
          </section>

          <section className="jit-panel" aria-labelledby={`${id}-speed`}>
            <h3 id={`${id}-speed`}>{m.speedHeading}</h3>
            <p className="jit-hint">{m.speedHint}</p>
            <div className="jit-buttons">
              <button type="button" className="jit-primary" onClick={() => void startMeasure()} disabled={measure.state === 'running'}>
                {m.measure}
              </button>
              {measure.state === 'running' && (
                <button type="button" onClick={stop}>
                  {m.stop}
                </button>
              )}
            </div>
            <p role="status" className="jit-hint">
              {measure.state === 'running'
                ? m.measuring(measure.done, measure.total)
                : measured?.status === 'stopped'
                  ? m.measureStopped
                  : measured?.status === 'too-long'
                    ? m.measureTooLong
                    : ''}
            </p>
            {mismatch && <p className="jit-error">{m.measureMismatch}</p>}
            {measured?.status === 'done' && <SpeedChart results={measured.results} runs={MEASURE_RUNS} m={m} />}
          </section>
        </>
      )}
    </section>
  );
}
