// The editor's state outside React: the default pair, the share link (files in the URL hash), and
// what localStorage keeps. Everything read from a link or storage is checked and used as plain text.

import { storedItem } from '../book/lab-storage.ts';
import { decodeBase64Url, encodeBase64Url } from '../../lib/book/base64url.ts';
import { generateBridgePair } from '../../lib/ifcfg/index.ts';
import type { BookLocale } from '../../lib/book/localized-text.ts';

export interface EditorFile {
  name: string;
  text: string;
}

/** Where the files are kept in this browser. */
export const BRIDGE_EDITOR_FILES = storedItem('bridge-editor', 'files', ['hov.bridge-editor.v1']);
export const HASH_PREFIX = '#bridge=';
const MAX_FILES = 4;
/** The longest file a share link carries (a link is only ever read as data; this bounds what one can hold). */
export const MAX_LINK_TEXT = 100_000;

/** The pair a new reader starts from, its comments in the page's edition. */
export function defaultFiles(locale: BookLocale | string = 'en'): EditorFile[] {
  return generateBridgePair({
    bridge: 'br0',
    port: 'eth0',
    address: '192.168.1.10/24',
    gateway: '192.168.1.1',
    dns: ['192.168.1.1'],
  }, locale).map((f) => ({ name: f.name, text: f.text }));
}

/**
 * Accept only a short list of {name, text} with plain file names (empty while the reader renames one)
 * and texts of at most `maxText` characters; anything else is null.
 */
export function sanitizeFiles(value: unknown, maxText = MAX_LINK_TEXT): EditorFile[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_FILES) return null;
  const files: EditorFile[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) return null;
    const { name, text } = item as { name?: unknown; text?: unknown };
    if (typeof name !== 'string' || typeof text !== 'string') return null;
    if (!/^[A-Za-z0-9_.:~-]{0,48}$/.test(name) || text.length > maxText) return null;
    files.push({ name, text });
  }
  return files;
}

/**
 * What localStorage holds under BRIDGE_EDITOR_FILES: the files (any length: they were the reader's own), null
 * when nothing is saved, or 'unreadable' when something is there but is not a list of files.
 */
export function readSavedFiles(stored: string | null): EditorFile[] | null | 'unreadable' {
  if (stored === null) return null;
  try {
    const files = sanitizeFiles(JSON.parse(stored), Number.POSITIVE_INFINITY);
    return files && files.length >= 2 ? files : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/**
 * The files after loading saved or linked ones into an editor that started with `defaults`: a file the
 * reader already changed (typed into before the page came alive) keeps its text.
 */
export function keepEditedFiles(current: readonly EditorFile[], defaults: readonly EditorFile[], loaded: readonly EditorFile[]): EditorFile[] {
  return loaded.map((file, i) => {
    const now = current[i];
    return now && defaults[i] && now.text !== defaults[i].text ? now : file;
  });
}

/** The first file too long for a share link, or undefined. */
export function fileTooLongForLink(files: readonly EditorFile[]): EditorFile | undefined {
  return files.find((f) => f.text.length > MAX_LINK_TEXT);
}

export function encodeShareHash(files: readonly EditorFile[]): string {
  return HASH_PREFIX + encodeBase64Url(JSON.stringify(files.map((f) => [f.name, f.text])));
}

/** The files in a share hash, null if the hash is not ours, 'invalid' if it is ours but unreadable. */
export function decodeShareHash(hash: string): EditorFile[] | null | 'invalid' {
  if (!hash.startsWith(HASH_PREFIX)) return null;
  try {
    const parsed = JSON.parse(decodeBase64Url(hash.slice(HASH_PREFIX.length)) ?? '') as unknown;
    if (!Array.isArray(parsed)) return 'invalid';
    const files = sanitizeFiles(parsed.map((pair) => (Array.isArray(pair) ? { name: pair[0], text: pair[1] } : null)));
    return files ?? 'invalid';
  } catch {
    return 'invalid';
  }
}
