import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PASCAL_EXAMPLES } from '../../lib/pascal/index.ts';
import { encodeShareHash } from '../../lib/pcode/index.ts';
import { zh } from '../../components/pcode-lab/messages.ts';
import { baseURL, launchBrowser, openContext, openPage, seriousAccessibilityViolations } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens chapter 2 and waits until the lab has hydrated and CodeMirror has loaded. */
async function openLab(options: { theme?: 'light' | 'dark'; width?: number; hash?: string; chinese?: boolean } = {}) {
  const opened = await openPage(browser, `${options.chinese ? '/zh-cn' : ''}/p-code/${options.hash ?? ''}`, options);
  const { page } = opened;
  await page.locator('.hov-pc').scrollIntoViewIfNeeded();
  await page.waitForSelector('.hov-pc .cm-editor');
  return opened;
}

const lab = (page: Page) => page.locator('.hov-pc');
const register = (page: Page, name: string) => lab(page).locator(`[data-register="${name}"]`);
const statusText = (page: Page) => lab(page).locator('.hov-pc-status').textContent();
const editorText = (page: Page) => page.evaluate(() => Array.from(document.querySelectorAll('.hov-pc .cm-line')).map((l) => l.textContent).join('\n'));

async function loadExample(page: Page, title: string) {
  const example = PASCAL_EXAMPLES.find((e) => e.title === title)!;
  await lab(page).getByLabel('Example').selectOption({ label: title });
  await expect.poll(() => editorText(page)).toBe(example.source);
  // The example is compiled a moment after it lands in the editor: wait for its listing.
  await expect.poll(() => lab(page).locator('.hov-pc-listing-routine').last().textContent()).toContain(example.source.split(/[ (;]/)[1]!);
}

describe('the P-code lab in chapter 2', () => {
  test('compiles, runs, steps and shows the stack', async () => {
    const { page, context, errors } = await openLab();
    await loadExample(page, 'Hello, world');
    await lab(page).getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => lab(page).locator('.hov-pc-output').textContent()).toContain('Hello from the P-machine!');
    await expect.poll(() => statusText(page)).toBe('halted');

    await lab(page).getByRole('button', { name: 'Reset' }).click();
    await expect(register(page, 'steps').textContent()).resolves.toBe('0');
    const startPc = await register(page, 'pc').textContent();
    for (let k = 0; k < 3; k++) await lab(page).getByRole('button', { name: 'Step', exact: true }).click();
    await expect(register(page, 'steps').textContent()).resolves.toBe('3');
    expect(await register(page, 'pc').textContent()).not.toBe(startPc);
    await expect(statusText(page)).resolves.toBe('paused');
    // The main program's frame, with its block mark, and the current instruction marked in the listing.
    await expect(lab(page).locator('.hov-pc-frame').first().textContent()).resolves.toContain('program hello');
    await expect(lab(page).locator('.hov-pc-listing [aria-current="step"]').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('stops at a breakpoint inside a recursive function and draws the links', async () => {
    const { page, context, errors } = await openLab();
    await loadExample(page, 'Factorial (recursion)');
    // The breakpoint goes on fact's ENT, set from the keyboard: focus the listing, Home, Enter.
    const listing = lab(page).getByRole('listbox', { name: 'P-code' });
    await listing.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect(lab(page).locator('.hov-pc-bp.is-on').count()).resolves.toBe(1);
    await lab(page).getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => statusText(page)).toBe('stopped at a breakpoint');
    // Stops: fact(1) for i = 1; fact(2), fact(1) for i = 2; fact(3), then fact(2) called by fact(3).
    for (let k = 0; k < 4; k++) {
      await lab(page).getByRole('button', { name: 'Continue' }).click();
      await expect.poll(() => statusText(page)).toBe('stopped at a breakpoint');
    }
    const titles = await lab(page).locator('.hov-pc-frame-title').allTextContents();
    expect(titles.map((t) => t.split(' BP')[0])).toEqual(['function fact', 'function fact', 'program factorial']);
    await expect(lab(page).locator('path.hov-pc-arrow-sl').count()).resolves.toBe(2);
    await expect(lab(page).locator('path.hov-pc-arrow-dl').count()).resolves.toBe(2);
    await expect(lab(page).locator('.hov-pc-frame').first().textContent()).resolves.toMatch(/n\s*parameter\s*\d+\s*2/);
    // Selecting an instruction links its source line in the editor…
    await lab(page).locator('.hov-pc-listing-row').nth(1).click();
    await expect(page.locator('.hov-pc .cm-line.hov-pc-line-linked').textContent()).resolves.toContain('if n <= 1 then fact := 1');
    // …and putting the cursor on a source line lights up its P-code.
    await page.locator('.hov-pc .cm-line', { hasText: 'writeln(i:2' }).click();
    const linked = await lab(page).locator('.hov-pc-listing-row.is-linked .hov-pc-instr').allTextContents();
    expect(linked).toEqual(expect.arrayContaining(['WRS 0', 'WRI', 'WLN']));
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a runaway loop can be stopped and the page stays responsive', async () => {
    const { page, context, errors } = await openLab();
    await loadExample(page, 'A loop that never ends');
    await lab(page).getByLabel('Speed').selectOption('max');
    await lab(page).getByRole('button', { name: 'Run' }).click();
    await expect.poll(async () => Number((await register(page, 'steps').textContent())!.replace(/,/g, ''))).toBeGreaterThan(1_000_000);
    // The page still answers while the machine runs.
    await expect(page.evaluate(() => document.title)).resolves.toContain('P-code');
    await lab(page).getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => statusText(page)).toBe('paused');
    const stopped = await register(page, 'steps').textContent();
    await page.waitForTimeout(300);
    await expect(register(page, 'steps').textContent()).resolves.toBe(stopped);
    await expect(lab(page).getByRole('button', { name: 'Continue' }).isEnabled()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('shows compile errors inline and a runtime error with its post-mortem', async () => {
    const { page, context, errors } = await openLab();
    await loadExample(page, 'Hello, world');
    await page.locator('.hov-pc .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n{ trailing }');
    // Replace the body with a division by zero.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('program oops;\nvar z: integer;\nbegin\n  z := 0;\n  writeln(10 div z)\nend.');
    await page.waitForTimeout(500);
    await lab(page).getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => statusText(page)).toBe('runtime error');
    const report = await lab(page).locator('.hov-pc-error').textContent();
    expect(report).toMatch(/runtime error at P-code address \d+, source line 5: division by zero/);
    expect(report).toContain('z = 0');
    await page.locator('.hov-pc .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' junk');
    await expect.poll(() => lab(page).locator('.hov-pc-diagnostics').textContent()).toMatch(/6:\d+ text after the final 'end\.'/);
    await expect(page.locator('.hov-pc .cm-lintRange-error').count()).resolves.toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a program saved under the old storage key (hov.pcode-lab.v1) opens, and the JIT lab offers it too', async () => {
    const mine = 'program mine;\nbegin\n  writeln(6 * 7)\nend.';
    const context = await openContext(browser);
    // Saved by an earlier edition of the book, before any page of this one ran.
    await context.addInitScript((source) => {
      if (localStorage.getItem('hov:pcode-lab:program') === null && !sessionStorage.getItem('seeded')) {
        localStorage.setItem('hov.pcode-lab.v1', JSON.stringify({ source, input: '', fromLink: false }));
        sessionStorage.setItem('seeded', 'yes');
      }
    }, mine);
    const page = await context.newPage();
    await page.goto(new URL('/p-code/', baseURL()).href, { waitUntil: 'load' });
    await page.locator('.hov-pc').scrollIntoViewIfNeeded();
    await page.waitForSelector('.hov-pc .cm-editor');
    await expect.poll(() => editorText(page)).toBe(mine);
    // Moved to the new key, not copied: the old one is gone.
    expect(await page.evaluate(() => [localStorage.getItem('hov.pcode-lab.v1'), JSON.parse(localStorage.getItem('hov:pcode-lab:program') ?? '{}').source])).toEqual([null, mine]);
    await page.goto(new URL('/jit/', baseURL()).href, { waitUntil: 'load' });
    await page.locator('.jit-lab').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('.jit-lab').getByLabel('Program', { exact: true }).inputValue()).toBe('pcode-lab');
    await expect(page.locator('.jit-lab details.jit-source textarea').first().inputValue()).resolves.toBe(mine);
  });

  test('keeps the program across reloads and round-trips a share link', async () => {
    const { page, context, errors } = await openLab();
    await loadExample(page, 'Records and var parameters');
    await page.locator('.hov-pc .cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('{ shared copy } ');
    await page.waitForTimeout(600);
    const text = await editorText(page);
    expect(text.startsWith('{ shared copy } program records')).toBe(true);
    await page.reload({ waitUntil: 'load' });
    await page.locator('.hov-pc').scrollIntoViewIfNeeded();
    await page.waitForSelector('.hov-pc .cm-editor');
    await expect.poll(() => editorText(page)).toBe(text);

    await lab(page).getByRole('button', { name: 'Copy share link' }).click();
    const url = await lab(page).getByLabel('Share link').inputValue();
    expect(url).toMatch(/#pcode=[A-Za-z0-9_-]+$/);
    // A reader with nothing saved opens the link.
    const other = await openContext(browser);
    const page2 = await other.newPage();
    await page2.goto(url, { waitUntil: 'load' });
    await page2.locator('.hov-pc').scrollIntoViewIfNeeded();
    await page2.waitForSelector('.hov-pc .cm-editor');
    await expect.poll(() => editorText(page2)).toBe(text);
    await other.close();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('Run and Step read the Input box as it is now, also right after a recompile', async () => {
    const { page, context, errors } = await openLab();
    await loadExample(page, 'Reading input (sum of numbers)');
    const input = lab(page).getByLabel('Input', { exact: true });
    const output = () => lab(page).locator('.hov-pc-output').textContent();
    await input.fill('1 2');
    await lab(page).getByRole('button', { name: 'Run' }).click();
    await expect.poll(output).toBe('2 numbers, sum 3\n');

    // An edit recompiles; the first Run after it still reads the box, not the input of compile time.
    await page.locator('.hov-pc .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n{ edited }');
    await expect.poll(() => lab(page).locator('.hov-pc-status').textContent()).toBe('ready');
    await input.fill('5 6 7');
    await lab(page).getByRole('button', { name: 'Run' }).click();
    await expect.poll(output).toBe('3 numbers, sum 18\n');

    // Step from a fresh start, then run on: the same.
    await lab(page).getByRole('button', { name: 'Reset' }).click();
    await input.fill('40 2');
    await lab(page).getByRole('button', { name: 'Step', exact: true }).click();
    await lab(page).getByRole('button', { name: 'Continue' }).click();
    await expect.poll(output).toBe('2 numbers, sum 42\n');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('links A then B keep the reader’s own program to restore; a hash change is applied; an over-long link is not offered', async () => {
    const { page, context, errors } = await openLab();
    await loadExample(page, 'Hello, world');
    await page.locator('.hov-pc .cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('{ mine } ');
    const mine = `{ mine } ${PASCAL_EXAMPLES.find((e) => e.title === 'Hello, world')!.source}`;
    await expect.poll(() => editorText(page)).toBe(mine);
    await page.waitForTimeout(500);

    const a = { source: 'program a(output);\nbegin\n  writeln(1)\nend.\n', input: '' };
    const b = { source: 'program b(output);\nbegin\n  writeln(2)\nend.\n', input: '' };
    await page.goto(new URL(`/p-code/?a${encodeShareHash(a)}`, baseURL()).href, { waitUntil: 'load' });
    await page.waitForSelector('.hov-pc .cm-editor');
    await expect.poll(() => editorText(page)).toBe(a.source);
    await page.waitForTimeout(500);
    // Link B, on the same page: only the hash changes.
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, encodeShareHash(b));
    await expect.poll(() => editorText(page)).toBe(b.source);
    await page.waitForTimeout(500);
    // And again after a reload with link B: what is offered back is the reader's program, not A.
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('.hov-pc .cm-editor');
    await lab(page).getByRole('button', { name: 'Restore my previous program' }).click();
    await expect.poll(() => editorText(page)).toBe(mine);
    expect(page.url()).not.toContain('#pcode=');
    await page.waitForTimeout(500);
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('.hov-pc .cm-editor');
    await expect.poll(() => editorText(page)).toBe(mine);

    // Over the limit: no link, no "copied", a reason instead; the program stays.
    await page.evaluate(() => navigator.clipboard?.writeText('untouched').catch(() => undefined));
    await lab(page).getByLabel('Input', { exact: true }).fill('1 '.repeat(50_001));
    await lab(page).getByRole('button', { name: 'Copy share link' }).click();
    await expect.poll(() => lab(page).locator('.hov-pc-notice').textContent()).toContain('No link made: the program in the link is too long');
    await expect(lab(page).locator('.hov-pc-notice').textContent()).resolves.not.toContain('Link copied');
    await expect(lab(page).getByLabel('Share link').count()).resolves.toBe(0);
    expect(page.url()).not.toContain('#pcode=');
    await expect.poll(() => editorText(page)).toBe(mine);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a share link never injects markup, and a damaged one keeps the reader’s program', async () => {
    const hostile = "program x;\nbegin\n  writeln('<img src=x onerror=\"window.__pwned=1\">')\nend.\n{ </textarea><script>window.__pwned=2</script> }";
    const { page, context, errors } = await openLab({ hash: encodeShareHash({ source: hostile, input: '<b>in</b>' }) });
    await expect.poll(() => editorText(page)).toBe(hostile);
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    await expect(page.locator('.hov-pc img, .hov-pc script, .hov-pc b').count()).resolves.toBe(0);
    await expect(lab(page).getByLabel('Input', { exact: true }).inputValue()).resolves.toBe('<b>in</b>');
    await lab(page).getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => lab(page).locator('.hov-pc-output').textContent()).toContain('<img src=x');
    await expect(page.locator('.hov-pc-output img').count()).resolves.toBe(0);

    // Now a damaged link in the same browser: the notice explains, and the saved program stays.
    await page.waitForTimeout(500);
    await page.goto(new URL('/p-code/?again#pcode=%3Cscript%3E', baseURL()).href, { waitUntil: 'load' });
    await page.locator('.hov-pc').scrollIntoViewIfNeeded();
    await page.waitForSelector('.hov-pc .cm-editor');
    await expect.poll(() => lab(page).locator('.hov-pc-notice').textContent()).toContain('could not be opened');
    await expect.poll(() => editorText(page)).toBe(hostile);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('on the Chinese page, compile errors, runtime errors and their post-mortem are in Chinese', async () => {
    const failing = 'program oops(output);\nvar z: integer;\n    a: array[1..30] of integer;\nbegin\n  z := 0;\n  writeln(10 div z)\nend.';
    const { page, context, errors } = await openLab({ chinese: true, theme: 'dark', width: 390, hash: encodeShareHash({ source: failing, input: '' }) });
    await expect.poll(() => editorText(page)).toBe(failing);
    await lab(page).getByRole('button', { name: zh.run, exact: true }).click();
    await expect.poll(() => statusText(page)).toBe(zh.status.error);
    const report = (await lab(page).locator('.hov-pc-error').textContent()) ?? '';
    expect(report).toMatch(/运行时错误，位于 P-code 地址 \d+，源代码第 6 行：除以零/);
    expect(report).toContain('调用链（最内层在前）：');
    expect(report).toContain('程序 oops，第 6 行');
    expect(report).toContain('z = 0');
    expect(report).not.toMatch(/runtime error|call chain|division|more/);
    // The stack view's long array ends in Chinese too.
    await expect(lab(page).locator('.hov-pc-frame').first().textContent()).resolves.toContain('另有 14 个');

    // A compile error: listed in Chinese, and the editor's inline diagnostic says the same.
    await page.locator('.hov-pc .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' junk');
    await expect
      .poll(() => lab(page).locator('.hov-pc-diagnostics').textContent())
      .toMatch(/7:\d+ 最后的 'end\.' 之后还有内容：标识符 junk/);
    await page.locator('.hov-pc .cm-lintRange-error').first().hover();
    await expect.poll(() => page.locator('.cm-tooltip-lint').textContent()).toContain('最后的 \'end.\' 之后还有内容');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // A damaged share link is explained in Chinese.
    await page.goto(new URL('/zh-cn/p-code/?again#pcode=%25%25', baseURL()).href, { waitUntil: 'load' });
    await page.locator('.hov-pc').scrollIntoViewIfNeeded();
    await expect.poll(() => lab(page).locator('.hov-pc-notice').textContent()).toContain('链接已损坏（不是 base64url）');
    expect(errors).toEqual([]);
    await context.close();
  });

  test.each([
    ['light', 1280],
    ['dark', 390],
  ] as const)('has no serious accessibility violations (%s, %i px)', async (theme, width) => {
    const { page, context, errors } = await openLab({ theme, width });
    await lab(page).getByRole('button', { name: 'Step', exact: true }).click();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
