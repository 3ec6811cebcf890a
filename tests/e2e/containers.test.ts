/**
 * Chapter 6 in Chromium: the density calculator (server-rendered, hydrated, keyboard-operable,
 * accessible in both themes and at phone width) and the container lab's steps on the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, launchBrowser, openContext, openPage, seriousAccessibilityViolations } from './browser.ts';
import { cgroupKill, containerLabSteps, measureContainerMemory, uts } from '../../lib/containers/index.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function hydratedCalculator(page: Page) {
  const calculator = page.locator('section.hov-density');
  await calculator.scrollIntoViewIfNeeded();
  // client:visible: the island's `ssr` attribute goes away once React has hydrated it.
  await page.locator('astro-island:not([ssr]) section.hov-density').waitFor({ timeout: 20_000 });
  return calculator;
}

describe('the density calculator', () => {
  it('is server-rendered with the defaults and their sources', async () => {
    const context = await openContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('/containers/', baseURL()).href);
    const status = page.locator('.hov-density-status');
    await expect.poll(() => status.textContent()).toContain('11 VMs fit');
    expect(await status.textContent()).toContain('101 containers fit');
    expect(await page.locator('.hov-density svg[role="img"] desc').textContent()).toContain('11 VMs fit and 101 containers fit');
    expect(await page.locator('.hov-density-sources li').count()).toBeGreaterThanOrEqual(6);
    await context.close();
  });

  it('answers the keyboard: KSM on, a bigger host, a bad value and back', async () => {
    const { page, errors } = await openPage(browser, '/containers/');
    const calculator = await hydratedCalculator(page);
    const status = calculator.locator('.hov-density-status');

    const ksm = calculator.getByRole('checkbox', { name: /KSM \(Kernel Samepage Merging\) on/ });
    await ksm.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => status.textContent()).toContain('16 VMs fit');
    expect(await status.textContent()).toContain('each further one 917.8 MiB');

    const host = calculator.getByRole('spinbutton', { name: /Host memory/ });
    await host.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('32');
    await expect.poll(() => status.textContent()).toContain('34 VMs fit');
    expect(await status.textContent()).toContain('210 containers fit');

    const guest = calculator.getByRole('spinbutton', { name: /Guest kernel and OS services/ });
    await guest.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await expect.poll(() => status.textContent()).toContain('Guest kernel and OS services needs a number');
    expect(await guest.getAttribute('aria-invalid')).toBe('true');

    await calculator.getByRole('radio', { name: /Minimal \(52 MiB/ }).check();
    await expect.poll(() => status.textContent()).toMatch(/\d+ VMs fit/);
    expect(await guest.inputValue()).toBe('52');

    await calculator.getByRole('button', { name: 'Back to the defaults' }).click();
    await expect.poll(() => status.textContent()).toContain('11 VMs fit');
    expect(errors).toEqual([]);
  });

  it('keeps the reader’s inputs across a reload, until “Back to the defaults”', async () => {
    const { page, errors } = await openPage(browser, '/containers/');
    let calculator = await hydratedCalculator(page);
    await calculator.getByRole('spinbutton', { name: /Host memory/ }).fill('32');
    await expect.poll(() => calculator.locator('.hov-density-status').textContent()).toContain('24 VMs fit');
    await page.reload({ waitUntil: 'load' });
    calculator = await hydratedCalculator(page);
    await expect.poll(() => calculator.locator('.hov-density-status').textContent()).toContain('24 VMs fit');
    expect(await calculator.getByRole('spinbutton', { name: /Host memory/ }).inputValue()).toBe('32');
    await calculator.getByRole('button', { name: 'Back to the defaults' }).click();
    await page.reload({ waitUntil: 'load' });
    calculator = await hydratedCalculator(page);
    await expect.poll(() => calculator.locator('.hov-density-status').textContent()).toContain('11 VMs fit');
    expect(errors).toEqual([]);
  });

  it('the chart has a text alternative: a summary and a table of the same numbers', async () => {
    const { page } = await openPage(browser, '/containers/');
    const calculator = await hydratedCalculator(page);
    const chart = calculator.getByRole('img', { name: 'Memory in use as copies are added' });
    expect(await chart.count()).toBe(1);
    await calculator.getByText('The chart as a table').click();
    const rows = calculator.locator('.hov-density-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(10);
    expect(await rows.first().locator('th').textContent()).toBe('0');
    const eleven = rows.filter({ has: page.locator('th', { hasText: /^11$/ }) });
    expect(await eleven.locator('td').first().textContent()).toBe('15,324');
  });

  for (const [theme, width] of [
    ['light', 1280],
    ['dark', 390],
  ] as const) {
    it(`has no serious accessibility problems and fits the screen (${theme}, ${width}px)`, async () => {
      const { page, errors } = await openPage(browser, '/containers/', { theme, width });
      const calculator = await hydratedCalculator(page);
      expect(await seriousAccessibilityViolations(page, { exclude: ['.hov-container-step'] })).toEqual([]);
      const overflow = await calculator.evaluate((element) => element.scrollWidth - element.clientWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      expect(errors).toEqual([]);
    });
  }
});

describe('the container lab on the page', () => {
  it('shows every step with its exact command', async () => {
    const { page, errors } = await openPage(browser, '/containers/');
    for (const step of containerLabSteps) {
      const block = page.locator(`#step-${step.id}`);
      expect(await block.count(), step.id).toBe(1);
      const text = (await block.textContent()) ?? '';
      const firstLine = step.command.split('\n')[0].trim();
      expect(text, step.id).toContain(firstLine);
    }
    expect(errors).toEqual([]);
  });

  it('runs a step in the reader’s lab VM and says what it expected and that the VM showed it', async () => {
    const { page, errors } = await openPage(browser, '/containers/');
    const block = page.locator(`#step-${cgroupKill.id}`);
    await block.scrollIntoViewIfNeeded();
    await block.locator('astro-island:not([ssr])').first().waitFor({ timeout: 20_000 });
    await block.getByRole('button', { name: /Run in the lab VM/ }).click();
    const output = block.locator('.runinvm-output');
    await output.waitFor({ timeout: 150_000 });
    expect(await output.textContent()).toContain('awk ended with status 137');
    expect(await block.locator('.runinvm-verdict').textContent()).toBe(
      'Expected: the memory hog was killed by the cgroup’s OOM killer (status 137, counted in memory.events): ✓ the VM showed it',
    );
    expect(await block.textContent()).not.toContain('You got it');
    expect(errors).toEqual([]);
  }, 200_000);

  it('every step works in the browser’s lab VM: each one gets its ✓', async () => {
    const { page, errors } = await openPage(browser, '/containers/');
    const failures: string[] = [];
    for (const step of [...containerLabSteps, measureContainerMemory]) {
      const block = page.locator(`#step-${step.id}`);
      await block.scrollIntoViewIfNeeded();
      await block.locator('astro-island:not([ssr])').first().waitFor({ timeout: 20_000 });
      await block.getByRole('button', { name: /Run in the lab VM/ }).click();
      await block.locator('.runinvm-meta, .runinvm-error').first().waitFor({ timeout: 180_000 });
      if ((await block.locator('.runinvm-ok').count()) !== 1) {
        failures.push(`${step.id}:\n${await block.locator('.runinvm-output').textContent()}`);
      }
    }
    expect(failures).toEqual([]);
    expect(errors).toEqual([]);
  }, 900_000);
});

describe('chapter 6 on the Chinese page', () => {
  it('the density calculator words its problems and sources in Chinese, axe clean', async () => {
    const { page, errors } = await openPage(browser, '/zh-cn/containers/');
    const calculator = await hydratedCalculator(page);
    const status = calculator.locator('.hov-density-status');
    const guest = calculator.getByRole('spinbutton', { name: /客户机内核与系统服务/ });
    await guest.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('70000');
    await expect.poll(() => status.textContent()).toContain('客户机内核与系统服务必须在 8 到 65,536 MiB 之间（现在是 70,000 MiB）');
    expect(await calculator.locator('.hov-density-field', { hasText: '客户机内核与系统服务' }).textContent()).toContain(
      '必须在 8 到 65,536 MiB 之间',
    );
    const sources = calculator.locator('.hov-density-sources');
    const lab = sources.getByRole('link', { name: '本书“虚拟机监控器与容器”一章的实验' });
    expect(await lab.getAttribute('href')).toBe('#实验亲手搭一个容器');
    expect(await sources.textContent()).toContain('KSM 只合并标记为 MADV_MERGEABLE 的区域中的匿名页');
    // Outside the titles of cited documents (which keep their published language), no English prose.
    const prose = await calculator.evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      for (const node of copy.querySelectorAll('code, .hov-density-sources a')) node.remove();
      return copy.textContent ?? '';
    });
    expect(prose.match(/\b(The|the|is|not|and|of|to|in|by|must|be|between|from|this|that|with)\b/g) ?? []).toEqual([]);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a container step’s button says in Chinese why the lab VM could not start', async () => {
    const { page } = await openPage(browser, '/zh-cn/containers/');
    await page.route('**/guest/manifest.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    const block = page.locator(`#step-${uts.id}`);
    await block.scrollIntoViewIfNeeded();
    await block.locator('astro-island:not([ssr])').first().waitFor({ timeout: 20_000 });
    await block.getByRole('button', { name: /在实验虚拟机中运行/ }).click();
    await expect.poll(() => block.locator('.runinvm-error').textContent().catch(() => ''), { timeout: 30_000 }).toBe(
      '本站上没有实验虚拟机的文件。请用 `npm run guest` 构建（大约两分钟），然后重新加载页面。',
    );
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
  });
});
