import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { htmlToHast, type HastNode, type HastPluginDefinition } from 'satteri';
import { isSpacedList, SPACED_LIST_CLASS, withSpacedListClass } from '../lib/book/list-spacing.ts';

/** Starlight's stylesheet for Markdown content, which holds the list-spacing rule. */
const STARLIGHT_MARKDOWN_CSS = '/@astrojs/starlight/dist/style/markdown.css';

/**
 * The tag names of a list item's child elements as the page will have them: elements, HTML written
 * in MDX (`<div>` is a JSX element named div) and raw HTML in Markdown. A component (`<Figure>`)
 * renders whatever it renders; it counts by its name, which is not an inline tag, and the e2e test
 * tests/e2e/list-spacing.test.ts checks the built pages against Starlight's own condition.
 */
function childTagNames(item: HastNode): string[] {
  if (!('children' in item)) return [];
  const names: string[] = [];
  for (const child of item.children as HastNode[]) {
    if (child.type === 'element') names.push(child.tagName);
    else if ((child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') && child.name) names.push(child.name);
    else if (child.type === 'raw') names.push(...childTagNames(htmlToHast(child.value)));
  }
  return names;
}

/** The hast plugin: gives SPACED_LIST_CLASS to every Markdown list Starlight spaces. */
export function spacedListsPlugin(): HastPluginDefinition {
  return {
    name: 'book-spaced-lists',
    element: {
      filter: ['ol', 'ul'],
      visit(list, ctx) {
        const items = (list.children as HastNode[]).filter((child) => child.type === 'element' && child.tagName === 'li');
        if (!isSpacedList(items.map(childTagNames))) return;
        const existing = list.properties.className;
        const classes = Array.isArray(existing) ? existing.map(String) : existing ? [String(existing)] : [];
        ctx.setProperty(list, 'className', [...classes, SPACED_LIST_CLASS]);
      },
    },
  };
}

/** The Vite plugin: rewrites Starlight's rule to find those lists by their class (lib/book/list-spacing.ts). */
function starlightListSpacingCss(): Plugin & { rewritten: () => boolean } {
  let rewritten = false;
  return {
    name: 'book:starlight-list-spacing-css',
    // Before Vite's CSS plugin, so the file is read as Starlight wrote it.
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0];
      if (!file.endsWith(STARLIGHT_MARKDOWN_CSS)) return;
      rewritten = true;
      return { code: withSpacedListClass(code, file), map: null };
    },
    rewritten: () => rewritten,
  };
}

/**
 * Starlight spaces the items of a list apart when one of them holds a block (a paragraph, a code
 * block); its CSS finds those lists with a `:has()` that makes every DOM change on a page costly
 * (lib/book/list-spacing.ts). This marks them at build time instead, with a class the rewritten
 * rule asks for. The build fails if Starlight's rule is no longer there to rewrite.
 */
export function listSpacingIntegration(): AstroIntegration {
  const css = starlightListSpacingCss();
  return {
    name: 'book:list-spacing',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const processor = config.markdown.processor;
        if (processor.name !== 'satteri') {
          throw new Error(`book:list-spacing marks lists with a Sätteri hast plugin, but markdown.processor is "${processor.name}"`);
        }
        (processor.options as { hastPlugins: HastPluginDefinition[] }).hastPlugins.push(spacedListsPlugin());
        updateConfig({ vite: { plugins: [css] } });
      },
      'astro:build:done': () => {
        if (!css.rewritten()) {
          throw new Error(`book:list-spacing: the build never loaded ${STARLIGHT_MARKDOWN_CSS.slice(1)}, whose list-spacing rule it rewrites: has Starlight moved it?`);
        }
      },
    },
  };
}
