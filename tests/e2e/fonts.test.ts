/**
 * The Chinese edition sets its text in the self-hosted Noto Sans SC (components/book/BookHead.astro),
 * sliced by unicode-range: a Chinese page renders with it even where the machine has its own CJK
 * font (this one has fonts-noto-cjk, whose family is "Noto Sans CJK SC"), downloads only the slices
 * its text needs, and English pages download none of it. Code in every lab is set in a monospace font.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The fonts Chromium actually drew a node's text with (CDP CSS.getPlatformFontsForNode). */
async function platformFonts(page: Page, selector: string): Promise<{ familyName: string; isCustomFont: boolean; glyphCount: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  if (!nodeId) throw new Error(`no ${selector} on the page`);
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.sort((a, b) => b.glyphCount - a.glyphCount);
}

/** Records the URLs of the font files a page asks for. */
function fontRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'font') urls.push(request.url());
  });
  return urls;
}

describe('the Chinese font', () => {
  test('a Chinese page draws its title with the self-hosted Noto Sans SC and loads only some slices', async () => {
    const { page, context, errors } = await openPage(browser, '/zh-cn/p-code/');
    const requested = fontRequests(page);
    await page.reload({ waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const fonts = await platformFonts(page, 'h1');
    // The font that drew most of the title is ours (a web font), not the system's Noto Sans CJK SC.
    // (Fontsource's files name their family "Noto Sans SC Thin"; the system's is "Noto Sans CJK SC".)
    expect(fonts[0].familyName).toMatch(/^Noto Sans SC\b/);
    expect(fonts[0].isCustomFont).toBe(true);
    expect(fonts.some((font) => /CJK/.test(font.familyName))).toBe(false);
    const slices = requested.filter((url) => /noto-sans-sc-\d+-\d+-normal\.[\w-]+\.woff2$/.test(url));
    expect(slices.length).toBeGreaterThan(0);
    // unicode-range at work: a page fetches a part of the ~100 slices of each weight, not all of them.
    expect(slices.length).toBeLessThan(120);
    expect(requested.filter((url) => url.endsWith('.woff'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('English pages neither link nor download the Chinese font', async () => {
    for (const path of ['/', '/p-code/', '/print/']) {
      const { page, context } = await openPage(browser, path);
      const requested = fontRequests(page);
      await page.reload({ waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      expect(requested.filter((url) => /noto-sans-sc/i.test(url)), path).toEqual([]);
      expect(await page.locator('link[data-book-font]').count(), path).toBe(0);
      expect(await page.evaluate(() => [...document.fonts].filter((font) => /Noto Sans SC/.test(font.family)).length), path).toBe(0);
      await context.close();
    }
  });
});

describe('monospace', () => {
  test("the P-code lab's listing and output are set in a monospace font", async () => {
    const { page, context } = await openPage(browser, '/p-code/');
    const listing = page.locator('.hov-pc-listing').first();
    await listing.scrollIntoViewIfNeeded();
    await listing.waitFor({ state: 'visible', timeout: 15_000 });
    const families = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.hov-pc-listing, .hov-pc-output, .hov-pc-registers dd, .hov-pc .cm-content')]
        .filter((element) => element.offsetParent !== null)
        .map((element) => getComputedStyle(element).fontFamily),
    );
    expect(families.length).toBeGreaterThan(0);
    for (const family of families) expect(family).toMatch(/monospace/);
    await context.close();
  });
});
