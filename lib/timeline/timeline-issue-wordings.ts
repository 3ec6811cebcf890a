// What can be wrong with an event of the timeline's data, in both editions (validateTimelineEvents).

import { wordings, type MessageOf } from '../book/localized-text.ts';

export const timelineIssueWordings = {
  badId: wordings(() => 'id must be lower-case words joined by hyphens', () => 'id 必须是用连字符连接的小写单词'),
  duplicateId: wordings((p: { id: string }) => `duplicate id "${p.id}"`, (p) => `id“${p.id}”重复了`),
  yearOutOfRange: wordings(
    (p: { year: unknown; first: number; last: number }) => `year ${String(p.year)} is outside ${p.first}–${p.last}`,
    (p) => `年份 ${String(p.year)} 不在 ${p.first}–${p.last} 之间`,
  ),
  badEndYear: wordings(
    (p: { endYear: unknown; year: number; last: number }) => `endYear ${String(p.endYear)} must be after ${p.year} and no later than ${p.last}`,
    (p) => `endYear ${String(p.endYear)} 必须晚于 ${p.year}，且不晚于 ${p.last}`,
  ),
  badMonth: wordings((p: { month: unknown }) => `month ${String(p.month)} is not 1–12`, (p) => `月份 ${String(p.month)} 不在 1–12 之间`),
  dayWithoutMonth: wordings(() => 'a day needs a month', () => '写了日就必须写月'),
  noSuchDay: wordings(
    (p: { day: unknown; year: number; month: number }) => `day ${String(p.day)} does not exist in ${p.year}-${p.month}`,
    (p) => `${p.year} 年 ${p.month} 月没有 ${String(p.day)} 日`,
  ),
  unknownCategory: wordings((p: { category: string }) => `unknown category "${p.category}"`, (p) => `未知的类别“${p.category}”`),
  emptyText: wordings((p: { field: 'title' | 'summary' | 'detail' }) => `${p.field} is empty`, (p) => `${p.field} 是空的`),
  longSummary: wordings(
    () => 'summary must be one line of at most 160 characters',
    () => 'summary 必须只有一行，且不超过 160 个字符',
  ),
  sourceWithoutTitle: wordings(() => 'source needs a title', () => 'source 需要标题'),
  sourceWithoutUrl: wordings(() => 'source needs an http(s) URL', () => 'source 需要一个 http(s) 网址'),
};

/** What is wrong with an event: a message of timelineIssueWordings. */
export type TimelineIssueMessage = MessageOf<typeof timelineIssueWordings>;
