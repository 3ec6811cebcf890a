import { formatInstruction, instructionNote } from '../../lib/pcode/index.ts';
import type { JitMachine } from '../../lib/jit/index.ts';
import { SPACED_LIST_CLASS } from '../../lib/book/list-spacing.ts';
import { blockRunState } from './blockRunState.ts';
import type { JitLabMessages } from './messages.ts';

interface Props {
  jit: JitMachine;
  selected: number;
  onSelect: (block: number) => void;
  m: JitLabMessages;
}

/** The P-code listing, cut into basic blocks: each block has a header with its heat and tier. */
export default function BlockListing({ jit, selected, onSelect, m }: Props) {
  const program = jit.program;
  return (
    <ol className={`jit-listing ${SPACED_LIST_CLASS}`} aria-label={m.listingHeading}>
      {jit.cfg.blocks.map((b) => {
        const state = blockRunState(jit, b.id);
        const count = jit.counters[b.id] ?? 0;
        const heat = state === 'host' ? 0 : Math.min(1, count / jit.threshold);
        return (
          <li key={b.id} className="jit-block" data-state={state} data-hue={b.id % 6} data-selected={b.id === selected || undefined}>
            <button
              type="button"
              className="jit-block-head"
              aria-pressed={b.id === selected}
              onClick={() => onSelect(b.id)}
            >
              <span className="jit-block-name">{m.blockTitle(b.id, b.start, b.end)}</span>
              <span className="jit-badge" data-state={state}>
                {m.blockState[state]}
              </span>
              {state !== 'host' && (
                <span className="jit-heat" title={m.heatLegend}>
                  <span className="jit-heat-bar" aria-hidden="true">
                    <span style={{ width: `${heat * 100}%` }} />
                  </span>
                  <span className="jit-heat-count">{m.counter(count, jit.threshold)}</span>
                </span>
              )}
            </button>
            <ol className="jit-instructions">
              {Array.from({ length: b.end - b.start }, (_, k) => {
                const pc = b.start + k;
                const note = instructionNote(program, pc);
                return (
                  <li key={pc}>
                    <span className="jit-pc">{pc}</span>
                    <code>{formatInstruction(program, pc)}</code>
                    {note && <span className="jit-note">{note}</span>}
                    {program.lines[pc] ? <span className="jit-line">{m.sourceLine(program.lines[pc])}</span> : null}
                  </li>
                );
              })}
            </ol>
          </li>
        );
      })}
    </ol>
  );
}
