/**
 * The JIT: the P-machine (tier 0) with a block counter, a translator to WebAssembly and a
 * translation cache, and a dispatcher that runs compiled code where it has some.
 *
 * - Tier 0 interprets one basic block at a time and counts how often each block starts. When a
 *   block's count reaches the threshold it is translated.
 * - In 'dispatcher' mode every hot block becomes a WebAssembly function of its own (tier 1) that
 *   returns to the dispatcher after each block, like QEMU's translation blocks without chaining.
 * - In 'chaining' mode the whole routine holding the hot block (and every routine that was hot
 *   before it) becomes one function whose blocks branch to each other (tier 2, v86-style, with its
 *   loops recovered as WebAssembly loops); the dispatcher is only involved when control leaves the region.
 *
 * Compiled code never performs I/O and never reports an error itself: it stops before such an
 * instruction with the machine state written back, and the interpreter runs that instruction. So
 * output, runtime errors and the instruction count are exactly the interpreter's.
 */
import { INSTRUCTION_WORDS, PMachine, defaultStackWords, routineAt } from '../pcode/index.ts';
import type { MachineOptions, PProgram, RunOutcome } from '../pcode/index.ts';
import { findBasicBlocks } from './basic-blocks.ts';
import type { ControlFlowGraph } from './basic-blocks.ts';
import { TranslationCache } from './translation-cache.ts';
import type { CacheEntry, TranslatedCode, TranslationTier } from './translation-cache.ts';
import { MemoryLayout, memoryPagesFor, translateRegion } from './translate-region.ts';
import type { TranslationProblem } from './translation-problem-wordings.ts';

export type JitMode = 'dispatcher' | 'chaining';

export interface JitOptions extends MachineOptions {
  /** Tier-0 executions of a block before it is translated (default 50). */
  readonly threshold?: number;
  /** Tier 1 only ('dispatcher') or tier 2 regions ('chaining', the default). */
  readonly mode?: JitMode;
  /**
   * 'async' (default): WebAssembly.instantiate, the interpreter keeps going meanwhile and the
   * code is used once it is ready. 'sync': compiled on the spot (Node, benchmarks, tests).
   */
  readonly instantiate?: 'async' | 'sync';
  /**
   * Deterministic: the counts do not depend on how the run is sliced or how fast WebAssembly
   * compiles. `run` stops after the block that asked for a translation until `settle` has installed
   * it (as if it were compiled on the spot), and never stops inside a block for lack of budget (a
   * slice may run up to one block past its budget). A 'sync' machine gives the same counts.
   */
  readonly deterministic?: boolean;
}

/** Instructions run in each tier. */
export interface TierCounts {
  interpreter: number;
  dispatcher: number;
  chained: number;
}

export interface JitStats {
  readonly blocks: number;
  /** Translations made (including ones later dropped or replaced). */
  readonly translations: number;
  readonly liveTranslations: number;
  readonly cacheHits: number;
  readonly cacheMisses: number;
  readonly invalidated: number;
  readonly tiers: TierCounts;
  readonly translateMs: number;
  readonly instantiateMs: number;
  readonly codeBytes: number;
}

/** Something the JIT did, for the lab's log. */
export type JitEvent =
  | { readonly kind: 'translated'; readonly serial: number; readonly tier: TranslationTier; readonly blocks: number; readonly atStep: number }
  | { readonly kind: 'invalidated'; readonly pc: number; readonly serials: readonly number[]; readonly atStep: number };

export interface PokeResult {
  /** Serial numbers of the translations the write dropped. */
  readonly dropped: readonly number[];
}

/** Most instructions one call into compiled code may run before it returns to the dispatcher. */
const CALL_BUDGET = 1 << 18;

export class JitMachine {
  readonly program: PProgram;
  /** The interpreter; its stack lives in `memory`, shared with the compiled code. */
  readonly machine: PMachine;
  readonly memory: WebAssembly.Memory;
  readonly cache: TranslationCache;
  readonly tiers: TierCounts = { interpreter: 0, dispatcher: 0, chained: 0 };
  readonly events: JitEvent[] = [];
  cfg: ControlFlowGraph;
  /** Tier-0 executions per block (the heat map). */
  counters: Uint32Array;
  threshold: number;
  /** See JitOptions.deterministic; may be switched between slices. */
  deterministic: boolean;
  private modeValue: JitMode;
  private readonly instantiateMode: 'async' | 'sync';
  private readonly stackWords: number;
  private readonly registers: Int32Array;
  /** Bumped whenever translations made before it must not be installed (pokes, mode changes). */
  private generation = 0;
  private readonly pending = new Map<string, Promise<void>>();
  /** In chaining mode: entry addresses of the routines the region covers. */
  private readonly hotRoutines = new Set<number>();
  private invalidatedCount = 0;
  private translateMsTotal = 0;
  private instantiateMsTotal = 0;
  private codeBytesTotal = 0;
  /**
   * Why translation is off, if it is: the browser refused to compile WebAssembly (for example a
   * Content-Security-Policy without 'wasm-unsafe-eval'). The program then runs in the interpreter.
   */
  translationProblem: TranslationProblem | null = null;

  constructor(program: PProgram, options: JitOptions = {}) {
    this.program = program;
    // The interpreter's memory model: the same stack size by default, so both engines run the same programs.
    this.stackWords = options.stackSize ?? defaultStackWords(program);
    this.memory = new WebAssembly.Memory({ initial: memoryPagesFor(this.stackWords) });
    this.registers = new Int32Array(this.memory.buffer, 0, MemoryLayout.stack / 4);
    // The interpreter works on the shared memory, so both tiers see one stack.
    this.machine = new PMachine(program, { ...options, stack: new Int32Array(this.memory.buffer, MemoryLayout.stack, this.stackWords) });
    this.threshold = Math.max(1, options.threshold ?? 50);
    this.modeValue = options.mode ?? 'chaining';
    this.instantiateMode = options.instantiate ?? 'async';
    this.deterministic = options.deterministic ?? false;
    this.cfg = findBasicBlocks(program);
    this.counters = new Uint32Array(this.cfg.blocks.length);
    this.cache = new TranslationCache(program.code.length / INSTRUCTION_WORDS);
  }

  get mode(): JitMode {
    return this.modeValue;
  }

  /** Switching modes drops every translation and starts counting again. */
  set mode(mode: JitMode) {
    if (mode === this.modeValue) return;
    this.modeValue = mode;
    this.forgetTranslations();
  }

  /** Back to the start of the program. Translations stay unless `forget` is set. */
  reset(options: { input?: string; forget?: boolean } = {}): void {
    this.machine.reset(options.input);
    this.tiers.interpreter = 0;
    this.tiers.dispatcher = 0;
    this.tiers.chained = 0;
    if (options.forget) this.forgetTranslations();
  }

  private forgetTranslations(): void {
    this.generation++;
    this.cache.clear();
    this.counters.fill(0);
    this.hotRoutines.clear();
    this.events.length = 0;
    this.invalidatedCount = 0;
    this.translateMsTotal = 0;
    this.instantiateMsTotal = 0;
    this.codeBytesTotal = 0;
  }

  /** Runs up to `budget` instructions in whatever tier has code for them. */
  run(budget: number): RunOutcome {
    const m = this.machine;
    if (m.status !== 'ready') return m.status;
    if (this.deterministic && this.pending.size > 0) return 'budget';
    const regs = this.registers;
    const count = this.cfg.blockOf.length;
    let left = budget;
    while (left > 0) {
      const pc = m.pc;
      if (pc < 0 || pc >= count) {
        const before = m.steps;
        const outcome = m.run(left);
        this.tiers.interpreter += m.steps - before;
        return outcome;
      }
      const entry = this.cache.lookup(pc);
      if (entry !== undefined) {
        entry.hits++;
        this.cache.hits++;
        regs[0] = m.sp;
        regs[1] = m.bp;
        // Short calls: WebAssembly has no on-stack replacement, so code that the browser has
        // meanwhile optimized (V8: Liftoff, then TurboFan) is only picked up on the next call.
        // Deterministic runs give the code at least its first block, so no block is cut by a slice.
        const blockLength = this.cfg.blocks[this.cfg.blockOf[pc]!]!.end - pc;
        const callBudget = this.deterministic && left < blockLength ? blockLength : left;
        const next = entry.run(pc, callBudget < CALL_BUDGET ? callBudget : CALL_BUDGET);
        const steps = regs[2]!;
        m.sp = regs[0]!;
        m.bp = regs[1]!;
        m.pc = next;
        m.steps += steps;
        left -= steps;
        if (entry.tier === 1) this.tiers.dispatcher += steps;
        else this.tiers.chained += steps;
        if (steps > 0 || next !== pc) continue;
        // No progress: the budget is smaller than the block. The interpreter finishes the slice.
      }
      const blockId = this.cfg.blockOf[pc]!;
      const block = this.cfg.blocks[blockId]!;
      if (entry === undefined && pc === block.start && block.kind === 'translatable') {
        this.cache.misses++;
        const c = ++this.counters[blockId]!;
        if (c >= this.threshold && this.translationProblem === null) this.requestTranslation(blockId);
      }
      const before = m.steps;
      const outcome = m.run(this.deterministic ? block.end - pc : Math.min(left, block.end - pc));
      const ran = m.steps - before;
      this.tiers.interpreter += ran;
      left -= ran;
      if (outcome !== 'budget') return outcome;
      // Deterministic: the next block waits for the translation just asked for (see `settle`).
      if (this.deterministic && this.pending.size > 0) return 'budget';
    }
    return 'budget';
  }

  /** True while a translation is being compiled (a deterministic run waits for it: `settle`). */
  get translating(): boolean {
    return this.pending.size > 0;
  }

  /** Resolves when every translation started so far is installed (or dropped). */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending.values()]);
  }

  /**
   * Runs to the end in slices, waiting for translations between slices. Stops early when
   * `maxSteps` instructions have run or `shouldStop` says so.
   */
  async runToEnd(options: { sliceBudget?: number; maxSteps?: number; shouldStop?: () => boolean } = {}): Promise<RunOutcome> {
    const slice = options.sliceBudget ?? 1_000_000;
    const maxSteps = options.maxSteps ?? Number.POSITIVE_INFINITY;
    for (;;) {
      const budget = Math.min(slice, maxSteps - this.machine.steps);
      if (budget <= 0) return 'budget';
      const outcome = this.run(budget);
      if (outcome !== 'budget') return outcome;
      if (this.pending.size > 0) await this.settle();
      if (options.shouldStop?.()) return 'budget';
    }
  }

  /**
   * Writes `value` into word `word` (0 = opcode, 1..3 = operands) of instruction `pc`: the lab's
   * self-modifying code. Every translation that holds the instruction is dropped, with the blocks
   * chained to it; blocks whose shape the write changed lose their translations too.
   */
  poke(pc: number, word: number, value: number): PokeResult {
    const code = this.program.code;
    if (pc < 0 || pc >= this.cfg.blockOf.length || word < 0 || word >= INSTRUCTION_WORDS) return { dropped: [] };
    code[pc * INSTRUCTION_WORDS + word] = value | 0;
    this.generation++;
    const old = this.cfg;
    const oldCounters = this.counters;
    this.cfg = findBasicBlocks(this.program);
    const sameShape = new Map<string, number>();
    for (const b of this.cfg.blocks) sameShape.set(`${b.start}:${b.end}:${b.kind}`, b.id);
    const counters = new Uint32Array(this.cfg.blocks.length);
    for (const b of old.blocks) {
      const id = sameShape.get(`${b.start}:${b.end}:${b.kind}`);
      if (id !== undefined && !(pc >= b.start && pc < b.end)) counters[id] = oldCounters[b.id]!;
    }
    this.counters = counters;
    const dropped = this.cache.drop(
      (e) => e.ranges.some(([s, t]) => (pc >= s && pc < t) || !sameShape.has(`${s}:${t}:translatable`)),
      'invalidated',
    );
    this.invalidatedCount += dropped.length;
    const serials = dropped.map((e) => e.serial);
    this.events.push({ kind: 'invalidated', pc, serials, atStep: this.machine.steps });
    return { dropped: serials };
  }

  stats(): JitStats {
    return {
      blocks: this.cfg.blocks.length,
      translations: this.cache.entries.length,
      liveTranslations: this.cache.live().length,
      cacheHits: this.cache.hits,
      cacheMisses: this.cache.misses,
      invalidated: this.invalidatedCount,
      tiers: { ...this.tiers },
      translateMs: this.translateMsTotal,
      instantiateMs: this.instantiateMsTotal,
      codeBytes: this.codeBytesTotal,
    };
  }

  // ---- translation ----------------------------------------------------------------------------

  private stopTranslating(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.translationProblem = { code: 'webAssemblyRefused', params: { reason } };
  }

  private requestTranslation(blockId: number): void {
    if (this.modeValue === 'dispatcher') {
      const key = `b${this.cfg.blocks[blockId]!.start}`;
      if (this.pending.has(key)) return;
      this.translate(key, [blockId], 1);
      return;
    }
    const block = this.cfg.blocks[blockId]!;
    const routine = routineAt(this.program, block.start);
    this.hotRoutines.add(routine ? routine.entry : -1);
    if (this.pending.has('region')) return;
    this.translate('region', this.regionBlocks(), 2);
  }

  /** The blocks of every hot routine (all blocks, if the program has no routine table). */
  private regionBlocks(): number[] {
    const ids: number[] = [];
    for (const b of this.cfg.blocks) {
      if (b.kind !== 'translatable') continue;
      const routine = routineAt(this.program, b.start);
      if (this.hotRoutines.has(routine ? routine.entry : -1)) ids.push(b.id);
    }
    return ids;
  }

  private translate(key: string, blockIds: number[], tier: TranslationTier): void {
    const generation = this.generation;
    const t0 = performance.now();
    const translation = translateRegion(this.program.code, this.cfg, blockIds, {
      chain: tier === 2,
      stackWords: this.stackWords,
    });
    const translateMs = performance.now() - t0;
    const imports = { env: { memory: this.memory } };
    const install = (instance: WebAssembly.Instance, instantiateMs: number) => {
      if (generation !== this.generation) return;
      const run = instance.exports['run'] as TranslatedCode;
      const ranges = blockIds.map((id) => [this.cfg.blocks[id]!.start, this.cfg.blocks[id]!.end] as const);
      if (tier === 2) this.cache.drop((e) => e.tier === 2, 'replaced');
      const entry: CacheEntry = {
        serial: this.cache.nextSerial(),
        tier,
        blocks: blockIds,
        ranges,
        run,
        translation,
        translateMs,
        instantiateMs,
        hits: 0,
        state: 'live',
      };
      this.cache.install(entry);
      this.translateMsTotal += translateMs;
      this.instantiateMsTotal += instantiateMs;
      this.codeBytesTotal += translation.module.length;
      this.events.push({ kind: 'translated', serial: entry.serial, tier, blocks: blockIds.length, atStep: this.machine.steps });
    };
    if (this.instantiateMode === 'sync') {
      const t1 = performance.now();
      let instance: WebAssembly.Instance;
      try {
        instance = new WebAssembly.Instance(new WebAssembly.Module(translation.module as BufferSource), imports);
      } catch (error) {
        this.stopTranslating(error);
        return;
      }
      install(instance, performance.now() - t1);
      return;
    }
    const t1 = performance.now();
    const job = WebAssembly.instantiate(translation.module as BufferSource, imports)
      .then((result) => {
        this.pending.delete(key);
        install(result.instance, performance.now() - t1);
        if (tier === 2 && generation === this.generation) {
          // Routines that got hot while this was compiling need a bigger region.
          const wanted = this.regionBlocks();
          if (wanted.length !== blockIds.length) this.translate('region', wanted, 2);
        }
      })
      .catch((error: unknown) => {
        this.pending.delete(key);
        this.stopTranslating(error);
      });
    this.pending.set(key, job);
  }
}
