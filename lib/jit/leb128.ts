/**
 * LEB128, the variable-length integer encoding WebAssembly uses for sizes, counts, indices
 * (unsigned) and `i32.const` immediates (signed): seven bits per byte, low bits first, the high bit
 * of each byte set when more bytes follow.
 */

/** Appends the unsigned LEB128 encoding of `value` (0 ≤ value < 2^32) to `out` and returns `out`. */
export function encodeUnsignedLeb128(value: number, out: number[] = []): number[] {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new RangeError(`unsigned LEB128 needs a whole number from 0 to 2^32-1, got ${value}`);
  }
  let v = value;
  do {
    let byte = v % 128;
    v = Math.floor(v / 128);
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Appends the signed LEB128 encoding of the 32-bit integer `value` to `out` and returns `out`. */
export function encodeSignedLeb128(value: number, out: number[] = []): number[] {
  if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) {
    throw new RangeError(`signed LEB128 here takes a 32-bit integer, got ${value}`);
  }
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const signBitSet = (byte & 0x40) !== 0;
    if ((v === 0 && !signBitSet) || (v === -1 && signBitSet)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

/** Reads an unsigned LEB128 number at `offset`; returns the value and the bytes it took. */
export function decodeUnsignedLeb128(bytes: ArrayLike<number>, offset = 0): { value: number; length: number } {
  let value = 0;
  let scale = 1;
  let p = offset;
  for (;;) {
    const byte = bytes[p++];
    if (byte === undefined) throw new RangeError('LEB128 number runs past the end of the bytes');
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if ((byte & 0x80) === 0) return { value, length: p - offset };
  }
}

/** Reads a signed 32-bit LEB128 number at `offset`. */
export function decodeSignedLeb128(bytes: ArrayLike<number>, offset = 0): { value: number; length: number } {
  let result = 0;
  let shift = 0;
  let p = offset;
  let byte: number;
  do {
    const b = bytes[p++];
    if (b === undefined) throw new RangeError('LEB128 number runs past the end of the bytes');
    byte = b;
    if (shift < 32) result |= (byte & 0x7f) << shift;
    shift += 7;
  } while ((byte & 0x80) !== 0);
  if (shift < 32 && (byte & 0x40) !== 0) result |= -1 << shift;
  return { value: result | 0, length: p - offset };
}
