import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { labInThisFile, seriousAccessibilityViolations } from './browser.ts';

const LAB = '.hov-vmm';

const { openLab } = labInThisFile(LAB);

const text = (page: Page, testId: string) => page.locator(`[data-testid=${testId}]`).innerText();
const currentLine = (page: Page, pane: string) => page.locator(`[data-testid=${pane}] [data-current="true"]`).innerText();

/** From the guest editor, Tab to the Step button (past the "restore the example" button). */
async function tabToStep(page: Page, stepName: string) {
  await page.locator(`${LAB} textarea`).focus();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent)) === stepName) return;
  }
  throw new Error(`Tab never reached ${stepName}`);
}

const editions = [
  { path: '/kvm-bridge/', step: 'Step', halted: 'the guest executed HLT', theme: 'light' as const, width: 1280 },
  { path: '/zh-cn/kvm-bridge/', step: '单步', halted: '客户机执行了 HLT', theme: 'dark' as const, width: 390 },
];

describe('the VMM loop lab in the KVM chapter', () => {
  for (const edition of editions) {
    test(`${edition.path}: keyboard only, step to the first I/O exit and its serial byte, then on to HLT; axe clean`, async () => {
      const { page, errors } = await openLab(edition.path, { theme: edition.theme, width: edition.width });
      await page.evaluate(() => window.localStorage.removeItem('hov:vmm-loop-lab:guest-source'));
      await tabToStep(page, edition.step);
      // Set-up steps first: no exit, nothing on the serial port.
      let presses = 0;
      while (!(await text(page, 'vmm-serial')).startsWith('4') && presses < 40) {
        await page.keyboard.press('Enter');
        presses++;
      }
      expect(await text(page, 'vmm-serial')).toBe('4');
      expect(await text(page, 'vmm-exit')).toMatch(/KVM_EXIT_IO[\s\S]*io\.port\s+0x3f8[\s\S]*data\s+0x34/);
      expect(await currentLine(page, 'vmm-ts')).toContain("serial.push(data[0]!); yield 'serial-out';");
      expect(await currentLine(page, 'vmm-c')).toContain('[serial-out]');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      while (!(await text(page, 'vmm-status')).includes(edition.halted) && presses < 80) {
        await page.keyboard.press('Enter');
        presses++;
      }
      expect(await text(page, 'vmm-status')).toContain(edition.halted);
      expect(await text(page, 'vmm-exit')).toContain('5 (KVM_EXIT_HLT)');
      expect((await text(page, 'vmm-serial')).trimEnd()).toBe('4\\n'); // the newline is shown as \n
      expect(await currentLine(page, 'vmm-ts')).toContain("yield 'hlt'");
      expect(await currentLine(page, 'vmm-c')).toContain('[hlt]');
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(pageWidth).toBeLessThanOrEqual(edition.width);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  test('a mistake in the guest shows line:column and keeps what was typed, also after a reload', async () => {
    const { page, errors } = await openLab('/kvm-bridge/');
    await page.evaluate(() => window.localStorage.removeItem('hov:vmm-loop-lab:guest-source'));
    const editor = page.locator(`${LAB} textarea`);
    await editor.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('OUT 0x3f8, r9');
    const typed = await editor.inputValue();
    await tabToStep(page, 'Step');
    await page.keyboard.press('Enter');
    const lineCount = typed.split('\n').length;
    expect(await text(page, 'vmm-errors')).toContain(`line ${lineCount}:12: expected a register r0..r3, found "r9"`);
    expect(await editor.inputValue()).toBe(typed);
    await page.reload();
    await page.locator(LAB).scrollIntoViewIfNeeded();
    await page.waitForSelector(`astro-island:not([ssr]) ${LAB}[data-ready="true"]`);
    expect(await page.locator(`${LAB} textarea`).inputValue()).toBe(typed);
    await page.evaluate(() => window.localStorage.removeItem('hov:vmm-loop-lab:guest-source'));
    expect(errors).toEqual([]);
  });
});

describe('the VMM loop lab on its embed page', () => {
  test('/zh-cn/embed/vmm-loop/: the lab alone steps, in Chinese, axe clean', async () => {
    const { page, errors } = await openLab('/zh-cn/embed/vmm-loop/', { width: 390 });
    await tabToStep(page, '单步');
    await page.keyboard.press('Enter');
    expect(await text(page, 'vmm-status')).toContain('已走 1 步');
    expect(await currentLine(page, 'vmm-ts')).toContain("yield 'open'");
    expect(await currentLine(page, 'vmm-c')).toContain('[open]');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
