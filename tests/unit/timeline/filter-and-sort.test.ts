import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  categories,
  compareEvents,
  filterEvents,
  sortEvents,
  timelineEvents,
  type TimelineCategory,
  type TimelineEvent,
} from '../../../lib/timeline/index.ts';

const event = (id: string, year: number, month?: number, day?: number, category: TimelineCategory = 'system-vm'): TimelineEvent => ({
  id,
  year,
  month,
  day,
  category,
  title: id,
  summary: id,
  detail: id,
  source: { title: id, url: 'https://example.org/' },
});

const arbitraryEvent = fc.record({
  id: fc.stringMatching(/^[a-z]{1,6}$/),
  year: fc.integer({ min: 1961, max: 2026 }),
  month: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
  day: fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }),
  category: fc.constantFrom(...categories),
}).map(({ id, year, month, day, category }) => event(id, year, month, month === undefined ? undefined : day, category));

describe('filterEvents', () => {
  it('keeps only the selected categories, in their original order', () => {
    const containers = filterEvents(timelineEvents, ['containers']);
    expect(containers.length).toBeGreaterThan(0);
    expect(containers.every((e) => e.category === 'containers')).toBe(true);
    expect(containers.map((e) => e.id)).toEqual(timelineEvents.filter((e) => e.category === 'containers').map((e) => e.id));
    expect(containers.map((e) => e.id)).toContain('docker');
    expect(containers.map((e) => e.id)).not.toContain('kvm-merged');
  });

  it('returns everything when every category is selected, nothing when none is', () => {
    expect(filterEvents(timelineEvents, categories)).toEqual([...timelineEvents]);
    expect(filterEvents(timelineEvents, [])).toEqual([]);
  });

  it('accepts any iterable, such as a Set', () => {
    const picked = filterEvents(timelineEvents, new Set<TimelineCategory>(['hardware', 'cloud']));
    expect(new Set(picked.map((e) => e.category))).toEqual(new Set(['hardware', 'cloud']));
  });

  it('partitions the events: the categories filtered one by one add up to the whole', () => {
    fc.assert(
      fc.property(fc.array(arbitraryEvent, { maxLength: 30 }), (events) => {
        const total = categories.reduce((sum, c) => sum + filterEvents(events, [c]).length, 0);
        expect(total).toBe(events.length);
      }),
    );
  });

  it('never invents or reorders events', () => {
    fc.assert(
      fc.property(fc.array(arbitraryEvent, { maxLength: 30 }), fc.subarray([...categories]), (events, selected) => {
        const result = filterEvents(events, selected);
        let cursor = 0;
        for (const kept of result) {
          cursor = events.indexOf(kept, cursor) + 1;
          expect(cursor).toBeGreaterThan(0);
          expect(selected).toContain(kept.category);
        }
        expect(result.length).toBe(events.filter((e) => selected.includes(e.category)).length);
      }),
    );
  });
});

describe('sortEvents', () => {
  it('orders by year, then month, then day; year-only events first within their year', () => {
    const sorted = sortEvents([event('c', 2005, 11), event('a', 2005), event('d', 1961, 11), event('b', 2005, 1, 3), event('e', 2005, 1)]);
    expect(sorted.map((e) => e.id)).toEqual(['d', 'a', 'e', 'b', 'c']);
  });

  it('breaks ties by id and does not touch its input', () => {
    const input = [event('zeta', 2008), event('alpha', 2008)];
    expect(sortEvents(input).map((e) => e.id)).toEqual(['alpha', 'zeta']);
    expect(input.map((e) => e.id)).toEqual(['zeta', 'alpha']);
  });

  it('gives the same order whatever the input order, and sorts non-decreasingly', () => {
    fc.assert(
      fc.property(fc.array(arbitraryEvent, { maxLength: 30 }).chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length }))), ([events, shuffled]) => {
        const a = sortEvents(events);
        const b = sortEvents(shuffled);
        expect(a.map((e) => [e.id, e.year, e.month, e.day])).toEqual(b.map((e) => [e.id, e.year, e.month, e.day]));
        for (let i = 1; i < a.length; i++) expect(compareEvents(a[i - 1]!, a[i]!)).toBeLessThanOrEqual(0);
      }),
    );
  });
});
