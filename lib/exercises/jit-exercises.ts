/** Chapter 3: what the JIT translates at a threshold and how often its cache hits, from lib/jit itself. */
import { JitMachine, findBasicBlocks } from '../jit/index.ts';
import type { JitStats } from '../jit/index.ts';
import type { ExerciseType } from './exercise.ts';
import type { SeededRandom } from './seeded-random.ts';
import { seededPascalProgram } from './pascal-programs.ts';
import { compileSeeded } from './pcode-exercises.ts';

interface JitRun {
  readonly source: string;
  readonly threshold: number;
  readonly blocks: number;
  readonly stats: JitStats;
  readonly output: string;
}

/** A seeded program run on the JIT in tier 1 ('dispatcher': every hot block is translated on its own). */
function seededJitRun(random: SeededRandom): JitRun {
  const { source } = seededPascalProgram(random, 10);
  const threshold = random.pick([2, 3, 5, 10, 20, 50]);
  const program = compileSeeded(source);
  const jit = new JitMachine(program, { threshold, mode: 'dispatcher', instantiate: 'sync' });
  for (let slices = 0; slices < 1000 && jit.run(100_000) === 'budget'; slices++);
  return { source, threshold, blocks: findBasicBlocks(program).blocks.length, stats: jit.stats(), output: jit.machine.output.trim() };
}

const setting = (run: JitRun) =>
  `The JIT runs in tier 1 (each block translated on its own, no chaining) with a threshold of ${run.threshold}: a block is translated to WebAssembly after it has run ${run.threshold} times in the interpreter.`;

const tally = (run: JitRun) =>
  `The run: ${run.blocks} basic blocks, ${run.stats.translations} translated, ${run.stats.cacheHits} cache hits, ` +
  `${run.stats.cacheMisses} misses; ${run.stats.tiers.interpreter} instructions interpreted, ${run.stats.tiers.dispatcher} run as WebAssembly. Output: ${run.output.split(/\s+/).join(' ')}.`;

export const jitTranslations: ExerciseType = {
  id: 'jit-translations',
  chapter: 'jit',
  title: 'Which blocks get compiled',
  summary: 'Count the basic blocks that become hot enough to translate at a threshold.',
  versions: [1],
  generate(random) {
    const run = seededJitRun(random);
    return {
      prompt: `${setting(run)} How many blocks does it translate while running this program?`,
      figure: run.source.trimEnd(),
      answerKind: 'number',
      answerFormat: 'one integer',
      answer: String(run.stats.translations),
      hint: 'Only blocks inside a loop run often; find the loop and ask which of its blocks run at least threshold times.',
      explanation: tally(run),
    };
  },
};

export const jitCacheHits: ExerciseType = {
  id: 'jit-cache-hits',
  chapter: 'jit',
  title: 'Translation cache hits',
  summary: 'Predict how often the translation cache finds a block already compiled.',
  versions: [1],
  generate(random) {
    const run = seededJitRun(random);
    return {
      prompt: `${setting(run)} How many times does the dispatcher find the next block already in the translation cache (cache hits)?`,
      figure: run.source.trimEnd(),
      answerKind: 'number',
      answerFormat: 'one integer',
      answer: String(run.stats.cacheHits),
      hint: 'Every entry into a translated block after its translation is a hit; the first threshold entries of a block and every entry into a cold block are not.',
      explanation: tally(run),
    };
  },
};

export const jitInterpreted: ExerciseType = {
  id: 'jit-interpreted',
  chapter: 'jit',
  title: 'Interpreted or compiled',
  summary: 'Count the instructions the interpreter still runs before the hot code is compiled.',
  versions: [1],
  generate(random) {
    const run = seededJitRun(random);
    const total = run.stats.tiers.interpreter + run.stats.tiers.dispatcher;
    return {
      prompt: `${setting(run)} The program executes ${total} P-code instructions in all. How many of them run in the interpreter?`,
      figure: run.source.trimEnd(),
      answerKind: 'number',
      answerFormat: 'one integer',
      answer: String(run.stats.tiers.interpreter),
      hint: `The rest (${total} minus your answer) run as WebAssembly; a lower threshold moves more of them there.`,
      explanation: tally(run),
    };
  },
};
