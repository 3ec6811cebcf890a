// Chapter 5's balloon lab in Chromium: the real lab VM, inflated and deflated from the keyboard
// alone, in both editions at phone width; axe finds nothing serious.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, seriousAccessibilityViolations } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const LAB = '.hov-balloon';

const editions = [
  { path: '/memory-and-devices/', theme: 'dark' as const, holds: (mib: number) => `The balloon holds ${mib} MiB`, notNumber: 'is not a whole number of MiB', fitted: 'exited normally', step: 'Balloon inflated: the guest’s MemTotal dropped' },
  { path: '/zh-cn/memory-and-devices/', theme: 'light' as const, holds: (mib: number) => `气球现在占用 ${mib} MiB`, notNumber: '不是以 MiB 为单位的整数', fitted: '正常退出', step: '气球已充气：客户机的 MemTotal 随之减少' },
];

async function waitIdle(page: Page): Promise<void> {
  await page.waitForSelector(`${LAB}[data-busy="false"]`, { timeout: 240_000 });
}

/** The steps and labs this browser's progress records (components/progress/progress-store.ts). */
async function recorded(page: Page): Promise<{ steps: string[]; labs: string[] }> {
  const progress = JSON.parse((await page.evaluate(() => localStorage.getItem('hov:progress:record'))) ?? '{"steps":{},"labs":{}}');
  return { steps: Object.values(progress.steps as Record<string, { title: string }>).map((step) => step.title), labs: Object.keys(progress.labs) };
}

/** The text of the "Change" cell of the row whose heading is `label`. */
async function changeOf(page: Page, label: string): Promise<string> {
  return page.locator(`[data-testid=balloon-table] tr:has(th:text-is("${label}")) td`).nth(1).innerText();
}

describe('the balloon lab in chapter 5', () => {
  for (const edition of editions) {
    test(`${edition.path}: inflate, deflate and a program that allocates, from the keyboard, at 390 px`, { timeout: 420_000 }, async () => {
      const { page, context, errors } = await openPage(browser, edition.path, { theme: edition.theme, width: 390 });
      await page.locator(LAB).scrollIntoViewIfNeeded();
      await page.waitForSelector(`astro-island:not([ssr]) ${LAB}`);

      // Read the figures: this starts the page's lab VM.
      await page.locator('[data-testid=balloon-read]').focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid=balloon-table]', { timeout: 240_000 });
      await waitIdle(page);
      await expect(page.locator('[data-testid=balloon-holds]').innerText()).resolves.toContain(edition.holds(0));
      // Reading ran the lab; the step is not verified until an inflation shows in the guest.
      expect(await recorded(page)).toEqual({ steps: [], labs: ['balloon-lab'] });

      // Tab to the amount, type 16, Tab to Inflate, Enter.
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('balloon-amount');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('16');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-testid=balloon-holds]').innerText(), { timeout: 120_000 }).toContain(edition.holds(16));
      await waitIdle(page);
      await expect(changeOf(page, 'MemTotal')).resolves.toBe('−16.0 MiB');
      expect((await recorded(page)).steps).toEqual([edition.step]);

      // Tab on to Deflate, Enter: MemTotal comes back.
      await page.locator('[data-testid=balloon-inflate]').focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-testid=balloon-holds]').innerText(), { timeout: 120_000 }).toContain(edition.holds(0));
      await waitIdle(page);
      await expect(changeOf(page, 'MemTotal')).resolves.toBe('+16.0 MiB');

      // A program that fits.
      await page.locator('[data-testid=balloon-allocate-amount]').focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('4');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid=balloon-allocation]', { timeout: 120_000 });
      await waitIdle(page);
      await expect(page.locator('[data-testid=balloon-allocation]').getAttribute('data-outcome')).resolves.toBe('fitted');
      await expect(page.locator('[data-testid=balloon-allocation]').innerText()).resolves.toContain(edition.fitted);

      // Bad input: a message in the page's language, and what was typed stays.
      await page.locator('[data-testid=balloon-amount]').focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('lots');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-testid=balloon-error]').innerText().catch(() => ''), { timeout: 30_000 }).toContain(edition.notNumber);
      await expect(page.locator('[data-testid=balloon-amount]').inputValue()).resolves.toBe('lots');

      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
