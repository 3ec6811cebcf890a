import { useRef, useState } from 'react';
import {
  allocateInGuest, allocationOutcomeWordings, balloonInflationShown, balloonLimitMib, balloonMoveWordings, balloonProblemWordings,
  checkBalloonAmount, checkMibAmount, fullMemTotalKiB, moveBalloon, PAGES_PER_MIB, readBalloonSnapshot,
} from '../../lib/balloon/index.ts';
import type { AllocationRun, BalloonDirection, BalloonProblem, BalloonSnapshot } from '../../lib/balloon/index.ts';
import { guestErrorMessage, wordGuestError, type LabVM } from '../../lib/guest/index.ts';
import { wordMessage } from '../../lib/book/localized-text.ts';
import { pickMessages, type BookLocale } from '../book/locale.ts';
import { pageLabVM } from '../vm/pageLabVM.ts';
import { balloonLabCatalogues, type BalloonLabMessages, type BalloonVMStart } from './messages.ts';
import { recordLabRun, recordLabStep } from '../progress/progress-store.ts';
import '../book/vm-measure-lab.css';
import { ScrollingTable } from '../book/ScrollingTable.tsx';
import './BalloonLab.css';

export interface BalloonLabProps {
  locale?: BookLocale;
}

/** A problem the engine found, carried out of an async step. */
class BalloonProblemError extends Error {
  readonly problem: BalloonProblem;
  constructor(problem: BalloonProblem) {
    super(problem.code);
    this.problem = problem;
  }
}

/** The page's lab VM (components/vm/pageLabVM.ts), started if it is off; `onStart` follows its start. */
async function pageVM(onStart: (start: BalloonVMStart) => void): Promise<LabVM> {
  const unsubscribe = pageLabVM.subscribe((state) => {
    if (state.phase !== 'starting') return;
    if (state.progress) {
      const { file, loaded, total } = state.progress;
      onStart({ kind: 'downloading', file, percent: total > 0 ? Math.floor((loaded / total) * 100) : 0 });
    } else onStart(state.status === 'coldBooting' ? { kind: 'booting' } : { kind: 'loading' });
  });
  try {
    return await pageLabVM.ensureRunning();
  } finally {
    unsubscribe();
  }
}

type Row = { label: string; now: string; change: string | null };

function rowsOf(m: BalloonLabMessages, now: BalloonSnapshot, before: BalloonSnapshot | null): { group: string; rows: Row[] }[] {
  const kib = (value: number, previous: number | undefined): Row['change'] => (previous === undefined ? null : m.change(value - previous, 'kib'));
  const pages = (value: number, previous: number | undefined): Row['change'] => (previous === undefined ? null : m.change(value - previous, 'pages'));
  const groups = [
    {
      group: m.groups.guest,
      rows: [
        { label: m.rows.memTotal, now: m.mib(now.guest.memTotalKiB), change: kib(now.guest.memTotalKiB, before?.guest.memTotalKiB) },
        { label: m.rows.memFree, now: m.mib(now.guest.memFreeKiB), change: kib(now.guest.memFreeKiB, before?.guest.memFreeKiB) },
        { label: m.rows.memAvailable, now: m.mib(now.guest.memAvailableKiB), change: kib(now.guest.memAvailableKiB, before?.guest.memAvailableKiB) },
      ],
    },
    {
      group: m.groups.device,
      rows: [
        { label: m.rows.deviceTarget, now: m.pages(now.device.targetPages), change: pages(now.device.targetPages, before?.device.targetPages) },
        { label: m.rows.deviceActual, now: m.pages(now.device.actualPages), change: pages(now.device.actualPages, before?.device.actualPages) },
      ],
    },
  ];
  if (now.driver) {
    groups.splice(1, 0, {
      group: m.groups.driver,
      rows: [
        { label: m.rows.driverInflated, now: m.pages(now.driver.inflatedPages), change: pages(now.driver.inflatedPages, before?.driver?.inflatedPages) },
        { label: m.rows.driverDeflated, now: m.pages(now.driver.deflatedPages), change: pages(now.driver.deflatedPages, before?.driver?.deflatedPages) },
      ],
    });
  }
  const hostRows: Row[] = [];
  if (now.host.emulatorMemoryBytes !== null) {
    const previous = before?.host.emulatorMemoryBytes ?? undefined;
    hostRows.push({
      label: m.rows.emulatorMemory,
      now: m.bytes(now.host.emulatorMemoryBytes),
      change: previous === undefined || previous === null ? null : m.change(now.host.emulatorMemoryBytes - previous, 'bytes'),
    });
  }
  if (now.host.nonZeroPages !== null) {
    const previous = before?.host.nonZeroPages ?? undefined;
    hostRows.push({ label: m.rows.nonZeroPages, now: m.pages(now.host.nonZeroPages), change: previous === undefined ? null : pages(now.host.nonZeroPages, previous) });
  }
  if (hostRows.length > 0) groups.push({ group: m.groups.host, rows: hostRows });
  return groups;
}

/**
 * Inflates and deflates the lab VM's memory balloon and shows what each layer reports; runs a
 * program that needs memory to show what the kernel does. v86 and the guest load only when the
 * reader asks for the first reading.
 */
export default function BalloonLab({ locale = 'en' }: BalloonLabProps) {
  const m = pickMessages(balloonLabCatalogues, locale);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [amount, setAmount] = useState('32');
  const [allocateAmount, setAllocateAmount] = useState('24');
  const [now, setNow] = useState<BalloonSnapshot | null>(null);
  const [before, setBefore] = useState<BalloonSnapshot | null>(null);
  const [moveNote, setMoveNote] = useState('');
  const [allocation, setAllocation] = useState<AllocationRun | null>(null);
  const working = useRef(false);

  const step = async (work: (vm: LabVM) => Promise<void>) => {
    if (working.current) return;
    recordLabRun('balloon-lab');
    working.current = true;
    setBusy(true);
    setError('');
    try {
      const vm = await pageVM((start) => setStatus(m.startingVM(start)));
      await work(vm);
      setStatus('');
    } catch (caught) {
      setStatus('');
      setError(m.failed(caught instanceof BalloonProblemError ? wordMessage(balloonProblemWordings, caught.problem, locale) : wordGuestError(guestErrorMessage(caught), locale)));
    } finally {
      working.current = false;
      setBusy(false);
    }
  };

  const read = async (vm: LabVM): Promise<BalloonSnapshot> => {
    const snapshot = await readBalloonSnapshot(vm, { countPages: true });
    if (!snapshot.ok) throw new BalloonProblemError(snapshot.problem);
    return snapshot.value;
  };

  const refresh = () =>
    step(async (vm) => {
      setStatus(m.reading);
      const snapshot = await read(vm);
      setBefore(now);
      setNow(snapshot);
    });

  const move = (direction: BalloonDirection) =>
    step(async (vm) => {
      const current = now ?? (await read(vm));
      const checked = checkBalloonAmount(amount, direction, {
        inflatedMib: Math.floor(current.device.targetPages / PAGES_PER_MIB),
        limitMib: balloonLimitMib(fullMemTotalKiB(current)),
      });
      if (!checked.ok) throw new BalloonProblemError(checked.problem);
      setStatus(m.moving(direction, checked.value));
      const moved = await moveBalloon(vm, direction, checked.value);
      if (!moved.ok) throw new BalloonProblemError(moved.problem);
      setMoveNote(wordMessage(balloonMoveWordings, moved.value.outcome, locale));
      const after = await read(vm);
      setBefore(current);
      setNow(after);
      if (direction === 'inflate' && balloonInflationShown(current, after)) recordLabStep('balloon-lab', m.progressStep);
    });

  const allocate = () =>
    step(async (vm) => {
      const checked = checkMibAmount(allocateAmount);
      if (!checked.ok) throw new BalloonProblemError(checked.problem);
      const current = now ?? (await read(vm));
      setStatus(m.allocating(checked.value));
      setAllocation(null);
      setMoveNote('');
      const run = await allocateInGuest(vm, checked.value);
      setAllocation(run);
      const after = await read(vm);
      setBefore(current);
      setNow(after);
    });

  const limitMib = now ? balloonLimitMib(fullMemTotalKiB(now)) : null;
  return (
    <section className="book-lab vm-measure-lab hov-balloon not-content" aria-label={m.regionLabel} data-busy={busy}>
      <p>{m.intro}</p>
      <div className="vm-measure-lab__controls">
        <button type="button" onClick={refresh} disabled={busy} data-testid="balloon-read">
          {busy && !now ? m.reading : m.read}
        </button>
        <label>
          <span>{m.amountLabel}</span>{' '}
          <input
            type="text" inputMode="numeric" size={5} value={amount} onChange={(e) => setAmount(e.target.value)}
            data-testid="balloon-amount" aria-describedby="hov-balloon-holds"
          />
        </label>
        <button type="button" onClick={() => move('inflate')} disabled={busy} data-testid="balloon-inflate">{m.inflate}</button>
        <button type="button" onClick={() => move('deflate')} disabled={busy} data-testid="balloon-deflate">{m.deflate}</button>
      </div>
      <p className="vm-measure-lab__status" role="status" aria-live="polite">{status}</p>
      {error && <p className="vm-measure-lab__error hov-balloon-error" role="alert" data-testid="balloon-error">{error}</p>}
      <p id="hov-balloon-holds" className="hov-balloon-holds" data-testid="balloon-holds">
        {now && limitMib !== null ? m.balloonHolds(String(now.device.actualPages / PAGES_PER_MIB), limitMib) : ''}
      </p>
      {moveNote && <p className="hov-balloon-note" data-testid="balloon-move">{moveNote}</p>}
      {now && (
        <ScrollingTable
          regionClassName="vm-measure-lab__table-wrap"
          tableClassName="vm-measure-lab__table hov-balloon-table"
          testId="balloon-table"
          caption={m.tableCaption}
          columns={[m.columns.quantity, m.columns.now, m.columns.change]}
        >
          {rowsOf(m, now, before).map(({ group, rows }) => (
            <tbody key={group}>
              <tr className="hov-balloon-group"><th scope="colgroup" colSpan={3}>{group}</th></tr>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td>{row.now}</td>
                  <td>{row.change ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </ScrollingTable>
      )}
      {now && <p className="hov-balloon-note">{m.hostNote}</p>}

      <h3 className="hov-balloon-heading">{m.allocateHeading}</h3>
      <p>{m.allocateIntro}</p>
      <div className="vm-measure-lab__controls">
        <label>
          <span>{m.allocateLabel}</span>{' '}
          <input type="text" inputMode="numeric" size={5} value={allocateAmount} onChange={(e) => setAllocateAmount(e.target.value)} data-testid="balloon-allocate-amount" />
        </label>
        <button type="button" onClick={allocate} disabled={busy} data-testid="balloon-allocate">{m.allocate}</button>
      </div>
      {allocation && (
        <div className="hov-balloon-allocation" data-testid="balloon-allocation" data-outcome={allocation.outcome.code}>
          <p><strong>{wordMessage(allocationOutcomeWordings, allocation.outcome, locale)}</strong></p>
          {allocation.output.trim() && (
            <>
              <p className="hov-balloon-label">{m.programSaid}</p>
              <pre tabIndex={0} aria-label={m.programSaid}>{allocation.output.trim()}</pre>
            </>
          )}
          {allocation.kernelLog.length > 0 && (
            <>
              <p className="hov-balloon-label">{m.kernelSaid}</p>
              <pre tabIndex={0} aria-label={m.kernelSaid}>{allocation.kernelLog.join('\n')}</pre>
            </>
          )}
        </div>
      )}
    </section>
  );
}
