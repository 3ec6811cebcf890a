/** Chapter 1: exercises on the timeline, answered by lib/timeline's own data and ordering. */
import { formatEventDate, sortEvents, timelineEvents, chineseEventText } from '../timeline/index.ts';
import type { TimelineEvent } from '../timeline/index.ts';
// The events' Chinese words live with the timeline island today; they are plain data (no React).
import type { LocalizedText } from '../book/localized-text.ts';
import { localizedText } from '../book/localized-text.ts';
import { defineExercise } from './exercise.ts';
import type { SeededRandom } from './seeded-random.ts';

const LETTERS = 'ABCDEFGH';

/** Events with different years, so that the order is never a matter of months. */
function eventsWithDistinctYears(random: SeededRandom, count: number): TimelineEvent[] {
  const byYear = new Map<number, TimelineEvent[]>();
  for (const e of timelineEvents) byYear.set(e.year, [...(byYear.get(e.year) ?? []), e]);
  const years = random.sample([...byYear.keys()], count);
  return years.map((y) => random.pick(byYear.get(y)!));
}

/** An event's title, summary and detail in both editions. */
function words(e: TimelineEvent): { title: LocalizedText; summary: LocalizedText; detail: LocalizedText } {
  const zh = chineseEventText(e) ?? e;
  return { title: localizedText(e.title, zh.title), summary: localizedText(e.summary, zh.summary), detail: localizedText(e.detail, zh.detail) };
}

/** The date as the Chinese edition writes it: 1972年8月2日, 约1965年, 1964–1967年. */
function zhEventDate(e: TimelineEvent): string {
  const circa = e.approximate ? '约' : '';
  if (e.endYear !== undefined && e.endYear !== e.year) return `${circa}${e.year}\u2013${e.endYear}年`;
  if (e.month === undefined) return `${circa}${e.year}年`;
  if (e.day === undefined) return `${circa}${e.year}年${e.month}月`;
  return `${circa}${e.year}年${e.month}月${e.day}日`;
}

const describe = (e: TimelineEvent): LocalizedText =>
  localizedText(`${e.title} (${formatEventDate(e)})`, `${words(e).title['zh-CN']}（${zhEventDate(e)}）`);

/** Joins the lines of several bilingual texts. */
const lines = (texts: readonly LocalizedText[]): LocalizedText =>
  localizedText(texts.map((t) => t.en).join('\n'), texts.map((t) => t['zh-CN']).join('\n'));

export const timelineOrder = defineExercise({
  id: 'timeline-order',
  chapter: 'origins',
  title: localizedText('Put events in order', '给事件排序'),
  summary: localizedText('Order four events of the timeline from earliest to latest.', '把时间线上的四个事件按从早到晚排序。'),
  versions: [1],
  generate(random) {
    const events = eventsWithDistinctYears(random, 4);
    const lettered = events.map((e, i) => ({ letter: LETTERS[i]!, event: e }));
    const sorted = sortEvents(events);
    const letterOf = (e: TimelineEvent) => lettered.find((l) => l.event === e)!.letter;
    const order = sorted.map(letterOf);
    const first = words(sorted[0]!).title;
    return {
      prompt: localizedText('Put these events in order, earliest first.', '把这些事件按时间先后排序，最早的排在前面。'),
      figure: lines(lettered.map((l) => {
        const w = words(l.event);
        return localizedText(`${l.letter}. ${w.title.en}: ${w.summary.en}`, `${l.letter}. ${w.title['zh-CN']}：${w.summary['zh-CN']}`);
      })),
      answerKind: 'list',
      answerFormat: localizedText('the four letters, earliest first, e.g. B, D, A, C', '四个字母，最早的在前，例如 B, D, A, C'),
      answer: order.join(', '),
      hint: localizedText(`The earliest of them is ${first.en}.`, `其中最早的是“${first['zh-CN']}”。`),
      explanation: lines(sorted.map((e) => {
        const d = describe(e);
        return localizedText(`${letterOf(e)}. ${d.en}`, `${letterOf(e)}. ${d['zh-CN']}`);
      })),
    };
  },
});

export const timelineYear = defineExercise({
  id: 'timeline-year',
  chapter: 'origins',
  title: localizedText('Date an event', '说出事件的年份'),
  summary: localizedText('Give the year of an event of the timeline.', '说出时间线上某个事件发生的年份。'),
  versions: [1],
  generate(random) {
    const event = random.pick(timelineEvents.filter((e) => !e.approximate));
    const decade = Math.floor(event.year / 10) * 10;
    const w = words(event);
    const d = describe(event);
    return {
      prompt: localizedText(`In which year: ${event.summary}`, `这件事发生在哪一年：${w.summary['zh-CN']}`),
      answerKind: 'number',
      answerFormat: localizedText('a year, e.g. 1972', '一个年份，例如 1972'),
      answer: String(event.year),
      hint: localizedText(`It happened in the ${decade}s.`, `它发生在 ${decade} 年代。`),
      explanation: localizedText(
        `${d.en}. ${event.detail} Source: ${event.source.title}, ${event.source.url}`,
        `${d['zh-CN']}。${w.detail['zh-CN']}出处：${event.source.title}，${event.source.url}`,
      ),
    };
  },
});

export const timelineBefore = defineExercise({
  id: 'timeline-before',
  chapter: 'origins',
  title: localizedText('Before or after', '之前还是之后'),
  summary: localizedText('Say which of five events happened before a given year.', '说出五个事件中哪些发生在给定年份之前。'),
  versions: [1],
  generate(random) {
    const events = eventsWithDistinctYears(random, 5);
    const years = events.map((e) => e.year).sort((a, b) => a - b);
    const cut = years[random.int(1, 3)]!;
    const lettered = events.map((e, i) => ({ letter: LETTERS[i]!, event: e }));
    const before = lettered.filter((l) => l.event.year < cut).map((l) => l.letter);
    const letterOf = (e: TimelineEvent) => lettered.find((l) => l.event === e)!.letter;
    return {
      prompt: localizedText(`Which of these events happened before ${cut}?`, `下面哪些事件发生在 ${cut} 年之前？`),
      figure: lines(lettered.map((l) => {
        const t = words(l.event).title;
        return localizedText(`${l.letter}. ${t.en}`, `${l.letter}. ${t['zh-CN']}`);
      })),
      answerKind: 'set',
      answerFormat: localizedText('letters in any order, e.g. A, C; or "none"', '字母，顺序不限，例如 A, C；一个都没有就填“无”（或 none）'),
      answer: before.length ? before.join(', ') : 'none',
      hint: localizedText(`${before.length} of the five did.`, `五个事件中有 ${before.length} 个是。`),
      explanation: lines(sortEvents(events).map((e) => {
        const d = describe(e);
        return e.year < cut
          ? localizedText(`${letterOf(e)}. ${d.en}: before ${cut}`, `${letterOf(e)}. ${d['zh-CN']}：在 ${cut} 年之前`)
          : localizedText(`${letterOf(e)}. ${d.en}: not before ${cut}`, `${letterOf(e)}. ${d['zh-CN']}：不在 ${cut} 年之前`);
      })),
    };
  },
});
