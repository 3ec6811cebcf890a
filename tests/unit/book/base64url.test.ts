import { describe, expect, test } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from '../../../lib/book/base64url.ts';

describe('the share-link coding (UTF-8, then base64url)', () => {
  test('any text comes back as it went in, Chinese and emoji included, in the URL-safe alphabet', () => {
    for (const text of ['', 'a', 'program p; begin end.', '网桥 br0 的配置', '😀 x := 1', '\u0000\u00ff\uffff']) {
      const coded = encodeBase64Url(text);
      expect(coded).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(decodeBase64Url(coded)).toBe(text);
    }
  });

  test('padding is optional when decoding', () => {
    expect(decodeBase64Url('YQ==')).toBe('a');
    expect(decodeBase64Url('YQ')).toBe('a');
  });

  test('a character outside the alphabet, or bytes that are not UTF-8, decode to undefined', () => {
    expect(decodeBase64Url('a+b/')).toBeUndefined();
    expect(decodeBase64Url('<script>')).toBeUndefined();
    expect(decodeBase64Url('_w')).toBeUndefined(); // the single byte 0xff
  });
});
