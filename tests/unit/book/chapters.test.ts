import { describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { bookPages, bookSlug, chapterNumber, numberedTitle } from '../../../lib/book/chapters.ts';

describe('the table of contents', () => {
  test('numbers the seven chapters 1..7 in reading order and nothing else', () => {
    expect(bookPages.filter((p) => p.numbered).map((p) => chapterNumber(p.slug))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(chapterNumber('origins')).toBe(1);
    expect(chapterNumber('memory-and-devices')).toBe(5);
    expect(chapterNumber('containers')).toBe(6);
    expect(chapterNumber('kvm-bridge')).toBe(7);
    expect(chapterNumber('about')).toBeUndefined();
    expect(chapterNumber('no-such-page')).toBeUndefined();
  });

  test('every page in it exists in content/docs', () => {
    for (const p of bookPages) expect(existsSync(`content/docs/${p.slug}.mdx`) || existsSync(`content/docs/${p.slug}.md`), p.slug).toBe(true);
  });

  test('numberedTitle prefixes chapters once and leaves other pages alone', () => {
    expect(numberedTitle('jit', 'Binary translation and JIT')).toBe('3. Binary translation and JIT');
    expect(numberedTitle('jit', '3. Binary translation and JIT')).toBe('3. Binary translation and JIT');
    expect(numberedTitle('lab-vm', 'The lab VM')).toBe('The lab VM');
  });

  test('bookSlug strips slashes, extensions and the locale prefix', () => {
    expect(bookSlug('/jit/')).toBe('jit');
    expect(bookSlug('/zh-cn/jit/')).toBe('jit');
    expect(bookSlug('zh-cn/origins.mdx')).toBe('origins');
    expect(bookSlug('/zh-cn/')).toBe('');
    expect(bookSlug('zh-cnx/jit')).toBe('zh-cnx/jit');
  });
});
