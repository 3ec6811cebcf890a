import { isTimelineCategory } from './categories.ts';
import type { TimelineEvent } from './timeline-event.ts';

/** The span the timeline covers: from CTSS to the present. */
export const timelineYearRange = { first: 1961, last: 2026 } as const;

export interface TimelineIssue {
  /** The id of the event at fault (or its index, if it has no id). */
  readonly event: string;
  readonly field: keyof TimelineEvent | 'id';
  readonly message: string;
}

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/**
 * Checks timeline data and returns what is wrong with it, one issue per problem; an empty list
 * means the data is well formed. Never throws.
 */
export function validateTimelineEvents(events: readonly TimelineEvent[]): TimelineIssue[] {
  const issues: TimelineIssue[] = [];
  const seen = new Set<string>();
  events.forEach((event, index) => {
    const name = typeof event.id === 'string' && event.id !== '' ? event.id : `#${index}`;
    const report = (field: TimelineIssue['field'], message: string) => issues.push({ event: name, field, message });

    if (typeof event.id !== 'string' || !idPattern.test(event.id)) report('id', 'id must be lower-case words joined by hyphens');
    else if (seen.has(event.id)) report('id', `duplicate id "${event.id}"`);
    else seen.add(event.id);

    const { first, last } = timelineYearRange;
    if (!Number.isInteger(event.year) || event.year < first || event.year > last) {
      report('year', `year ${event.year} is outside ${first}–${last}`);
    }
    if (event.endYear !== undefined && (!Number.isInteger(event.endYear) || event.endYear <= event.year || event.endYear > last)) {
      report('endYear', `endYear ${event.endYear} must be after ${event.year} and no later than ${last}`);
    }
    if (event.month !== undefined && (!Number.isInteger(event.month) || event.month < 1 || event.month > 12)) {
      report('month', `month ${event.month} is not 1–12`);
    }
    if (event.day !== undefined) {
      if (event.month === undefined) report('day', 'a day needs a month');
      else if (!Number.isInteger(event.day) || event.day < 1 || event.day > daysInMonth(event.year, event.month)) {
        report('day', `day ${event.day} does not exist in ${event.year}-${event.month}`);
      }
    }
    if (!isTimelineCategory(event.category)) report('category', `unknown category "${String(event.category)}"`);
    for (const field of ['title', 'summary', 'detail'] as const) {
      if (typeof event[field] !== 'string' || event[field].trim() === '') report(field, `${field} is empty`);
    }
    if (typeof event.summary === 'string' && (event.summary.length > 160 || event.summary.includes('\n'))) {
      report('summary', 'summary must be one line of at most 160 characters');
    }
    if (!event.source || typeof event.source.title !== 'string' || event.source.title.trim() === '') {
      report('source', 'source needs a title');
    }
    if (!event.source || typeof event.source.url !== 'string' || !isHttpUrl(event.source.url)) {
      report('source', 'source needs an http(s) URL');
    }
  });
  return issues;
}
