import { describe, expect, test } from 'vitest';
import { assemble } from '../../../lib/pcode/index.ts';
import { compileProgram } from '../../../lib/pascal/index.ts';
import { findBasicBlocks } from '../../../lib/jit/index.ts';

function program(text: string) {
  const r = assemble(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.program;
}

describe('basic blocks', () => {
  const loop = program(`
.string "done"
0: ENT 1, 4
1: LIT 0
2: STO 0, 3
loop: LOD 0, 3
4: LIT 10
5: LT
6: JPF out
7: LOD 0, 3
8: INC 1
9: STO 0, 3
10: JMP loop
out: LIT 4
12: WRS 0
13: WLN
14: CAL 0, proc
15: HLT
proc: ENT 0, 2
17: RET 0
`);

  test('leaders: entry, jump targets, after jumps, calls and returns; I/O gets blocks of its own', () => {
    const cfg = findBasicBlocks(loop);
    expect(cfg.blocks.map((b) => [b.start, b.end, b.kind, b.exit])).toEqual([
      [0, 3, 'translatable', 'fall'],
      [3, 7, 'translatable', 'branch'],
      [7, 11, 'translatable', 'jump'],
      [11, 12, 'translatable', 'fall'],
      [12, 13, 'host', 'host'],
      [13, 14, 'host', 'host'],
      [14, 15, 'translatable', 'call'],
      [15, 16, 'host', 'halt'],
      [16, 18, 'translatable', 'return'],
    ]);
    expect(Array.from(cfg.blockOf)).toEqual([0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 4, 5, 6, 7, 8, 8]);
  });

  test('edges follow falls, branches, jumps and calls', () => {
    const cfg = findBasicBlocks(loop);
    const edges = cfg.edges.map((e) => `${e.from}->${e.to}:${e.kind}`);
    expect(edges).toEqual(['0->1:fall', '1->3:branch', '1->2:fall', '2->1:jump', '3->4:fall', '4->5:fall', '5->6:fall', '6->8:call']);
  });

  test('every instruction of a compiled program is in exactly one block, in order', () => {
    const { program: p } = compileProgram(`program t(output);
var i, s: integer;
function sq(n: integer): integer; begin sq := n * n end;
begin
  s := 0;
  for i := 1 to 10 do
    case i mod 3 of 0: s := s + sq(i); 1, 2: s := s - 1 end;
  writeln(s)
end.`);
    const cfg = findBasicBlocks(p!);
    let pc = 0;
    for (const b of cfg.blocks) {
      expect(b.start).toBe(pc);
      expect(b.end).toBeGreaterThan(b.start);
      pc = b.end;
    }
    expect(pc).toBe(p!.code.length / 4);
    // the routine table names the blocks of the function
    expect(cfg.blocks.some((b) => b.routine === 'sq')).toBe(true);
    expect(cfg.blocks.filter((b) => b.exit === 'case').length).toBeGreaterThanOrEqual(2);
  });
});
