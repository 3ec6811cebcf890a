// The editor's state outside React: the default pair, the share link (files in the URL hash), and
// what localStorage keeps. Everything read from a link or storage is checked and used as plain text.

import { generateBridgePair } from '../../lib/ifcfg/index.ts';

export interface EditorFile {
  name: string;
  text: string;
}

export const STORAGE_KEY = 'hov.bridge-editor.v1';
export const HASH_PREFIX = '#bridge=';
const MAX_FILES = 4;
const MAX_TEXT = 16_000;

export function defaultFiles(): EditorFile[] {
  return generateBridgePair({
    bridge: 'br0',
    port: 'eth0',
    address: '192.168.1.10/24',
    gateway: '192.168.1.1',
    dns: ['192.168.1.1'],
  }).map((f) => ({ name: f.name, text: f.text }));
}

/** Accept only a short list of {name, text} with plain file names; anything else is null. */
export function sanitizeFiles(value: unknown): EditorFile[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_FILES) return null;
  const files: EditorFile[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) return null;
    const { name, text } = item as { name?: unknown; text?: unknown };
    if (typeof name !== 'string' || typeof text !== 'string') return null;
    if (!/^[A-Za-z0-9_.:~-]{1,48}$/.test(name) || text.length > MAX_TEXT) return null;
    files.push({ name, text });
  }
  return files;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(data: string): string {
  const b64 = data.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export function encodeShareHash(files: readonly EditorFile[]): string {
  return HASH_PREFIX + toBase64Url(JSON.stringify(files.map((f) => [f.name, f.text])));
}

/** The files in a share hash, null if the hash is not ours, 'invalid' if it is ours but unreadable. */
export function decodeShareHash(hash: string): EditorFile[] | null | 'invalid' {
  if (!hash.startsWith(HASH_PREFIX)) return null;
  try {
    const parsed = JSON.parse(fromBase64Url(hash.slice(HASH_PREFIX.length))) as unknown;
    if (!Array.isArray(parsed)) return 'invalid';
    const files = sanitizeFiles(parsed.map((pair) => (Array.isArray(pair) ? { name: pair[0], text: pair[1] } : null)));
    return files ?? 'invalid';
  } catch {
    return 'invalid';
  }
}
