// The lab VM island: toolbar, progress, status line and an xterm.js terminal on the VM's first
// serial port. xterm.js, v86 and the guest files load only when the reader presses Power on.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Terminal } from '@xterm/xterm';
import type { FitAddon } from '@xterm/addon-fit';
import { vmCatalogues } from './messages.ts';
import { pickMessages, type BookLocale } from '../book/locale.ts';
import { pageLabVM, type PageLabVMState } from './pageLabVM.ts';
import { guestDownloadWordings, guestErrorMessage, wordGuestError } from '../../lib/guest/index.ts';
import type { GuestErrorMessage } from '../../lib/guest/index.ts';
import { wordMessage } from '../../lib/book/localized-text.ts';
// xterm's stylesheet is small and static, so it is part of the island's own (LabVMTerminal.css);
// its JavaScript loads only at Power on.
import { readStoredText, storedItem, writeStoredText } from '../book/lab-storage.ts';
import './LabVMTerminal.css';

type Props = {
  rows?: number;
  /** What Power on downloads, in words ("about 13 MB"; see LabVM.astro). */
  manifestSize: string;
  locale?: BookLocale;
  /** Offer "Dock beside the text" on a wide screen: the terminal stays in view while a lab's steps scroll. */
  dockable?: boolean;
};

function themeFromPage(): Record<string, string> {
  const style = getComputedStyle(document.documentElement);
  const value = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const dark = document.documentElement.dataset.theme !== 'light';
  return {
    background: value('--sl-color-black', dark ? '#17181c' : '#ffffff'),
    foreground: value('--sl-color-white', dark ? '#ffffff' : '#17181c'),
    cursor: value('--sl-color-accent-high', dark ? '#b3c7ff' : '#272a8c'),
    selectionBackground: value('--sl-color-accent-low', dark ? '#26255d' : '#d6dbff'),
  };
}

/** A file that arrived truncated or corrupted: its Retry downloads it again. */
function damagedDownload(detail: GuestErrorMessage): boolean {
  return detail.source === 'load' && (detail.problem.code === 'downloadTruncated' || detail.problem.code === 'downloadCorrupted');
}

const SCREEN_READER_MODE = storedItem('lab-vm', 'screen-reader', ['hov-lab-vm-screen-reader']);
const DOCKED = storedItem('lab-vm', 'docked', ['hov-lab-vm-docked']);
/** On <html> while a terminal is docked: LabVMTerminal.css makes room for it beside the text. */
const DOCKED_PAGE_CLASS = 'hov-labvm-docked';

function storedDocked(): boolean {
  return readStoredText(DOCKED) === 'on';
}

/** The reader's choice of xterm's screen-reader mode, kept for the next visit. */
function storedScreenReaderMode(): boolean {
  return readStoredText(SCREEN_READER_MODE) === 'on';
}

/**
 * Ctrl+] leaves the terminal (as it leaves `npm run vm`): every other key, Tab, Shift+Tab and
 * Esc included, belongs to the shell. No shell the lab VM runs binds Ctrl+] (BusyBox ash, vi).
 */
function isLeaveTerminalKey(event: KeyboardEvent): boolean {
  return event.ctrlKey && !event.altKey && !event.metaKey && (event.code === 'BracketRight' || event.key === ']');
}

function formatUptime(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
}

export default function LabVMTerminal({ rows = 24, manifestSize, locale = 'en', dockable = false }: Props) {
  const messages = pickMessages(vmCatalogues, locale);
  const errorText = (error: unknown) => wordGuestError(guestErrorMessage(error), locale);
  const [state, setState] = useState<PageLabVMState>(pageLabVM.state);
  const [note, setNote] = useState('');
  const [speed, setSpeed] = useState('');
  const [busy, setBusy] = useState(false);
  const [screenReader, setScreenReader] = useState(storedScreenReaderMode);
  const [docked, setDocked] = useState(() => dockable && storedDocked());
  const containerRef = useRef<HTMLDivElement>(null);
  const keysRef = useRef<HTMLParagraphElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const keysId = useId();
  const terminalRef = useRef<{ term: Terminal; fit: FitAddon } | null>(null);

  useEffect(() => pageLabVM.subscribe(setState), []);

  // Create the terminal the first time the VM starts (or is found running).
  const phase = state.phase;
  useEffect(() => {
    if (phase === 'off' || terminalRef.current || !containerRef.current) return;
    let disposed = false;
    const cleanups: (() => void)[] = [];
    (async () => {
      const [{ Terminal }, { FitAddon }] = await Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit')]);
      if (disposed || !containerRef.current) return;
      const term = new Terminal({
        rows,
        convertEol: false,
        cursorBlink: true,
        fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--__sl-font-mono').trim() || 'monospace',
        fontSize: 14,
        // Room below the baseline, so underscores are not clipped by the next row.
        lineHeight: 1.2,
        theme: themeFromPage(),
        scrollback: 5000,
        screenReaderMode: storedScreenReaderMode(),
      });
      const fit = new FitAddon();
      term.loadAddon(fit);
      term.open(containerRef.current);
      // The way out of the terminal, said next to it and announced when it takes the focus.
      term.textarea?.setAttribute('aria-describedby', keysId);
      term.attachCustomKeyEventHandler((event) => {
        if (!isLeaveTerminalKey(event)) return true;
        event.preventDefault();
        if (event.type === 'keydown') keysRef.current?.focus();
        return false;
      });
      fit.fit();
      terminalRef.current = { term, fit };
      pageLabVM.terminalSize = () => ({ cols: term.cols, rows: term.rows });
      cleanups.push(() => {
        pageLabVM.terminalSize = null;
      });
      // Batch guest output into one write per animation frame.
      let pending: Uint8Array[] = [];
      let frame = 0;
      const flush = () => {
        frame = 0;
        if (pending.length === 0) return;
        const total = pending.reduce((sum, part) => sum + part.length, 0);
        const bytes = new Uint8Array(total);
        let offset = 0;
        for (const part of pending) {
          bytes.set(part, offset);
          offset += part.length;
        }
        pending = [];
        term.write(bytes);
      };
      cleanups.push(
        pageLabVM.onOutput((bytes) => {
          pending.push(bytes);
          if (!frame) frame = requestAnimationFrame(flush);
        }),
      );
      const encoder = new TextEncoder();
      // When the VM starts running: the welcome line (queued with the guest's output, so it comes
      // before the echo of a command a <RunInVM> button sends right away), size and clock, focus.
      let wasRunning = false;
      cleanups.push(
        pageLabVM.subscribe((state) => {
          const running = state.phase === 'running';
          if (running && !wasRunning) {
            const mode = state.mode === 'restored' ? messages.restoredNote : messages.coldBootNote;
            pending.push(encoder.encode(`\r\n\x1b[2m${messages.welcome({ mode })}\x1b[0m\r\n`));
            if (!frame) frame = requestAnimationFrame(flush);
            // A restored VM was told the size with the clock; a booted one learns both now.
            if (state.mode !== 'restored') void pageLabVM.vm?.refreshTerminal({ cols: term.cols, rows: term.rows });
            // Into the terminal when the reader powered on here, not from a button elsewhere.
            const active = document.activeElement;
            if (!active || active === document.body || sectionRef.current?.contains(active)) term.focus();
          }
          wasRunning = running;
        }),
      );
      const input = term.onData((data) => pageLabVM.sendInput(encoder.encode(data)));
      cleanups.push(() => input.dispose());
      const resize = () => {
        fit.fit();
        void pageLabVM.vm?.setTerminalSize(term.cols, term.rows);
      };
      const observer = new ResizeObserver(resize);
      observer.observe(containerRef.current);
      cleanups.push(() => observer.disconnect());
      const themeObserver = new MutationObserver(() => {
        term.options.theme = themeFromPage();
      });
      themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
      cleanups.push(() => themeObserver.disconnect());
      cleanups.push(() => {
        if (frame) cancelAnimationFrame(frame);
      });
    })();
    return () => {
      disposed = true;
      cleanups.forEach((cleanup) => cleanup());
      terminalRef.current?.term.dispose();
      terminalRef.current = null;
    };
  }, [phase === 'off', rows]);

  useEffect(() => {
    if (terminalRef.current) terminalRef.current.term.options.screenReaderMode = screenReader;
    // Private mode without storage: the choice lasts for this page.
    writeStoredText(SCREEN_READER_MODE, screenReader ? 'on' : 'off');
  }, [screenReader]);

  // Docked (wide screens only, see LabVMTerminal.css): the page makes room beside the text.
  useEffect(() => {
    if (!dockable) return;
    document.documentElement.classList.toggle(DOCKED_PAGE_CLASS, docked);
    // No storage: the choice lasts for this page.
    writeStoredText(DOCKED, docked ? 'on' : 'off');
    return () => document.documentElement.classList.remove(DOCKED_PAGE_CLASS);
  }, [dockable, docked]);

  // Status line: instructions per second and uptime.
  useEffect(() => {
    if (phase !== 'running') {
      setSpeed('');
      return;
    }
    let last = pageLabVM.vm?.instructionCount() ?? 0;
    let lastTime = performance.now();
    const timer = setInterval(() => {
      const vm = pageLabVM.vm;
      if (!vm) return;
      const now = performance.now();
      const count = vm.instructionCount();
      const delta = (count - last) >>> 0;
      const mips = delta / ((now - lastTime) / 1000) / 1e6;
      last = count;
      lastTime = now;
      const up = pageLabVM.state.poweredOnAt ? Date.now() - pageLabVM.state.poweredOnAt : 0;
      setSpeed(`${messages.speed({ mips: mips.toFixed(1) })} · ${messages.uptime({ time: formatUptime(up) })}`);
    }, 1000);
    return () => clearInterval(timer);
    // Reset and Resume put in a machine with its own instruction count (and restart the uptime):
    // the rate starts again from it.
  }, [phase, state.poweredOnAt]);

  // Unmount: the VM goes with the page's last terminal.
  useEffect(() => () => void pageLabVM.powerOff(), []);

  const act = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  }, []);

  const powerOn = (coldBoot = false) =>
    act(async () => {
      setNote('');
      await pageLabVM.ensureRunning({ coldBoot }).catch(() => {});
    });
  const powerOff = () => act(() => pageLabVM.powerOff());
  const reset = () =>
    act(async () => {
      // The published machine again: a note about a machine resumed or saved before is not about this one.
      setNote('');
      terminalRef.current?.term.reset();
      await pageLabVM.reset();
    });
  const save = () =>
    act(async () => {
      try {
        const saved = await pageLabVM.save();
        setNote(messages.saved({ time: new Date(saved.savedAt).toLocaleTimeString(locale) }));
      } catch (error) {
        setNote(messages.saveFailed({ message: errorText(error) }));
      }
    });
  const resume = () =>
    act(async () => {
      try {
        const saved = await pageLabVM.resume();
        setNote(saved ? messages.resumedFrom({ time: new Date(saved.savedAt).toLocaleString(locale) }) : messages.savedNothing);
      } catch (error) {
        setNote(messages.resumeFailed({ message: errorText(error) }));
      }
    });
  const copy = async () => {
    const text = terminalRef.current?.term.getSelection() ?? '';
    try {
      await navigator.clipboard.writeText(text);
      setNote(messages.copied);
    } catch {
      setNote(messages.clipboardDenied);
    }
  };
  const paste = async () => {
    try {
      const text = await navigator.clipboard.readText();
      pageLabVM.sendInput(text);
      terminalRef.current?.term.focus();
    } catch {
      setNote(messages.clipboardDenied);
    }
  };

  const running = phase === 'running';
  const progress = state.progress;
  let statusText = '';
  const downloadLabel = progress ? wordMessage(guestDownloadWordings, { code: progress.file }, locale) : '';
  if (phase === 'off') statusText = messages.off({ size: manifestSize });
  else if (phase === 'starting') {
    if (state.coldBootFallback) statusText = messages.incompatible;
    else if (state.status === 'coldBooting') statusText = messages.coldBooting;
    else if (progress) statusText = messages.downloading({ label: downloadLabel });
    else statusText = messages.loadingEmulator;
  } else if (phase === 'running') statusText = state.coldBootFallback ? messages.incompatible : speed || messages.running;

  return (
    <section className={docked ? 'labvm labvm-docked' : 'labvm'} aria-label={messages.terminalLabel} ref={sectionRef}>
      <div className="labvm-toolbar" role="toolbar" aria-label={messages.toolbarLabel}>
        {phase === 'off' || phase === 'error' ? (
          <button type="button" className="labvm-primary" onClick={() => powerOn()} disabled={busy}>
            {messages.powerOn}
          </button>
        ) : (
          <button type="button" onClick={powerOff} disabled={busy && phase !== 'starting'}>
            {messages.powerOff}
          </button>
        )}
        <button type="button" onClick={reset} disabled={!running || busy} title={messages.resetTitle}>
          {messages.reset}
        </button>
        <button type="button" onClick={save} disabled={!running || busy} title={messages.saveTitle}>
          {messages.save}
        </button>
        <button type="button" onClick={resume} disabled={busy || phase === 'starting'} title={messages.resumeTitle}>
          {messages.resume}
        </button>
        <button type="button" onClick={copy} disabled={!running} title={messages.copyTitle}>
          {messages.copy}
        </button>
        <button type="button" onClick={paste} disabled={!running} title={messages.pasteTitle}>
          {messages.paste}
        </button>
        <button type="button" aria-pressed={screenReader} onClick={() => setScreenReader((on) => !on)} title={messages.screenReaderTitle}>
          {messages.screenReader}
        </button>
        {dockable ? (
          <button type="button" className="labvm-dock" aria-pressed={docked} onClick={() => setDocked((on) => !on)} title={messages.dockTitle}>
            {messages.dock}
          </button>
        ) : null}
      </div>
      {phase === 'starting' && progress ? (
        <progress className="labvm-progress" max={Math.max(1, progress.total)} value={progress.loaded} aria-label={messages.downloading({ label: downloadLabel })} />
      ) : null}
      <p className="labvm-status" role="status" aria-live="polite">
        {statusText}
        {note ? <span className="labvm-note"> {note}</span> : null}
      </p>
      {phase === 'error' && state.error ? (
        <div className="labvm-error" role="alert">
          <strong>{state.error.kind === 'not-built' ? messages.notBuilt : state.error.kind === 'download' ? messages.downloadFailed : messages.startFailed}</strong>{' '}
          {wordGuestError(state.error.detail, locale)}{' '}
          {state.error.kind !== 'not-built' ? (
            <>
              <button type="button" onClick={() => powerOn()}>
                {damagedDownload(state.error.detail) ? messages.downloadAgain : messages.retry}
              </button>{' '}
              <button type="button" onClick={() => powerOn(true)}>
                {messages.bootKernel}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      <div className="labvm-screen" ref={containerRef} hidden={phase === 'off' || (phase === 'error' && !terminalRef.current)} />
      <p className="labvm-keys" id={keysId} ref={keysRef} tabIndex={-1} hidden={phase === 'off'}>
        {messages.leaveTerminal}
      </p>
    </section>
  );
}
