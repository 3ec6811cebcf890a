import type { TimelineEvent } from './timeline-event.ts';

/**
 * Orders two events by date. An event known only to the year sorts before the dated events
 * of that year, one known to the month before the dated days of that month; equal dates
 * fall back to the id, so the order never depends on the input order.
 */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return (
    a.year - b.year ||
    (a.month ?? 0) - (b.month ?? 0) ||
    (a.day ?? 0) - (b.day ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** A chronologically sorted copy of `events`; the input is left as it is. */
export function sortEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  return [...events].sort(compareEvents);
}
