/**
 * Chapter 7's kvm_intel check in Chromium: before anything it says what is missing; after the
 * reader types `modprobe kvm_intel` by hand in the page's terminal it shows ✓ and the step is in the
 * reader's progress (Chinese edition); after the step's own Run button it passes too (English).
 * The /dev/kvm step leaves nothing in the VM: its check reads the terminal, and `ls` typed by hand passes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, seriousAccessibilityViolations } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function kvmCheck(page: Page) {
  const box = page.locator('.labcheck-box').filter({ hasText: 'kvm_intel' });
  await box.scrollIntoViewIfNeeded();
  await box.locator('astro-island:not([ssr]) .labcheck').waitFor({ timeout: 20_000 });
  return box;
}

describe('the kvm_intel check', () => {
  it('/zh-cn/kvm-bridge/: what is missing, then ✓ after modprobe typed by hand; recorded in progress; axe clean', async () => {
    const { page, errors } = await openPage(browser, '/zh-cn/kvm-bridge/');
    const terminal = page.locator('.labvm');
    await terminal.scrollIntoViewIfNeeded();
    await page.locator('astro-island:not([ssr]) .labvm').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: '开机' }).click();
    const screen = () => page.locator('.labvm .xterm-rows').innerText().catch(() => '');
    await expect.poll(async () => (await screen()).trimEnd().endsWith('#'), { timeout: 150_000 }).toBe(true);

    const check = await kvmCheck(page);
    await check.getByRole('button', { name: /^检查：/ }).click();
    await expect.poll(() => check.locator('.runinvm-miss').textContent().catch(() => ''), { timeout: 60_000 }).toContain('✗ 还没有完成。还缺：');
    expect(await check.locator('.labcheck-missing li').allTextContents()).toEqual([
      '内核日志里还没有 kvm_intel 的回应：还没有人让内核加载它（modprobe kvm_intel）',
      '模块 kvm 没有加载（modprobe 会把它作为 kvm_intel 的依赖一起加载）',
    ]);

    await terminal.scrollIntoViewIfNeeded();
    await page.locator('.labvm .xterm-helper-textarea').focus();
    await page.keyboard.type('modprobe kvm_intel\n');
    await expect.poll(screen, { timeout: 60_000 }).toMatch(/Operation not supported[\s\S]*#\s*$/);

    await check.scrollIntoViewIfNeeded();
    await check.getByRole('button', { name: /^检查：/ }).click();
    await expect.poll(() => check.locator('.runinvm-ok').textContent().catch(() => ''), { timeout: 60_000 }).toBe('✓ 完成：实验虚拟机里已经是这样了。');
    expect(await page.evaluate(() => localStorage.getItem('hov:progress:record') ?? '')).toContain('为 Intel CPU 加载 KVM 模块');

    // Looking for /dev/kvm leaves nothing behind: its check reads what the terminal showed.
    const device = page.locator('.labcheck-box').filter({ hasText: '终端' }).filter({ has: page.getByRole('button', { name: /没有 \/dev\/kvm/ }) });
    await device.scrollIntoViewIfNeeded();
    await device.locator('astro-island:not([ssr]) .terminalcheck').waitFor({ timeout: 20_000 });
    await device.getByRole('button', { name: /^检查终端里的输出：/ }).click();
    await expect.poll(() => device.locator('.runinvm-miss').textContent().catch(() => ''), { timeout: 30_000 }).toContain('✗ 还没有完成。还缺：');
    await terminal.scrollIntoViewIfNeeded();
    await page.locator('.labvm .xterm-helper-textarea').focus();
    await page.keyboard.type('ls -l /dev/kvm\n');
    await expect.poll(screen, { timeout: 60_000 }).toMatch(/No such file[\s\S]*#\s*$/);
    await device.scrollIntoViewIfNeeded();
    await device.getByRole('button', { name: /^检查终端里的输出：/ }).click();
    await expect.poll(() => device.locator('.runinvm-ok').textContent().catch(() => ''), { timeout: 30_000 }).toBe('✓ 完成：实验虚拟机里已经是这样了。');
    expect(await page.evaluate(() => localStorage.getItem('hov:progress:record') ?? '')).toContain('QEMU 要打开的设备');
    expect(await seriousAccessibilityViolations(page, { exclude: ['.xterm'] })).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);

  it('/kvm-bridge/: passes after the step’s own Run button', async () => {
    const { page, errors } = await openPage(browser, '/kvm-bridge/');
    const step = page.locator('figure.runinvm').filter({ hasText: 'Load the KVM module for Intel CPUs' });
    await step.scrollIntoViewIfNeeded();
    await step.locator('astro-island:not([ssr])').waitFor({ timeout: 20_000 });
    await step.getByRole('button', { name: /Run in the lab VM/ }).click();
    await expect.poll(() => step.locator('.runinvm-output').textContent().catch(() => ''), { timeout: 150_000 }).toContain('Operation not supported');
    const check = await kvmCheck(page);
    await check.getByRole('button', { name: /^Check:/ }).click();
    await expect.poll(() => check.locator('.runinvm-ok').textContent().catch(() => ''), { timeout: 60_000 }).toBe('✓ Done: the lab VM shows it.');
    expect(errors).toEqual([]);
  }, 300_000);
});
