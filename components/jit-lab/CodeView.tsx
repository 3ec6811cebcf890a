import { formatInstruction, routineAt } from '../../lib/pcode/index.ts';
import type { PProgram } from '../../lib/pcode/index.ts';
import { formatHex } from '../../lib/jit/index.ts';
import type { CacheEntry, JitMachine } from '../../lib/jit/index.ts';
import type { JitLabMessages } from './messages.ts';

interface Props {
  jit: JitMachine;
  block: number;
  wholeModule: boolean;
  onSelect: (block: number) => void;
  m: JitLabMessages;
}

/** The selected block: its P-code, the WAT it became, and the bytes. */
export default function CodeView({ jit, block, wholeModule, onSelect, m }: Props) {
  const b = jit.cfg.blocks[block];
  if (!b) return null;
  const pcode = Array.from({ length: b.end - b.start }, (_, k) => `${String(b.start + k).padStart(4)}: ${formatInstruction(jit.program, b.start + k)}`).join('\n');
  const entry = b.kind === 'translatable' ? jit.cache.lookup(b.start) : undefined;
  let wat = '';
  let hex = '';
  let size = '';
  if (entry) {
    const t = entry.translation;
    const range = t.blocks.find((r) => r.block === b.id);
    if (wholeModule || !range) {
      wat = t.wat;
      hex = formatHex(t.module);
    } else {
      const lines = t.wat.split('\n').slice(t.watHeaderLines + range.lines[0], t.watHeaderLines + range.lines[1]);
      const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
      wat = lines.map((l) => l.slice(indent)).join('\n');
      hex = formatHex(t.module, t.codeOffset + range.bytes[0], t.codeOffset + range.bytes[1]);
    }
    size = m.moduleSize(t.module.length, t.blocks.length);
  }
  return (
    <div className="jit-code">
      <section aria-label={m.pcodeColumn}>
        <h4>{m.pcodeColumn}</h4>
        <pre tabIndex={0}>{pcode}</pre>
      </section>
      <section aria-label={m.watColumn}>
        <h4>{m.watColumn}</h4>
        {b.kind === 'host' ? (
          <p>{m.hostBlock}</p>
        ) : entry ? (
          <>
            <p className="jit-size">{size}</p>
            <pre tabIndex={0} data-testid="jit-wat">{wat}</pre>
          </>
        ) : (
          <p>{m.notTranslated(jit.counters[b.id] ?? 0, jit.threshold)}</p>
        )}
      </section>
      {entry && (
        <section aria-label={m.hexColumn}>
          <h4>{m.hexColumn}</h4>
          <pre tabIndex={0} className="jit-hex">{hex}</pre>
        </section>
      )}
      {entry && <RecoveredLoops program={jit.program} entry={entry} block={b.id} onSelect={onSelect} m={m} />}
    </div>
  );
}

/** The loops tier 2 recovered in the selected block's translation (see translate-region.ts). */
/** The name of the variable at frame word `offset` of the routine whose code holds `pc`, if it has one. */
function variableName(program: PProgram, pc: number, offset: number): string | undefined {
  return routineAt(program, pc)?.variables.find((v) => v.offset === offset)?.name;
}

function RecoveredLoops({ program, entry, block, onSelect, m }: { program: PProgram; entry: CacheEntry; block: number; onSelect: (block: number) => void; m: JitLabMessages }) {
  const t = entry.translation;
  return (
    <section className="jit-loops" aria-label={m.loopsHeading} data-testid="jit-loops">
      <h4>{m.loopsHeading}</h4>
      {entry.tier === 1 ? (
        <p>{m.tier1Loops}</p>
      ) : (
        <>
          <p className="jit-hint">{m.loopsHint}</p>
          {t.loops.length === 0 ? (
            <p>{m.noLoops}</p>
          ) : (
            <ul>
              {t.loops.map((loop) => {
                const holds = loop.blocks.includes(block);
                return (
                  <li key={loop.label} style={{ marginInlineStart: `${loop.depth * 1.25}rem` }} data-current={holds || undefined}>
                    <button type="button" className="jit-loop-label" onClick={() => onSelect(loop.blocks[0]!)} aria-label={m.showLoopHeader(loop.label)}>
                      <code>loop ${loop.label}</code>
                    </button>{' '}
                    {m.loopItem(loop.start, loop.end, loop.blocks[0]!, loop.blocks[loop.blocks.length - 1]!, loop.backEdges)}
                    {loop.wordsInLocals.length > 0 && m.inLocals(loop.wordsInLocals.map((w) => variableName(program, loop.start, w) ?? m.frameWord(w)).join(m.listSeparator))}
                    {holds && <strong className="jit-loop-current"> · {m.loopHoldsSelected}</strong>}
                  </li>
                );
              })}
            </ul>
          )}
          {t.dispatchedBackEdges > 0 && <p>{m.dispatchedBackEdges(t.dispatchedBackEdges)}</p>}
        </>
      )}
    </section>
  );
}
