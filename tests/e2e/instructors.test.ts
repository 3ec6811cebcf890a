import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { EXERCISE_CHAPTERS, problemSetToCsv } from '../../lib/exercises/index.ts';
import { encodeShareHash } from '../../lib/pcode/index.ts';
import { bookPages } from '../../lib/book/chapters.ts';
import { renderBookPdf } from '../../scripts/pdf.ts';
import { baseURL, launchBrowser, openPage, seriousAccessibilityViolations } from './browser.ts';
import { generatedProblem } from '../generated-problem.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const CJK = /[\u4e00-\u9fff]/;

const WIDGET = 'astro-island:not([ssr]) .hov-ex[data-ready="true"]';

async function openWidget(path: string, options: { theme?: 'light' | 'dark'; width?: number } = {}) {
  const opened = await openPage(browser, path, options);
  await opened.page.locator('.hov-ex').first().scrollIntoViewIfNeeded();
  await opened.page.waitForSelector(WIDGET);
  return opened;
}

describe('the exercise widget', () => {
  test('a seeded link shows the same problem as the engine; check, hint and reveal work', async () => {
    const want = generatedProblem('pcode-output', 5);
    const { page, context, errors } = await openWidget('/p-code/?exercise=pcode-output&seed=5#exercises');
    const widget = page.locator(WIDGET);
    await expect(widget.getAttribute('data-seed')).resolves.toBe('5');
    await expect(widget.getByTestId('exercise-prompt').textContent()).resolves.toBe(want.prompt);
    await expect(widget.getByTestId('exercise-figure').textContent()).resolves.toBe(want.figure);

    await widget.getByTestId('exercise-answer').fill('12345');
    await widget.getByTestId('exercise-check').click();
    await expect(widget.getByTestId('exercise-result').getAttribute('data-correct')).resolves.toBe('false');

    await widget.getByTestId('exercise-hint').click();
    await expect(widget.getByTestId('exercise-hint-text').textContent()).resolves.toBe(want.hint);

    await widget.getByTestId('exercise-answer').fill(want.answer);
    await widget.getByTestId('exercise-answer').press('Enter');
    await expect(widget.getByTestId('exercise-result').getAttribute('data-correct')).resolves.toBe('true');

    await widget.getByTestId('exercise-reveal').click();
    await expect(widget.getByTestId('exercise-key').textContent()).resolves.toBe(want.answer);
    expect(await widget.getByTestId('exercise-link').getAttribute('href')).toBe('?exercise=pcode-output&seed=5&v=1#exercises');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('solutions=0 hides the reveal button but keeps check and hint', async () => {
    const { page, context, errors } = await openWidget('/full-virtualization/?exercise=trap-virtualizable&seed=3&solutions=0');
    const widget = page.locator(WIDGET);
    // The problem shows once the chapter's generators have loaded; count the buttons after that.
    await expect(widget.getByTestId('exercise-prompt').textContent()).resolves.toBe(generatedProblem('trap-virtualizable', 3).prompt);
    await expect(widget.getByTestId('exercise-reveal').count()).resolves.toBe(0);
    await expect(widget.getByTestId('exercise-check').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('choosing another exercise and seed in the widget follows the engine', async () => {
    const { page, context } = await openWidget('/containers/');
    const widget = page.locator(WIDGET);
    await widget.getByTestId('exercise-select').selectOption('density-vms');
    await widget.getByTestId('exercise-seed').fill('77');
    await expect(widget.getByTestId('exercise-figure').textContent()).resolves.toBe(generatedProblem('density-vms', 77).figure);
    await context.close();
  });

  test('is accessible and readable at phone width in dark', async () => {
    const { page, context } = await openWidget('/kvm-bridge/?exercise=ifcfg-mistakes&seed=4', { theme: 'dark', width: 390 });
    expect(await seriousAccessibilityViolations(page, { exclude: ['astro-island:not(:has(.hov-ex))'] })).toEqual([]);
    const overflow = await page.locator('.hov-ex').evaluate((el) => el.getBoundingClientRect().right <= window.innerWidth + 1);
    expect(overflow).toBe(true);
    await context.close();
  });
});

describe('the exercise widget in the Chinese edition', () => {
  test('/zh-cn/p-code/ shows the Chinese problem before and after hydration; a wrong answer gets Chinese feedback', async () => {
    // The server renders the seed-1 problem in the page's edition.
    const { page: raw, context: rawContext } = await openPage(browser, '/zh-cn/');
    const html = await (await raw.request.get(new URL('/zh-cn/p-code/', baseURL()).href)).text();
    await rawContext.close();
    expect(html).toContain(generatedProblem('pcode-output', 1, 'zh-CN').prompt);
    expect(html).not.toContain(generatedProblem('pcode-output', 1, 'en').prompt);

    const want = generatedProblem('pcode-output', 5, 'zh-CN');
    const english = generatedProblem('pcode-output', 5, 'en');
    const { page, context, errors } = await openWidget('/zh-cn/p-code/?exercise=pcode-output&seed=5#exercises');
    const widget = page.locator(WIDGET);
    await expect(widget.getByTestId('exercise-prompt').textContent()).resolves.toBe(want.prompt);
    expect(want.prompt).toMatch(CJK);
    await expect(widget.getByTestId('exercise-figure').textContent()).resolves.toBe(english.figure);
    await expect(widget.locator('.hov-ex-title').textContent()).resolves.toContain('预测输出');
    await expect(widget.locator('.hov-ex-format').textContent()).resolves.toBe(`答案格式：${want.answerFormat}。`);

    await widget.getByTestId('exercise-answer').fill('12345');
    await widget.getByTestId('exercise-check').click();
    const result = widget.getByTestId('exercise-result');
    await expect(result.getAttribute('data-correct')).resolves.toBe('false');
    await expect(result.textContent()).resolves.toMatch(/^✗ (答案共有 \d+ 项，你填了 1 项。|1 项中有 0 项位置正确。)$/);
    await widget.getByTestId('exercise-answer').fill('');
    await widget.getByTestId('exercise-check').click();
    await expect(result.textContent()).resolves.toBe('✗ 请先填写答案。');

    await widget.getByTestId('exercise-hint').click();
    await expect(widget.getByTestId('exercise-hint-text').textContent()).resolves.toBe(want.hint);
    await widget.getByTestId('exercise-reveal').click();
    // The same seed gives the same key in both editions.
    await expect(widget.getByTestId('exercise-key').textContent()).resolves.toBe(english.answer);
    await expect(widget.getByTestId('exercise-solution').locator('pre').textContent()).resolves.toBe(want.explanation);
    await widget.getByTestId('exercise-answer').fill(want.answer);
    await widget.getByTestId('exercise-check').click();
    await expect(result.textContent()).resolves.toBe('✓ 正确。');
    expect(await seriousAccessibilityViolations(page, { exclude: ['astro-island:not(:has(.hov-ex))'] })).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('switching exercise on /zh-cn/kvm-bridge/ keeps Chinese: choices, and a choice-kind wrong answer', async () => {
    const { page, context, errors } = await openWidget('/zh-cn/kvm-bridge/', { theme: 'dark', width: 390 });
    const widget = page.locator(WIDGET);
    await widget.getByTestId('exercise-select').selectOption('ifcfg-gateway');
    await widget.getByTestId('exercise-seed').fill('12');
    const want = generatedProblem('ifcfg-gateway', 12, 'zh-CN');
    await expect(widget.getByTestId('exercise-prompt').textContent()).resolves.toBe(want.prompt);
    await expect(widget.locator('.hov-ex-choice').allTextContents()).resolves.toEqual(want.choices!.map((c) => `${c.key} ${c.label}`));
    const wrong = want.choices!.find((c) => c.key !== want.answer)!;
    await widget.locator(`input[type=radio][value="${wrong.key}"]`).check();
    await widget.getByTestId('exercise-check').click();
    await expect(widget.getByTestId('exercise-result').textContent()).resolves.toBe('✗ 还不对：再试一次，或者看看提示。');
    expect(await seriousAccessibilityViolations(page, { exclude: ['astro-island:not(:has(.hov-ex))'] })).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the answer-key page', () => {
  test('lists the engine\'s answers for a seed range and exports them as CSV', async () => {
    const { page, context, errors } = await openPage(browser, '/instructors/answer-keys/');
    await page.waitForSelector('astro-island:not([ssr]) [data-testid=answer-keys]');
    await page.getByTestId('keys-exercise').selectOption('ifcfg-prefix');
    await page.getByTestId('keys-from').fill('3');
    await page.getByTestId('keys-to').fill('9');
    const want = Array.from({ length: 7 }, (_, i) => generatedProblem('ifcfg-prefix', i + 3));
    await expect(page.getByTestId('keys-answer').allTextContents()).resolves.toEqual(want.map((p) => p.answer));
    const href = await page.locator('[data-testid=keys-table] tbody tr').first().locator('a').getAttribute('href');
    expect(href).toBe('/kvm-bridge/?exercise=ifcfg-prefix&seed=3&v=1&solutions=0#exercises');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('keys-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toBe(problemSetToCsv(want));
    const [markdown] = await Promise.all([page.waitForEvent('download'), page.getByTestId('keys-markdown').click()]);
    const md = readFileSync((await markdown.path())!, 'utf8');
    for (const p of want) expect(md).toContain(`**Answer:** ${p.answer}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the Chinese answer-key page', () => {
  test('/zh-cn/instructors/answer-keys/ shows Chinese problems with the same keys, links to Chinese chapters, and exports Chinese CSV', async () => {
    const { page, context, errors } = await openPage(browser, '/zh-cn/instructors/answer-keys/');
    await page.waitForSelector('astro-island:not([ssr]) [data-testid=answer-keys]');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await expect(page.locator('h1').first().textContent()).resolves.toBe('练习答案');
    await page.getByTestId('keys-exercise').selectOption('trap-virtualizable');
    await page.getByTestId('keys-from').fill('3');
    await page.getByTestId('keys-to').fill('7');
    const want = Array.from({ length: 5 }, (_, i) => generatedProblem('trap-virtualizable', i + 3, 'zh-CN'));
    const english = want.map((p) => generatedProblem(p.exercise, p.seed, 'en'));
    await expect(page.getByTestId('keys-answer').allTextContents()).resolves.toEqual(english.map((p) => p.answer));
    await expect(page.locator('[data-testid=keys-table] caption').textContent()).resolves.toBe('答案：Popek 与 Goldberg，种子 3 到 7');
    const questions = await page.locator('[data-testid=keys-table] tbody tr td:nth-child(2)').allTextContents();
    expect(questions).toEqual(want.map((p) => p.prompt));
    for (const q of questions) expect(q).toMatch(CJK);
    await expect(page.locator('[data-testid=keys-table] thead').textContent()).resolves.toBe('种子题目答案学生链接');
    const href = await page.locator('[data-testid=keys-table] tbody tr').first().locator('a').getAttribute('href');
    expect(href).toBe('/zh-cn/full-virtualization/?exercise=trap-virtualizable&seed=3&v=1&solutions=0#exercises');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('keys-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toBe(problemSetToCsv(want));
    expect(csv.split('\r\n')[0]).toBe('练习,种子,版本,章,题目,附图,选项,答案');
    const [markdown] = await Promise.all([page.waitForEvent('download'), page.getByTestId('keys-markdown').click()]);
    const md = readFileSync((await markdown.path())!, 'utf8');
    expect(md.split('\n')[0]).toBe('# Popek 与 Goldberg：种子 3 到 7');
    for (const p of want) expect(md).toContain(`**答案：** ${p.answer}`);
    expect(md).not.toContain('Answer format');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('embeds', () => {
  test('/embed/trap-lab/ is the lab alone, and may be framed by another site', async () => {
    const { page, context, errors } = await openPage(browser, '/embed/trap-lab/');
    await page.waitForSelector('astro-island:not([ssr]) .hov-trap[data-ready="true"]');
    await expect(page.locator('header.header').isVisible()).resolves.toBe(false);
    await expect(page.locator('.pagination-links a').count()).resolves.toBe(0);
    await expect(page.locator('h1#_top').isVisible()).resolves.toBe(false);
    const response = await page.request.get(new URL('/embed/trap-lab/', baseURL()).href);
    expect(response.headers()['x-frame-options']).toBeUndefined();
    expect(response.headers()['content-security-policy'] ?? '').not.toContain('frame-ancestors');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('an exercise embed honours its seed link', async () => {
    const { page, context } = await openWidget('/embed/exercises-jit/?exercise=jit-cache-hits&seed=8');
    await expect(page.locator(WIDGET).getByTestId('exercise-prompt').textContent()).resolves.toBe(generatedProblem('jit-cache-hits', 8).prompt);
    await context.close();
  });

  test('the instructors\' page offers an iframe snippet for every embed, and it loads in a frame', async () => {
    const { page, context, errors } = await openPage(browser, '/instructors/');
    const snippets = await page.locator('[data-embed-snippet]').allTextContents();
    expect(snippets.length).toBeGreaterThanOrEqual(7);
    const src = /src="([^"]+)"/.exec(snippets.find((s) => s.includes('/embed/pcode-lab/'))!)![1]!;
    await page.setContent(`<iframe src="${new URL(new URL(src).pathname, baseURL()).href}" width="800" height="600"></iframe>`);
    const frame = page.frameLocator('iframe');
    await frame.locator('.hov-pc').first().waitFor();
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    await context.close();
  });
});

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><script>window.__pwned=1</script>',
  "'><svg onload=window.__pwned=1>",
  'javascript:window.__pwned=1',
];

async function expectNoInjection(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"], svg[onload], [onerror]').count()).toBe(0);
  expect(await page.evaluate(() => [...document.scripts].some((s) => s.textContent?.includes('__pwned')))).toBe(false);
}

describe('share links never inject markup or script', () => {
  const b64 = (text: string) => Buffer.from(text).toString('base64url');

  test.each(PAYLOADS)('P-code and JIT labs: %s', async (payload) => {
    const hash = encodeShareHash({ source: `program p;\n{ ${payload} }\nbegin\n  writeln('${payload.replace(/'/g, "''")}')\nend.\n`, input: payload });
    for (const path of ['/embed/pcode-lab/', '/p-code/', '/embed/jit-lab/']) {
      const { page, context, errors } = await openPage(browser, path + hash);
      page.on('dialog', () => errors.push('dialog opened'));
      if (path === '/embed/jit-lab/') {
        const source = page.locator('astro-island:not([ssr]) .jit-lab textarea').first();
        await source.waitFor({ state: 'attached' });
        await expect.poll(() => source.inputValue()).toContain(payload);
      } else {
        await page.locator('.hov-pc').first().scrollIntoViewIfNeeded();
        await page.waitForSelector('astro-island:not([ssr]) .hov-pc .cm-content');
        await expect.poll(() => page.locator('.hov-pc .cm-content').first().textContent()).toContain(payload);
      }
      await expectNoInjection(page);
      expect(errors.filter((e) => !e.startsWith('console')), path).toEqual([]);
      await context.close();
    }
  });

  test.each(PAYLOADS)('trap lab: %s', async (payload) => {
    const setup = { workload: payload, strategy: payload, cost: { trap: payload }, trappingSensitive: [payload], pvBatchSize: payload };
    for (const hash of [`#trap=${b64(JSON.stringify(setup))}`, `#trap=${encodeURIComponent(payload)}`, `#${payload}`]) {
      const { page, context, errors } = await openPage(browser, `/embed/trap-lab/${hash}`);
      page.on('dialog', () => errors.push('dialog opened'));
      await page.waitForSelector('astro-island:not([ssr]) .hov-trap[data-ready="true"]');
      await expectNoInjection(page);
      expect(errors.filter((e) => !e.startsWith('console'))).toEqual([]);
      await context.close();
    }
  });

  test.each(PAYLOADS)('bridge editor: %s', async (payload) => {
    const files = [['ifcfg-br0', `DEVICE=br0\nTYPE=Bridge\nNAME="${payload}"\n`], ['ifcfg-eth0', `# ${payload}\nDEVICE=eth0\nBRIDGE=br0\n`]];
    const { page, context, errors } = await openPage(browser, `/embed/bridge-editor/#bridge=${b64(JSON.stringify(files))}`);
    page.on('dialog', () => errors.push('dialog opened'));
    await page.waitForSelector('astro-island:not([ssr]) .bridge-editor .cm-content');
    await expect.poll(() => page.locator('.bridge-editor .cm-content').first().textContent()).toContain(payload);
    await expectNoInjection(page);
    expect(errors.filter((e) => !e.startsWith('console'))).toEqual([]);
    await context.close();
  });

  test.each(PAYLOADS)('exercise links: %s', async (payload) => {
    const q = new URLSearchParams({ exercise: payload, seed: payload, v: payload, solutions: payload }).toString();
    const { page, context, errors } = await openWidget(`/origins/?${q}#${encodeURIComponent(payload)}`);
    page.on('dialog', () => errors.push('dialog opened'));
    const widget = page.locator(WIDGET);
    // Unknown values fall back to the chapter's first exercise and seed 1.
    await expect(widget.getAttribute('data-exercise')).resolves.toBe('timeline-order');
    await expect(widget.getAttribute('data-seed')).resolves.toBe('1');
    await expectNoInjection(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** Outline (bookmark) titles of a PDF written by Chromium, with white space removed. */
function pdfOutlineTitles(pdf: Buffer): string[] {
  const parts = [pdf.toString('latin1')];
  const streams = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streams.exec(parts[0]!)) !== null) {
    const start = m.index + m[0].length;
    const end = parts[0]!.indexOf('endstream', start);
    try {
      parts.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a deflated stream (an image, a font): skip
    }
  }
  const titles: string[] = [];
  for (const text of parts) {
    for (const t of text.matchAll(/\/Title\s*(\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f]+>)/g)) {
      const raw = t[1]!;
      let title: string;
      if (raw.startsWith('<')) {
        const bytes = Buffer.from(raw.slice(1, -1), 'hex');
        title = bytes.subarray(0, 2).equals(Buffer.from([0xfe, 0xff])) ? bytes.subarray(2).swap16().toString('utf16le') : bytes.toString('latin1');
      } else title = raw.slice(1, -1).replace(/\\(.)/g, '$1');
      titles.push(title.replace(/\s+/g, ''));
    }
  }
  return titles;
}

describe('the print page and the PDF', () => {
  test('the print page has every page of the book, in order, and no empty lab', async () => {
    const { page, context, errors } = await openPage(browser, '/print/');
    const order = await page.locator('.hov-print-chapter[data-chapter]').evaluateAll((els) => els.map((e) => e.getAttribute('data-chapter')));
    expect(order).toEqual(bookPages.filter((p) => p.slug !== 'instructors').map((p) => p.slug));
    // One exercise widget per chapter that has exercises.
    await expect(page.locator('.hov-print .hov-ex').count()).resolves.toBe(EXERCISE_CHAPTERS.length);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('npm run pdf renders every chapter to a PDF', async () => {
    const { page, context } = await openPage(browser, '/print/');
    const headings = await page.locator('.hov-print-chapter[data-chapter] > h1').allTextContents();
    await context.close();
    expect(headings.length).toBe(bookPages.length - 1);
    const dir = mkdtempSync(join(tmpdir(), 'hov-pdf-'));
    try {
      const result = await renderBookPdf({ dir: 'dist', out: join(dir, 'book.pdf') });
      const pdf = readFileSync(result.out);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(result.pending).toBe(0);
      const titles = pdfOutlineTitles(pdf);
      for (const heading of headings) expect(titles, heading).toContain(heading.replace(/\s+/g, ''));
      expect(headings[0]).toMatch(/^1\. /);
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThan(60);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
