import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { bookSlug, numberedTitle } from '../../lib/book/chapters.ts';

type SidebarEntry = StarlightRouteData['sidebar'][number];

function numberSidebar(entries: SidebarEntry[]): void {
  for (const entry of entries) {
    if (entry.type === 'link') entry.label = numberedTitle(bookSlug(entry.href), entry.label);
    else numberSidebar(entry.entries);
  }
}

/** Puts the chapter numbers from lib/book/chapters.ts into the sidebar, the page title and prev/next. */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  numberSidebar(route.sidebar);
  const slug = bookSlug(route.entry.id);
  const title = route.entry.data.title;
  const numbered = numberedTitle(slug, title);
  route.entry.data.title = numbered;
  // <title> and og:title were computed from the unnumbered title before this middleware ran.
  for (const tag of route.head) {
    if (tag.tag === 'title' && tag.content?.startsWith(title)) tag.content = numbered + tag.content.slice(title.length);
    if (tag.tag === 'meta' && tag.attrs?.property === 'og:title' && tag.attrs.content === title) tag.attrs.content = numbered;
  }
  for (const link of [route.pagination.prev, route.pagination.next]) {
    if (link) link.label = numberedTitle(bookSlug(link.href), link.label);
  }
});
