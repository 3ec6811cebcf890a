/** Chapter 1: exercises on the timeline, answered by lib/timeline's own data and ordering. */
import { formatEventDate, sortEvents, timelineEvents } from '../timeline/index.ts';
import type { TimelineEvent } from '../timeline/index.ts';
import type { ExerciseType } from './exercise.ts';
import type { SeededRandom } from './seeded-random.ts';

const LETTERS = 'ABCDEFGH';

/** Events with different years, so that the order is never a matter of months. */
function eventsWithDistinctYears(random: SeededRandom, count: number): TimelineEvent[] {
  const byYear = new Map<number, TimelineEvent[]>();
  for (const e of timelineEvents) byYear.set(e.year, [...(byYear.get(e.year) ?? []), e]);
  const years = random.sample([...byYear.keys()], count);
  return years.map((y) => random.pick(byYear.get(y)!));
}

const describe = (e: TimelineEvent) => `${e.title} (${formatEventDate(e)})`;

export const timelineOrder: ExerciseType = {
  id: 'timeline-order',
  chapter: 'origins',
  title: 'Put events in order',
  summary: 'Order four events of the timeline from earliest to latest.',
  versions: [1],
  generate(random) {
    const events = eventsWithDistinctYears(random, 4);
    const lettered = events.map((e, i) => ({ letter: LETTERS[i]!, event: e }));
    const sorted = sortEvents(events);
    const order = sorted.map((e) => lettered.find((l) => l.event === e)!.letter);
    return {
      prompt: 'Put these events in order, earliest first.',
      figure: lettered.map((l) => `${l.letter}. ${l.event.title}: ${l.event.summary}`).join('\n'),
      answerKind: 'list',
      answerFormat: 'the four letters, earliest first, e.g. B, D, A, C',
      answer: order.join(', '),
      hint: `The earliest of them is ${sorted[0]!.title}.`,
      explanation: sorted.map((e) => `${lettered.find((l) => l.event === e)!.letter}. ${describe(e)}`).join('\n'),
    };
  },
};

export const timelineYear: ExerciseType = {
  id: 'timeline-year',
  chapter: 'origins',
  title: 'Date an event',
  summary: 'Give the year of an event of the timeline.',
  versions: [1],
  generate(random) {
    const event = random.pick(timelineEvents.filter((e) => !e.approximate));
    const decade = Math.floor(event.year / 10) * 10;
    return {
      prompt: `In which year: ${event.summary}`,
      answerKind: 'number',
      answerFormat: 'a year, e.g. 1972',
      answer: String(event.year),
      hint: `It happened in the ${decade}s.`,
      explanation: `${describe(event)}. ${event.detail} Source: ${event.source.title}, ${event.source.url}`,
    };
  },
};

export const timelineBefore: ExerciseType = {
  id: 'timeline-before',
  chapter: 'origins',
  title: 'Before or after',
  summary: 'Say which of five events happened before a given year.',
  versions: [1],
  generate(random) {
    const events = eventsWithDistinctYears(random, 5);
    const years = events.map((e) => e.year).sort((a, b) => a - b);
    const cut = years[random.int(1, 3)]!;
    const lettered = events.map((e, i) => ({ letter: LETTERS[i]!, event: e }));
    const before = lettered.filter((l) => l.event.year < cut).map((l) => l.letter);
    return {
      prompt: `Which of these events happened before ${cut}?`,
      figure: lettered.map((l) => `${l.letter}. ${l.event.title}`).join('\n'),
      answerKind: 'set',
      answerFormat: 'letters in any order, e.g. A, C; or "none"',
      answer: before.length ? before.join(', ') : 'none',
      hint: `${before.length} of the five did.`,
      explanation: sortEvents(events)
        .map((e) => `${lettered.find((l) => l.event === e)!.letter}. ${describe(e)}: ${e.year < cut ? 'before' : 'not before'} ${cut}`)
        .join('\n'),
    };
  },
};
