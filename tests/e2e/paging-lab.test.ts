/**
 * Chapter 5's paging lab in Chromium, in both editions: the two-dimensional walk stepped and played,
 * the three ways compared against the engine, a #paging= link from an exercise, the keyboard alone,
 * axe, and no sideways scrolling on a phone.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  DEFAULT_PAGING_LAB_SETUP, PAGING_MODES, comparePagingModes, decodePagingLabHash, encodePagingLabHash, fasterVirtualizedMode, nestedWalkReferencesWith, pagingModeWordings,
} from '../../lib/paging/index.ts';
import type { PagingWorkloadId } from '../../lib/paging/index.ts';
import { wordMessage } from '../../lib/book/localized-text.ts';
import { generateProblem } from '../../lib/exercises/index.ts';
import { pickMessages } from '../../components/book/locale.ts';
import { pagingLabCatalogues } from '../../components/paging-lab/messages.ts';
import { launchBrowser, openPage, seriousAccessibilityViolations } from './browser.ts';

const LAB = '.hov-paging';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const EDITIONS = [
  { locale: 'en', path: '/memory-and-devices/' },
  { locale: 'zh-CN', path: '/zh-cn/memory-and-devices/' },
] as const;

/** Opens the chapter and waits until the lab has hydrated. */
async function openLab(path: string, options: { theme?: 'light' | 'dark'; width?: number; hash?: string } = {}) {
  const opened = await openPage(browser, path + (options.hash ?? ''), options);
  await opened.page.locator(LAB).scrollIntoViewIfNeeded();
  await opened.page.waitForSelector(`astro-island:not([ssr]) ${LAB}`);
  return opened;
}

const walkStatus = (page: Page) => page.locator(`${LAB} .hov-paging-walk .hov-paging-status`).textContent();
const runButton = (page: Page) => page.locator(`${LAB} > .hov-paging-controls button`).first();

/** The cycles column of the results table, as numbers, in the order of PAGING_MODES. */
async function tableCycles(page: Page): Promise<number[]> {
  const rows = page.locator(`${LAB} .hov-paging-results tbody tr`);
  const cells = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[4]?.textContent ?? ''));
  return cells.map((c) => Number(c.replace(/[^\d]/g, '')));
}

describe.each(EDITIONS)('the paging lab, $locale', ({ locale, path }) => {
  const m = pickMessages(pagingLabCatalogues, locale);

  test('keyboard only: choose the levels and large pages, then step the walk reference by reference', async () => {
    const { page, context, errors } = await openLab(path);
    await page.focus('#hov-paging-g');
    await page.keyboard.press('ArrowUp'); // 4 → 3
    await page.keyboard.press('Tab'); // host levels
    await page.keyboard.press('ArrowUp'); // 4 → 3
    await page.keyboard.press('Tab'); // the guest's large page
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab'); // the host's large pages
    await page.keyboard.press('Tab'); // Step
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(m.step);
    const total = nestedWalkReferencesWith(3, 3, { guestLargePage: true });
    expect(await page.locator(`${LAB} .hov-paging-grid caption`).first().textContent()).toBe(m.nestedCaption(3, 3, total));
    for (let n = 1; n <= total; n++) {
      await page.keyboard.press('Enter');
      expect(await walkStatus(page)).toContain(m.referenceStatus(n, total, '').trim());
    }
    expect(await page.locator(`${LAB} .hov-paging-walk button`).first().isDisabled()).toBe(true);
    expect(await page.locator(`${LAB} .hov-paging-grid td.hov-paging-current`).textContent()).toBe(String(total));
    expect(errors).toEqual([]);
    await context.close();
  });

  test('Play runs the walk to its last reference', async () => {
    const { page, context, errors } = await openLab(path);
    await page.selectOption('#hov-paging-g', '2');
    await page.selectOption('#hov-paging-h', '2');
    await page.locator(`${LAB} .hov-paging-walk button`).nth(1).click();
    await page.waitForFunction(
      ([selector, text]) => document.querySelector(selector!)?.textContent?.includes(text!),
      [`${LAB} .hov-paging-walk .hov-paging-status`, m.referenceStatus(8, 8, '').trim()],
      { timeout: 30_000 },
    );
    expect(await page.locator(`${LAB} .hov-paging-grid td.hov-paging-done`).count()).toBe(7);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('keyboard only: Run all three gives the engine’s counts and winner for the workload', async () => {
    const { page, context, errors } = await openLab(path);
    const workload: PagingWorkloadId = 'context-switches';
    await page.selectOption('#hov-paging-workload', workload);
    await page.focus('#hov-paging-cost-guestFaultHandler');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(m.runCompare);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${LAB} .hov-paging-results`, { timeout: 60_000 });
    const want = comparePagingModes(workload);
    expect(await tableCycles(page)).toEqual(PAGING_MODES.map((mode) => want[mode].cycles));
    const winner = wordMessage(pagingModeWordings, { code: fasterVirtualizedMode(want) }, locale);
    expect(await page.locator(`${LAB} > p`).last().textContent()).toBe(m.winner(winner));
    expect(errors).toEqual([]);
    await context.close();
  });

  test('an exercise’s link opens the lab on its workload and costs, and the lab gives the key', async () => {
    const problem = generateProblem('paging-winner', 7, undefined, locale);
    if (!problem.ok) throw new Error(JSON.stringify(problem));
    const { page, context, errors } = await openLab(path, { hash: problem.problem.labLink!.hash });
    const setup = decodePagingLabHash(problem.problem.labLink!.hash)!;
    await page.waitForFunction(
      ([workload, vmExit]) =>
        (document.querySelector('#hov-paging-workload') as HTMLSelectElement).value === workload &&
        (document.querySelector('#hov-paging-cost-vmExit') as HTMLInputElement).value === vmExit,
      [setup.workload, String(setup.costModel.vmExit)],
    );
    await runButton(page).click();
    await page.waitForSelector(`${LAB} .hov-paging-results`, { timeout: 60_000 });
    const [, shadow, nested] = await tableCycles(page);
    expect(shadow! <= nested! ? 'A' : 'B').toBe(problem.problem.answer);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('changing the workload while the three ways run leaves no results of the old workload', async () => {
    const { page, context, errors } = await openLab(path);
    await page.selectOption('#hov-paging-workload', 'tlb-misses');
    await runButton(page).click();
    await page.selectOption('#hov-paging-workload', 'tlb-misses-large-pages');
    await page.waitForFunction((selector) => !(document.querySelector(selector) as HTMLButtonElement).disabled, `${LAB} > .hov-paging-controls button`, { timeout: 60_000 });
    if (await page.locator(`${LAB} .hov-paging-results`).count()) {
      const want = comparePagingModes('tlb-misses-large-pages');
      expect(await tableCycles(page)).toEqual(PAGING_MODES.map((mode) => want[mode].cycles));
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`${theme}, 390 px: axe finds nothing serious and nothing scrolls sideways, with the results shown`, async () => {
      const { page, context, errors } = await openLab(path, { theme, width: 390, hash: encodePagingLabHash({ ...DEFAULT_PAGING_LAB_SETUP, workload: 'tlb-misses-large-pages', guestLargePage: true }) });
      await page.locator(`${LAB} .hov-paging-walk button`).first().click();
      await runButton(page).click();
      await page.waitForSelector(`${LAB} .hov-paging-results`, { timeout: 60_000 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
