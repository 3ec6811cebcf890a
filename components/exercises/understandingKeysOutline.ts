/**
 * The outline of the model answers on the answer-key page: one heading for the section and one per
 * chapter. The section renders these headings, and the page hands them to Starlight so they appear
 * in its "On this page" list.
 */
import { UNDERSTANDING } from '../../lib/exercises/index.ts';
import type { ChapterSlug } from '../../lib/exercises/index.ts';
import { bookPages, chapterNumber } from '../../lib/book/chapters.ts';
import { pickMessages, type BookLocale } from '../book/locale.ts';
import { exerciseCatalogues } from './messages.ts';

export const UNDERSTANDING_KEYS_ID = 'check-your-understanding';

/** The id of a chapter's answers on the answer-key page; chapter pages link to it. */
export const understandingKeysChapterId = (chapter: ChapterSlug) => `understanding-${chapter}`;

export interface OutlineHeading {
  depth: number;
  slug: string;
  text: string;
}

export function understandingKeysOutline(locale: BookLocale): OutlineHeading[] {
  const t = pickMessages(exerciseCatalogues, locale);
  return [
    { depth: 2, slug: UNDERSTANDING_KEYS_ID, text: t.understandingKeysHeading },
    ...UNDERSTANDING.map((u) => {
      const page = bookPages.find((p) => p.slug === u.chapter);
      const title = page ? page.label[locale] : u.chapter;
      return { depth: 3, slug: understandingKeysChapterId(u.chapter), text: t.understandingChapter(chapterNumber(u.chapter) ?? 0, title) };
    }),
  ];
}
