import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { compareStrategies, encodeLabSetupHash, DEFAULT_LAB_SETUP, STRATEGY_IDS } from '../../lib/trap/index.ts';
import type { RunReport, StrategyId, WorkloadId } from '../../lib/trap/index.ts';
import { labInThisFile, openPage, seriousAccessibilityViolations, waitForLab } from './browser.ts';

const CHAPTER = '/full-virtualization/';
const LAB = '.hov-trap:not(.hov-quiz)';

const { browser, openLab: openLabAt } = labInThisFile(LAB);

/** Opens chapter 4 and waits until the trap lab has hydrated and loaded its setup. */
const openLab = (options: { theme?: 'light' | 'dark'; width?: number; hash?: string } = {}) =>
  openLabAt(CHAPTER + (options.hash ?? ''), options);

async function chooseStrategy(page: Page, strategy: StrategyId) {
  await page.locator(`${LAB} input[name="hov-trap-strategy"][value="${strategy}"]`).check();
}

async function chooseSetup(page: Page, workload: WorkloadId, strategy: StrategyId) {
  await page.selectOption('[data-testid=trap-workload]', workload);
  await chooseStrategy(page, strategy);
}

/** Steps (40 times at most) until the lab shows the guest wrong about its interrupt flag; whether it did. */
async function stepUntilMismatch(page: Page): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    await page.click('[data-testid=trap-step]');
    if ((await page.locator('[data-testid=trap-mismatch]').count()) > 0) return true;
  }
  return false;
}

const counter = (page: Page, key: string) =>
  page.locator(`${LAB} [data-counter="${key}"] dd`).textContent().then((t) => Number((t ?? '').replace(/,/g, '')));

function expected(workload: WorkloadId): Map<StrategyId, RunReport> {
  const rows = compareStrategies(workload);
  if (!Array.isArray(rows)) throw new Error('the engine failed');
  return new Map(rows.map((r) => [r.strategy, r]));
}

describe('the trap lab in chapter 4', () => {
  test('runs the timer workload under every strategy; only trap-and-emulate misbehaves', async () => {
    const { page, context, errors } = await openLab();
    const want = expected('timer');
    for (const strategy of ['bare-metal', ...STRATEGY_IDS] as StrategyId[]) {
      await chooseStrategy(page, strategy);
      await page.click('[data-testid=trap-finish]');
      const verdict = (await page.locator('[data-testid=trap-verdict]').textContent()) ?? '';
      const report = want.get(strategy)!;
      expect(verdict, strategy).toContain(report.equivalent ? 'Behaved exactly as on bare metal' : 'Did NOT behave as on bare metal');
      await expect(counter(page, 'cycles')).resolves.toBe(report.counters.cycles);
      await expect(counter(page, 'traps')).resolves.toBe(report.counters.traps);
      await expect(counter(page, 'vmExits')).resolves.toBe(report.counters.vmExits);
      await expect(counter(page, 'hypercalls')).resolves.toBe(report.counters.hypercalls);
      const races = await page.locator('[data-testid=trap-console] tbody tr').first().locator('td').first().textContent();
      expect(Number(races), strategy).toBe(report.console[0]);
    }
    // The comparison table shows the same verdicts as the engine.
    const cells = await page.locator('[data-testid=trap-compare] td[data-equivalent]').evaluateAll((tds) =>
      tds.map((td) => td.getAttribute('data-equivalent')),
    );
    expect(cells).toEqual(['true', 'false', 'true', 'true', 'true']);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('stepping shows POPF being ignored and the guest wrong about its interrupt flag', async () => {
    const { page, context, errors } = await openLab();
    await chooseSetup(page, 'timer', 'trap-and-emulate');
    expect(await stepUntilMismatch(page)).toBe(true);
    await expect(page.locator('[data-testid=trap-events] li[data-kind="ignored"]').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('[data-testid=trap-actor]').textContent()).resolves.toMatch(/guest kernel|monitor/);
    // Run (animated) and stop: the machine advances, then stays put.
    await page.click('[data-testid=trap-run]');
    await page.waitForFunction(() => Number(document.querySelector('[data-counter="guestInstructions"] dd')?.textContent) > 60);
    await page.click('[data-testid=trap-stop]');
    const stoppedAt = await counter(page, 'guestInstructions');
    await page.waitForTimeout(300);
    await expect(counter(page, 'guestInstructions')).resolves.toBe(stoppedAt);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('binary translation fills the translation cache with callouts', async () => {
    const { page, context } = await openLab();
    await chooseSetup(page, 'boot-check', 'binary-translation');
    await page.click('[data-testid=trap-finish]');
    await expect(page.locator(`${LAB} .hov-trap-block span[data-callout="true"]`).count()).resolves.toBe(7);
    await expect(page.locator(`${LAB} .hov-trap-block`).first().textContent()).resolves.toContain('CALL monitor.emulate_smsw');
    await context.close();
  });

  test('works from the keyboard alone', async () => {
    const { page, context, errors } = await openLab();
    await page.locator(`${LAB} input[name="hov-trap-strategy"][value="trap-and-emulate"]`).focus();
    await page.keyboard.press('ArrowDown'); // radio group: next strategy
    await expect(page.locator(`${LAB} input[name="hov-trap-strategy"]:checked`).getAttribute('value')).resolves.toBe('binary-translation');
    await page.locator('[data-testid=trap-step]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    await expect(counter(page, 'guestInstructions')).resolves.toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('remembers the setup across reloads and carries it in a share link', async () => {
    const { page, context } = await openLab();
    await chooseSetup(page, 'io', 'paravirtualization');
    await page.reload();
    await waitForLab(page, LAB);
    await expect(page.locator('[data-testid=trap-workload]').inputValue()).resolves.toBe('io');
    await expect(page.locator(`${LAB} input[name="hov-trap-strategy"]:checked`).getAttribute('value')).resolves.toBe('paravirtualization');
    // The share button puts the setup in the address bar and shows the link.
    await page.locator(`${LAB} details.hov-trap-settings summary`).click();
    await page.click('[data-testid=trap-share]');
    const shown = await page.locator(`${LAB} .hov-trap-share-url`).inputValue();
    expect(new URL(shown).hash).toBe(encodeLabSetupHash({ ...DEFAULT_LAB_SETUP, workload: 'io', strategy: 'paravirtualization' }));
    expect(new URL(page.url()).hash).toBe(new URL(shown).hash);
    await context.close();

    // A fresh browser (empty localStorage) opened on a share link gets the linked setup.
    const hash = encodeLabSetupHash({ ...DEFAULT_LAB_SETUP, workload: 'syscalls', strategy: 'hardware-assist' });
    const shared = await openLab({ hash });
    await expect(shared.page.locator('[data-testid=trap-workload]').inputValue()).resolves.toBe('syscalls');
    await expect(shared.page.locator(`${LAB} input[name="hov-trap-strategy"]:checked`).getAttribute('value')).resolves.toBe('hardware-assist');
    await shared.context.close();
  });

  test('a hostile share link cannot inject markup', async () => {
    const evil = btoa(JSON.stringify({ workload: '<img src=x onerror="window.__pwned=1">', strategy: '<script>window.__pwned=1</script>' }))
      .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const { page, context, errors } = await openLab({ hash: `#trap=${evil}` });
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    await expect(page.locator(`${LAB} img`).count()).resolves.toBe(0);
    await expect(page.locator('[data-testid=trap-workload]').inputValue()).resolves.toBe(DEFAULT_LAB_SETUP.workload);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the quiz grades the true classification as fully correct', async () => {
    const { page, context } = await openPage(browser(), CHAPTER);
    await page.locator('.hov-quiz').scrollIntoViewIfNeeded();
    await page.waitForSelector('astro-island:not([ssr]) .hov-quiz[data-ready="true"]');
    await page.getByRole('button', { name: 'Show the answers' }).click();
    await expect(page.locator('[data-testid=quiz-result]').textContent()).resolves.toContain('24 of 24');
    await expect(page.locator('[data-testid=quiz-result]').textContent()).resolves.toContain('PUSHF, POPF, SMSW and SIDT');
    await context.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`has no serious accessibility violation and fits a phone (${theme})`, async () => {
      const { page, context, errors } = await openLab({ theme, width: 390 });
      await page.click('[data-testid=trap-finish]');
      await page.locator(`${LAB} details.hov-trap-settings summary`).click();
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe('the I/O measurement in chapter 4', () => {
  test('measures the UART and virtio console in the lab VM and draws the chart', { timeout: 420_000 }, async () => {
    const { page, context, errors } = await openPage(browser(), CHAPTER);
    await page.locator('.hov-io').scrollIntoViewIfNeeded();
    await page.waitForSelector('astro-island:not([ssr]) .hov-io');
    await page.selectOption('.hov-io select', '64');
    await page.click('[data-testid=io-measure]');
    await page.waitForSelector('.hov-io[data-phase="done"], .hov-io[data-phase="error"]', { timeout: 400_000 });
    await expect(page.locator('.hov-io-error').count()).resolves.toBe(0);
    const rows = page.locator('[data-testid=io-results] tbody tr');
    await expect(rows.count()).resolves.toBe(2);
    for (const channel of ['uart', 'virtio-console']) {
      const cells = page.locator(`[data-testid=io-results] tr[data-channel="${channel}"] td`);
      await expect(cells.first().textContent()).resolves.toBe('65,536');
      const bps = Number(await cells.nth(2).getAttribute('data-bytes-per-second'));
      expect(bps, channel).toBeGreaterThan(0);
    }
    await expect(page.locator('[data-testid=io-chart] svg rect.hov-io-bar').count()).resolves.toBe(4);
    await expect(page.locator('[data-testid=io-speedup]').textContent()).resolves.toMatch(/virtio was [\d.,]+× faster/);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** Common English words in an element's text, code and program listings left out: a Chinese page shows none. */
async function englishProse(page: Page, selector: string, skip = 'code, pre, .hov-trap-listing'): Promise<string[]> {
  const text = await page.locator(selector).evaluateAll((elements, skipped) => elements.map((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const node of copy.querySelectorAll(skipped)) node.remove();
    for (const node of copy.querySelectorAll('select option:not(:checked)')) node.remove();
    return copy.textContent ?? '';
  }).join('\n'), skip);
  // Lower-case words (and a sentence's capital "The"): instruction names such as IN stay as they are.
  return text.match(/\b(The|the|is|not|and|of|to|in|by|was|did|has|from|this|that|with|ran|run|runs|guest|monitor|traps?)\b/g) ?? [];
}

describe('the trap lab on the Chinese page', () => {
  const ZH_CHAPTER = '/zh-cn/full-virtualization/';

  test('a run, its events and its verdict are in Chinese, axe clean', async () => {
    const { page, context, errors } = await openPage(browser(), ZH_CHAPTER);
    await waitForLab(page, LAB);
    await chooseSetup(page, 'timer', 'trap-and-emulate');
    expect(await stepUntilMismatch(page)).toBe(true);
    await expect(page.locator('[data-testid=trap-mismatch]').textContent()).resolves.toContain('客户机弄错了自己的中断标志');
    await expect(page.locator('[data-testid=trap-events] li[data-kind="ignored"]').first().textContent()).resolves.toContain(
      'POPF 要求把中断设为关；在用户态下，处理器不陷入，直接忽略了它。',
    );
    await page.click('[data-testid=trap-finish]');
    await expect(page.locator('[data-testid=trap-verdict]').textContent()).resolves.toContain('行为与在裸机上不同');
    await page.locator(`${LAB} details.hov-trap-settings summary`).click();
    await expect(englishProse(page, LAB)).resolves.toEqual([]);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the quiz describes every instruction and gives its verdict in Chinese', async () => {
    const { page, context, errors } = await openPage(browser(), ZH_CHAPTER);
    await page.locator('.hov-quiz').scrollIntoViewIfNeeded();
    await page.waitForSelector('astro-island:not([ssr]) .hov-quiz[data-ready="true"]');
    await expect(page.locator('[data-testid=quiz-table]').textContent()).resolves.toContain('弹出标志字，其中包括中断标志。');
    await page.getByRole('button', { name: '显示答案' }).click();
    const result = page.locator('[data-testid=quiz-result]');
    await expect(result.textContent()).resolves.toContain('24 条指令中分类正确 24 条');
    await expect(result.textContent()).resolves.toContain('实际上，PUSHF、POPF、SMSW 和 SIDT 是敏感指令但不是特权指令');
    await expect(englishProse(page, '.hov-quiz')).resolves.toEqual([]);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the I/O measurement says in Chinese why the lab VM could not start', async () => {
    const { page, context } = await openPage(browser(), ZH_CHAPTER);
    await page.route('**/guest/manifest.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.locator('.hov-io').scrollIntoViewIfNeeded();
    await page.waitForSelector('astro-island:not([ssr]) .hov-io');
    await page.click('[data-testid=io-measure]');
    const error = page.locator('.hov-io-error');
    await expect.poll(() => error.textContent().catch(() => ''), { timeout: 30_000 }).toContain(
      '测量失败：本站上没有实验虚拟机的文件。请用 `npm run guest` 构建（大约两分钟），然后重新加载页面。',
    );
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await context.close();
  });
});
