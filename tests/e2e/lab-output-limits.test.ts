/**
 * The P-code and JIT labs with programs at the machine's limits: a field width far too large is a
 * runtime error with its line (the earlier output shown, the status no longer "running"), a long
 * output keeps its tail under "… N earlier lines not shown", and the JIT runs an array of a
 * million integers as the interpreter does.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { encodeShareHash } from '../../lib/pcode/index.ts';
import { zh as jitZh } from '../../components/jit-lab/messages.ts';
import { launchBrowser, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const manyLinesThenTooWide = `program wide(output);
var i: integer;
begin
  for i := 1 to 3000 do writeln('line ', i:1);
  writeln(1:2000000000)
end.
`;

describe('the P-code lab', () => {
  const lab = (page: Page) => page.locator('.hov-pc');

  test('a huge field width is a runtime error at its line, after 3,000 lines of which the last are shown', async () => {
    const { page, context, errors } = await openPage(browser, `/p-code/${encodeShareHash({ source: manyLinesThenTooWide, input: '' })}`, {});
    await lab(page).scrollIntoViewIfNeeded();
    await page.waitForSelector('.hov-pc .cm-editor');
    await expect.poll(() => lab(page).locator('.hov-pc-listing-routine').count()).toBeGreaterThan(0);
    // The link's program, not the example the lab starts with (a loaded machine applies the link later).
    await expect.poll(() => lab(page).locator('.cm-content').textContent()).toContain('writeln(1:2000000000)');
    await lab(page).getByLabel('Speed').selectOption('max');
    await lab(page).getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => lab(page).locator('.hov-pc-status').textContent(), { timeout: 60_000 }).toBe('runtime error');
    expect(await lab(page).locator('.hov-pc-error').textContent()).toMatch(/source line 5: field width 2000000000 is too large \(at most 100000\)/);
    const output = (await lab(page).locator('.hov-pc-output').textContent()) ?? '';
    expect(output).toMatch(/^… \d[\d,]* earlier lines not shown\n/);
    expect(output.endsWith('line 3000\n')).toBe(true);
    const notShown = Number(/^… ([\d,]+)/.exec(output)![1]!.replace(/,/g, ''));
    const shown = output.split('\n').filter((l) => l.startsWith('line ')).length;
    expect(notShown + shown).toBe(3000);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the P-code lab with a file of stray characters', () => {
  const lab = (page: Page) => page.locator('.hov-pc');

  test('a share link of 99,000 # lists 30 compile errors, not 99,000, and the editor stays usable', async () => {
    const { page, context, errors } = await openPage(browser, `/p-code/${encodeShareHash({ source: '#'.repeat(99_000), input: '' })}`, {});
    await lab(page).scrollIntoViewIfNeeded();
    await page.waitForSelector('.hov-pc .cm-editor');
    await expect.poll(() => lab(page).locator('.hov-pc-diagnostics li').count(), { timeout: 30_000 }).toBe(30);
    await page.locator('.hov-pc .cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('#');
    await expect.poll(() => lab(page).locator('.hov-pc-diagnostics li').count()).toBe(30);
    expect(await lab(page).locator('.hov-pc-diagnostics li').first().textContent()).toMatch(/^1:1 /);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the JIT lab', () => {
  const lab = (page: Page) => page.locator('.jit-lab');

  test('on the Chinese page: an array of a million integers runs as on the interpreter; a huge width is the interpreter’s error', async () => {
    const big = 'program big(output);\nvar a: array[1..1000000] of integer;\n    i, s: integer;\nbegin\n  for i := 1 to 1000000 do a[i] := 3;\n  s := 0;\n  for i := 1 to 1000000 do s := s + a[i];\n  writeln(s:1)\nend.\n';
    const { page, context, errors } = await openPage(browser, `/zh-cn/jit/${encodeShareHash({ source: big, input: '' })}`, { width: 1280 });
    await expect.poll(() => lab(page).getByLabel(jitZh.programLabel, { exact: true }).inputValue()).toBe('link');
    await lab(page).getByLabel(jitZh.speedLabel, { exact: true }).selectOption('full');
    await lab(page).getByRole('button', { name: jitZh.run, exact: true }).click();
    await lab(page).getByTestId('jit-status').filter({ hasText: jitZh.status.halted }).waitFor({ timeout: 60_000 });
    expect(await lab(page).getByTestId('jit-output').textContent()).toBe('3000000\n');

    await lab(page).locator('details.jit-source summary').click();
    await lab(page).locator('details.jit-source textarea').first().fill(manyLinesThenTooWide);
    await lab(page).getByRole('button', { name: jitZh.reset, exact: true }).click();
    await lab(page).getByRole('button', { name: jitZh.run, exact: true }).click();
    await lab(page).getByTestId('jit-status').filter({ hasText: jitZh.status.error }).waitFor({ timeout: 60_000 });
    expect(await lab(page).locator('pre.jit-error').textContent()).toMatch(/源代码第 5 行：字段宽度 2000000000 太大/);
    const output = (await lab(page).getByTestId('jit-output').textContent()) ?? '';
    expect(output).toMatch(/^… 前面还有 \d+ 行未显示\n/);
    expect(output.endsWith('line 3000\n')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
