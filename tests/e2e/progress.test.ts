/**
 * "Your progress": an exercise answered right and a lab VM step that shows what it expects are
 * recorded in the browser and shown per chapter; export writes a file that import reads back on a
 * fresh browser; a broken file says where it is broken and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateProblem, exercisesOfChapter } from '../../lib/exercises/index.ts';
import { launchBrowser, openPage, seriousAccessibilityViolations } from './browser.ts';

let browser: Browser;
let folder: string;
beforeAll(async () => {
  browser = await launchBrowser();
  folder = mkdtempSync(join(tmpdir(), 'progress-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

const WIDGET = 'astro-island:not([ssr]) .hov-ex[data-ready="true"]';
const row = (page: Page, chapter: string) => page.locator(`.hov-progress tr[data-chapter="${chapter}"]`);

async function answerRight(page: Page, exercise: string, seed: number): Promise<void> {
  const made = generateProblem(exercise, seed);
  if (!made.ok) throw new Error(JSON.stringify(made));
  const widget = page.locator(WIDGET);
  await widget.waitFor();
  await widget.getByTestId('exercise-answer').fill(made.problem.answer);
  await widget.getByTestId('exercise-answer').press('Enter');
  await expect(widget.getByTestId('exercise-result').getAttribute('data-correct')).resolves.toBe('true');
}

describe('your progress', () => {
  test('a right answer shows on the progress page; export, then import on a fresh browser; a broken file changes nothing', async () => {
    const total = exercisesOfChapter('p-code').length;
    const { page, context, errors } = await openPage(browser, '/p-code/?exercise=pcode-output&seed=5#exercises');
    try {
      await answerRight(page, 'pcode-output', 5);
      await page.goto(new URL('/progress/', page.url()).href);
      await expect.poll(() => row(page, 'p-code').innerText(), { timeout: 30_000 }).toContain(`1 of ${total}`);
      expect(await row(page, 'p-code').innerText()).toContain('seeds 5');
      expect(await row(page, 'jit').innerText()).toContain(`0 of ${exercisesOfChapter('jit').length}`);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to a file' }).click()]);
      const exported = join(folder, 'progress.json');
      await download.saveAs(exported);
      expect(JSON.parse(readFileSync(exported, 'utf8')).exercises['pcode-output'].seeds).toEqual([5]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }

    const fresh = await openPage(browser, '/zh-cn/progress/');
    try {
      const { page } = fresh;
      await expect.poll(() => page.locator('.hov-progress').innerText(), { timeout: 30_000 }).toContain('还没有任何记录');
      const broken = join(folder, 'broken.json');
      writeFileSync(broken, '{\n  "format": "hands-on-virtualization/progress",\n  "exercises": {,\n}\n');
      await page.getByLabel('导入进度文件').setInputFiles(broken);
      await expect.poll(() => page.getByRole('status').innerText(), { timeout: 30_000 }).toMatch(/^broken\.json：第 3 行第 \d+ 列：这不是 JSON/);
      expect(await row(page, 'p-code').innerText()).toContain(`0 / ${total}`);
      await page.getByLabel('导入进度文件').setInputFiles(join(folder, 'progress.json'));
      await expect.poll(() => row(page, 'p-code').innerText(), { timeout: 30_000 }).toContain(`1 / ${total}`);
      expect(await page.getByRole('status').innerText()).toContain('1 道练习');
      expect(fresh.errors).toEqual([]);
    } finally {
      await fresh.context.close();
    }
  });

  test('a lab VM step that shows what it expects is counted for its chapter', { timeout: 240_000 }, async () => {
    const { page, context, errors } = await openPage(browser, '/containers/');
    try {
      const step = page.locator('#step-uts');
      await step.scrollIntoViewIfNeeded();
      await step.locator('astro-island:not([ssr])').first().waitFor({ timeout: 20_000 });
      await step.getByRole('button', { name: /Run in the lab VM/ }).click();
      await expect.poll(() => step.locator('.runinvm-verdict').innerText().catch(() => ''), { timeout: 150_000 }).toContain('✓ the VM showed it');
      await page.goto(new URL('/progress/', page.url()).href);
      await expect.poll(() => row(page, 'containers').innerText(), { timeout: 30_000 }).toMatch(/\t1 of \d+\nVerified: A UTS namespace: a hostname of its own/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
