import type { TimelineEvent } from './timeline-event.ts';

const englishMonthNames = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export interface DateWords {
  /** Twelve month names, January first. */
  readonly monthNames: readonly string[];
  /** Prefix for approximate dates, e.g. "c. ". */
  readonly circa: string;
}

const englishDateWords: DateWords = { monthNames: englishMonthNames, circa: 'c. ' };

/**
 * The event's date as a reader sees it: "1961", "November 1961", "2 August 1972",
 * "c. 1965" or "1964–1967".
 */
export function formatEventDate(event: TimelineEvent, words: DateWords = englishDateWords): string {
  const circa = event.approximate ? words.circa : '';
  if (event.endYear !== undefined && event.endYear !== event.year) {
    return `${circa}${event.year}\u2013${event.endYear}`;
  }
  if (event.month === undefined) return `${circa}${event.year}`;
  const month = words.monthNames[event.month - 1] ?? String(event.month);
  if (event.day === undefined) return `${circa}${month} ${event.year}`;
  return `${circa}${event.day} ${month} ${event.year}`;
}

/** The ISO 8601 form for a `<time datetime>` attribute: "1961", "1961-11" or "1972-08-02". */
export function isoEventDate(event: TimelineEvent): string {
  const year = String(event.year).padStart(4, '0');
  if (event.month === undefined) return year;
  const month = String(event.month).padStart(2, '0');
  if (event.day === undefined) return `${year}-${month}`;
  return `${year}-${month}-${String(event.day).padStart(2, '0')}`;
}

/** The decade an event belongs to, e.g. 1960 for 1965. */
export function decadeOf(event: TimelineEvent): number {
  return Math.floor(event.year / 10) * 10;
}
