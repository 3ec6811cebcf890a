/**
 * The site's address: set at build time with SITE (canonical URLs, sitemap), never a placeholder;
 * the snippets a reader copies (iframe embeds on the instructors' pages, the citation and BibTeX on
 * the About pages) carry the address the page was served from, in both editions.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { baseURL, launchBrowser, openPage } from './browser.ts';

const dist = process.env.BOOK_DIST ?? 'dist';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function builtFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await builtFiles(path)));
    else if (/\.(html|xml|txt)$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** The same server under another name: localhost instead of 127.0.0.1. */
const otherName = () => baseURL().replace('127.0.0.1', 'localhost');

describe('the snippets carry the address the page was served from', () => {
  for (const [prefix, edition] of [['', 'English'], ['/zh-cn', '简体中文']] as const) {
    test(`iframe snippets on the instructors' page (${edition}), under two names of one server`, async () => {
      for (const origin of [new URL(baseURL()).origin, new URL(otherName()).origin]) {
        const { page, context, errors } = await openPage(browser, `${origin}${prefix}/instructors/`);
        const snippets = await page.locator('[data-embed-snippet]').allInnerTexts();
        expect(snippets.length).toBeGreaterThanOrEqual(7);
        for (const snippet of snippets) expect(snippet).toMatch(new RegExp(`^<iframe src="${origin}${prefix}/embed/[a-z-]+/" title="[^"]+"`));
        expect(errors).toEqual([]);
        await context.close();
      }
    });

    test(`the citation and the BibTeX entry on the About page (${edition})`, async () => {
      const origin = new URL(otherName()).origin;
      const { page, context, errors } = await openPage(browser, `${origin}${prefix}/about/`);
      const bibtex = await page.locator('.cite-bibtex').innerText();
      expect(bibtex).toContain(`  url    = {${origin}/},`);
      const body = await page.locator('main').innerText();
      expect(body).toContain(prefix ? `${origin}/zh-cn/（访问日期` : `${origin}/ (accessed on`);
      expect(body).toContain(`${origin}${prefix}/origins/`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe('the build', () => {
  test('no page names a placeholder address', async () => {
    for (const file of await builtFiles(dist)) {
      expect(await readFile(file, 'utf8'), file).not.toMatch(/hands-on-virtualization\.example\.org/);
    }
  });

  test('canonical URLs and the sitemap come from SITE, and a build without SITE has neither', async () => {
    const page = await readFile(join(dist, 'kvm-bridge', 'index.html'), 'utf8');
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(page)?.[1];
    if (existsSync(join(dist, 'sitemap-index.xml'))) {
      // Built with SITE: the canonical URL is on that address, and the sitemap lists pages there.
      expect(canonical).toBeDefined();
      const site = new URL(canonical!).origin;
      expect(canonical).toBe(`${site}/kvm-bridge/`);
      expect(await readFile(join(dist, 'sitemap-0.xml'), 'utf8')).toContain(`<loc>${site}/kvm-bridge/</loc>`);
    } else {
      expect(canonical).toBeUndefined();
      expect(page).not.toContain('rel="sitemap"');
      expect(page).not.toContain('og:url');
    }
  });
});
