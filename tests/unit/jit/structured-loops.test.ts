/**
 * Tier 2 recovers the loops of a region as WebAssembly `loop` blocks: the jump back at the end of
 * a loop body is `br` to the loop, not a trip round the region's dispatcher (`br_table`). Read from
 * the module's bytes, not from the WAT text. Loops that overlap without nesting, and loops entered
 * in the middle, still run exactly as the interpreter runs them. An innermost loop's budgeted pass
 * tests the budget once per time round, and index checks known to pass are left out; an index out
 * of range still stops the program at the interpreter's pc and step. The programs are the bench's.
 */
import { describe, expect, test } from 'vitest';
import { compileProgram } from '../../../lib/pascal/index.ts';
import { assemble, wordAssemblyError } from '../../../lib/pcode/index.ts';
import type { PProgram } from '../../../lib/pcode/index.ts';
import { JIT_EXAMPLES, WasmOpcode as W, decodeSignedLeb128, decodeUnsignedLeb128, findBasicBlocks, translateRegion } from '../../../lib/jit/index.ts';
import type { RegionTranslation } from '../../../lib/jit/index.ts';
import { runInterpreter, runJit } from './run-both.ts';
import { jitBenchProgram } from '../../bench/jit-programs.ts';

interface Branch {
  readonly op: 'br' | 'br_if' | 'br_table';
  /** Kinds of the labels it may go to: the function's outermost loop is 'dispatch'. */
  readonly targets: readonly ('block' | 'loop' | 'if' | 'dispatch')[];
}

type Label = 'block' | 'loop' | 'if' | 'dispatch';

/** One instruction of a function body: its opcode, immediates, branch targets, and the innermost loop around it. */
interface Instruction {
  readonly op: number;
  readonly immediates: readonly number[];
  /** Kinds of the labels a branch may go to. */
  readonly targets: readonly Label[];
  /** Which loop (numbered as they open, the dispatcher's is 0) holds it; -1: none. */
  readonly inLoop: number;
}

/** Decodes the function body's instructions (the subset the JIT emits). */
function decodeBody(t: RegionTranslation): Instruction[] {
  const bytes = t.module;
  let p = t.codeOffset;
  const uleb = () => {
    const r = decodeUnsignedLeb128(bytes, p);
    p += r.length;
    return r.value;
  };
  const open: { label: Label; loop: number }[] = [];
  const body: Instruction[] = [];
  let loops = 0;
  const target = (depth: number) => open[open.length - 1 - depth]!.label;
  for (;;) {
    const at = p;
    const op = bytes[p++]!;
    const inLoop = [...open].reverse().find((o) => o.label === 'loop' || o.label === 'dispatch')?.loop ?? -1;
    let immediates: number[] = [];
    let targets: Label[] = [];
    if (op === W.block || op === W.loop || op === W.if) {
      p++; // block type
      open.push({ label: op === W.block ? 'block' : op === W.if ? 'if' : loops === 0 ? 'dispatch' : 'loop', loop: op === W.loop ? loops++ : -1 });
    } else if (op === W.end) {
      if (open.length === 0) break; // the function's own end
      open.pop();
    } else if (op === W.br || op === W.brIf) targets = [target(uleb())];
    else if (op === W.brTable) {
      const n = uleb();
      targets = Array.from({ length: n + 1 }, () => target(uleb()));
    } else if (op === W.localGet || op === W.localSet || op === W.localTee) immediates = [uleb()];
    else if (op === W.i32Const) {
      const r = decodeSignedLeb128(bytes, p);
      p += r.length;
      immediates = [r.value];
    } else if (op === W.i32Load || op === W.i32Store) immediates = [uleb(), uleb()];
    else if (op === W.bulkPrefix) p += bytes[p] === 10 ? 3 : 2;
    else if (op === W.else) {
      // same label
    } else if (!(op >= W.i32Eqz && op <= W.i32ShrS) && op !== W.drop && op !== W.select && op !== W.return) {
      throw new Error(`unexpected opcode 0x${op.toString(16)} at ${at}`);
    }
    body.push({ op, immediates, targets, inLoop });
  }
  expect(p).toBe(bytes.length);
  return body;
}

interface Branch {
  readonly op: 'br' | 'br_if' | 'br_table';
  /** Kinds of the labels it may go to: the function's outermost loop is 'dispatch'. */
  readonly targets: readonly Label[];
}

/** The loops and branches of the function body. */
function readBody(t: RegionTranslation): { loops: number; branches: Branch[] } {
  const body = decodeBody(t);
  const branches = body
    .filter((i) => i.op === W.br || i.op === W.brIf || i.op === W.brTable)
    .map((i) => ({ op: i.op === W.br ? 'br' : i.op === W.brIf ? 'br_if' : 'br_table', targets: i.targets }) as const);
  return { loops: body.filter((i) => i.op === W.loop).length, branches };
}

/** Local 4 of `run(pc, budget)` is the budget left (after pc, budget, sp and bp). */
const LEFT = 4;

/**
 * For each loop of the body (in the order they open), the budget it tests (`left < n`: the n's) and
 * counts (`left := left - n`) in its own blocks, not in the loops inside it.
 */
function budgetByLoop(t: RegionTranslation): { tests: number[]; counts: number[] }[] {
  expect(t.wat.split('\n').slice(1, t.watHeaderLines).join(' ')).toMatch(/^\s*\(local \$sp i32\) \(local \$bp i32\) \(local \$left i32\)/);
  const body = decodeBody(t);
  const loops = body.filter((i) => i.op === W.loop).map(() => ({ tests: [] as number[], counts: [] as number[] }));
  body.forEach((i, k) => {
    const [c, then, next] = [body[k + 1], body[k + 2], body[k + 3]];
    if (i.op !== W.localGet || i.immediates[0] !== LEFT || c?.op !== W.i32Const || i.inLoop < 0) return;
    if (then?.op === W.i32LtS) loops[i.inLoop]!.tests.push(c.immediates[0]!);
    if (then?.op === W.i32Sub && next?.op === W.localSet && next.immediates[0] === LEFT) loops[i.inLoop]!.counts.push(c.immediates[0]!);
  });
  return loops;
}

/** For each loop of the body (in the order they open), how many index checks against `0..span` (`i32.const span; i32.gt_u`) its own blocks make. */
function indexChecksByLoop(t: RegionTranslation, span: number): number[] {
  const body = decodeBody(t);
  const checks = body.filter((i) => i.op === W.loop).map(() => 0);
  body.forEach((i, k) => {
    if (i.op === W.i32Const && i.immediates[0] === span && body[k + 1]?.op === W.i32GtU && i.inLoop >= 0) checks[i.inLoop]!++;
  });
  return checks;
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

/** The bench's programs: what these tests read is the code the bench times. */
const nestedLoops = jitBenchProgram('loops').source;
const bubbleSort = jitBenchProgram('arrays').source;

/**
 * Runs `program` on the JIT in tier 2 at each of the settings (threshold, or [threshold, slice budget])
 * and expects exactly what the interpreter does: outcome, output, steps, error and pc. Returns the
 * interpreter's run and the JIT's.
 */
async function expectLikeInterpreter(program: PProgram, settings: readonly (number | readonly [number, number])[], maxSteps = 1_000_000) {
  const expected = runInterpreter(program, '', maxSteps, 4096);
  const runs = [];
  for (const setting of settings) {
    const [threshold, sliceBudget] = typeof setting === 'number' ? [setting, 5000] : setting;
    const got = await runJit(program, '', maxSteps, 4096, { threshold, mode: 'chaining', instantiate: 'sync', sliceBudget });
    expect({ ...got, jit: undefined }, `threshold ${threshold}, slices of ${sliceBudget}`).toEqual({ ...expected, jit: undefined });
    runs.push(got);
  }
  return { expected, runs };
}

/** The end of a loop that counts word 3: round again (to `loop`) while it is below `limit`, then print it and halt. */
const untilWord3Reaches = (limit: number, label = '') => `${label ? `${label}:`.padEnd(6) : '      '}LOD 0, 3
      LIT ${limit}
      LT
      JPF done
      JMP loop
done: LOD 0, 3
      LIT 1
      WRI
      WLN
      HLT
`;

describe('tier 2 recovers loops', () => {
  test('two nested for loops become two WebAssembly loops (opcode 0x03) inside the dispatcher, and their back edges are br to them', () => {
    const t = wholeRegion(compiled(nestedLoops));
    const { loops, branches } = readBody(t);
    expect(loops).toBe(4); // the dispatcher's loop, the two recovered ones, and the inner one's budgeted pass
    expect(t.loops.map((l) => [l.label, l.depth, l.backEdges, l.wordsInLocals, l.budgetedPass])).toEqual([
      ['loop11', 0, 1, [], false],
      ['loop19', 1, 1, [3, 4, 5, 7], true], // i, j, s and the inner for's limit
    ]);
    const backEdges = branches.filter((b) => b.op === 'br' && b.targets[0] === 'loop');
    expect(backEdges).toHaveLength(3); // the inner loop's twice: in its budgeted pass and in its blocks that test the budget
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
    const { expected, runs } = await expectLikeInterpreter(program, [1, 5, 50]);
    expect(expected.output).toBe('1000\n3000\n');
    for (const got of runs) expect(got.jit.stats().tiers.chained).toBeGreaterThan(0);
  });

  test('a loop entered in the middle is still a loop: a br_table at its top picks the block, and results match the interpreter', async () => {
    const program = assembled(twoEntries);
    const t = wholeRegion(program);
    expect(t.loops.map((l) => [l.start, l.end])).toEqual([[6, 18]]);
    expect(t.dispatchedBackEdges).toBe(0);
    const { branches } = readBody(t);
    expect(branches.filter((b) => b.op === 'br_table').length).toBe(2); // the dispatcher's, and the loop's way in
    const { expected, runs } = await expectLikeInterpreter(program, [[1, 7], 3, 50]);
    expect(expected.output).toBe('1497\n');
    for (const got of runs) expect(got.jit.stats().tiers.chained).toBeGreaterThan(0);
  });
});

describe('array accesses', () => {
  test('LDI and STI through an element of a frame array need no check of their own: the block’s start checked the whole array', () => {
    const t = wholeRegion(compiled(bubbleSort));
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
${untilWord3Reaches(100)}`;

  test.each([10, 5000])('an array that reaches past the end of the stack (element %i): the same result, or the same error, as the interpreter', async (index) => {
    const { expected } = await expectLikeInterpreter(assembled(beyondTheStack(index)), [1, 5]);
    expect(expected.outcome).toBe(index < 4000 ? 'halted' : 'error');
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
${untilWord3Reaches(50, 'next')}`;

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
    expect(body.split(';; block ').length - 1).toBe(4); // its two blocks, in the budgeted pass and again
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
    const { expected } = await expectLikeInterpreter(program, [1, 3]);
    expect(expected.outcome).toBe('error');
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
    const { expected } = await expectLikeInterpreter(program, [1, 3]);
    expect(expected.output).toBe('200\n');
    // Without the STI through word 4, words 4 and 5 are cached, word 3 (written through LDA 0, 3) is not.
    const followed = assembled(aliased.replace('      LOD 0, 4\n      LOD 0, 3\n      STI\n', '      LOD 0, 3\n      STO 0, 5\n      LOD 0, 4\n      POP\n'));
    const wat2 = wholeRegion(followed).wat;
    expect(wat2).toContain('local.set $w4');
    expect(wat2).toContain('local.set $w5');
    expect(wat2).not.toContain('$w3');
    const { expected: expected2 } = await expectLikeInterpreter(followed, [1]);
    expect(expected2.output).toBe('200\n');
  });
});

describe('the budgeted pass of an innermost loop', () => {
  test('the bubble sort’s inner loop tests the budget once per time round, for all its 42 instructions, and still counts each block', () => {
    const t = wholeRegion(compiled(bubbleSort));
    const inner = t.loops.find((l) => l.depth === 2)!;
    expect([inner.label, inner.blocks.length, inner.budgetedPass]).toEqual(['loop57', 4, true]);
    const budget = budgetByLoop(t);
    // Its blocks are 12, 22, 4 and 4 instructions long: the budgeted pass is a loop of its own that
    // tests `left < 42` and nothing else, and counts 12, 22, 4 and 4 as they run.
    expect(budget).toContainEqual({ tests: [42], counts: [12, 22, 4, 4] });
    // The same blocks as the dispatcher enters them (in the middle, or with the budget short) test each.
    expect(budget).toContainEqual({ tests: [12, 22, 4, 4], counts: [12, 22, 4, 4] });
    // An outer loop keeps a test per block: a time round it may run any number of instructions.
    expect(t.loops.find((l) => l.depth === 1 && l.blocks.length > 4)!.budgetedPass).toBe(false);
  });

  const sortPastTheEnd = bubbleSort.replace('1500 - i', '1501 - i');

  test('an index past the end of the array in the budgeted pass: the interpreter’s error, at the same pc and step, in every way of slicing the run', async () => {
    const program = compiled(sortPastTheEnd);
    expect(wholeRegion(program).loops.find((l) => l.label === 'loop57')!.budgetedPass).toBe(true);
    const { expected, runs } = await expectLikeInterpreter(program, [1, 50, [50, 7], [50, 41], [50, 42], [3, 1000]]);
    expect(expected.outcome).toBe('error');
    // a[j + 1] with j = 1500 in the first time round of the outer loop: IXA 1, 1500, 1 at 65 stops it.
    expect(expected.pc).toBe(65);
    const code = program.code;
    expect([code[65 * 4], code[65 * 4 + 1], code[65 * 4 + 2]]).toEqual([8, 1, 1500]);
    expect(expected.error).toMatch(/range/i);
    // The JIT got there in tier 2: in slices of 5000 the interpreter ran only the blocks before they
    // were hot, and the IXA. (Slices shorter than a block leave that block to the interpreter.)
    for (const got of runs.slice(0, 2)) expect(got.jit.stats().tiers.chained).toBeGreaterThan(expected.steps * 0.9);
    for (const got of runs) expect(got.jit.stats().tiers.chained).toBeGreaterThan(0);
  });

  test('a budget that runs out inside the budgeted pass leaves at the same instruction count as the interpreter', async () => {
    const program = compiled(bubbleSort.replace('for pass := 1 to 2', 'for pass := 1 to 1').replace(/1500/g, '60').replace('1499', '59').replace('a[750]', 'a[30]'));
    const { expected } = await expectLikeInterpreter(program, [[50, 1], [50, 13], [50, 41], [50, 42], [50, 43], [2, 997]]);
    expect(expected.outcome).toBe('halted');
  });
});

describe('index checks known to pass', () => {
  test('in the bubble sort’s budgeted pass a[j] and a[j + 1] are checked once each per time round (the swap block checks neither again)', () => {
    const t = wholeRegion(compiled(bubbleSort));
    const budget = budgetByLoop(t);
    const checks = indexChecksByLoop(t, 1499);
    const pass = budget.findIndex((l) => l.tests.length === 1 && l.tests[0] === 42);
    expect(pass).toBeGreaterThan(0);
    // The header block checks j and j + 1 (IXA 1, 1500 on each); the swap block names them again with j unchanged.
    expect(checks[pass]).toBe(2);
    // Entered in the middle, the swap block checks each once (its second a[j] and a[j + 1] are known).
    expect(checks[pass - 1]).toBe(4);
    // a[1], a[750] and a[1500] need no check at all.
    expect(t.wat.match(/index checked already/g)).toHaveLength(2 + 2 + 4 + 1);
  });

  // j := j + 1 between two a[j]: the second is checked again (and fails at j = 11).
  const storedBetween = `program p(output);
var a: array[1..10] of integer; j, s: integer;
begin
  s := 0; j := 1;
  while j <= 10 do begin
    s := s + a[j];
    j := j + 1;
    s := s + a[j]
  end;
  writeln(s:1)
end.
`;
  // j changes on one way into the block that reads a[j] again: it is checked again (and fails at j = 10).
  const storedOnOneWayIn = `program p(output);
var a: array[1..9] of integer; j, s: integer;
begin
  s := 0; j := 1;
  while j <= 9 do begin
    if a[j] > 0 then s := s + 1;
    if odd(j) then j := j + 1;
    s := s + a[j];
    j := j + 1
  end;
  writeln(s:1)
end.
`;

  test.each([
    ['stored to between the two accesses', storedBetween],
    ['stored to on one way into the block', storedOnOneWayIn],
  ])('an index %s is checked again: the interpreter’s error, at the same pc and step', async (_name, source) => {
    const program = compiled(source);
    expect(wholeRegion(program).loops.some((l) => l.budgetedPass)).toBe(true);
    const { expected } = await expectLikeInterpreter(program, [1, 2, [1, 5]]);
    expect(expected.outcome).toBe('error');
    expect(expected.error).toMatch(/range/i);
  });
});
