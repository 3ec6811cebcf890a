/** Every strand of the timeline has its hue, in the light and the dark theme, and a rule that applies it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { categories } from '../../../lib/timeline/index.ts';

const css = readFileSync('components/timeline/Timeline.css', 'utf8');
const light = /\.hov-timeline \{([^}]*)\}/.exec(css)![1]!;
const dark = /:root\[data-theme='dark'\] \.hov-timeline \{([^}]*)\}/.exec(css)![1]!;

describe('timeline category colours', () => {
  it.each([...categories])('%s has a light and a dark hue and a rule that uses it', (category) => {
    expect(light).toMatch(new RegExp(`--tl-${category}: #[0-9a-f]{6};`));
    expect(dark).toMatch(new RegExp(`--tl-${category}: #[0-9a-f]{6};`));
    expect(css).toContain(`.hov-timeline [data-category='${category}'] { --tl-colour: var(--tl-${category}); }`);
  });
});
