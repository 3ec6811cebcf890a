/**
 * The embeddable labs in each edition: /embed/<id>/ in English, /zh-cn/embed/<id>/ in 简体中文, each
 * with its own title and chapter link, and the iframe snippet the instructors' page shows.
 */
import type { EmbeddableLab } from '../../exercises/embeddable-labs.ts';
import { localePrefixes, pickMessages, type BookLocale } from '../locale.ts';

export { EMBEDDABLE_LABS, type EmbeddableLab } from '../../exercises/embeddable-labs.ts';

export const en = {
  title: (lab: EmbeddableLab) => lab.title,
  description: (lab: EmbeddableLab) => lab.description,
  /** The line under the lab: before the link, the link's text, after it. */
  source: (chapterNumber: number) => ({ before: 'From ', link: `Hands-on Virtualization, chapter ${chapterNumber}`, after: '.' }),
};

export const zh: typeof en = {
  title: (lab) => lab.zhTitle,
  description: (lab) => `${lab.zhTitle}，出自《动手学虚拟化》第 ${lab.chapterNumber} 章。`,
  source: (chapterNumber) => ({ before: '出自', link: `《动手学虚拟化》第 ${chapterNumber} 章`, after: '。' }),
};

export function embedMessages(locale: BookLocale): typeof en {
  return pickMessages({ en, 'zh-CN': zh }, locale);
}

/** '/embed/trap-lab/' or '/zh-cn/embed/trap-lab/'. */
export function embedPath(lab: EmbeddableLab, locale: BookLocale): string {
  return `${localePrefixes[locale]}/embed/${lab.id}/`;
}

/** The lab's chapter in the same edition: '/zh-cn/full-virtualization/'. */
export function embedChapterPath(lab: EmbeddableLab, locale: BookLocale): string {
  return `${localePrefixes[locale]}${lab.chapterPath}`;
}

const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The iframe snippet for a lab of an edition, in the two pieces that go before and after the site's address. */
export function localizedEmbedSnippetAround(lab: EmbeddableLab, locale: BookLocale): { before: string; after: string } {
  const title = attribute(embedMessages(locale).title(lab));
  return {
    before: '<iframe src="',
    after: `${embedPath(lab, locale)}" title="${title}" width="100%" height="${lab.height}" style="border:0" loading="lazy"></iframe>`,
  };
}
