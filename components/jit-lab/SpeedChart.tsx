import type { SpeedResult } from '../../lib/jit/index.ts';
import type { JitLabMessages } from './messages.ts';

interface Props {
  results: readonly SpeedResult[];
  runs: number;
  m: JitLabMessages;
}

/** Median run time per engine as bars, with the speedup over the interpreter. */
export default function SpeedChart({ results, runs, m }: Props) {
  const interp = results.find((r) => r.engine === 'interpreter');
  const longest = Math.max(...results.map((r) => r.median), 1e-9);
  const c = m.speedColumns;
  return (
    <figure className="jit-speed" data-testid="jit-speed-chart">
      <div role="img" aria-label={m.speedChartLabel} className="jit-bars">
        {results.map((r) => {
          const speedup = interp ? interp.median / Math.max(r.median, 1e-9) : 1;
          return (
            <div key={r.engine} className="jit-bar-row">
              <span className="jit-bar-name">{m.engineName[r.engine]}</span>
              <span className="jit-bar-track">
                <span className={`jit-bar jit-engine-${r.engine}`} style={{ width: `${Math.max(1, (r.median / longest) * 100)}%` }} />
              </span>
              <span className="jit-bar-value">{m.speedRow(r.median, speedup)}</span>
            </div>
          );
        })}
      </div>
      <figcaption>{m.speedNote(runs)}</figcaption>
      <div className="jit-table-scroll" tabIndex={0} role="region" aria-label={m.speedTableCaption}>
        <table className="jit-cache">
          <caption>{m.speedTableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.engine}</th>
              <th scope="col">{c.median}</th>
              <th scope="col">{c.runs}</th>
              <th scope="col">{c.speedup}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.engine}>
                <td>{m.engineName[r.engine]}</td>
                <td>{r.median.toFixed(2)}</td>
                <td>{r.times.map((t) => t.toFixed(1)).join(', ')}</td>
                <td>{interp ? `${(interp.median / Math.max(r.median, 1e-9)).toFixed(1)}×` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
