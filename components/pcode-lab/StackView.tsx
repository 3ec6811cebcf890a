import { useLayoutEffect, useRef, useState } from 'react';
import type { FrameView } from '../../lib/pcode/index.ts';
import type { PcodeLabMessages } from './messages.ts';

export interface StackViewProps {
  frames: readonly FrameView[];
  stack: Int32Array;
  sp: number;
  messages: PcodeLabMessages;
}

interface Arrow {
  readonly kind: 'sl' | 'dl';
  readonly d: string;
}

const MAX_TEMPS = 12;

/** Words above a frame's locals: its evaluation stack (for outer frames, the operands waiting for a call). */
function temporaries(frame: FrameView, stack: Int32Array): number[] {
  const words: number[] = [];
  for (let a = frame.high; a > frame.localsEnd && words.length < MAX_TEMPS; a--) words.push(stack[a] ?? 0);
  return words;
}

/**
 * The stack drawn as frames, top of the stack first: evaluation stack, locals, the block mark
 * (return address, dynamic link, static link) and parameters. Static links are drawn as arrows on
 * the right, dynamic links on the left.
 */
export default function StackView({ frames, stack, sp, messages }: StackViewProps) {
  const box = useRef<HTMLDivElement | null>(null);
  const [arrows, setArrows] = useState<readonly Arrow[]>([]);
  const [size, setSize] = useState({ width: 0, height: 0 });

  useLayoutEffect(() => {
    const container = box.current;
    if (!container) return;
    const origin = container.getBoundingClientRect();
    const next: Arrow[] = [];
    for (const cell of container.querySelectorAll<HTMLElement>('[data-link-target]')) {
      const target = container.querySelector<HTMLElement>(`[data-frame-bp="${cell.dataset['linkTarget']}"]`);
      if (!target) continue;
      const kind = cell.dataset['linkKind'] === 'sl' ? 'sl' : 'dl';
      // Arrows leave from the frame's edge, at the height of the link's row.
      const from = (cell.closest('.hov-pc-frame') ?? cell).getBoundingClientRect();
      const row = cell.getBoundingClientRect();
      const to = target.getBoundingClientRect();
      const y1 = row.top + row.height / 2 - origin.top + container.scrollTop;
      const y2 = to.top + Math.min(12, to.height / 2) - origin.top + container.scrollTop;
      if (kind === 'sl') {
        const x1 = from.right - origin.left;
        const x2 = to.right - origin.left;
        const bend = Math.max(x1, x2) + 14 + (Math.abs(y2 - y1) > 200 ? 6 : 0);
        next.push({ kind, d: `M ${x1} ${y1} C ${bend} ${y1}, ${bend} ${y2}, ${x2 + 2} ${y2}` });
      } else {
        const x1 = from.left - origin.left;
        const x2 = to.left - origin.left;
        const bend = Math.min(x1, x2) - 14;
        next.push({ kind, d: `M ${x1} ${y1} C ${bend} ${y1}, ${bend} ${y2}, ${x2 - 2} ${y2}` });
      }
    }
    setArrows(next);
    setSize({ width: container.scrollWidth, height: container.scrollHeight });
  }, [frames, sp]);

  const shown: FrameView[] = [];
  let previousDepth = -1;
  const total = frames[0]?.totalFrames ?? 0;

  return (
    <div className="hov-pc-stack" ref={box}>
      <svg className="hov-pc-arrows" width={size.width} height={size.height} aria-hidden="true">
        <defs>
          <marker id="hov-pc-arrow-sl" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="hov-pc-arrowhead-sl" />
          </marker>
          <marker id="hov-pc-arrow-dl" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="hov-pc-arrowhead-dl" />
          </marker>
        </defs>
        {arrows.map((a, k) => (
          <path key={k} d={a.d} className={`hov-pc-arrow-${a.kind}`} markerEnd={`url(#hov-pc-arrow-${a.kind})`} fill="none" />
        ))}
      </svg>
      {frames.map((frame, index) => {
        const gap = previousDepth >= 0 && frame.depth > previousDepth + 1 ? frame.depth - previousDepth - 1 : 0;
        previousDepth = frame.depth;
        shown.push(frame);
        const temps = temporaries(frame, stack);
        const isMain = frame.returnAddress < 0;
        const locals = frame.variables.filter((v) => v.address > frame.bp).sort((a, b) => b.address - a.address);
        const below = frame.variables.filter((v) => v.address < frame.bp).sort((a, b) => b.address - a.address);
        const kind = frame.routine ? messages.kinds[frame.routine.kind] : '';
        return (
          <div key={`${frame.depth}-${frame.bp}`}>
            {gap > 0 && <p className="hov-pc-gap">{messages.framesOmitted(gap)}</p>}
            <section
              className={`hov-pc-frame${index === 0 ? ' is-current' : ''}`}
              data-frame-bp={frame.bp}
              aria-label={messages.frameTitle(kind, frame.name, frame.bp)}
            >
              <h4 className="hov-pc-frame-title">
                {kind} <strong>{frame.name}</strong> <span className="hov-pc-muted">BP = {frame.bp}</span>
              </h4>
              <table className="hov-pc-cells">
                <tbody>
                  {temps.length > 0 && (
                    <tr className="hov-pc-temps">
                      <th scope="row">{messages.evaluationStack}</th>
                      <td colSpan={2} className="hov-pc-value">
                        {temps.join(', ')}
                        {frame.high - frame.localsEnd > MAX_TEMPS ? ', …' : ''}
                      </td>
                    </tr>
                  )}
                  {index === 0 && temps.length === 0 && (
                    <tr className="hov-pc-temps">
                      <td colSpan={3} className="hov-pc-muted">{messages.emptyEvaluationStack}</td>
                    </tr>
                  )}
                  {locals.map((v) => (
                    <tr key={v.name}>
                      <th scope="row">
                        {v.name} <span className="hov-pc-kind">{messages.variableKinds[v.kind]}</span>
                      </th>
                      <td className="hov-pc-addr">{v.address}</td>
                      <td className="hov-pc-value">{v.value}</td>
                    </tr>
                  ))}
                  <tr className="hov-pc-mark">
                    <th scope="row">{messages.returnAddress}</th>
                    <td className="hov-pc-addr">{frame.bp + 2}</td>
                    <td className="hov-pc-value">{isMain ? messages.topOfProgram : messages.returnAddressValue(frame.returnAddress)}</td>
                  </tr>
                  <tr className="hov-pc-mark">
                    <th scope="row">{messages.dynamicLink}</th>
                    <td className="hov-pc-addr">{frame.bp + 1}</td>
                    <td className="hov-pc-value" {...(!isMain ? { 'data-link-target': frame.dynamicLink, 'data-link-kind': 'dl' } : {})}>
                      {isMain ? messages.topOfProgram : messages.linkTo(frame.dynamicLink)}
                    </td>
                  </tr>
                  <tr className="hov-pc-mark">
                    <th scope="row">{messages.staticLink}</th>
                    <td className="hov-pc-addr">{frame.bp}</td>
                    <td className="hov-pc-value" {...(!isMain ? { 'data-link-target': frame.staticLink, 'data-link-kind': 'sl' } : {})}>
                      {isMain ? messages.topOfProgram : messages.linkTo(frame.staticLink)}
                    </td>
                  </tr>
                  {below.map((v) => (
                    <tr key={v.name}>
                      <th scope="row">
                        {v.name} <span className="hov-pc-kind">{messages.variableKinds[v.kind]}</span>
                      </th>
                      <td className="hov-pc-addr">{v.address}</td>
                      <td className="hov-pc-value">
                        {v.value}
                        {v.refersTo !== undefined ? ` ${messages.refersTo(v.refersTo)}` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
        );
      })}
      {total > 0 && (
        <p className="hov-pc-legend">
          <span className="hov-pc-legend-sl">{messages.legendStatic}</span>
          <span className="hov-pc-legend-dl">{messages.legendDynamic}</span>
        </p>
      )}
    </div>
  );
}
