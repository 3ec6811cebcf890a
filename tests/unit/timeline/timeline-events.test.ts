import { describe, expect, it } from 'vitest';
import {
  categories,
  countByCategory,
  formatEventDate,
  isoEventDate,
  sortEvents,
  timelineEvents,
  timelineYearRange,
  timelineIssueWordings,
  validateTimelineEvents,
  type TimelineEvent,
} from '../../../lib/timeline/index.ts';
import { bookLocales, wordMessage } from '../../../lib/book/localized-text.ts';

const byId = (id: string): TimelineEvent => {
  const event = timelineEvents.find((e) => e.id === id);
  if (!event) throw new Error(`no event ${id}`);
  return event;
};

describe('timeline data', () => {
  it('is well formed: validateTimelineEvents finds nothing wrong', () => {
    expect(validateTimelineEvents(timelineEvents)).toEqual([]);
  });

  it('has 35–50 events', () => {
    expect(timelineEvents.length).toBeGreaterThanOrEqual(35);
    expect(timelineEvents.length).toBeLessThanOrEqual(50);
  });

  it('keeps every year inside the timeline range', () => {
    for (const event of timelineEvents) {
      expect(event.year).toBeGreaterThanOrEqual(timelineYearRange.first);
      expect(event.year).toBeLessThanOrEqual(timelineYearRange.last);
    }
  });

  it('gives every event a category from the list and an https or http source', () => {
    for (const event of timelineEvents) {
      expect(categories).toContain(event.category);
      expect(event.source.title.length).toBeGreaterThan(0);
      expect(event.source.url).toMatch(/^https?:\/\/[^/\s]+\.[^/\s]+/);
    }
  });

  it('uses every category at least three times', () => {
    const counts = countByCategory(timelineEvents);
    for (const category of categories) expect(counts.get(category) ?? 0).toBeGreaterThanOrEqual(3);
  });

  it('is stored in chronological order', () => {
    expect(sortEvents(timelineEvents).map((e) => e.id)).toEqual(timelineEvents.map((e) => e.id));
  });

  it('has unique ids', () => {
    expect(new Set(timelineEvents.map((e) => e.id)).size).toBe(timelineEvents.length);
  });

  it('carries the checked dates of the key events', () => {
    expect(isoEventDate(byId('ctss-demonstrated'))).toBe('1961-11');
    expect(isoEventDate(byId('atlas-commissioned'))).toBe('1962-12');
    expect(byId('cp-40')).toMatchObject({ year: 1964, endYear: 1967 });
    expect(isoEventDate(byId('vm-370'))).toBe('1972-08-02');
    expect(isoEventDate(byId('popek-goldberg'))).toBe('1974-07');
    expect(isoEventDate(byId('hotspot'))).toBe('1999-04-27');
    expect(isoEventDate(byId('intel-vt-x'))).toBe('2005-11');
    expect(isoEventDate(byId('amd-v'))).toBe('2006-05-23');
    expect(isoEventDate(byId('ec2-beta'))).toBe('2006-08-25');
    expect(isoEventDate(byId('kvm-merged'))).toBe('2007-02-05');
    expect(isoEventDate(byId('lxc'))).toBe('2008-08-06');
    expect(isoEventDate(byId('openstack'))).toBe('2010-07-21');
    expect(isoEventDate(byId('docker'))).toBe('2013-03-15');
    expect(isoEventDate(byId('centos-7-eol'))).toBe('2024-06-30');
    expect(byId('m44-44x').approximate).toBe(true);
  });
});

describe('what the timeline claims (issue #16)', () => {
  it('does not file time-sharing or virtual memory under system VMs: CTSS and Atlas are precursors', () => {
    for (const id of ['ctss-demonstrated', 'ctss-service', 'ctss-retired', 'atlas-commissioned']) expect(byId(id).category, id).toBe('precursors');
    // The system-VM strand a reader filters for holds only virtual machine monitors and their milestones.
    expect(timelineEvents.filter((e) => e.category === 'system-vm').some((e) => /CTSS|Atlas/.test(e.title))).toBe(false);
  });

  it('credits para-virtualization to Denali (2002) and its popularisation to Xen', () => {
    const denali = byId('denali');
    expect(isoEventDate(denali)).toBe('2002-12');
    expect(denali.detail).toMatch(/Whitaker/);
    expect(denali.source.url).toMatch(/usenix\.org/);
    expect(byId('xen').summary).not.toMatch(/^Cambridge presents Xen at SOSP: paravirtualized/);
    expect(byId('xen').detail).toMatch(/Denali/);
    expect(byId('vm-370').detail).toMatch(/DIAGNOSE/);
  });

  it('puts no AMD-V hardware before May 2006, after Xen 3.0', () => {
    expect(isoEventDate(byId('amd-v'))).toBe('2006-05-23');
    expect(byId('xen-3').summary).not.toMatch(/AMD-V/);
  });
});

describe('validateTimelineEvents', () => {
  const good = byId('kvm-merged');
  const issuesFor = (patch: Partial<Record<keyof TimelineEvent, unknown>>) =>
    validateTimelineEvents([{ ...good, ...patch } as TimelineEvent]);

  it('accepts a good event', () => {
    expect(validateTimelineEvents([good])).toEqual([]);
  });

  it.each([
    ['a year before 1961', { year: 1950 }, 'year'],
    ['a year in the future', { year: timelineYearRange.last + 1 }, 'year'],
    ['a fractional year', { year: 2007.5 }, 'year'],
    ['month 13', { month: 13 }, 'month'],
    ['31 February', { month: 2, day: 31 }, 'day'],
    ['a day without a month', { month: undefined, day: 3 }, 'day'],
    ['an end year before the start', { endYear: 2000 }, 'endYear'],
    ['an unknown category', { category: 'mainframes' }, 'category'],
    ['an empty title', { title: '  ' }, 'title'],
    ['a two-line summary', { summary: 'one\ntwo' }, 'summary'],
    ['a source without a URL', { source: { title: 'x', url: 'not a url' } }, 'source'],
    ['a source with a ftp URL', { source: { title: 'x', url: 'ftp://example.org/x' } }, 'source'],
    ['an id with spaces', { id: 'KVM merged' }, 'id'],
  ])('reports %s', (_name, patch, field) => {
    const issues = issuesFor(patch);
    expect(issues.map((i) => i.field)).toContain(field);
    for (const issue of issues) {
      for (const locale of bookLocales) expect(wordMessage(timelineIssueWordings, issue, locale).length).toBeGreaterThan(0);
      expect(wordMessage(timelineIssueWordings, issue, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('every issue code comes from a real mistake', () => {
    const mistakes: Partial<Record<keyof TimelineEvent, unknown>>[] = [
      { id: 'KVM merged' }, { year: 1950 }, { endYear: 2000 }, { month: 13 }, { month: undefined, day: 3 }, { month: 2, day: 31 },
      { category: 'mainframes' }, { title: ' ' }, { summary: 'x'.repeat(161) }, { source: { title: '', url: 'not a url' } },
    ];
    const codes = new Set([...mistakes.flatMap((patch) => issuesFor(patch)), ...validateTimelineEvents([good, good])].map((i) => i.code));
    expect([...codes].sort()).toEqual(Object.keys(timelineIssueWordings).sort());
  });

  it('reports duplicate ids', () => {
    const issues = validateTimelineEvents([good, good]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ event: 'kvm-merged', field: 'id' });
  });
});

describe('formatEventDate', () => {
  it('formats year, month and day as far as they are known', () => {
    expect(formatEventDate(byId('ctss-service'))).toBe('1963');
    expect(formatEventDate(byId('ctss-demonstrated'))).toBe('November 1961');
    expect(formatEventDate(byId('vm-370'))).toBe('2 August 1972');
  });

  it('marks approximate dates and spans', () => {
    expect(formatEventDate(byId('m44-44x'))).toBe('c. 1965');
    expect(formatEventDate(byId('cp-40'))).toBe('1964\u20131967');
  });

  it('uses the month names it is given', () => {
    const months = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];
    expect(formatEventDate(byId('ctss-demonstrated'), { monthNames: months, circa: '约 ' })).toBe('十一月 1961');
    expect(formatEventDate(byId('m44-44x'), { monthNames: months, circa: '约 ' })).toBe('约 1965');
  });
});
