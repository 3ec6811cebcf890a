import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { filterEvents, timelineEvents } from '../../lib/timeline/index.ts';
import { baseURL, launchBrowser, openContext, openPage, seriousAccessibilityViolations } from './browser.ts';

const total = timelineEvents.length;
const first = timelineEvents[0]!;
const second = timelineEvents[1]!;
const last = timelineEvents.at(-1)!;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens chapter 1 and waits until the timeline island (client:visible) has hydrated. */
async function openTimeline(options: { theme?: 'light' | 'dark'; width?: number } = {}) {
  const opened = await openPage(browser, '/origins/', options);
  const { page } = opened;
  await page.locator('.hov-timeline').scrollIntoViewIfNeeded();
  await page.waitForSelector('astro-island:not([ssr]) .hov-timeline');
  return opened;
}

const eventItems = (page: Page) => page.locator('.hov-timeline li.hov-tl-event');
const filterButton = (page: Page, category: string) => page.locator(`.hov-tl-filter[data-category="${category}"]`);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('the timeline in chapter 1', () => {
  test('filters by category with the mouse', async () => {
    const { page, context, errors } = await openTimeline();
    await expect(eventItems(page).count()).resolves.toBe(total);
    const systemVms = filterButton(page, 'system-vm');
    await expect(systemVms.getAttribute('aria-pressed')).resolves.toBe('true');

    await systemVms.click();
    await expect(systemVms.getAttribute('aria-pressed')).resolves.toBe('false');
    const withoutSystemVms = filterEvents(timelineEvents, ['precursors', 'process-vm', 'containers', 'hardware', 'cloud']).length;
    await expect(eventItems(page).count()).resolves.toBe(withoutSystemVms);
    await expect(page.locator('.hov-timeline li[data-category="system-vm"]').count()).resolves.toBe(0);
    await expect(page.locator('.hov-tl-status').textContent()).resolves.toContain(`${withoutSystemVms} of ${total}`);

    await page.locator('.hov-tl-show-all').click();
    await expect(eventItems(page).count()).resolves.toBe(total);
    await expect(systemVms.getAttribute('aria-pressed')).resolves.toBe('true');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('filters by category with the keyboard (Tab, Space, Enter)', async () => {
    const { page, context, errors } = await openTimeline();
    await filterButton(page, 'system-vm').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    // Tab order follows the buttons: system-vm, process-vm, containers, hardware.
    await expect(page.evaluate(() => (document.activeElement as HTMLElement).dataset.category)).resolves.toBe('hardware');

    await page.keyboard.press('Space');
    const hardware = filterButton(page, 'hardware');
    await expect(hardware.getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(page.locator('.hov-timeline li[data-category="hardware"]').count()).resolves.toBe(0);

    await page.keyboard.press('Enter');
    await expect(hardware.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.locator('.hov-timeline li[data-category="hardware"]').count()).resolves.toBe(
      filterEvents(timelineEvents, ['hardware']).length,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  test('expands and collapses an event with Enter', async () => {
    const { page, context, errors } = await openTimeline();
    const toggle = page.locator(`#tl-${first.id}`);
    const detail = page.locator(`#tl-${first.id}-detail`);
    await expect(detail.isVisible()).resolves.toBe(false);

    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(detail.isVisible()).resolves.toBe(true);
    await expect(detail.textContent()).resolves.toContain(first.detail.slice(0, 40));
    await expect(detail.locator('a').first().getAttribute('href')).resolves.toBe(first.source.url);

    await page.keyboard.press('Enter');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(detail.isVisible()).resolves.toBe(false);

    await page.keyboard.press('Space');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('moves between events with the arrow keys, Home and End (one Tab stop)', async () => {
    const { page, context, errors } = await openTimeline();
    await page.locator(`#tl-${first.id}`).focus();
    await page.keyboard.press('ArrowDown');
    await expect(focusedId(page)).resolves.toBe(`tl-${second.id}`);
    await expect(page.locator(`#tl-${second.id}`).getAttribute('tabindex')).resolves.toBe('0');
    await expect(page.locator(`#tl-${first.id}`).getAttribute('tabindex')).resolves.toBe('-1');

    await page.keyboard.press('ArrowUp');
    await expect(focusedId(page)).resolves.toBe(`tl-${first.id}`);
    await page.keyboard.press('ArrowUp');
    await expect(focusedId(page)).resolves.toBe(`tl-${first.id}`);
    await page.keyboard.press('End');
    await expect(focusedId(page)).resolves.toBe(`tl-${last.id}`);
    await page.keyboard.press('Home');
    await expect(focusedId(page)).resolves.toBe(`tl-${first.id}`);

    // Only one event button is in the Tab order.
    await expect(page.locator('.hov-tl-toggle[tabindex="0"]').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('arrow keys skip events that are filtered out', async () => {
    const { page, context } = await openTimeline();
    for (const category of ['precursors', 'system-vm', 'process-vm', 'hardware', 'cloud']) await filterButton(page, category).click();
    const containers = filterEvents(timelineEvents, ['containers']);
    await expect(eventItems(page).count()).resolves.toBe(containers.length);
    await page.locator(`#tl-${containers[0]!.id}`).focus();
    await page.keyboard.press('ArrowDown');
    await expect(focusedId(page)).resolves.toBe(`tl-${containers[1]!.id}`);
    await page.keyboard.press('End');
    await expect(focusedId(page)).resolves.toBe(`tl-${containers.at(-1)!.id}`);
    await context.close();
  });

  test('a dot on the overview axis opens its event', async () => {
    const { page, context } = await openTimeline({ width: 1280 });
    const kvm = timelineEvents.find((e) => e.id === 'kvm-merged')!;
    await page.locator(`.hov-tl-dot[title$="${kvm.title}"]`).click();
    await expect(page.locator(`#tl-${kvm.id}`).getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(focusedId(page)).resolves.toBe(`tl-${kvm.id}`);
    await context.close();
  });

  test('is a readable vertical list on a phone', async () => {
    const { page, context, errors } = await openTimeline({ width: 390, theme: 'dark' });
    await expect(page.locator('.hov-tl-overview').isVisible()).resolves.toBe(false);
    const item = eventItems(page).first();
    const date = await item.locator('.hov-tl-date').boundingBox();
    const title = await item.locator('.hov-tl-title').boundingBox();
    expect(date && title).toBeTruthy();
    // The date sits above the title, not beside it.
    expect(date!.y + date!.height).toBeLessThanOrEqual(title!.y + 1);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('has no serious accessibility violations when filtered and expanded, in both themes', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const { page, context } = await openTimeline({ theme });
      await filterButton(page, 'cloud').click();
      await page.locator(`#tl-${first.id}`).click();
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await context.close();
    }
  });

  test('prints every event open, without the filter buttons', async () => {
    const { page, context } = await openTimeline();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator(`#tl-${last.id}-detail`).isVisible()).resolves.toBe(true);
    await expect(page.locator('.hov-tl-filters').isVisible()).resolves.toBe(false);
    await context.close();
  });

  test('links to chapters of the edition it is read in', async () => {
    for (const [path, prefix] of [['/origins/', ''], ['/zh-cn/origins/', '/zh-cn']] as const) {
      const { page, context } = await openPage(browser, path);
      await page.locator('.hov-timeline').scrollIntoViewIfNeeded();
      await page.waitForSelector('astro-island:not([ssr]) .hov-timeline');
      await expect(page.locator('#tl-pascal-p1-detail .hov-tl-chapter').getAttribute('href')).resolves.toBe(`${prefix}/p-code/`);
      // The chapter the timeline sits in does not link to itself.
      await expect(page.locator('#tl-cp-67-detail .hov-tl-chapter').count()).resolves.toBe(0);
      await context.close();
    }
  });

  test('without JavaScript it is still a list of every event, with details and sources shown', async () => {
    const context = await openContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('/origins/', baseURL()).href);
    await expect(eventItems(page).count()).resolves.toBe(total);
    await expect(page.locator(`#tl-${first.id}-detail`).isVisible()).resolves.toBe(true);
    await expect(page.locator('.hov-tl-filters').isVisible()).resolves.toBe(false);
    await context.close();
  });
});
