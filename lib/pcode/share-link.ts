/**
 * The lab's share link: the program and its input, carried in the URL hash as
 * `#pcode=<base64url of UTF-8 JSON>`. Decoding never trusts the hash: anything that is not exactly
 * `{ source: string, input?: string }` within the size limit is rejected, and the result is only
 * ever used as plain text (never as markup).
 */

import { base64UrlToBytes, bytesToBase64Url } from '../book/base64url.ts';
import { wordings } from '../book/localized-text.ts';
import type { MessageOf } from '../book/localized-text.ts';

export interface SharedLabState {
  readonly source: string;
  readonly input: string;
}

export const SHARE_HASH_KEY = 'pcode';
/** Largest program (in characters) a share link may carry. */
export const MAX_SHARED_CHARS = 100_000;

/** A hash (with its leading '#') that carries `value` as `#<key>=<base64url of UTF-8 JSON>`. */
export function encodeJsonHash(key: string, value: unknown): string {
  return `#${key}=${bytesToBase64Url(new TextEncoder().encode(JSON.stringify(value)))}`;
}

/** The hash (with its leading '#') that carries this program and input. */
export function encodeShareHash(state: SharedLabState): string {
  return encodeJsonHash(SHARE_HASH_KEY, { source: state.source, input: state.input });
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
  /** `problem` is a code: shareLinkProblemWordings words it in every edition. */
  | { readonly kind: 'invalid'; readonly problem: ShareLinkProblem };

function invalid(code: ShareLinkProblem['code']): { readonly kind: 'invalid'; readonly problem: ShareLinkProblem } {
  return { kind: 'invalid', problem: { code } };
}

/** A JSON hash as `encodeJsonHash` writes it: absent, its value (not yet checked), or why it cannot be read. */
export type DecodedJsonHash =
  | { readonly kind: 'none' }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'invalid'; readonly problem: ShareLinkProblem };

export function decodeJsonHash(hash: string, key: string): DecodedJsonHash {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${key}=`;
  if (!body.startsWith(prefix)) return { kind: 'none' };
  const payload = body.slice(prefix.length);
  if (payload.length > MAX_SHARED_CHARS * 6) return invalid('tooLong');
  const bytes = base64UrlToBytes(payload);
  if (!bytes) return invalid('notBase64Url');
  try {
    return { kind: 'json', value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return invalid('notJson');
  }
}

/** The program and input a decoded JSON value holds, or why it holds none. */
export function sharedProgramOf(value: unknown): { readonly state: SharedLabState } | { readonly problem: ShareLinkProblem } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: { code: 'noProgram' } };
  const record = value as Record<string, unknown>;
  const source = record['source'];
  const input = record['input'] ?? '';
  if (typeof source !== 'string' || typeof input !== 'string') return { problem: { code: 'noProgram' } };
  if (source.length > MAX_SHARED_CHARS || input.length > MAX_SHARED_CHARS) return { problem: { code: 'programTooLong' } };
  return { state: { source, input } };
}

/** Reads a location hash: no share data, a valid program, or why the link cannot be read. */
export function decodeShareHash(hash: string): DecodedShareHash {
  const decoded = decodeJsonHash(hash, SHARE_HASH_KEY);
  if (decoded.kind !== 'json') return decoded;
  const program = sharedProgramOf(decoded.value);
  return 'state' in program ? { kind: 'state', state: program.state } : invalid(program.problem.code);
}
