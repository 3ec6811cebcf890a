import type { TimelineCategory } from './categories.ts';

/** Where a reader can check an event. */
export interface TimelineSource {
  readonly title: string;
  readonly url: string;
}

/** A chapter of the book that tells more of the story (its slug, e.g. `p-code`). */
export type ChapterSlug = 'origins' | 'p-code' | 'jit' | 'full-virtualization' | 'containers' | 'kvm-bridge';

export interface TimelineEvent {
  /** Stable, URL-safe identifier; also used for element ids and links (`#tl-kvm-merged`). */
  readonly id: string;
  readonly year: number;
  /** 1–12, only when the sources agree on it. */
  readonly month?: number;
  /** 1–31, only when `month` is known. */
  readonly day?: number;
  /** The date is "circa": shown as "c. 1965". */
  readonly approximate?: boolean;
  /** Last year of an event that spans years (CP-40, 1964–1967). */
  readonly endYear?: number;
  readonly category: TimelineCategory;
  readonly title: string;
  /** One line, shown in the list. */
  readonly summary: string;
  /** A few sentences, shown when the event is expanded. */
  readonly detail: string;
  readonly source: TimelineSource;
  readonly chapter?: ChapterSlug;
}
