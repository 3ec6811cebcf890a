// The live migration lab of chapter 5 in Chromium, driven by the keyboard alone: power on two
// emulators, migrate the counting VM from host A to host B, count dirty pages under a memory writer
// and watch pre-copy converge or not as the link changes. Both editions, 390 px, axe.
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { browserForThisFile, openPage, seriousAccessibilityViolations } from './browser.ts';

const LAB = '.hov-mig';
const browser = browserForThisFile();

/** Presses Tab (Shift+Tab with `backwards`) until `target` has the focus. */
async function tabTo(page: Page, target: Locator, backwards = false): Promise<void> {
  const handle = await target.elementHandle();
  for (let i = 0; i < 400; i++) {
    if (await page.evaluate((element) => document.activeElement === element, handle)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error('the keyboard never reached the element');
}

async function openLab(path: string, theme: 'light' | 'dark') {
  const opened = await openPage(browser(), path, { theme, width: 390, height: 844 });
  await opened.page.locator(LAB).scrollIntoViewIfNeeded();
  await opened.page.waitForSelector(`astro-island:not([ssr]) ${LAB}`);
  return opened;
}

const logCounts = (page: Page, host: 'A' | 'B') =>
  page.locator(`${LAB} [data-host-log="${host}"]`).evaluate((pre) =>
    (pre.textContent ?? '').split('\n').map((line) => Number(line.trim().split(/\s+/)[0])).filter((n) => n > 0),
  );

async function powerOnAndMigrate(page: Page, names: { powerOn: string; migrate: string }) {
  await tabTo(page, page.getByRole('button', { name: names.powerOn }));
  await page.keyboard.press('Enter');
  await page.waitForFunction((lab) => (document.querySelector(`${lab} [data-host-log="A"]`)?.textContent ?? '').trim().split('\n').length >= 3, LAB, { timeout: 180_000 });
  const migrate = page.getByRole('button', { name: names.migrate });
  await migrate.waitFor();
  await page.waitForFunction((lab) => !(document.querySelector(`${lab} .hov-mig-primary`) as HTMLButtonElement).disabled, LAB);
  await tabTo(page, migrate, true);
  await page.keyboard.press('Enter');
  await page.waitForFunction((lab) => (document.querySelector(`${lab} [data-host-log="B"]`)?.textContent ?? '').trim().split('\n').length >= 2, LAB, { timeout: 120_000 });
  const before = await logCounts(page, 'A');
  const after = await logCounts(page, 'B');
  // The count carries on in B from the number after A's last: no reset, nothing lost.
  expect(after[0]).toBe(before.at(-1)! + 1);
  // Once B's log has scrolled past the lines it shows, the figures still name the first line after the migration.
  await page.waitForFunction((lab) => Number((document.querySelector(`${lab} [data-host-log="B"]`)?.textContent ?? '').trim().split('\n')[0]?.trim().split(/\s+/)[0]) > 0 &&
    Number((document.querySelector(`${lab} [data-host-log="B"]`)?.textContent ?? '').trim().split('\n')[0]?.trim().split(/\s+/)[0]) > Number((document.querySelector(`${lab} [data-host-log="A"]`)?.textContent ?? '').trim().split('\n').at(-1)?.trim().split(/\s+/)[0]) + 1, LAB, { timeout: 120_000 });
  const gap = (await page.locator(`${LAB} [data-figure="gap"]`).textContent()) ?? '';
  const named = gap.match(/\d+/g)!.map(Number).slice(-2);
  expect(named).toEqual([before.at(-1)!, before.at(-1)! + 1]);
}

describe('the live migration lab', () => {
  test('English: a real stop-and-copy keeps the counter going; pre-copy converges or not with the link', async () => {
    const { page, context, errors } = await openLab('/memory-and-devices/', 'dark');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await powerOnAndMigrate(page, { powerOn: 'Power on host A', migrate: 'Migrate to host B' });
    const figures = page.getByTestId('migration-figures');
    await expect(figures.locator('[data-figure="state"]').textContent()).resolves.toMatch(/^\d+\.\d MB$/);
    await expect(figures.locator('[data-figure="downtime"]').textContent()).resolves.toMatch(/^\d+ ms/);
    await page.waitForFunction((lab) => /first on the new one/.test(document.querySelector(`${lab} [data-figure="gap"]`)?.textContent ?? ''), LAB);
    // The counter carried on across the migration: the lab's step is verified in the reader's progress.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('hov:progress:record') ?? '')).toContain('Live migration: the counter carried on on the other host');
    await expect(page.getByTestId('memory-use').textContent()).resolves.toMatch(/2 emulators × \d+ MiB/);
    // Host A now waits, empty, for the VM to come back; the button offers the way back.
    await expect(page.locator(`${LAB} [data-host-status="A"]`).textContent()).resolves.toContain('waiting for a migration');
    await page.getByRole('button', { name: 'Migrate to host A' }).waitFor();

    // The writer at 2,560 pages/s, chosen with the arrow keys.
    await tabTo(page, page.getByRole('radio', { name: /Idle/ }));
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: /2560 pages\/s/ }).isChecked()).resolves.toBe(true);
    await tabTo(page, page.getByRole('button', { name: 'Count dirty pages' }));
    await page.keyboard.press('Enter');
    const model = page.getByTestId('pre-copy-model');
    await model.waitFor({ timeout: 120_000 });
    await expect(page.locator(`${LAB} [data-testid="dirty-intervals"] tbody tr`).count()).resolves.toBe(8);
    const dirtied = await page.locator(`${LAB} [data-testid="dirty-intervals"] tbody td:nth-child(3)`).allTextContents();
    expect(dirtied.map(Number).some((n) => n > 100)).toBe(true);
    // The writer rewrites 256 pages a tick: more distinct pages than the idle guest's hot set (under 200).
    await expect(page.locator(`${LAB} [data-distinct]`).getAttribute('data-distinct').then(Number)).resolves.toBeGreaterThan(300);
    await page.getByTestId('measured-point').waitFor();

    // A fast link converges; a link slower than the measured dirty rate does not.
    const bandwidth = page.getByRole('spinbutton', { name: 'Link bandwidth (MiB/s)' });
    await tabTo(page, bandwidth);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1000');
    await expect(page.locator(`${LAB} .hov-mig-ending`).getAttribute('data-ending')).resolves.toBe('converged');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0.2');
    await expect(page.locator(`${LAB} .hov-mig-ending`).getAttribute('data-ending')).resolves.not.toBe('converged');
    await expect(page.locator(`${LAB} .hov-mig-ending`).textContent()).resolves.toMatch(/^never converged/);
    // Out of range: said next to the field, and the model keeps the last good value.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0');
    await expect(bandwidth.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator(`${LAB} .hov-mig-error`).first().textContent()).resolves.toContain('uses 0.2 until then');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await tabTo(page, page.getByRole('button', { name: 'Power off both hosts' }), true);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Power on host A' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000); // two emulators boot, migrate and count dirty pages: 105 s alone on a loaded machine

  test('简体中文: the same migration, worded in Chinese', async () => {
    const { page, context, errors } = await openLab('/zh-cn/memory-and-devices/', 'light');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await powerOnAndMigrate(page, { powerOn: '启动主机 A', migrate: '迁移到主机 B' });
    await page.waitForFunction((lab) => /新主机上第一个/.test(document.querySelector(`${lab} [data-figure="gap"]`)?.textContent ?? ''), LAB);
    await expect(page.locator(`${LAB} [data-host-status="A"]`).textContent()).resolves.toContain('等待迁移');
    await expect(page.locator(LAB).textContent()).resolves.toContain('请先统计脏页');
    await expect(page.getByTestId('memory-use').textContent()).resolves.toMatch(/2 个模拟器 × 每个 \d+ MiB/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
