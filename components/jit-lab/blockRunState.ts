import type { JitMachine } from '../../lib/jit/index.ts';

export type BlockRunState = 'interpreted' | 'host' | 'tier1' | 'tier2';

/** Where a block runs now: in the interpreter, always in the interpreter (I/O), or in tier 1/2 code. */
export function blockRunState(jit: JitMachine, blockId: number): BlockRunState {
  const block = jit.cfg.blocks[blockId];
  if (!block || block.kind === 'host') return 'host';
  const entry = jit.cache.lookup(block.start);
  if (!entry) return 'interpreted';
  return entry.tier === 1 ? 'tier1' : 'tier2';
}
