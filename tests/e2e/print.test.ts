/**
 * The printed book (/print/ and /zh-cn/print/, printed by a reader's browser or by `npm run pdf`):
 * every lab is a static figure of its state, with no controls and no "Loading…" note, and no page
 * is left almost empty except the last page of a chapter. The Chinese PDF is set in the book's own
 * Noto Sans SC (embedded), not in whatever CJK font the printing machine has.
 * Needs poppler-utils (pdftotext, pdftoppm, pdffonts).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './browser.ts';
import { renderBookPdf } from '../../scripts/pdf.ts';

let browser: Browser;
let scratch: string;
beforeAll(async () => {
  browser = await launchBrowser();
  scratch = mkdtempSync(join(tmpdir(), 'book-print-'));
});
afterAll(async () => {
  await browser?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const editions = [
  { path: '/print/', lang: 'en' as const },
  { path: '/zh-cn/print/', lang: 'zh-CN' as const },
];

/** Loading notes of the islands, in both editions ("Loading the editor…", "Loading…", "正在加载编辑器…", "加载中…"). */
const loadingNote = /Loading[^.\n]{0,30}…|加载[^。\n]{0,10}…/;

/**
 * Controls a reader would see on paper (print media must be emulated). A text box that holds a
 * program or a file is the lab's state and may print, but whole: an empty one, or one that cuts its
 * text off, counts as a control.
 */
async function visibleControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.hov-print :is(button, select, input:not([type="checkbox"], [type="radio"]), textarea, progress)')]
      .filter((element) => element.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }))
      .filter((element) => !(element instanceof HTMLTextAreaElement && element.value.trim() !== '' && element.scrollHeight <= element.clientHeight + 2))
      .map((element) => `${element.tagName.toLowerCase()} "${(element.textContent || element.getAttribute('aria-label') || '').trim().slice(0, 40)}" in ${element.closest('section[aria-label]')?.getAttribute('aria-label') ?? '?'}`),
  );
}

/** The chapter titles as printed, to tell a chapter's last page from an almost empty page. */
async function chapterTitles(page: Page): Promise<string[]> {
  return page.locator('.hov-print-chapter > h1').allTextContents();
}

/** For each page of a PDF: its text, and how far down the page its content reaches (0 to 1), above a footer of that fraction of the page. */
function pdfPages(pdf: string, footer = 0): { text: string; filled: number }[] {
  const pageCount = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  const dir = mkdtempSync(join(scratch, 'pages-'));
  execFileSync('pdftoppm', ['-gray', '-r', '20', pdf, join(dir, 'p')]);
  const images = readdirSync(dir).filter((name) => name.endsWith('.pgm')).sort();
  expect(images.length).toBe(pageCount);
  return images.map((name, i) => {
    const text = execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-'], { encoding: 'utf8' });
    // A binary PGM: "P5\n<width> <height>\n255\n" then one byte per pixel.
    const data = readFileSync(join(dir, name));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error(`${name}: not a binary PGM`);
    const [width, height] = [Number(header[1]), Number(header[2])];
    const pixels = data.subarray(header[0].length);
    let lowest = 0;
    for (let y = 0; y < height * (1 - footer); y++) {
      for (let x = 0; x < width; x++) {
        if (pixels[y * width + x] < 200) {
          lowest = y;
          break;
        }
      }
    }
    return { text, filled: lowest / height };
  });
}

/** Pages that are almost empty (content in less than the top quarter) and are not the last of a chapter. */
function almostEmptyPages(pages: { text: string; filled: number }[], titles: string[]): string[] {
  const startsChapter = (text: string) => {
    const first = text.split('\n').map((line) => line.trim()).find((line) => line.length > 0) ?? '';
    return titles.some((title) => first.startsWith(title.trim().slice(0, 12)));
  };
  const found: string[] = [];
  pages.forEach((page, i) => {
    const last = i === pages.length - 1 || startsChapter(pages[i + 1].text);
    if (!last && page.filled < 0.25) found.push(`page ${i + 1} is ${Math.round(page.filled * 100)}% filled: ${page.text.trim().slice(0, 80)}`);
  });
  return found;
}

describe('the printed book', () => {
  for (const { path } of editions) {
    test(`${path} printed straight from the browser: no controls, no loading notes, no almost empty pages`, async () => {
      const { page, context } = await openPage(browser, path, { width: 1100, height: 1400 });
      const titles = await chapterTitles(page);
      expect(titles.length).toBeGreaterThan(5);
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => document.fonts.ready);
      expect(await visibleControls(page)).toEqual([]);
      const pdf = join(scratch, `browser-${path.replace(/\W+/g, '-')}.pdf`);
      await page.pdf({ path: pdf, format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } });
      const pages = pdfPages(pdf);
      const text = pages.map((p) => p.text).join('\n');
      expect(text.match(new RegExp(`.{0,40}(?:${loadingNote.source}).{0,40}`, 'g')) ?? []).toEqual([]);
      expect(almostEmptyPages(pages, titles)).toEqual([]);
      await context.close();
    }, 180_000);

    test(`${path} with every lab hydrated (as npm run pdf prints it) shows no controls`, async () => {
      const { page, context } = await openPage(browser, path, { width: 1100, height: 1400 });
      const islands = page.locator('astro-island');
      for (let i = 0; i < (await islands.count()); i++) await islands.nth(i).scrollIntoViewIfNeeded().catch(() => undefined);
      await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout: 30_000 }).catch(() => undefined);
      await page.emulateMedia({ media: 'print' });
      expect(await visibleControls(page)).toEqual([]);
      await context.close();
    }, 180_000);
  }

  test('npm run pdf -- --lang zh-CN embeds the self-hosted Noto Sans SC and leaves no page almost empty', async () => {
    const out = join(scratch, 'book.zh-CN.pdf');
    const result = await renderBookPdf({ lang: 'zh-CN', out, dir: process.env.BOOK_DIST ?? 'dist' });
    expect(result.pending).toBe(0);
    const fonts = execFileSync('pdffonts', [out], { encoding: 'utf8' });
    // Fontsource's files are named NotoSansSC…; the system's fonts-noto-cjk would be NotoSansCJK….
    expect(fonts).toMatch(/NotoSansSC/);
    expect(fonts).not.toMatch(/NotoSansCJK|DroidSansFallback|WenQuanYi/i);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text).toContain('动手学虚拟化');
    expect(text.match(new RegExp(`.{0,40}(?:${loadingNote.source}).{0,40}`, 'g')) ?? []).toEqual([]);
    const { page, context } = await openPage(browser, '/zh-cn/print/');
    const titles = await chapterTitles(page);
    await context.close();
    // npm run pdf prints a page number in the bottom margin (18 mm of 297): leave it out of the measure.
    const pages = pdfPages(out, 0.07);
    expect(almostEmptyPages(pages, titles)).toEqual([]);
  }, 300_000);
});
