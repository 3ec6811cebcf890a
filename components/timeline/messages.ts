import { formatEventDate, chineseEventText, type EventText, type TimelineCategory, type TimelineEvent } from '../../lib/timeline/index.ts';
import type { BookLocale, MessageCatalogues } from '../book/locale.ts';

/** Every string the timeline shows, one catalogue per locale of the book. */
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
  /** The event's date as a reader of this locale writes it. */
  formatDate: (event: TimelineEvent) => string;
  /** The event's title, summary and detail in this locale. */
  eventText: (event: TimelineEvent) => EventText;
  /** Which label of lib/book's table of contents to use for chapter titles. */
  bookLanguage: BookLocale;
}

export const en: TimelineMessages = {
  regionLabel: 'Timeline of virtualization, 1961 to today',
  filterLabel: 'Categories to show',
  showAll: 'Show all',
  categories: {
    precursors: 'Precursors',
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
  formatDate: (event) => formatEventDate(event, en),
  eventText: (event) => event,
  bookLanguage: 'en',
};

/** "1961年11月", "1972年8月2日", "约1965年", "1964—1967 年" (a span with an em dash, as Chinese typesetting writes it). */
function formatChineseDate(event: TimelineEvent): string {
  const circa = event.approximate ? '约' : '';
  if (event.endYear !== undefined && event.endYear !== event.year) return `${circa}${event.year}\u2014${event.endYear} 年`;
  if (event.month === undefined) return `${circa}${event.year}年`;
  if (event.day === undefined) return `${circa}${event.year}年${event.month}月`;
  return `${circa}${event.year}年${event.month}月${event.day}日`;
}

export const zh: TimelineMessages = {
  regionLabel: '虚拟化时间线：1961 年至今',
  filterLabel: '要显示的类别',
  showAll: '全部显示',
  categories: {
    precursors: '先驱',
    'system-vm': '系统虚拟机',
    'process-vm': '进程虚拟机与字节码',
    containers: '容器',
    hardware: '硬件辅助',
    cloud: '云计算与大数据',
  },
  showing: (shown, total) => (shown === total ? `共 ${total} 个事件，全部显示。` : `显示 ${total} 个事件中的 ${shown} 个。`),
  empty: '没有选中任何类别。请在上方打开一个类别来查看它的事件。',
  decade: (decade) => `${decade} 年代`,
  eventsInDecade: (decade) => `${decade} 年代的事件`,
  source: '来源：',
  readMore: (n, title) => (n === undefined ? `详见“${title}”` : `详见第 ${n} 章“${title}”`),
  keyboardHint: '提示：在列表中，方向键在事件之间移动，Home 和 End 跳到首尾，Enter 或空格键展开事件。',
  overviewLabel: '事件一览',
  monthNames: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
  circa: '约',
  formatDate: formatChineseDate,
  eventText: (event) => chineseEventText(event) ?? event,
  bookLanguage: 'zh-CN',
};

export const timelineCatalogues: MessageCatalogues<TimelineMessages> = { en, 'zh-CN': zh };
