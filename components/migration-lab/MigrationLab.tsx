// The live migration lab: two emulators in this page ("host A" and "host B"), a counter in the guest
// that carries on across a real stop-and-copy migration, and pre-copy modelled from the dirty pages
// counted in the running guest's RAM. v86 and the guest load only when the reader powers on.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { GuestDownloadId, LabVM } from '../../lib/guest/index.ts';
import { guestDownloadWordings, guestErrorMessage, wordGuestError } from '../../lib/guest/index.ts';
import { wordMessage } from '../../lib/book/localized-text.ts';
import {
  CounterReader, PAGES_PER_MIB, counterContinued, QEMU_DOWNTIME_LIMIT_SECONDS, WRITER_PERIOD_US, WRITER_START_TIMEOUT_MS, XEN_MAX_ITERATIONS, counterStartCommand,
  dirtyMeasureProblemWordings, dirtyingFromCurve, logSpacedBandwidths, measureDirtyPages, migrateLabVM, preCopyAcrossBandwidths,
  preCopyEndingWordings, simulatePreCopy, sustainedDirtyRate, writerPagesPerTick, writerStartCommand, writerStopCommand,
} from '../../lib/migration/index.ts';
import type { BandwidthOutcome, CounterLine, DirtyCurvePoint, DirtyInterval, MigrationMeasurement } from '../../lib/migration/index.ts';
import { pickMessages, type BookLocale } from '../book/locale.ts';
import { ScrollingTable } from '../book/ScrollingTable.tsx';
import { migrationLabCatalogues, type MigrationLabMessages } from './messages.ts';
import { recordLabRun, recordLabStep } from '../progress/progress-store.ts';
import './MigrationLab.css';

export interface MigrationLabProps {
  locale?: BookLocale;
  /** The download at power on, in MB (read from the built guest by the .astro wrapper). */
  downloadMb?: number;
}

type Host = 'A' | 'B';
type HostPhase = 'off' | 'starting' | 'running' | 'waiting' | 'stopped';
type Incoming = Awaited<ReturnType<LabVM['prepareIncoming']>>;

const LOG_LINES = 8;
const MEASURE_INTERVAL_MS = 500;
const MEASURE_INTERVALS = 8;
/** Writer rates on offer, in pages per second (0: idle). */
const WORKLOADS = [0, 480, 1280, 2560] as const;
const BANDWIDTH_RANGE = { min: 0.1, max: 100_000 };
const DOWNTIME_RANGE = { min: 1, max: 60_000 };
const CHART_BANDWIDTHS = logSpacedBandwidths(0.1 * PAGES_PER_MIB, 10_000 * PAGES_PER_MIB, 61);
const other = (host: Host): Host => (host === 'A' ? 'B' : 'A');

function baseUrl(): string {
  const base = import.meta.env.BASE_URL ?? '/';
  return base.endsWith('/') ? base : base + '/';
}

function seconds(value: number, messages: MigrationLabMessages): string {
  return value < 1 ? messages.milliseconds({ value: Math.round(value * 1000) }) : messages.secondsValue({ value: value.toFixed(value < 10 ? 2 : 1) });
}

const mib = (bytes: number) => Math.round(bytes / (1024 * 1024));

/** Parses a number in a range; null when it is not one. */
function numberIn(text: string, range: { min: number; max: number }): number | null {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) && value >= range.min && value <= range.max ? value : null;
}

/**
 * A decimal field that keeps what the reader typed (`text`) and passes a value on only when it is
 * within `range`; while it is not (`valid` false), the paragraph `problemId` describes it.
 */
function DecimalField({ label, text, range, valid, problemId, onText, onValue }: {
  label: string;
  text: string;
  range: { min: number; max: number };
  valid: boolean;
  problemId: string;
  onText: (text: string) => void;
  onValue: (value: number) => void;
}) {
  return (
    <label>
      {label}{' '}
      <input
        type="number" inputMode="decimal" min={range.min} max={range.max} step="any" value={text}
        aria-invalid={!valid} aria-describedby={valid ? undefined : problemId}
        onChange={(event) => {
          onText(event.target.value);
          const value = numberIn(event.target.value, range);
          if (value !== null) onValue(value);
        }}
      />
    </label>
  );
}

export default function MigrationLab({ locale = 'en', downloadMb = 13 }: MigrationLabProps) {
  const messages = pickMessages(migrationLabCatalogues, locale);
  const id = useId();
  const [hostPhase, setHostPhase] = useState<Record<Host, HostPhase>>({ A: 'off', B: 'off' });
  const [logs, setLogs] = useState<Record<Host, CounterLine[]>>({ A: [], B: [] });
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [migration, setMigration] = useState<(MigrationMeasurement & { from: Host; to: Host; lastBefore: CounterLine | null }) | null>(null);
  /** The first counter line the new host printed after the last migration. */
  const [firstAfter, setFirstAfter] = useState<CounterLine | null>(null);
  const [memoryBytes, setMemoryBytes] = useState<{ perEmulator: number; ram: number } | null>(null);
  const [workload, setWorkload] = useState<number>(0);
  const [measuring, setMeasuring] = useState<{ done: number } | null>(null);
  const [intervals, setIntervals] = useState<DirtyInterval[]>([]);
  const [curve, setCurve] = useState<DirtyCurvePoint[] | null>(null);
  const [measureError, setMeasureError] = useState('');
  const [bandwidthText, setBandwidthText] = useState('100');
  const [downtimeText, setDowntimeText] = useState(String(QEMU_DOWNTIME_LIMIT_SECONDS * 1000));
  const [bandwidth, setBandwidth] = useState(100);
  const [downtimeLimitMs, setDowntimeLimitMs] = useState(QEMU_DOWNTIME_LIMIT_SECONDS * 1000);

  const running = useRef<{ host: Host; vm: LabVM; detach: () => void } | null>(null);
  const incoming = useRef<{ host: Host; handle: Incoming } | null>(null);
  const cancelMeasure = useRef(false);
  /** Each host's last counter line, read when a migration starts (state in a closure would be stale). */
  const lastLine = useRef<Record<Host, CounterLine | null>>({ A: null, B: null });
  const awaitingFirstLine = useRef<Host | null>(null);
  const alive = useRef(true);

  const listen = (host: Host, vm: LabVM) => {
    const reader = new CounterReader(() => performance.now());
    reader.onLine((line) => {
      lastLine.current[host] = line;
      if (awaitingFirstLine.current === host) {
        awaitingFirstLine.current = null;
        setFirstAfter(line);
      }
      setLogs((logs) => ({ ...logs, [host]: [...logs[host], line].slice(-LOG_LINES) }));
    });
    return reader.attach(vm);
  };

  const memoryOf = (vm: LabVM) => {
    const memory = vm.guestMemory();
    if (memory) setMemoryBytes({ perEmulator: memory.buffer.byteLength, ram: memory.length });
  };

  const shutDown = async () => {
    cancelMeasure.current = true;
    const vm = running.current;
    const waiting = incoming.current;
    running.current = null;
    incoming.current = null;
    vm?.detach();
    await vm?.vm.destroy().catch(() => {});
    await waiting?.handle.discard().catch(() => {});
  };

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      void shutDown();
    };
  }, []);

  const fail = (caught: unknown) => {
    setError(messages.error({ message: wordGuestError(guestErrorMessage(caught), locale) }));
  };

  const powerOn = async () => {
    recordLabRun('migration-lab');
    setBusy(true);
    setError('');
    setMigration(null);
    setLogs({ A: [], B: [] });
    setHostPhase({ A: 'starting', B: 'starting' });
    setStatus(messages.loadingEmulator);
    try {
      const { startWebLabVM } = await import('../../lib/guest/web.ts');
      const { vm } = await startWebLabVM({
        baseUrl: baseUrl(),
        onProgress: (progress) => {
          const label = wordMessage(guestDownloadWordings, { code: progress.file as GuestDownloadId }, locale);
          setStatus(messages.downloading({ label, percent: progress.total > 0 ? Math.floor((progress.loaded / progress.total) * 100) : 0 }));
        },
      });
      if (!alive.current) {
        await vm.destroy();
        return;
      }
      running.current = { host: 'A', vm, detach: listen('A', vm) };
      setStatus(messages.startingCounter);
      await vm.run(counterStartCommand());
      incoming.current = { host: 'B', handle: await vm.prepareIncoming() };
      memoryOf(vm);
      setHostPhase({ A: 'running', B: 'waiting' });
      setStatus('');
    } catch (caught) {
      fail(caught);
      await shutDown();
      setHostPhase({ A: 'off', B: 'off' });
      setStatus('');
    } finally {
      setBusy(false);
    }
  };

  const powerOff = async () => {
    setBusy(true);
    await shutDown();
    setHostPhase({ A: 'off', B: 'off' });
    setMemoryBytes(null);
    setStatus('');
    setMeasuring(null);
    setBusy(false);
  };

  // The lab's step, verified: the guest kept counting across a migration (lib/migration counterContinued).
  useEffect(() => {
    if (firstAfter && migration?.lastBefore && counterContinued(migration.lastBefore, firstAfter)) recordLabStep('migration-lab', messages.progressStep);
  }, [firstAfter, migration, messages]);

  const migrate = async () => {
    const source = running.current;
    const destination = incoming.current;
    if (!source || !destination) return;
    setBusy(true);
    setError('');
    setStatus(messages.migrating);
    cancelMeasure.current = true;
    try {
      const { vm, measurement } = await migrateLabVM(source.vm, destination.handle);
      const lastBefore = lastLine.current[source.host];
      lastLine.current[destination.host] = null;
      setFirstAfter(null);
      awaitingFirstLine.current = destination.host;
      source.detach();
      running.current = { host: destination.host, vm, detach: listen(destination.host, vm) };
      incoming.current = null;
      setLogs((logs) => ({ ...logs, [destination.host]: [] }));
      setMigration({ ...measurement, from: source.host, to: destination.host, lastBefore });
      setHostPhase({ [source.host]: 'stopped', [destination.host]: 'running' } as Record<Host, HostPhase>);
      setStatus(messages.migrated({ host: destination.host }));
      // The migration is over: the old host frees its emulator and waits, empty, for the next one.
      await source.vm.destroy();
      incoming.current = { host: source.host, handle: await vm.prepareIncoming() };
      memoryOf(vm);
      if (alive.current) setHostPhase({ [source.host]: 'waiting', [destination.host]: 'running' } as Record<Host, HostPhase>);
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  const measure = async () => {
    const vm = running.current?.vm;
    if (!vm) {
      setMeasureError(messages.measureNeedsVM);
      return;
    }
    setMeasureError('');
    setIntervals([]);
    setCurve(null);
    cancelMeasure.current = false;
    setMeasuring({ done: 0 });
    try {
      const started = await vm.run(workload === 0 ? writerStopCommand() : writerStartCommand(writerPagesPerTick(workload)), { timeoutMs: WRITER_START_TIMEOUT_MS });
      if (started.status !== 0) {
        setMeasureError(started.timedOut ? messages.writerTimedOut({ seconds: WRITER_START_TIMEOUT_MS / 1000 }) : messages.writerFailed({ status: started.status, output: started.output.trim() }));
        return;
      }
      const result = await measureDirtyPages(vm, {
        intervalMs: MEASURE_INTERVAL_MS,
        intervals: MEASURE_INTERVALS,
        yieldToHost: () => new Promise((resolve) => setTimeout(resolve, 0)),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        cancelled: () => cancelMeasure.current || !alive.current,
        onInterval: (_interval, tracker) => {
          setIntervals([...tracker.intervals]);
          setMeasuring({ done: tracker.intervals.length });
        },
      });
      if ('problem' in result) {
        if (result.problem.code !== 'cancelled') setMeasureError(wordMessage(dirtyMeasureProblemWordings, result.problem, locale));
      } else {
        setCurve(result.tracker.curve());
      }
    } catch (caught) {
      setMeasureError(messages.error({ message: wordGuestError(guestErrorMessage(caught), locale) }));
    } finally {
      setMeasuring(null);
    }
  };

  const guestPages = (memoryBytes?.ram ?? 128 * 1024 * 1024) / 4096;
  const model = useMemo(() => {
    if (!curve || curve.length === 0) return null;
    const dirtied = dirtyingFromCurve(curve, guestPages);
    const window = curve.at(-1)!.seconds;
    const inputs = { memoryPages: guestPages, dirtiedPages: dirtied, downtimeLimitSeconds: downtimeLimitMs / 1000, maxRounds: XEN_MAX_ITERATIONS };
    return {
      window,
      distinct: Math.round(curve.at(-1)!.pages),
      rate: sustainedDirtyRate(dirtied, window),
      chosen: simulatePreCopy({ ...inputs, bandwidthPagesPerSecond: bandwidth * PAGES_PER_MIB }),
      stopAndCopy: guestPages / (bandwidth * PAGES_PER_MIB),
      outcomes: preCopyAcrossBandwidths(inputs, CHART_BANDWIDTHS),
    };
  }, [curve, bandwidth, downtimeLimitMs, guestPages]);

  const bandwidthValid = numberIn(bandwidthText, BANDWIDTH_RANGE) !== null;
  const downtimeValid = numberIn(downtimeText, DOWNTIME_RANGE) !== null;
  const on = hostPhase.A !== 'off' && hostPhase.A !== 'starting';
  const runningHost = (['A', 'B'] as const).find((host) => hostPhase[host] === 'running');

  const hostStatus = (host: Host) => {
    const phase = hostPhase[host];
    if (phase === 'off') return messages.hostOff;
    if (phase === 'starting') return messages.hostStarting;
    if (phase === 'running') return messages.hostRunning;
    if (phase === 'waiting') return messages.hostWaiting;
    return messages.hostStopped({ host: other(host) });
  };

  return (
    <section className="hov-mig" aria-label={messages.labLabel}>
      <h3 className="hov-mig-heading">{messages.hostsHeading}</h3>
      <div className="hov-mig-controls">
        {hostPhase.A === 'off' && hostPhase.B === 'off' ? (
          <button type="button" className="hov-mig-primary" onClick={powerOn} disabled={busy}>
            {messages.powerOn}
          </button>
        ) : (
          <>
            <button type="button" className="hov-mig-primary" onClick={migrate} disabled={busy || !runningHost || measuring !== null}>
              {messages.migrate({ host: runningHost ? other(runningHost) : 'B' })}
            </button>
            <button type="button" onClick={powerOff} disabled={busy && hostPhase.A !== 'starting'}>
              {messages.powerOff}
            </button>
          </>
        )}
      </div>
      {hostPhase.A === 'off' ? <p className="hov-mig-note">{messages.powerOnNote({ mb: downloadMb })}</p> : null}
      <p className="hov-mig-status" role="status" aria-live="polite">
        {status}
      </p>
      {error ? (
        <p className="hov-mig-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="hov-mig-hosts">
        {(['A', 'B'] as const).map((host) => (
          <div key={host} className="hov-mig-host" data-phase={hostPhase[host]}>
            <h4 className="hov-mig-host-name">{messages.hostName({ host })}</h4>
            <p className="hov-mig-host-status" data-host-status={host}>
              {hostStatus(host)}
            </p>
            <pre className="hov-mig-log" role="log" aria-label={messages.counterLog({ host })} tabIndex={0} data-host-log={host}>
              {logs[host].map((line) => `${String(line.count).padStart(4)}  ${line.clock}  ${line.uptime.toFixed(2)}`).join('\n') || ' '}
            </pre>
          </div>
        ))}
      </div>
      <p className="hov-mig-note">{messages.counterHint}</p>
      {migration ? (
        <dl className="hov-mig-figures" data-testid="migration-figures">
          <div>
            <dt>{messages.stateSize}</dt>
            <dd data-figure="state">{(migration.stateBytes / 1e6).toFixed(1)} MB</dd>
          </div>
          <div>
            <dt>{messages.downtime}</dt>
            <dd data-figure="downtime">
              {messages.downtimeFigure({
                downtime: messages.milliseconds({ value: Math.round(migration.downtimeMs) }),
                parts: messages.downtimeParts({ save: Math.round(migration.saveMs), restore: Math.round(migration.restoreMs) }),
              })}
            </dd>
          </div>
          <div>
            <dt>{messages.counterGap}</dt>
            <dd data-figure="gap">
              {firstAfter && migration.lastBefore
                ? messages.gapFigure({
                    gap: messages.milliseconds({ value: Math.round(firstAfter.receivedAt - migration.lastBefore.receivedAt) }),
                    before: migration.lastBefore.count,
                    after: firstAfter.count,
                  })
                : messages.waitingForLine}
            </dd>
          </div>
        </dl>
      ) : null}
      {memoryBytes && on ? (
        <p className="hov-mig-note" data-testid="memory-use">
          {messages.memoryUse({
            emulators: 2,
            perEmulator: mib(memoryBytes.perEmulator),
            ram: mib(memoryBytes.ram),
            state: migration ? messages.memoryState({ mb: (migration.stateBytes / 1e6).toFixed(1) }) : '',
          })}
        </p>
      ) : null}

      <h3 className="hov-mig-heading">{messages.dirtyHeading}</h3>
      <fieldset className="hov-mig-workloads">
        <legend>{messages.workload}</legend>
        {WORKLOADS.map((rate) => (
          <label key={rate}>
            <input type="radio" name={`${id}-workload`} value={rate} checked={workload === rate} onChange={() => setWorkload(rate)} disabled={measuring !== null} />{' '}
            {rate === 0
              ? messages.workloadIdle
              : messages.workloadWriter({ pages: (writerPagesPerTick(rate) * 1e6) / WRITER_PERIOD_US, mib: ((writerPagesPerTick(rate) * 1e6) / WRITER_PERIOD_US / PAGES_PER_MIB).toFixed(1) })}
          </label>
        ))}
      </fieldset>
      <div className="hov-mig-controls">
        <button type="button" onClick={measure} disabled={!runningHost || measuring !== null || busy}>
          {messages.measure}
        </button>
        {measuring ? (
          <button type="button" onClick={() => (cancelMeasure.current = true)}>
            {messages.stop}
          </button>
        ) : null}
      </div>
      <p className="hov-mig-status" role="status" aria-live="polite">
        {measuring
          ? messages.measuring({ pages: guestPages, interval: MEASURE_INTERVAL_MS, done: measuring.done, total: MEASURE_INTERVALS })
          : !runningHost
            ? messages.measureNeedsVM
            : ''}
      </p>
      {measureError ? (
        <p className="hov-mig-error" role="alert">
          {measureError}
        </p>
      ) : null}
      {intervals.length > 0 ? (
        <ScrollingTable
          regionClassName="hov-mig-table-wrap"
          tableClassName="hov-mig-table"
          testId="dirty-intervals"
          caption={messages.intervalsCaption}
          columns={[messages.interval, messages.seconds, messages.pagesDirtied, messages.pagesPerSecond]}
        >
          <tbody>
            {intervals.map((interval, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td>{interval.seconds.toFixed(2)}</td>
                <td>{interval.dirtiedPages}</td>
                <td>{Math.round(interval.dirtiedPages / interval.seconds)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      ) : null}

      <h3 className="hov-mig-heading">{messages.modelHeading}</h3>
      <div className="hov-mig-inputs">
        <DecimalField
          label={messages.bandwidth} text={bandwidthText} range={BANDWIDTH_RANGE} valid={bandwidthValid} problemId={`${id}-bandwidth-problem`}
          onText={setBandwidthText} onValue={setBandwidth}
        />
        <DecimalField
          label={messages.downtimeLimit} text={downtimeText} range={DOWNTIME_RANGE} valid={downtimeValid} problemId={`${id}-downtime-problem`}
          onText={setDowntimeText} onValue={setDowntimeLimitMs}
        />
      </div>
      {!bandwidthValid ? (
        <p className="hov-mig-error" id={`${id}-bandwidth-problem`}>
          {messages.bandwidthProblem({ ...BANDWIDTH_RANGE, used: bandwidth })}
        </p>
      ) : null}
      {!downtimeValid ? (
        <p className="hov-mig-error" id={`${id}-downtime-problem`}>
          {messages.downtimeProblem({ ...DOWNTIME_RANGE, used: downtimeLimitMs })}
        </p>
      ) : null}
      {model ? (
        <div data-testid="pre-copy-model">
          <p data-rate={Math.round(model.rate)} data-distinct={model.distinct}>
            {messages.sustainedRate({
              seconds: model.window.toFixed(1), pages: Math.round(model.rate), mib: (model.rate / PAGES_PER_MIB).toFixed(2),
              window: model.window.toFixed(1), distinct: model.distinct,
            })}
          </p>
          <p className="hov-mig-ending" data-ending={model.chosen.ending}>
            {wordMessage(preCopyEndingWordings, { code: model.chosen.ending }, locale)}
          </p>
          <dl className="hov-mig-figures">
            <div>
              <dt>{messages.totalTime}</dt>
              <dd>{seconds(model.chosen.totalSeconds, messages)}</dd>
            </div>
            <div>
              <dt>{messages.modelDowntime}</dt>
              <dd data-figure="model-downtime">{seconds(model.chosen.downtimeSeconds, messages)}</dd>
            </div>
            <div>
              <dt>{messages.stopAndCopyModel}</dt>
              <dd>{seconds(model.stopAndCopy, messages)}</dd>
            </div>
          </dl>
          <ScrollingTable
            regionClassName="hov-mig-table-wrap"
            tableClassName="hov-mig-table"
            caption={messages.roundsCaption({ mib: bandwidth, mem: mib(guestPages * 4096) })}
            columns={[messages.round, messages.pagesSent, messages.seconds]}
          >
            <tbody>
              {model.chosen.rounds.map((round) => (
                <tr key={round.round}>
                  <td>{round.round}</td>
                  <td>{Math.round(round.pagesSent)}</td>
                  <td>{round.seconds.toFixed(3)}</td>
                </tr>
              ))}
              <tr>
                <td>{messages.stopAndCopyRound}</td>
                <td>{Math.round(model.chosen.finalPages)}</td>
                <td>{model.chosen.downtimeSeconds.toFixed(3)}</td>
              </tr>
            </tbody>
          </ScrollingTable>
          <PreCopyChart
            outcomes={model.outcomes} bandwidthMib={bandwidth} messages={messages} chosenDowntime={model.chosen.downtimeSeconds}
            chosenTotal={model.chosen.totalSeconds} measured={migration ? { stateBytes: migration.stateBytes, downtimeMs: migration.downtimeMs } : null}
          />
        </div>
      ) : (
        <p className="hov-mig-note">{messages.measureFirst}</p>
      )}
    </section>
  );
}

const CHART = { width: 640, height: 320, left: 56, right: 14, top: 14, bottom: 40 };
const X_RANGE = [Math.log10(0.1), Math.log10(10_000)] as const;
const Y_RANGE = [Math.log10(0.001), Math.log10(10_000)] as const;

function xOf(mibPerSecond: number): number {
  const t = (Math.log10(mibPerSecond) - X_RANGE[0]) / (X_RANGE[1] - X_RANGE[0]);
  return CHART.left + t * (CHART.width - CHART.left - CHART.right);
}

function yOf(secondsValue: number): number {
  const clamped = Math.min(Math.max(secondsValue, 10 ** Y_RANGE[0]), 10 ** Y_RANGE[1]);
  const t = (Math.log10(clamped) - Y_RANGE[0]) / (Y_RANGE[1] - Y_RANGE[0]);
  return CHART.height - CHART.bottom - t * (CHART.height - CHART.top - CHART.bottom);
}

function PreCopyChart({
  outcomes, bandwidthMib, messages, chosenDowntime, chosenTotal, measured,
}: {
  outcomes: readonly BandwidthOutcome[];
  bandwidthMib: number;
  messages: MigrationLabMessages;
  chosenDowntime: number;
  chosenTotal: number;
  measured: { stateBytes: number; downtimeMs: number } | null;
}) {
  const path = (value: (o: BandwidthOutcome) => number) =>
    outcomes.map((o, i) => `${i === 0 ? 'M' : 'L'}${xOf(o.bandwidthPagesPerSecond / PAGES_PER_MIB).toFixed(1)},${yOf(value(o)).toFixed(1)}`).join(' ');
  const failing = outcomes.filter((o) => o.preCopy.ending !== 'converged');
  const firstConverging = outcomes.find((o, i) => o.preCopy.ending === 'converged' && outcomes.slice(i).every((later) => later.preCopy.ending === 'converged'));
  const summaryValues = { mib: bandwidthMib, downtime: seconds(chosenDowntime, messages), total: seconds(chosenTotal, messages) };
  const summary =
    failing.length === 0
      ? messages.chartSummaryAlways(summaryValues)
      : !firstConverging
        ? messages.chartSummaryNever(summaryValues)
        : messages.chartSummary({ ...summaryValues, threshold: (firstConverging.bandwidthPagesPerSecond / PAGES_PER_MIB).toPrecision(2) });
  const notConvergingUpTo = firstConverging ? xOf(firstConverging.bandwidthPagesPerSecond / PAGES_PER_MIB) : failing.length > 0 ? CHART.width - CHART.right : CHART.left;
  const measuredPoint = measured
    ? { x: xOf(measured.stateBytes / (1024 * 1024) / (measured.downtimeMs / 1000)), y: yOf(measured.downtimeMs / 1000) }
    : null;
  const xTicks = [0.1, 1, 10, 100, 1000, 10_000];
  const yTicks = [0.001, 0.01, 0.1, 1, 10, 100, 1000, 10_000];
  const plotBottom = CHART.height - CHART.bottom;
  return (
    <figure className="hov-mig-chart">
      <figcaption>{messages.chartCaption}</figcaption>
      <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={summary} data-testid="pre-copy-chart">
        {notConvergingUpTo > CHART.left ? (
          <rect className="hov-mig-diverge" x={CHART.left} y={CHART.top} width={notConvergingUpTo - CHART.left} height={plotBottom - CHART.top} />
        ) : null}
        {xTicks.map((tick) => (
          <g key={`x${tick}`}>
            <line className="hov-mig-grid" x1={xOf(tick)} x2={xOf(tick)} y1={CHART.top} y2={plotBottom} />
            <text className="hov-mig-tick" x={xOf(tick)} y={plotBottom + 18} textAnchor="middle">{tick >= 1000 ? `${tick / 1000}k` : tick}</text>
          </g>
        ))}
        {yTicks.map((tick) => (
          <g key={`y${tick}`}>
            <line className="hov-mig-grid" x1={CHART.left} x2={CHART.width - CHART.right} y1={yOf(tick)} y2={yOf(tick)} />
            <text className="hov-mig-tick" x={CHART.left - 4} y={yOf(tick) + 4} textAnchor="end">{tick < 1 ? tick : tick >= 1000 ? `${tick / 1000}k` : tick}</text>
          </g>
        ))}
        <text className="hov-mig-tick" x={CHART.width - CHART.right} y={CHART.height - 4} textAnchor="end">{messages.axisBandwidth}</text>
        <text className="hov-mig-tick" x={4} y={CHART.top + 4}>{messages.axisSeconds}</text>
        <path className="hov-mig-line hov-mig-stop" d={path((o) => o.stopAndCopySeconds)} />
        <path className="hov-mig-line hov-mig-total" d={path((o) => o.preCopy.totalSeconds)} />
        <path className="hov-mig-line hov-mig-down" d={path((o) => o.preCopy.downtimeSeconds)} />
        <line className="hov-mig-chosen" x1={xOf(bandwidthMib)} x2={xOf(bandwidthMib)} y1={CHART.top} y2={plotBottom} />
        {measuredPoint ? <circle className="hov-mig-measured" cx={measuredPoint.x} cy={measuredPoint.y} r="6" data-testid="measured-point" /> : null}
      </svg>
      <ul className="hov-mig-legend">
        <li><span className="hov-mig-key hov-mig-down" aria-hidden="true" /> {messages.legendPreDowntime}</li>
        <li><span className="hov-mig-key hov-mig-total" aria-hidden="true" /> {messages.legendPreTotal}</li>
        <li><span className="hov-mig-key hov-mig-stop" aria-hidden="true" /> {messages.legendStopAndCopy}</li>
        <li><span className="hov-mig-key hov-mig-diverge" aria-hidden="true" /> {messages.legendNotConverging}</li>
        <li><span className="hov-mig-key hov-mig-chosen" aria-hidden="true" /> {messages.legendChosen}</li>
        {measured ? (
          <li>
            <span className="hov-mig-key hov-mig-measured" aria-hidden="true" />{' '}
            {messages.legendMeasured({ mb: (measured.stateBytes / 1e6).toFixed(1), ms: Math.round(measured.downtimeMs) })}
          </li>
        ) : null}
      </ul>
    </figure>
  );
}
