import { describe, expect, test } from 'vitest';
import { siteAddress } from '../../../lib/book/site-address.ts';

describe('siteAddress (SITE at build time)', () => {
  test('no SITE, or an empty one: no address', () => {
    expect(siteAddress(undefined)).toBeUndefined();
    expect(siteAddress('  ')).toBeUndefined();
  });

  test('an origin is kept, without a trailing slash', () => {
    expect(siteAddress('https://book.example.edu/')).toBe('https://book.example.edu');
    expect(siteAddress(' http://127.0.0.1:4321 ')).toBe('http://127.0.0.1:4321');
  });

  test('anything else is refused with a message that says what is wrong', () => {
    expect(() => siteAddress('book.example.edu')).toThrow(/SITE="book\.example\.edu" is not an address: write it with its scheme/);
    expect(() => siteAddress('ftp://book.example.edu')).toThrow(/must start with https:\/\/ or http:\/\/, not ftp:/);
    expect(() => siteAddress('https://book.example.edu/hov/')).toThrow(/origin only .* without the path \/hov\//);
    expect(() => siteAddress('https://book.example.edu/?x=1')).toThrow(/must not have a \?query/);
  });
});
