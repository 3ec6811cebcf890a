import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { markdownToHtml, mdxToJs } from 'satteri';
import { isSpacedList, SPACED_LIST_CLASS, STARLIGHT_SPACED_LIST_CONDITION, withSpacedListClass } from '../../../lib/book/list-spacing.ts';
import { spacedListsPlugin } from '../../../scripts/list-spacing-integration.ts';

const starlightMarkdownCss = createRequire(import.meta.url).resolve('@astrojs/starlight/style/markdown.css');

describe('Starlight list spacing, decided at build time', () => {
  test("a list is spaced when some item has a child element outside Starlight's inline list", () => {
    expect(isSpacedList([['p'], ['p']])).toBe(true);
    expect(isSpacedList([['a', 'code'], ['strong'], ['pre']])).toBe(true);
    expect(isSpacedList([['DIV']])).toBe(true);
    expect(isSpacedList([['a', 'strong', 'em', 'del', 'span', 'input', 'code', 'br', 'script', 'ol', 'ul']])).toBe(false);
    expect(isSpacedList([[], []])).toBe(false);
    expect(isSpacedList([])).toBe(false);
  });

  test("Starlight's markdown.css: the list-level :has() becomes the class, the rest of the rule stays", () => {
    const css = readFileSync(starlightMarkdownCss, 'utf8');
    const rewritten = withSpacedListClass(css, starlightMarkdownCss);
    expect(rewritten).not.toContain(':has(> li >');
    expect(rewritten).toContain(`:is(ol, ul).${SPACED_LIST_CLASS}\n\t > li\n\t > :is(`);
    expect(rewritten).toContain(':not(script):has(~ script:last-child):not(:has(~ :not(script)))');
    expect(rewritten.length).toBe(css.length - STARLIGHT_SPACED_LIST_CONDITION.length + `:is(ol, ul).${SPACED_LIST_CLASS}`.length);
  });

  test('a Starlight whose rule reads differently fails the build, naming the rule and the file', () => {
    const changed = '.sl-markdown-content :is(ol, ul):has(> li > :not(a, strong, em, del, span, input, code, br, script, ol, ul, kbd)) > li > * { margin-bottom: 1.25rem; }';
    expect(() => withSpacedListClass(changed, 'markdown.css')).toThrow(
      /^markdown\.css: expected Starlight's list-spacing rule `\.sl-markdown-content :is\(ol, ul\):has\(> li > :not\(a, strong, em, del, span, input, code, br, script, ol, ul\)\) > li > …` once, found it 0 times/,
    );
    const twice = `${STARLIGHT_SPACED_LIST_CONDITION} {} ${STARLIGHT_SPACED_LIST_CONDITION} {}`;
    expect(() => withSpacedListClass(twice, 'markdown.css')).toThrow(/found it 2 times/);
  });

  test('the hast plugin marks the Markdown lists whose items hold a block, and only those', async () => {
    const markdown = [
      '- tight *item*',
      '- [ ] task',
      '',
      '1. loose',
      '',
      '   second paragraph',
      '2. other',
      '',
      '- <div>raw HTML block</div>',
      '',
      'A paragraph between the lists.',
      '',
      '- outer',
      '  - nested, tight',
      '',
    ].join('\n');
    const { html } = await markdownToHtml(markdown, { hastPlugins: [spacedListsPlugin()] });
    const lists = [...html.matchAll(/<(ul|ol)( class="([^"]*)")?>/g)].map((m) => `${m[1]} ${m[3] ?? ''}`.trim());
    expect(lists).toEqual(['ul contains-task-list', `ol ${SPACED_LIST_CLASS}`, `ul ${SPACED_LIST_CLASS}`, 'ul', 'ul']);
  });

  test('in MDX, HTML counts by its tag and a component as a block', async () => {
    const mdx = ['- <span>inline</span> and <code>code</code>', '', '* <div>block</div>', '', '+ <Figure />', ''].join('\n');
    const { code } = await mdxToJs(mdx, { hastPlugins: [spacedListsPlugin()] });
    expect([...code.matchAll(/_components\.ul, \{\s*(className: "([^"]*)")?/g)].map((m) => m[2] ?? '')).toEqual(['', SPACED_LIST_CLASS, SPACED_LIST_CLASS]);
  });
});
