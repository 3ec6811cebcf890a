/**
 * Chapter numbers come from the table of contents alone: an embed page's "from chapter N" and the
 * instructors' snippets must follow when a chapter is inserted (chapter 5 moved containers to 6
 * and KVM to 7), and no page may name a chapter by a number that is not its own.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { bookSlug, chapterNumber } from '../../../lib/book/chapters.ts';
import { EMBEDDABLE_LABS } from '../../../components/exercises/embeddable-labs.ts';

describe('chapter numbers', () => {
  test('every embeddable lab carries the number of the chapter it comes from', () => {
    for (const lab of EMBEDDABLE_LABS) {
      expect(lab.chapterNumber, lab.id).toBe(chapterNumber(bookSlug(lab.chapterPath)));
      expect(lab.description, lab.id).toContain(`chapter ${lab.chapterNumber}.`);
    }
    expect(EMBEDDABLE_LABS.find((l) => l.id === 'density-calculator')!.chapterNumber).toBe(6);
    expect(EMBEDDABLE_LABS.find((l) => l.id === 'bridge-editor')!.chapterNumber).toBe(7);
    expect(EMBEDDABLE_LABS.find((l) => l.id === 'paging-lab')!.chapterNumber).toBe(5);
  });

  test('no chapter passes its exercises a number of its own making', () => {
    const pages = ['content/docs', 'content/docs/zh-cn'].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.mdx')).map((f) => `${dir}/${f}`));
    for (const page of pages) expect(readFileSync(page, 'utf8'), page).not.toMatch(/chapterNumber=\{/);
  });

  test('a link to a chapter names it by its own number, in both editions', () => {
    const pages = ['content/docs', 'content/docs/zh-cn'].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.mdx')).map((f) => `${dir}/${f}`));
    const wrong: string[] = [];
    for (const page of pages) {
      const text = readFileSync(page, 'utf8');
      for (const m of text.matchAll(/\[(?:Chapter |第 )(\d+)(?: 章)?\]\((?:\/zh-cn)?\/([a-z-]+)\/\)/g)) {
        if (chapterNumber(m[2]!) !== Number(m[1])) wrong.push(`${page}: ${m[0]}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
