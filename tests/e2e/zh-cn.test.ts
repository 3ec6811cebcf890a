/**
 * The 简体中文 edition in Chromium: every Chinese page loads in Chinese with no console error and
 * no serious axe violation, Chinese search finds the pages that use a term, the timeline works in
 * Chinese, and the Chinese print page, its PDF and the Chinese embeds are in Chinese.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { timelineEvents } from '../../lib/timeline/index.ts';
import { zh } from '../../components/timeline/messages.ts';
import { zh as pcodeZh } from '../../components/pcode-lab/messages.ts';
import { plainMeaning } from '../../components/pcode-lab/meaningParts.ts';
import { zh as jitZh } from '../../components/jit-lab/messages.ts';
import { zh as trapZh } from '../../components/trap-lab/messages.ts';
import { zh as bridgeZh } from '../../components/bridge-editor/messages.ts';
import { zh as densityZh } from '../../components/density-calculator/messages.ts';
import { zh as vmZh } from '../../components/vm/messages.ts';
import { zh as exerciseZh } from '../../components/exercises/messages.ts';
import { zh as printZh } from '../../components/book/print/messages.ts';
import { EMBEDDABLE_LABS, embedMessages } from '../../components/book/embed/localized-embeds.ts';
import { bookPages } from '../../lib/book/chapters.ts';
import { EXERCISE_CHAPTERS } from '../../lib/exercises/index.ts';
import { renderBookPdf } from '../../scripts/pdf.ts';
import { baseURL, launchBrowser, openPage, seriousAccessibilityViolations } from './browser.ts';

const zhFolder = 'content/docs/zh-cn';
const zhPages = readdirSync(zhFolder)
  .filter((name) => /\.mdx?$/.test(name))
  .map((name) => name.replace(/\.mdx?$/, ''))
  .sort();
const pathOf = (slug: string) => (slug === 'index' ? '/zh-cn/' : `/zh-cn/${slug}/`);
/** Starlight's notice on a page that falls back to English. */
const fallbackNotice = '此内容尚不支持你的语言。';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('every Chinese page', () => {
  for (const slug of zhPages) {
    for (const [theme, width] of [['light', 1280], ['dark', 390]] as const) {
      test(`${pathOf(slug)} (${theme}, ${width}px) is in Chinese, with no console error and no serious axe violation`, async () => {
        const { page, context, errors } = await openPage(browser, pathOf(slug), { theme, width });
        await page.waitForLoadState('networkidle');
        expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
        expect(await page.locator('h1').first().textContent()).toMatch(/[\u4e00-\u9fff]|P-code/);
        expect(await page.locator('main').textContent()).not.toContain(fallbackNotice);
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }
});

/** The Chinese pages whose text uses a term, by their URL. */
function pagesUsing(term: string): string[] {
  return zhPages.filter((slug) => readFileSync(`${zhFolder}/${slug}.mdx`, 'utf8').includes(term)).map(pathOf);
}

/** Runs a query through the search dialog a reader uses and returns the pages it shows first. */
async function searchFromDialog(page: Page, query: string): Promise<string[]> {
  await page.locator('site-search button[data-open-modal]').first().click();
  await page.locator('#starlight__search input').fill(query);
  const links = page.locator('#starlight__search a.pagefind-ui__result-link');
  await links.first().waitFor({ timeout: 15_000 });
  const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return [...new Set(hrefs)];
}

/** Every page the site's Pagefind index returns for a query (the index the dialog searches). */
async function searchIndex(page: Page, query: string): Promise<string[]> {
  // A string, so the test runner leaves its import() alone: it runs in the page.
  const script = `(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const found = await pagefind.search(${JSON.stringify(query)});
    const data = await Promise.all(found.results.map((r) => r.data()));
    return data.map((d) => new URL(d.url, location.origin).pathname);
  })()`;
  return page.evaluate(script) as Promise<string[]>;
}

describe('search in Chinese', () => {
  for (const term of ['半虚拟化', '网桥']) {
    test(`“${term}” finds every Chinese page that uses it, and only Chinese pages`, async () => {
      const expected = pagesUsing(term);
      // The term must be in the Chinese edition for this test to mean anything.
      expect(expected).toContain('/zh-cn/glossary/');
      const { page, context, errors } = await openPage(browser, '/zh-cn/');
      const shown = await searchFromDialog(page, term);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.filter((path) => !path.startsWith('/zh-cn/'))).toEqual([]);
      // The reader sees Chinese titles in the results.
      const titles = await page.locator('#starlight__search .pagefind-ui__result-link').allTextContents();
      expect(titles.filter((title) => !/[\u4e00-\u9fff]|P-code/.test(title))).toEqual([]);
      const found = await searchIndex(page, term);
      expect(found.filter((path) => !path.startsWith('/zh-cn/'))).toEqual([]);
      expect(expected.filter((path) => !found.includes(path))).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe('the timeline in Chinese', () => {
  async function openTimeline(options: { theme?: 'light' | 'dark'; width?: number } = {}) {
    const opened = await openPage(browser, '/zh-cn/origins/', options);
    await opened.page.locator('.hov-timeline').scrollIntoViewIfNeeded();
    await opened.page.waitForSelector('astro-island:not([ssr]) .hov-timeline');
    return opened;
  }

  test('filters with Chinese labels and status', async () => {
    const { page, context, errors } = await openTimeline();
    const cloud = page.locator('.hov-tl-filter[data-category="cloud"]');
    await expect(cloud.textContent()).resolves.toContain(zh.categories.cloud);
    await cloud.click();
    await expect(cloud.getAttribute('aria-pressed')).resolves.toBe('false');
    const shown = timelineEvents.filter((e) => e.category !== 'cloud').length;
    await expect(page.locator('.hov-tl-status').textContent()).resolves.toBe(zh.showing(shown, timelineEvents.length));
    await page.getByRole('button', { name: zh.showAll }).click();
    await expect(page.locator('.hov-tl-status').textContent()).resolves.toBe(zh.showing(timelineEvents.length, timelineEvents.length));
    expect(errors).toEqual([]);
    await context.close();
  });

  test('opens an event from the keyboard and shows its Chinese story and a Chinese chapter link', async () => {
    const { page, context, errors } = await openTimeline({ theme: 'dark', width: 390 });
    const first = timelineEvents[0]!;
    await page.locator(`#tl-${first.id}`).focus();
    const target = timelineEvents.findIndex((e) => e.id === 'pascal-p1');
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('tl-pascal-p1');
    await page.keyboard.press('Enter');
    const detail = page.locator('#tl-pascal-p1-detail');
    await expect(detail.isVisible()).resolves.toBe(true);
    const event = timelineEvents[target]!;
    await expect(detail.textContent()).resolves.toContain(zh.eventText(event).detail);
    await expect(detail.locator('.hov-tl-chapter').getAttribute('href')).resolves.toBe('/zh-cn/p-code/');
    await expect(detail.locator('.hov-tl-chapter').textContent()).resolves.toBe(zh.readMore(2, 'P-code'));
    await expect(page.locator('#tl-pascal-p1 .hov-tl-title').textContent()).resolves.toBe(zh.eventText(event).title);
    await expect(page.locator('li[data-event-id="vm-370"] time').textContent()).resolves.toBe('1972年8月2日');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('shows no English in its own words once hydrated', async () => {
    const { page, context } = await openTimeline();
    const text = await page.locator('.hov-timeline').evaluate((root) => {
      const clone = root.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('.hov-tl-source, .hov-tl-title, .hov-tl-summary, .hov-tl-detail').forEach((el) => el.remove());
      return clone.innerText;
    });
    expect(text.match(/(?<![-\w])[a-z]{3,}/g) ?? []).toEqual([]);
    await context.close();
  });
});

/**
 * Lower-case English words left in an island's own words. Code, commands, program text, file
 * contents and the engines' diagnostics are written as they are, so they are left out.
 */
async function englishIn(page: Page, selector: string, allowed: readonly string[] = []): Promise<string[]> {
  const text = await page.locator(selector).first().evaluate((root) => {
    const clone = root.cloneNode(true) as HTMLElement;
    // Sources are cited by their own titles.
    clone.querySelectorAll('code, pre, textarea, select, .cm-editor, ol[class*="sources"] a').forEach((el) => el.remove());
    return clone.innerText;
  });
  return (text.match(/(?<![-\w./$=#])[a-z]{4,}(?![-\w/=(])/g) ?? []).filter((word) => !allowed.includes(word));
}

describe('the labs in Chinese', () => {
  test('the P-code lab runs, with Chinese controls and instruction meanings', async () => {
    const { page, context, errors } = await openPage(browser, '/zh-cn/p-code/');
    const lab = page.locator('.hov-pc');
    await lab.scrollIntoViewIfNeeded();
    await page.waitForSelector('astro-island:not([ssr]) .hov-pc');
    await lab.getByRole('button', { name: pcodeZh.run, exact: true }).click();
    await expect.poll(() => lab.locator('.hov-pc-status').textContent()).toContain(pcodeZh.status.halted);
    expect(await lab.locator('.hov-pc-output').textContent()).toContain('! =');
    await lab.getByRole('button', { name: pcodeZh.reset, exact: true }).click();
    await lab.getByRole('button', { name: pcodeZh.step, exact: true }).click();
    await expect.poll(() => lab.textContent()).toContain(plainMeaning(pcodeZh.instructionMeaning('LIT', '')));
    expect(await page.locator('.hov-pc-isa th').allTextContents()).toEqual(Object.values(pcodeZh.isaColumns));
    // Pascal's own words and the example program's names stay as they are.
    expect(await englishIn(page, '.hov-pc', ['read', 'readln', 'factorial', 'fact'])).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the JIT lab runs, in Chinese', async () => {
    const { page, context, errors } = await openPage(browser, '/zh-cn/jit/');
    const lab = page.locator('.jit-lab');
    await lab.waitFor();
    await lab.getByRole('button', { name: jitZh.run, exact: true }).click();
    await expect.poll(() => lab.textContent(), { timeout: 60_000 }).toContain(jitZh.status.halted);
    expect(await lab.locator('select').first().locator('option').first().textContent()).toBe(jitZh.exampleTitle('hot-loop', ''));
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the trap lab and the quiz work, in Chinese', async () => {
    const { page, context, errors } = await openPage(browser, '/zh-cn/full-virtualization/');
    await page.locator('[data-testid=trap-events]').scrollIntoViewIfNeeded();
    await page.waitForSelector('astro-island:not([ssr]) [data-testid=trap-events]');
    await page.getByRole('button', { name: trapZh.finish, exact: true }).click();
    await expect.poll(() => page.locator('[data-testid=trap-verdict]').textContent()).not.toContain(trapZh.verdictRunning);
    expect(await page.locator('[data-testid=trap-events]').textContent()).toMatch(/[\u4e00-\u9fff]/);
    await page.getByRole('button', { name: trapZh.quizShowAnswers, exact: true }).click();
    expect(await page.locator('body').textContent()).toContain(trapZh.opSummary('POPF'));
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the bridge editor judges files with Chinese words', async () => {
    const { page, context, errors } = await openPage(browser, '/zh-cn/kvm-bridge/');
    await page.locator('.bridge-editor').scrollIntoViewIfNeeded();
    await page.waitForSelector('astro-island:not([ssr]) .bridge-editor');
    await page.getByRole('button', { name: 'TYPE=bridge', exact: true }).click();
    await expect.poll(() => page.locator('.bridge-editor__findings').innerText()).toContain(bridgeZh.severity.error);
    expect(await page.locator('.bridge-editor').innerText()).toContain(bridgeZh.vmApply);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the density calculator, the lab VM, its command boxes and the exercises are in Chinese', async () => {
    const { page, context, errors } = await openPage(browser, '/zh-cn/containers/');
    await page.locator('.hov-density').scrollIntoViewIfNeeded();
    await page.waitForSelector('astro-island:not([ssr]) .hov-density');
    expect(await page.locator('.hov-density').innerText()).toContain(densityZh.resultsHeading);
    expect(await page.locator('.labvm').innerText()).toContain(vmZh.powerOn);
    expect(await page.locator('.runinvm-button').first().innerText()).toContain(vmZh.run);
    await page.locator('.hov-ex').scrollIntoViewIfNeeded();
    await page.waitForSelector('astro-island:not([ssr]) .hov-ex');
    expect(await page.locator('.hov-ex h2').textContent()).toBe(exerciseZh.heading);
    for (const selector of ['.hov-density', '.labvm']) expect(await englishIn(page, selector, ['overlay', 'overlayfs', 'grep', 'shell']), selector).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** The outline (bookmark) titles of a PDF written by Chromium, white space removed. */
function pdfOutlineTitles(pdf: Buffer): string[] {
  const texts = [pdf.toString('latin1')];
  for (const m of texts[0]!.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    try {
      texts.push(inflateSync(pdf.subarray(start, texts[0]!.indexOf('endstream', start))).toString('latin1'));
    } catch {
      // not a deflated stream (an image, a font)
    }
  }
  const titles: string[] = [];
  for (const text of texts) {
    for (const t of text.matchAll(/\/Title\s*(\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f]+>)/g)) {
      const raw = t[1]!;
      let title = raw.slice(1, -1).replace(/\\(.)/g, '$1');
      if (raw.startsWith('<')) {
        const bytes = Buffer.from(raw.slice(1, -1), 'hex');
        title = bytes.subarray(0, 2).equals(Buffer.from([0xfe, 0xff])) ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le') : bytes.toString('latin1');
      }
      titles.push(title.replace(/\s+/g, ''));
    }
  }
  return titles;
}

describe('the Chinese print page and its PDF', () => {
  const printed = bookPages.filter((p) => p.slug !== 'instructors');

  test('/zh-cn/print/ has every Chinese chapter in order, with Chinese headings and /zh-cn/ addresses', async () => {
    const { page, context, errors } = await openPage(browser, '/zh-cn/print/');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const order = await page.locator('.hov-print-chapter[data-chapter]').evaluateAll((els) => els.map((e) => e.getAttribute('data-chapter')));
    expect(order).toEqual(printed.map((p) => p.slug));
    expect(await page.locator('.hov-print-toc h2').textContent()).toBe(printZh.contents);
    const headings = await page.locator('.hov-print-chapter[data-chapter] > h1').allTextContents();
    expect(headings[0]).toBe(`1. ${printed[0]!.label['zh-CN']}`);
    for (const heading of headings) expect(heading).toMatch(/[\u4e00-\u9fff]|P-code/);
    const online = await page.locator('.hov-print-online').allTextContents();
    expect(online).toHaveLength(printed.length);
    online.forEach((line, i) => expect(line).toMatch(new RegExp(`^在线版（含实验）：\\S+/zh-cn/${printed[i]!.slug}/$`)));
    // Chinese content, not the English chapters: the glossary is the Chinese one.
    expect(await page.locator('#chapter-glossary').innerText()).toContain('虚拟机监控器');
    // One exercise widget per chapter that has exercises.
    await expect(page.locator('.hov-print .hov-ex').count()).resolves.toBe(EXERCISE_CHAPTERS.length);
    // Its chapters are the pages above, each checked with axe there; the print page adds only its contents list.
    expect(await seriousAccessibilityViolations(page, { exclude: ['.hov-print-chapter'] })).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('npm run pdf -- --lang zh-CN prints the Chinese edition, its outline in Chinese', async () => {
    const { page, context } = await openPage(browser, '/zh-cn/print/');
    const headings = await page.locator('.hov-print-chapter[data-chapter] > h1').allTextContents();
    await context.close();
    const dir = mkdtempSync(join(tmpdir(), 'hov-pdf-zh-'));
    try {
      const result = await renderBookPdf({ dir: process.env.BOOK_DIST ?? 'dist', out: join(dir, 'book.zh-CN.pdf'), lang: 'zh-CN' });
      const pdf = readFileSync(result.out);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(result.pending).toBe(0);
      const titles = pdfOutlineTitles(pdf);
      // Every chapter has its bookmark. (Chromium 156 writes the bookmark text of the Chinese print
      // page's chapter headings twice, the first copy cut at the heading's first line: "1.起源1.起源".
      // The bookmark is there and ends with its heading; the doubling is Chromium's.)
      for (const heading of headings) {
        const text = heading.replace(/\s+/g, '');
        expect(titles.some((t) => t.endsWith(text) && t.length <= 2 * text.length), heading).toBe(true);
      }
      expect(titles.some((t) => /[\u4e00-\u9fff]/.test(t))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the Chinese embeds', () => {
  test('every lab has a /zh-cn/embed/ page with its Chinese title and a link to its Chinese chapter', async () => {
    const t = embedMessages('zh-CN');
    for (const lab of EMBEDDABLE_LABS) {
      const { page, context, errors } = await openPage(browser, `/zh-cn/embed/${lab.id}/`);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(await page.title()).toContain(lab.zhTitle);
      expect(await page.locator('.hov-embed').getAttribute('data-lab')).toBe(lab.id);
      const source = page.locator('.hov-embed-source a');
      expect(await source.getAttribute('href')).toBe(`/zh-cn${lab.chapterPath}`);
      expect(await source.textContent()).toBe(t.source(lab.chapterNumber).link);
      await expect(page.locator('header.header').isVisible()).resolves.toBe(false);
      expect(errors, lab.id).toEqual([]);
      await context.close();
    }
  });

  test('/zh-cn/embed/trap-lab/ runs the lab in Chinese, dark at phone width, with no serious axe violation', async () => {
    const { page, context, errors } = await openPage(browser, '/zh-cn/embed/trap-lab/', { theme: 'dark', width: 390 });
    await page.waitForSelector('astro-island:not([ssr]) .hov-trap[data-ready="true"]');
    await page.getByRole('button', { name: trapZh.finish, exact: true }).click();
    await expect.poll(() => page.locator('[data-testid=trap-verdict]').textContent()).not.toContain(trapZh.verdictRunning);
    expect(await page.locator('[data-testid=trap-verdict]').textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('an exercise embed keeps its seed link, in Chinese', async () => {
    const { page, context } = await openPage(browser, '/zh-cn/embed/exercises-jit/?exercise=jit-cache-hits&seed=8');
    await page.locator('.hov-ex').scrollIntoViewIfNeeded();
    const widget = page.locator('astro-island:not([ssr]) .hov-ex[data-ready="true"]');
    await widget.waitFor();
    await expect(widget.getAttribute('data-seed')).resolves.toBe('8');
    expect(await widget.locator('h2').textContent()).toBe(exerciseZh.heading);
    await context.close();
  });

  test('the Chinese instructors\' page offers /zh-cn/embed/ snippets with Chinese titles, and one loads in a frame', async () => {
    const { page, context, errors } = await openPage(browser, '/zh-cn/instructors/');
    const snippets = await page.locator('[data-embed-snippet]').allTextContents();
    expect(snippets).toHaveLength(EMBEDDABLE_LABS.length);
    for (const lab of EMBEDDABLE_LABS) {
      const snippet = snippets.find((s) => s.includes(`/zh-cn/embed/${lab.id}/"`));
      expect(snippet, lab.id).toContain(`title="${lab.zhTitle}"`);
    }
    expect(snippets.filter((s) => /src="[^"]*\/embed\//.test(s) && !s.includes('/zh-cn/embed/'))).toEqual([]);
    const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain('/zh-cn/print/');
    expect(links).toContain('/zh-cn/instructors/answer-keys/');
    expect(links.filter((href) => /^\/(print|embed|instructors\/answer-keys)\//.test(href ?? ''))).toEqual([]);
    const src = /src="([^"]+)"/.exec(snippets.find((s) => s.includes('/zh-cn/embed/pcode-lab/'))!)![1]!;
    await page.setContent(`<iframe src="${new URL(new URL(src).pathname, baseURL()).href}" width="800" height="600"></iframe>`);
    const frame = page.frameLocator('iframe');
    await frame.locator('.hov-pc').first().waitFor();
    expect(await frame.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    await context.close();
  });
});
