/** Every string the JIT lab shows. A 简体中文 catalogue will sit next to `en`. */
export interface JitLabMessages {
  regionLabel: string;
  programLabel: string;
  fromPcodeLab: string;
  fromLink: string;
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
  stepsRun: (steps: number) => string;
  outputLabel: string;
  noOutput: string;
  listingHeading: string;
  listingHint: string;
  blockTitle: (id: number, start: number, end: number) => string;
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
}

export const en: JitLabMessages = {
  regionLabel: 'JIT lab: P-code translated to WebAssembly',
  programLabel: 'Program',
  fromPcodeLab: 'Your program from the P-code lab',
  fromLink: 'The program from the link',
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
  stepsRun: (steps) => `${steps.toLocaleString('en')} P-code instructions run`,
  outputLabel: 'Output',
  noOutput: '(no output yet)',
  listingHeading: 'Basic blocks',
  listingHint: 'The P-code, cut into basic blocks. The bar shows how hot each block is; the badge shows where it runs now. Choose a block to see its code.',
  blockTitle: (id, start, end) => `Block ${id} (P-code ${start}–${end - 1})`,
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
  compiledShare: (percent) => `${percent.toFixed(1)}% of them in compiled code.`,
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
  measureMismatch: 'The engines disagree on the output. This is a bug in the JIT; please report it with this program.',
  engineName: { interpreter: 'Interpreter', dispatcher: 'JIT tier 1 (dispatcher)', chaining: 'JIT tier 2 (chaining)' },
  speedChartLabel: 'Bar chart of median run times per engine; shorter is faster',
  speedRow: (ms, speedup) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms · ${speedup.toFixed(1)}× the interpreter`,
  speedNote: (runs) => `Median of ${runs} runs after a warm-up.`,
  speedTableCaption: 'Measured run times',
  speedColumns: { engine: 'Engine', median: 'Median (ms)', runs: 'All runs (ms)', speedup: 'Speedup' },
};

export type JitLabLocale = 'en';
export const jitLabCatalogues: Record<JitLabLocale, JitLabMessages> = { en };
