import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { bookPages, chapterNumber } from '../../lib/book/chapters.ts';
import { SPACED_LIST_CLASS } from '../../lib/book/list-spacing.ts';
import {
  categories,
  countByCategory,
  decadeOf,
  filterEvents,
  isTimelineCategory,
  isoEventDate,
  sortEvents,
  timelineEvents,
  type TimelineCategory,
  type TimelineEvent,
} from '../../lib/timeline/index.ts';
import { bookHref, pickMessages, type BookLocale } from '../book/locale.ts';
import { timelineCatalogues } from './messages.ts';
import { nextIndexForKey } from './nextIndexForKey.ts';
import './Timeline.css';
import { recordLabRun } from '../progress/progress-store.ts';

export interface TimelineProps {
  /** Categories shown at first (all of them if omitted). */
  initialCategories?: readonly string[];
  /** Ids of events shown expanded at first. */
  initialExpanded?: readonly string[];
  /** Level of the decade headings, so they nest under the chapter's own headings. */
  headingLevel?: 2 | 3 | 4;
  /** The edition the timeline sits in; its .astro wrapper passes the page's locale. */
  locale?: BookLocale;
  /** The chapter the timeline sits in: its events do not link back to it. */
  currentChapter?: string;
  /** Prefix for links to chapters; the locale's own prefix ("/zh-cn" for zh-CN) if omitted. */
  localePrefix?: string;
}

/** The overview axis runs over whole decades around the data. */
const axisFirstYear = 1960;
const axisLastYear = 2030;

const sortedEvents = sortEvents(timelineEvents);
const totalCounts = countByCategory(sortedEvents);

function groupByDecade(events: readonly TimelineEvent[]): { decade: number; events: TimelineEvent[] }[] {
  const groups: { decade: number; events: TimelineEvent[] }[] = [];
  for (const event of events) {
    const decade = decadeOf(event);
    const group = groups.at(-1);
    if (group && group.decade === decade) group.events.push(event);
    else groups.push({ decade, events: [event] });
  }
  return groups;
}

const domId = (event: TimelineEvent) => `tl-${event.id}`;
const panelId = (event: TimelineEvent) => `tl-${event.id}-detail`;

/**
 * Virtualization from 1961 to today. Renders on the server as a plain list of events grouped by
 * decade; once hydrated, the category buttons filter it and each event opens to show its story,
 * its source and the chapter that tells more. The event list is one Tab stop: the arrow keys,
 * Home and End move between events (roving tabindex), Enter or Space opens one.
 */
export default function Timeline({ initialCategories, initialExpanded = [], headingLevel = 3, locale = 'en', currentChapter, localePrefix }: TimelineProps) {
  const m = pickMessages(timelineCatalogues, locale);
  const [selected, setSelected] = useState<readonly TimelineCategory[]>(() => {
    const wanted = (initialCategories ?? categories).filter(isTimelineCategory);
    return categories.filter((c) => wanted.includes(c));
  });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(initialExpanded));
  const [activeId, setActiveId] = useState<string | undefined>(undefined);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const visible = useMemo(() => filterEvents(sortedEvents, selected), [selected]);
  const groups = useMemo(() => groupByDecade(visible), [visible]);
  // The roving tab stop: the last event focused, or the first visible one.
  const tabStop = visible.some((e) => e.id === activeId) ? activeId : visible[0]?.id;
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';

  const toggleCategory = (category: TimelineCategory) =>
    setSelected((current) =>
      current.includes(category) ? current.filter((c) => c !== category) : categories.filter((c) => c === category || current.includes(c)),
    );

  const toggleEvent = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const focusEvent = (id: string) => {
    setActiveId(id);
    const button = buttons.current.get(id);
    button?.focus();
    return button;
  };

  const onEventKeyDown = (event: KeyboardEvent<HTMLButtonElement>, id: string) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const index = visible.findIndex((e) => e.id === id);
    const next = nextIndexForKey(event.key, index, visible.length);
    const target = next === undefined ? undefined : visible[next];
    if (!target) return;
    event.preventDefault();
    focusEvent(target.id);
  };

  const openFromOverview = (id: string) => {
    recordLabRun('timeline');
    setExpanded((current) => new Set(current).add(id));
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    focusEvent(id)?.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
  };

  const chapterLink = (event: TimelineEvent) => {
    if (!event.chapter || event.chapter === currentChapter) return null;
    const page = bookPages.find((p) => p.slug === event.chapter);
    if (!page) return null;
    return (
      <a className="hov-tl-chapter" href={localePrefix === undefined ? bookHref(m.bookLanguage, page.slug) : `${localePrefix}/${page.slug}/`}>
        {m.readMore(chapterNumber(page.slug), page.label[m.bookLanguage])}
      </a>
    );
  };

  const rowOfEvent = new Map<string, number>();
  for (const event of visible) {
    const sameYear = visible.filter((e) => e.year === event.year);
    rowOfEvent.set(event.id, sameYear.indexOf(event));
  }

  return (
    <section className="hov-timeline not-content" aria-label={m.regionLabel}>
      <div className="hov-tl-filters" role="group" aria-label={m.filterLabel}>
        {categories.map((category) => (
          <button
            key={category}
            type="button"
            className="hov-tl-filter"
            data-category={category}
            aria-pressed={selected.includes(category)}
            onClick={() => toggleCategory(category)}
          >
            <span className="hov-tl-swatch" aria-hidden="true" />
            <span>{m.categories[category]}</span>
            <span className="hov-tl-count">{totalCounts.get(category) ?? 0}</span>
          </button>
        ))}
        <button
          type="button"
          className="hov-tl-show-all"
          onClick={() => setSelected(categories)}
          disabled={selected.length === categories.length}
        >
          {m.showAll}
        </button>
      </div>

      <p className="hov-tl-status" role="status">
        {visible.length === 0 ? m.empty : m.showing(visible.length, sortedEvents.length)}
      </p>

      <div className="hov-tl-overview" aria-hidden="true" title={m.overviewLabel}>
        <div className="hov-tl-axis">
          {Array.from({ length: (axisLastYear - axisFirstYear) / 10 + 1 }, (_, i) => axisFirstYear + i * 10).map((year) => (
            <span key={year} className="hov-tl-tick" style={{ left: `${((year - axisFirstYear) / (axisLastYear - axisFirstYear)) * 100}%` }}>
              {year}
            </span>
          ))}
          {visible.map((event) => (
            <span
              key={event.id}
              className="hov-tl-dot"
              data-category={event.category}
              title={`${m.formatDate(event)}: ${m.eventText(event).title}`}
              style={{
                left: `${((event.year + ((event.month ?? 6) - 0.5) / 12 - axisFirstYear) / (axisLastYear - axisFirstYear)) * 100}%`,
                bottom: `${(rowOfEvent.get(event.id) ?? 0) * 0.75 + 1.6}rem`,
              }}
              onClick={() => openFromOverview(event.id)}
            />
          ))}
        </div>
      </div>

      <p className="hov-tl-hint">{m.keyboardHint}</p>

      {groups.map(({ decade, events }) => (
        <section key={decade} className="hov-tl-decade" aria-labelledby={`tl-decade-${decade}`}>
          <Heading id={`tl-decade-${decade}`} className="hov-tl-decade-heading">
            {m.decade(decade)}
          </Heading>
          <ol className={`hov-tl-list ${SPACED_LIST_CLASS}`} aria-label={m.eventsInDecade(decade)}>
            {events.map((event) => {
              const open = expanded.has(event.id);
              const text = m.eventText(event);
              return (
                <li key={event.id} className="hov-tl-event" data-category={event.category} data-event-id={event.id}>
                  <time className="hov-tl-date" dateTime={isoEventDate(event)}>
                    {m.formatDate(event)}
                  </time>
                  <div className="hov-tl-body">
                    <button
                      id={domId(event)}
                      ref={(el) => {
                        if (el) buttons.current.set(event.id, el);
                        else buttons.current.delete(event.id);
                      }}
                      type="button"
                      className="hov-tl-toggle"
                      aria-expanded={open}
                      aria-controls={panelId(event)}
                      tabIndex={event.id === tabStop ? 0 : -1}
                      onClick={() => {
                        recordLabRun('timeline');
                        setActiveId(event.id);
                        toggleEvent(event.id);
                      }}
                      onFocus={() => setActiveId(event.id)}
                      onKeyDown={(e) => onEventKeyDown(e, event.id)}
                    >
                      <span className="hov-tl-marker" aria-hidden="true" />
                      <span className="hov-tl-title">{text.title}</span>
                      <span className="hov-tl-category">{m.categories[event.category]}</span>
                    </button>
                    <p className="hov-tl-summary">{text.summary}</p>
                    <div id={panelId(event)} className="hov-tl-detail" hidden={!open}>
                      <p>{text.detail}</p>
                      <p className="hov-tl-source">
                        {m.source}{' '}
                        <a href={event.source.url} rel="noopener">
                          {event.source.title}
                        </a>
                      </p>
                      {chapterLink(event)}
                    </div>
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </section>
  );
}
