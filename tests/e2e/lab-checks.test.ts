/**
 * Lab checks and the docked terminal in Chromium: a step's Check says what is missing, then ✓
 * after the reader typed the step by hand in the terminal (keyboard only), and records the step in
 * the reader's progress; the terminal docks beside the text on a wide screen, not at phone width.
 * Both editions, axe clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, seriousAccessibilityViolations } from './browser.ts';
import { containerStepWordings, tinyContainerRun } from '../../lib/containers/index.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const terminalText = (page: Page) => page.locator('.labvm .xterm-rows').innerText();

async function hydratedTerminal(page: Page) {
  await page.locator('astro-island:not([ssr]) .labvm').waitFor({ timeout: 20_000 });
  return page.locator('.labvm');
}

async function pressOn(page: Page, name: RegExp | string) {
  const button = page.getByRole('button', { name });
  await button.focus();
  await page.keyboard.press('Enter');
}

/** The check box under a step, hydrated. */
async function checkOf(page: Page, stepId: string) {
  const block = page.locator(`#step-${stepId}`);
  await block.scrollIntoViewIfNeeded();
  await block.locator('astro-island:not([ssr]) .labcheck').waitFor({ timeout: 20_000 });
  return block.locator('.labcheck');
}

const editions = [
  {
    path: '/containers/',
    dock: 'Dock beside the text',
    powerOn: 'Power on',
    check: /^Check:/,
    off: 'The lab VM is off',
    missing: ['✗ Not yet. Still missing:', 'there is no cgroup /sys/fs/cgroup/web1', 'memory.max of web1 is not 33554432 (32 MiB)'],
    passed: '✓ Done: the lab VM shows it.',
    observation: 'This step leaves nothing behind in the VM, so its check reads what your terminal has shown',
    title: containerStepWordings[tinyContainerRun.id].title.en,
  },
  {
    path: '/zh-cn/containers/',
    dock: '停靠到正文旁边',
    powerOn: '开机',
    check: /^检查：/,
    off: '实验虚拟机处于关机状态',
    missing: ['✗ 还没有完成。还缺：', '没有控制组 /sys/fs/cgroup/web1', 'web1 的 memory.max 不是 33554432（32 MiB）'],
    passed: '✓ 完成：实验虚拟机里已经是这样了。',
    observation: '这一步不在虚拟机里留下任何东西，所以检查看的是终端里显示过的输出',
    title: containerStepWordings[tinyContainerRun.id].title['zh-CN'],
  },
] as const;

describe('a step that checks itself, by keyboard', () => {
  for (const edition of editions) {
    it(`${edition.path}: off, then what is missing, then ✓ after the command typed by hand in the docked terminal`, async () => {
      const { page, errors } = await openPage(browser, edition.path, { width: 1280, height: 900 });
      const check = await checkOf(page, tinyContainerRun.id);
      expect(await page.locator('#step-uts').textContent()).toContain(edition.observation);

      // Off: nothing to check yet, and the check does not start the VM.
      await check.getByRole('button', { name: edition.check }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => check.textContent()).toContain(edition.off);

      // Dock the terminal, power it on, and check before doing anything.
      const terminal = await hydratedTerminal(page);
      await pressOn(page, edition.dock);
      expect(await page.getByRole('button', { name: edition.dock }).getAttribute('aria-pressed')).toBe('true');
      await pressOn(page, edition.powerOn);
      await expect.poll(async () => (await terminalText(page).catch(() => '')).trimEnd().endsWith('#'), { timeout: 120_000 }).toBe(true);
      await check.getByRole('button', { name: edition.check }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => check.locator('.runinvm-miss').textContent().catch(() => ''), { timeout: 60_000 }).toContain(edition.missing[0]);
      expect(await check.locator('.labcheck-missing li').allTextContents()).toEqual(edition.missing.slice(1));

      // Type the step by hand in the terminal (still in view beside the step), leave it with Ctrl+].
      expect(await terminal.evaluate((element) => getComputedStyle(element).position)).toBe('fixed');
      await page.locator('.labvm .xterm-helper-textarea').focus();
      await page.keyboard.type('tiny-container web1 hostname\n');
      await expect.poll(() => terminalText(page), { timeout: 60_000 }).toMatch(/\nweb1\s*\n[\s\S]*#\s*$/);
      await page.keyboard.press('Control+BracketRight');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('labvm-keys');

      await check.getByRole('button', { name: edition.check }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => check.locator('.runinvm-ok').textContent().catch(() => ''), { timeout: 60_000 }).toBe(edition.passed);
      const progress = await page.evaluate(() => localStorage.getItem('hov:progress:record') ?? '');
      expect(progress).toContain(edition.title);

      // The guest's own output in the terminal (dim text from the shell) is not the page's to colour.
      expect(await seriousAccessibilityViolations(page, { exclude: ['.xterm'] })).toEqual([]);
      expect(errors).toEqual([]);
    }, 300_000);
  }
});

describe('the docked terminal', () => {
  for (const [edition, theme] of [
    [editions[0], 'light'],
    [editions[1], 'dark'],
  ] as const) {
    it(`${edition.path} (${theme}): docks beside the steps on a wide screen, stays in view while they scroll, undocks back`, async () => {
      const { page, errors } = await openPage(browser, edition.path, { width: 1280, height: 900, theme });
      const terminal = await hydratedTerminal(page);
      const dock = page.getByRole('button', { name: edition.dock });
      expect(await dock.getAttribute('aria-pressed')).toBe('false');
      await dock.focus();
      await page.keyboard.press('Space');
      expect(await dock.getAttribute('aria-pressed')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(edition.dock);

      // A step far down the page: the terminal is on screen, beside the text and not over it.
      const step = page.locator('#step-script-run');
      await step.scrollIntoViewIfNeeded();
      const box = (await terminal.boundingBox())!;
      const stepBox = (await step.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(900);
      expect(stepBox.x + stepBox.width).toBeLessThanOrEqual(box.x);
      // The page's other lab, which is wider than the text, narrows beside the terminal as well.
      const density = (await page.locator('section.hov-density').boundingBox())!;
      expect(density.x + density.width).toBeLessThanOrEqual(box.x);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      // Kept for the next page, and undocked by the same button.
      await page.reload({ waitUntil: 'load' });
      await hydratedTerminal(page);
      expect(await terminal.evaluate((element) => getComputedStyle(element).position)).toBe('fixed');
      await dock.focus();
      await page.keyboard.press('Enter');
      expect(await dock.getAttribute('aria-pressed')).toBe('false');
      expect(await terminal.evaluate((element) => getComputedStyle(element).position)).toBe('static');
      expect(await page.evaluate(() => document.documentElement.classList.contains('hov-labvm-docked'))).toBe(false);
      expect(errors).toEqual([]);
    }, 120_000);
  }

  it('at 390 px there is no docking, even when it was chosen on a wide screen, and nothing overflows', async () => {
    const { page, context, errors } = await openPage(browser, '/containers/', { width: 390, height: 800 });
    await context.addInitScript(() => localStorage.setItem('hov-lab-vm-docked', 'on'));
    await page.reload({ waitUntil: 'load' });
    const terminal = await hydratedTerminal(page);
    expect(await page.getByRole('button', { name: 'Dock beside the text' }).count()).toBe(0);
    expect(await terminal.evaluate((element) => getComputedStyle(element).position)).toBe('static');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const step = await checkOf(page, 'veth');
    expect(await step.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);
});
