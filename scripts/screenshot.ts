/**
 * Screenshots of built pages in light and dark, desktop (1280 px) and phone (390 px) widths, for
 * looking at what a change did. Build first (`npm run build`).
 *
 *   npm run screenshot -- /origins/ /p-code/        → test-results/screenshots/*.png
 *   FULL=1 npm run screenshot -- /origins/          → whole-page screenshots
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serveBook } from './serve.ts';
import { chromiumArgs } from '../tests/e2e/chromium-args.ts';
import { findChromium } from '../tests/e2e/find-chromium.ts';

const paths = process.argv.slice(2);
if (!paths.length) {
  console.error('usage: npm run screenshot -- /path/ [/other/path/ …]');
  process.exit(2);
}
const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium: apt-get install -y chromium (or set CHROMIUM_PATH)');
  process.exit(1);
}
const outDir = 'test-results/screenshots';
mkdirSync(outDir, { recursive: true });
const { server, url } = await serveBook({ dir: 'dist' });
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
for (const path of paths) {
  for (const theme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: width > 500 ? 900 : 844 }, colorScheme: theme, serviceWorkers: 'block' });
      await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      const page = await context.newPage();
      await page.goto(url + path, { waitUntil: 'networkidle' });
      const file = `${outDir}/${path.replace(/[^a-z0-9-]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${theme}-${width}.png`;
      await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
      console.log(file);
      await context.close();
    }
  }
}
await browser.close();
server.close();
