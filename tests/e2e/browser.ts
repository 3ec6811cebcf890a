/**
 * The browser harness for the e2e tests: Debian's Chromium driven by playwright-core, against the
 * built site served by scripts/serve.ts (started once by global-setup.ts).
 *
 *   const browser = await launchBrowser();
 *   const { page, errors } = await openPage(browser, '/origins/', { theme: 'dark', width: 390 });
 *   ...
 *   expect(errors).toEqual([]);   // console errors, page errors and CSP violations
 *
 * A context that openPage or openContext opens inside a test is closed when that test ends, passed
 * or failed (the test's `finally`), so one failure does not leave pages running into the next test.
 */
import { afterAll, beforeAll, inject, onTestFinished } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { findChromium } from './find-chromium.ts';
import { chromiumArgs } from './chromium-args.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export { chromiumArgs };

export function baseURL(): string {
  return inject('baseURL');
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: apt-get install -y chromium (or set CHROMIUM_PATH)');
  return chromium.launch({ executablePath, headless: true, args: chromiumArgs });
}

/**
 * One browser for the calling test file: launched before its first test, closed after its last.
 * Call it at the top level of the file; the function it returns gives that browser in a test or hook.
 */
export function browserForThisFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('The browser is launched in beforeAll: ask for it inside a test or a hook');
    return browser;
  };
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught page errors and CSP violations seen so far. */
  errors: string[];
}

/** Closes the context when the running test ends, however it ends; outside a test (beforeAll) the caller closes it. */
function closeWhenTheTestEnds(context: BrowserContext): void {
  try {
    onTestFinished(() => context.close());
  } catch {
    // Not inside a test: the hook that opened it owns it.
  }
}

/** A new browser context, closed when the test that opened it ends. */
export async function openContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  // The book's service worker stays off unless a test asks for it (see openPage).
  const context = await browser.newContext({ serviceWorkers: 'block', ...options });
  closeWhenTheTestEnds(context);
  return context;
}

export async function openPage(
  browser: Browser,
  path: string,
  options: { theme?: 'light' | 'dark'; width?: number; height?: number; serviceWorkers?: 'allow' | 'block' } = {},
): Promise<OpenedPage> {
  const context = await openContext(browser, {
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.theme ?? 'light',
    // The book's service worker (reading offline) is tested in offline.test.ts. Elsewhere it stays
    // off: page.route() cannot see requests a service worker answers, and each test is a first visit.
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  if (options.theme) {
    // Starlight reads the reader's choice from localStorage before it paints.
    await context.addInitScript((theme) => localStorage.setItem('starlight-theme', theme), options.theme);
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`http ${res.status()}: ${res.url()}`);
  });
  await page.goto(new URL(path, baseURL()).href, { waitUntil: 'load' });
  return { page, context, errors };
}

/** Waits until the island `labSelector` on an open page is hydrated and says `data-ready="true"`, scrolled into view. */
export async function waitForLab(page: Page, labSelector: string): Promise<void> {
  await page.locator(labSelector).scrollIntoViewIfNeeded();
  await page.waitForSelector(`astro-island:not([ssr]) ${labSelector}[data-ready="true"]`);
}

/** openPage, then waitForLab: the page with its lab ready to use. */
export async function openLab(
  browser: Browser,
  path: string,
  labSelector: string,
  options: Parameters<typeof openPage>[2] = {},
): Promise<OpenedPage> {
  const opened = await openPage(browser, path, options);
  await waitForLab(opened.page, labSelector);
  return opened;
}

/**
 * For a lab's test file: browserForThisFile, and openLab bound to that browser and to the lab
 * `labSelector`.
 */
export function labInThisFile(labSelector: string): {
  browser: () => Browser;
  openLab: (path: string, options?: Parameters<typeof openPage>[2]) => Promise<OpenedPage>;
} {
  const browser = browserForThisFile();
  return { browser, openLab: (path, options = {}) => openLab(browser(), path, labSelector, options) };
}

/** axe-core violations of impact serious or critical, as readable strings. */
export async function seriousAccessibilityViolations(page: Page, options: { exclude?: string[] } = {}): Promise<string[]> {
  // Expressive Code makes a code block that overflows focusable (tabindex, role=region) from a
  // ResizeObserver, 250 ms and an idle callback after layout; axe must not look before it has.
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll<HTMLElement>('.expressive-code pre')].every(
          (pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex'),
        ),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => {}); // axe then reports the block that stayed unreachable
  let builder = new AxeBuilder({ page });
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}
