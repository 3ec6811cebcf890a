import { renderToString } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { bookHref, localeOfLang, localeOfPath, pickMessages } from '../../../components/book/locale.ts';
import Timeline from '../../../components/timeline/Timeline.tsx';
import { en, timelineCatalogues, zh } from '../../../components/timeline/messages.ts';
import { timelineEvents } from '../../../lib/timeline/index.ts';

describe('the book locale', () => {
  it('comes from the URL path: /zh-cn/… is Chinese, everything else English', () => {
    expect(localeOfPath('/zh-cn/')).toBe('zh-CN');
    expect(localeOfPath('/zh-cn')).toBe('zh-CN');
    expect(localeOfPath('/zh-cn/p-code/')).toBe('zh-CN');
    expect(localeOfPath('/')).toBe('en');
    expect(localeOfPath('/p-code/')).toBe('en');
    expect(localeOfPath('/zh-cnx/')).toBe('en');
  });

  it('comes from <html lang> for any Chinese tag', () => {
    expect(localeOfLang('zh-CN')).toBe('zh-CN');
    expect(localeOfLang('zh')).toBe('zh-CN');
    expect(localeOfLang('en')).toBe('en');
    expect(localeOfLang('')).toBe('en');
    expect(localeOfLang(undefined)).toBe('en');
  });

  it('builds links that stay in the edition', () => {
    expect(bookHref('en', 'p-code')).toBe('/p-code/');
    expect(bookHref('zh-CN', 'p-code')).toBe('/zh-cn/p-code/');
    expect(bookHref('zh-CN', '')).toBe('/zh-cn/');
    expect(bookHref('en', '/')).toBe('/');
  });

  it('picks the locale’s catalogue and falls back to English', () => {
    const catalogues = { en: { hello: 'Hello' }, 'zh-CN': { hello: '你好' } };
    expect(pickMessages(catalogues, 'zh-CN').hello).toBe('你好');
    expect(pickMessages(catalogues, 'en').hello).toBe('Hello');
    expect(pickMessages({ en: { hello: 'Hello' } }, 'zh-CN').hello).toBe('Hello');
    expect(pickMessages(catalogues, 'fr').hello).toBe('Hello');
    expect(pickMessages(catalogues, undefined).hello).toBe('Hello');
  });
});

/** Lower-case Latin words of three letters or more: names (Xen), acronyms (KVM) and P-code stay as they are. */
function englishWords(text: string): string[] {
  return text.match(/(?<![-\w])[a-z]{3,}/g) ?? [];
}

describe('the timeline in 简体中文', () => {
  it('has the same message keys as English', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(zh.categories).sort()).toEqual(Object.keys(en.categories).sort());
    expect(timelineCatalogues['zh-CN']).toBe(zh);
  });

  it('has a Chinese title, summary and detail for every event', () => {
    for (const event of timelineEvents) {
      const text = zh.eventText(event);
      expect(text.summary, event.id).toMatch(/[\u4e00-\u9fff]/);
      expect(text.detail, event.id).toMatch(/[\u4e00-\u9fff]/);
      expect(text.summary).not.toBe(event.summary);
    }
  });

  it('writes dates the Chinese way', () => {
    const byId = (id: string) => timelineEvents.find((e) => e.id === id)!;
    expect(zh.formatDate(byId('vm-370'))).toBe('1972年8月2日');
    expect(zh.formatDate(byId('ctss-demonstrated'))).toBe('1961年11月');
    expect(zh.formatDate(byId('m44-44x'))).toBe('约1965年');
    expect(zh.formatDate(byId('cp-40'))).toBe('1964—1967 年');
    expect(en.formatDate(byId('vm-370'))).toBe('2 August 1972');
  });

  it('renders with no English prose left, and links to the Chinese chapters', () => {
    const html = renderToString(createElement(Timeline, { locale: 'zh-CN', initialExpanded: timelineEvents.map((e) => e.id) }));
    // The events' own words are checked above (they keep names and terms such as VM exit in
    // Latin letters); the sources' titles are cited as they are. Everything else is the UI's.
    const eventWords = timelineEvents.flatMap((e) => Object.values(zh.eventText(e)));
    let visible = html
      .replace(/<p class="hov-tl-source">[\s\S]*?<\/p>/g, '')
      .replace(/<[^>]+>/g, '\n')
      .replace(/&[a-z]+;/g, ' ');
    for (const words of eventWords) visible = visible.split(words).join(' ');
    expect(englishWords(visible)).toEqual([]);
    expect(html).toContain('href="/zh-cn/p-code/"');
    expect(html).not.toContain('href="/p-code/"');
    expect(html).toContain('1960 年代');
    expect(html).toContain(zh.showing(timelineEvents.length, timelineEvents.length));
  });

  it('still renders English by default', () => {
    const html = renderToString(createElement(Timeline, {}));
    expect(html).toContain(en.showAll);
    expect(html).toContain('href="/p-code/"');
  });
});
