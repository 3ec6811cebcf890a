/**
 * The six strands of the virtualization timeline: the precursors (time-sharing, virtual memory: not
 * virtual machines, but what they grew from), then the kinds of virtualization. The order here is the order of the filter
 * buttons. Labels live with each island (components/timeline/messages.ts) so they can be translated.
 */
export const categories = ['precursors', 'system-vm', 'process-vm', 'containers', 'hardware', 'cloud'] as const;

export type TimelineCategory = (typeof categories)[number];

export function isTimelineCategory(value: unknown): value is TimelineCategory {
  return typeof value === 'string' && (categories as readonly string[]).includes(value);
}
