import { chromium } from 'playwright-core';
import { serveBook } from './serve.ts';
import { chromiumArgs } from '../tests/e2e/chromium-args.ts';
import { findChromium } from '../tests/e2e/find-chromium.ts';
import { encodePagingLabHash, DEFAULT_PAGING_LAB_SETUP } from '../lib/paging/index.ts';
const { server, url } = await serveBook({ dir: 'dist' });
const browser = await chromium.launch({ executablePath: findChromium()!, args: chromiumArgs });
const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
const page = await context.newPage();
const errs: string[] = []; page.on('console', (m) => { if (m.type() === 'error') errs.push(m.text()); }); page.on('pageerror', (e) => errs.push(e.message));
const hash = encodePagingLabHash({ ...DEFAULT_PAGING_LAB_SETUP, guestLevels: 2, hostLevels: 4, hostLargePages: true, workload: 'context-switches', costModel: { ...DEFAULT_PAGING_LAB_SETUP.costModel, vmExit: 100 } });
await page.goto(url + '/memory-and-devices/' + hash);
await page.waitForSelector('astro-island:not([ssr]) .hov-paging', { timeout: 20000 });
await page.waitForTimeout(500);
console.log('scrollY', await page.evaluate(() => window.scrollY));
console.log('g', await page.inputValue('#hov-paging-g'), 'h', await page.inputValue('#hov-paging-h'), 'hostLarge', await page.isChecked('text=The host backs guest memory with large pages'));
console.log('caption', await page.locator('.hov-paging-grid caption').first().textContent());
console.log('workload', await page.inputValue('#hov-paging-workload'), 'vmExit', await page.inputValue('#hov-paging-cost-vmExit'));
// keyboard on select
await page.focus('#hov-paging-g');
await page.keyboard.press('ArrowDown');
console.log('after ArrowDown g =', await page.inputValue('#hov-paging-g'));
// invalid input
await page.focus('#hov-paging-tlb');
await page.keyboard.press('Control+A'); await page.keyboard.type('0');
console.log('error', await page.locator('#hov-paging-tlb-error').textContent());
await page.keyboard.press('Control+A'); await page.keyboard.type('abc');
console.log('value typed', await page.inputValue('#hov-paging-tlb'));
// tab order from Run
await page.focus('#hov-paging-cost-guestFaultHandler');
await page.keyboard.press('Tab'); console.log('focused', await page.evaluate(() => document.activeElement?.textContent));
await page.keyboard.press('Enter');
await page.waitForSelector('.hov-paging-results', { timeout: 60000 });
console.log(await page.locator('.hov-paging-results').innerText());
console.log('winner', await page.locator('.hov-paging > p').last().textContent());
console.log(errs);
await browser.close(); server.close();
