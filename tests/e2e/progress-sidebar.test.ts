/**
 * The sidebar's progress marks: a right answer and a lab run show beside their chapter in both
 * editions after a reload (progress survives reloads), with a label for screen readers; they fit a
 * 390 px phone's menu; and a page without a lab loads none of the book's JavaScript.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { generateProblem } from '../../lib/exercises/index.ts';
import { chapterTally, emptyProgress } from '../../lib/progress/index.ts';
import { chapterContents } from '../../components/progress/chapter-contents.ts';
import { launchBrowser, openPage, seriousAccessibilityViolations } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** How many things count in a chapter, from its MDX as the build reads it. */
const totalOf = (slug: string) => chapterTally(emptyProgress(), slug, chapterContents(slug, readFileSync(`content/docs/${slug}.mdx`, 'utf8'))).total;
const mark = (page: Page, slug: string) => page.locator(`nav.sidebar a[href$="/${slug}/"] .hov-sidebar-progress`);
const shown = (page: Page, slug: string) => mark(page, slug).locator('[aria-hidden="true"]').innerText();

describe('progress in the sidebar', () => {
  test('a right answer shows beside its chapter after a reload, in both editions; axe clean', { timeout: 120_000 }, async () => {
    const made = generateProblem('pcode-output', 5);
    if (!made.ok) throw new Error(JSON.stringify(made));
    const total = totalOf('p-code');
    const { page, errors } = await openPage(browser, '/p-code/?exercise=pcode-output&seed=5#exercises');
    await expect.poll(() => shown(page, 'p-code')).toBe(`0/${total}`);
    const widget = page.locator('astro-island:not([ssr]) .hov-ex[data-ready="true"]');
    await widget.waitFor();
    await widget.getByTestId('exercise-answer').fill(made.problem.answer);
    await widget.getByTestId('exercise-answer').press('Enter');
    await expect(widget.getByTestId('exercise-result').getAttribute('data-correct')).resolves.toBe('true');
    // The mark follows the change on the same page, then survives a reload.
    await expect.poll(() => shown(page, 'p-code')).toBe(`1/${total}`);
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => shown(page, 'p-code')).toBe(`1/${total}`);
    expect(await page.locator('nav.sidebar a[href$="/p-code/"]').getAttribute('aria-current')).toBe('page');
    expect(await mark(page, 'p-code').locator('.sr-only').innerText()).toBe(`1 of ${total} done`);
    expect(await shown(page, 'jit')).toBe(`0/${totalOf('jit')}`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.goto(new URL('/zh-cn/jit/', page.url()).href, { waitUntil: 'load' });
    await expect.poll(() => shown(page, 'p-code')).toBe(`1/${total}`);
    expect(await mark(page, 'p-code').locator('.sr-only').innerText()).toBe(`已完成 1 项，共 ${total} 项`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a lab run counts for its chapter; the mark fits the phone menu in dark mode; axe clean', { timeout: 120_000 }, async () => {
    const total = totalOf('origins');
    const { page, errors } = await openPage(browser, '/zh-cn/origins/', { width: 390, theme: 'dark' });
    await page.locator('.hov-timeline').scrollIntoViewIfNeeded();
    await page.waitForSelector('astro-island:not([ssr]) .hov-timeline');
    await page.locator('.hov-tl-toggle').first().click();
    await page.reload({ waitUntil: 'load' });
    await page.getByRole('button', { name: '菜单' }).click();
    const origins = mark(page, 'origins');
    await origins.waitFor({ state: 'visible' });
    await expect.poll(() => shown(page, 'origins')).toBe(`1/${total}`);
    const box = (await origins.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    // The mark keeps to the space reserved for it: it does not cover the chapter's title.
    const title = (await page.locator('nav.sidebar a[href$="/origins/"] > span').first().boundingBox())!;
    expect(title.x + title.width).toBeLessThanOrEqual(box.x);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('the marks move nothing: every sidebar link has the same box with and without the script', async () => {
    const boxes = async (page: Page) =>
      page.locator('nav.sidebar a').evaluateAll((links) => links.map((link) => { const r = link.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round).join(' '); }));
    const withScript = await openPage(browser, '/containers/', { width: 1280 });
    await withScript.page.locator('.hov-sidebar-progress').first().waitFor();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false, serviceWorkers: 'block' });
    const bare = await context.newPage();
    await bare.goto(withScript.page.url(), { waitUntil: 'load' });
    expect(await bare.locator('.hov-sidebar-progress').count()).toBe(0);
    expect(await boxes(withScript.page)).toEqual(await boxes(bare));
    await context.close();
  });

  test('a page without a lab loads none of the book’s JavaScript and shows no marks', async () => {
    for (const path of ['/glossary/', '/zh-cn/about/', '/instructors/']) {
      const { page, context, errors } = await openPage(browser, '/p-code/');
      // Progress recorded, so a mark would show if anything drew one.
      await page.evaluate(() => localStorage.setItem('hov:progress:record', JSON.stringify({ format: 'hands-on-virtualization/progress', version: 1, exercises: { 'pcode-output': { chapter: 'p-code', seeds: [1], firstSolved: '2026-12-01T00:00:00.000Z' } }, steps: {}, labs: {} })));
      const scripts: string[] = [];
      page.on('response', async (response) => {
        if (response.request().resourceType() === 'script') scripts.push(await response.text().catch(() => ''));
      });
      await page.goto(new URL(path, page.url()).href, { waitUntil: 'networkidle' });
      expect(await page.locator('[data-hov-progress], .hov-sidebar-progress, astro-island').count()).toBe(0);
      expect(scripts.filter((text) => text.includes('hov-progress'))).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
