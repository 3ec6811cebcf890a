/**
 * "Make the lab VM available offline": stores the guest's snapshot, BIOS, manifest and the emulator's
 * WebAssembly in the cache the book's service worker answers from when the network is gone, with a
 * progress bar; says whether the pages themselves are kept; removes the copy on request.
 */
import { useCallback, useEffect, useState } from 'react';
import { pickMessages, type BookLocale } from '../book/locale.ts';
import { offlineCatalogues } from './messages.ts';
import { downloadWithProgress, fetchGuestManifest, type DownloadProgress } from '../../lib/guest/web.ts';
import { guestDownloadWordings, guestErrorMessage, wordGuestError } from '../../lib/guest/index.ts';
import type { GuestDownloadId } from '../../lib/guest/index.ts';
import { wordMessage } from '../../lib/book/localized-text.ts';
import { BOOK_CACHE_PREFIX, GUEST_CACHE_NAME, OFFLINE_GUEST_FILES } from '../../lib/offline/index.ts';
import './OfflineGuest.css';

type Props = {
  locale?: BookLocale;
  /** The built guest: what storing it downloads, and its snapshot's SHA-256 (to tell a stored copy is older). */
  guest?: { bytes: number; stateSha256: string };
};
type GuestCopy = 'unknown' | 'none' | 'current' | 'outdated';
type PagesCopy = 'unknown' | 'pending' | 'ready' | 'unsupported';

const base = () => import.meta.env.BASE_URL.replace(/\/?$/, '/');
const megabytes = (bytes: number, locale: BookLocale) => `${(bytes / 1e6).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;

/** Which of the four files a URL is, for the progress line. */
const fileIds: Record<(typeof OFFLINE_GUEST_FILES)[number], GuestDownloadId> = {
  'guest/manifest.json': 'manifest',
  'v86/v86.wasm': 'emulator',
  'guest/bios.bin': 'bios',
  'guest/state.bin.zst': 'state',
};

export default function OfflineGuest({ locale = 'en', guest: built }: Props) {
  const messages = pickMessages(offlineCatalogues, locale);
  const [pages, setPages] = useState<PagesCopy>('unknown');
  const [guest, setGuest] = useState<GuestCopy>('unknown');
  const [size, setSize] = useState<number | null>(built?.bytes ?? null);
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [failed, setFailed] = useState(false);

  const look = useCallback(async () => {
    if (!('serviceWorker' in navigator) || !('caches' in window)) {
      setPages('unsupported');
      setGuest('none');
      return;
    }
    // Everything is looked at first and shown at once, so the status never reads half-known.
    const names = await caches.keys();
    const pagesCopy: PagesCopy = names.some((name) => name.startsWith(BOOK_CACHE_PREFIX)) && navigator.serviceWorker.controller ? 'ready' : 'pending';
    // Only the caches are looked at: nothing is downloaded before the reader asks.
    const stored = await (await caches.open(GUEST_CACHE_NAME)).match(`${base()}guest/manifest.json`);
    let guestCopy: GuestCopy = 'none';
    if (stored) {
      const storedManifest = (await stored.json().catch(() => null)) as { files?: { state?: { sha256?: string } } } | null;
      guestCopy = !built || storedManifest?.files?.state?.sha256 === built.stateSha256 ? 'current' : 'outdated';
    }
    setPages(pagesCopy);
    setGuest(guestCopy);
  }, [built]);

  useEffect(() => {
    void look();
    const onChange = () => void look();
    navigator.serviceWorker?.addEventListener('controllerchange', onChange);
    return () => navigator.serviceWorker?.removeEventListener('controllerchange', onChange);
  }, [look]);

  const store = async () => {
    setBusy(true);
    setFailed(false);
    setNote('');
    try {
      const manifest = await fetchGuestManifest(base());
      const expected: Record<string, { bytes: number; sha256: string } | undefined> = {
        'guest/bios.bin': manifest.files.bios,
        'guest/state.bin.zst': manifest.files.state,
      };
      const cache = await caches.open(GUEST_CACHE_NAME);
      // Everything first, then the cache: a failure half-way leaves the old copy as it was.
      const downloaded: [string, ArrayBuffer, string][] = [];
      for (const path of OFFLINE_GUEST_FILES) {
        const url = `${base()}${path}`;
        const bytes = await downloadWithProgress(url, fileIds[path], { onProgress: setProgress, expected: expected[path], reload: true });
        const type = path.endsWith('.json') ? 'application/json' : path.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
        downloaded.push([url, bytes, type]);
      }
      for (const [url, bytes, type] of downloaded) {
        await cache.put(url, new Response(bytes, { headers: { 'Content-Type': type, 'Content-Length': String(bytes.byteLength) } }));
      }
      setSize(downloaded.reduce((sum, [, bytes]) => sum + bytes.byteLength, 0));
      setGuest('current');
    } catch (error) {
      setFailed(true);
      setNote(messages.failed({ message: wordGuestError(guestErrorMessage(error), locale) }));
    } finally {
      setProgress(null);
      setBusy(false);
    }
  };

  const remove = async () => {
    await caches.delete(GUEST_CACHE_NAME);
    setGuest('none');
    setNote(messages.removed);
  };

  const pagesText =
    pages === 'ready' ? messages.pagesReady : pages === 'unsupported' ? messages.pagesUnsupported : pages === 'pending' ? messages.pagesPending : '';
  const sizeText = size === null ? '13 MB' : megabytes(size, locale);
  const guestText =
    guest === 'current' ? messages.guestStored({ size: sizeText })
    : guest === 'outdated' ? messages.guestOutdated
    : guest === 'none' && pages !== 'unsupported' ? messages.guestNotStored({ size: sizeText })
    : '';
  const progressLabel = progress ? wordMessage(guestDownloadWordings, { code: progress.file }, locale) : '';

  return (
    <section className="offline-guest not-content" aria-labelledby="offline-guest-heading">
      <h3 id="offline-guest-heading">{messages.heading}</h3>
      <p role="status" aria-live="polite">
        {[pagesText, guestText].filter(Boolean).join(locale === 'zh-CN' ? '' : ' ')}
      </p>
      {pages !== 'unsupported' && (
        <div className="offline-guest-actions">
          {guest !== 'current' && (
            <button type="button" onClick={store} disabled={busy}>
              {failed ? messages.retry : guest === 'outdated' ? messages.storeAgain : messages.store}
            </button>
          )}
          {guest !== 'none' && guest !== 'unknown' && (
            <button type="button" onClick={remove} disabled={busy}>
              {messages.remove}
            </button>
          )}
        </div>
      )}
      {progress && (
        <div className="offline-guest-progress">
          <label htmlFor="offline-guest-bar">
            {messages.downloading({
              label: progressLabel,
              loaded: megabytes(progress.loaded, locale),
              total: megabytes(progress.total, locale),
            })}
          </label>
          <progress id="offline-guest-bar" aria-label={messages.progressLabel} max={progress.total || 1} value={progress.loaded} />
        </div>
      )}
      {note && <p className={failed ? 'offline-guest-error' : undefined} role={failed ? 'alert' : undefined}>{note}</p>}
    </section>
  );
}
