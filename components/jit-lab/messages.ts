import type { BookLocale, MessageCatalogues } from '../book/locale.ts';
import { zh as pcodeLabZh } from '../pcode-lab/messages.ts';
import { JIT_EXAMPLES } from '../../lib/jit/index.ts';
import { textIn } from '../../lib/book/localized-text.ts';

/** A JIT example's title in a locale (its titles are in lib/jit/examples.ts). */
function jitExampleTitleIn(id: string, locale: BookLocale): string | undefined {
  const example = JIT_EXAMPLES.find((e) => e.id === id);
  return example && textIn(example.titles, locale);
}
/** Every string the JIT lab shows. A 简体中文 catalogue will sit next to `en`. */
export interface JitLabMessages {
  regionLabel: string;
  programLabel: string;
  fromPcodeLab: string;
  fromLink: string;
  /** The reader's own edited program (kept in this browser). */
  yourProgram: string;
  /** Why edits cannot be kept across reloads. */
  storageUnavailable: string;
  /** A `#jit=` link was applied: its settings, in words. */
  linkOpened: (threshold: number, mode: string, deterministic: boolean) => string;
  linkInvalid: (reason: string) => string;
  deterministicLabel: string;
  deterministicHint: string;
  dismiss: string;
  sourceLabel: string;
  inputLabel: string;
  compileErrors: string;
  thresholdLabel: string;
  thresholdHint: (n: number) => string;
  modeLabel: string;
  modeDispatcher: string;
  modeChaining: string;
  modeDispatcherHint: string;
  modeChainingHint: string;
  speedLabel: string;
  speeds: { slow: string; medium: string; full: string };
  run: string;
  stop: string;
  reset: string;
  status: {
    ready: string;
    running: string;
    stopped: string;
    halted: string;
    error: string;
  };
  /** Follows the status directly (it brings its own separator). */
  stepsRun: (steps: number) => string;
  outputLabel: string;
  noOutput: string;
  /** Heads the output once its beginning is no longer kept. */
  earlierLinesNotShown: (count: number) => string;
  listingHeading: string;
  listingHint: string;
  blockTitle: (id: number, start: number, end: number) => string;
  sourceLine: (line: number) => string;
  blockState: { interpreted: string; host: string; tier1: string; tier2: string };
  counter: (count: number, threshold: number) => string;
  heatLegend: string;
  cfgHeading: string;
  cfgHint: string;
  cfgLabel: string;
  cacheHeading: string;
  cacheHint: string;
  cacheColumns: { serial: string; tier: string; blocks: string; hits: string; bytes: string; translate: string; compile: string; state: string };
  cacheEmpty: string;
  cacheTotals: (hits: number, misses: number, live: number, made: number) => string;
  entryState: { live: string; invalidated: string; replaced: string };
  tierName: { interpreter: string; dispatcher: string; chained: string };
  logHeading: string;
  logTranslated: (serial: number, tier: number, blocks: number, step: number) => string;
  logInvalidated: (pc: number, serials: readonly number[], step: number) => string;
  /** Follows stepsRun directly (it brings its own separator). */
  compiledShare: (percent: number) => string;
  timelineHeading: string;
  timelineHint: string;
  timelineLabel: string;
  timelineEmpty: string;
  codeHeading: string;
  codeHint: string;
  pcodeColumn: string;
  watColumn: string;
  hexColumn: string;
  notTranslated: (count: number, threshold: number) => string;
  hostBlock: string;
  wholeModule: string;
  moduleSize: (bytes: number, blocks: number) => string;
  loopsHeading: string;
  loopsHint: string;
  /** One recovered loop: its WAT label, the P-code it spans, its blocks and its jumps back. */
  loopItem: (start: number, end: number, firstBlock: number, lastBlock: number, backEdges: number) => string;
  /** Marks the loops that hold the selected block. */
  loopHoldsSelected: string;
  /** The button that selects a loop's header block. */
  showLoopHeader: (label: string) => string;
  noLoops: string;
  /** The variables a loop keeps in WebAssembly locals (names, or frameWord for unnamed words). */
  inLocals: (names: string) => string;
  frameWord: (offset: number) => string;
  /** Between the items of a list of names. */
  listSeparator: string;
  dispatchedBackEdges: (count: number) => string;
  tier1Loops: string;
  pokeHeading: string;
  pokeHint: string;
  pokeAddress: string;
  pokeWord: string;
  pokeWords: readonly string[];
  pokeValue: string;
  pokeButton: string;
  pokeDone: (pc: number, dropped: readonly number[]) => string;
  pokeNothing: (pc: number) => string;
  speedHeading: string;
  speedHint: string;
  measure: string;
  measuring: (done: number, total: number) => string;
  measureStopped: string;
  measureTooLong: string;
  measureMismatch: string;
  engineName: { interpreter: string; dispatcher: string; chaining: string };
  speedChartLabel: string;
  speedRow: (ms: number, speedup: number) => string;
  speedNote: (runs: number) => string;
  speedTableCaption: string;
  speedColumns: { engine: string; median: string; runs: string; speedup: string };
  /** A program's title in the menu, by its id (`title`: the English one). */
  exampleTitle: (id: string, title: string) => string;
  noScript: string;
}

export const en: JitLabMessages = {
  regionLabel: 'JIT lab: P-code translated to WebAssembly',
  programLabel: 'Program',
  fromPcodeLab: 'Your program from the P-code lab',
  fromLink: 'The program from the link',
  yourProgram: 'Your edited program',
  storageUnavailable: 'This browser does not let the page store data (storage is off or full): your edits last until you leave the page.',
  linkOpened: (threshold, mode, deterministic) =>
    `Opened the run from the link: threshold ${threshold}, ${mode}${deterministic ? ', each translation awaited' : ''}. Press Run.`,
  linkInvalid: (reason) => `The link could not be opened: ${reason}. The lab shows its own program instead.`,
  deterministicLabel: 'Wait for each translation (same counts every run)',
  deterministicHint:
    'The run pauses while a block compiles, so the counts do not depend on speed or on how busy the computer is; the exercises count this way. Off: the interpreter goes on while the browser compiles, as a real JIT does.',
  dismiss: 'Dismiss',
  sourceLabel: 'Pascal source',
  inputLabel: 'Input',
  compileErrors: 'The program does not compile:',
  thresholdLabel: 'Threshold',
  thresholdHint: (n) => `A block is translated after it has run ${n} time${n === 1 ? '' : 's'} in the interpreter.`,
  modeLabel: 'Translation',
  modeDispatcher: 'Dispatcher (tier 1)',
  modeChaining: 'Chaining (tier 2)',
  modeDispatcherHint: 'Each hot block becomes its own WebAssembly function; after every block, control returns to the dispatcher loop.',
  modeChainingHint: 'The whole routine around a hot block becomes one function; its blocks branch to each other inside it (loop + br_table).',
  speedLabel: 'Speed',
  speeds: { slow: 'Slow (watch it)', medium: 'Medium', full: 'Full speed' },
  run: 'Run',
  stop: 'Stop',
  reset: 'Reset',
  status: {
    ready: 'Ready.',
    running: 'Running…',
    stopped: 'Stopped.',
    halted: 'The program has ended.',
    error: 'Runtime error (reported by the interpreter, exactly as without the JIT):',
  },
  stepsRun: (steps) => ` ${steps.toLocaleString('en')} P-code instructions run`,
  outputLabel: 'Output',
  noOutput: '(no output yet)',
  earlierLinesNotShown: (count) => `… ${count.toLocaleString('en')} earlier line${count === 1 ? '' : 's'} not shown`,
  listingHeading: 'Basic blocks',
  listingHint: 'The P-code, cut into basic blocks. The bar shows how hot each block is; the badge shows where it runs now. Choose a block to see its code.',
  blockTitle: (id, start, end) => `Block ${id} (P-code ${start}–${end - 1})`,
  sourceLine: (line) => `line ${line}`,
  blockState: { interpreted: 'interpreter', host: 'I/O: always interpreted', tier1: 'tier 1', tier2: 'tier 2' },
  counter: (count, threshold) => `${count.toLocaleString('en')} / ${threshold}`,
  heatLegend: 'Counter / threshold',
  cfgHeading: 'Control-flow graph',
  cfgHint: 'Blocks in address order. Arrows on the right go forward, arrows on the left go back (loops); dashed arrows are calls.',
  cfgLabel: 'Control-flow graph of the program: one box per basic block, coloured by where it runs.',
  cacheHeading: 'Translation cache',
  cacheHint: 'Every translation, keyed by the P-code address where it can be entered. Hits count entries from the dispatcher.',
  cacheColumns: { serial: '#', tier: 'Tier', blocks: 'Entry points (P-code)', hits: 'Hits', bytes: 'Bytes', translate: 'Translate ms', compile: 'Compile ms', state: 'State' },
  cacheEmpty: 'Nothing translated yet. Run the program: blocks are translated once they are hot.',
  cacheTotals: (hits, misses, live, made) =>
    `${hits.toLocaleString('en')} hits, ${misses.toLocaleString('en')} misses (block starts run in the interpreter); ${live} live of ${made} translations made.`,
  entryState: { live: 'live', invalidated: 'invalidated (code written)', replaced: 'replaced by a bigger region' },
  tierName: { interpreter: 'Interpreter (tier 0)', dispatcher: 'Tier 1: block + dispatcher', chained: 'Tier 2: chained region' },
  logHeading: 'What the JIT did',
  logTranslated: (serial, tier, blocks, step) =>
    `#${serial}: translated ${blocks} block${blocks === 1 ? '' : 's'} to tier ${tier} (after ${step.toLocaleString('en')} instructions)`,
  logInvalidated: (pc, serials, step) =>
    serials.length > 0
      ? `P-code ${pc} was written: dropped ${serials.map((s) => `#${s}`).join(', ')} (after ${step.toLocaleString('en')} instructions)`
      : `P-code ${pc} was written: no translation held it`,
  compiledShare: (percent) => `, ${percent.toFixed(1)}% of them in compiled code.`,
  timelineHeading: 'Tier timeline',
  timelineHint: 'The share of instructions each tier ran, slice by slice, from the start of the run (left) to now (right).',
  timelineLabel: 'Stacked chart of instructions run per tier over time',
  timelineEmpty: 'Run the program to draw the timeline.',
  codeHeading: 'Generated code',
  codeHint: 'The selected block as P-code, as the WebAssembly it became (WAT text) and as the bytes the browser compiled.',
  pcodeColumn: 'P-code',
  watColumn: 'WebAssembly (WAT)',
  hexColumn: 'Bytes',
  notTranslated: (count, threshold) =>
    `Not translated yet: this block runs in the interpreter (it has run ${count.toLocaleString('en')} of ${threshold} times needed).`,
  hostBlock: 'This block does input or output (or ends the program), so it always runs in the interpreter: compiled code stops before it with the machine state written back.',
  wholeModule: 'Show the whole module',
  moduleSize: (bytes, blocks) => `Module: ${bytes.toLocaleString('en')} bytes, ${blocks} block${blocks === 1 ? '' : 's'}.`,
  loopsHeading: 'Loops recovered',
  loopsHint:
    'Tier 2 turns each loop of the region into a WebAssembly loop: the jump back at the end of the body is a br to the loop, not a trip round the dispatcher’s br_table. Choose a loop to see its first block.',
  loopItem: (start, end, firstBlock, lastBlock, backEdges) =>
    `P-code ${start}..${end - 1}, blocks ${firstBlock}–${lastBlock}, ${backEdges} jump${backEdges === 1 ? '' : 's'} back`,
  loopHoldsSelected: 'holds the selected block',
  showLoopHeader: (label) => `loop $${label}: show its first block`,
  noLoops: 'No loop in this region: every jump goes forward, or through the dispatcher (calls and returns).',
  inLocals: (names) => `; in WebAssembly locals while it runs: ${names}`,
  frameWord: (offset) => `frame word ${offset}`,
  listSeparator: ', ',
  dispatchedBackEdges: (count) =>
    `${count} jump${count === 1 ? '' : 's'} back cross${count === 1 ? 'es' : ''} a loop without nesting in it, so ${count === 1 ? 'it goes' : 'they go'} round the dispatcher’s br_table instead.`,
  tier1Loops: 'Tier 1 translates one block per function, so every jump back, like every other jump, returns to the dispatcher outside.',
  pokeHeading: 'Poke: self-modifying code',
  pokeHint: 'Write a new value into an instruction while the program is paused or running. Translations that hold it are dropped, with everything chained to them, and the block is translated again once it is hot.',
  pokeAddress: 'P-code address',
  pokeWord: 'Word',
  pokeWords: ['opcode', 'operand 1', 'operand 2', 'operand 3'],
  pokeValue: 'New value',
  pokeButton: 'Poke',
  pokeDone: (pc, dropped) =>
    `Wrote to P-code ${pc}; dropped translation${dropped.length === 1 ? '' : 's'} ${dropped.map((d) => `#${d}`).join(', ')}.`,
  pokeNothing: (pc) => `Wrote to P-code ${pc}; no translation held it.`,
  speedHeading: 'Measure the speedup',
  speedHint: 'Runs the program on the interpreter and on both JIT tiers: one warm-up run each, then five runs from a cold cache (translation and compilation included). The median counts. The numbers are from your machine and vary from run to run.',
  measure: 'Measure',
  measuring: (done, total) => `Measuring… run ${done} of ${total}`,
  measureStopped: 'Measurement stopped.',
  measureTooLong: 'This program runs too long to measure here (over 100 million instructions).',
  measureMismatch: 'The engines disagree (on the output, the instruction count or the runtime error), so there is no speed to compare. This is a bug in the JIT; please report it with this program.',
  engineName: { interpreter: 'Interpreter', dispatcher: 'JIT tier 1 (dispatcher)', chaining: 'JIT tier 2 (chaining)' },
  speedChartLabel: 'Bar chart of median run times per engine; shorter is faster',
  speedRow: (ms, speedup) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms · ${speedup.toFixed(1)}× the interpreter`,
  speedNote: (runs) => `Median of ${runs} runs after a warm-up.`,
  speedTableCaption: 'Measured run times',
  speedColumns: { engine: 'Engine', median: 'Median (ms)', runs: 'All runs (ms)', speedup: 'Speedup' },
  exampleTitle: (_id, title) => title,
  noScript: 'The JIT lab needs JavaScript and WebAssembly.',
};

/** 简体中文. */
export const zh: JitLabMessages = {
  regionLabel: '即时编译实验：把 P-code 翻译成 WebAssembly',
  programLabel: '程序',
  fromPcodeLab: '你在 P-code 实验里写的程序',
  fromLink: '链接中的程序',
  yourProgram: '你修改过的程序',
  storageUnavailable: '这个浏览器不允许本页保存数据（存储已关闭或已满）：你的修改只保留到离开本页为止。',
  linkOpened: (threshold, mode, deterministic) =>
    `已打开链接中的运行设置：阈值 ${threshold}，${mode}${deterministic ? '，每次翻译都等它完成' : ''}。请按“运行”。`,
  linkInvalid: (reason) => `无法打开这个链接：${reason}。下面显示的是实验自带的程序。`,
  deterministicLabel: '等待每次翻译完成（每次运行计数相同）',
  deterministicHint:
    '编译一个块时运行暂停，等它完成再继续，所以计数与速度、与计算机忙不忙都无关；练习就是这样计数的。关闭时，浏览器在后台编译，解释器照常往下执行，真实的 JIT 正是如此。',
  dismiss: '关闭',
  sourceLabel: 'Pascal 源代码',
  inputLabel: '输入',
  compileErrors: '程序无法编译：',
  thresholdLabel: '阈值',
  thresholdHint: (n) => `一个块在解释器中运行 ${n} 次之后被翻译。`,
  modeLabel: '翻译方式',
  modeDispatcher: '分派器（第 1 层）',
  modeChaining: '链接（第 2 层）',
  modeDispatcherHint: '每个热块各自成为一个 WebAssembly 函数；每个块运行完，控制都回到分派器循环。',
  modeChainingHint: '热块所在的整个例程成为一个函数；块与块之间在函数内部直接跳转（loop + br_table）。',
  speedLabel: '速度',
  speeds: { slow: '慢速（便于观察）', medium: '中速', full: '全速' },
  run: '运行',
  stop: '停止',
  reset: '重置',
  status: {
    ready: '就绪。',
    running: '运行中…',
    stopped: '已停止。',
    halted: '程序已结束。',
    error: '运行时错误（由解释器报告，与不开即时编译时完全相同）：',
  },
  stepsRun: (steps) => `已运行 ${steps.toLocaleString('zh-CN')} 条 P-code 指令`,
  outputLabel: '输出',
  noOutput: '（还没有输出）',
  earlierLinesNotShown: (count) => `… 前面还有 ${count} 行未显示`,
  listingHeading: '基本块',
  listingHint: '切成基本块的 P-code。条形表示每个块有多热；徽标表示它现在在哪里运行。选中一个块可以查看它的代码。',
  blockTitle: (id, start, end) => `块 ${id}（P-code ${start}–${end - 1}）`,
  sourceLine: (line) => `第 ${line} 行`,
  blockState: { interpreted: '解释器', host: 'I/O：始终解释执行', tier1: '第 1 层', tier2: '第 2 层' },
  counter: (count, threshold) => `${count.toLocaleString('zh-CN')} / ${threshold}`,
  heatLegend: '计数 / 阈值',
  cfgHeading: '控制流图',
  cfgHint: '块按地址顺序排列。右侧的箭头向前，左侧的箭头向后（循环）；虚线箭头表示调用。',
  cfgLabel: '程序的控制流图：每个基本块一个方框，颜色表示它在哪里运行。',
  cacheHeading: '翻译缓存',
  cacheHint: '每一份译文，以可以进入它的 P-code 地址为键。命中数统计从分派器进入的次数。',
  cacheColumns: { serial: '#', tier: '层', blocks: '入口（P-code）', hits: '命中', bytes: '字节', translate: '翻译（毫秒）', compile: '编译（毫秒）', state: '状态' },
  cacheEmpty: '还没有翻译任何代码。运行程序：块变热后就会被翻译。',
  cacheTotals: (hits, misses, live, made) =>
    `命中 ${hits.toLocaleString('zh-CN')} 次，未命中 ${misses.toLocaleString('zh-CN')} 次（块在解释器中开始运行）；共生成 ${made} 份译文，有效 ${live} 份。`,
  entryState: { live: '有效', invalidated: '已失效（代码被改写）', replaced: '已被更大的区域取代' },
  tierName: { interpreter: '解释器（第 0 层）', dispatcher: '第 1 层：块 + 分派器', chained: '第 2 层：链接的区域' },
  logHeading: '即时编译器做了什么',
  logTranslated: (serial, tier, blocks, step) =>
    `#${serial}：把 ${blocks} 个块翻译到第 ${tier} 层（在第 ${step.toLocaleString('zh-CN')} 条指令之后）`,
  logInvalidated: (pc, serials, step) =>
    serials.length > 0
      ? `P-code ${pc} 被改写：丢弃了 ${serials.map((s) => `#${s}`).join('、')}（在第 ${step.toLocaleString('zh-CN')} 条指令之后）`
      : `P-code ${pc} 被改写：没有译文包含它`,
  compiledShare: (percent) => `，其中 ${percent.toFixed(1)}% 在编译后的代码中运行。`,
  timelineHeading: '分层时间线',
  timelineHint: '各层运行的指令所占的比例，一段一段地从运行开始（左）画到现在（右）。',
  timelineLabel: '各层随时间运行的指令数的堆叠图',
  timelineEmpty: '运行程序以绘制时间线。',
  codeHeading: '生成的代码',
  codeHint: '选中的块：它的 P-code、它变成的 WebAssembly（WAT 文本），以及浏览器编译的字节。',
  pcodeColumn: 'P-code',
  watColumn: 'WebAssembly（WAT）',
  hexColumn: '字节',
  notTranslated: (count, threshold) =>
    `尚未翻译：这个块在解释器中运行（已运行 ${count.toLocaleString('zh-CN')} 次，需要 ${threshold} 次）。`,
  hostBlock: '这个块做输入或输出（或结束程序），所以始终在解释器中运行：编译后的代码在它之前停下，并把机器状态写回。',
  wholeModule: '显示整个模块',
  moduleSize: (bytes, blocks) => `模块：${bytes.toLocaleString('zh-CN')} 字节，${blocks} 个块。`,
  loopsHeading: '恢复出的循环',
  loopsHint:
    '第 2 层把区域里的每个循环都译成 WebAssembly 的 loop：循环体末尾的回跳是一条跳向这个 loop 的 br，不必再绕回分派器的 br_table。选一个循环可查看它的第一个块。',
  loopItem: (start, end, firstBlock, lastBlock, backEdges) => `P-code ${start}..${end - 1}，块 ${firstBlock}–${lastBlock}，${backEdges} 处回跳`,
  loopHoldsSelected: '包含选中的块',
  showLoopHeader: (label) => `loop $${label}：查看它的第一个块`,
  noLoops: '这个区域里没有循环：所有跳转都向前，或者经过分派器（调用和返回）。',
  inLocals: (names) => `；运行时放在 WebAssembly 局部变量里：${names}`,
  frameWord: (offset) => `栈帧第 ${offset} 字`,
  listSeparator: '、',
  dispatchedBackEdges: (count) => `有 ${count} 处回跳与某个循环交叉而不嵌套其中，因此仍绕经分派器的 br_table。`,
  tier1Loops: '第 1 层每个函数只翻译一个块，所以回跳和其他跳转一样，都要返回外面的分派器。',
  pokeHeading: '改写：自修改代码',
  pokeHint: '在程序暂停或运行时往一条指令里写入新值。包含它的译文连同链接到它们的一切都会被丢弃，块再次变热后会被重新翻译。',
  pokeAddress: 'P-code 地址',
  pokeWord: '字',
  pokeWords: ['操作码', '操作数 1', '操作数 2', '操作数 3'],
  pokeValue: '新值',
  pokeButton: '改写',
  pokeDone: (pc, dropped) => `已写入 P-code ${pc}；丢弃了译文 ${dropped.map((d) => `#${d}`).join('、')}。`,
  pokeNothing: (pc) => `已写入 P-code ${pc}；没有译文包含它。`,
  speedHeading: '测量加速比',
  speedHint: '分别用解释器和两层即时编译运行程序：各先预热一次，然后从空缓存开始运行五次（包括翻译和编译的时间），取中位数。数字来自你的机器，每次运行都会有所不同。',
  measure: '测量',
  measuring: (done, total) => `测量中… 第 ${done} 次，共 ${total} 次`,
  measureStopped: '测量已停止。',
  measureTooLong: '这个程序运行时间太长，无法在这里测量（超过一亿条指令）。',
  measureMismatch: '各引擎的结果不一致（输出、指令数或运行时错误不同），速度无从比较。这是即时编译器的缺陷，请附上这个程序报告它。',
  engineName: { interpreter: '解释器', dispatcher: '即时编译第 1 层（分派器）', chaining: '即时编译第 2 层（链接）' },
  speedChartLabel: '各引擎运行时间中位数的条形图；越短越快',
  speedRow: (ms, speedup) => `${ms.toFixed(ms < 10 ? 2 : 1)} 毫秒 · 解释器的 ${speedup.toFixed(1)} 倍`,
  speedNote: (runs) => `预热后 ${runs} 次运行的中位数。`,
  speedTableCaption: '测得的运行时间',
  speedColumns: { engine: '引擎', median: '中位数（毫秒）', runs: '每次运行（毫秒）', speedup: '加速比' },
  exampleTitle: (id, title) =>
    jitExampleTitleIn(id, 'zh-CN') ??
    (id.startsWith('pcode-') ? `P-code 实验：${pcodeLabZh.exampleTitle(id.slice('pcode-'.length), title)}` : title),
  noScript: '即时编译实验需要 JavaScript 和 WebAssembly。',
};


export const jitLabCatalogues: MessageCatalogues<JitLabMessages> = { en, 'zh-CN': zh };
