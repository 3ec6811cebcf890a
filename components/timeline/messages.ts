import type { TimelineCategory } from '../../lib/timeline/index.ts';

/** Every string the timeline shows. A 简体中文 catalogue will sit next to `en`. */
export interface TimelineMessages {
  regionLabel: string;
  filterLabel: string;
  showAll: string;
  categories: Record<TimelineCategory, string>;
  showing: (shown: number, total: number) => string;
  empty: string;
  decade: (decade: number) => string;
  eventsInDecade: (decade: number) => string;
  source: string;
  readMore: (chapterNumber: number | undefined, chapterTitle: string) => string;
  keyboardHint: string;
  overviewLabel: string;
  monthNames: readonly string[];
  circa: string;
  /** Which label of lib/book's table of contents to use for chapter titles. */
  bookLanguage: 'en' | 'zh-CN';
}

export const en: TimelineMessages = {
  regionLabel: 'Timeline of virtualization, 1961 to today',
  filterLabel: 'Categories to show',
  showAll: 'Show all',
  categories: {
    'system-vm': 'System VMs',
    'process-vm': 'Process VMs & bytecode',
    containers: 'Containers',
    hardware: 'Hardware assist',
    cloud: 'Cloud & big data',
  },
  showing: (shown, total) => (shown === total ? `Showing all ${total} events.` : `Showing ${shown} of ${total} events.`),
  empty: 'No category is selected. Turn one on above to see its events.',
  decade: (decade) => `${decade}s`,
  eventsInDecade: (decade) => `Events of the ${decade}s`,
  source: 'Source:',
  readMore: (n, title) => (n === undefined ? `More in “${title}”` : `More in chapter ${n}, “${title}”`),
  keyboardHint: 'Tip: in the list, the arrow keys move between events, Home and End jump to the ends, and Enter or Space opens an event.',
  overviewLabel: 'Events at a glance',
  monthNames: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  circa: 'c. ',
  bookLanguage: 'en',
};

export const timelineCatalogues = { en } as const;
export type TimelineLocale = keyof typeof timelineCatalogues;
