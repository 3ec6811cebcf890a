import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_VIRTIO_SCENARIO, ioPathCosts, perRequest, runVirtioScenario } from '../../lib/virtio/index.ts';
import { labInThisFile, seriousAccessibilityViolations } from './browser.ts';

const LAB = '.hov-virtio';

const { openLab } = labInThisFile(LAB);

/** Tab forward until the element matching `selector` has the focus. */
async function tabTo(page: Page, selector: string, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

describe('the virtio lab in chapter 5', () => {
  test('keyboard only: steps the ring, then changes the batch and sees the exits follow the engine', async () => {
    const { page, errors, context } = await openLab('/memory-and-devices/');
    await page.locator(`${LAB} fieldset`).evaluate((el) => (el as HTMLElement).scrollIntoView());
    await page.focus('#hov-virtio-device');
    await tabTo(page, '[data-testid=virtio-step]');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-testid=virtio-status]').textContent()).resolves.toMatch(/^Step 1: Driver: request 0 goes into descriptor 0; its head 0 into avail\.ring\[0\]/);
    await page.keyboard.press('Enter');
    // One buffer per batch: the second step publishes avail.idx 0 → 1 and notifies the idle device.
    await expect(page.locator('[data-testid=virtio-status]').textContent()).resolves.toContain('avail.idx 0 → 1, and it notifies the device');
    await expect(page.locator('[data-testid=virtio-avail] [data-field=avail-idx]').textContent()).resolves.toBe('1');
    await expect(page.locator('[data-counter=notifications]').textContent()).resolves.toBe('1');

    // Batch 8, device budget 4: typed in, by keyboard.
    await page.focus('#hov-virtio-batch');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('8');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('4');
    const { counts } = runVirtioScenario({ ...DEFAULT_VIRTIO_SCENARIO, batch: 8, deviceBudget: 4 });
    const vhost = perRequest(ioPathCosts('console', counts, 4096, { apicv: false }).vhost!, counts.requests);
    await expect
      .poll(() => page.locator('[data-testid=virtio-exits] tr[data-path=vhost] td[data-metric=vmExits]').textContent())
      .toBe(vhost.vmExits.toFixed(2));
    await expect(page.locator('[data-testid=virtio-ring-summary]').textContent()).resolves.toContain(`The ring: 1 notification (${counts.notificationsSuppressed} suppressed)`);
    expect(counts.notificationsSent).toBe(1);

    // A bad number is said, and the last valid value stays.
    await page.focus('#hov-virtio-batch');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('999');
    await expect(page.locator('#hov-virtio-batch-error').textContent()).resolves.toContain('from 1 to 256');

    // APICv: device assignment reaches zero exits per request.
    await tabTo(page, '#hov-virtio-apicv', 10);
    await page.keyboard.press('Space');
    await expect
      .poll(() => page.locator('[data-testid=virtio-exits] tr[data-path=assigned] td[data-metric=vmExits]').textContent())
      .toBe('0');
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const [path, theme, width] of [
    ['/memory-and-devices/', 'light', 1280],
    ['/memory-and-devices/', 'dark', 390],
    ['/zh-cn/memory-and-devices/', 'dark', 1280],
    ['/zh-cn/memory-and-devices/', 'light', 390],
    ['/zh-cn/memory-and-devices/', 'dark', 320],
  ] as const) {
    test(`${path} ${theme} ${width}px: axe clean, no overflow, in the page's language`, async () => {
      const { page, errors, context } = await openLab(path, { theme, width });
      await page.click('[data-testid=virtio-step]');
      const status = (await page.locator('[data-testid=virtio-status]').textContent()) ?? '';
      expect(status).toMatch(path.startsWith('/zh-cn/') ? /^第 1 步：驱动：请求 0 写进描述符 0/ : /^Step 1: Driver:/);
      // Nothing in the lab sticks out past the screen's edge, except inside its own scrolling tables.
      const overflow = await page.evaluate((sel) => {
        const viewport = document.documentElement.clientWidth;
        let worst = document.querySelector(sel)!.getBoundingClientRect().right - viewport;
        for (const el of document.querySelectorAll(`${sel} *`)) {
          if (el.closest('.hov-virtio-scroll')) continue;
          worst = Math.max(worst, el.getBoundingClientRect().right - viewport);
        }
        return worst;
      }, LAB);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.locator(LAB).screenshot({ path: `test-results/virtio-lab-${path.startsWith('/zh-cn/') ? 'zh' : 'en'}-${theme}-${width}.png` });
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
