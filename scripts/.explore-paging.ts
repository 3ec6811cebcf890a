import { chromium } from 'playwright-core';
import { serveBook } from './serve.ts';
import { chromiumArgs } from '../tests/e2e/chromium-args.ts';
import { findChromium } from '../tests/e2e/find-chromium.ts';
const { server, url } = await serveBook({ dir: 'dist' });
const browser = await chromium.launch({ executablePath: findChromium()!, args: chromiumArgs });
for (const path of ['/memory-and-devices/', '/zh-cn/memory-and-devices/']) for (const theme of ['light', 'dark'] as const) for (const width of [1280, 390]) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });
  await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  const page = await context.newPage();
  const errs: string[] = []; page.on('console', (m) => { if (m.type() === 'error') errs.push(m.text()); }); page.on('pageerror', (e) => errs.push(e.message));
  await page.goto(url + path);
  const lab = page.locator('.hov-paging');
  await lab.scrollIntoViewIfNeeded();
  await page.waitForSelector('astro-island:not([ssr]) .hov-paging');
  // keyboard: focus the Step button and press it 5 times
  await page.locator('.hov-paging-walk button').first().focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Enter');
  await page.locator('.hov-paging-controls').last().locator('button').first().click();
  await page.waitForSelector('.hov-paging-results', { timeout: 60000 });
  const name = `test-results/screenshots/lab${path.replace(/\//g, '_')}${theme}-${width}.png`;
  await lab.screenshot({ path: name });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  console.log(name, 'overflow', overflow, errs);
  await context.close();
}
await browser.close(); server.close();
