/**
 * The translator: P-code basic blocks to one WebAssembly function.
 *
 * Memory layout shared by the P-machine and every translation (one WebAssembly.Memory):
 *
 *   bytes 0..15   registers: SP (byte 0), BP (4), STEPS (8, instructions run by the last call)
 *   bytes 16..    the P-machine's stack: word w at byte 16 + 4w
 *
 * The function is `run(pc, budget) -> pc`. It loads SP and BP into locals, dispatches on pc with
 * `br_table` to the code of the block that starts there, and runs blocks until control leaves the
 * region, a host instruction (I/O, halt) comes up, the budget of instructions runs out, or an
 * instruction is about to fail (the interpreter then runs it and reports the error in its own
 * words). It writes SP, BP and STEPS back and returns the next pc.
 *
 * Every memory access stays on the stack, as the interpreter's do: a block starts with one check
 * that SP stays on the stack through all of the block and that its frame words (BP + offset) lie on
 * it; addresses that come from the stack (LDI, STI, LDM, MOV), static links and RET are checked
 * where they are used. When a check fails, the code leaves before the block or the instruction
 * and the interpreter runs it, reporting the error. So wasm never traps, and never touches the
 * registers below the stack.
 *
 * Inside a block the P-machine's evaluation stack lives in WebAssembly locals (a "virtual stack"),
 * and reaches memory only at the block's end or on an exit, so `LOD i; LOD j; ADD; STO k` becomes
 * two loads, an add and a store. With `chain` off, every block returns to the caller (a QEMU-style
 * dispatcher loop outside). With it on (tier 2), blocks branch to each other inside the function:
 * a jump forward is a `br` to the label that ends just before its target; the loops of the region
 * are recovered (`recoverLoops`) and become WebAssembly `loop`s, so a jump back is `br $loopH`;
 * what is left (calls, returns, jumps back that head no loop that nests) goes round the dispatcher's
 * `br_table`. A loop whose blocks keep SP and BP checks the stack once on the way in and keeps the
 * frame words it uses in locals while it runs. An innermost loop also gets a budgeted pass, a copy
 * of its blocks that tests the budget once per time round (`emitLoop`); and IXA leaves out its index
 * check where the same check on the same value has passed already (`checkedIndexes`).
 */
import { INSTRUCTION_WORDS, Op, instructionByCode } from '../pcode/index.ts';
import { jumpTarget } from './basic-blocks.ts';
import type { BasicBlock, ControlFlowGraph } from './basic-blocks.ts';
import { WasmFunctionBuilder, WasmOpcode as W } from './wasm-function-builder.ts';
import { encodeWasmModule } from './wasm-module.ts';

/** Byte offsets of the registers and of stack word 0 in the shared memory. */
export const MemoryLayout = { sp: 0, bp: 4, steps: 8, stack: 16 } as const;

/** Pages (64 KiB) the shared memory needs for a stack of `stackWords`, with room to spare. */
export function memoryPagesFor(stackWords: number): number {
  return Math.ceil((MemoryLayout.stack + stackWords * 4) / 65536) + 1;
}

export interface TranslateOptions {
  /** Chain blocks inside the function (tier 2) or return after each block (tier 1). */
  readonly chain: boolean;
  /** Size of the P-machine's stack in words (ENT checks against it). */
  readonly stackWords: number;
}

/** Where one block's code sits in the function's text and bytes. */
export interface BlockCodeRange {
  readonly block: number;
  /** Lines [from, to) of `wat`'s body (after the locals lines). */
  readonly lines: readonly [number, number];
  /** Bytes [from, to) of the function's instruction bytes, at `codeOffset` in the module. */
  readonly bytes: readonly [number, number];
}

export interface RegionTranslation {
  /** The complete module. */
  readonly module: Uint8Array;
  /** The function as WAT text. */
  readonly wat: string;
  /** Number of lines before the function's first instruction in `wat` (signature and locals). */
  readonly watHeaderLines: number;
  /** Offset in `module` of the function's first instruction byte. */
  readonly codeOffset: number;
  readonly blocks: readonly BlockCodeRange[];
  /** P-code instructions translated. */
  readonly instructions: number;
  /** The loops recovered as WebAssembly `loop`s (tier 2 only), outer loops before the loops inside them. */
  readonly loops: readonly LoopInfo[];
  /** Jumps back that head no recovered loop: they go round through the dispatcher's `br_table`. */
  readonly dispatchedBackEdges: number;
}

/** A recovered loop, for the lab's code view. */
export interface LoopInfo {
  /** The loop's label in the WAT: `$loop` + the header's address. */
  readonly label: string;
  /** P-code addresses [start, end) it spans. */
  readonly start: number;
  readonly end: number;
  /** Ids of its blocks, header first. */
  readonly blocks: readonly number[];
  /** 0 for an outermost loop, 1 for a loop inside it, … */
  readonly depth: number;
  /** Jumps and branches back to the header (`br $loop…`). */
  readonly backEdges: number;
  /** Frame words (offsets from BP) that live in WebAssembly locals while the loop runs. */
  readonly wordsInLocals: readonly number[];
  /** An innermost loop with a budgeted pass: one budget test per time round instead of one per block. */
  readonly budgetedPass: boolean;
}

/**
 * A value of the virtual stack: a constant, or a local. `frame`: the value is an address in the
 * current frame, BP + frame[0] … BP + frame[1] (LDA 0 and IXA on it), so when the block's start has
 * checked those words, LDI and STI through it need no check of their own. `sum`: the value is a
 * frame word the loop keeps in a local plus a constant (`j`, `j + 1`), until the word is stored to.
 */
type Entry =
  | { readonly kind: 'const'; readonly value: number }
  | { readonly kind: 'local'; readonly index: number; readonly scratch: boolean; readonly frame?: FrameRange; readonly sum?: CachedSum };

type CachedSum = { readonly word: number; readonly add: number };

type FrameRange = readonly [number, number];

/** Longest innermost loop (in instructions) that gets a budgeted pass (see `emitLoop`): the pass repeats its code. */
const BUDGETED_PASS_INSTRUCTIONS = 256;

/** Widest array (in words) whose element addresses the block's start checks all at once. */
const CHECKED_ARRAY_WORDS = 1 << 16;

/** The words an indexed address (IXA low, high, size on an address in `base`) may name, if known. */
function indexedRange(base: FrameRange | undefined, low: number, high: number, size: number): FrameRange | undefined {
  if (!base || high < low || size <= 0) return undefined;
  const span = (high - low) * size;
  return span <= CHECKED_ARRAY_WORDS ? [base[0], base[1] + span] : undefined;
}

/** Translates the given translatable blocks of `cfg` into one module (see the file comment). */
export function translateRegion(
  code: Int32Array,
  cfg: ControlFlowGraph,
  blockIds: readonly number[],
  options: TranslateOptions,
): RegionTranslation {
  const blocks = blockIds.map((id) => cfg.blocks[id]!).filter((b) => b.kind === 'translatable');
  blocks.sort((x, y) => x.start - y.start);
  if (blocks.length === 0) throw new Error('translateRegion needs at least one translatable block');
  const t = new RegionTranslator(code, options, false);
  const ranges = t.translate(blocks);
  // The text is made when someone looks at it, by translating again (a run needs only the bytes).
  // The lab may poke the code meanwhile, so this keeps the code as it was translated.
  const codeAsTranslated = code.slice();
  const f = t.f;
  const locals = f.localsDeclaration();
  const module = encodeWasmModule({
    memoryPages: memoryPagesFor(options.stackWords),
    parameterCount: 2,
    locals,
    code: f.code,
    exportName: 'run',
  });
  const bodyLength = locals.length + f.code.length + 1;
  // The code section's body ends the module: `locals code end` are its last bytes.
  const codeOffset = module.length - bodyLength + locals.length;
  const signature = `$region_${blocks[0]!.start}`;
  const watHeaderLines = 1 + Math.ceil(f.localCount / 6);
  let wat: string | undefined;
  const depthOf = (l: RecoveredLoop): number => (l.parent ? depthOf(l.parent) + 1 : 0);
  const wordsInLocalsOf = (l: RecoveredLoop | undefined): readonly number[] => (l ? (t.cachedWordsOf.get(l) ?? wordsInLocalsOf(l.parent)) : []);
  return {
    module,
    get wat() {
      if (wat === undefined) {
        const again = new RegionTranslator(codeAsTranslated, options, true);
        again.translate(blocks);
        wat = again.f.watText(signature);
      }
      return wat;
    },
    watHeaderLines,
    codeOffset,
    blocks: ranges,
    instructions: blocks.reduce((n, b) => n + (b.end - b.start), 0),
    loops: t.loops.map((l) => ({
      label: `loop${blocks[l.first]!.start}`,
      start: blocks[l.first]!.start,
      end: blocks[l.last]!.end,
      blocks: blocks.slice(l.first, l.last + 1).map((b) => b.id),
      depth: depthOf(l),
      backEdges: l.backEdges,
      wordsInLocals: wordsInLocalsOf(l),
      budgetedPass: t.budgetedLoops.has(l),
    })),
    dispatchedBackEdges: t.dispatchedBackEdges,
  };
}

class RegionTranslator {
  readonly f: WasmFunctionBuilder;
  private readonly code: Int32Array;
  private readonly options: TranslateOptions;
  private readonly pc = 0;
  private readonly budget = 1;
  private readonly sp: number;
  private readonly bp: number;
  private readonly left: number;
  /** Byte address of the current frame's word 0 (16 + 4 × BP), kept in step with bp. */
  private readonly frame: number;
  /** Start address → position in the region, for direct forward branches. */
  private readonly order = new Map<number, number>();
  private position = 0;
  private readonly scratch: number[] = [];
  private readonly temps: number[] = [];
  private result = -1;
  private link = -1;
  private vstack: Entry[] = [];
  private labelCounter = 0;
  /** The region's blocks in address order (a block's position is its index here). */
  private blocks: readonly BasicBlock[] = [];
  loops: readonly RecoveredLoop[] = [];
  /** Jumps back to a block that heads no recovered loop (they go through the dispatcher). */
  dispatchedBackEdges = 0;
  /** For each position, the innermost recovered loop that holds it. */
  private innermostLoop: (RecoveredLoop | undefined)[] = [];
  private readonly unitCache = new Map<RecoveredLoop | 'function', readonly Unit[]>();
  /** The block being translated, and how many of its instructions are done. */
  private block!: BasicBlock;
  /** What the start of the block being translated checked (see blockReach). */
  private reach: BlockReach = { spLow: 0, spHigh: 0, frameLow: 0, frameHigh: -1, net: 0 };
  /** The outermost loop whose top checks SP and the frame for the block at each position (see `hoistedChecks`). */
  private checkedByLoop: (RecoveredLoop | undefined)[] = [];
  private readonly reaches = new Map<number, BlockReach>();
  /** Frame word → local, while translating the loop that keeps those words in locals. */
  private cachedWords = new Map<number, number>();
  private cachingLoop: RecoveredLoop | undefined;
  /** For each loop that keeps frame words in locals, those words. */
  readonly cachedWordsOf = new Map<RecoveredLoop, number[]>();
  /** The innermost loop whose budgeted pass is being translated (see `emitLoop`): its blocks test no budget. */
  private budgetedPass: RecoveredLoop | undefined;
  /** The innermost loops that got a budgeted pass. */
  readonly budgetedLoops = new Set<RecoveredLoop>();
  /**
   * Index checks (IXA) that have passed on the way here and still hold: `word:offset:span` for
   * "cached word + offset lies in 0..span". In a block, from its start; in a budgeted pass, also
   * what every way into the block from the header checked (`passChecks`, per position).
   */
  private checkedIndexes = new Set<string>();
  private readonly passChecks = new Map<number, ReadonlySet<string>>();
  /** IXA instructions translated without a check of their own (see `checkedIndexes`). */
  indexChecksSkipped = 0;

  constructor(code: Int32Array, options: TranslateOptions, withText: boolean) {
    this.f = new WasmFunctionBuilder(['pc', 'budget'], { text: withText });
    this.code = code;
    this.options = options;
    this.sp = this.f.addLocal('sp');
    this.bp = this.f.addLocal('bp');
    this.left = this.f.addLocal('left');
    this.frame = this.f.addLocal('fb');
  }

  translate(blocks: readonly BasicBlock[]): BlockCodeRange[] {
    const f = this.f;
    f.i32Const(0).i32Load(MemoryLayout.sp).localSet(this.sp);
    f.i32Const(0).i32Load(MemoryLayout.bp).localSet(this.bp);
    this.updateFrame();
    f.localGet(this.budget).localSet(this.left);
    this.blocks = blocks;
    blocks.forEach((b, k) => this.order.set(b.start, k));
    const structure = this.options.chain ? recoverLoops(this.code, blocks, this.order) : { loops: [], dispatchedBackEdges: 0 };
    this.loops = structure.loops;
    this.dispatchedBackEdges = structure.dispatchedBackEdges;
    this.innermostLoop = new Array<RecoveredLoop | undefined>(blocks.length).fill(undefined);
    for (const loop of this.loops) for (let k = loop.first; k <= loop.last; k++) this.innermostLoop[k] = loop;
    this.checkedByLoop = new Array<RecoveredLoop | undefined>(blocks.length).fill(undefined);
    for (const loop of this.loops) {
      if (loop.parent && this.checkedByLoop[loop.first]) continue; // an outer loop checks it already
      if (!this.loopKeepsStack(loop)) continue;
      for (let k = loop.first; k <= loop.last; k++) this.checkedByLoop[k] = loop;
    }
    const top = unitsOf(0, blocks.length - 1, this.loops);
    f.block('done');
    f.loop('dispatch');
    this.openUnitLabels(top, 0);
    f.block('leave');
    this.emitDispatch(top, 0, 'leave');
    f.end(); // leave: pc is not in this region
    f.br('done');
    const ranges: BlockCodeRange[] = [];
    this.emitUnits(top, ranges);
    f.end(); // dispatch
    f.end(); // done
    f.i32Const(0).localGet(this.sp).i32Store(MemoryLayout.sp);
    f.i32Const(0).localGet(this.bp).i32Store(MemoryLayout.bp);
    f.i32Const(0).localGet(this.budget).localGet(this.left).op(W.i32Sub).i32Store(MemoryLayout.steps);
    f.localGet(this.pc);
    return ranges;
  }

  // ---- structure ------------------------------------------------------------------------------

  /** Opens one `block` per unit from `from` on, the last unit's outermost: unit k's label ends just before its code. */
  private openUnitLabels(units: readonly Unit[], from: number): void {
    for (let k = units.length - 1; k >= from; k--) this.f.block(`b${this.blocks[units[k]!.first]!.start}`);
  }

  /** br_table on pc over the units: a pc where a block of unit k starts goes to unit k's label. */
  private emitDispatch(units: readonly Unit[], from: number, fallback: string): void {
    const f = this.f;
    const firstStart = this.blocks[units[from]!.first]!.start;
    const lastUnit = units[units.length - 1]!;
    const lastStart = this.blocks[lastUnit.last]!.start;
    const labelAt = new Map<number, string>();
    for (let k = from; k < units.length; k++) {
      const label = `b${this.blocks[units[k]!.first]!.start}`;
      for (let q = units[k]!.first; q <= units[k]!.last; q++) labelAt.set(this.blocks[q]!.start, label);
    }
    const targets: string[] = [];
    for (let pc = firstStart; pc <= lastStart; pc++) targets.push(labelAt.get(pc) ?? fallback);
    f.localGet(this.pc);
    if (firstStart !== 0) f.i32Const(firstStart).op(W.i32Sub);
    f.brTable(targets, fallback);
  }

  /** Emits the units' code; `ranges` (undefined in a budgeted pass) collects where each block's code is. */
  private emitUnits(units: readonly Unit[], ranges: BlockCodeRange[] | undefined): void {
    for (const unit of units) {
      this.f.end(); // the unit's label: its code follows
      if (unit.loop) this.emitLoop(unit.loop, ranges);
      else this.emitBlock(unit.first, ranges);
    }
  }

  private emitBlock(position: number, ranges: BlockCodeRange[] | undefined): void {
    const f = this.f;
    const b = this.blocks[position]!;
    this.position = position;
    const lineStart = f.lineOffset;
    const byteStart = f.byteOffset;
    this.translateBlock(b);
    ranges?.push({ block: b.id, lines: [lineStart, f.lineOffset], bytes: [byteStart, f.byteOffset] });
  }

  /**
   * A recovered loop: `loop $loopH` around its blocks, so a back edge is `br $loopH`. Control
   * normally enters at the header; entered elsewhere (by the dispatcher, after I/O or a pause),
   * a `br_table` at the top picks the block, and that costs one compare per round otherwise.
   *
   * An innermost loop gets its blocks twice. First a budgeted pass: entered only at the header, and
   * only when the budget left covers every instruction of the loop, so one pass round it cannot run
   * out and its blocks test no budget of their own (they still count it). Then the loop's blocks as
   * every other block is translated, each testing the budget: where control goes when the budget
   * is short, or when it enters in the middle. Both run the same instructions with the same
   * results; the budgeted pass is only quicker, and having a single way in lets the engine compiling
   * the module see that a check made in one block (an index in range) holds in the next.
   */
  private emitLoop(loop: RecoveredLoop, ranges: BlockCodeRange[] | undefined): void {
    const f = this.f;
    const header = this.blocks[loop.first]!.start;
    const units = unitsOf(loop.first, loop.last, loop.children);
    if (this.checkedByLoop[loop.first] === loop) {
      this.emitLoopCheck(loop);
      this.cachedWords = this.wordsToCache(loop);
      this.cachingLoop = loop;
      this.cachedWordsOf.set(loop, [...this.cachedWords.keys()]);
      for (const [word, local] of this.cachedWords) f.i32Load(this.frameAddress(0, word)).localSet(local);
    }
    f.loop(`loop${header}`);
    const instructions = this.blocks.slice(loop.first, loop.last + 1).reduce((n, b) => n + (b.end - b.start), 0);
    if (loop.children.length === 0 && instructions <= BUDGETED_PASS_INSTRUCTIONS) {
      this.budgetedLoops.add(loop);
      f.block(`short${header}`);
      if (units.length > 1) {
        f.comment('entered at the header? (pc stays there while the budgeted pass goes round)');
        f.localGet(this.pc).i32Const(header).op(W.i32Ne).brIf(`short${header}`);
      }
      f.loop(`fast${header}`);
      f.comment(`budgeted pass: budget left for all ${instructions} instructions of the loop?`);
      f.localGet(this.left).i32Const(instructions).op(W.i32LtS).brIf(`short${header}`);
      this.budgetedPass = loop;
      this.openUnitLabels(units, 1);
      this.emitBlock(units[0]!.first, undefined);
      this.emitUnits(units.slice(1), undefined);
      this.budgetedPass = undefined;
      f.end(); // fast
      f.end(); // short: the loop's blocks with a budget test each follow
    }
    this.openUnitLabels(units, 1);
    if (units.length > 1) {
      f.comment(`entered in the middle of the loop? go to the block pc names`);
      f.localGet(this.pc).i32Const(header).op(W.i32Ne).if(this.label('enter'));
      this.emitDispatch(units, 1, `b${this.blocks[units[1]!.first]!.start}`);
      f.end();
    }
    const [head, ...rest] = units;
    if (head!.loop) throw new Error('a loop cannot start with an inner loop');
    this.emitBlock(head!.first, ranges);
    this.emitUnits(rest, ranges);
    f.end(); // loop
    if (this.cachingLoop === loop) {
      this.cachingLoop = undefined;
      this.cachedWords = new Map();
    }
  }

  private reachOf(position: number): BlockReach {
    let r = this.reaches.get(position);
    if (!r) {
      r = blockReach(this.code, this.blocks[position]!);
      this.reaches.set(position, r);
    }
    return r;
  }

  /**
   * True when SP and BP are the same at the start of every block of the loop, wherever it was
   * entered: no block calls or returns (BP stays), and each leaves SP where it found it. Then one
   * check at the top of the loop, each time round, covers the stack words of all its blocks, and
   * the blocks need none of their own (they still count the budget).
   */
  private loopKeepsStack(loop: RecoveredLoop): boolean {
    for (let k = loop.first; k <= loop.last; k++) {
      const b = this.blocks[k]!;
      if (b.exit !== 'fall' && b.exit !== 'jump' && b.exit !== 'branch') return false;
      if (this.reachOf(k).net !== 0) return false;
    }
    return true;
  }

  /**
   * Frame words the loop reads and writes with LOD/STO that nothing else in it can reach (no LDI
   * or STI through an address that might name them, no LDM, MOV or access to another frame): they
   * live in locals while control is in the loop, loaded on the way in, stored on every way out.
   */
  private wordsToCache(loop: RecoveredLoop): Map<number, number> {
    const words = new Set<number>();
    const reachable: FrameRange[] = [];
    for (let k = loop.first; k <= loop.last; k++) {
      const b = this.blocks[k]!;
      const frames: (FrameRange | undefined)[] = [];
      for (let pc = b.start; pc < b.end; pc++) {
        const i = pc * INSTRUCTION_WORDS;
        const op = this.code[i]!;
        const a = this.code[i + 1]!;
        const info = instructionByCode(op)!;
        if (op === Op.LDM || op === Op.MOV || ((op === Op.LOD || op === Op.STO || op === Op.LDA) && a !== 0)) return new Map();
        if ((op === Op.LOD || op === Op.STO) && a === 0) words.add(this.code[i + 2]!);
        // Which values are frame addresses, as in blockReach.
        if (op === Op.LDA) frames.push([this.code[i + 2]!, this.code[i + 2]!]);
        else if (op === Op.IXA) {
          frames.pop();
          frames.push(indexedRange(frames.pop(), a, this.code[i + 2]!, this.code[i + 3]!));
        } else if (op === Op.LDI || op === Op.STI) {
          if (op === Op.STI) frames.pop();
          const range = frames.pop();
          if (!range) return new Map();
          reachable.push(range);
          if (op === Op.LDI) frames.push(undefined);
        } else if (op === Op.DUP) {
          const top = frames.pop();
          frames.push(top, top);
        } else {
          frames.length = Math.max(0, frames.length - info.pops);
          for (let n = 0; n < info.pushes; n++) frames.push(undefined);
        }
      }
    }
    const cached = new Map<number, number>();
    for (const word of [...words].sort((x, y) => x - y)) {
      if (reachable.some(([low, high]) => word >= low && word <= high)) continue;
      cached.set(word, this.f.addLocal(`w${word}`));
    }
    return cached;
  }

  /** Stores the cached frame words back (before control leaves the loop that caches them). */
  private storeCachedWords(): void {
    for (const [word, local] of this.cachedWords) {
      const offset = this.frameAddress(0, word);
      this.f.localGet(local).i32Store(offset);
    }
  }

  /** True when a branch to `label` (going to `target`) leaves the loop whose words are cached. */
  private leavesCachingLoop(label: string, target: number): boolean {
    const loop = this.cachingLoop;
    if (!loop || this.cachedWords.size === 0) return false;
    if (label === 'done' || label === 'dispatch') return true;
    const q = this.order.get(target);
    return q === undefined || q < loop.first || q > loop.last || label === `b${this.blocks[loop.first]!.start}`;
  }

  /** Before a loop that keeps the stack: SP and the frame words of all its blocks, or leave (pc names the block). */
  private emitLoopCheck(loop: RecoveredLoop): void {
    const f = this.f;
    let spLow = 0;
    let spHigh = 0;
    let frameLow = Number.POSITIVE_INFINITY;
    let frameHigh = Number.NEGATIVE_INFINITY;
    for (let k = loop.first; k <= loop.last; k++) {
      const r = this.reachOf(k);
      spLow = Math.min(spLow, r.spLow);
      spHigh = Math.max(spHigh, r.spHigh);
      frameLow = Math.min(frameLow, r.frameLow);
      frameHigh = Math.max(frameHigh, r.frameHigh);
    }
    const last = this.options.stackWords - 1;
    f.comment('SP and the frame words of every block of the loop stay on the stack?');
    this.emitRangeTest(this.sp, spLow, spHigh, last);
    if (frameLow <= frameHigh) {
      this.emitRangeTest(this.bp, frameLow, frameHigh, last);
      f.op(W.i32Or);
    }
    f.if(this.label('not_here'));
    f.br('done');
    f.end();
  }

  // ---- locals ---------------------------------------------------------------------------------

  private scratchLocal(k: number): number {
    while (this.scratch.length <= k) this.scratch.push(this.f.addLocal(`x${this.scratch.length}`));
    return this.scratch[k]!;
  }

  private tempLocal(depth: number): number {
    while (this.temps.length <= depth) this.temps.push(this.f.addLocal(`t${this.temps.length}`));
    return this.temps[depth]!;
  }

  private resultLocal(): number {
    if (this.result < 0) this.result = this.f.addLocal('r');
    return this.result;
  }

  private linkLocal(): number {
    if (this.link < 0) this.link = this.f.addLocal('link');
    return this.link;
  }

  private label(prefix: string): string {
    return `${prefix}${this.labelCounter++}`;
  }

  // ---- memory ---------------------------------------------------------------------------------

  /** Leaves the byte address of stack word (value of `emitWord`) on the wasm stack; returns the load/store offset to use. */
  private address(emitWord: () => void, wordOffset: number): number {
    emitWord();
    this.f.i32Const(2).op(W.i32Shl);
    const offset = MemoryLayout.stack + wordOffset * 4;
    if (offset >= 0) return offset;
    this.f.i32Const(offset).op(W.i32Add);
    return 0;
  }

  /** Leaves the full byte address of stack word (`emitWord` + wordOffset) on the wasm stack. */
  private byteAddress(emitWord: () => void, wordOffset: number): void {
    emitWord();
    this.f.i32Const(2).op(W.i32Shl);
    const offset = MemoryLayout.stack + wordOffset * 4;
    if (offset !== 0) this.f.i32Const(offset).op(W.i32Add);
  }

  private loadWord(emitWord: () => void, wordOffset: number): void {
    const offset = this.address(emitWord, wordOffset);
    this.f.i32Load(offset);
  }

  private storeWord(emitWord: () => void, wordOffset: number, emitValue: () => void): void {
    const offset = this.address(emitWord, wordOffset);
    emitValue();
    this.f.i32Store(offset);
  }

  private updateFrame(): void {
    this.f.localGet(this.bp).i32Const(2).op(W.i32Shl).i32Const(MemoryLayout.stack).op(W.i32Add).localSet(this.frame);
  }

  /** Leaves the byte address of frame word (level, offset) minus the returned constant offset. */
  private frameAddress(level: number, offset: number): number {
    if (level > 0) return this.address(() => this.emitBase(level), offset);
    this.f.localGet(this.frame);
    if (offset >= 0) return offset * 4;
    this.f.i32Const(offset * 4).op(W.i32Add);
    return 0;
  }

  /**
   * Leaves the function before instruction `pc` unless the word address on top of the wasm stack
   * is at most `highest` (as unsigned: a negative one fails too). Consumes the address.
   */
  private exitUnlessAtMost(highest: number, pc: number, done: number, before: readonly Entry[], pulled: number): void {
    if (highest < 0) this.f.op(W.drop).i32Const(1);
    else this.f.i32Const(highest).op(W.i32GtU);
    this.exitBeforeIf('outside', pc, done, before, pulled);
  }

  /**
   * base(level) for instruction `pc`, into the link local, leaving before the instruction if a
   * static link it has to read is not on the stack: the interpreter reports it.
   */
  private checkedBase(level: number, pc: number, done: number, before: readonly Entry[]): number {
    const link = this.linkLocal();
    const last = this.options.stackWords - 1;
    this.f.localGet(this.bp).localSet(link);
    for (let l = 0; l < level; l++) {
      this.f.localGet(link);
      this.exitUnlessAtMost(last, pc, done, before, 0);
      this.f.localGet(link).i32Const(2).op(W.i32Shl).i32Load(MemoryLayout.stack).localSet(link);
    }
    return link;
  }

  /** Emits base(level): BP followed `level` times along the static link. */
  private emitBase(level: number): void {
    this.f.localGet(this.bp);
    for (let l = 0; l < level; l++) this.f.i32Const(2).op(W.i32Shl).i32Load(MemoryLayout.stack);
  }

  private addToLocal(local: number, delta: number): void {
    if (delta === 0) return;
    this.f.localGet(local).i32Const(delta).op(W.i32Add).localSet(local);
  }

  // ---- the virtual stack ----------------------------------------------------------------------

  private emitEntry(e: Entry): void {
    if (e.kind === 'const') this.f.i32Const(e.value);
    else this.f.localGet(e.index);
  }

  /** Pops n operands (bottom first). Operands not in the virtual stack are loaded from memory. */
  private take(n: number): { entries: Entry[]; pulled: number } {
    const pulled = Math.max(0, n - this.vstack.length);
    const entries: Entry[] = [];
    for (let j = 0; j < pulled; j++) {
      const local = this.scratchLocal(j);
      this.loadWord(() => this.f.localGet(this.sp), -(pulled - 1 - j));
      this.f.localSet(local);
      entries.push({ kind: 'local', index: local, scratch: true });
    }
    this.addToLocal(this.sp, -pulled);
    entries.push(...this.vstack.splice(this.vstack.length - (n - pulled)));
    return { entries, pulled };
  }

  /** Pushes the value on top of the wasm stack. */
  private pushComputed(frame?: FrameRange, sum?: CachedSum): void {
    const local = this.tempLocal(this.vstack.length);
    this.f.localSet(local);
    const entry: Entry = { kind: 'local', index: local, scratch: false };
    this.vstack.push(frame ? { ...entry, frame } : sum ? { ...entry, sum } : entry);
  }

  /** A cached frame word is stored to: what was known of its value no longer holds. */
  private forgetChecksOf(word: number): void {
    for (const key of this.checkedIndexes) if (key.startsWith(`${word}:`)) this.checkedIndexes.delete(key);
    this.vstack = this.vstack.map((e) => (e.kind === 'local' && e.sum?.word === word ? { kind: 'local', index: e.index, scratch: e.scratch } : e));
  }

  /** Index checks that hold at the start of the block at `position` (see `checkedIndexes`). */
  private checksOnEveryWayIn(position: number): Set<string> {
    const loop = this.budgetedPass;
    if (!loop || position === loop.first) return new Set();
    // In the budgeted pass a block is reached only from the blocks before it in the loop.
    const start = this.blocks[position]!.start;
    let holding: Set<string> | undefined;
    for (let p = loop.first; p < position; p++) {
      const b = this.blocks[p]!;
      const fallsIn = b.end === start && (b.exit === 'fall' || b.exit === 'branch' || b.exit === 'case');
      const jumpsIn = (b.exit === 'jump' || b.exit === 'branch' || b.exit === 'case') && branchTarget(this.code, b) === start;
      if (!fallsIn && !jumpsIn) continue;
      const out = this.passChecks.get(p) ?? new Set<string>();
      holding = holding ? new Set([...holding].filter((k) => out.has(k))) : new Set(out);
    }
    return holding ?? new Set();
  }

  /** True when the block's start checked every word the address in `e` may name. */
  private checkedAtStart(e: Entry): boolean {
    return e.kind === 'local' && e.frame !== undefined && e.frame[0] >= this.reach.frameLow && e.frame[1] <= this.reach.frameHigh;
  }

  private pushEntry(e: Entry): void {
    if (e.kind === 'local' && e.scratch) {
      this.f.localGet(e.index);
      this.pushComputed();
    } else this.vstack.push(e);
  }

  /** Writes the virtual stack to memory (the state the interpreter expects). */
  private flush(): void {
    this.storeEntries(this.vstack);
    this.addToLocal(this.sp, this.vstack.length);
    this.vstack = [];
  }

  private storeEntries(entries: readonly Entry[]): void {
    entries.forEach((e, j) => this.storeWord(() => this.f.localGet(this.sp), j + 1, () => this.emitEntry(e)));
  }

  /**
   * When the i32 on top of the wasm stack is not zero (an `if` labelled `reason` and a number),
   * leaves the function before instruction `pc` (done = instructions of the block already run),
   * restoring the machine state as it was before that instruction: `pulled` operands back on the
   * memory stack, then the virtual stack `before`.
   */
  private exitBeforeIf(reason: string, pc: number, done: number, before: readonly Entry[], pulled: number): void {
    this.f.if(this.label(reason));
    this.addToLocal(this.sp, pulled);
    this.storeEntries(before);
    this.addToLocal(this.sp, before.length);
    this.f.i32Const(pc).localSet(this.pc);
    this.addToLocal(this.left, this.block.end - this.block.start - done);
    this.storeCachedWords();
    this.f.br('done');
    this.f.end();
  }

  /** Ends the block: pc holds the next instruction; go on in this function or return. */
  private transfer(): void {
    this.f.br(this.options.chain ? 'dispatch' : 'done');
  }

  /**
   * How to reach a known address from the block being translated: the back edge of a recovered
   * loop is `br $loopH`; a block later in an enclosing loop or in the function, whose label is still
   * open, is a direct `br`; anything else (code outside the region, a jump back that is no loop's)
   * sets pc and goes to the dispatcher or out. `setPc`: the target needs pc (a loop checks it on
   * entry; the dispatcher switches on it).
   */
  private route(target: number): { label: string; setPc: boolean } {
    const q = this.order.get(target);
    if (!this.options.chain || q === undefined) return { label: 'done', setPc: true };
    const p = this.position;
    for (let loop = this.innermostLoop[p]; ; loop = loop.parent) {
      // The budgeted pass goes round without setting pc: it is the header's all along.
      if (loop && loop.first === q && loop === this.budgetedPass) return { label: `fast${target}`, setPc: false };
      if (loop && loop.first === q) return { label: `loop${target}`, setPc: loop.first !== loop.last };
      const first = loop ? loop.first : 0;
      const last = loop ? loop.last : this.blocks.length - 1;
      if (q >= first && q <= last) {
        const units = this.unitsIn(loop);
        const j = unitIndex(units, q);
        if (j > unitIndex(units, p)) {
          const unit = units[j]!;
          return { label: `b${this.blocks[unit.first]!.start}`, setPc: unit.loop !== undefined };
        }
        return { label: 'dispatch', setPc: true };
      }
      if (!loop) return { label: 'dispatch', setPc: true };
    }
  }

  private unitsIn(loop: RecoveredLoop | undefined): readonly Unit[] {
    const key = loop ?? 'function';
    let units = this.unitCache.get(key);
    if (!units) {
      units = loop ? unitsOf(loop.first, loop.last, loop.children) : unitsOf(0, this.blocks.length - 1, this.loops.filter((l) => !l.parent));
      this.unitCache.set(key, units);
    }
    return units;
  }

  /** Continues at a known address (see `route`). */
  private goTo(target: number): void {
    const { label, setPc } = this.route(target);
    if (setPc) this.f.i32Const(target).localSet(this.pc);
    if (this.leavesCachingLoop(label, target)) this.storeCachedWords();
    this.f.br(label);
  }

  /** Continues at `target` if the value on top of the wasm stack is zero (JPF). */
  private goToIfZero(target: number): void {
    const { label, setPc } = this.route(target);
    const f = this.f;
    f.op(W.i32Eqz);
    const leaves = this.leavesCachingLoop(label, target);
    if (!setPc && !leaves) {
      f.brIf(label);
      return;
    }
    f.if(this.label('false'));
    if (setPc) f.i32Const(target).localSet(this.pc);
    if (leaves) this.storeCachedWords();
    f.br(label);
    f.end();
  }


  // ---- one block ------------------------------------------------------------------------------

  private translateBlock(b: BasicBlock): void {
    const f = this.f;
    this.block = b;
    this.vstack = [];
    const length = b.end - b.start;
    f.comment(`block ${b.id}: P-code ${b.start}..${b.end - 1}${b.line ? `, line ${b.line}` : ''}`);
    // The budget covers the whole block, and SP and the frame words the block uses stay on the
    // stack (unless the way into its loop checked them); if not, leave with pc at the block's start
    // (the interpreter runs it). Each test is a compare and a branch that is almost never taken.
    const reach = this.reachOf(this.position);
    this.reach = reach;
    const last = this.options.stackWords - 1;
    const testsBudget = this.budgetedPass === undefined;
    const testsStack = this.checkedByLoop[this.position] === undefined;
    if (testsBudget || testsStack) {
      const ok = this.label('ok');
      const notHere = this.label('not_here');
      f.block(ok).block(notHere);
      if (testsBudget) f.localGet(this.left).i32Const(length).op(W.i32LtS).brIf(notHere);
      if (testsStack) {
        this.emitRangeTest(this.sp, reach.spLow, reach.spHigh, last);
        f.brIf(notHere);
        if (reach.frameLow <= reach.frameHigh) {
          this.emitRangeTest(this.bp, reach.frameLow, reach.frameHigh, last);
          f.brIf(notHere);
        }
      }
      f.br(ok);
      f.end();
      f.i32Const(b.start).localSet(this.pc);
      this.storeCachedWords();
      f.br('done');
      f.end();
    }
    f.localGet(this.left).i32Const(length).op(W.i32Sub).localSet(this.left);
    this.checkedIndexes = this.checksOnEveryWayIn(this.position);
    let ended = false;
    for (let pc = b.start; pc < b.end && !ended; pc++) ended = this.translateInstruction(pc, pc - b.start);
    if (this.budgetedPass) this.passChecks.set(this.position, new Set(this.checkedIndexes));
    if (ended) return;
    // Fell off the end into the next block.
    this.flush();
    this.goTo(b.end);
  }

  /** 1 unless register + low … register + high all lie in 0..last, on the wasm stack. */
  private emitRangeTest(register: number, low: number, high: number, last: number): void {
    const f = this.f;
    if (high - low > last) {
      f.i32Const(1);
      return;
    }
    f.localGet(register);
    if (low !== 0) f.i32Const(low).op(W.i32Add);
    f.i32Const(last - (high - low)).op(W.i32GtU);
  }

  /** Emits one instruction; returns true when it ended the block (a jump, call or return). */
  private translateInstruction(pc: number, done: number): boolean {
    const f = this.f;
    const c = this.code;
    const i = pc * INSTRUCTION_WORDS;
    const op = c[i]!;
    const a = c[i + 1]!;
    const b = c[i + 2]!;
    const d = c[i + 3]!;
    switch (op) {
      case Op.LIT:
        this.vstack.push({ kind: 'const', value: a });
        return false;
      case Op.LOD:
      case Op.STO: {
        const cached = a === 0 ? this.cachedWords.get(b) : undefined;
        if (cached !== undefined) {
          // A frame word the loop keeps in a local.
          if (op === Op.LOD) {
            f.localGet(cached);
            this.pushComputed(undefined, { word: b, add: 0 });
          } else {
            const [v] = this.take(1).entries;
            this.emitEntry(v!);
            f.localSet(cached);
            this.forgetChecksOf(b);
          }
          return false;
        }
        if (a === 0) {
          // The frame's words were checked at the start of the block.
          if (op === Op.LOD) {
            f.i32Load(this.frameAddress(0, b));
            this.pushComputed();
          } else {
            const [v] = this.take(1).entries;
            const offset = this.frameAddress(0, b);
            this.emitEntry(v!);
            f.i32Store(offset);
          }
          return false;
        }
        const link = this.checkedBase(a, pc, done, this.vstack.slice());
        f.localGet(link).i32Const(b).op(W.i32Add);
        this.exitUnlessAtMost(this.options.stackWords - 1, pc, done, this.vstack.slice(), 0);
        if (op === Op.LOD) {
          this.loadWord(() => f.localGet(link), b);
          this.pushComputed();
        } else {
          const [v] = this.take(1).entries;
          this.storeWord(() => f.localGet(link), b, () => this.emitEntry(v!));
        }
        return false;
      }
      case Op.LDA:
        if (a === 0) f.localGet(this.bp);
        else f.localGet(this.checkedBase(a, pc, done, this.vstack.slice()));
        if (b !== 0) f.i32Const(b).op(W.i32Add);
        this.pushComputed(a === 0 ? [b, b] : undefined);
        return false;
      case Op.LDI: {
        const before = this.vstack.slice();
        const { entries, pulled } = this.take(1);
        const [addr] = entries as [Entry];
        if (!this.checkedAtStart(addr)) {
          this.emitEntry(addr);
          this.exitUnlessAtMost(this.options.stackWords - 1, pc, done, before, pulled);
        }
        this.loadWord(() => this.emitEntry(addr), 0);
        this.pushComputed();
        return false;
      }
      case Op.STI: {
        const before = this.vstack.slice();
        const { entries, pulled } = this.take(2);
        const [addr, v] = entries as [Entry, Entry];
        if (!this.checkedAtStart(addr)) {
          this.emitEntry(addr);
          this.exitUnlessAtMost(this.options.stackWords - 1, pc, done, before, pulled);
        }
        this.storeWord(() => this.emitEntry(addr), 0, () => this.emitEntry(v));
        return false;
      }
      case Op.INC: {
        const [x] = this.take(1).entries;
        if (x!.kind === 'const') this.vstack.push({ kind: 'const', value: (x!.value + a) | 0 });
        else {
          this.emitEntry(x!);
          f.i32Const(a).op(W.i32Add);
          this.pushComputed(undefined, x!.sum && { word: x!.sum.word, add: x!.sum.add + a });
        }
        return false;
      }
      case Op.IXA: {
        const before = this.vstack.slice();
        const { entries, pulled } = this.take(2);
        const [base, index] = entries as [Entry, Entry];
        const low = a;
        const high = b;
        // The check `index - low <= high - low` (unsigned) is P-code's own; it can be left out where
        // it is known to pass: a constant index in range, or the same index (a cached word plus the
        // same constant, not stored to since) already checked against the same bounds.
        const key = index.kind === 'local' && index.sum ? `${index.sum.word}:${index.sum.add - low}:${high - low}` : undefined;
        const passes =
          high >= low && (index.kind === 'const' ? index.value - low >= 0 && index.value - low <= high - low : key !== undefined && this.checkedIndexes.has(key));
        if (passes) {
          this.indexChecksSkipped++;
          f.comment(`IXA ${low}, ${high}: index checked already`);
        } else {
          if (high >= low) {
            this.emitEntry(index);
            if (low !== 0) f.i32Const(low).op(W.i32Sub);
            f.i32Const((high - low) | 0).op(W.i32GtU);
          } else {
            f.i32Const(1);
          }
          this.exitBeforeIf('range', pc, done, before, pulled);
          if (key !== undefined) this.checkedIndexes.add(key);
        }
        this.emitEntry(base);
        this.emitEntry(index);
        if (low !== 0) f.i32Const(low).op(W.i32Sub);
        if (d !== 1) f.i32Const(d).op(W.i32Mul);
        f.op(W.i32Add);
        this.pushComputed(indexedRange(base.kind === 'local' ? base.frame : undefined, low, high, d));
        return false;
      }
      case Op.LDM: {
        const before = this.vstack.slice();
        const { entries, pulled } = this.take(1);
        const [from] = entries as [Entry];
        this.emitEntry(from);
        this.exitUnlessAtMost(this.options.stackWords - a, pc, done, before, pulled);
        this.flush();
        this.byteAddress(() => f.localGet(this.sp), 1);
        this.byteAddress(() => this.emitEntry(from!), 0);
        f.i32Const(a * 4).memoryCopy();
        this.addToLocal(this.sp, a);
        return false;
      }
      case Op.MOV: {
        const before = this.vstack.slice();
        const { entries, pulled } = this.take(2);
        const [to, from] = entries as [Entry, Entry];
        this.emitEntry(to);
        this.exitUnlessAtMost(this.options.stackWords - a, pc, done, before, pulled);
        this.emitEntry(from);
        this.exitUnlessAtMost(this.options.stackWords - a, pc, done, before, pulled);
        this.byteAddress(() => this.emitEntry(to!), 0);
        this.byteAddress(() => this.emitEntry(from!), 0);
        f.i32Const(a * 4).memoryCopy();
        return false;
      }
      case Op.DUP: {
        const [x] = this.take(1).entries;
        this.pushEntry(x!);
        this.pushEntry(this.vstack[this.vstack.length - 1]!);
        return false;
      }
      case Op.POP:
        this.take(1);
        return false;
      case Op.ADD:
      case Op.SUB:
      case Op.MUL: {
        const [x, y] = this.take(2).entries as [Entry, Entry];
        if (x.kind === 'const' && y.kind === 'const') {
          const value = op === Op.ADD ? (x.value + y.value) | 0 : op === Op.SUB ? (x.value - y.value) | 0 : Math.imul(x.value, y.value);
          this.vstack.push({ kind: 'const', value });
          return false;
        }
        this.emitEntry(x);
        this.emitEntry(y);
        f.op(op === Op.ADD ? W.i32Add : op === Op.SUB ? W.i32Sub : W.i32Mul);
        // j + 1, 1 + j, j - 1: still the cached word plus a constant.
        const sum =
          op === Op.MUL
            ? undefined
            : x.kind === 'local' && x.sum && y.kind === 'const'
              ? { word: x.sum.word, add: x.sum.add + (op === Op.ADD ? y.value : -y.value) }
              : op === Op.ADD && y.kind === 'local' && y.sum && x.kind === 'const'
                ? { word: y.sum.word, add: y.sum.add + x.value }
                : undefined;
        this.pushComputed(undefined, sum);
        return false;
      }
      case Op.AND:
      case Op.OR:
      case Op.EQ:
      case Op.NE:
      case Op.LT:
      case Op.LE:
      case Op.GT:
      case Op.GE: {
        const [x, y] = this.take(2).entries as [Entry, Entry];
        this.emitEntry(x);
        this.emitEntry(y);
        f.op(binaryOpcode(op));
        this.pushComputed();
        return false;
      }
      case Op.DIV: {
        const before = this.vstack.slice();
        const { entries, pulled } = this.take(2);
        const [x, y] = entries as [Entry, Entry];
        if (y.kind === 'const' && y.value !== 0 && y.value !== -1) {
          this.emitEntry(x);
          this.emitEntry(y);
          f.op(W.i32DivS);
          this.pushComputed();
          return false;
        }
        this.emitEntry(y);
        f.op(W.i32Eqz);
        this.exitBeforeIf('zero', pc, done, before, pulled);
        // minint div -1 traps in WebAssembly; the interpreter gives minint (it wraps).
        this.emitEntry(y);
        f.i32Const(-1).op(W.i32Eq).if(this.label('minus1'), 'i32');
        f.i32Const(0);
        this.emitEntry(x);
        f.op(W.i32Sub).else();
        this.emitEntry(x);
        this.emitEntry(y);
        f.op(W.i32DivS).end();
        this.pushComputed();
        return false;
      }
      case Op.MOD: {
        const before = this.vstack.slice();
        const { entries, pulled } = this.take(2);
        const [x, y] = entries as [Entry, Entry];
        if (!(y.kind === 'const' && y.value > 0)) {
          this.emitEntry(y);
          f.i32Const(0).op(W.i32LeS);
          this.exitBeforeIf('divisor', pc, done, before, pulled);
        }
        const r = this.resultLocal();
        this.emitEntry(x);
        this.emitEntry(y);
        f.op(W.i32RemS).localTee(r);
        // r < 0 ? r + y : r, without a branch: (r >> 31) is all ones exactly when r < 0.
        f.localGet(r).i32Const(31).op(W.i32ShrS);
        this.emitEntry(y);
        f.op(W.i32And).op(W.i32Add);
        this.pushComputed();
        return false;
      }
      case Op.NEG:
      case Op.ABS:
      case Op.SQR:
      case Op.ODD:
      case Op.NOT: {
        const [x] = this.take(1).entries as [Entry];
        if (op === Op.NEG) {
          f.i32Const(0);
          this.emitEntry(x);
          f.op(W.i32Sub);
        } else if (op === Op.ABS) {
          this.emitEntry(x);
          this.emitEntry(x);
          f.i32Const(31).op(W.i32ShrS).op(W.i32Xor);
          this.emitEntry(x);
          f.i32Const(31).op(W.i32ShrS).op(W.i32Sub);
        } else if (op === Op.SQR) {
          this.emitEntry(x);
          this.emitEntry(x);
          f.op(W.i32Mul);
        } else {
          this.emitEntry(x);
          f.i32Const(1).op(op === Op.ODD ? W.i32And : W.i32Xor);
        }
        this.pushComputed();
        return false;
      }
      case Op.JMP:
        this.flush();
        this.goTo(a);
        return true;
      case Op.JPF: {
        const [cond] = this.take(1).entries as [Entry];
        this.flush();
        this.emitEntry(cond);
        this.goToIfZero(a);
        this.goTo(pc + 1);
        return true;
      }
      case Op.CAL: {
        this.flush();
        const link = this.checkedBase(a, pc, done, []);
        this.storeWord(() => f.localGet(this.sp), 1, () => f.localGet(link));
        this.storeWord(() => f.localGet(this.sp), 2, () => f.localGet(this.bp));
        this.storeWord(() => f.localGet(this.sp), 3, () => f.i32Const(pc + 1));
        f.localGet(this.sp).i32Const(1).op(W.i32Add).localSet(this.bp);
        this.updateFrame();
        this.addToLocal(this.sp, 3);
        this.goTo(b);
        return true;
      }
      case Op.ENT: {
        this.flush();
        f.localGet(this.sp).i32Const(a + b).op(W.i32Add).i32Const(this.options.stackWords).op(W.i32GeS);
        this.exitBeforeIf('overflow', pc, done, [], 0);
        if (a <= 16) {
          for (let k = 1; k <= a; k++) this.storeWord(() => f.localGet(this.sp), k, () => f.i32Const(0));
        } else {
          this.byteAddress(() => f.localGet(this.sp), 1);
          f.i32Const(0).i32Const(a * 4).memoryFill();
        }
        this.addToLocal(this.sp, a);
        return false;
      }
      case Op.RET: {
        this.flush();
        // The block mark (BP+1, BP+2) and the caller's SP (BP-1-count) must lie on the stack.
        const last = this.options.stackWords - 1;
        f.localGet(this.bp).i32Const(1).op(W.i32Add).i32Const(last - 1).op(W.i32GtU);
        f.localGet(this.bp).i32Const(1 + a).op(W.i32Sub).i32Const(last).op(W.i32GtU);
        f.op(W.i32Or);
        this.exitBeforeIf('mark', pc, done, [], 0);
        this.loadWord(() => f.localGet(this.bp), 2);
        f.localSet(this.pc);
        f.localGet(this.bp).i32Const(1 + a).op(W.i32Sub).localSet(this.sp);
        this.loadWord(() => f.localGet(this.bp), 1);
        f.localSet(this.bp);
        this.updateFrame();
        this.transfer();
        return true;
      }
      case Op.CSE: {
        const [v] = this.take(1).entries as [Entry];
        this.flush();
        if (b >= a) {
          this.emitEntry(v);
          if (a !== 0) f.i32Const(a).op(W.i32Sub);
          f.i32Const((b - a) | 0).op(W.i32GtU).op(W.i32Eqz);
        } else f.i32Const(0);
        f.if(this.label('match'));
        this.goTo(d);
        f.end();
        this.storeWord(() => f.localGet(this.sp), 1, () => this.emitEntry(v));
        this.addToLocal(this.sp, 1);
        this.goTo(pc + 1);
        return true;
      }
      default:
        throw new Error(`P-code instruction ${op} at ${pc} cannot be translated (it belongs in a host block)`);
    }
  }
}

function binaryOpcode(op: number): number {
  switch (op) {
    case Op.AND:
      return W.i32And;
    case Op.OR:
      return W.i32Or;
    case Op.EQ:
      return W.i32Eq;
    case Op.NE:
      return W.i32Ne;
    case Op.LT:
      return W.i32LtS;
    case Op.LE:
      return W.i32LeS;
    case Op.GT:
      return W.i32GtS;
    default:
      return W.i32GeS;
  }
}

/**
 * How far a block reaches, relative to SP and BP at its start: SP stays within spLow..spHigh,
 * counting the moment an instruction has taken its operands (SP minus its pops: the translated code
 * addresses the stack from there) and the end of every instruction; the frame words it uses (LOD/STO
 * at level 0, and LDI and STI through an address of the frame: LDA 0, then IXA) are BP + frameLow …
 * BP + frameHigh (frameLow > frameHigh: none). RET is left out: it checks its own words.
 */
interface BlockReach {
  readonly spLow: number;
  readonly spHigh: number;
  readonly frameLow: number;
  readonly frameHigh: number;
  /** SP at the end relative to SP at the start. */
  readonly net: number;
}

function blockReach(code: Int32Array, block: BasicBlock): BlockReach {
  let sp = 0;
  let spLow = 0;
  let spHigh = 0;
  let frameLow = Number.POSITIVE_INFINITY;
  let frameHigh = Number.NEGATIVE_INFINITY;
  // Which values on the stack are frame addresses (as Entry.frame); undefined: unknown.
  const frames: (FrameRange | undefined)[] = [];
  const use = (range: FrameRange | undefined) => {
    if (!range) return;
    frameLow = Math.min(frameLow, range[0]);
    frameHigh = Math.max(frameHigh, range[1]);
  };
  for (let pc = block.start; pc < block.end; pc++) {
    const i = pc * INSTRUCTION_WORDS;
    const op = code[i]!;
    const a = code[i + 1]!;
    if (op === Op.RET) break;
    const info = instructionByCode(op);
    if (!info) break;
    if (op === Op.LDA) frames.push(a === 0 ? [code[i + 2]!, code[i + 2]!] : undefined);
    else if (op === Op.IXA) {
      frames.pop();
      frames.push(indexedRange(frames.pop(), a, code[i + 2]!, code[i + 3]!));
    } else if (op === Op.LDI) {
      use(frames.pop());
      frames.push(undefined);
    } else if (op === Op.STI) {
      frames.pop();
      use(frames.pop());
    } else if (op === Op.DUP) {
      const top = frames.pop();
      frames.push(top, top);
    }
    else {
      frames.length = Math.max(0, frames.length - info.pops);
      for (let k = 0; k < (op === Op.LDM || op === Op.ENT ? a : op === Op.CSE ? 1 : info.pushes); k++) frames.push(undefined);
    }
    sp -= info.pops;
    spLow = Math.min(spLow, sp);
    // What it pushes (LDM: its count; ENT: its locals; CSE: the value again when no label matches).
    sp += op === Op.LDM || op === Op.ENT ? a : op === Op.CSE ? 1 : info.pushes;
    spLow = Math.min(spLow, sp);
    spHigh = Math.max(spHigh, sp);
    if ((op === Op.LOD || op === Op.STO) && a === 0) {
      const offset = code[i + 2]!;
      frameLow = Math.min(frameLow, offset);
      frameHigh = Math.max(frameHigh, offset);
    }
  }
  return { spLow, spHigh, frameLow, frameHigh, net: sp };
}

/** A loop recovered from the region's jumps: positions first..last of the region's blocks. */
export interface RecoveredLoop {
  /** Positions (in the region's address order) of its header and of its last block. */
  readonly first: number;
  readonly last: number;
  readonly parent: RecoveredLoop | undefined;
  readonly children: RecoveredLoop[];
  /** Jumps and branches back to the header. */
  readonly backEdges: number;
}

/** One step of a sequence of code: a single block, or a whole inner loop. */
interface Unit {
  readonly first: number;
  readonly last: number;
  readonly loop?: RecoveredLoop;
}

function unitsOf(first: number, last: number, children: readonly RecoveredLoop[]): Unit[] {
  const starts = new Map(children.map((c) => [c.first, c]));
  const units: Unit[] = [];
  for (let k = first; k <= last; ) {
    const loop = starts.get(k);
    if (loop) {
      units.push({ first: loop.first, last: loop.last, loop });
      k = loop.last + 1;
    } else {
      units.push({ first: k, last: k });
      k++;
    }
  }
  return units;
}

function unitIndex(units: readonly Unit[], position: number): number {
  let low = 0;
  let high = units.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (units[mid]!.first <= position) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Where the last instruction of a block may jump to, other than the next instruction (a call returns: its routine is left out). */
function branchTarget(code: Int32Array, block: BasicBlock): number | undefined {
  const last = block.end - 1;
  return code[last * INSTRUCTION_WORDS] === Op.CAL ? undefined : jumpTarget(code, last);
}

/**
 * Structured control flow from the region's jumps (what a stackifier does for a compiler that
 * emits WebAssembly). Blocks are in address order; a jump or branch from block q back to block
 * h <= q makes h a loop header and the loop reaches at least to q. Loops that nest become
 * WebAssembly `loop`s; a loop that overlaps another without nesting in it (irreducible flow, or
 * just an unusual jump) is left out, and its back edges go through the dispatcher as before.
 * Calls are left out too: a call back to a routine's entry, like a return, goes through the
 * dispatcher.
 */
export function recoverLoops(
  code: Int32Array,
  blocks: readonly BasicBlock[],
  order: ReadonlyMap<number, number>,
): { loops: RecoveredLoop[]; dispatchedBackEdges: number } {
  const reach = new Map<number, { last: number; edges: number }>();
  blocks.forEach((b, q) => {
    const target = branchTarget(code, b);
    const h = target === undefined ? undefined : order.get(target);
    if (h === undefined || h > q) return;
    const r = reach.get(h);
    reach.set(h, { last: Math.max(q, r?.last ?? q), edges: (r?.edges ?? 0) + 1 });
  });
  const loops: RecoveredLoop[] = [];
  const open: RecoveredLoop[] = [];
  let dispatchedBackEdges = 0;
  for (const [first, { last, edges }] of [...reach].sort((x, y) => x[0] - y[0])) {
    while (open.length > 0 && open[open.length - 1]!.last < first) open.pop();
    const parent = open[open.length - 1];
    if (parent && parent.last < last) {
      dispatchedBackEdges += edges;
      continue;
    }
    const loop: RecoveredLoop = { first, last, parent, children: [], backEdges: edges };
    parent?.children.push(loop);
    loops.push(loop);
    open.push(loop);
  }
  return { loops, dispatchedBackEdges };
}
