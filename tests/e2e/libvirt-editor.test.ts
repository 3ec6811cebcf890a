import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, seriousAccessibilityViolations } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the KVM chapter (or its Chinese twin) and waits until the libvirt editor has hydrated. */
async function openEditor(options: { theme?: 'light' | 'dark'; width?: number; zh?: boolean } = {}) {
  const opened = await openPage(browser, `${options.zh ? '/zh-cn' : ''}/kvm-bridge/`, options);
  await opened.page.locator('.libvirt-editor').scrollIntoViewIfNeeded();
  await opened.page.waitForSelector('astro-island:not([ssr]) .libvirt-editor');
  return opened;
}

const findingsText = (page: Page) => page.locator('.libvirt-editor__findings').innerText();
const generatedXml = (page: Page, label: string) => page.getByLabel(label, { exact: true }).innerText();

/** Breaks the XML from the keyboard: line 2 is `  <name>vm1</name>`; its last `>` goes. */
async function breakSecondLine(page: Page, editorLabel: string) {
  await page.getByLabel(editorLabel).focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
}

describe('libvirt editor', () => {
  test('keyboard only: choices change the XML, a broken edit shows its finding at line:column, and the finding leads there', async () => {
    const { page, errors } = await openEditor({ width: 390 });
    expect(await findingsText(page)).toContain('No findings');
    await page.getByLabel('Name', { exact: true }).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('web1');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('4096');
    await expect.poll(() => generatedXml(page, 'Generated domain XML')).toContain('<memory>4194304</memory>');
    expect(await generatedXml(page, 'Generated domain XML')).toContain('<name>web1</name>');
    expect(await generatedXml(page, 'virt-install command')).toContain('--name web1');

    // A choice Linux would refuse is said next to its field, and the XML waits for it.
    await page.getByLabel('Host bridge', { exact: true }).focus();
    await page.keyboard.type('-with-a-very-long-name');
    await expect.poll(() => page.locator('#lv-bridge-problem').innerText()).toContain('is not a Linux interface name');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('br0');

    await breakSecondLine(page, 'Domain XML to check');
    await expect.poll(() => findingsText(page)).toContain('3:3');
    expect(await findingsText(page)).toContain('not well-formed XML: </name is not closed with ">"');
    const where = page.getByRole('button', { name: '3:3, go to line 3, column 3' });
    await where.focus();
    await page.keyboard.press('Enter');
    const caret = await page.getByLabel('Domain XML to check').evaluate((area: HTMLTextAreaElement) => {
      const before = area.value.slice(0, area.selectionStart).split('\n');
      return { focused: document.activeElement === area, line: before.length, column: before.at(-1)!.length + 1 };
    });
    expect(caret).toEqual({ focused: true, line: 3, column: 3 });
    expect(errors).toEqual([]);
  });

  test("the chapter's mistakes: a bridge the host lacks and an emulated NIC; the generated XML replaces the text, and Undo brings it back", async () => {
    const { page } = await openEditor();
    const editor = page.getByLabel('Domain XML to check');
    await editor.fill((await editor.inputValue()).replace('bridge="br0"', 'bridge="br1"').replace('<model type="virtio"/>\n    </interface>', '<model type="e1000"/>\n    </interface>'));
    await expect.poll(() => findingsText(page)).toContain('the bridge "br1" is not one the host\'s ifcfg files make (br0)');
    expect(await findingsText(page)).toContain('the NIC model e1000 is an emulated card');
    await page.getByRole('button', { name: 'Put the generated XML here' }).click();
    await expect.poll(() => findingsText(page)).toContain('No findings');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => editor.inputValue()).toContain('bridge="br1"');
  });

  test('what the reader typed survives a reload', async () => {
    const { page } = await openEditor();
    await page.getByLabel('Name', { exact: true }).fill('kept1');
    await breakSecondLine(page, 'Domain XML to check');
    await expect.poll(() => findingsText(page)).toContain('3:3');
    await page.reload();
    await page.locator('.libvirt-editor').scrollIntoViewIfNeeded();
    await page.waitForSelector('astro-island:not([ssr]) .libvirt-editor');
    await expect.poll(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe('kept1');
    await expect.poll(() => findingsText(page)).toContain('3:3');
  });

  test('中文版：表单、检查结果和跳转按钮都是中文，出错位置同样是行:列', async () => {
    const { page, errors } = await openEditor({ zh: true, width: 390, theme: 'dark' });
    expect(await findingsText(page)).toContain('没有发现问题');
    await breakSecondLine(page, '要检查的域 XML');
    await expect.poll(() => findingsText(page)).toContain('3:3');
    const text = await findingsText(page);
    expect(text).toContain('XML 格式不正确：</name 缺少结尾的“>”');
    expect(text).not.toMatch(/not well-formed|error|warning/);
    await page.getByRole('button', { name: '3:3，跳转到第 3 行第 3 列' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lv-xml');
    expect(errors).toEqual([]);
  });

  test("the bridge editor's libvirt tab shows the guest's <interface> for the bridge being edited", async () => {
    const { page, errors } = await openPage(browser, '/kvm-bridge/');
    await page.locator('.bridge-editor').scrollIntoViewIfNeeded();
    await page.waitForSelector('astro-island:not([ssr]) .bridge-editor .cm-content');
    await page.getByRole('tab', { name: 'ip commands' }).focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.getByRole('tab', { name: 'libvirt <interface>' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('.bridge-editor [role=tabpanel]').innerText()).toBe('<interface type="bridge">\n  <source bridge="br0"/>\n  <model type="virtio"/>\n</interface>');
    await page.getByLabel('Bridge (DEVICE of ifcfg-br0)').fill('br1');
    await expect.poll(() => page.locator('.bridge-editor [role=tabpanel]').innerText()).toContain('<source bridge="br1"/>');
    expect(errors).toEqual([]);
  });

  for (const [theme, width, zh] of [['dark', 390, false], ['light', 1280, true]] as const) {
    test(`axe finds nothing serious (${zh ? 'zh-CN' : 'en'}, ${theme}, ${width} px), with findings on show and no sideways scrolling`, async () => {
      const { page } = await openEditor({ theme, width, zh });
      await breakSecondLine(page, zh ? '要检查的域 XML' : 'Domain XML to check');
      await expect.poll(() => findingsText(page)).toContain('3:3');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      const box = await page.locator('.libvirt-editor').boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    });
  }
});
