import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { baseURL } from './browser.ts';

/** The built site the browser tests read: dist/, or $BOOK_DIST. */
export const dist = process.env.BOOK_DIST ?? 'dist';

/** Every page in the built site: each index.html under `dir` (dist/ by default), as a path. */
export function builtPages(dir = dist, prefix = '/'): string[] {
  const pages: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!['_astro', 'guest', 'pagefind'].includes(name)) pages.push(...builtPages(path, `${prefix}${name}/`));
    } else if (name === 'index.html') pages.push(prefix);
  }
  return pages;
}

/**
 * Loads a built page in `page` and hydrates its islands: they hydrate when they come into view, so
 * each is shown in turn; waits up to 2 s for all of them, then scrolls back to the top.
 */
export async function gotoHydrated(page: Page, path: string): Promise<void> {
  await page.goto(new URL(path, baseURL()).href, { waitUntil: 'load' });
  await page.evaluate(() => document.querySelectorAll('astro-island').forEach((island) => island.scrollIntoView()));
  await page
    .waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout: 2_000 })
    .catch(() => undefined);
  await page.evaluate(() => window.scrollTo(0, 0));
}
