/**
 * The JIT lab's link: a program, its input and the lab's settings, carried in the URL hash as
 * `#jit=<base64url of UTF-8 JSON>` (the same coding as the P-code lab's `#pcode=`). The exercises
 * make these links so that the lab, opened from one, runs exactly the run the exercise describes.
 * Decoding never trusts the hash: settings out of range are refused, text stays plain text.
 */
import { decodeJsonHash, encodeJsonHash, sharedProgramOf } from '../pcode/index.ts';
import type { ShareLinkProblem } from '../pcode/index.ts';
import type { JitMode } from './jit-machine.ts';

export const JIT_LAB_HASH_KEY = 'jit';
/** The lab's threshold slider runs from 1 to this. */
export const MAX_JIT_THRESHOLD = 200;

export interface JitLabState {
  readonly source: string;
  readonly input: string;
  readonly threshold: number;
  readonly mode: JitMode;
  /** Translations are installed before the next block runs (see JitOptions.deterministic). */
  readonly deterministic: boolean;
}

export function encodeJitLabHash(state: JitLabState): string {
  const { source, input, threshold, mode, deterministic } = state;
  return encodeJsonHash(JIT_LAB_HASH_KEY, { source, input, threshold, mode, deterministic });
}

export type DecodedJitLabHash =
  | { readonly kind: 'none' }
  | { readonly kind: 'state'; readonly state: JitLabState }
  | { readonly kind: 'invalid'; readonly problem: ShareLinkProblem };

export function decodeJitLabHash(hash: string): DecodedJitLabHash {
  const decoded = decodeJsonHash(hash, JIT_LAB_HASH_KEY);
  if (decoded.kind !== 'json') return decoded.kind === 'none' ? decoded : { kind: 'invalid', problem: decoded.problem };
  const program = sharedProgramOf(decoded.value);
  if ('problem' in program) return { kind: 'invalid', problem: program.problem };
  const record = decoded.value as Record<string, unknown>;
  const threshold = record['threshold'];
  const mode = record['mode'];
  const deterministic = record['deterministic'];
  return {
    kind: 'state',
    state: {
      ...program.state,
      threshold: typeof threshold === 'number' && Number.isInteger(threshold) && threshold >= 1 && threshold <= MAX_JIT_THRESHOLD ? threshold : 10,
      mode: mode === 'dispatcher' ? 'dispatcher' : 'chaining',
      deterministic: deterministic === true,
    },
  };
}
