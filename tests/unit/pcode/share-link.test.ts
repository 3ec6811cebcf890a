import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShareHash, encodeShareHash } from '../../../lib/pcode/index.ts';

describe('share links', () => {
  it('round-trip any program and input, including non-ASCII and markup-like text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 50 }), (source, input) => {
        const hash = encodeShareHash({ source, input });
        expect(hash).toMatch(/^#pcode=[A-Za-z0-9_-]*$/);
        expect(decodeShareHash(hash)).toEqual({ kind: 'state', state: { source, input } });
      }),
      { seed: 7, numRuns: 300 },
    );
    const tricky = "program x; begin writeln('<script>alert(1)</script> 你好') end.";
    expect(decodeShareHash(encodeShareHash({ source: tricky, input: '' }))).toEqual({ kind: 'state', state: { source: tricky, input: '' } });
  });

  it('ignores hashes that are not share links', () => {
    expect(decodeShareHash('')).toEqual({ kind: 'none' });
    expect(decodeShareHash('#references')).toEqual({ kind: 'none' });
  });

  it('rejects damaged or foreign payloads with a reason instead of throwing', () => {
    const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
    expect(decodeShareHash('#pcode=<img src=x onerror=alert(1)>').kind).toBe('invalid');
    expect(decodeShareHash('#pcode=%%%').kind).toBe('invalid');
    expect(decodeShareHash(`#pcode=${b64('not json')}`)).toEqual({ kind: 'invalid', problem: { code: 'notJson' } });
    expect(decodeShareHash(`#pcode=${b64('[1,2]')}`)).toEqual({ kind: 'invalid', problem: { code: 'noProgram' } });
    expect(decodeShareHash(`#pcode=${b64('{"source": 5}')}`)).toEqual({ kind: 'invalid', problem: { code: 'noProgram' } });
    expect(decodeShareHash(`#pcode=${Buffer.from([0xff, 0xfe]).toString('base64url')}`).kind).toBe('invalid');
    expect(decodeShareHash(`#pcode=${b64(JSON.stringify({ source: 'x'.repeat(100_001) }))}`)).toEqual({ kind: 'invalid', problem: { code: 'programTooLong' } });
  });
});
