import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  COST_MODEL_KEYS, DEFAULT_COST_MODEL, DEFAULT_LAB_SETUP, PV_BATCH_SIZES, SENSITIVE_UNPRIVILEGED, STRATEGY_IDS,
  VMCS_CONTROL_KEYS, WORKLOAD_IDS, TrapMachine, compareStrategies, createMachine, decodeLabSetupHash,
  encodeLabSetupHash, getWorkload, normalizeLabSetup, parseLabSetup, serializeLabSetup, countChangedLines,
} from '../../lib/trap/index.ts';
import type {
  Actor, LabSetup, MachineEvent, MachineSnapshot, RunOptions, StepRecord, StrategyId,
} from '../../lib/trap/index.ts';
import { storedItem } from '../book/lab-storage.ts';
import { pickMessages, type BookLocale } from '../book/locale.ts';
import { usePersistentState } from '../book/usePersistentState.ts';
import { useShareLink } from '../book/useShareLink.ts';
import { useAnimationLoop } from '../book/useAnimationLoop.ts';
import { trapLabCatalogues } from './messages.ts';
import './TrapLab.css';
import { recordLabRun } from '../progress/progress-store.ts';

export interface TrapLabProps {
  locale?: BookLocale;
}

const SETUP_STORED = storedItem('trap-lab', 'setup', ['hov.trap-lab.setup']);
const SETUP_PERSISTENCE = {
  parse: (text: string) => parseLabSetup(text),
  serialize: serializeLabSetup,
  fromHash: (hash: string) => decodeLabSetupHash(hash) ?? undefined,
};
const ALL_STRATEGIES: readonly StrategyId[] = ['bare-metal', ...STRATEGY_IDS];
const STRIP_LENGTH = 64;
const EVENTS_SHOWN = 14;
/** Steps per animation frame while running. */
const STEPS_PER_FRAME = 2;
/** "Run to the end" gives up after this many guest instructions. */
const DEFAULT_RUN_STEP_LIMIT = 100_000;

function runOptions(setup: LabSetup): Partial<RunOptions> {
  return {
    cost: setup.cost,
    vmcs: setup.vmcs,
    trappingSensitive: setup.trappingSensitive,
    workloadSettings: { pvBatchSize: setup.pvBatchSize },
  };
}

function newMachine(setup: LabSetup): TrapMachine | null {
  const machine = createMachine(setup.workload, setup.strategy, runOptions(setup));
  return machine instanceof TrapMachine ? machine : null;
}

interface LoggedEvent {
  readonly id: number;
  readonly event: MachineEvent;
  readonly line: number;
}

const SEVERE: ReadonlySet<MachineEvent['kind']> = new Set(['ignored', 'leak', 'violation', 'fault']);

/**
 * The trap lab: pick a workload and a way to run its guest kernel, step or run it, and watch who
 * runs (guest user, guest kernel, monitor), the traps, exits and hypercalls as they happen, the
 * counters, and whether the guest ends as it does on bare metal. Below, every strategy on the same
 * workload, side by side, and the settings (cost model, batching, VMCS controls, ISA redesign).
 */
export default function TrapLab({ locale = 'en' }: TrapLabProps) {
  const m = pickMessages(trapLabCatalogues, locale);
  // A share link wins over what this browser saved; every change is saved back.
  const [setup, setSetup, loaded] = usePersistentState<LabSetup>(SETUP_STORED, DEFAULT_LAB_SETUP, SETUP_PERSISTENCE);
  const machineRef = useRef<TrapMachine | null>(null);
  const [snapshot, setSnapshot] = useState<MachineSnapshot | null>(null);
  const [strip, setStrip] = useState<readonly { actor: Actor; monitor: boolean }[]>([]);
  const [events, setEvents] = useState<readonly LoggedEvent[]>([]);
  const [lastStep, setLastStep] = useState<StepRecord | null>(null);
  const [running, setRunning] = useState(false);
  const { shareUrl, copied, publish } = useShareLink();
  const eventId = useRef(0);
  const loop = useAnimationLoop();
  const currentLine = useRef<HTMLLIElement | null>(null);
  const listing = useRef<HTMLOListElement | null>(null);

  const stopRunning = useCallback(() => {
    loop.stop();
    setRunning(false);
  }, [loop]);

  const restart = useCallback((s: LabSetup) => {
    stopRunning();
    const machine = newMachine(s);
    machineRef.current = machine;
    setSnapshot(machine ? machine.snapshot() : null);
    setStrip([]);
    setEvents([]);
    setLastStep(null);
  }, [stopRunning]);

  useEffect(() => {
    restart(setup);
  }, [setup, restart]);

  // Keep the current line visible inside the listing, without scrolling the page.
  useEffect(() => {
    const box = listing.current;
    const line = currentLine.current;
    if (!box || !line) return;
    const top = line.offsetTop; // the listing is the offset parent (position: relative)
    if (top < box.scrollTop || top + line.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTop = Math.max(0, top - box.clientHeight / 3);
    }
  }, [snapshot?.pc]);

  const update = (patch: Partial<LabSetup>) => setSetup((s) => normalizeLabSetup({ ...s, ...patch }));

  /** Advance the machine by up to `count` steps and publish what happened. */
  const advance = useCallback((count: number): boolean => {
    const machine = machineRef.current;
    if (!machine) return false;
    const records: StepRecord[] = [];
    for (let i = 0; i < count && !machine.halted; i++) {
      const record = machine.step();
      if (record) records.push(record);
    }
    if (records.length > 0) {
      setStrip((old) => [...old, ...records.map((r) => ({ actor: r.actor, monitor: r.enteredMonitor }))].slice(-STRIP_LENGTH));
      const fresh: LoggedEvent[] = [];
      for (const r of records) for (const event of r.events) fresh.push({ id: eventId.current++, event, line: r.line });
      if (fresh.length > 0) setEvents((old) => [...old, ...fresh].slice(-EVENTS_SHOWN * 4));
      setLastStep(records[records.length - 1]!);
    }
    setSnapshot(machine.snapshot());
    return !machine.halted;
  }, []);

  const run = () => {
    recordLabRun('trap-lab');
    if (running) return;
    setRunning(true);
    loop.start(() => {
      const more = advance(STEPS_PER_FRAME);
      if (!more) setRunning(false);
      return more;
    });
  };

  const finish = () => {
    recordLabRun('trap-lab');
    stopRunning();
    advance(DEFAULT_RUN_STEP_LIMIT);
  };

  const workload = getWorkload(setup.workload);
  const workloadText = m.workloads[setup.workload];
  const rows = useMemo(() => {
    const result = compareStrategies(setup.workload, runOptions(setup));
    return Array.isArray(result) ? result : [];
  }, [setup]);
  const reference = rows[0];

  const sourceLines = useMemo(() => {
    const batch = { pvBatchSize: setup.pvBatchSize };
    const text = setup.strategy === 'paravirtualization' ? workload.paravirtualSource(batch) : workload.nativeSource(batch);
    return text.replace(/\n$/, '').split('\n');
  }, [setup.strategy, setup.pvBatchSize, workload]);
  const changedLines = useMemo(
    () => countChangedLines(workload.nativeSource({ pvBatchSize: setup.pvBatchSize }), workload.paravirtualSource({ pvBatchSize: setup.pvBatchSize })),
    [workload, setup.pvBatchSize],
  );

  const translatedLines = useMemo(() => {
    const lines = new Set<number>();
    const machine = machineRef.current;
    if (!snapshot || !machine) return lines;
    for (const block of snapshot.translatedBlocks) {
      for (const entry of block.entries) {
        const line = machine.program.instructions[entry.pc]?.line;
        if (line) lines.add(line);
      }
    }
    return lines;
  }, [snapshot]);

  const halted = snapshot?.halt ?? null;
  const shownEvents = events.slice(-EVENTS_SHOWN).reverse();
  const lastActor: Actor | null = lastStep ? (lastStep.enteredMonitor ? 'monitor' : lastStep.actor) : null;

  const verdict = (() => {
    if (!snapshot) return null;
    if (!halted) return { tone: 'neutral', text: m.verdictRunning };
    if (halted.reason === 'fault') return { tone: 'bad', text: m.verdictFault(halted, halted.line) };
    if (halted.reason === 'step-limit') return { tone: 'bad', text: m.verdictStepLimit };
    const same =
      reference !== undefined &&
      snapshot.console.length === reference.console.length &&
      snapshot.console.every((v, i) => v === reference.console[i]) &&
      snapshot.disk.length === reference.disk.length &&
      snapshot.disk.every((v, i) => v === reference.disk[i]);
    return same ? { tone: 'good', text: m.verdictEquivalent } : { tone: 'bad', text: m.verdictDifferent };
  })();
  const lostControl = events.some((e) => e.event.kind === 'violation');

  const share = () => publish(encodeLabSetupHash(setup));

  return (
    <section className="book-lab hov-trap not-content" aria-label={m.regionLabel} data-ready={loaded ? 'true' : 'false'}>
      <fieldset className="hov-trap-setup">
        <legend>{m.setupLegend}</legend>
        <label className="hov-trap-field">
          <span>{m.workloadLabel}</span>
          <select
            value={setup.workload}
            onChange={(e) => update({ workload: e.target.value as LabSetup['workload'] })}
            data-testid="trap-workload"
          >
            {WORKLOAD_IDS.map((id) => (
              <option key={id} value={id}>{m.workloads[id].name}</option>
            ))}
          </select>
        </label>
        <p className="hov-trap-blurb">{workloadText.blurb}</p>
        <div className="hov-trap-strategies" role="radiogroup" aria-label={m.strategyLegend}>
          {ALL_STRATEGIES.map((id) => (
            <label key={id} className="hov-trap-strategy" data-checked={setup.strategy === id}>
              <input
                type="radio"
                name="hov-trap-strategy"
                value={id}
                checked={setup.strategy === id}
                onChange={() => update({ strategy: id })}
              />
              <span className="hov-trap-strategy-name">{m.strategies[id].name}</span>
              <span className="hov-trap-strategy-blurb">{m.strategies[id].blurb}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="hov-trap-buttons">
        <button type="button" onClick={() => { recordLabRun('trap-lab'); advance(1); }} disabled={running || halted !== null} data-testid="trap-step">
          {m.step}
        </button>
        {running ? (
          <button type="button" onClick={stopRunning} data-testid="trap-stop">{m.stop}</button>
        ) : (
          <button type="button" onClick={run} disabled={halted !== null} data-testid="trap-run">{m.run}</button>
        )}
        <button type="button" onClick={finish} disabled={halted !== null} data-testid="trap-finish">{m.finish}</button>
        <button type="button" onClick={() => restart(setup)} data-testid="trap-reset">{m.reset}</button>
        <span className="hov-trap-hint">{m.stepHint}</span>
      </div>

      {snapshot && (
        <div className="hov-trap-status" data-testid="trap-status">
          <div>
            <span className="hov-trap-k">{m.modeNow}</span>{' '}
            <span className="hov-trap-badge" data-actor={lastActor ?? 'none'} data-testid="trap-actor">
              {lastActor ? m.actors[lastActor] : '–'}
            </span>
          </div>
          <div>
            <span className="hov-trap-k">{m.hardwareModeLabel}</span> {m.hardwareModes[snapshot.hardwareMode]}
          </div>
          <div>
            <span className="hov-trap-k">{m.interruptsLabel}</span> {m.interruptsState(snapshot.interruptsEnabled)}
            {' · '}
            <span className="hov-trap-k">{m.believesLabel}</span> {m.interruptsState(snapshot.guestBelievesInterruptsEnabled)}
            {snapshot.guestMode === 'kernel' && snapshot.interruptsEnabled !== snapshot.guestBelievesInterruptsEnabled && (
              <strong className="hov-trap-alert" data-testid="trap-mismatch"> ⚠ {m.mismatch}</strong>
            )}
          </div>
        </div>
      )}

      <div className="hov-trap-strip" aria-label={m.timelineLabel} role="img" title={m.timelineLegend}>
        {Array.from({ length: STRIP_LENGTH }, (_, i) => {
          const entry = strip[i - (STRIP_LENGTH - strip.length)];
          return <span key={i} data-actor={entry ? (entry.monitor ? 'monitor' : entry.actor) : 'none'} />;
        })}
      </div>
      <p className="hov-trap-legend" aria-hidden="true">
        <span data-actor="user">{m.actors.user}</span>
        <span data-actor="kernel">{m.actors.kernel}</span>
        <span data-actor="monitor">{m.actors.monitor}</span>
      </p>

      <div className="hov-trap-main">
        <div className="hov-trap-source">
          <h3 className="hov-trap-h">{m.sourceLabel(setup.strategy)}</h3>
          {setup.strategy === 'paravirtualization' && <p className="hov-trap-note">{m.sourceModifiedNote(changedLines)}</p>}
          <ol className="hov-trap-listing" ref={listing} tabIndex={0} aria-label={m.sourceLabel(setup.strategy)}>
            {sourceLines.map((text, i) => {
              const line = i + 1;
              const current = snapshot !== null && !halted && snapshot.line === line;
              return (
                <li
                  key={line}
                  ref={current ? currentLine : undefined}
                  data-current={current ? 'true' : undefined}
                  data-translated={translatedLines.has(line) ? 'true' : undefined}
                  aria-current={current ? 'step' : undefined}
                >
                  <code>{text || ' '}</code>
                </li>
              );
            })}
          </ol>
        </div>

        <div className="hov-trap-side">
          <h3 className="hov-trap-h">{m.consoleLabel}</h3>
          <table className="hov-trap-console" data-testid="trap-console">
            <thead>
              <tr><th scope="col">{m.consoleWhat}</th><th scope="col">{m.consoleThisRun}</th><th scope="col">{m.bareMetalSays}</th></tr>
            </thead>
            <tbody>
              {workloadText.outputs.map((label, i) => {
                const got = snapshot?.console[i];
                const want = reference?.console[i];
                return (
                  <tr key={label} data-differs={got !== undefined && got !== want ? 'true' : undefined}>
                    <th scope="row">{label}</th>
                    <td>{got ?? m.consoleEmpty}</td>
                    <td>{want ?? m.consoleEmpty}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {verdict && (
            <p className="hov-trap-verdict" data-tone={verdict.tone} role="status" data-testid="trap-verdict">
              {verdict.text}
              {lostControl && <> {m.resourceControlLost}</>}
            </p>
          )}

          <h3 className="hov-trap-h">{m.countersLabel}</h3>
          {snapshot && (
            <dl className="hov-trap-counters" data-testid="trap-counters">
              {(Object.keys(m.counterNames) as (keyof typeof m.counterNames)[]).map((key) => (
                <div key={key} data-counter={key}>
                  <dt>{m.counterNames[key]}</dt>
                  <dd>{snapshot.counters[key].toLocaleString('en-US')}</dd>
                </div>
              ))}
            </dl>
          )}

          <h3 className="hov-trap-h">{m.registersLabel}</h3>
          {snapshot && (
            <p className="hov-trap-registers">
              {snapshot.registers.map((v, i) => (
                <span key={i}><code>r{i}={v}</code> </span>
              ))}
              <span><code>sp={snapshot.sp}</code></span>
            </p>
          )}
        </div>
      </div>

      <h3 className="hov-trap-h">{m.eventsLabel}</h3>
      <ol className="hov-trap-events" aria-live="polite" data-testid="trap-events" tabIndex={0} aria-label={m.eventsLabel}>
        {shownEvents.length === 0 && <li className="hov-trap-muted">{m.noEvents}</li>}
        {shownEvents.map(({ id, event, line }) => (
          <li key={id} data-kind={event.kind} data-severe={SEVERE.has(event.kind) ? 'true' : undefined}>
            <span className="hov-trap-line">{line > 0 ? `L${line}` : ''}</span> {m.describeEvent(event)}
          </li>
        ))}
      </ol>

      {setup.strategy === 'binary-translation' && snapshot && (
        <details className="hov-trap-details" open>
          <summary>{m.translationCacheLabel}</summary>
          {snapshot.translatedBlocks.length === 0 ? (
            <p className="hov-trap-muted">{m.translationCacheEmpty}</p>
          ) : (
            <div className="hov-trap-blocks">
              {snapshot.translatedBlocks.map((block) => (
                <div key={block.start} className="hov-trap-block">
                  <p>{m.blockAt(machineRef.current?.program.instructions[block.start]?.line ?? 0, block.entries.length)}</p>
                  <pre>
                    {block.entries.map((e) => (
                      <span key={e.pc} data-callout={e.callout ? 'true' : undefined}>{e.text}{'\n'}</span>
                    ))}
                  </pre>
                </div>
              ))}
            </div>
          )}
        </details>
      )}

      <h3 className="hov-trap-h">{m.comparisonLabel(workloadText.name)}</h3>
      <div className="hov-trap-table-wrap" tabIndex={0} role="region" aria-label={m.comparisonLabel(workloadText.name)}>
        <table className="hov-trap-compare" data-testid="trap-compare">
          <caption>{m.comparisonCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.columns.strategy}</th>
              <th scope="col">{m.columns.equivalent}</th>
              <th scope="col">{m.columns.cycles}</th>
              <th scope="col">{m.columns.slowdown}</th>
              <th scope="col">{m.columns.traps}</th>
              <th scope="col">{m.columns.exits}</th>
              <th scope="col">{m.columns.hypercalls}</th>
              <th scope="col">{m.columns.callouts}</th>
              <th scope="col">{m.columns.translated}</th>
              <th scope="col">{m.columns.kernelChanged}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.strategy} data-strategy={row.strategy} data-current={row.strategy === setup.strategy ? 'true' : undefined}>
                <th scope="row">{m.strategies[row.strategy].name}</th>
                <td data-equivalent={row.equivalent ? 'true' : 'false'}>
                  {row.equivalent ? (row.resourceControl ? m.yes : m.noControl) : m.no}
                </td>
                <td>{row.counters.cycles.toLocaleString('en-US')}</td>
                <td>{`${row.slowdown.toFixed(1)}×`}</td>
                <td>{row.counters.traps}</td>
                <td>{row.counters.vmExits}</td>
                <td>{row.counters.hypercalls}</td>
                <td>{row.counters.callouts}</td>
                <td>{row.counters.translated}</td>
                <td>{row.kernelLinesChanged}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <details className="hov-trap-details hov-trap-settings">
        <summary>{m.settingsLabel}</summary>
        <fieldset>
          <legend>{m.costLegend}</legend>
          <div className="hov-trap-costs">
            {COST_MODEL_KEYS.map((key) => (
              <label key={key} className="hov-trap-field">
                <span>{m.costNames[key]}</span>
                <input
                  type="number"
                  min={0}
                  max={1000000}
                  step={1}
                  inputMode="numeric"
                  value={setup.cost[key]}
                  onChange={(e) => {
                    const value = e.target.valueAsNumber;
                    if (Number.isFinite(value)) update({ cost: { ...setup.cost, [key]: value } });
                  }}
                />
              </label>
            ))}
          </div>
          <button type="button" onClick={() => update({ cost: DEFAULT_COST_MODEL })}>{m.costReset}</button>
        </fieldset>
        <fieldset>
          <legend>{m.pvBatchLabel}</legend>
          <select
            aria-label={m.pvBatchLabel}
            value={setup.pvBatchSize}
            onChange={(e) => update({ pvBatchSize: Number(e.target.value) })}
          >
            {PV_BATCH_SIZES.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </fieldset>
        <fieldset>
          <legend>{m.vmcsLegend}</legend>
          {VMCS_CONTROL_KEYS.map((key) => (
            <label key={key} className="hov-trap-check">
              <input
                type="checkbox"
                checked={setup.vmcs[key]}
                onChange={(e) => update({ vmcs: { ...setup.vmcs, [key]: e.target.checked } })}
              />
              {m.vmcsNames[key]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{m.isaLegend}</legend>
          <p className="hov-trap-note">{m.isaHint}</p>
          {SENSITIVE_UNPRIVILEGED.map((op) => (
            <label key={op} className="hov-trap-check">
              <input
                type="checkbox"
                checked={setup.trappingSensitive.includes(op)}
                onChange={(e) =>
                  update({
                    trappingSensitive: e.target.checked
                      ? [...setup.trappingSensitive, op]
                      : setup.trappingSensitive.filter((o) => o !== op),
                  })
                }
              />
              {m.makeTrap(op)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{m.shareLabel}</legend>
          <p className="hov-trap-note">{m.shareHint}</p>
          <button type="button" onClick={share} data-testid="trap-share">{m.shareButton}</button>{' '}
          <button type="button" onClick={() => setSetup(DEFAULT_LAB_SETUP)}>{m.resetSetup}</button>
          {shareUrl && (
            <p>
              <input className="hov-trap-share-url" readOnly value={shareUrl} aria-label={m.shareLabel} onFocus={(e) => e.currentTarget.select()} />
              {copied && <span role="status"> {m.shareCopied}</span>}
            </p>
          )}
        </fieldset>
      </details>
    </section>
  );
}

