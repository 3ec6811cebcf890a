/**
 * Reading offline: the first visit to a chapter keeps every page; "Make the lab VM available
 * offline" keeps the guest; with the network gone every chapter of both editions opens and the VM
 * powers on; a new build is seen after one reload and replaces the whole copy.
 *
 * Runs against its own copy of the built book (a new build is deployed into it half-way), on its
 * own port: a service worker belongs to its origin.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, seriousAccessibilityViolations } from './browser.ts';
import { serveBook } from '../../scripts/serve.ts';
import { writeServiceWorker } from '../../scripts/offline-integration.ts';
import { bookPages } from '../../lib/book/chapters.ts';

let browser: Browser;
let site: string;
let server: Server;
let base: string;

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'book-offline-'));
  await cp(process.env.BOOK_DIST ?? 'dist', site, { recursive: true });
  ({ server, url: base } = await serveBook({ dir: site }));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await rm(site, { recursive: true, force: true });
});

const bookCaches = (page: Page) => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('book-pages-')));
const heading = (page: Page) => page.locator('main h1').first().innerText();
const terminalText = (page: Page) => page.locator('.labvm .xterm-rows').innerText();

const labPages = bookPages.filter((p) => p.numbered || p.slug === 'lab-vm').flatMap((p) => [`/${p.slug}/`, `/zh-cn/${p.slug}/`]);

test('first visit keeps the book; offline every chapter opens and the VM powers on; a new build shows after one reload', async () => {
  const context: BrowserContext = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));

    // First visit: the worker installs once every page is stored, then controls the page.
    await page.goto(`${base}/p-code/`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => bookCaches(page), { timeout: 60_000 }).toHaveLength(1);
    const [firstVersion] = await bookCaches(page);

    // Titles as the network serves them.
    const titles = new Map<string, string>();
    for (const path of labPages) {
      await page.goto(`${base}${path}`);
      titles.set(path, await heading(page));
    }

    // The lab VM page: the pages are kept; store the guest.
    await page.goto(`${base}/lab-vm/`);
    const offline = page.locator('.offline-guest');
    await expect.poll(() => offline.innerText(), { timeout: 30_000 }).toContain('keeps every page of the book');
    expect(await offline.innerText()).toContain('The lab VM is not stored');
    // By keyboard: focus the button and press Enter.
    await page.getByRole('button', { name: 'Make the lab VM available offline' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => offline.innerText(), { timeout: 120_000 }).toContain('The lab VM is available offline');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // No network: every chapter of both editions, and the lab VM.
    await context.setOffline(true);
    for (const path of labPages) {
      await page.goto(`${base}${path}`);
      expect(await heading(page), path).toBe(titles.get(path));
    }
    await page.goto(`${base}/lab-vm/`);
    await page.getByRole('button', { name: 'Power on' }).click();
    await expect.poll(() => terminalText(page).catch(() => ''), { timeout: 120_000 }).toContain('Type commands below');
    await expect.poll(async () => (await terminalText(page)).trimEnd().endsWith('#'), { timeout: 30_000 }).toBe(true);
    await page.locator('.labvm .xterm-helper-textarea').focus();
    await page.keyboard.type('echo offline-$((6 * 7))\n');
    await expect.poll(() => terminalText(page), { timeout: 30_000 }).toContain('offline-42');

    // A new build is deployed: one changed page, and the worker the build writes for it.
    await context.setOffline(false);
    const changed = join(site, 'p-code', 'index.html');
    await writeFile(changed, (await readFile(changed, 'utf8')).replace('</h1>', ' (second edition)</h1>'));
    const { version } = await writeServiceWorker(site);
    expect(`book-pages-${version}`).not.toBe(firstVersion);
    await page.goto(`${base}/p-code/`);
    await page.reload();
    expect(await heading(page)).toContain('(second edition)');
    // The new worker replaces the whole copy: one cache, the new build's.
    await expect.poll(() => bookCaches(page), { timeout: 60_000 }).toEqual([`book-pages-${version}`]);
    // ...which serves the new page offline.
    await context.setOffline(true);
    await page.goto(`${base}/p-code/`);
    expect(await heading(page)).toContain('(second edition)');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
