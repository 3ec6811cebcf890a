/** Chapter 3: what the JIT translates at a threshold and how often its cache hits, from lib/jit itself. */
import { JitMachine, encodeJitLabHash, findBasicBlocks } from '../jit/index.ts';
import type { JitStats } from '../jit/index.ts';
import type { LocalizedText } from '../book/localized-text.ts';
import { localizedText } from '../book/localized-text.ts';
import { defineExercise } from './exercise.ts';
import type { LabLink } from './exercise.ts';
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

/**
 * A seeded program run on the JIT in tier 1 ('dispatcher': every hot block is translated on its
 * own), deterministically: the JIT lab, opened with `labLinkOf(run)`, makes exactly this run.
 */
function seededJitRun(random: SeededRandom): JitRun {
  const { source } = seededPascalProgram(random, 10);
  const threshold = random.pick([2, 3, 5, 10, 20, 50]);
  const program = compileSeeded(source);
  const jit = new JitMachine(program, { threshold, mode: 'dispatcher', instantiate: 'sync', deterministic: true });
  for (let slices = 0; slices < 1000 && jit.run(100_000) === 'budget'; slices++);
  return { source, threshold, blocks: findBasicBlocks(program).blocks.length, stats: jit.stats(), output: jit.machine.output.trim() };
}

/** Opens the JIT lab on this program with this run's settings, translating deterministically. */
const labLinkOf = (run: JitRun): LabLink => ({
  lab: 'jit-lab',
  hash: encodeJitLabHash({ source: run.source, input: '', threshold: run.threshold, mode: 'dispatcher', deterministic: true }),
});

const setting = (run: JitRun): LocalizedText =>
  localizedText(
    `The JIT runs in tier 1 (each block translated on its own, no chaining) with a threshold of ${run.threshold}: a block is translated to WebAssembly after it has run ${run.threshold} times in the interpreter.`,
    `JIT 运行在第 1 层（每个块单独翻译，块与块之间不链接），阈值为 ${run.threshold}：一个块在解释器里执行满 ${run.threshold} 次后，就被翻译成 WebAssembly。`,
  );

const tally = (run: JitRun): LocalizedText => {
  const output = run.output.split(/\s+/).join(' ');
  return localizedText(
    `The run: ${run.blocks} basic blocks, ${run.stats.translations} translated, ${run.stats.cacheHits} cache hits, ` +
      `${run.stats.cacheMisses} misses; ${run.stats.tiers.interpreter} instructions interpreted, ${run.stats.tiers.dispatcher} run as WebAssembly. Output: ${output}.`,
    `这次运行：共 ${run.blocks} 个基本块，翻译了 ${run.stats.translations} 个；翻译缓存命中 ${run.stats.cacheHits} 次，未命中 ${run.stats.cacheMisses} 次；` +
      `${run.stats.tiers.interpreter} 条指令由解释器执行，${run.stats.tiers.dispatcher} 条以 WebAssembly 执行。输出：${output}。`,
  );
};

/** The setting, then the question. */
const ask = (run: JitRun, question: LocalizedText): LocalizedText => {
  const s = setting(run);
  return localizedText(`${s.en} ${question.en}`, `${s['zh-CN']}${question['zh-CN']}`);
};

export const jitTranslations = defineExercise({
  id: 'jit-translations',
  chapter: 'jit',
  title: localizedText('Which blocks get compiled', '哪些块会被编译'),
  summary: localizedText('Count the basic blocks that become hot enough to translate at a threshold.', '在给定阈值下，数一数有多少个基本块热到会被翻译。'),
  versions: [1],
  generate(random) {
    const run = seededJitRun(random);
    return {
      prompt: ask(run, localizedText('How many blocks does it translate while running this program?', '运行这个程序时，它一共翻译多少个块？')),
      figure: run.source.trimEnd(),
      answerKind: 'number',
      answerFormat: localizedText('one integer', '一个整数'),
      answer: String(run.stats.translations),
      hint: localizedText(
        'Only blocks inside a loop run often; find the loop and ask which of its blocks run at least threshold times.',
        '只有循环里的块才会频繁执行；找到循环，再看其中哪些块至少执行了阈值那么多次。',
      ),
      explanation: tally(run),
      labLink: labLinkOf(run),
    };
  },
});

export const jitCacheHits = defineExercise({
  id: 'jit-cache-hits',
  chapter: 'jit',
  title: localizedText('Translation cache hits', '翻译缓存命中'),
  summary: localizedText('Predict how often the translation cache finds a block already compiled.', '预测翻译缓存有多少次发现块已经编译好了。'),
  versions: [1],
  generate(random) {
    const run = seededJitRun(random);
    return {
      prompt: ask(run, localizedText(
        'How many times does the dispatcher find the next block already in the translation cache (cache hits)?',
        '分派器有多少次发现下一个块已经在翻译缓存里（缓存命中）？',
      )),
      figure: run.source.trimEnd(),
      answerKind: 'number',
      answerFormat: localizedText('one integer', '一个整数'),
      answer: String(run.stats.cacheHits),
      hint: localizedText(
        'Every entry into a translated block after its translation is a hit; the first threshold entries of a block and every entry into a cold block are not.',
        '块被翻译之后，每次进入它都算一次命中；一个块最初那阈值次的进入，以及每次进入冷块，都不算。',
      ),
      explanation: tally(run),
      labLink: labLinkOf(run),
    };
  },
});

export const jitInterpreted = defineExercise({
  id: 'jit-interpreted',
  chapter: 'jit',
  title: localizedText('Interpreted or compiled', '解释还是编译'),
  summary: localizedText('Count the instructions the interpreter still runs before the hot code is compiled.', '数一数热点代码被编译之前，解释器还要执行多少条指令。'),
  versions: [1],
  generate(random) {
    const run = seededJitRun(random);
    const total = run.stats.tiers.interpreter + run.stats.tiers.dispatcher;
    return {
      prompt: ask(run, localizedText(
        `The program executes ${total} P-code instructions in all. How many of them run in the interpreter?`,
        `这个程序一共执行 ${total} 条 P-code 指令。其中有多少条是在解释器里执行的？`,
      )),
      figure: run.source.trimEnd(),
      answerKind: 'number',
      answerFormat: localizedText('one integer', '一个整数'),
      answer: String(run.stats.tiers.interpreter),
      hint: localizedText(
        `The rest (${total} minus your answer) run as WebAssembly; a lower threshold moves more of them there.`,
        `其余的（${total} 减去你的答案）以 WebAssembly 执行；阈值越低，挪到那边的指令就越多。`,
      ),
      explanation: tally(run),
      labLink: labLinkOf(run),
    };
  },
});
