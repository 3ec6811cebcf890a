import { isTimelineCategory } from './categories.ts';
import type { TimelineEvent } from './timeline-event.ts';
import type { TimelineIssueMessage } from './timeline-issue-wordings.ts';

/** The span the timeline covers: from CTSS to the present. */
export const timelineYearRange = { first: 1961, last: 2026 } as const;

/** What is wrong (a message of timelineIssueWordings), with the event and the field at fault. */
export type TimelineIssue = TimelineIssueMessage & {
  /** The id of the event at fault (or its index, if it has no id). */
  readonly event: string;
  readonly field: keyof TimelineEvent | 'id';
};

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
    const report = (field: TimelineIssue['field'], message: TimelineIssueMessage) => issues.push({ ...message, event: name, field });

    if (typeof event.id !== 'string' || !idPattern.test(event.id)) report('id', { code: 'badId' });
    else if (seen.has(event.id)) report('id', { code: 'duplicateId', params: { id: event.id } });
    else seen.add(event.id);

    const { first, last } = timelineYearRange;
    if (!Number.isInteger(event.year) || event.year < first || event.year > last) {
      report('year', { code: 'yearOutOfRange', params: { year: event.year, first, last } });
    }
    if (event.endYear !== undefined && (!Number.isInteger(event.endYear) || event.endYear <= event.year || event.endYear > last)) {
      report('endYear', { code: 'badEndYear', params: { endYear: event.endYear, year: event.year, last } });
    }
    if (event.month !== undefined && (!Number.isInteger(event.month) || event.month < 1 || event.month > 12)) {
      report('month', { code: 'badMonth', params: { month: event.month } });
    }
    if (event.day !== undefined) {
      if (event.month === undefined) report('day', { code: 'dayWithoutMonth' });
      else if (!Number.isInteger(event.day) || event.day < 1 || event.day > daysInMonth(event.year, event.month)) {
        report('day', { code: 'noSuchDay', params: { day: event.day, year: event.year, month: event.month } });
      }
    }
    if (!isTimelineCategory(event.category)) report('category', { code: 'unknownCategory', params: { category: String(event.category) } });
    for (const field of ['title', 'summary', 'detail'] as const) {
      if (typeof event[field] !== 'string' || event[field].trim() === '') report(field, { code: 'emptyText', params: { field } });
    }
    if (typeof event.summary === 'string' && (event.summary.length > 160 || event.summary.includes('\n'))) {
      report('summary', { code: 'longSummary' });
    }
    if (!event.source || typeof event.source.title !== 'string' || event.source.title.trim() === '') {
      report('source', { code: 'sourceWithoutTitle' });
    }
    if (!event.source || typeof event.source.url !== 'string' || !isHttpUrl(event.source.url)) {
      report('source', { code: 'sourceWithoutUrl' });
    }
  });
  return issues;
}
