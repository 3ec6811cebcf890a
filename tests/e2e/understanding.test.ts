/**
 * "Check your understanding" in the built book: each chapter page, in both editions, ends its prose
 * with the chapter's questions under a heading in the table of contents, and carries none of the
 * model answers; the instructors' answer-key page carries every answer.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { UNDERSTANDING } from '../../lib/exercises/index.ts';
import { bookHref, type BookLocale } from '../../components/book/locale.ts';
import { textIn } from '../../lib/book/localized-text.ts';
import { launchBrowser, openPage, seriousAccessibilityViolations } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const LOCALES: { locale: BookLocale; heading: string }[] = [
  { locale: 'en', heading: 'Check your understanding' },
  { locale: 'zh-CN', heading: '检验你的理解' },
];

/** Text as a reader sees it: the backticks that mark code are gone, white space collapsed. */
const asShown = (text: string) => text.replaceAll('`', '').replace(/\s+/g, ' ').trim();
const collapse = (text: string) => text.replace(/\s+/g, ' ');

const ALL_ANSWERS = UNDERSTANDING.flatMap((u) => u.questions.flatMap((q) => LOCALES.map(({ locale }) => asShown(textIn(q.answer, locale)))));

describe.each(LOCALES)('$locale edition', ({ locale, heading }) => {
  test.each(UNDERSTANDING.map((u) => [u.chapter, u] as const))('%s shows its questions, in the table of contents, without answers', async (chapter, u) => {
    const { page, context, errors } = await openPage(browser, bookHref(locale, chapter));
    const block = page.locator(`[data-testid=understanding][data-chapter="${chapter}"]`);
    await expect(block.count()).resolves.toBe(1);
    const items = (await block.locator('ol > li').allTextContents()).map((t) => collapse(t).trim());
    expect(items).toEqual(u.questions.map((q) => asShown(textIn(q.question, locale))));
    // The heading is in the page and in its table of contents.
    const anchor = heading.toLowerCase().replaceAll(' ', '-');
    await expect(page.locator(`h2[id="${anchor}"]`).count()).resolves.toBe(1);
    await expect(page.locator(`starlight-toc a[href="#${encodeURI(anchor)}"], starlight-toc a[href="#${anchor}"]`).count()).resolves.toBeGreaterThan(0);
    // No model answer, of this chapter or another, is on a chapter page.
    const body = collapse(await page.locator('main').innerText());
    for (const answer of ALL_ANSWERS) expect(body.includes(answer), `answer on ${chapter}: ${answer.slice(0, 60)}…`).toBe(false);
    // Nor any answer written into the page by hand, folded under “Answer”.
    const folded = await page.locator('main details > summary').allTextContents();
    expect(folded.filter((summary) => /^\s*(answer|model answer|答案|参考答案)\s*$/i.test(summary))).toEqual([]);
    // The pointer for instructors leads to this chapter's answers.
    const href = await block.locator('a').last().getAttribute('href');
    expect(href).toBe(`${bookHref(locale, 'instructors/answer-keys')}#understanding-${chapter}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the answer-key page carries every model answer, under its chapter', async () => {
    const { page, context, errors } = await openPage(browser, bookHref(locale, 'instructors/answer-keys'));
    const keys = page.getByTestId('understanding-keys');
    for (const u of UNDERSTANDING) {
      const section = keys.locator(`section[data-chapter="${u.chapter}"]`);
      await expect(section.locator(`h3[id="understanding-${u.chapter}"]`).count()).resolves.toBe(1);
      const answers = (await section.getByTestId('understanding-answer').allTextContents()).map((t) => collapse(t));
      expect(answers.length).toBe(u.questions.length);
      u.questions.forEach((q, i) => expect(answers[i]).toContain(asShown(textIn(q.answer, locale))));
    }
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
