import type { JitMachine } from '../../lib/jit/index.ts';
import type { JitLabMessages } from './messages.ts';

interface Props {
  jit: JitMachine;
  m: JitLabMessages;
}

const SHOWN = 40;

/** The translation cache as a table, newest entry first; dropped entries stay, greyed. */
export default function CacheTable({ jit, m }: Props) {
  const entries = [...jit.cache.entries].reverse().slice(0, SHOWN);
  const stats = jit.stats();
  const c = m.cacheColumns;
  const log = jit.events.slice(-8).reverse();
  return (
    <div>
      <p className="jit-totals" data-testid="jit-cache-totals">
        {m.cacheTotals(stats.cacheHits, stats.cacheMisses, stats.liveTranslations, stats.translations)}
      </p>
      {entries.length === 0 ? (
        <p className="jit-empty">{m.cacheEmpty}</p>
      ) : (
        <div className="jit-table-scroll" tabIndex={0} role="region" aria-label={m.cacheHeading}>
          <table className="jit-cache">
            <thead>
              <tr>
                <th scope="col">{c.serial}</th>
                <th scope="col">{c.tier}</th>
                <th scope="col">{c.blocks}</th>
                <th scope="col">{c.hits}</th>
                <th scope="col">{c.bytes}</th>
                <th scope="col">{c.translate}</th>
                <th scope="col">{c.compile}</th>
                <th scope="col">{c.state}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const starts = e.ranges.map(([s]) => s);
                const shown = starts.length > 8 ? `${starts.slice(0, 8).join(', ')} … (${starts.length})` : starts.join(', ');
                return (
                  <tr key={e.serial} data-state={e.state}>
                    <td>#{e.serial}</td>
                    <td>{e.tier}</td>
                    <td>{shown}</td>
                    <td>{e.hits.toLocaleString('en')}</td>
                    <td>{e.translation.module.length.toLocaleString('en')}</td>
                    <td>{e.translateMs.toFixed(2)}</td>
                    <td>{e.instantiateMs.toFixed(2)}</td>
                    <td>{m.entryState[e.state]}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {log.length > 0 && (
        <>
          <h4 className="jit-log-heading">{m.logHeading}</h4>
          <ul className="jit-log" data-testid="jit-log">
            {log.map((e, k) => (
              <li key={k} data-kind={e.kind}>
                {e.kind === 'translated' ? m.logTranslated(e.serial, e.tier, e.blocks, e.atStep) : m.logInvalidated(e.pc, e.serials, e.atStep)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
