/**
 * Tier 2 recovers the loops of a region as WebAssembly `loop` blocks: the jump back at the end of
 * a loop body is `br` to the loop, not a trip round the region's dispatcher (`br_table`). Read from
 * the module's bytes, not from the WAT text. Loops that overlap without nesting, and loops entered
 * in the middle, still run exactly as the interpreter runs them.
 */
import { describe, expect, test } from 'vitest';
import { compileProgram } from '../../../lib/pascal/index.ts';
import { assemble, wordAssemblyError } from '../../../lib/pcode/index.ts';
import type { PProgram } from '../../../lib/pcode/index.ts';
import { JIT_EXAMPLES, WasmOpcode as W, decodeSignedLeb128, decodeUnsignedLeb128, findBasicBlocks, translateRegion } from '../../../lib/jit/index.ts';
import type { RegionTranslation } from '../../../lib/jit/index.ts';
import { runInterpreter, runJit } from './run-both.ts';

interface Branch {
  readonly op: 'br' | 'br_if' | 'br_table';
  /** Kinds of the labels it may go to: the function's outermost loop is 'dispatch'. */
  readonly targets: readonly ('block' | 'loop' | 'if' | 'dispatch')[];
}

/** Decodes the function body's instructions (the subset the JIT emits) and collects loops and branches. */
function readBody(t: RegionTranslation): { loops: number; branches: Branch[] } {
  const bytes = t.module;
  let p = t.codeOffset;
  const uleb = () => {
    const r = decodeUnsignedLeb128(bytes, p);
    p += r.length;
    return r.value;
  };
  const open: ('block' | 'loop' | 'if' | 'dispatch')[] = [];
  const branches: Branch[] = [];
  let loops = 0;
  const target = (depth: number) => open[open.length - 1 - depth]!;
  for (;;) {
    const op = bytes[p++]!;
    if (op === W.block || op === W.loop || op === W.if) {
      p++; // block type
      if (op === W.loop) loops++;
      open.push(op === W.block ? 'block' : op === W.if ? 'if' : loops === 1 ? 'dispatch' : 'loop');
    } else if (op === W.end) {
      if (open.length === 0) break; // the function's own end
      open.pop();
    } else if (op === W.br || op === W.brIf) {
      branches.push({ op: op === W.br ? 'br' : 'br_if', targets: [target(uleb())] });
    } else if (op === W.brTable) {
      const n = uleb();
      const targets = Array.from({ length: n + 1 }, () => target(uleb()));
      branches.push({ op: 'br_table', targets });
    } else if (op === W.localGet || op === W.localSet || op === W.localTee) uleb();
    else if (op === W.i32Const) p += decodeSignedLeb128(bytes, p).length;
    else if (op === W.i32Load || op === W.i32Store) {
      uleb();
      uleb();
    } else if (op === W.bulkPrefix) p += bytes[p] === 10 ? 3 : 2;
    else if (op === W.else) {
      // same label
    } else if (!(op >= W.i32Eqz && op <= W.i32ShrS) && op !== W.drop && op !== W.select && op !== W.return) {
      throw new Error(`unexpected opcode 0x${op.toString(16)} at ${p - 1}`);
    }
  }
  expect(p).toBe(bytes.length);
  return { loops, branches };
}

function compiled(source: string): PProgram {
  const { program, diagnostics } = compileProgram(source);
  if (!program) throw new Error(JSON.stringify(diagnostics));
  return program;
}

function assembled(text: string): PProgram {
  const result = assemble(text);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}: ${wordAssemblyError(e)}`).join('\n'));
  return result.program;
}

/** The whole program as one tier-2 region, as the JIT would translate it once every block were hot. */
function wholeRegion(program: PProgram, chain = true): RegionTranslation {
  const cfg = findBasicBlocks(program);
  const ids = cfg.blocks.filter((b) => b.kind === 'translatable').map((b) => b.id);
  return translateRegion(program.code, cfg, ids, { chain, stackWords: 4096 });
}

const nestedLoops = `program loops(output);
var i, j, s: integer;
begin
  s := 0;
  for i := 1 to 30 do
    for j := 1 to 10 do
      s := (s + i * j) mod 1000003;
  writeln(s:1)
end.
`;

describe('tier 2 recovers loops', () => {
  test('two nested for loops become two WebAssembly loops (opcode 0x03) inside the dispatcher, and their back edges are br to them', () => {
    const t = wholeRegion(compiled(nestedLoops));
    const { loops, branches } = readBody(t);
    expect(loops).toBe(3); // the dispatcher's loop and the two recovered ones
    expect(t.loops.map((l) => [l.label, l.depth, l.backEdges, l.wordsInLocals])).toEqual([
      ['loop11', 0, 1, []],
      ['loop19', 1, 1, [3, 4, 5, 7]], // i, j, s and the inner for's limit
    ]);
    const backEdges = branches.filter((b) => b.op === 'br' && b.targets[0] === 'loop');
    expect(backEdges).toHaveLength(2);
    // Nothing goes back round the dispatcher: the program has no call or return, and its loops are loops.
    expect(branches.filter((b) => b.targets.includes('dispatch'))).toEqual([]);
    expect(t.dispatchedBackEdges).toBe(0);
    expect(t.wat).toContain('br $loop19');
  });

  test('every JIT example with a loop gets recovered loops, and its loops run without the dispatcher', () => {
    for (const e of JIT_EXAMPLES) {
      const t = wholeRegion(compiled(e.source));
      if (!/\b(for|while|repeat)\b/.test(e.source)) continue;
      expect(t.loops.length, e.id).toBeGreaterThan(0);
      for (const loop of t.loops) expect(t.wat, e.id).toContain(`br $${loop.label}`);
    }
  });

  test('tier 1 keeps one block per function: no recovered loop, every block returns to the dispatcher outside', () => {
    const program = compiled(nestedLoops);
    const cfg = findBasicBlocks(program);
    for (const b of cfg.blocks.filter((x) => x.kind === 'translatable')) {
      const t = translateRegion(program.code, cfg, [b.id], { chain: false, stackWords: 4096 });
      expect(readBody(t).loops).toBe(1);
      expect(t.loops).toEqual([]);
    }
  });
});

/** Two loops whose ranges overlap without nesting: A..jump-to-A and B..jump-to-B with A < B < jump-to-A. */
const overlapping = `
      ENT 2, 4
      LIT 0
      STO 0, 3
      LIT 0
      STO 0, 4
a:    LOD 0, 3
      INC 1
      STO 0, 3
b:    LOD 0, 4
      INC 1
      STO 0, 4
      LOD 0, 3
      LIT 1000
      LT
      JPF c
      JMP a
c:    LOD 0, 4
      LIT 3000
      LT
      JPF done
      JMP b
done: LOD 0, 3
      LIT 1
      WRI
      WLN
      LOD 0, 4
      LIT 1
      WRI
      WLN
      HLT
`;

/** A loop with two ways in: the jump at the top enters it in the middle (irreducible flow). */
const twoEntries = `
      ENT 2, 4
      LIT 0
      STO 0, 3
      LIT 0
      STO 0, 4
      JMP mid
top:  LOD 0, 3
      LIT 3
      ADD
      STO 0, 3
mid:  LOD 0, 4
      INC 1
      STO 0, 4
      LOD 0, 4
      LIT 500
      LT
      JPF done
      JMP top
done: LOD 0, 3
      LIT 1
      WRI
      WLN
      HLT
`;

describe('flow that is not a simple nest of loops', () => {
  test('of two overlapping loops the first is recovered and the other goes round the dispatcher, with the interpreter’s result', async () => {
    const program = assembled(overlapping);
    const t = wholeRegion(program);
    expect(t.loops.map((l) => l.start)).toEqual([5]);
    expect(t.dispatchedBackEdges).toBe(1);
    const { branches } = readBody(t);
    expect(branches.some((b) => b.op === 'br' && b.targets[0] === 'dispatch')).toBe(true);
    const expected = runInterpreter(program, '', 1_000_000, 4096);
    expect(expected.output).toBe('1000\n3000\n');
    for (const threshold of [1, 5, 50]) {
      const got = await runJit(program, '', 1_000_000, 4096, { threshold, mode: 'chaining', instantiate: 'sync' });
      expect(got.jit.stats().tiers.chained).toBeGreaterThan(0);
      expect({ ...got, jit: undefined }).toEqual({ ...expected, jit: undefined });
    }
  });

  test('a loop entered in the middle is still a loop: a br_table at its top picks the block, and results match the interpreter', async () => {
    const program = assembled(twoEntries);
    const t = wholeRegion(program);
    expect(t.loops.map((l) => [l.start, l.end])).toEqual([[6, 18]]);
    expect(t.dispatchedBackEdges).toBe(0);
    const { branches } = readBody(t);
    expect(branches.filter((b) => b.op === 'br_table').length).toBe(2); // the dispatcher's, and the loop's way in
    const expected = runInterpreter(program, '', 1_000_000, 4096);
    expect(expected.output).toBe('1497\n');
    for (const [threshold, sliceBudget] of [
      [1, 7],
      [3, 5000],
      [50, 5000],
    ] as const) {
      const got = await runJit(program, '', 1_000_000, 4096, { threshold, mode: 'chaining', instantiate: 'sync', sliceBudget });
      expect(got.jit.stats().tiers.chained).toBeGreaterThan(0);
      expect({ ...got, jit: undefined }).toEqual({ ...expected, jit: undefined });
    }
  });
});

describe('array accesses', () => {
  test('LDI and STI through an element of a frame array need no check of their own: the block’s start checked the whole array', () => {
    const program = compiled(`program arrays(output);
var a: array[1..1500] of integer; i, t: integer;
begin
  for i := 1 to 1500 do a[i] := (i * 7919) mod 2003;
  for i := 1 to 1499 do if a[i] > a[i + 1] then begin t := a[i]; a[i] := a[i + 1]; a[i + 1] := t end;
  writeln(a[1]:1)
end.
`);
    const t = wholeRegion(program);
    expect(t.wat).toContain('if $range'); // the index checks stay
    expect(t.wat).not.toContain('if $outside');
  });

  const beyondTheStack = (index: number) => `
      ENT 2, 4
      LIT 0
      STO 0, 3
loop: LDA 0, 5
      LIT ${index}
      IXA 0, 60000, 1
      LDI
      POP
      LOD 0, 3
      INC 1
      STO 0, 3
      LOD 0, 3
      LIT 100
      LT
      JPF done
      JMP loop
done: LOD 0, 3
      LIT 1
      WRI
      WLN
      HLT
`;

  test.each([10, 5000])('an array that reaches past the end of the stack (element %i): the same result, or the same error, as the interpreter', async (index) => {
    const program = assembled(beyondTheStack(index));
    const expected = runInterpreter(program, '', 1_000_000, 4096);
    expect(expected.outcome).toBe(index < 4000 ? 'halted' : 'error');
    for (const threshold of [1, 5]) {
      const got = await runJit(program, '', 1_000_000, 4096, { threshold, mode: 'chaining', instantiate: 'sync' });
      expect({ ...got, jit: undefined }).toEqual({ ...expected, jit: undefined });
    }
  });

  test('the WAT text, made only when asked for, lines up with the bytes: its first instruction at watHeaderLines, each block at its range', () => {
    const program = compiled(nestedLoops);
    const t = wholeRegion(program);
    // A later write to the code (the lab's poke) does not change the text of what was translated.
    program.code.fill(0);
    const lines = t.wat.split('\n');
    expect(lines[t.watHeaderLines - 1]).toMatch(/^\s+\(local /);
    expect(lines[t.watHeaderLines]!.trim()).toBe('i32.const 0');
    for (const range of t.blocks) expect(lines[t.watHeaderLines + range.lines[0]]!.trim()).toMatch(new RegExp(`^;; block ${range.block}: `));
  });
});

describe('one stack check at the top of a loop', () => {
  const badWordInLoop = `
      ENT 2, 4
      LIT 0
      STO 0, 3
loop: LOD 0, 3
      INC 1
      STO 0, 3
      LOD 0, 3
      LIT 30
      LT
      JPF bad
      JMP next
bad:  LOD 0, 5000
      POP
next: LOD 0, 3
      LIT 50
      LT
      JPF done
      JMP loop
done: LOD 0, 3
      LIT 1
      WRI
      WLN
      HLT
`;

  test('a loop that keeps SP and BP checks the stack words of all its blocks on the way in, and keeps its variables in locals', () => {
    const t = wholeRegion(compiled(nestedLoops));
    const wat = t.wat;
    const check = wat.indexOf(';; SP and the frame words of every block of the loop');
    const inner = wat.indexOf('loop $loop19');
    expect(check).toBeGreaterThan(0);
    expect(check).toBeLessThan(inner);
    // s, i, j and j's limit come into locals before the loop…
    expect(wat.slice(check, inner)).toMatch(/i32\.load offset=20\n\s+local\.set \$w5/);
    const body = wat.slice(inner, wat.indexOf('end ;; $loop19'));
    expect(body.split(';; block ').length - 1).toBe(2);
    // …so inside the loop no block tests $sp or $bp, and s := (s + i * j) mod 1000003 touches no memory on the way round.
    expect(body).not.toMatch(/local\.get \$(sp|bp)\n/);
    expect(body).toMatch(/local\.get \$w5\n/);
    expect(body).toMatch(/local\.set \$w5\n/);
    // Every way out stores them back: the exit when j reaches its limit, and the exit for the budget.
    expect(body).toMatch(/local\.get \$w5\n\s+i32\.store offset=20\n(.*\n){0,12}?\s+br \$b36/);
  });

  test('a word beyond the stack in one block of the loop: the same error as the interpreter, at the same step', async () => {
    const program = assembled(badWordInLoop);
    expect(wholeRegion(program).wat).toContain(';; SP and the frame words of every block of the loop');
    const expected = runInterpreter(program, '', 1_000_000, 4096);
    expect(expected.outcome).toBe('error');
    for (const threshold of [1, 3]) {
      const got = await runJit(program, '', 1_000_000, 4096, { threshold, mode: 'chaining', instantiate: 'sync' });
      expect({ ...got, jit: undefined }).toEqual({ ...expected, jit: undefined });
    }
  });
});

describe('frame words in locals', () => {
  // Word 3 is a counter written through its address (LDA 0, 3 … STI) and read with LOD; word 4 holds
  // an address (of word 5) that STI writes through, which the translator cannot follow.
  const aliased = `
      ENT 3, 4
      LIT 0
      STO 0, 3
      LDA 0, 5
      STO 0, 4
loop: LDA 0, 3
      LOD 0, 3
      INC 1
      STI
      LOD 0, 4
      LOD 0, 3
      STI
      LOD 0, 3
      LIT 200
      LT
      JPF done
      JMP loop
done: LOD 0, 5
      LIT 1
      WRI
      WLN
      HLT
`;

  test('a word written through an address is not kept in a local; an address the translator cannot follow keeps them all in memory', async () => {
    const program = assembled(aliased);
    const wat = wholeRegion(program).wat;
    expect(wat).toContain(';; SP and the frame words of every block of the loop');
    expect(wat).not.toMatch(/\$w\d/);
    const expected = runInterpreter(program, '', 1_000_000, 4096);
    expect(expected.output).toBe('200\n');
    for (const threshold of [1, 3]) {
      const got = await runJit(program, '', 1_000_000, 4096, { threshold, mode: 'chaining', instantiate: 'sync' });
      expect({ ...got, jit: undefined }).toEqual({ ...expected, jit: undefined });
    }
    // Without the STI through word 4, words 4 and 5 are cached, word 3 (written through LDA 0, 3) is not.
    const followed = assembled(aliased.replace('      LOD 0, 4\n      LOD 0, 3\n      STI\n', '      LOD 0, 3\n      STO 0, 5\n      LOD 0, 4\n      POP\n'));
    const wat2 = wholeRegion(followed).wat;
    expect(wat2).toContain('local.set $w4');
    expect(wat2).toContain('local.set $w5');
    expect(wat2).not.toContain('$w3');
    const expected2 = runInterpreter(followed, '', 1_000_000, 4096);
    expect(expected2.output).toBe('200\n');
    const got2 = await runJit(followed, '', 1_000_000, 4096, { threshold: 1, mode: 'chaining', instantiate: 'sync' });
    expect({ ...got2, jit: undefined }).toEqual({ ...expected2, jit: undefined });
  });
});
