/**
 * Starlight's list spacing without its costly `:has()` (lib/book/list-spacing.ts): the built CSS no
 * longer has the list-level `:has(> li > …)`, and on every built page of both editions, islands
 * hydrated, each list in the Markdown content has the class SPACED_LIST_CLASS exactly when
 * Starlight's own condition holds for it, so its items are spaced as Starlight would space them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { encodeShareHash } from '../../lib/pcode/index.ts';
import { SPACED_LIST_CLASS, SPACED_LIST_SELECTOR, STARLIGHT_SPACED_LIST_CONDITION } from '../../lib/book/list-spacing.ts';
import { browserForThisFile, openContext } from './browser.ts';
import { builtPages, dist, gotoHydrated } from './built-pages.ts';

const browser = browserForThisFile();

describe('list spacing without the list-level :has()', () => {
  test('the built CSS finds spaced lists by their class, not with :has(> li > …)', () => {
    const dir = join(dist, '_astro');
    const css = readdirSync(dir)
      .filter((name) => name.endsWith('.css'))
      .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8').replace(/\s+/g, '') }));
    expect(css.filter(({ text }) => text.includes(':has(>li>')).map(({ name }) => name)).toEqual([]);
    expect(css.some(({ text }) => text.includes(`${SPACED_LIST_SELECTOR.replace(/\s+/g, '')}>li>`))).toBe(true);
  });

  test(`on every page, a list in the content has the class ${SPACED_LIST_CLASS} exactly when Starlight's condition holds`, async () => {
    // Every page, and a lab state that renders a list only once it is reached: the P-code lab's compile errors.
    const compileError = encodeShareHash({ source: 'program p;\nbegin\n  x := 1\nend.\n', input: '' });
    const pages = [...builtPages(), `/p-code/${compileError}`, `/zh-cn/p-code/${compileError}`];
    expect(pages).toContain('/zh-cn/kvm-bridge/');
    const context = await openContext(browser(), { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const mismatches: string[] = [];
    let spaced = 0;
    for (const path of pages) {
      // Islands hydrated, so the lists they render count.
      await gotoHydrated(page, path);
      if (path.endsWith(compileError)) await page.locator('.hov-pc-diagnostics li').first().waitFor();
      const lists = await page.evaluate(
        ({ condition, className }) =>
          [...document.querySelectorAll('.sl-markdown-content :is(ol, ul)')].map((list) => ({
            spaced: list.matches(condition),
            marked: list.classList.contains(className),
            words: (list.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60),
          })),
        { condition: STARLIGHT_SPACED_LIST_CONDITION, className: SPACED_LIST_CLASS },
      );
      for (const list of lists) {
        if (list.spaced) spaced++;
        if (list.spaced !== list.marked) {
          mismatches.push(`${path}: "${list.words}…" ${list.spaced ? `is spaced by Starlight but has no class ${SPACED_LIST_CLASS}` : `has the class ${SPACED_LIST_CLASS} but Starlight would not space it`}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // The pages do have spaced lists (a list item with a paragraph or a code block), so the check checked something.
    expect(spaced).toBeGreaterThan(10);
  }, 600_000);
});
