import { describe, expect, test } from 'vitest';
import { buildVersion, isPrecached, precacheUrls, serviceWorkerSource, urlOfBuiltFile } from '../../../lib/offline/index.ts';

const site = [
  { path: 'index.html', sha256: 'a' },
  { path: 'p-code/index.html', sha256: 'b' },
  { path: 'zh-cn/p-code/index.html', sha256: 'c' },
  { path: '_astro/client.X1.js', sha256: 'd' },
  { path: '_astro/book.Y2.css', sha256: 'e' },
  { path: '_astro/noto-sans-sc-100-400-normal.Z3.woff2', sha256: 'f' },
  { path: 'guest/state.bin.zst', sha256: 'g' },
  { path: 'v86/v86.wasm', sha256: 'h' },
  { path: 'pagefind/pagefind.js', sha256: 'i' },
  { path: '404.html', sha256: 'j' },
  { path: '_headers', sha256: 'k' },
  { path: 'favicon.svg', sha256: 'l' },
  { path: 'sitemap-index.xml', sha256: 'm' },
];

describe('what the book keeps for reading offline', () => {
  test('pages of both editions, scripts, styles, the icon and the search index; not fonts, guest, emulator, 404 or _headers', () => {
    expect(precacheUrls(site)).toEqual([
      '/',
      '/_astro/book.Y2.css',
      '/_astro/client.X1.js',
      '/favicon.svg',
      '/p-code/',
      '/pagefind/pagefind.js',
      '/zh-cn/p-code/',
    ]);
  });

  test('a site served under a base path keeps its prefix', () => {
    expect(urlOfBuiltFile('p-code/index.html', '/book')).toBe('/book/p-code/');
    expect(urlOfBuiltFile('index.html', '/book/')).toBe('/book/');
    expect(isPrecached('sw.js')).toBe(false);
  });

  test('the version changes when a precached file changes and only then', async () => {
    const before = await buildVersion(site);
    expect(await buildVersion([...site].reverse())).toBe(before);
    expect(await buildVersion(site.map((f) => (f.path === 'guest/state.bin.zst' ? { ...f, sha256: 'changed' } : f)))).toBe(before);
    expect(await buildVersion(site.map((f) => (f.path === 'p-code/index.html' ? { ...f, sha256: 'changed' } : f)))).not.toBe(before);
  });

  test("the worker's source names this build's cache and its list", () => {
    const source = serviceWorkerSource('/* code */', { version: 'abc', urls: ['/', '/p-code/'], base: '/' });
    expect(source).toContain('const BOOK_CACHE = "book-pages-abc";');
    expect(source).toContain('const PRECACHE_URLS = ["/","/p-code/"];');
    expect(source.trimEnd().endsWith('/* code */')).toBe(true);
  });
});
