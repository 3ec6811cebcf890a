import type { KeyboardEvent } from 'react';
import type { JitMachine } from '../../lib/jit/index.ts';
import { blockRunState } from './blockRunState.ts';
import type { JitLabMessages } from './messages.ts';

interface Props {
  jit: JitMachine;
  selected: number;
  onSelect: (block: number) => void;
  m: JitLabMessages;
}

const ROW = 30;
const BOX_H = 22;
const BOX_W = 150;
const LEFT = 70;

/**
 * The control-flow graph drawn as a column of blocks in address order: forward edges arc on the
 * right, back edges (loops) on the left, calls dashed.
 */
export default function ControlFlowGraphView({ jit, selected, onSelect, m }: Props) {
  const blocks = jit.cfg.blocks;
  const height = blocks.length * ROW + 10;
  const width = LEFT + BOX_W + 90;
  const y = (id: number) => 5 + id * ROW + BOX_H / 2;
  const onKey = (e: KeyboardEvent, id: number) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(id);
    }
  };
  return (
    <div className="jit-cfg-scroll">
      <svg className="jit-cfg" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="group" aria-label={m.cfgLabel}>
        <defs>
          <marker id="jit-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M0,0 L8,4 L0,8 z" className="jit-cfg-arrowhead" />
          </marker>
        </defs>
        {jit.cfg.edges.map((e, k) => {
          if (e.kind === 'fall' && e.to === e.from + 1) {
            return <line key={k} className="jit-cfg-edge" x1={LEFT + BOX_W / 2} x2={LEFT + BOX_W / 2} y1={y(e.from) + BOX_H / 2} y2={y(e.to) - BOX_H / 2} markerEnd="url(#jit-arrow)" />;
          }
          const span = Math.abs(e.to - e.from);
          const reach = Math.min(60, 10 + span * 4);
          const back = e.to <= e.from;
          const x = back ? LEFT : LEFT + BOX_W;
          const cx = back ? x - reach : x + reach;
          const d = `M${x},${y(e.from)} C${cx},${y(e.from)} ${cx},${y(e.to)} ${x},${y(e.to)}`;
          return <path key={k} d={d} className="jit-cfg-edge" data-kind={e.kind} data-back={back || undefined} markerEnd="url(#jit-arrow)" fill="none" />;
        })}
        {blocks.map((b) => {
          const state = blockRunState(jit, b.id);
          const text = `B${b.id} · ${b.start}–${b.end - 1}${b.routine ? ` · ${b.routine}` : ''}`;
          return (
            <g
              key={b.id}
              role="button"
              tabIndex={0}
              aria-pressed={b.id === selected}
              aria-label={`${text}: ${m.blockState[state]}`}
              className="jit-cfg-node"
              data-state={state}
              data-selected={b.id === selected || undefined}
              onClick={() => onSelect(b.id)}
              onKeyDown={(e) => onKey(e, b.id)}
            >
              <rect x={LEFT} y={5 + b.id * ROW} width={BOX_W} height={BOX_H} rx={4} />
              <text x={LEFT + 8} y={5 + b.id * ROW + 15}>
                {text}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
