import { useEffect, useMemo, useRef, useState } from 'react';
import { useAddressLink } from '../book/useShareLink.ts';
import {
  DEFAULT_PAGING_CONFIG, DEFAULT_PAGING_COST_MODEL, EXIT_REASONS, PAGING_COST_KEYS, PAGING_MODES, PAGING_WORKLOAD_IDS,
  PagingRun, decodePagingLabHash, exitReasonWordings, fasterVirtualizedMode, measureWalk, pagingModeWordings, pagingWorkloadWordings,
} from '../../lib/paging/index.ts';
import type { PagingCostModel, PagingMode, PagingRunOptions, PagingRunSummary, PagingWorkloadId, WalkReference } from '../../lib/paging/index.ts';
import { wordMessage } from '../../lib/book/localized-text.ts';
import { WholeNumberField } from '../book/WholeNumberField.tsx';
import { pickMessages, type BookLocale } from '../book/locale.ts';
import { pagingLabCatalogues, type PagingLabMessages } from './messages.ts';
import '../book/simulation-lab.css';
import './PagingLab.css';
import { recordLabRun } from '../progress/progress-store.ts';

export interface PagingLabProps {
  locale?: BookLocale;
}

const LEVELS = [1, 2, 3, 4, 5];
/** Guest operations per slice of the comparison, so the page keeps answering. */
const OPERATIONS_PER_SLICE = 2000;
const PLAY_INTERVAL_MS = 450;

interface Settings {
  workload: PagingWorkloadId;
  tlbEntries: number;
  tlbTagged: boolean;
  pageWalkCacheEntries: number;
  nestedTlbEntries: number;
  cachedShadowRoots: number;
  costModel: PagingCostModel;
}

const DEFAULT_SETTINGS: Settings = {
  workload: 'tlb-misses',
  tlbEntries: DEFAULT_PAGING_CONFIG.tlbEntries,
  tlbTagged: DEFAULT_PAGING_CONFIG.tlbTagged,
  pageWalkCacheEntries: DEFAULT_PAGING_CONFIG.pageWalkCacheEntries,
  nestedTlbEntries: DEFAULT_PAGING_CONFIG.nestedTlbEntries,
  cachedShadowRoots: DEFAULT_PAGING_CONFIG.cachedShadowRoots,
  costModel: DEFAULT_PAGING_COST_MODEL,
};

function WalkGrid(props: { m: PagingLabMessages; guestLevels: number; hostLevels: number; guestLargePage: boolean; hostLargePages: boolean }) {
  const { m, guestLevels, hostLevels, guestLargePage, hostLargePages } = props;
  const nested = useMemo(() => measureWalk('nested', guestLevels, hostLevels, { guestLargePage, hostLargePages }), [guestLevels, hostLevels, guestLargePage, hostLargePages]);
  const shadow = useMemo(() => measureWalk('shadow', guestLevels, hostLevels, { guestLargePage, hostLargePages }), [guestLevels, hostLevels, guestLargePage, hostLargePages]);
  const [done, setDone] = useState(0);
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    setDone(0);
    setPlaying(false);
  }, [nested]);
  useEffect(() => {
    if (!playing) return;
    if (done >= nested.length) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => setDone((d) => d + 1), PLAY_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [playing, done, nested.length]);

  const orderOf = (ref: WalkReference) => nested.indexOf(ref) + 1;
  const cell = (guestLevel: number, column: number | 'entry') =>
    nested.find((r) => (column === 'entry' ? r.table === 'guest' && r.guestLevel === guestLevel : r.table === 'host' && r.guestLevel === guestLevel && r.hostLevel === column));
  // Only the levels this walk reads: a large page ends its dimension's walk early.
  const rows = [...Array.from({ length: guestLevels }, (_, i) => guestLevels - i).filter((g) => nested.some((r) => r.guestLevel === g && r.table === 'guest')), 0];
  const hostColumns = Array.from({ length: hostLevels }, (_, i) => hostLevels - i).filter((h) => nested.some((r) => r.hostLevel === h));
  const current = done > 0 ? nested[done - 1] : undefined;
  const status = current ? m.referenceStatus(done, nested.length, m.referenceWhere(current.table, current.guestLevel, current.hostLevel)) : m.notStarted(nested.length);

  return (
    <div className="hov-paging-walk">
      <div className="simulation-lab__controls hov-paging-controls" role="group" aria-label={m.walkHeading}>
        <button type="button" onClick={() => { recordLabRun('paging-lab'); setDone((d) => Math.min(nested.length, d + 1)); }} disabled={done >= nested.length}>
          {m.step}
        </button>
        <button type="button" onClick={() => { recordLabRun('paging-lab'); if (done >= nested.length) { setDone(0); setPlaying(true); } else setPlaying((p) => !p); }} aria-pressed={playing}>
          {playing ? m.pause : m.play}
        </button>
        <button type="button" onClick={() => { setDone(0); setPlaying(false); }}>
          {m.reset}
        </button>
      </div>
      <p className="hov-paging-status" role="status" aria-live="polite">
        {status}
      </p>
      <div className="hov-paging-grids">
        <div className="hov-paging-scroll" tabIndex={0} role="region" aria-label={m.nestedCaption(guestLevels, hostLevels, nested.length)}>
          <table className="hov-paging-grid">
            <caption>{m.nestedCaption(guestLevels, hostLevels, nested.length)}</caption>
            <thead>
              <tr>
                <td />
                {hostColumns.map((h) => (
                  <th key={h} scope="col">{m.hostLevelColumn(h)}</th>
                ))}
                <th scope="col">{m.guestEntryColumn}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((g) => (
                <tr key={g}>
                  <th scope="row">{g === 0 ? m.dataRow : m.guestLevelRow(g)}</th>
                  {[...hostColumns, 'entry' as const].map((column) => {
                    const ref = g === 0 && column === 'entry' ? undefined : cell(g, column);
                    if (!ref) return <td key={String(column)} className="hov-paging-cell hov-paging-cell-none" />;
                    const n = orderOf(ref);
                    const state = n < done ? 'done' : n === done ? 'current' : 'todo';
                    return (
                      <td key={String(column)} className={`hov-paging-cell hov-paging-${ref.table} hov-paging-${state}`}>
                        {n}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <table className="hov-paging-grid hov-paging-shadow-grid">
          <caption>{m.shadowCaption(guestLevels, shadow.length)}</caption>
          <tbody>
            {shadow.map((ref, i) => (
              <tr key={i}>
                <th scope="row">{m.shadowLevelRow(ref.guestLevel)}</th>
                <td className="hov-paging-cell hov-paging-shadow">{i + 1}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ResultsChart({ m, results, locale }: { m: PagingLabMessages; results: Record<PagingMode, PagingRunSummary>; locale: BookLocale }) {
  const max = Math.max(...PAGING_MODES.map((mode) => results[mode].cycles), 1);
  return (
    <figure className="hov-paging-chart" aria-label={m.chartLabel}>
      {PAGING_MODES.map((mode) => (
        <div key={mode} className="hov-paging-bar-row">
          <span className="hov-paging-bar-label">{wordMessage(pagingModeWordings, { code: mode }, locale)}</span>
          <span className={`hov-paging-bar hov-paging-bar-${mode}`} style={{ inlineSize: `${Math.max(0.5, (results[mode].cycles / max) * 100)}%` }} />
          <span className="hov-paging-bar-value">{results[mode].cycles.toLocaleString(locale)}</span>
        </div>
      ))}
    </figure>
  );
}

/**
 * The paging lab: the two-dimensional walk of nested paging, reference by reference, beside the
 * shadow walk; then one workload run natively, under shadow paging and under nested paging, with
 * the counts and cycles side by side.
 */
export default function PagingLab({ locale = 'en' }: PagingLabProps) {
  const m = pickMessages(pagingLabCatalogues, locale);
  const [guestLevels, setGuestLevels] = useState(4);
  const [hostLevels, setHostLevels] = useState(4);
  const [guestLargePage, setGuestLargePage] = useState(false);
  const [hostLargePages, setHostLargePages] = useState(false);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [results, setResults] = useState<Record<PagingMode, PagingRunSummary> | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [stopped, setStopped] = useState(false);
  const cancel = useRef<(() => void) | null>(null);

  useEffect(() => () => cancel.current?.(), []);

  // A #paging=… link (an exercise's "open in the paging lab") sets the walk, the workload and the costs.
  useAddressLink(decodePagingLabHash, (setup) => {
    cancel.current?.();
    setProgress(null);
    setGuestLevels(setup.guestLevels);
    setHostLevels(setup.hostLevels);
    setGuestLargePage(setup.guestLargePage);
    setHostLargePages(setup.hostLargePages);
    setSettings((s) => ({ ...s, workload: setup.workload, costModel: setup.costModel }));
    setResults(null);
  });

  const run = () => {
    recordLabRun('paging-lab');
    cancel.current?.();
    setResults(null);
    setStopped(false);
    const options: PagingRunOptions = {
      tlbEntries: settings.tlbEntries,
      tlbTagged: settings.tlbTagged,
      pageWalkCacheEntries: settings.pageWalkCacheEntries,
      nestedTlbEntries: settings.nestedTlbEntries,
      cachedShadowRoots: settings.cachedShadowRoots,
      costModel: settings.costModel,
    };
    const runs = PAGING_MODES.map((mode) => new PagingRun(settings.workload, mode, options));
    let which = 0;
    let operations = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      for (let n = 0; n < OPERATIONS_PER_SLICE && which < runs.length; n++) {
        if (runs[which]!.step() === undefined) which++;
        else operations++;
      }
      if (which < runs.length) {
        setProgress(operations);
        timer = setTimeout(slice, 0);
      } else {
        cancel.current = null;
        setProgress(null);
        setResults(Object.fromEntries(runs.map((r) => [r.machine.config.mode, r.summary()])) as Record<PagingMode, PagingRunSummary>);
      }
    };
    cancel.current = () => {
      if (timer !== undefined) clearTimeout(timer);
      cancel.current = null;
    };
    setProgress(0);
    timer = setTimeout(slice, 0);
  };

  const stop = () => {
    cancel.current?.();
    setProgress(null);
    setStopped(true);
  };

  const update = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    // A run in progress ran the old settings: stop it, or its results would appear under the new ones.
    cancel.current?.();
    setProgress(null);
    setSettings((s) => ({ ...s, [key]: value }));
    setResults(null);
  };
  const workloadName = wordMessage(pagingWorkloadWordings, { code: settings.workload }, locale);

  return (
    <section className="simulation-lab hov-paging not-content" aria-label={m.regionLabel}>
      <h3 className="hov-paging-heading">{m.walkHeading}</h3>
      <p>{m.walkIntro}</p>
      <div className="simulation-lab__row">
        <div className="simulation-lab__field">
          <label htmlFor="hov-paging-g">{m.guestLevelsLabel}</label>
          <select id="hov-paging-g" value={guestLevels} onChange={(e) => setGuestLevels(Number(e.target.value))}>
            {LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </div>
        <div className="simulation-lab__field">
          <label htmlFor="hov-paging-h">{m.hostLevelsLabel}</label>
          <select id="hov-paging-h" value={hostLevels} onChange={(e) => setHostLevels(Number(e.target.value))}>
            {LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </div>
      </div>
      <div className="simulation-lab__row">
        <label className="hov-paging-check">
          <input type="checkbox" checked={guestLargePage} onChange={(e) => setGuestLargePage(e.target.checked)} /> {m.guestLargeLabel}
        </label>
        <label className="hov-paging-check">
          <input type="checkbox" checked={hostLargePages} onChange={(e) => setHostLargePages(e.target.checked)} /> {m.hostLargeLabel}
        </label>
      </div>
      <WalkGrid m={m} guestLevels={guestLevels} hostLevels={hostLevels} guestLargePage={guestLargePage} hostLargePages={hostLargePages} />

      <h3 className="hov-paging-heading">{m.compareHeading}</h3>
      <div className="simulation-lab__field">
        <label htmlFor="hov-paging-workload">{m.workloadLabel}</label>
        <select id="hov-paging-workload" value={settings.workload} onChange={(e) => update('workload', e.target.value as PagingWorkloadId)}>
          {PAGING_WORKLOAD_IDS.map((id) => (
            <option key={id} value={id}>{wordMessage(pagingWorkloadWordings, { code: id }, locale)}</option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{m.settingsLegend}</legend>
        <div className="simulation-lab__row">
          <WholeNumberField id="hov-paging-tlb" label={m.tlbEntriesLabel} value={settings.tlbEntries} min={1} max={4096} onChange={(n) => update('tlbEntries', n)} m={m} />
          <WholeNumberField id="hov-paging-pwc" label={m.pageWalkCacheLabel} value={settings.pageWalkCacheEntries} min={0} max={1024} onChange={(n) => update('pageWalkCacheEntries', n)} m={m} />
          <WholeNumberField id="hov-paging-ntlb" label={m.nestedTlbLabel} value={settings.nestedTlbEntries} min={0} max={4096} onChange={(n) => update('nestedTlbEntries', n)} m={m} />
          <WholeNumberField id="hov-paging-roots" label={m.shadowRootsLabel} value={settings.cachedShadowRoots} min={1} max={64} onChange={(n) => update('cachedShadowRoots', n)} m={m} />
        </div>
        <label className="hov-paging-check">
          <input type="checkbox" checked={settings.tlbTagged} onChange={(e) => update('tlbTagged', e.target.checked)} /> {m.tlbTaggedLabel}
        </label>
      </fieldset>
      <fieldset>
        <legend>{m.costLegend}</legend>
        <div className="simulation-lab__row">
          {PAGING_COST_KEYS.map((key) => (
            <WholeNumberField
              key={key}
              id={`hov-paging-cost-${key}`}
              label={m.costNames[key]}
              value={settings.costModel[key]}
              min={0}
              max={1_000_000}
              onChange={(n) => update('costModel', { ...settings.costModel, [key]: n })}
              m={m}
            />
          ))}
        </div>
      </fieldset>
      <div className="simulation-lab__controls hov-paging-controls">
        <button type="button" onClick={run} disabled={progress !== null}>{m.runCompare}</button>
        <button type="button" onClick={stop} disabled={progress === null}>{m.stop}</button>
      </div>
      <p className="hov-paging-status" role="status" aria-live="polite">
        {progress !== null ? m.progress(progress) : stopped ? m.stopped : ''}
      </p>
      {results && (
        <>
          <div className="hov-paging-scroll" tabIndex={0} role="region" aria-label={m.resultsCaption(workloadName)}>
            <table className="hov-paging-results">
              <caption>{m.resultsCaption(workloadName)}</caption>
              <thead>
                <tr>
                  {Object.values(m.columns).map((c) => <th key={c} scope="col">{c}</th>)}
                </tr>
              </thead>
              <tbody>
                {PAGING_MODES.map((mode) => {
                  const r = results[mode];
                  const exits = EXIT_REASONS.filter((e) => r.counters.exits[e] > 0);
                  return (
                    <tr key={mode}>
                      <th scope="row">{wordMessage(pagingModeWordings, { code: mode }, locale)}</th>
                      <td>{r.counters.accesses.toLocaleString(locale)}</td>
                      <td>{r.counters.tlbMisses.toLocaleString(locale)}</td>
                      <td>{r.referencesPerAccess.toFixed(2)}</td>
                      <td>
                        {exits.length === 0 ? m.noExits : (
                          <ul className="hov-paging-exits">
                            {exits.map((e) => (
                              <li key={e}>{r.counters.exits[e].toLocaleString(locale)} × {wordMessage(exitReasonWordings, { code: e }, locale)}</li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td>{r.cycles.toLocaleString(locale)}</td>
                      <td>{(r.cycles / Math.max(1, results.native.cycles)).toFixed(2)}×</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <ResultsChart m={m} results={results} locale={locale} />
          <p>{m.winner(wordMessage(pagingModeWordings, { code: fasterVirtualizedMode(results) }, locale))}</p>
        </>
      )}
    </section>
  );
}
