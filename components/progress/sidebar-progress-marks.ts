/**
 * Writes the reader's progress beside each chapter in the sidebar: "3/7" (exercises answered right,
 * lab VM steps verified and labs run, out of all of them), ✓ when a chapter is done, and a label for
 * screen readers in the page's edition. Runs in the browser on the pages that load it
 * (SidebarProgress.astro); it follows changes made on the page and in other tabs.
 */
import { chapterTally, type ChapterContents } from '../../lib/progress/index.ts';
import { localeOfDocument, pickMessages } from '../book/locale.ts';
import { PROGRESS_CHANGED_EVENT, loadProgress } from './progress-store.ts';
import { progressCatalogues } from './messages.ts';

const ATTRIBUTE = 'data-hov-progress';
const MARK_CLASS = 'hov-sidebar-progress';

type MarkedChapter = ChapterContents & { chapter: string };

function readContents(link: Element): MarkedChapter | null {
  try {
    const value: unknown = JSON.parse(link.getAttribute(ATTRIBUTE) ?? '');
    return value && typeof value === 'object' && 'chapter' in value ? (value as MarkedChapter) : null;
  } catch {
    return null;
  }
}

function markOf(link: Element): HTMLElement {
  const existing = link.querySelector<HTMLElement>(`:scope > .${MARK_CLASS}`);
  if (existing) return existing;
  const mark = document.createElement('span');
  mark.className = MARK_CLASS;
  const shown = document.createElement('span');
  shown.setAttribute('aria-hidden', 'true');
  const spoken = document.createElement('span');
  spoken.className = 'sr-only';
  mark.append(shown, spoken);
  link.append(mark);
  return mark;
}

export function markSidebarProgress(): void {
  const messages = pickMessages(progressCatalogues, localeOfDocument());
  const update = () => {
    const progress = loadProgress();
    for (const link of document.querySelectorAll(`a[${ATTRIBUTE}]`)) {
      const contents = readContents(link);
      if (!contents) continue;
      const { done, total } = chapterTally(progress, contents.chapter, contents);
      const mark = markOf(link);
      mark.dataset.done = String(done);
      mark.dataset.complete = String(done === total);
      mark.firstElementChild!.textContent = done === total ? `✓ ${done}/${total}` : `${done}/${total}`;
      mark.lastElementChild!.textContent = messages.sidebarMark({ done, total });
    }
  };
  update();
  window.addEventListener(PROGRESS_CHANGED_EVENT, update);
  window.addEventListener('storage', update);
}
