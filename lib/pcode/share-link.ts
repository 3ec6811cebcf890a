/**
 * The lab's share link: the program and its input, carried in the URL hash as
 * `#pcode=<base64url of UTF-8 JSON>`. Decoding never trusts the hash: anything that is not exactly
 * `{ source: string, input?: string }` within the size limit is rejected, and the result is only
 * ever used as plain text (never as markup).
 */

import { wordings } from '../book/localized-text.ts';
import type { MessageOf } from '../book/localized-text.ts';

export interface SharedLabState {
  readonly source: string;
  readonly input: string;
}

export const SHARE_HASH_KEY = 'pcode';
/** Largest program (in characters) a share link may carry. */
export const MAX_SHARED_CHARS = 100_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
    return bytes;
  } catch {
    return undefined;
  }
}

/** The hash (with its leading '#') that carries this program and input. */
export function encodeShareHash(state: SharedLabState): string {
  const json = JSON.stringify({ source: state.source, input: state.input });
  return `#${SHARE_HASH_KEY}=${toBase64Url(new TextEncoder().encode(json))}`;
}

/** Why a share link cannot be opened, worded for each edition of the book. */
export const shareLinkProblemWordings = {
  tooLong: wordings(() => 'the link is too long', () => '链接太长'),
  notBase64Url: wordings(() => 'the link is damaged (not base64url)', () => '链接已损坏（不是 base64url）'),
  notJson: wordings(() => 'the link is damaged (not UTF-8 JSON)', () => '链接已损坏（不是 UTF-8 JSON）'),
  noProgram: wordings(() => 'the link does not hold a program', () => '链接里没有程序'),
  programTooLong: wordings(() => 'the program in the link is too long', () => '链接里的程序太长'),
};

export type ShareLinkProblem = MessageOf<typeof shareLinkProblemWordings>;

export type DecodedShareHash =
  | { readonly kind: 'none' }
  | { readonly kind: 'state'; readonly state: SharedLabState }
  /** `reason` is the problem's English wording. */
  | { readonly kind: 'invalid'; readonly problem: ShareLinkProblem; readonly reason: string };

function invalid(code: ShareLinkProblem['code']): DecodedShareHash {
  return { kind: 'invalid', problem: { code }, reason: shareLinkProblemWordings[code].en() };
}

/** Reads a location hash: no share data, a valid program, or why the link cannot be read. */
export function decodeShareHash(hash: string): DecodedShareHash {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${SHARE_HASH_KEY}=`;
  if (!body.startsWith(prefix)) return { kind: 'none' };
  const payload = body.slice(prefix.length);
  if (payload.length > MAX_SHARED_CHARS * 6) return invalid('tooLong');
  const bytes = fromBase64Url(payload);
  if (!bytes) return invalid('notBase64Url');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return invalid('notJson');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return invalid('noProgram');
  const record = value as Record<string, unknown>;
  const source = record['source'];
  const input = record['input'] ?? '';
  if (typeof source !== 'string' || typeof input !== 'string') return invalid('noProgram');
  if (source.length > MAX_SHARED_CHARS || input.length > MAX_SHARED_CHARS) return invalid('programTooLong');
  return { kind: 'state', state: { source, input } };
}
