/**
 * Issue #10's bar: a Chinese reader can read and use the whole book without meeting English except
 * in code. Every page of the 简体中文 edition is loaded in Chromium, its islands hydrated, and the
 * text a reader meets is searched for English; then every lab is driven until its engine speaks
 * (compile and runtime errors, trap faults, ifcfg findings, exercise hints, solutions and feedback)
 * and searched again.
 *
 * What is read: every visible text node of the page (screen-reader-only text too), the reader-facing
 * attributes aria-label, title, placeholder and alt, and the document's <title>. <details> are opened
 * first, so their contents count.
 *
 * What is left out, because it is code or is meant to be in its own language:
 * - code: pre, code, kbd, samp, textarea, CodeMirror editors (.cm-editor), terminals (.xterm);
 * - anything marked translate="no", or with a lang that is not Chinese (write English deliberately
 *   left in a Chinese page as <span lang="en">…</span>);
 * - the language picker's options (each language is named in itself: "English");
 * - citations: the list under a chapter's “参考资料” / “参考文献” heading (every zh chapter ends with
 *   `## 参考资料`, which Starlight renders as <h2 id="参考资料">, or 参考资料-1… on the print page; the
 *   section is everything after that heading up to the next h2), <cite>, and the timeline's per-event
 *   sources (.hov-tl-source), and a lab's own list of sources (an ol/ul whose class names “sources”,
 *   e.g. the density calculator's): a reference's title stays in its original language;
 * - the glossary's term column (/zh-cn/glossary/ and its chapter on /zh-cn/print/, first cell of each
 *   row), whose job is to give the English original of each term.
 *
 * What counts as English: a stretch of text made only of ASCII (any CJK character or full-width
 * punctuation ends it) holding 3 or more English words. A word is letters only (with inner - or ’),
 * has a lower-case letter, and is not a technical term of the book (KVM, CentOS, P-code, virtio,
 * hypervisor, ifcfg…). Upper-case tokens (VM, CPU, LIT, OPR), numbers and code-like tokens
 * (BRIDGE=br0, ifcfg-eth0, x86_64, lib/pcode) neither count nor break a stretch. Two kinds of
 * stretch are accepted: a proper name or title in Title Case (“Compatible Time-Sharing System”,
 * “Xen and the Art of Virtualization”), a title between Chinese title marks (《Operating systems
 * architecture》), and a gloss that fills a full-width parenthesis after a Chinese term
 * (“陷入并模拟（trap and emulate）”), the house style for giving a term's English original.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { EMBEDDABLE_LABS } from '../../components/exercises/embeddable-labs.ts';
import { encodeShareHash } from '../../lib/pcode/index.ts';
import { zh as trapZh } from '../../components/trap-lab/messages.ts';
import { zh as vmZh } from '../../components/vm/messages.ts';
import { launchBrowser, openPage, seriousAccessibilityViolations } from './browser.ts';
import { englishRuns } from '../english-runs.ts';

/** One piece of text the reader meets: where it is, and what it says. */
interface ReadText {
  path: string;
  text: string;
}

/**
 * Collects the text a reader meets inside `root` (a CSS selector), as ReadText[]. A string, so
 * the test runner's transforms leave it alone: it runs in the page.
 */
function collectScript(root: string): string {
  return `(() => {
    const ROOT = ${JSON.stringify(root)};
    const EXCLUDED = 'pre, code, kbd, samp, textarea, script, style, noscript, template, .cm-editor, .xterm, [translate="no"], starlight-lang-select option, cite, .hov-tl-source, ol[class*="sources"], ul[class*="sources"]';
    const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt'];
    // Text is read per box: inline elements (a, strong, em, span) join the sentence around them.
    const isBlock = (el) => {
      const d = getComputedStyle(el).display;
      return d !== 'inline' && d !== 'contents';
    };
    const cssPath = (el) => {
      const parts = [];
      for (let e = el; e && e !== document.body && parts.length < 6; e = e.parentElement) {
        if (e.id) { parts.unshift(e.tagName.toLowerCase() + '#' + CSS.escape(e.id)); break; }
        let part = e.tagName.toLowerCase();
        const cls = [...e.classList].filter((c) => !c.startsWith('astro-') && !/^_|^sl-/.test(c))[0];
        if (cls) part += '.' + CSS.escape(cls);
        const parent = e.parentElement;
        if (parent) {
          const same = [...parent.children].filter((c) => c.tagName === e.tagName);
          if (same.length > 1) part += ':nth-of-type(' + (same.indexOf(e) + 1) + ')';
        }
        parts.unshift(part);
      }
      return parts.join(' > ');
    };
    const foreignLang = (el) => {
      const owner = el.closest('[lang]');
      return owner !== null && !/^zh/i.test(owner.getAttribute('lang') || '');
    };
    // The references: everything after an h2 "参考资料"/"参考文献" up to the next h2, in the same parent.
    const citations = new Set();
    for (const h of document.querySelectorAll('h2')) {
      if (!/^(参考资料|参考文献)/.test((h.id || '') + ' ' ) && !/^(参考资料|参考文献)$/.test(h.textContent.trim())) continue;
      const start = h.parentElement && h.parentElement.classList.contains('sl-heading-wrapper') ? h.parentElement : h;
      for (let n = start.nextElementSibling; n; n = n.nextElementSibling) {
        if (n.matches('h2, .sl-heading-wrapper:has(> h2)')) break;
        citations.add(n);
      }
    }
    const inCitations = (el) => { for (let e = el; e; e = e.parentElement) if (citations.has(e)) return true; return false; };
    const glossary = (el) => location.pathname.startsWith('/zh-cn/glossary/') || el.closest('[data-chapter="glossary"]') !== null;
    const glossaryTerm = (el) => glossary(el) && el.closest('td:first-child') !== null;
    const skip = (el) => el.closest(EXCLUDED) !== null || foreignLang(el) || inCitations(el) || glossaryTerm(el);
    const visible = (el) => {
      const host = el.closest('option') ? el.closest('select') || el : el;
      return host.checkVisibility({ visibilityProperty: true });
    };
    const out = [];
    for (const root of document.querySelectorAll(ROOT)) {
      const blocks = new Map();
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || !node.nodeValue.trim() || skip(el) || !visible(el)) continue;
        let block = el;
        while (block !== root && block.parentElement && !isBlock(block)) block = block.parentElement;
        if (!blocks.has(block)) blocks.set(block, []);
        blocks.get(block).push(node.nodeValue);
      }
      for (const [block, texts] of blocks) out.push({ path: cssPath(block), text: texts.join('') });
      for (const el of root.querySelectorAll('[' + ATTRIBUTES.join('], [') + ']')) {
        const inEditor = el.closest('.cm-editor') && !el.matches('.cm-content');
        if (inEditor || el.closest('.xterm, [translate="no"], starlight-lang-select option') || foreignLang(el) || !visible(el)) continue;
        for (const a of ATTRIBUTES) {
          const v = el.getAttribute(a);
          if (v && v.trim()) out.push({ path: cssPath(el) + '[' + a + ']', text: v });
        }
      }
    }
    if (ROOT === 'body') out.push({ path: 'title', text: document.title });
    return out;
  })()`;
}

/** An offender: page, the English, and where it is. */
type Offence = string;

async function englishOn(page: Page, root = 'body'): Promise<Offence[]> {
  const texts = (await page.evaluate(collectScript(root))) as ReadText[];
  const where = new URL(page.url()).pathname;
  const offences: Offence[] = [];
  for (const { path, text } of texts) {
    for (const run of englishRuns(text)) offences.push(`${where} — “${run.length > 140 ? `${run.slice(0, 140)}…` : run}” at ${path}`);
  }
  return [...new Set(offences)];
}

/** Scrolls every island into view (client:visible ones hydrate then), opens <details>, waits for hydration. */
async function hydrate(page: Page): Promise<void> {
  const islands = page.locator('astro-island');
  const count = await islands.count();
  for (let i = 0; i < count; i++) await islands.nth(i).scrollIntoViewIfNeeded().catch(() => undefined);
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout: 30_000 }).catch(() => undefined);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
}

// ---------------------------------------------------------------------------------------------
// The Chinese pages: every content/docs/zh-cn/*.mdx and every route under pages/zh-cn/.

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The URLs of the Chinese edition: its chapters and its own pages, dynamic routes expanded. */
function chinesePages(): string[] {
  const docs = filesUnder('content/docs/zh-cn')
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => relative('content/docs/zh-cn', f).replace(/\.mdx?$/, '').replace(/(^|\/)index$/, ''))
    .map((slug) => (slug === '' ? '/zh-cn/' : `/zh-cn/${slug}/`));
  const routes = filesUnder('pages/zh-cn')
    .filter((f) => f.endsWith('.astro'))
    .flatMap((f) => {
      const route = relative('pages/zh-cn', f).replace(/\.astro$/, '').replace(/(^|\/)index$/, '');
      if (route.includes('[lab]')) return EMBEDDABLE_LABS.map((lab) => `/zh-cn/${route.replace('[lab]', lab.id)}/`);
      if (route.includes('[')) throw new Error(`${f}: a dynamic route this audit cannot list; teach chinesePages() its parameters`);
      return [route === '' ? '/zh-cn/' : `/zh-cn/${route}/`];
    });
  return [...new Set([...docs, ...routes])].sort();
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the audit itself', () => {
  test('finds English sentences and leaves code, terms, names and glosses alone', () => {
    expect(englishRuns('unknown identifier x')).toEqual(['unknown identifier x']);
    expect(englishRuns('第 3 行：x is already declared in this scope')).toEqual(['x is already declared in this scope']);
    expect(englishRuns('Press Run to start the machine.')).toEqual(['Press Run to start the machine.']);
    expect(englishRuns('set BRIDGE=br0 in the port file')).toEqual(['set BRIDGE=br0 in the port file']);
    expect(englishRuns('把 BRIDGE=br0 写进 ifcfg-eth0，然后运行 KVM 虚拟机。')).toEqual([]);
    expect(englishRuns('LIT 0 5 OPR 0 2 STO 0 3')).toEqual([]);
    expect(englishRuns('CTSS（Compatible Time-Sharing System，兼容分时系统）')).toEqual([]);
    expect(englishRuns('陷入并模拟（trap and emulate）是')).toEqual([]);
    expect(englishRuns('陷入并模拟 trap and emulate 是')).toEqual(['trap and emulate']);
    expect(englishRuns('G. J. Popek, “Formal Requirements for Virtualizable Third Generation Architectures”')).toEqual([]);
    expect(englishRuns('虚拟机（virtual machine）')).toEqual([]);
    expect(englishRuns('the KVM hypervisor module')).toEqual([]);
    expect(englishRuns('（“Xen and the Art of Virtualization”）')).toEqual([]);
    expect(englishRuns('论文《Operating systems architecture》中')).toEqual([]);
    expect(englishRuns('输出“Device br0 does not seem to be present”')).toEqual(['Device br0 does not seem to be present']);
    expect(englishRuns('load the KVM module now')).toEqual(['load the KVM module now']);
  });

  test('lists every Chinese chapter and page, with each embeddable lab', () => {
    const pages = chinesePages();
    for (const path of ['/zh-cn/', '/zh-cn/p-code/', '/zh-cn/glossary/', '/zh-cn/print/', '/zh-cn/embed/trap-lab/']) expect(pages).toContain(path);
    expect(pages.filter((p) => p.startsWith('/zh-cn/embed/'))).toHaveLength(EMBEDDABLE_LABS.length);
  });
});

describe('no English on a Chinese page, once its islands have hydrated', () => {
  for (const path of chinesePages()) {
    test(path, async () => {
      const { page, context } = await openPage(browser, path);
      await hydrate(page);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      const offences = await englishOn(page);
      await context.close();
      expect(offences).toEqual([]);
    });
  }

  test('at phone width, with the menu and the “on this page” list open', async () => {
    const offences: Offence[] = [];
    for (const path of ['/zh-cn/', '/zh-cn/p-code/']) {
      const { page, context } = await openPage(browser, path, { width: 390, theme: 'dark' });
      await hydrate(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      offences.push(...(await englishOn(page)));
      const toc = page.locator('mobile-starlight-toc summary');
      if ((await toc.count()) > 0) {
        await toc.first().click();
        offences.push(...(await englishOn(page)));
        await toc.first().click();
      }
      const menu = page.locator('button.sl-menu-button');
      if ((await menu.count()) > 0) {
        await menu.first().click();
        offences.push(...(await englishOn(page)));
      }
      await context.close();
    }
    expect([...new Set(offences)]).toEqual([]);
  });

  test('a missing page under /zh-cn/ (the 404 page)', async () => {
    const { page, context } = await openPage(browser, '/zh-cn/no-such-page/');
    const offences = await englishOn(page);
    const lang = await page.locator('html').getAttribute('lang');
    await context.close();
    expect([...offences, ...(lang === 'zh-CN' ? [] : [`/zh-cn/no-such-page/ — <html lang="${lang}">`])]).toEqual([]);
  });

  test('the search dialog, with and without results', async () => {
    const { page, context } = await openPage(browser, '/zh-cn/');
    await page.locator('site-search button[data-open-modal]').first().click();
    const input = page.locator('#starlight__search input');
    await input.fill('网桥');
    await page.locator('#starlight__search a.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    const offences = await englishOn(page, 'dialog');
    await input.fill('zzqqxx');
    await page.waitForFunction(() => /zzqqxx/.test(document.querySelector('#starlight__search')?.textContent ?? ''), undefined, { timeout: 15_000 }).catch(() => undefined);
    offences.push(...(await englishOn(page, 'dialog')));
    await context.close();
    expect(offences).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The labs, driven until their engines speak.

/** Scrolls a lab into view (client:visible islands hydrate then) and waits until it is hydrated and `ready`. */
async function islandOf(page: Page, selector: string, ready = ''): Promise<Locator> {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  await page.waitForSelector(`astro-island:not([ssr]) ${selector}${ready}`);
  return page.locator(`${selector}${ready}`).first();
}

const COMPILE_ERROR = { source: 'program p;\nbegin\n  x := 1\nend.\n', input: '' };
const RUNTIME_ERROR = { source: 'program p;\nvar a, b: integer;\nbegin\n  a := 0;\n  b := 7 div a;\n  writeln(b)\nend.\n', input: '' };
const READ_PAST_INPUT = { source: 'program p;\nvar a: integer;\nbegin\n  read(a);\n  read(a);\n  writeln(a)\nend.\n', input: '1' };

describe('no English from the engines in the Chinese labs', () => {
  test('P-code lab: a compile error, a runtime error, reading past the input', async () => {
    const offences: Offence[] = [];
    const { page, context } = await openPage(browser, `/zh-cn/p-code/${encodeShareHash(COMPILE_ERROR)}`);
    const lab = await islandOf(page, '.hov-pc');
    await lab.locator('.hov-pc-diagnostics').waitFor();
    offences.push(...(await englishOn(page, '.hov-pc')));
    for (const program of [RUNTIME_ERROR, READ_PAST_INPUT]) {
      await page.goto(new URL(`/zh-cn/p-code/${encodeShareHash(program)}`, page.url()).href);
      await page.reload();
      const again = await islandOf(page, '.hov-pc');
      await again.locator('.hov-pc-controls button.hov-pc-primary').click();
      await again.locator('.hov-pc-error').waitFor({ timeout: 15_000 });
      offences.push(...(await englishOn(page, '.hov-pc')));
    }
    expect(await seriousAccessibilityViolations(page, { exclude: ['astro-island:not(:has(.hov-pc))'] })).toEqual([]);
    await context.close();
    expect(offences).toEqual([]);
  });

  test('JIT lab: a compile error and a runtime error', async () => {
    const offences: Offence[] = [];
    for (const program of [COMPILE_ERROR, RUNTIME_ERROR]) {
      const { page, context } = await openPage(browser, `/zh-cn/embed/jit-lab/${encodeShareHash(program)}`);
      const lab = await islandOf(page, '.jit-lab');
      if (program === RUNTIME_ERROR) {
        await lab.getByRole('button', { name: /运行/ }).first().click();
        await page.waitForTimeout(1500);
      } else {
        await page.waitForTimeout(500);
      }
      // The lab must show something from the engine for this to audit anything.
      expect(await lab.innerText()).toMatch(program === RUNTIME_ERROR ? /0|除/ : /x/);
      offences.push(...(await englishOn(page, '.jit-lab')));
      await context.close();
    }
    expect(offences).toEqual([]);
  });

  test('trap lab: every workload under every method, with the controls as shipped and all flipped, and the quiz answers', async () => {
    const offences: Offence[] = [];
    const { page, context } = await openPage(browser, '/zh-cn/full-virtualization/');
    const lab = await islandOf(page, '.hov-trap:not(.hov-quiz)', '[data-ready="true"]');
    const workloads = await lab.getByTestId('trap-workload').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const strategies = await lab.locator('input[name="hov-trap-strategy"]').evaluateAll((is) => is.map((i) => (i as HTMLInputElement).value));
    expect(workloads.length * strategies.length).toBeGreaterThan(4);
    for (const workload of workloads) {
      await lab.getByTestId('trap-workload').selectOption(workload);
      for (const strategy of strategies) {
        await lab.locator(`input[name="hov-trap-strategy"][value="${strategy}"]`).check();
        await lab.getByTestId('trap-finish').click();
        await expect.poll(() => lab.getByTestId('trap-finish').isDisabled(), { timeout: 30_000 }).toBe(true);
        offences.push(...(await englishOn(page, '.hov-trap:not(.hov-quiz)')));
      }
    }
    // Then with every VMCS control and every redesign box flipped: exits that leak, violations.
    await lab.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const boxes = lab.locator('input[type="checkbox"]');
    const boxCount = await boxes.count();
    expect(boxCount).toBeGreaterThan(0);
    for (let i = 0; i < boxCount; i++) await boxes.nth(i).click();
    for (const workload of workloads) {
      await lab.getByTestId('trap-workload').selectOption(workload);
      for (const strategy of strategies) {
        await lab.locator(`input[name="hov-trap-strategy"][value="${strategy}"]`).check();
        await lab.getByTestId('trap-finish').click();
        await expect.poll(() => lab.getByTestId('trap-finish').isDisabled(), { timeout: 30_000 }).toBe(true);
        offences.push(...(await englishOn(page, '.hov-trap:not(.hov-quiz)')));
      }
    }
    const quiz = await islandOf(page, '.hov-quiz');
    await quiz.getByRole('button', { name: trapZh.quizShowAnswers, exact: true }).click();
    offences.push(...(await englishOn(page, '.hov-quiz')));
    await context.close();
    expect([...new Set(offences)]).toEqual([]);
  });

  test('bridge editor: every example and its ifcfg findings', async () => {
    const offences: Offence[] = [];
    const { page, context } = await openPage(browser, '/zh-cn/kvm-bridge/');
    const lab = await islandOf(page, '.bridge-editor');
    const examples = lab.locator('.bridge-editor__examples button');
    const count = await examples.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) {
      await examples.nth(i).click();
      await page.waitForTimeout(200);
      offences.push(...(await englishOn(page, '.bridge-editor')));
    }
    // Every translation tab too (their panels are code; their labels are not).
    const tabs = lab.locator('[role="tab"]');
    for (let i = 0; i < (await tabs.count()); i++) {
      await tabs.nth(i).click();
      offences.push(...(await englishOn(page, '.bridge-editor')));
    }
    expect(await seriousAccessibilityViolations(page, { exclude: ['astro-island:not(:has(.bridge-editor))'] })).toEqual([]);
    await context.close();
    expect([...new Set(offences)]).toEqual([]);
  });

  const chapters = EMBEDDABLE_LABS.filter((lab) => lab.id.startsWith('exercises-')).map((lab) => lab.chapterPath);
  for (const chapter of chapters) {
    test(`exercises of ${chapter}: every exercise's problem, a wrong answer's feedback, the hint and the solution`, async () => {
      const offences: Offence[] = [];
      const { page, context } = await openPage(browser, `/zh-cn${chapter}`);
      const widget = await islandOf(page, '.hov-ex', '[data-ready="true"]');
      const ids = await widget.getByTestId('exercise-select').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) {
        await widget.getByTestId('exercise-select').selectOption(id);
        await widget.getByTestId('exercise-seed').fill('7');
        const answer = widget.getByTestId('exercise-answer');
        if ((await answer.count()) > 0) await answer.fill('zz-not-an-answer');
        else await widget.locator('.hov-ex-choice').last().click();
        await widget.getByTestId('exercise-check').click();
        await widget.getByTestId('exercise-result').waitFor();
        await widget.getByTestId('exercise-hint').click();
        const reveal = widget.getByTestId('exercise-reveal');
        if ((await reveal.count()) > 0 && (await reveal.getAttribute('aria-expanded')) !== 'true') await reveal.click();
        offences.push(...(await englishOn(page, '.hov-ex')));
      }
      expect(await seriousAccessibilityViolations(page, { exclude: ['astro-island:not(:has(.hov-ex))'] })).toEqual([]);
      await context.close();
      expect([...new Set(offences)]).toEqual([]);
    });
  }

  test('lab VM: booting, running a command from a command box, and a failed download', async () => {
    const offences: Offence[] = [];
    const { page, context } = await openPage(browser, '/zh-cn/containers/');
    const vm = await islandOf(page, '.labvm');
    await vm.getByRole('button', { name: vmZh.powerOn, exact: true }).click();
    await expect.poll(() => page.locator('.labvm .xterm-rows').innerText().catch(() => ''), { timeout: 90_000 }).toMatch(/#\s*$/);
    offences.push(...(await englishOn(page, '.labvm')));
    await page.locator('.runinvm-button').first().scrollIntoViewIfNeeded();
    await page.locator('.runinvm-button').first().click();
    await page.waitForTimeout(2000);
    offences.push(...(await englishOn(page, 'main')));
    await context.close();

    const failed = await openPage(browser, '/zh-cn/lab-vm/');
    await failed.page.route('**/guest/state.bin.zst', (route) => route.abort('connectionreset'));
    const off = await islandOf(failed.page, '.labvm');
    await off.getByRole('button', { name: vmZh.powerOn, exact: true }).click();
    await failed.page.locator('.labvm-error').waitFor({ timeout: 60_000 });
    offences.push(...(await englishOn(failed.page, '.labvm')));
    await failed.context.close();
    expect([...new Set(offences)]).toEqual([]);
  });
});
