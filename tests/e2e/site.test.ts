import { describe, expect, test } from 'vitest';
import { bookPages, chapterNumber } from '../../lib/book/chapters.ts';
import { baseURL, browserForThisFile, openPage, seriousAccessibilityViolations } from './browser.ts';

const paths = ['/', ...bookPages.map((p) => `/${p.slug}/`)];
const zhPaths = paths.map((p) => `/zh-cn${p}`);

const browser = browserForThisFile();

describe('every page', () => {
  const views = [
    { theme: 'light', width: 1280 },
    { theme: 'dark', width: 390 },
  ] as const;
  for (const { theme, width } of views) {
    for (const path of [...paths, ...zhPaths]) {
      test(`${path} (${theme}, ${width}px) loads with no console error and no serious axe violation`, async () => {
        const { page, context, errors } = await openPage(browser(), path, { theme, width });
        await page.waitForLoadState('networkidle');
        expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
        expect(await page.locator('h1').first().textContent()).toBeTruthy();
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }
});

describe('the book platform', () => {
  test('the sidebar numbers the seven chapters and only them', async () => {
    const { page, context } = await openPage(browser(), '/origins/');
    // The label only: on a chapter each chapter's link also carries the reader's progress mark ("0/4").
    const labels = (await page.locator('nav[aria-label="Main"] a > span:first-child').allTextContents()).map((s) => s.trim());
    for (const p of bookPages) {
      const n = chapterNumber(p.slug);
      const label = labels.find((l) => l.endsWith(p.label.en));
      expect(label, p.slug).toBeDefined();
      expect(label).toBe(n ? `${n}. ${p.label.en}` : p.label.en);
    }
    expect(await page.locator('h1').first().textContent()).toMatch(/^1\. /);
    expect(await page.title()).toMatch(/^1\. .* \| Hands-on Virtualization$/);
    await context.close();
  });

  test('prev/next follow the table of contents with numbers', async () => {
    const { page, context } = await openPage(browser(), '/p-code/');
    await expect(page.locator('a[rel="prev"]').getAttribute('href')).resolves.toBe('/origins/');
    expect(await page.locator('a[rel="prev"] .link-title').textContent()).toBe('1. Origins');
    await expect(page.locator('a[rel="next"]').getAttribute('href')).resolves.toBe('/jit/');
    expect(await page.locator('a[rel="next"] .link-title').textContent()).toMatch(/^3\. /);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL('**/jit/');
    expect(await page.locator('h1').first().textContent()).toMatch(/^3\. /);
    await context.close();
  });

  test('the Chinese edition is configured: lang, labels, numbering', async () => {
    const { page, context } = await openPage(browser(), '/zh-cn/jit/');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const labels = await page.locator('nav[aria-label] a[aria-current="page"] > span:first-child').allTextContents();
    expect(labels.map((s) => s.trim())).toContain('3. 二进制翻译与即时编译');
    await context.close();
  });

  test('search finds chapter 1 by "hypervisor"', async () => {
    const { page, context, errors } = await openPage(browser(), '/');
    await page.locator('site-search button[data-open-modal]').first().click();
    const input = page.locator('#starlight__search input');
    await input.fill('hypervisor');
    await page.locator('#starlight__search .pagefind-ui__message').filter({ hasText: /result/ }).waitFor({ timeout: 15_000 });
    const result = page.locator('#starlight__search a[href*="/origins/"]').first();
    const more = page.locator('#starlight__search .pagefind-ui__button');
    while (!(await result.isVisible()) && (await more.isVisible())) await more.click();
    await result.waitFor({ timeout: 5_000 });
    expect(await result.getAttribute('href')).toContain('/origins/');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the dark-mode toggle switches the theme and remembers it', async () => {
    const { page, context } = await openPage(browser(), '/origins/');
    await page.locator('starlight-theme-select select').first().selectOption('dark');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.reload();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await context.close();
  });

  test('a chapter prints without navigation chrome', async () => {
    const { page, context } = await openPage(browser(), '/origins/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar-pane, nav.sidebar').first().isVisible().catch(() => false)).toBe(false);
    expect(await page.locator('.pagination-links').isVisible()).toBe(false);
    expect(await page.locator('h1').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  });

  test('pages are served with a CSP that forbids eval but allows WebAssembly', async () => {
    const res = await fetch(new URL('/origins/', baseURL()));
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  test('the sitemap is built when the build has the site\'s address (SITE), and is not offered otherwise', async () => {
    const res = await fetch(new URL('/sitemap-index.xml', baseURL()));
    const page = await (await fetch(new URL('/origins/', baseURL()))).text();
    if (page.includes('rel="canonical"')) {
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<sitemapindex');
      expect(page).toContain('<link rel="sitemap" href="/sitemap-index.xml"');
    } else {
      expect(res.status).toBe(404);
      expect(page).not.toContain('rel="sitemap"');
    }
  });
});
