/**
 * Marks each chapter's sidebar link with what counts in its progress (components/progress/
 * chapter-contents.ts), on the pages that load the sidebar's progress script. The script
 * (sidebar-progress-marks.ts) reads the reader's progress from localStorage and writes "3/7" into
 * the space book.css reserves beside such a link, so the mark moves nothing when it appears. Pages
 * without a lab get no attributes, no reserved space and no script: they ship no JavaScript of ours.
 */
import { getCollection } from 'astro:content';
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { bookPages, bookSlug } from '../../lib/book/chapters.ts';
import type { ChapterContents } from '../../lib/progress/index.ts';
import { pageLoadsBookScripts } from '../book/lab-pages.ts';
import { chapterContents } from './chapter-contents.ts';

type SidebarEntry = StarlightRouteData['sidebar'][number];

/** The attribute that carries a chapter's contents to the script. */
export const CHAPTER_CONTENTS_ATTRIBUTE = 'data-hov-progress';

let contentsBySlug: Map<string, ChapterContents> | undefined;

async function allChapterContents(): Promise<Map<string, ChapterContents>> {
  if (!contentsBySlug) {
    const docs = await getCollection('docs');
    contentsBySlug = new Map(
      bookPages.filter((page) => page.numbered).map((page) => [page.slug, chapterContents(page.slug, docs.find((entry) => entry.id === page.slug)?.body ?? '')]),
    );
  }
  return contentsBySlug;
}

function markChapters(entries: SidebarEntry[], contents: Map<string, ChapterContents>): void {
  for (const entry of entries) {
    if (entry.type !== 'link') {
      markChapters(entry.entries, contents);
      continue;
    }
    const chapter = contents.get(bookSlug(entry.href));
    if (!chapter || chapter.exercises.length + chapter.steps + chapter.labs.length === 0) continue;
    entry.attrs = { ...entry.attrs, [CHAPTER_CONTENTS_ATTRIBUTE]: JSON.stringify({ chapter: bookSlug(entry.href), ...chapter }) };
  }
}

export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  if (!pageLoadsBookScripts(bookSlug(route.entry.id))) return;
  markChapters(route.sidebar, await allChapterContents());
});
