import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  DEFAULT_VIRTIO_SCENARIO, IO_COST_METRICS, IO_PATHS, IO_PATH_TRAITS, NOTIFICATION_SUPPRESSIONS, VIRTIO_DEVICE_KINDS, VIRTIO_LIMITS,
  VIRTQ_DESC_F_INDIRECT, VIRTQ_DESC_F_NEXT, VIRTQ_DESC_F_WRITE, VirtioSession, deviceKindWordings, ioCostMetricWordings,
  ioPathCosts, ioPathTraitWordings, ioPathWordings, perRequest, runVirtioScenario, suppressionWordings, wordVirtioEvent,
} from '../../lib/virtio/index.ts';
import type { NotificationSuppression, SplitVirtqueueSnapshot, VirtioDeviceKind, VirtioEvent, VirtioScenario } from '../../lib/virtio/index.ts';
import { wordMessage } from '../../lib/book/localized-text.ts';
import { WholeNumberField } from '../book/WholeNumberField.tsx';
import { ScrollingTable } from '../book/ScrollingTable.tsx';
import { pickMessages, type BookLocale } from '../book/locale.ts';
import { virtioLabCatalogues, type VirtioLabMessages } from './messages.ts';
import '../book/simulation-lab.css';
import './VirtioLab.css';
import { recordLabRun } from '../progress/progress-store.ts';

export interface VirtioLabProps {
  locale?: BookLocale;
}

interface Settings {
  device: VirtioDeviceKind;
  batch: number;
  deviceBudget: number;
  suppression: NotificationSuppression;
  interruptEvery: number;
  indirect: boolean;
  apicv: boolean;
}

const DEFAULT_SETTINGS: Settings = { device: 'console', batch: 1, deviceBudget: 4, suppression: 'event-idx', interruptEvery: 1, indirect: false, apicv: false };
/** The step-through's queue is small enough to read on a phone. */
const RING_QUEUE_SIZE = 8;
const RING_REQUESTS = 12;
const ringBytes = (device: VirtioDeviceKind) => (device === 'console' ? 64 : 512);

function stepScenario(s: Settings): VirtioScenario {
  return {
    device: s.device, requests: RING_REQUESTS, bytesPerRequest: ringBytes(s.device), queueSize: RING_QUEUE_SIZE, batch: s.batch,
    deviceBudget: s.deviceBudget, suppression: s.suppression, interruptEvery: s.suppression === 'event-idx' ? s.interruptEvery : 1, indirect: s.indirect,
  };
}

function measureScenario(s: Settings): VirtioScenario {
  return { ...stepScenario(s), requests: DEFAULT_VIRTIO_SCENARIO.requests, bytesPerRequest: DEFAULT_VIRTIO_SCENARIO.bytesPerRequest, queueSize: DEFAULT_VIRTIO_SCENARIO.queueSize };
}

function flagNames(flags: number): string {
  const names = [flags & VIRTQ_DESC_F_NEXT && 'NEXT', flags & VIRTQ_DESC_F_WRITE && 'WRITE', flags & VIRTQ_DESC_F_INDIRECT && 'INDIRECT'].filter(Boolean);
  return names.length ? names.join('|') : '0';
}

const hex = (n: number) => `0x${n.toString(16)}`;

function formatCount(n: number, locale: string): string {
  return Number.isInteger(n) ? n.toLocaleString(locale) : n.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function changed(a: unknown, b: unknown): boolean {
  return a !== undefined && b !== undefined && JSON.stringify(a) !== JSON.stringify(b);
}

/** A labelled select of one of `choices`, each worded by `word`. */
function ChoiceField<Choice extends string>({ id, label, value, choices, word, onChange }: {
  id: string;
  label: string;
  value: Choice;
  choices: readonly Choice[];
  word: (choice: Choice) => string;
  onChange: (choice: Choice) => void;
}) {
  return (
    <div className="simulation-lab__field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Choice)}>
        {choices.map((k) => (
          <option key={k} value={k}>{word(k)}</option>
        ))}
      </select>
    </div>
  );
}

/** The class of a cell or row whose value the last step changed. */
const mark = (now: unknown, was: unknown) => (changed(now, was) ? 'hov-virtio-changed' : undefined);

interface RingView<Entry> {
  readonly flags: number;
  readonly idx: number;
  readonly ring: readonly Entry[];
}

/**
 * The avail or the used ring: its flags and idx, a row a slot (an arrow at the slot idx fills next),
 * and the event index at its end.
 */
function RingTable<Entry>({ which, caption, ring, before, event, size, slotCells, m }: {
  which: 'avail' | 'used';
  caption: string;
  ring: RingView<Entry>;
  before: RingView<Entry> | undefined;
  event: { readonly field: string; readonly now: number; readonly was: number | undefined };
  size: number;
  slotCells: (entry: Entry, arrow: string) => ReactNode;
  m: VirtioLabMessages;
}) {
  return (
    <ScrollingTable regionClassName="hov-virtio-scroll" tableClassName="hov-virtio-table" testId={`virtio-${which}`} caption={caption}>
      <tbody>
        <tr className={mark(ring.flags, before?.flags)}><th scope="row">{m.flagsField}</th><td colSpan={2}>{ring.flags}</td></tr>
        <tr className={mark(ring.idx, before?.idx)}><th scope="row">{m.idxField}</th><td colSpan={2} data-field={`${which}-idx`}>{ring.idx}</td></tr>
        {ring.ring.map((entry, slot) => (
          <tr key={slot} className={mark(entry, before?.ring[slot])}>
            <th scope="row">ring[{slot}]</th>
            {slotCells(entry, slot === ring.idx % size ? ' ←' : '')}
          </tr>
        ))}
        <tr className={mark(event.now, event.was)}><th scope="row">{event.field}</th><td colSpan={2}>{event.now}</td></tr>
      </tbody>
    </ScrollingTable>
  );
}

function Rings({ snap, before, m }: { snap: SplitVirtqueueSnapshot; before: SplitVirtqueueSnapshot | undefined; m: VirtioLabMessages }) {
  const size = snap.layout.size;
  return (
    <div className="hov-virtio-rings">
      <ScrollingTable
        regionClassName="hov-virtio-scroll"
        tableClassName="hov-virtio-table"
        testId="virtio-descriptors"
        caption={m.descriptorTable}
        columns={[m.columns.index, m.columns.addr, m.columns.len, m.columns.flags, m.columns.next]}
      >
        <tbody>
          {snap.descriptors.map((d, i) => (
            <tr key={i} className={mark(d, before?.descriptors[i])}>
              <th scope="row">{i}</th>
              <td>{hex(d.addr)}</td>
              <td>{d.len}</td>
              <td>{flagNames(d.flags)}</td>
              <td>{d.next}</td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
      <RingTable
        which="avail" caption={m.availRing} ring={snap.avail} before={before?.avail} size={size} m={m}
        event={{ field: m.usedEventField, now: snap.avail.usedEvent, was: before?.avail.usedEvent }}
        slotCells={(head, arrow) => <td colSpan={2}>{head}{arrow}</td>}
      />
      <RingTable
        which="used" caption={m.usedRing} ring={snap.used} before={before?.used} size={size} m={m}
        event={{ field: m.availEventField, now: snap.used.availEvent, was: before?.used.availEvent }}
        slotCells={(e, arrow) => (
          <>
            <td>{m.columns.id} {e.id}</td>
            <td>{m.columns.len} {e.len}{arrow}</td>
          </>
        )}
      />
    </div>
  );
}

export default function VirtioLab({ locale = 'en' }: VirtioLabProps) {
  const m = pickMessages(virtioLabCatalogues, locale);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setSettings((s) => ({ ...s, [key]: value }));
  const ringScenario = useMemo(() => stepScenario(settings), [settings]);
  const sessionRef = useRef<VirtioSession>(new VirtioSession(ringScenario));
  const [steps, setSteps] = useState(0);
  const [event, setEvent] = useState<VirtioEvent | undefined>(undefined);
  const [before, setBefore] = useState<SplitVirtqueueSnapshot | undefined>(undefined);
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  const reset = (scenario: VirtioScenario) => {
    sessionRef.current = new VirtioSession(scenario);
    setSteps(0);
    setEvent(undefined);
    setBefore(undefined);
  };
  useEffect(() => reset(ringScenario), [ringScenario]);

  const session = sessionRef.current;
  const snap = session.snapshot();
  const step = () => {
    recordLabRun('virtio-lab');
    setBefore(session.snapshot());
    setEvent(session.step());
    setSteps((n) => n + 1);
  };
  const runToEnd = () => {
    recordLabRun('virtio-lab');
    setBefore(session.snapshot());
    let n = 0;
    let last: VirtioEvent | undefined = session.last;
    while (!session.done && n < 100_000) {
      last = session.step();
      n++;
    }
    setEvent(last);
    setSteps((k) => k + n);
  };
  const totals = session.totals();

  const measured = useMemo(() => {
    const scenario = measureScenario(settings);
    const run = runVirtioScenario(scenario);
    return { scenario, counts: run.counts, done: run.last.kind === 'done', table: ioPathCosts(scenario.device, run.counts, scenario.bytesPerRequest, { apicv: settings.apicv }) };
  }, [settings]);
  const maxExits = Math.max(1, ...IO_PATHS.map((p) => perRequest(measured.table[p] ?? { vmExits: 0, userspaceTrips: 0, hostSyscalls: 0, guestInterrupts: 0 }, measured.counts.requests).vmExits));

  const arrow = event?.kind === 'driver-kick' && event.notify ? m.arrowNotify : event?.kind === 'device-publish' && event.interrupt ? m.arrowInterrupt : undefined;
  const L = VIRTIO_LIMITS;

  return (
    <section className="simulation-lab hov-virtio not-content" aria-label={m.regionLabel} data-ready={ready ? 'true' : undefined}>
      <fieldset>
        <legend>{m.settingsLegend}</legend>
        <div className="simulation-lab__row">
          <ChoiceField
            id="hov-virtio-device" label={m.deviceLabel} value={settings.device} choices={VIRTIO_DEVICE_KINDS}
            word={(k) => wordMessage(deviceKindWordings, { code: k }, locale)} onChange={(k) => set('device', k)}
          />
          <ChoiceField
            id="hov-virtio-suppression" label={m.suppressionLabel} value={settings.suppression} choices={NOTIFICATION_SUPPRESSIONS}
            word={(k) => wordMessage(suppressionWordings, { code: k }, locale)} onChange={(k) => set('suppression', k)}
          />
        </div>
        <div className="simulation-lab__row">
          <WholeNumberField id="hov-virtio-batch" label={m.batchLabel} value={settings.batch} {...L.batch} onChange={(n) => set('batch', n)} m={m} />
          <WholeNumberField id="hov-virtio-budget" label={m.budgetLabel} value={settings.deviceBudget} {...L.deviceBudget} onChange={(n) => set('deviceBudget', n)} m={m} />
          <WholeNumberField
            id="hov-virtio-coalesce" label={m.interruptEveryLabel} value={settings.interruptEvery} {...L.interruptEvery}
            disabled={settings.suppression !== 'event-idx'} {...(settings.suppression !== 'event-idx' ? { hint: m.interruptEveryHint } : {})}
            onChange={(n) => set('interruptEvery', n)} m={m}
          />
        </div>
        <label className="hov-virtio-check">
          <input id="hov-virtio-indirect" type="checkbox" checked={settings.indirect} onChange={(e) => set('indirect', e.target.checked)} />
          {m.indirectLabel}
        </label>
        <label className="hov-virtio-check">
          <input id="hov-virtio-apicv" type="checkbox" checked={settings.apicv} onChange={(e) => set('apicv', e.target.checked)} />
          {m.apicvLabel}
        </label>
      </fieldset>

      <h3 className="hov-virtio-heading">{m.ringHeading}</h3>
      <p>{m.ringIntro(RING_REQUESTS, ringBytes(settings.device), RING_QUEUE_SIZE)}</p>
      <div className="simulation-lab__controls hov-virtio-controls" role="group" aria-label={m.ringHeading}>
        <button type="button" onClick={step} disabled={session.done} data-testid="virtio-step">{m.step}</button>
        <button type="button" onClick={runToEnd} disabled={session.done}>{m.runToEnd}</button>
        <button type="button" onClick={() => reset(ringScenario)}>{m.reset}</button>
      </div>
      <p className="hov-virtio-status" role="status" aria-live="polite" data-testid="virtio-status">
        {event ? m.stepStatus(steps, wordVirtioEvent(event, ringScenario.suppression, locale)) : m.notStarted}
      </p>
      <div className="hov-virtio-sides">
        <p className={`hov-virtio-arrow${arrow ? ' hov-virtio-arrow-on' : ''}`} aria-hidden={arrow ? undefined : true}>{arrow ?? '\u00a0'}</p>
        <dl className="hov-virtio-tallies" data-testid="virtio-tallies">
          <div><dt>{m.tallies.notifications}</dt><dd data-counter="notifications">{totals.notificationsSent}</dd></div>
          <div><dt>{m.tallies.notificationsSuppressed}</dt><dd>{totals.notificationsSuppressed}</dd></div>
          <div><dt>{m.tallies.interrupts}</dt><dd data-counter="interrupts">{totals.interruptsSent}</dd></div>
          <div><dt>{m.tallies.interruptsSuppressed}</dt><dd>{totals.interruptsSuppressed}</dd></div>
        </dl>
        <p>{m.tallies.completed(session.completedRequests, RING_REQUESTS)}</p>
      </div>
      <Rings snap={snap} before={before} m={m} />

      <h3 className="hov-virtio-heading">{m.exitsHeading}</h3>
      <p>{m.exitsIntro(measured.scenario.requests, measured.scenario.bytesPerRequest)}</p>
      <p data-testid="virtio-ring-summary">{m.ringSummary(measured.counts.notificationsSent, measured.counts.notificationsSuppressed, measured.counts.interruptsSent, measured.counts.interruptsSuppressed)}</p>
      <ScrollingTable
        regionClassName="hov-virtio-scroll"
        tableClassName="hov-virtio-table hov-virtio-exits"
        testId="virtio-exits"
        caption={m.exitsCaption}
        columns={[
          m.pathColumn,
          ...IO_COST_METRICS.map((metric) => m.perRequest(wordMessage(ioCostMetricWordings, { code: metric }, locale))),
          m.totalExits,
        ]}
      >
        <tbody>
          {IO_PATHS.map((path) => {
            const costs = measured.table[path];
            const name = wordMessage(ioPathWordings, { code: path }, locale);
            if (!costs) {
              return (
                <tr key={path} data-path={path}>
                  <th scope="row">{name}</th>
                  <td colSpan={IO_COST_METRICS.length + 1}>{m.notModelled}</td>
                </tr>
              );
            }
            const each = perRequest(costs, measured.counts.requests);
            const width = (Math.log10(1 + each.vmExits) / Math.log10(1 + maxExits)) * 100;
            return (
              <tr key={path} data-path={path}>
                <th scope="row">{name}</th>
                {IO_COST_METRICS.map((metric) => (
                  <td key={metric} data-metric={metric}>
                    {formatCount(each[metric], locale)}
                    {metric === 'vmExits' && <span className="hov-virtio-bar" aria-hidden="true" style={{ inlineSize: `${Math.max(width, 1)}%` }} />}
                  </td>
                ))}
                <td>{formatCount(costs.vmExits, locale)}</td>
              </tr>
            );
          })}
        </tbody>
      </ScrollingTable>
      <h4 className="hov-virtio-subheading">{m.traitsHeading}</h4>
      <ul className="hov-virtio-traits">
        {IO_PATHS.map((path) => {
          const t = IO_PATH_TRAITS[path];
          const words = (code: keyof typeof ioPathTraitWordings) => wordMessage(ioPathTraitWordings, { code }, locale);
          return (
            <li key={path}>
              <strong>{wordMessage(ioPathWordings, { code: path }, locale)}</strong>
              {': '}
              {[
                words(t.dataPathExits ? 'dataPathExits' : 'noDataPathExits'),
                words(t.liveMigration === 'yes' ? 'migrationYes' : 'migrationDevice'),
                words(t.isolation === 'vmm-process' ? 'isolationVmm' : t.isolation === 'host-kernel' ? 'isolationKernel' : 'isolationIommu'),
              ].join(locale === 'zh-CN' ? '；' : '; ')}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
