/**
 * The five strands of the virtualization timeline. The order here is the order of the filter
 * buttons. Labels live with each island (components/timeline/messages.ts) so they can be translated.
 */
export const categories = ['system-vm', 'process-vm', 'containers', 'hardware', 'cloud'] as const;

export type TimelineCategory = (typeof categories)[number];

export function isTimelineCategory(value: unknown): value is TimelineCategory {
  return typeof value === 'string' && (categories as readonly string[]).includes(value);
}
