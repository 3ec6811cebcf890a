/**
 * Caching: content-hashed assets are kept for a year, everything else (pages, the lab VM's guest)
 * is revalidated with ETag / Last-Modified, and a 304 carries no body. scripts/serve.ts and the
 * _headers file (Netlify, Cloudflare Pages) say the same. A second Power on in the same browser
 * downloads no guest bytes.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { chromium, type Page } from 'playwright-core';
import { baseURL, chromiumArgs } from './browser.ts';
import { findChromium } from './find-chromium.ts';
import { serveBook } from '../../scripts/serve.ts';
import { CACHE_FOREVER, CACHE_REVALIDATE, headersForPath, parseHeadersFile, rulesForPath } from '../../lib/book/cache-control.ts';

const dist = process.env.BOOK_DIST ?? 'dist';
const at = (path: string) => new URL(path, baseURL()).href;

/** A content-hashed script the chapter-6 page loads. */
async function hashedAsset(): Promise<string> {
  const html = await (await fetch(at('/kvm-bridge/'))).text();
  const src = /(?:src|href)="(\/_astro\/[^"]+\.(?:js|css))"/.exec(html)?.[1];
  expect(src).toBeDefined();
  return src!;
}

describe('what the server says about caching', () => {
  test('hashed assets are kept for a year; pages and the guest are revalidated, with ETag and Last-Modified', async () => {
    const asset = await fetch(at(await hashedAsset()));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe(CACHE_FOREVER);
    for (const path of ['/kvm-bridge/', '/zh-cn/kvm-bridge/', '/', '/guest/manifest.json', '/guest/state.bin.zst', '/v86/v86.wasm']) {
      const response = await fetch(at(path), { method: 'HEAD' });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe(CACHE_REVALIDATE);
      expect(response.headers.get('etag'), path).toMatch(/^"[^"]+"$/);
      expect(Date.parse(response.headers.get('last-modified') ?? ''), path).not.toBeNaN();
    }
  });

  test('If-None-Match and If-Modified-Since get 304 without a body while the copy is good, 200 otherwise', async () => {
    const first = await fetch(at('/guest/manifest.json'));
    const body = await first.text();
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    const ask = async (headers: Record<string, string>) => {
      const response = await fetch(at('/guest/manifest.json'), { headers, cache: 'no-store' });
      return { status: response.status, body: await response.text(), etag: response.headers.get('etag') };
    };
    expect(await ask({ 'If-None-Match': etag })).toEqual({ status: 304, body: '', etag });
    expect((await ask({ 'If-None-Match': `W/${etag}` })).status).toBe(304);
    expect((await ask({ 'If-None-Match': `"other", ${etag}` })).status).toBe(304);
    expect((await ask({ 'If-None-Match': '*' })).status).toBe(304);
    expect(await ask({ 'If-Modified-Since': lastModified })).toEqual({ status: 304, body: '', etag });
    const later = new Date(Date.parse(lastModified) + 86_400_000).toUTCString();
    expect((await ask({ 'If-Modified-Since': later })).status).toBe(304);
    // A copy that is not the current one gets the file, whatever If-Modified-Since says.
    expect(await ask({ 'If-None-Match': '"not-this-one"', 'If-Modified-Since': later })).toEqual({ status: 200, body, etag });
    const earlier = new Date(Date.parse(lastModified) - 86_400_000).toUTCString();
    expect((await ask({ 'If-Modified-Since': earlier })).body).toBe(body);
    expect((await ask({ 'If-Modified-Since': 'yesterday' })).status).toBe(200);
  });

  test('_headers gives every path exactly one Cache-Control: /_astro/* for a year, the rest revalidated', async () => {
    const rules = parseHeadersFile(await readFile(join(dist, '_headers'), 'utf8'));
    const paths = ['/', '/kvm-bridge/', '/zh-cn/kvm-bridge/', '/guest/state.bin.zst', '/guest/manifest.json', '/v86/v86.wasm', '/pagefind/pagefind.js'];
    for (const entry of await readdir(dist, { withFileTypes: true })) {
      if (!entry.name.startsWith('_')) paths.push(entry.isDirectory() ? `/${entry.name}/` : `/${entry.name}`);
    }
    for (const entry of await readdir(join(dist, '_astro'))) paths.push(`/_astro/${entry}`);
    for (const path of paths) {
      const withCaching = rulesForPath(rules, path).filter((rule) => 'Cache-Control' in rule.headers);
      expect(withCaching.map((rule) => rule.pattern), path).toHaveLength(1);
      expect(headersForPath(rules, path)['Cache-Control'], path).toBe(path.startsWith('/_astro/') ? CACHE_FOREVER : CACHE_REVALIDATE);
    }
    expect(headersForPath(rules, '/v86/v86.wasm')['Content-Type']).toBe('application/wasm');
    expect(headersForPath(rules, '/kvm-bridge/')['Content-Security-Policy']).toContain("script-src 'self'");
  });
});

describe('the lab VM in the same browser twice', () => {
  let server: Server;
  let url: string;
  let profile: string;
  /** Body bytes the server sent for /guest/ files, and how many of those requests it answered 304. */
  const served = { guestBytes: 0, notModified: 0 };
  beforeAll(async () => {
    ({ server, url } = await serveBook({ dir: dist }));
    // Counts what goes on the wire: the body each /guest/ response ends with (a 304 has none).
    server.on('request', (req, res) => {
      if (!req.url?.startsWith('/guest/') || req.method !== 'GET') return;
      const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
      res.end = ((...args: unknown[]) => {
        const chunk = args[0];
        if (res.statusCode === 304) served.notModified++;
        else if (chunk instanceof Uint8Array || typeof chunk === 'string') served.guestBytes += Buffer.byteLength(chunk);
        return end(...args);
      }) as typeof res.end;
    });
    profile = await mkdtemp(join(tmpdir(), 'hov-cache-'));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await rm(profile, { recursive: true, force: true });
  });

  const terminalText = (page: Page) => page.locator('.labvm .xterm-rows').innerText();

  test('a second Power on (new page, same browser) downloads no guest bytes', async () => {
    // A browser with a profile on disk, as a reader's is (a private window keeps no snapshot-sized file).
    const context = await chromium.launchPersistentContext(profile, { executablePath: findChromium()!, headless: true, args: chromiumArgs });
    try {
      const powerOn = async () => {
        const page = await context.newPage();
        await page.goto(`${url}/lab-vm/`);
        await page.getByRole('button', { name: 'Power on' }).click();
        await expect.poll(() => terminalText(page).catch(() => ''), { timeout: 90_000 }).toContain('Type commands below');
        await page.close();
      };
      await powerOn();
      // The first Power on fetches the whole snapshot and BIOS, whichever kernel the guest was built with.
      const snapshotAndBios = (await stat(join(dist, 'guest', 'state.bin.zst'))).size + (await stat(join(dist, 'guest', 'bios.bin'))).size;
      expect(served.guestBytes).toBeGreaterThanOrEqual(snapshotAndBios);
      served.guestBytes = 0;
      served.notModified = 0;
      await powerOn();
      expect(served.guestBytes).toBe(0);
      expect(served.notModified).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  }, 240_000);
});
