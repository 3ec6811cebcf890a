import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  decodeSignedLeb128,
  decodeUnsignedLeb128,
  encodeSignedLeb128,
  encodeUnsignedLeb128,
} from '../../../lib/jit/index.ts';

describe('LEB128', () => {
  test('unsigned: the encodings from the WebAssembly and DWARF examples', () => {
    expect(encodeUnsignedLeb128(0)).toEqual([0x00]);
    expect(encodeUnsignedLeb128(127)).toEqual([0x7f]);
    expect(encodeUnsignedLeb128(128)).toEqual([0x80, 0x01]);
    expect(encodeUnsignedLeb128(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(encodeUnsignedLeb128(0xffffffff)).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
  });

  test('signed: sign bit of the last byte decides', () => {
    expect(encodeSignedLeb128(0)).toEqual([0x00]);
    expect(encodeSignedLeb128(-1)).toEqual([0x7f]);
    expect(encodeSignedLeb128(63)).toEqual([0x3f]);
    expect(encodeSignedLeb128(64)).toEqual([0xc0, 0x00]);
    expect(encodeSignedLeb128(-64)).toEqual([0x40]);
    expect(encodeSignedLeb128(-65)).toEqual([0xbf, 0x7f]);
    expect(encodeSignedLeb128(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(encodeSignedLeb128(-2147483648)).toEqual([0x80, 0x80, 0x80, 0x80, 0x78]);
  });

  test('out-of-range values are refused, not silently wrapped', () => {
    expect(() => encodeUnsignedLeb128(-1)).toThrow(RangeError);
    expect(() => encodeSignedLeb128(2 ** 31)).toThrow(RangeError);
  });

  test('round trips for every 32-bit value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (v) => {
        const bytes = encodeUnsignedLeb128(v);
        expect(decodeUnsignedLeb128(bytes)).toEqual({ value: v, length: bytes.length });
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -0x80000000, max: 0x7fffffff }), (v) => {
        const bytes = encodeSignedLeb128(v);
        expect(decodeSignedLeb128(bytes)).toEqual({ value: v, length: bytes.length });
        expect(bytes.length).toBeLessThanOrEqual(5);
      }),
    );
  });
});
