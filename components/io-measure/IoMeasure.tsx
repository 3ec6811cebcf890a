import { useRef, useState } from 'react';
import {
  DEFAULT_IO_SIZE_KIB, IO_CHANNELS, IO_ROUNDS, IO_SIZES_KIB, ioSpeedup, measureIoChannel, medianIoMeasurement,
} from '../../lib/trap/index.ts';
import type { IoChannelId, IoMeasurement } from '../../lib/trap/index.ts';
import { ioMeasureCatalogues } from './messages.ts';
import { ioMeasureProblemWordings } from '../../lib/trap/index.ts';
import type { IoMeasureProblem } from '../../lib/trap/index.ts';
import { guestErrorMessage, wordGuestError } from '../../lib/guest/index.ts';
import { wordMessage } from '../../lib/book/localized-text.ts';

/** A failed measurement: what the engine found wrong, carried out of the measuring loop. */
class IoMeasureFailure extends Error {
  readonly problem: IoMeasureProblem;
  constructor(problem: IoMeasureProblem) {
    super(problem.code);
    this.problem = problem;
  }
}
import { pickMessages, type BookLocale } from '../book/locale.ts';
import '../book/vm-measure-lab.css';
import { ScrollingTable } from '../book/ScrollingTable.tsx';
import './IoMeasure.css';
import { recordLabRun } from '../progress/progress-store.ts';

export interface IoMeasureProps {
  locale?: BookLocale;
}

type Phase = 'idle' | 'starting' | 'running' | 'done' | 'error';

interface BarChartRow {
  readonly id: IoChannelId;
  readonly label: string;
  readonly value: number;
  readonly text: string;
}

/** A horizontal bar chart: one row per device, bars scaled to the largest value; text stays HTML. */
function BarChart({ title, rows, label }: { title: string; rows: readonly BarChartRow[]; label: string }) {
  const max = Math.max(...rows.map((r) => r.value), 1e-9);
  return (
    <figure className="hov-io-chart">
      <figcaption>{title}</figcaption>
      <div role="img" aria-label={label} className="hov-io-chart-rows">
        {rows.map((row) => (
          <div key={row.id} className="hov-io-chart-row" data-channel={row.id}>
            <span className="hov-io-chart-label" aria-hidden="true">{row.label}</span>
            <svg className="hov-io-track" aria-hidden="true" focusable="false">
              <rect className="hov-io-bar" data-channel={row.id} x="0" y="0" height="100%" width={`${Math.max(0.5, (row.value / max) * 100)}%`} rx="3" />
            </svg>
            <span className="hov-io-chart-value" aria-hidden="true">{row.text}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}

/**
 * Measures, in the lab VM running in this browser, the same bytes sent through an emulated device
 * (the 16550 UART on ttyS1) and a para-virtual one (virtio console on hvc0), and charts the result.
 * The VM and v86 load only when the reader presses Measure.
 */
export default function IoMeasure({ locale = 'en' }: IoMeasureProps) {
  const m = pickMessages(ioMeasureCatalogues, locale);
  const [sizeKib, setSizeKib] = useState(DEFAULT_IO_SIZE_KIB);
  const [phase, setPhase] = useState<Phase>('idle');
  const [status, setStatus] = useState('');
  const [results, setResults] = useState<Partial<Record<IoChannelId, IoMeasurement>>>({});
  const [error, setError] = useState('');
  const busy = useRef(false);

  const measure = async () => {
    recordLabRun('io-measure');
    if (busy.current) return;
    busy.current = true;
    setError('');
    setResults({});
    setPhase('starting');
    try {
      const { connectLabVM } = await import('./connectLabVM.ts');
      const vm = await connectLabVM((s) => setStatus(m.startingVM(s)));
      setPhase('running');
      // Alternate the devices, IO_ROUNDS times each, and keep each device's median run.
      const runs: Record<IoChannelId, IoMeasurement[]> = { uart: [], 'virtio-console': [] };
      for (let round = 1; round <= IO_ROUNDS; round++) {
        for (const channel of IO_CHANNELS) {
          setStatus(m.running(`${m.channels[channel.id].name} (${channel.device})`, round, IO_ROUNDS));
          const result = await measureIoChannel(vm, channel.id, sizeKib * 1024);
          if (!result.ok) throw new IoMeasureFailure(result);
          runs[channel.id].push(result.measurement);
          const done: Partial<Record<IoChannelId, IoMeasurement>> = {};
          for (const c of IO_CHANNELS) {
            const median = medianIoMeasurement(runs[c.id]);
            if (median) done[c.id] = median;
          }
          setResults(done);
        }
      }
      setPhase('done');
      setStatus('');
    } catch (e) {
      if (e instanceof IoMeasureFailure) setError(wordMessage(ioMeasureProblemWordings, e.problem, locale));
      else setError(wordGuestError(guestErrorMessage(e), locale));
      setPhase('error');
    } finally {
      busy.current = false;
    }
  };

  const uart = results.uart;
  const virtio = results['virtio-console'];
  const speedup = uart && virtio ? ioSpeedup(uart, virtio) : 0;
  const measured = IO_CHANNELS.map((c) => results[c.id]).filter((r): r is IoMeasurement => r !== undefined);

  return (
    <section className="book-lab vm-measure-lab hov-io not-content" aria-label={m.regionLabel} data-phase={phase}>
      <p>{m.intro}</p>
      <div className="vm-measure-lab__controls">
        <label>
          <span>{m.sizeLabel}</span>{' '}
          <select value={sizeKib} onChange={(e) => setSizeKib(Number(e.target.value))} disabled={phase === 'starting' || phase === 'running'}>
            {IO_SIZES_KIB.map((k) => <option key={k} value={k}>{m.sizeOption(k)}</option>)}
          </select>
        </label>
        <button type="button" onClick={measure} disabled={phase === 'starting' || phase === 'running'} data-testid="io-measure">
          {phase === 'starting' || phase === 'running' ? m.measuring : m.measure}
        </button>
      </div>
      <p className="vm-measure-lab__status" role="status" aria-live="polite">{status}</p>
      {error && <p className="vm-measure-lab__error hov-io-error" role="alert">{m.failed(error)}</p>}

      {measured.length > 0 && (
        <>
          <ScrollingTable
            regionClassName="vm-measure-lab__table-wrap"
            tableClassName="vm-measure-lab__table hov-io-table"
            testId="io-results"
            caption={m.tableCaption}
            captionClassName="sr-only"
            columns={[m.columns.channel, m.columns.bytes, m.columns.seconds, m.columns.throughput, m.columns.deliveries, m.columns.instructionsPerByte]}
          >
            <tbody>
              {measured.map((r) => (
                <tr key={r.channel} data-channel={r.channel}>
                  <th scope="row">
                    {m.channels[r.channel].name} <code>{m.channels[r.channel].device}</code>
                    <br />
                    <span className="hov-io-how">{m.channels[r.channel].how}</span>
                  </th>
                  <td>{m.formatNumber(r.received)}</td>
                  <td>{m.formatNumber(r.seconds, 3)}</td>
                  <td data-bytes-per-second={Math.round(r.bytesPerSecond)}>{m.formatRate(r.bytesPerSecond)}</td>
                  <td>{m.formatNumber(r.deliveries)}</td>
                  <td>{m.formatNumber(r.instructionsPerByte, 0)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollingTable>
          <p className="hov-io-note">{m.tableCaption}</p>
          <div className="hov-io-charts" data-testid="io-chart">
            <BarChart
              title={m.throughputAxis}
              label={
                uart && virtio
                  ? m.chartLabel(m.formatRate(uart.bytesPerSecond), m.formatRate(virtio.bytesPerSecond), m.formatNumber(speedup, 1))
                  : m.throughputAxis
              }
              rows={measured.map((r) => ({ id: r.channel, label: m.channels[r.channel].name, value: r.bytesPerSecond, text: m.formatRate(r.bytesPerSecond) }))}
            />
            <BarChart
              title={m.instructionsAxis}
              label={m.instructionsAxis}
              rows={measured.map((r) => ({ id: r.channel, label: m.channels[r.channel].name, value: r.instructionsPerByte, text: m.formatNumber(r.instructionsPerByte) }))}
            />
          </div>
          {uart && virtio && (
            <p className="hov-io-speedup" data-testid="io-speedup">
              <strong>{m.speedup(m.formatNumber(speedup, 1))}</strong> {m.rerunHint}
            </p>
          )}
          <details>
            <summary>{m.guestSaid}</summary>
            {measured.map((r) => (
              <pre key={r.channel}>{`${m.channels[r.channel].device}: ${r.guestOutput}`}</pre>
            ))}
          </details>
        </>
      )}
    </section>
  );
}
