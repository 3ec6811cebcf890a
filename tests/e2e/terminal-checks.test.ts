/**
 * Chapter 6's checks of what the reader's terminal showed, in Chromium: a step that leaves nothing in
 * the VM (the UTS namespace) says its output has not been seen yet, then ✓ after the reader types its
 * commands by hand in the page's terminal (keyboard only), and the step is in the reader's progress.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, seriousAccessibilityViolations } from './browser.ts';
import { containerStepWordings, uts } from '../../lib/containers/index.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const terminalText = (page: Page) => page.locator('.labvm .xterm-rows').innerText().catch(() => '');

const editions = [
  {
    path: '/containers/',
    powerOn: 'Power on',
    check: /^Check what my terminal shows:/,
    off: 'The lab VM is off',
    notSeen: ['✗ Not yet. Still missing:', `your terminal has not shown it since the lab VM was powered on: ${containerStepWordings.uts.expectation.en}`],
    passed: '✓ Done: the lab VM shows it.',
    title: containerStepWordings.uts.title.en,
  },
  {
    path: '/zh-cn/containers/',
    powerOn: '开机',
    check: /^检查终端里的输出：/,
    off: '实验虚拟机处于关机状态',
    notSeen: ['✗ 还没有完成。还缺：', `实验虚拟机开机以来，终端里还没有出现这样的输出：${containerStepWordings.uts.expectation['zh-CN']}`],
    passed: '✓ 完成：实验虚拟机里已经是这样了。',
    title: containerStepWordings.uts.title['zh-CN'],
  },
] as const;

describe('a check of what the terminal showed, by keyboard', () => {
  for (const edition of editions) {
    it(`${edition.path}: off, then not seen yet, then ✓ after the uts step typed by hand; recorded in progress; axe clean`, async () => {
      const { page, errors } = await openPage(browser, edition.path, { width: 1280, height: 900 });
      const block = page.locator(`#step-${uts.id}`);
      await block.scrollIntoViewIfNeeded();
      await block.locator('astro-island:not([ssr]) .terminalcheck').waitFor({ timeout: 20_000 });
      const check = block.locator('.labcheck-box');
      const pressCheck = async () => {
        await check.getByRole('button', { name: edition.check }).focus();
        await page.keyboard.press('Enter');
      };

      await pressCheck();
      await expect.poll(() => check.textContent()).toContain(edition.off);

      const terminal = page.locator('.labvm');
      await terminal.scrollIntoViewIfNeeded();
      await page.locator('astro-island:not([ssr]) .labvm').waitFor({ timeout: 20_000 });
      const powerOn = page.getByRole('button', { name: edition.powerOn });
      await powerOn.focus();
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await terminalText(page)).trimEnd().endsWith('#'), { timeout: 150_000 }).toBe(true);

      await check.scrollIntoViewIfNeeded();
      await pressCheck();
      await expect.poll(() => check.locator('.runinvm-miss').textContent().catch(() => '')).toContain(edition.notSeen[0]);
      expect(await check.locator('.labcheck-missing li').allTextContents()).toEqual(edition.notSeen.slice(1));
      expect(await page.evaluate(() => localStorage.getItem('hov:progress:record') ?? '')).not.toContain(edition.title);

      // The step's two lines, typed one at a time as a reader would.
      await terminal.scrollIntoViewIfNeeded();
      await page.locator('.labvm .xterm-helper-textarea').focus();
      const [first, second] = uts.command.split('\n');
      await page.keyboard.type(`${first}\n`);
      await expect.poll(() => terminalText(page), { timeout: 60_000 }).toMatch(/hostname is container1\s*\n[\s\S]*#\s*$/);
      await page.keyboard.type(`${second}\n`);
      await expect.poll(() => terminalText(page), { timeout: 60_000 }).toMatch(/outside: hostname is lab\s*\n[\s\S]*#\s*$/);

      await check.scrollIntoViewIfNeeded();
      await pressCheck();
      await expect.poll(() => check.locator('.runinvm-ok').textContent().catch(() => '')).toBe(edition.passed);
      expect(await page.evaluate(() => localStorage.getItem('hov:progress:record') ?? '')).toContain(edition.title);

      expect(await seriousAccessibilityViolations(page, { exclude: ['.xterm'] })).toEqual([]);
      expect(errors).toEqual([]);
    }, 300_000);
  }
});
