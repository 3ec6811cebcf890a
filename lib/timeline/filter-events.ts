import type { TimelineCategory } from './categories.ts';
import type { TimelineEvent } from './timeline-event.ts';

/**
 * The events whose category is one of `selected`, in their original order.
 * An empty selection selects nothing.
 */
export function filterEvents(
  events: readonly TimelineEvent[],
  selected: Iterable<TimelineCategory>,
): TimelineEvent[] {
  const wanted = new Set(selected);
  return events.filter((event) => wanted.has(event.category));
}

/** How many events fall in each category. */
export function countByCategory(events: readonly TimelineEvent[]): Map<TimelineCategory, number> {
  const counts = new Map<TimelineCategory, number>();
  for (const event of events) counts.set(event.category, (counts.get(event.category) ?? 0) + 1);
  return counts;
}
