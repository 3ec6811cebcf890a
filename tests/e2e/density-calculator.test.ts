/**
 * The density calculator's messages in Chromium, both editions: a value out of range is named by
 * the field's label and given in the unit the reader typed (GiB for the host's memory), never by
 * the engine's field name in MiB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, seriousAccessibilityViolations } from './browser.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const editions = [
  {
    path: '/containers/',
    field: /Host memory/,
    message: 'Host memory must be between 1 and 1,024 GiB (it is 100,000 GiB)',
    percent: 'Memory KSM frees per further VM must be between 0 and 95 % (it is 150 %)',
  },
  {
    path: '/zh-cn/containers/',
    field: /宿主机内存/,
    message: '宿主机内存必须在 1 到 1,024 GiB 之间（现在是 100,000 GiB）',
    percent: '每多一台虚拟机 KSM 释放的内存必须在 0 到 95 % 之间（现在是 150 %）',
  },
];

describe('the density calculator says what is wrong in the reader’s terms', () => {
  for (const edition of editions) {
    it(`100000 GiB of host memory and 150 % are out of range, said with label and unit (${edition.path})`, { timeout: 60_000 }, async () => {
      const { page, errors } = await openPage(browser, edition.path);
      const calculator = page.locator('section.hov-density');
      await calculator.scrollIntoViewIfNeeded();
      await page.locator('astro-island:not([ssr]) section.hov-density').waitFor({ timeout: 20_000 });
      const host = calculator.getByRole('spinbutton', { name: edition.field });
      await host.fill('100000');
      const status = calculator.locator('.hov-density-status');
      await expect.poll(() => status.textContent()).toContain(edition.message);
      const ksm = calculator.locator('input[type="number"][id$="-ksmSavings"]');
      await ksm.fill('150');
      await expect.poll(() => status.textContent()).toContain(edition.percent);
      const everything = (await calculator.textContent()) ?? '';
      expect(everything).not.toMatch(/hostMemoryMiB|ksmSavings|102400000/);
      expect(await host.getAttribute('aria-invalid')).toBe('true');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});
