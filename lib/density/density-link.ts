/**
 * The density calculator's link: its inputs in the URL hash, `#density=<URI-encoded JSON>`. The
 * exercises make these links, so that the calculator opens with the problem's numbers. Decoding
 * never trusts the hash: anything but complete, valid inputs is no link at all.
 */
import { DEFAULT_DENSITY_INPUTS } from './density-inputs.ts';
import type { DensityInputs } from './density-inputs.ts';
import { densityInputIssues } from './density-model.ts';

export const DENSITY_HASH_KEY = 'density';

export function encodeDensityHash(inputs: DensityInputs): string {
  return `#${DENSITY_HASH_KEY}=${encodeURIComponent(JSON.stringify(inputs))}`;
}

/** The inputs a hash carries, or undefined if it carries none (or not a valid set). */
export function decodeDensityHash(hash: string): DensityInputs | undefined {
  const prefix = `#${DENSITY_HASH_KEY}=`;
  if (!hash.startsWith(prefix) || hash.length > 4000) return undefined;
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(hash.slice(prefix.length)));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const record = parsed as Record<string, unknown>;
    const inputs = { ...DEFAULT_DENSITY_INPUTS } as Record<string, unknown>;
    for (const [key, fallback] of Object.entries(DEFAULT_DENSITY_INPUTS)) {
      const value = record[key];
      if (value !== undefined && typeof value !== typeof fallback) return undefined;
      if (value !== undefined) inputs[key] = value;
    }
    const candidate = inputs as unknown as DensityInputs;
    return densityInputIssues(candidate).length === 0 ? candidate : undefined;
  } catch {
    return undefined;
  }
}
