/**
 * What the book's service worker keeps for reading offline, worked out from the built site.
 *
 * The worker (scripts/offline/service-worker.js, written to dist/sw.js with this module's list and
 * version) precaches every page of both editions, the lab code, the styles and the search index on
 * the reader's first visit to a chapter. The lab VM's guest and emulator (about 13 MB) are not in it:
 * the reader asks for them with "Make the lab VM available offline" (GUEST_CACHE_NAME).
 */

/** A built file: its path under dist/ with forward slashes, and a digest of its bytes. */
export type BuiltFile = { path: string; sha256: string };

/** The cache the lab VM's files go in when the reader asks (shared by every build). */
export const GUEST_CACHE_NAME = 'book-guest';

/** The prefix of every cache the book's worker owns. */
export const BOOK_CACHE_PREFIX = 'book-pages-';

/** The guest files, under the site's base, that "available offline" stores: enough to power on from the snapshot. */
export const OFFLINE_GUEST_FILES = ['guest/manifest.json', 'v86/v86.wasm', 'guest/bios.bin', 'guest/state.bin.zst'] as const;

/**
 * Whether a built file goes in the precache: pages (as the URL a reader opens), scripts and styles,
 * the icon and the search index. Not the fonts (a page fetches only the slices of the Chinese font its
 * text uses; the worker keeps those as they are fetched), not the guest, not the emulator.
 */
export function isPrecached(path: string): boolean {
  if (path.startsWith('guest/') || path.startsWith('v86/')) return false;
  if (path === '404.html' || path.endsWith('/404.html') || path === 'sw.js') return false;
  if (path.startsWith('_')) {
    return /^_astro\/[^/]+\.(js|css)$/.test(path);
  }
  if (path.startsWith('pagefind/')) return true;
  return /\.(html|svg)$/.test(path);
}

/** The URL a reader opens for a built file: `p-code/index.html` is `/p-code/`. */
export function urlOfBuiltFile(path: string, base = '/'): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (path === 'index.html') return prefix;
  if (path.endsWith('/index.html')) return prefix + path.slice(0, -'index.html'.length);
  return prefix + path;
}

/** The precache list, sorted, for the files of a build. */
export function precacheUrls(files: readonly BuiltFile[], base = '/'): string[] {
  return files
    .filter((file) => isPrecached(file.path))
    .map((file) => urlOfBuiltFile(file.path, base))
    .sort();
}

/**
 * A build's version: changes when any precached file changes, so a new build replaces the whole
 * cache (never old pages with new scripts) and an unchanged rebuild keeps it.
 */
export async function buildVersion(files: readonly BuiltFile[]): Promise<string> {
  const lines = files
    .filter((file) => isPrecached(file.path))
    .map((file) => `${file.path} ${file.sha256}`)
    .sort()
    .join('\n');
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(lines)));
  return Array.from(digest.slice(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The worker's source: the settings it needs, then its code (scripts/offline/service-worker.js). */
export function serviceWorkerSource(code: string, settings: { version: string; urls: readonly string[]; base: string }): string {
  return [
    '// The book\'s service worker, written by the build (lib/offline/precache.ts).',
    `const BOOK_CACHE = ${JSON.stringify(BOOK_CACHE_PREFIX + settings.version)};`,
    `const BOOK_CACHE_PREFIX = ${JSON.stringify(BOOK_CACHE_PREFIX)};`,
    `const GUEST_CACHE = ${JSON.stringify(GUEST_CACHE_NAME)};`,
    `const BASE = ${JSON.stringify(settings.base)};`,
    `const PRECACHE_URLS = ${JSON.stringify(settings.urls)};`,
    code,
  ].join('\n');
}
