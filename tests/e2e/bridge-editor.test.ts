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

/** Opens chapter 7 (or its Chinese twin) and waits until the editor has hydrated and CodeMirror is up. */
async function openEditor(options: { theme?: 'light' | 'dark'; width?: number; hash?: string; zh?: boolean } = {}) {
  const opened = await openPage(browser, `${options.zh ? '/zh-cn' : ''}/kvm-bridge/${options.hash ?? ''}`, options);
  const { page } = opened;
  await page.locator('.bridge-editor').scrollIntoViewIfNeeded();
  await page.waitForSelector('astro-island:not([ssr]) .bridge-editor');
  await page.waitForSelector('.bridge-editor .cm-content');
  return opened;
}

const fileText = (page: Page, index: number) => page.locator('.bridge-editor .cm-content').nth(index).innerText();
const findingsText = (page: Page) => page.locator('.bridge-editor__findings').innerText();

describe('bridge editor', () => {
  test('the canonical pair has no findings and translates to ip commands', async () => {
    const { page, errors } = await openEditor();
    expect(await findingsText(page)).toContain('No findings');
    expect(await page.getByRole('tabpanel').innerText()).toContain('ip link set dev eth0 master br0');
    await page.getByRole('tab', { name: 'nmcli' }).click();
    expect(await page.getByRole('tabpanel').innerText()).toContain('nmcli con add type bridge');
    expect(errors).toEqual([]);
  });

  test('editing the form changes the text, and a finding appears', async () => {
    const { page, errors } = await openEditor();
    await page.getByLabel('Gateway (GATEWAY)').fill('10.0.0.1');
    await expect.poll(() => fileText(page, 0)).toContain('GATEWAY=10.0.0.1');
    await expect.poll(() => findingsText(page)).toContain('[gateway-outside-subnet] GATEWAY=10.0.0.1');
    await expect.poll(() => page.locator('.bridge-editor .cm-lint-marker-error').count()).toBeGreaterThan(0);
    await page.getByLabel('Gateway (GATEWAY)').fill('192.168.1.1');
    await expect.poll(() => findingsText(page)).toContain('No findings');
    expect(errors).toEqual([]);
  });

  test('editing the text changes the form', async () => {
    const { page } = await openEditor();
    const content = page.locator('.bridge-editor .cm-content').first();
    await content.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('IPADDR=192.168.7.7\n');
    await expect.poll(() => page.getByLabel('IP address (IPADDR)').inputValue()).toBe('192.168.7.7');
    await expect.poll(() => findingsText(page)).toContain('[duplicate-key]');
  });

  test('a mistake button trips its rule, with both tools explained', async () => {
    const { page } = await openEditor();
    await page.getByRole('button', { name: 'TYPE=bridge' }).click();
    const text = await findingsText(page);
    expect(text).toContain('[type-case] TYPE=bridge');
    expect(text).toContain('Device br0 does not seem to be present');
    expect(text).toContain('accepts it (compares case-insensitively)');
  });

  test('edits persist in localStorage and a share link restores them without running markup', async () => {
    const { page, context } = await openEditor();
    await page.getByLabel('IP address (IPADDR)').fill('192.168.1.77');
    await page.reload();
    await page.waitForSelector('astro-island:not([ssr]) .bridge-editor .cm-content');
    await expect.poll(() => page.getByLabel('IP address (IPADDR)').inputValue()).toBe('192.168.1.77');

    // A hostile link: markup in a file's text must show as text, and a bad file name is refused.
    const hostile = [['ifcfg-br0', 'DEVICE=br0\nTYPE=Bridge\nNAME="<img src=x onerror=window.__pwned=1>"\n'], ['ifcfg-eth0', 'DEVICE=eth0\nBRIDGE=br0\n']];
    const hash = '#bridge=' + Buffer.from(JSON.stringify(hostile)).toString('base64url');
    const other = await context.newPage();
    const base = page.url().replace(/#.*$/, '');
    await other.goto(base + hash);
    await other.locator('.bridge-editor').scrollIntoViewIfNeeded();
    await other.waitForSelector('astro-island:not([ssr]) .bridge-editor .cm-content');
    await expect.poll(() => fileText(other, 0)).toContain('<img src=x onerror=window.__pwned=1>');
    expect(await other.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await other.locator('.bridge-editor img').count()).toBe(0);

    const badName = [['../../etc/passwd', 'x'], ['ifcfg-eth0', 'y']];
    await other.goto('about:blank');
    await other.goto(base + '#bridge=' + Buffer.from(JSON.stringify(badName)).toString('base64url'));
    await other.locator('.bridge-editor').scrollIntoViewIfNeeded();
    await other.waitForSelector('astro-island:not([ssr]) .bridge-editor .cm-content');
    await expect.poll(() => other.locator('.bridge-editor__status').innerText()).toContain('could not be read');
  });

  test('hovering a key explains it', async () => {
    const { page } = await openEditor();
    const typeKey = page.locator('.bridge-editor .cm-line', { hasText: /^TYPE=Bridge$/ }).locator('span').first();
    await typeKey.hover();
    const tip = page.locator('.bridge-editor__hover');
    await expect.poll(() => tip.count()).toBe(1);
    expect(await tip.innerText()).toContain('Only the exact word Bridge makes initscripts create a bridge');
  });

  test('keyboard: the translation tabs move with the arrow keys', async () => {
    const { page } = await openEditor();
    await page.getByRole('tab', { name: 'ip commands' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: 'brctl (EL7)' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('tabpanel').innerText()).toContain('brctl addif br0 eth0');
  });

  for (const [theme, width] of [['light', 1280], ['dark', 390]] as const) {
    test(`no serious accessibility violations (${theme}, ${width}px)`, async () => {
      const { page, errors } = await openEditor({ theme, width });
      await page.getByRole('button', { name: 'NAME=My Bridge' }).click();
      // This lab only: the chapter's Markdown tables are checked elsewhere.
      const others = ['.expressive-code', '.sl-markdown-content table'];
      expect(await seriousAccessibilityViolations(page, { exclude: others })).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});

/**
 * Holds back the page's scripts that `hold` picks (by URL and body) until `release` is called, so a
 * test can act in the moment between a script being asked for and it arriving.
 */
async function holdScripts(page: Page, hold: (url: string, body: string) => boolean): Promise<{ release: () => void; held: () => number }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let count = 0;
  await page.route('**/_astro/*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (hold(route.request().url(), body)) {
      count++;
      await released;
    }
    await route.fulfill({ response, body });
  });
  return { release, held: () => count };
}

const focusIsInEditor = (page: Page, index: number) =>
  page.evaluate((i) => document.querySelectorAll('.bridge-editor .cm-editor')[i]?.contains(document.activeElement) ?? false, index);

describe('bridge editor: nothing typed is lost', () => {
  test('typing into a file while CodeMirror loads: the swap keeps the focus, the caret and every key', async () => {
    const { page, errors } = await openPage(browser, '/kvm-bridge/');
    // CodeMirror's view module (the only script with its scroller class) waits until released.
    const codeMirror = await holdScripts(page, (_url, body) => body.includes('cm-scroller'));
    await page.locator('.bridge-editor').scrollIntoViewIfNeeded();
    await page.waitForSelector('astro-island:not([ssr]) .bridge-editor');
    await expect.poll(() => codeMirror.held()).toBeGreaterThan(0);
    await page.locator('#be-text-0').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('MTU=90');
    codeMirror.release();
    await page.waitForSelector('.bridge-editor .cm-content');
    await expect.poll(() => focusIsInEditor(page, 0)).toBe(true);
    await page.keyboard.type('00\nZONE=trusted\n');
    await expect.poll(() => fileText(page, 0)).toMatch(/MTU=9000\nZONE=trusted\n*$/);
    expect(errors).toEqual([]);
  });

  test('typing into a file before the editor comes alive: the text, the caret and the focus survive, over a saved pair', async () => {
    const { page, errors } = await openPage(browser, '/kvm-bridge/');
    // A pair saved earlier: the port file loads from it, the file the reader types into keeps the typing.
    const saved = [
      { name: 'ifcfg-br0', text: 'DEVICE=br0\nTYPE=Bridge\nBOOTPROTO=dhcp\n' },
      { name: 'ifcfg-eth1', text: 'DEVICE=eth1\nBRIDGE=br0\nONBOOT=yes\n' },
    ];
    await page.evaluate((files) => localStorage.setItem('hov:bridge-editor:files', JSON.stringify(files)), saved);
    await page.reload();
    const island = await page.locator('astro-island', { has: page.locator('.bridge-editor') }).getAttribute('component-url');
    const hydration = await holdScripts(page, (url) => url.endsWith(island!));
    await page.locator('.bridge-editor').scrollIntoViewIfNeeded();
    await expect.poll(() => hydration.held()).toBe(1);
    await page.locator('#be-text-0').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('MTU=90');
    hydration.release();
    await page.waitForSelector('astro-island:not([ssr]) .bridge-editor .cm-content');
    await expect.poll(() => focusIsInEditor(page, 0)).toBe(true);
    await page.keyboard.type('00\n');
    await expect.poll(() => fileText(page, 0)).toMatch(/IPADDR=192\.168\.1\.10[\s\S]*MTU=9000\n*$/);
    expect(await fileText(page, 1)).toContain('DEVICE=eth1');
    expect(errors).toEqual([]);
  });

  test('a file over 16,000 characters and the other file both come back after a reload', async () => {
    const { page } = await openEditor();
    await page.getByLabel('IP address (IPADDR)').fill('192.168.1.77');
    await page.locator('.bridge-editor .cm-content').nth(1).click();
    await page.keyboard.press('Control+Home');
    const notes = Array.from({ length: 700 }, (_, i) => `# note ${i}: this port carries the guests' traffic`).join('\n');
    expect(notes.length).toBeGreaterThan(16_000);
    // Pasted, as a reader brings in a long file: CodeMirror takes the clipboard's text in one change. (Typing it
    // through the browser's own contenteditable editing, keyboard.insertText, takes Chromium over a minute.)
    await page.locator('.bridge-editor .cm-content').nth(1).evaluate((editor, text) => {
      const clipboard = new DataTransfer();
      clipboard.setData('text/plain', text);
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
    }, `# first line of a long file\n${notes}\n`);
    await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('hov:bridge-editor:files') ?? '[]')[1]?.text.length ?? 0)).toBeGreaterThan(16_000);
    await page.reload();
    await page.locator('.bridge-editor').scrollIntoViewIfNeeded();
    await page.waitForSelector('astro-island:not([ssr]) .bridge-editor .cm-content');
    await expect.poll(() => page.getByLabel('IP address (IPADDR)').inputValue()).toBe('192.168.1.77');
    await expect.poll(() => fileText(page, 1)).toContain('# first line of a long file');
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('hov:bridge-editor:files') ?? '[]')[1]?.text.length ?? 0)).toBeGreaterThan(16_000);
  });

  for (const zh of [false, true]) {
    test(`a file too long for a share link is named, and no cut-down link is made (${zh ? '简体中文' : 'English'})`, async () => {
      const { page } = await openEditor({ zh });
      const files = [{ name: 'ifcfg-br0', text: 'DEVICE=br0\nTYPE=Bridge\n' }, { name: 'ifcfg-eth0', text: `DEVICE=eth0\nBRIDGE=br0\n${'#'.repeat(100_001)}\n` }];
      await page.evaluate((saved) => localStorage.setItem('hov:bridge-editor:files', JSON.stringify(saved)), files);
      await page.reload();
      await page.locator('.bridge-editor').scrollIntoViewIfNeeded();
      await page.waitForSelector('astro-island:not([ssr]) .bridge-editor .cm-content');
      await page.getByRole('button', { name: zh ? '复制分享链接' : 'Copy share link' }).click();
      await expect.poll(() => page.locator('.bridge-editor__status').innerText()).toContain(zh ? 'ifcfg-eth0 超过 10 万个字符' : 'ifcfg-eth0 is longer than 100,000 characters');
      expect(new URL(page.url()).hash).toBe('');
    });

    test(`a browser that refuses to save says so (${zh ? '简体中文' : 'English'})`, async () => {
      const { page } = await openEditor({ zh });
      await page.evaluate(() => {
        Storage.prototype.setItem = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      });
      await page.locator('.bridge-editor .cm-content').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('MTU=9000\n');
      await expect.poll(() => page.locator('.bridge-editor__status').innerText()).toContain(zh ? '不允许编辑器保存你的文件' : 'did not let the editor save your files');
      expect(await fileText(page, 0)).toContain('MTU=9000');
    });
  }
});

describe('bridge editor in Chinese (/zh-cn/kvm-bridge/)', () => {
  test('a broken line typed into a file gives a Chinese finding with its line and column', async () => {
    const { page, errors } = await openEditor({ zh: true });
    const content = page.locator('.bridge-editor .cm-content').first();
    await content.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('A=1;;');
    const finding = page.locator('.bridge-editor__finding', { hasText: '[shell-syntax]' });
    await expect.poll(() => finding.count()).toBe(1);
    const text = await finding.innerText();
    expect(text).toContain('ifcfg-br0:15:4');
    expect(text).toContain("A：bash 不能把这一行当作普通赋值来执行：“syntax error near unexpected token `;;'”（语法错误：这里不该出现“;;”）");
    expect(text).toContain("bash 输出“syntax error near unexpected token `;;'”后停止读取：第 15 行之后的内容都不会生效");
    expect(text).toContain('这个值引号有误（“;”之后只能是空白或 #注释）；A 视为没有设置');
    // bash's own words are marked as English inside the Chinese sentence.
    expect(await finding.locator('span[lang="en"]').first().innerText()).toBe("syntax error near unexpected token `;;'");
    expect(await finding.getByRole('button').getAttribute('aria-label')).toBe('ifcfg-br0:15:4，跳到这一行');
    expect(errors).toEqual([]);
  });

  test('a mistake from the form and a mistake button are explained in Chinese', async () => {
    const { page } = await openEditor({ zh: true });
    await page.getByLabel('网关（GATEWAY）').fill('10.0.0.1');
    await expect.poll(() => findingsText(page)).toContain('[gateway-outside-subnet] GATEWAY=10.0.0.1 不在 192.168.1.10/24 之内；网关必须在同一个子网里');
    await page.getByLabel('网关（GATEWAY）').fill('192.168.1.1');
    await page.getByRole('button', { name: 'TYPE=bridge', exact: true }).click();
    const text = await findingsText(page);
    expect(text).toContain('[type-case] TYPE=bridge：initscripts 要求一字不差的 TYPE=Bridge（B 大写，区分大小写）');
    expect(text).toContain('不会创建网桥：br0 被当作普通设备（“Device br0 does not seem to be present, delaying initialization.”）');
    expect(text).toContain('接受它（比较时不区分大小写）');
  });

  test('the Windows line endings button keeps the "\\r" and trips crlf, explained in Chinese', async () => {
    const { page } = await openEditor({ zh: true });
    await page.getByRole('button', { name: 'Windows 换行符' }).click();
    await expect.poll(() => findingsText(page)).toContain('[crlf] 有 14 行以 CRLF（Windows 换行符）结尾；请用 dos2unix 转换这个文件');
  });

  test('hovering a numbered key explains it in Chinese', async () => {
    const { page } = await openEditor({ zh: true });
    const content = page.locator('.bridge-editor .cm-content').first();
    await content.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('IPADDR1=192.168.1.11\n');
    const key = page.locator('.bridge-editor .cm-line', { hasText: /^IPADDR1=/ }).locator('span').first();
    await key.hover();
    const tip = page.locator('.bridge-editor__hover');
    await expect.poll(() => tip.count()).toBe(1);
    expect(await tip.innerText()).toContain('静态 IPv4 地址');
  });

  for (const [theme, width] of [['light', 1280], ['dark', 390]] as const) {
    test(`Chinese findings: no serious accessibility violations (${theme}, ${width}px)`, async () => {
      const { page, errors } = await openEditor({ theme, width, zh: true });
      await page.getByRole('button', { name: 'NAME=My Bridge' }).click();
      await expect.poll(() => findingsText(page)).toContain('[unquoted-space]');
      const others = ['.expressive-code', '.sl-markdown-content table'];
      expect(await seriousAccessibilityViolations(page, { exclude: others })).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});

describe('bridge editor: apply in the lab VM', () => {
  test('a lab VM that cannot start says why in the page’s edition (简体中文)', async () => {
    const { page } = await openEditor({ zh: true });
    await page.route('**/guest/manifest.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    const apply = page.getByRole('button', { name: '在实验虚拟机中应用' });
    await expect.poll(() => apply.isEnabled()).toBe(true);
    await apply.click();
    const notBuilt = '本站上没有实验虚拟机的文件。请用 `npm run guest` 构建（大约两分钟），然后重新加载页面。';
    await expect.poll(() => page.locator('.bridge-editor__hint').innerText(), { timeout: 30_000 }).toBe(`实验虚拟机没有启动：${notBuilt}`);
    await expect.poll(async () => (await page.locator('.bridge-editor__vm-output').innerText()).trim(), { timeout: 30_000 }).toBe(notBuilt);
  });


  // The page's own lab VM (v86 in Chromium, restored from the published snapshot): Apply powers it
  // on, copies the files over 9p, runs ifup-lab in the guest and shows what the guest has.
  test('apply the files: br0 exists, eth0 is its port, the address is on br0', async () => {
    const { page, errors } = await openEditor();
    const apply = page.getByRole('button', { name: 'Apply in the lab VM' });
    await expect.poll(() => apply.isEnabled()).toBe(true);
    await apply.click();
    const output = page.locator('.bridge-editor__vm-output');
    await expect.poll(() => output.count(), { timeout: 180_000, interval: 1000 }).toBe(1);
    await expect.poll(() => output.innerText(), { timeout: 120_000, interval: 1000 }).toContain('# ip addr show br0');
    await expect.poll(() => output.innerText(), { timeout: 60_000, interval: 1000 }).toContain('inet 192.168.1.10/24');
    const text = await output.innerText();
    expect(text).toContain('ifup-lab: eth0 is now a port of br0');
    expect(text).toMatch(/br0\s+\S+\s+no\s+eth0/);
    // The terminal on the page is the same machine.
    expect(await page.locator('.bridge-editor__hint').innerText()).toContain('running');
    // The terminal island's stylesheet is not this lab's to check (see components/vm).
    expect(errors.filter((e) => !/xterm[^ ]*\.css/.test(e))).toEqual([]);
  }, 400_000);
});
