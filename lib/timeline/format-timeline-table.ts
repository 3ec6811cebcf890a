import { formatEventDate } from './format-event-date.ts';
import type { TimelineEvent } from './timeline-event.ts';

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** The events as a Markdown table: date, category, title, summary and source link. */
export function formatTimelineTable(events: readonly TimelineEvent[]): string {
  const rows = events.map(
    (e) => `| ${cell(formatEventDate(e))} | ${e.category} | ${cell(e.title)} | ${cell(e.summary)} | [${cell(e.source.title)}](${e.source.url}) |`,
  );
  return ['| Date | Category | Event | Summary | Source |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}
