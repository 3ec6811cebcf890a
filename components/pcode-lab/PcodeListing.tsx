import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { formatInstruction, instructionCount, instructionNote } from '../../lib/pcode/index.ts';
import type { PProgram } from '../../lib/pcode/index.ts';
import type { PcodeLabMessages } from './messages.ts';

export interface PcodeListingProps {
  program: PProgram;
  /** Next instruction, or -1 when the machine is not at one (halted before start etc.). */
  pc: number;
  breakpoints: ReadonlySet<number>;
  onToggleBreakpoint: (pc: number) => void;
  /** Source line linked from the editor (rows of this line light up). */
  linkedLine: number;
  /** The reader picked an instruction: link its source line. */
  onSelectLine: (line: number) => void;
  messages: PcodeLabMessages;
  idPrefix: string;
}

/**
 * The P-code listing: one row per instruction with its address, its text and its source line.
 * One tab stop: arrow keys move the active row, Enter/Space/B toggle its breakpoint.
 */
export default function PcodeListing({ program, pc, breakpoints, onToggleBreakpoint, linkedLine, onSelectLine, messages, idPrefix }: PcodeListingProps) {
  const count = instructionCount(program);
  const [active, setActive] = useState(0);
  const list = useRef<HTMLOListElement | null>(null);
  const routineStarts = new Map(program.routines.map((r) => [r.entry, r]));

  useEffect(() => {
    if (active >= count) setActive(Math.max(0, count - 1));
  }, [count, active]);

  // Keep the current instruction in view, scrolling only the listing (never the page).
  useEffect(() => {
    const container = list.current;
    if (!container || pc < 0) return;
    const row = container.querySelector<HTMLElement>(`[data-pc="${pc}"]`);
    if (!row) return;
    const top = row.offsetTop;
    if (top < container.scrollTop || top + row.offsetHeight > container.scrollTop + container.clientHeight) {
      container.scrollTop = Math.max(0, top - container.clientHeight / 3);
    }
  }, [pc, program]);

  // A line picked in the editor: bring its first instruction into view if none of them is visible.
  useEffect(() => {
    const container = list.current;
    if (!container || linkedLine < 1) return;
    const rows = Array.from(container.querySelectorAll<HTMLElement>('.hov-pc-listing-row.is-linked'));
    if (rows.length === 0) return;
    const visible = rows.some((row) => {
      const top = row.offsetTop;
      return top >= container.scrollTop && top + row.offsetHeight <= container.scrollTop + container.clientHeight;
    });
    if (!visible) container.scrollTop = Math.max(0, rows[0]!.offsetTop - container.clientHeight / 3);
  }, [linkedLine, program]);

  const moveTo = (next: number) => {
    const clamped = Math.min(Math.max(0, next), count - 1);
    setActive(clamped);
    onSelectLine(program.lines[clamped] ?? 0);
    const container = list.current;
    const row = container?.querySelector<HTMLElement>(`[data-pc="${clamped}"]`);
    if (container && row) {
      const top = row.offsetTop;
      if (top < container.scrollTop) container.scrollTop = top;
      else if (top + row.offsetHeight > container.scrollTop + container.clientHeight) container.scrollTop = top + row.offsetHeight - container.clientHeight;
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    const page = 10;
    switch (e.key) {
      case 'ArrowDown':
        moveTo(active + 1);
        break;
      case 'ArrowUp':
        moveTo(active - 1);
        break;
      case 'PageDown':
        moveTo(active + page);
        break;
      case 'PageUp':
        moveTo(active - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(count - 1);
        break;
      case 'Enter':
      case ' ':
      case 'b':
      case 'B':
        onToggleBreakpoint(active);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const rows = [];
  for (let k = 0; k < count; k++) {
    const routine = routineStarts.get(k);
    if (routine) {
      rows.push(
        <li key={`r${k}`} className="hov-pc-listing-routine" role="presentation">
          {messages.kinds[routine.kind]} {routine.name}
        </li>,
      );
    }
    const line = program.lines[k] ?? 0;
    const note = instructionNote(program, k);
    const classes = ['hov-pc-listing-row'];
    if (k === pc) classes.push('is-current');
    if (line > 0 && line === linkedLine) classes.push('is-linked');
    if (k === active) classes.push('is-active');
    const hasBreakpoint = breakpoints.has(k);
    rows.push(
      <li
        key={k}
        id={`${idPrefix}-pc-${k}`}
        data-pc={k}
        role="option"
        aria-selected={k === active}
        aria-current={k === pc ? 'step' : undefined}
        className={classes.join(' ')}
        onClick={() => {
          setActive(k);
          onSelectLine(line);
        }}
      >
        <span
          className={`hov-pc-bp${hasBreakpoint ? ' is-on' : ''}`}
          title={messages.breakpointOn(k)}
          aria-hidden="true"
          onClick={(e) => {
            e.stopPropagation();
            setActive(k);
            onToggleBreakpoint(k);
          }}
        />
        {hasBreakpoint && <span className="hov-pc-sr-only">{messages.breakpointOn(k)}: </span>}
        <span className="hov-pc-addr">{k}</span>
        <span className="hov-pc-instr">{formatInstruction(program, k)}</span>
        {note && <span className="hov-pc-note">{note}</span>}
        <span className="hov-pc-srcline">{line > 0 ? messages.sourceLineOf(line) : ''}</span>
      </li>,
    );
  }

  return (
    <ol
      ref={list}
      className="hov-pc-listing"
      role="listbox"
      tabIndex={0}
      aria-label={messages.listingLabel}
      aria-activedescendant={`${idPrefix}-pc-${active}`}
      onKeyDown={onKeyDown}
    >
      {rows}
    </ol>
  );
}
