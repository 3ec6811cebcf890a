import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import Timeline from '../../../components/timeline/Timeline.tsx';
import { en } from '../../../components/timeline/messages.ts';
import { nextIndexForKey } from '../../../components/timeline/nextIndexForKey.ts';
import { categories, timelineEvents } from '../../../lib/timeline/index.ts';

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;
const escaped = (text: string) => text.replaceAll('&', '&amp;');

describe('Timeline rendered on the server', () => {
  const html = renderToString(<Timeline />);

  it('reads as a list of every event, grouped by decade, before any JavaScript runs', () => {
    expect(count(html, /<li [^>]*class="hov-tl-event"/g)).toBe(timelineEvents.length);
    for (const event of timelineEvents) expect(html).toContain(`data-event-id="${event.id}"`);
    expect(html).toContain('<h3 id="tl-decade-1960" class="hov-tl-decade-heading">1960s</h3>');
    expect(html).toContain('<time class="hov-tl-date" dateTime="1972-08-02">2 August 1972</time>');
  });

  it('renders every event as a collapsed disclosure, with exactly one tab stop', () => {
    expect(count(html, /aria-expanded="false"/g)).toBe(timelineEvents.length);
    expect(count(html, /aria-expanded="true"/g)).toBe(0);
    expect(count(html, /class="hov-tl-toggle" aria-expanded="false" aria-controls="tl-[a-z0-9-]+-detail" tabindex="0"/g)).toBe(1);
    expect(count(html, /tabindex="-1"/g)).toBe(timelineEvents.length - 1);
    expect(count(html, /class="hov-tl-detail" hidden=""/g)).toBe(timelineEvents.length);
  });

  it('has a pressed toggle button per category', () => {
    for (const category of categories) {
      expect(html).toMatch(new RegExp(`data-category="${category}" aria-pressed="true"`));
      expect(html).toContain(`<span>${escaped(en.categories[category])}</span>`);
    }
    expect(html).toContain(en.showing(timelineEvents.length, timelineEvents.length));
  });

  it('honours the initial categories, expanded events and heading level', () => {
    const only = renderToString(<Timeline initialCategories={['hardware', 'nonsense']} initialExpanded={['intel-vt-x']} headingLevel={4} />);
    const hardware = timelineEvents.filter((e) => e.category === 'hardware');
    expect(count(only, /<li [^>]*class="hov-tl-event"/g)).toBe(hardware.length);
    expect(only).toMatch(/data-category="hardware" aria-pressed="true"/);
    expect(only).toMatch(/data-category="cloud" aria-pressed="false"/);
    expect(only).toMatch(/id="tl-intel-vt-x"[^>]*aria-expanded="true"/);
    expect(only).toContain('<h4 id="tl-decade-2000"');
    expect(only).toContain(en.showing(hardware.length, timelineEvents.length));
  });

  it('links an event to the chapter that tells more, except the chapter it sits in', () => {
    expect(html).toContain('href="/p-code/"');
    expect(html).toContain('href="/origins/"');
    const inOrigins = renderToString(<Timeline currentChapter="origins" />);
    expect(inOrigins).not.toContain('href="/origins/"');
    expect(inOrigins).toContain('href="/kvm-bridge/"');
    const chinese = renderToString(<Timeline localePrefix="/zh-cn" />);
    expect(chinese).toContain('href="/zh-cn/p-code/"');
    expect(chinese).not.toContain('href="/p-code/"');
  });

  it('says so when no category is selected', () => {
    const none = renderToString(<Timeline initialCategories={[]} />);
    expect(none).toContain(en.empty);
    expect(count(none, /class="hov-tl-event"/g)).toBe(0);
  });
});

describe('nextIndexForKey', () => {
  it('moves by one with the arrow keys and stops at the ends', () => {
    expect(nextIndexForKey('ArrowDown', 0, 5)).toBe(1);
    expect(nextIndexForKey('ArrowRight', 3, 5)).toBe(4);
    expect(nextIndexForKey('ArrowDown', 4, 5)).toBe(4);
    expect(nextIndexForKey('ArrowUp', 2, 5)).toBe(1);
    expect(nextIndexForKey('ArrowLeft', 0, 5)).toBe(0);
  });

  it('jumps with Home and End', () => {
    expect(nextIndexForKey('Home', 3, 5)).toBe(0);
    expect(nextIndexForKey('End', 1, 5)).toBe(4);
  });

  it('ignores other keys and empty lists, and clamps a stale index', () => {
    expect(nextIndexForKey('Enter', 1, 5)).toBeUndefined();
    expect(nextIndexForKey('a', 1, 5)).toBeUndefined();
    expect(nextIndexForKey('ArrowDown', 0, 0)).toBeUndefined();
    expect(nextIndexForKey('ArrowDown', -1, 3)).toBe(1);
    expect(nextIndexForKey('ArrowUp', 9, 3)).toBe(1);
  });
});
