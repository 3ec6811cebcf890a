import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { compileProgram } from '../../lib/pascal/index.ts';
import { Op, PMachine, encodeShareHash } from '../../lib/pcode/index.ts';
import { JIT_EXAMPLES } from '../../lib/jit/index.ts';
import { launchBrowser, openPage, seriousAccessibilityViolations } from './browser.ts';
import { en, zh } from '../../components/jit-lab/messages.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const lab = (page: Page) => page.locator('.jit-lab');

async function runToEnd(page: Page) {
  await lab(page).getByLabel('Speed', { exact: true }).selectOption('full');
  await lab(page).getByRole('button', { name: 'Run', exact: true }).click();
  await lab(page).getByTestId('jit-status').filter({ hasText: 'The program has ended.' }).waitFor({ timeout: 60_000 });
}

test('under the site CSP the lab translates to WebAssembly, fills the cache and charts the speedup', async () => {
  const { page, errors, context } = await openPage(browser, '/jit/', { theme: 'light', width: 1280 });
  // The page really is served with a policy that allows WebAssembly but no eval.
  const csp = (await page.request.get(page.url())).headers()['content-security-policy'] ?? '';
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).not.toContain("'unsafe-eval'");

  // WebAssembly compiles in the background while the interpreter goes on, as in a real JIT; on a busy
  // machine a short program can end before the first module is ready. So the run starts at medium
  // speed, and goes to full speed once a translation is live.
  await lab(page).getByLabel('Speed', { exact: true }).selectOption('medium');
  await lab(page).getByRole('button', { name: 'Run', exact: true }).click();
  await lab(page).getByTestId('jit-cache-totals').filter({ hasText: /[1-9]\d* live of/ }).waitFor({ timeout: 60_000 });
  await lab(page).getByLabel('Speed', { exact: true }).selectOption('full');
  await lab(page).getByTestId('jit-status').filter({ hasText: 'The program has ended.' }).waitFor({ timeout: 60_000 });
  await expect.poll(() => lab(page).getByTestId('jit-output').textContent()).toBe('sum = 507254\n');
  // The cache holds a live translation and the dispatcher found it.
  const totals = await lab(page).getByTestId('jit-cache-totals').textContent();
  expect(totals).toMatch(/[1-9][\d,]* hits/);
  expect(totals).toMatch(/[1-9]\d* live of [1-9]\d* translations made/);
  expect(await lab(page).locator('.jit-cache tbody tr[data-state="live"]').count()).toBeGreaterThan(0);
  expect(await lab(page).locator('.jit-badge[data-state="tier2"]').count()).toBeGreaterThan(0);

  // The generated code of a translated block is shown as WAT.
  await lab(page).locator('.jit-block-head', { hasText: 'Block 2 (' }).click();
  await expect.poll(() => lab(page).getByTestId('jit-wat').textContent()).toContain('i32.load');

  await lab(page).getByRole('button', { name: 'Measure' }).click();
  const chart = lab(page).getByTestId('jit-speed-chart');
  await chart.waitFor({ timeout: 120_000 });
  expect(await chart.locator('.jit-bar-row').count()).toBe(3);
  expect(await chart.textContent()).toMatch(/JIT tier 2 \(chaining\)[\d.]+ ms · [\d.]+× the interpreter/);

  expect(errors).toEqual([]);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await context.close();
});

test('tier 2’s recovered loops are listed with the generated code in both editions, and chosen with the keyboard', async () => {
  const editions = [
    { path: '/jit/', m: en, theme: 'light', width: 1280 },
    { path: '/zh-cn/jit/', m: zh, theme: 'dark', width: 390 },
  ] as const;
  for (const { path, m, theme, width } of editions) {
    const { page, errors, context } = await openPage(browser, path, { theme, width });
    await lab(page).getByLabel(m.speedLabel, { exact: true }).selectOption('full');
    await lab(page).getByRole('button', { name: m.run, exact: true }).click();
    await lab(page).getByTestId('jit-status').filter({ hasText: m.status.halted }).waitFor({ timeout: 60_000 });
    // The hot loop's two nested for loops are two WebAssembly loops, the inner one indented.
    const loops = lab(page).getByTestId('jit-loops');
    await loops.waitFor({ timeout: 60_000 });
    expect(await loops.locator('h4').textContent()).toBe(m.loopsHeading);
    expect(await loops.locator('li').count()).toBe(2);
    expect(await loops.locator('li[data-current]').count()).toBe(0);
    // Enter on the inner loop's button selects its first block, which both loops hold.
    await loops.locator('li').nth(1).getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => loops.locator('li[data-current]').count()).toBe(2);
    expect(await loops.textContent()).toContain(m.loopHoldsSelected);
    // The inner loop keeps i, j, s and its limit (a word with no name) in WebAssembly locals.
    expect(await loops.locator('li').nth(1).textContent()).toContain(m.inLocals(['i', 'j', 's', m.frameWord(7)].join(m.listSeparator)));
    // The whole module shows the loops and the jumps back to them.
    await lab(page).getByLabel(m.wholeModule).check();
    const wat = (await lab(page).getByTestId('jit-wat').textContent()) ?? '';
    const label = /loop \$(loop\d+)/.exec((await loops.locator('li').nth(1).textContent()) ?? '')![1];
    expect(wat).toContain(`loop $${label}`);
    expect(wat).toContain(`br $${label}`);
    expect(errors).toEqual([]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  }
});

test('dispatcher mode and a poke: the translation is dropped and the output follows the new code', async () => {
  const { page, errors, context } = await openPage(browser, '/jit/', { theme: 'dark', width: 390 });
  await lab(page).getByLabel('Dispatcher (tier 1)').check();
  await runToEnd(page);
  expect(await lab(page).locator('.jit-badge[data-state="tier1"]').count()).toBeGreaterThan(0);
  // Poke the constant of `mod 1000003` to 7, then run again from the start.
  const { program } = compileProgram(JIT_EXAMPLES.find((e) => e.id === 'hot-loop')!.source);
  let target = 0;
  while (!(program!.code[target * 4] === Op.LIT && program!.code[target * 4 + 1] === 1000003)) target++;
  await lab(page).getByLabel('P-code address').fill(String(target));
  await lab(page).getByLabel('Word').selectOption({ label: 'operand 1' });
  await lab(page).getByLabel('New value').fill('7');
  await lab(page).getByRole('button', { name: 'Poke' }).click();
  await expect.poll(() => lab(page).locator('.jit-poke-message').textContent()).toMatch(/dropped translation #\d+/);
  expect(await lab(page).locator('.jit-cache tbody tr[data-state="invalidated"]').count()).toBeGreaterThan(0);
  expect(await lab(page).getByTestId('jit-log').textContent()).toMatch(new RegExp(`P-code ${target} was written: dropped #\\d+`));
  await runToEnd(page);
  // The same write, made before running the interpreter, gives the same output.
  program!.code[target * 4 + 1] = 7;
  const interpreter = new PMachine(program!);
  while (interpreter.run(1_000_000) === 'budget');
  expect(interpreter.output).not.toBe('sum = 507254\n');
  await expect.poll(() => lab(page).getByTestId('jit-output').textContent()).toBe(interpreter.output);
  expect(errors).toEqual([]);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await context.close();
});

test('a program shared from the P-code lab by link is offered and runs', async () => {
  const hash = encodeShareHash({ source: 'program t(output);\nvar i, s: integer;\nbegin\n  s := 0;\n  for i := 1 to 5000 do s := s + i;\n  writeln(s:1)\nend.\n', input: '' });
  const { page, errors, context } = await openPage(browser, `/jit/${hash}`, { width: 1280 });
  await expect.poll(() => lab(page).getByLabel('Program', { exact: true }).inputValue()).toBe('link');
  await runToEnd(page);
  await expect.poll(() => lab(page).getByTestId('jit-output').textContent()).toBe('12502500\n');
  expect(errors).toEqual([]);
  await context.close();
});

test('on the Chinese page, compile errors and the interpreter’s runtime report are in Chinese', async () => {
  const failing = 'program t(output);\nvar a: array[1..3] of integer;\n    i: integer;\nbegin\n  for i := 1 to 4 do a[i] := i\nend.\n';
  const { page, errors, context } = await openPage(browser, `/zh-cn/jit/${encodeShareHash({ source: failing, input: '' })}`, { theme: 'dark', width: 390 });
  await expect.poll(() => lab(page).getByLabel(zh.programLabel, { exact: true }).inputValue()).toBe('link');
  await lab(page).getByLabel(zh.speedLabel, { exact: true }).selectOption('full');
  await lab(page).getByRole('button', { name: zh.run, exact: true }).click();
  await lab(page).getByTestId('jit-status').filter({ hasText: zh.status.error }).waitFor({ timeout: 60_000 });
  const report = (await lab(page).locator('pre.jit-error').textContent()) ?? '';
  expect(report).toMatch(/^运行时错误，位于 P-code 地址 \d+，源代码第 5 行：下标 4 超出了范围 1\.\.3/);
  expect(report).toContain('程序 t，第 5 行');
  expect(report).not.toMatch(/runtime error|call chain|out of range/);

  // Break the program: the compile errors are listed in Chinese.
  await lab(page).locator('details.jit-source summary').click();
  await lab(page).locator('details.jit-source textarea').first().fill(failing.replace('a[i] := i', "a[i] := 'x'"));
  await expect.poll(() => lab(page).locator('.jit-errors').textContent()).toMatch(/5:\d+: 类型不匹配：不能把 char 赋给 integer/);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('the reader’s edits are kept across reloads and stay in the menu; without storage the lab says so', async () => {
  const edited = 'program mine(output);\nvar i, s: integer;\nbegin\n  s := 0;\n  for i := 1 to 300 do s := s + 2;\n  writeln(s:1)\nend.\n';
  const { page, errors, context } = await openPage(browser, '/jit/', { width: 1280 });
  await lab(page).locator('details.jit-source summary').click();
  await lab(page).locator('details.jit-source textarea').first().fill(edited);
  await expect.poll(() => lab(page).getByLabel('Program', { exact: true }).inputValue()).toBe('own');
  await page.waitForTimeout(600);
  await page.reload({ waitUntil: 'load' });
  await expect.poll(() => lab(page).getByLabel('Program', { exact: true }).inputValue()).toBe('own');
  await expect(lab(page).locator('details.jit-source textarea').first().inputValue()).resolves.toBe(edited);
  await runToEnd(page);
  await expect.poll(() => lab(page).getByTestId('jit-output').textContent()).toBe('600\n');
  // Another program, then back to the reader's own.
  await lab(page).getByLabel('Program', { exact: true }).selectOption('hot-loop');
  await expect(lab(page).locator('details.jit-source textarea').first().inputValue()).resolves.not.toBe(edited);
  await lab(page).getByLabel('Program', { exact: true }).selectOption({ label: 'Your edited program' });
  await expect(lab(page).locator('details.jit-source textarea').first().inputValue()).resolves.toBe(edited);
  expect(errors).toEqual([]);
  await context.close();

  const refused = await openPage(browser, '/jit/', { width: 390 });
  await refused.page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('storage is off', 'SecurityError');
    };
  });
  await lab(refused.page).locator('details.jit-source summary').click();
  await lab(refused.page).locator('details.jit-source textarea').first().fill(edited);
  await expect.poll(() => lab(refused.page).locator('details.jit-source').textContent()).toContain('your edits last until you leave the page');
  expect(await seriousAccessibilityViolations(refused.page)).toEqual([]);
  await refused.context.close();
});
