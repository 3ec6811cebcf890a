import { formatInstruction } from '../../lib/pcode/index.ts';
import { formatHex } from '../../lib/jit/index.ts';
import type { JitMachine } from '../../lib/jit/index.ts';
import type { JitLabMessages } from './messages.ts';

interface Props {
  jit: JitMachine;
  block: number;
  wholeModule: boolean;
  m: JitLabMessages;
}

/** The selected block: its P-code, the WAT it became, and the bytes. */
export default function CodeView({ jit, block, wholeModule, m }: Props) {
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
    </div>
  );
}
