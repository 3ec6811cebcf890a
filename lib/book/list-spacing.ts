/**
 * Starlight spaces the items of a list apart (1.25rem under each item's last block) when any item
 * holds a block of its own, such as a paragraph, a code block or an aside. Its markdown.css finds
 * those lists with a `:has()` on the list:
 *
 *   .sl-markdown-content :is(ol, ul):has(> li > :not(a, strong, …, ol, ul)) > li > :is(…)
 *
 * A `:has()` whose subject is an ancestor makes Chromium recompute style far and wide on every DOM
 * change anywhere on the page: setting a span's text and reading its width cost 4–5 ms a time on the
 * lab VM's page instead of 0.5 ms, and xterm.js measures each new character that way. The book
 * decides the same question once, at build time: a list that Starlight would space gets the class
 * SPACED_LIST_CLASS (scripts/list-spacing-integration.ts marks the Markdown lists; a component
 * that renders a list of such items in the content gives it the class itself), and Starlight's rule
 * is rewritten to ask for the class instead of the `:has()`. tests/e2e/list-spacing.test.ts checks
 * every built page against Starlight's own condition.
 */

/** The direct children of a list item that do not make Starlight space the list (its `:not(…)` list). */
export const INLINE_LIST_ITEM_CHILDREN: readonly string[] = ['a', 'strong', 'em', 'del', 'span', 'input', 'code', 'br', 'script', 'ol', 'ul'];

/** The class of a list whose items Starlight spaces apart. */
export const SPACED_LIST_CLASS = 'spaced-list';

/** The list-level condition in Starlight's markdown.css, exactly as written there. */
export const STARLIGHT_SPACED_LIST_CONDITION = `:is(ol, ul):has(> li > :not(${INLINE_LIST_ITEM_CHILDREN.join(', ')}))`;

/** What takes its place: the same lists, found by their class. */
export const SPACED_LIST_SELECTOR = `:is(ol, ul).${SPACED_LIST_CLASS}`;

/**
 * Whether a list is spaced, given the tag names of each item's child elements (text is no element):
 * true when some item has a child element outside INLINE_LIST_ITEM_CHILDREN.
 */
export function isSpacedList(itemChildTagNames: Iterable<Iterable<string>>): boolean {
  for (const item of itemChildTagNames) {
    for (const tagName of item) {
      if (!INLINE_LIST_ITEM_CHILDREN.includes(tagName.toLowerCase())) return true;
    }
  }
  return false;
}

/**
 * Starlight's markdown.css with its list-level `:has()` replaced by SPACED_LIST_SELECTOR; the rest
 * of the rule stays as it is. Throws, naming the rule and the file, unless the condition is there
 * exactly once: a Starlight that words the rule differently must not leave the book's lists unspaced
 * (or the slow selector in place) without anyone noticing.
 */
export function withSpacedListClass(css: string, file: string): string {
  const found = css.split(STARLIGHT_SPACED_LIST_CONDITION).length - 1;
  if (found !== 1) {
    throw new Error(
      `${file}: expected Starlight's list-spacing rule \`.sl-markdown-content ${STARLIGHT_SPACED_LIST_CONDITION} > li > …\` once, found it ${found} times. ` +
        `Starlight has changed how it spaces list items: bring lib/book/list-spacing.ts (the condition and isSpacedList) in line with the new rule.`,
    );
  }
  return css.replace(STARLIGHT_SPACED_LIST_CONDITION, SPACED_LIST_SELECTOR);
}
