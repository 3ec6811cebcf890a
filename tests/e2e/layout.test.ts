/**
 * Every built page of both editions fits the screen: no horizontal page scroll at 320, 390 and
 * 1280 px (wide code and tables scroll inside their own box), and the header's search and menu
 * buttons stay on screen.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, launchBrowser, openContext } from './browser.ts';
import { builtPages, gotoHydrated } from './built-pages.ts';

const pages = builtPages();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** How wide the page is, and the widest elements that stick out past the right edge (not inside a scroller). */
async function pageWidth(page: Page): Promise<{ width: number; viewport: number; culprits: string[] }> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const scrolls = (el: Element) => {
      const overflow = getComputedStyle(el).overflowX;
      return overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden' || overflow === 'clip';
    };
    const culprits: { right: number; name: string }[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= viewport + 1) continue;
      let ancestor = el.parentElement;
      let clipped = false;
      while (ancestor && ancestor !== document.body) {
        if (scrolls(ancestor)) clipped = true;
        ancestor = ancestor.parentElement;
      }
      if (!clipped) {
        const classes = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        culprits.push({ right: Math.round(box.right), name: `${el.tagName.toLowerCase()}${classes} (right edge ${Math.round(box.right)})` });
      }
    }
    culprits.sort((a, b) => b.right - a.right);
    return { width: document.documentElement.scrollWidth, viewport, culprits: culprits.slice(0, 3).map((c) => c.name) };
  });
}

describe('every page fits the screen', () => {
  test('the page list comes from the build and has both editions', () => {
    expect(pages).toContain('/');
    expect(pages).toContain('/zh-cn/');
    expect(pages).toContain('/instructors/');
    expect(pages.length).toBeGreaterThan(40);
  });

  for (const width of [320, 390, 1280]) {
    test(`no page scrolls sideways at ${width} px`, async () => {
      const context = await openContext(browser, { viewport: { width, height: 800 } });
      const page = await context.newPage();
      const tooWide: string[] = [];
      for (const path of pages) {
        // Islands hydrated, so their hydrated width counts.
        await gotoHydrated(page, path);
        const measured = await pageWidth(page);
        if (measured.width > measured.viewport) tooWide.push(`${path}: ${measured.width} px (${measured.culprits.join(', ')})`);
        // The header's search and menu buttons are on screen (on a phone the menu is the only way to the chapters).
        const header = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('header button[data-open-modal], starlight-menu-button button')]
            .filter((button) => button.offsetParent !== null)
            .map((button) => ({ label: button.getAttribute('aria-label') ?? 'button', right: button.getBoundingClientRect().right })),
        );
        for (const button of header) {
          if (button.right > width) tooWide.push(`${path}: header button "${button.label}" is off screen (right edge ${Math.round(button.right)})`);
        }
      }
      await context.close();
      expect(tooWide).toEqual([]);
    }, 600_000);
  }
});

describe('a lab uses the width of the screen', () => {
  const labs = [
    { path: '/p-code/', lab: '.hov-pc' },
    { path: '/jit/', lab: '.jit-lab' },
    { path: '/full-virtualization/', lab: '.hov-trap:not(.hov-quiz)' },
    { path: '/containers/', lab: '.hov-density' },
    { path: '/kvm-bridge/', lab: '.bridge-editor' },
  ];
  for (const { path, lab } of labs) {
    for (const page of [path, `/zh-cn${path}`]) {
      test(`${page} at 1280 px: the lab is wider than the text column, and the contents are one click away`, async () => {
        const context = await openContext(browser, { viewport: { width: 1280, height: 900 } });
        const tab = await context.newPage();
        await tab.goto(new URL(page, baseURL()).href, { waitUntil: 'load' });
        const section = tab.locator(lab).first();
        await section.scrollIntoViewIfNeeded();
        await section.waitFor({ state: 'visible', timeout: 15_000 });
        const widths = await tab.evaluate((selector) => {
          const labBox = document.querySelector(selector)!.getBoundingClientRect();
          const text = document.querySelector('.sl-markdown-content > p')!.getBoundingClientRect();
          return { lab: labBox.width, left: labBox.left, right: labBox.right, text: text.width, viewport: document.documentElement.clientWidth };
        }, lab);
        // 1280 px less the sidebar (300) and the page's padding leaves about 930 px; the text column is 720 at most.
        expect(widths.lab, JSON.stringify(widths)).toBeGreaterThan(widths.text + 150);
        expect(widths.lab, JSON.stringify(widths)).toBeGreaterThanOrEqual(900);
        expect(widths.right).toBeLessThanOrEqual(widths.viewport);
        expect(widths.left).toBeGreaterThanOrEqual(0);
        // The table of contents moved to the "On this page" bar; it still opens.
        const contents = tab.locator('mobile-starlight-toc summary');
        expect(await contents.isVisible()).toBe(true);
        await context.close();
      });
    }
  }
});
