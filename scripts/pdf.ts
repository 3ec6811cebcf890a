/**
 * Renders the whole book (the /print/ page of the built site, or /zh-cn/print/ for the 简体中文
 * edition) to a PDF with Chromium.
 *
 *   npm run build && npm run pdf [-- --lang en|zh-CN] [--out dist/hands-on-virtualization.pdf] [--dir dist]
 *
 * The Chinese edition is set in the book's own Noto Sans SC (linked by the Chinese pages), so it
 * prints the same on a machine without a CJK font.
 *
 * Every lab is scrolled into view and given time to hydrate first, so labs print their current
 * state; one that cannot run prints a note with its address instead of an empty box.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serveBook } from './serve.ts';
import { findChromium } from '../tests/e2e/find-chromium.ts';
import { isBookLocale, type BookLocale } from '../lib/book/localized-text.ts';
import { chromiumArgs } from '../tests/e2e/chromium-args.ts';

export interface PdfOptions {
  /** The built site (default dist). */
  dir?: string;
  /** Where to write the PDF (default dist/hands-on-virtualization.pdf, or …zh-CN.pdf for the Chinese edition). */
  out?: string;
  /** The edition to print (default English). */
  lang?: BookLocale;
}

/** The print page of an edition. */
export function printPath(lang: BookLocale): string {
  return lang === 'zh-CN' ? '/zh-cn/print/' : '/print/';
}

export async function renderBookPdf(options: PdfOptions = {}): Promise<{ out: string; bytes: number; islands: number; pending: number }> {
  const dir = options.dir ?? 'dist';
  const lang = options.lang ?? 'en';
  const out = options.out ?? `${dir}/hands-on-virtualization${lang === 'en' ? '' : `.${lang}`}.pdf`;
  const path = printPath(lang);
  if (!existsSync(`${dir}${path}index.html`)) throw new Error(`${dir}${path}index.html is missing: run \`npm run build\` first`);
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: apt-get install -y chromium (or set CHROMIUM_PATH)');
  const { server, url } = await serveBook({ dir, port: 0 });
  const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 1400 }, colorScheme: 'light', serviceWorkers: 'block' });
    await context.addInitScript(() => localStorage.setItem('starlight-theme', 'light'));
    const page = await context.newPage();
    await page.goto(new URL(path, url).href, { waitUntil: 'load' });
    // client:visible islands hydrate when they scroll into view: visit each one.
    const islands = await page.locator('astro-island').count();
    for (let i = 0; i < islands; i++) {
      await page.locator('astro-island').nth(i).scrollIntoViewIfNeeded().catch(() => undefined);
    }
    await page
      .waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout: 30_000 })
      .catch(() => undefined);
    const pending = await page.locator('astro-island[ssr]').count();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.emulateMedia({ media: 'print' });
    // The Chinese font's unicode-range slices load as text needs them: wait for them all.
    await page.evaluate(() => document.fonts.ready);
    const pdf = await page.pdf({
      path: out,
      format: 'A4',
      printBackground: true,
      outline: true,
      tagged: true,
      margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="font-size:8px;width:100%;text-align:center"><span class="pageNumber"></span></div>',
    });
    return { out, bytes: pdf.length, islands, pending };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const lang = value('--lang') ?? 'en';
  try {
    if (!isBookLocale(lang)) throw new Error(`--lang ${lang}: the book's editions are en and zh-CN`);
    const result = await renderBookPdf({ dir: value('--dir'), out: value('--out'), lang });
    process.stdout.write(`wrote ${result.out}: ${(result.bytes / 1024).toFixed(0)} KiB, ${result.islands} labs and widgets (${result.pending} not hydrated)\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
