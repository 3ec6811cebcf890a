/**
 * The P-code command line, on the same engine as the lab:
 *
 *   npm run pcode -- run prog.pas [--max-steps N] [--stats]   input from stdin, output to stdout
 *   npm run pcode -- run --engine jit prog.pas [--stats]      the same, with the JIT (lib/jit)
 *   npm run pcode -- listing prog.pas                          P-code with source lines interleaved
 *   npm run pcode -- asm prog.pas                              assembler text (round-trips with `run-asm`)
 *   npm run pcode -- run-asm prog.pcode                        run assembler text
 *
 * `--lang zh-CN` words compile, assembly and runtime errors as the book's Chinese edition does.
 *
 * The program reads stdin only when it reads (a line at a time from a terminal); its output goes
 * out line by line to a terminal, in 64 KB pieces or at least every few milliseconds otherwise,
 * and is flushed on exit and on Ctrl-C. A run without --max-steps that goes on for seconds says
 * once on stderr that it is still running and how to stop it.
 *
 * Exit codes: 0 success, 1 compile error (prog.pas:LINE:COL: error: …) or unreadable file,
 * 2 runtime error (message and post-mortem on stderr), 3 step limit reached, 64 usage error,
 * 130 stopped by Ctrl-C (143 by SIGTERM).
 */
import { readFileSync } from 'node:fs';
import { isatty } from 'node:tty';
import { compileProgram, wordDiagnostic } from '../pascal/index.ts';
import { bookLocales } from '../book/localized-text.ts';
import type { BookLocale } from '../book/localized-text.ts';
import {
  CommandLineError, chosenCommand, fileProblem, isEntryPoint, printable, quoted, parseCommandLine, runCommandLineTool,
  type CommandLineSpec, type CommandOutput,
} from '../book/command-line.ts';
import { PMachine, assemble, disassemble, wordAssemblyError, formatListing } from './index.ts';
import type { PProgram, RunOutcome } from './index.ts';
import { InputUnreadable, inputFromDescriptor, readInputOnDemand, type InputSource } from './input-on-demand.ts';

export const pcodeCommandLine = {
  name: 'pcode',
  usageExitCode: 64,
  usage: `usage: npm run pcode -- <command> <file> [options]
commands:
  run <prog.pas>        compile and run; input from stdin, output to stdout
  listing <prog.pas>    print the P-code with the source lines interleaved
  asm <prog.pas>        print the P-code as assembler text
  run-asm <prog.pcode>  assemble and run assembler text
exit status: 0 done, 1 compile error or unreadable file, 2 runtime error, 3 --max-steps reached,
             64 usage error, 130 stopped with Ctrl-C`,
  options: {
    'max-steps': { type: 'integer', min: 1, max: Number.MAX_SAFE_INTEGER, value: 'N', help: 'stop after N P-instructions (exit 3)' },
    stats: {
      type: 'flag',
      help: 'print the instruction count to stderr after the run (with --engine jit: also translations, cache hits and misses, instructions per tier)',
    },
    engine: { type: 'choice', choices: ['interp', 'jit'], help: 'run on the interpreter (default) or on the JIT, which translates hot blocks to WebAssembly' },
    lang: { type: 'choice', choices: bookLocales, help: 'the language of error messages (default en)' },
  },
} as const satisfies CommandLineSpec;

const COMMANDS = ['run', 'listing', 'asm', 'run-asm'] as const;

/** How a run meets the world: the process's stdin, stdout and signals, or a test's. */
export interface PcodeEnvironment {
  io: CommandOutput;
  /** The program's input, read when it reads. */
  input: InputSource;
  /** Output goes out line by line (a terminal) rather than in large pieces. */
  lineBuffered: boolean;
  /** Ctrl-C and SIGTERM flush the output and stop the run (the process only). */
  handleSignals: boolean;
  /** After this many milliseconds of running without --max-steps, say so once on stderr. */
  stillRunningAfterMs: number;
  /** Milliseconds, for the notice above. */
  clock: () => number;
}

/** Instructions per slice: between slices the output is flushed and signals are handled. */
const SLICE_STEPS = 2_000_000;

/** The program's stdout: held in a buffer, let out per line or per 64 KB piece. */
class ProgramOutput {
  private pending = '';
  private readonly io: CommandOutput;
  private readonly lineBuffered: boolean;
  constructor(io: CommandOutput, lineBuffered: boolean) {
    this.io = io;
    this.lineBuffered = lineBuffered;
  }

  write(text: string): void {
    this.pending += text;
    if (this.lineBuffered) {
      const end = this.pending.lastIndexOf('\n');
      if (end >= 0) {
        const lines = this.pending.slice(0, end + 1);
        this.pending = this.pending.slice(end + 1);
        this.io.out(lines);
      }
    } else if (this.pending.length >= 1 << 16) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending;
    this.pending = '';
    this.io.out(text);
  }
}

type Engine = {
  machine: PMachine;
  /** Runs until `untilSteps` instructions have run in all, or the program stops. */
  runUntil(untilSteps: number): RunOutcome | Promise<RunOutcome>;
  report(): string[];
};

async function createEngine(kind: 'interp' | 'jit', program: PProgram, output: ProgramOutput): Promise<Engine> {
  const onOutput = (text: string) => output.write(text);
  if (kind === 'interp') {
    const machine = new PMachine(program, { onOutput, keepOutput: 0 });
    return {
      machine,
      runUntil: (untilSteps) => machine.run(untilSteps - machine.steps),
      report: () => [`${machine.steps} P-instructions`],
    };
  }
  // Loaded only for --engine jit, so the interpreter's CLI never depends on the JIT's state.
  const { JitMachine } = await import('../jit/index.ts');
  const jit = new JitMachine(program, { onOutput, keepOutput: 0 });
  return {
    machine: jit.machine,
    runUntil: (untilSteps) => jit.runToEnd({ maxSteps: untilSteps, sliceBudget: 20_000 }),
    report: () => {
      const s = jit.stats();
      return [
        `${jit.machine.steps} P-instructions`,
        `blocks: ${s.blocks}, translations: ${s.translations} (${s.liveTranslations} live, ${s.codeBytes} bytes of WebAssembly)`,
        `cache: ${s.cacheHits} hits, ${s.cacheMisses} misses`,
        `instructions per tier: interpreter ${s.tiers.interpreter}, tier 1 (dispatcher) ${s.tiers.dispatcher}, tier 2 (chained) ${s.tiers.chained}`,
        `translate ${s.translateMs.toFixed(2)} ms, compile and instantiate ${s.instantiateMs.toFixed(2)} ms`,
      ];
    },
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

type RunSettings = { engine: 'interp' | 'jit'; maxSteps: number | undefined; stats: boolean; lang: BookLocale };

async function runProgram(program: PProgram, settings: RunSettings, env: PcodeEnvironment): Promise<number> {
  const { io } = env;
  const output = new ProgramOutput(io, env.lineBuffered);
  const engine = await createEngine(settings.engine, program, output);
  const { machine } = engine;
  const maxSteps = settings.maxSteps ?? Number.MAX_SAFE_INTEGER;

  // Time spent waiting for input does not count as running.
  let waited = 0;
  let waitStarted = 0;
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  const onSignal = (signal: NodeJS.Signals) => {
    output.flush();
    io.err(`\npcode: stopped by ${signal === 'SIGINT' ? 'Ctrl-C' : signal} after ${machine.steps} P-instructions, at source line ${machine.line}\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  const listen = (on: boolean) => {
    if (!env.handleSignals) return;
    for (const s of signals) {
      if (on) process.on(s, onSignal);
      else process.off(s, onSignal);
    }
  };
  readInputOnDemand(machine, env.input, {
    beforeWait: () => {
      // What the program wrote so far (a prompt) shows before the wait: the machine's buffer, then ours.
      machine.flush();
      output.flush();
      // While the program waits for a line, Ctrl-C ends the process at once (the output is out).
      listen(false);
      waitStarted = env.clock();
    },
    afterWait: () => {
      listen(true);
      waited += env.clock() - waitStarted;
    },
  });

  listen(true);
  const started = env.clock();
  let noticed = false;
  let outcome: RunOutcome;
  try {
    for (;;) {
      outcome = await engine.runUntil(Math.min(maxSteps, machine.steps + SLICE_STEPS));
      output.flush();
      if (outcome !== 'budget' || machine.steps >= maxSteps) break;
      if (!noticed && settings.maxSteps === undefined && env.clock() - started - waited >= env.stillRunningAfterMs) {
        noticed = true;
        io.err(
          `pcode: still running after ${Math.round((env.clock() - started - waited) / 1000)} s (${machine.steps} P-instructions so far, now at source line ${machine.line}); Ctrl-C stops it, --max-steps N bounds a run\n`,
        );
      }
      await nextTurn();
    }
  } finally {
    listen(false);
    output.flush();
  }
  if (settings.stats) io.err(engine.report().join('\n') + '\n');
  if (outcome === 'error' && machine.error) {
    io.err(machine.errorReport(settings.lang) + '\n');
    return 2;
  }
  if (outcome !== 'halted') {
    io.err(`stopped after ${machine.steps} P-instructions (--max-steps ${maxSteps}) at P-code address ${machine.pc}, source line ${machine.line}\n`);
    return 3;
  }
  return 0;
}

function readSource(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CommandLineError(`${printable(file)}: cannot read: ${fileProblem(error)}`, 1);
  }
}

function compileFile(file: string, lang: BookLocale, io: CommandOutput): { program: PProgram; source: string } | undefined {
  const source = readSource(file);
  const result = compileProgram(source);
  if (!result.program) {
    for (const d of result.diagnostics) io.err(`${file}:${d.line}:${d.column}: error: ${wordDiagnostic(d, lang)}\n`);
    return undefined;
  }
  return { program: result.program, source };
}

/** The whole CLI: arguments in, exit status out. Throws only what runMain turns into one line. */
export async function pcodeMain(argv: string[], env: PcodeEnvironment): Promise<number> {
  const { io } = env;
  const { options, positionals } = parseCommandLine(pcodeCommandLine, argv);
  const lang: BookLocale = options.lang ?? 'en';
  const [command, [file, ...extra]] = chosenCommand(pcodeCommandLine, positionals, COMMANDS, ' and a file');
  if (file === undefined) throw new CommandLineError(`${command} needs a file`, 64);
  if (extra.length > 0) throw new CommandLineError(`${command} takes one file, but was also given ${quoted(extra[0]!)}`, 64);
  const settings: RunSettings = { engine: options.engine ?? 'interp', maxSteps: options['max-steps'], stats: options.stats, lang };
  if (command === 'run-asm') {
    const result = assemble(readSource(file));
    if (!result.ok) {
      for (const e of result.errors) io.err(`${file}:${e.line}: error: ${wordAssemblyError(e, lang)}\n`);
      return 1;
    }
    return runProgram(result.program, settings, env);
  }
  const compiled = compileFile(file, lang, io);
  if (!compiled) return 1;
  if (command === 'listing') io.out(formatListing(compiled.program, compiled.source));
  else if (command === 'asm') io.out(disassemble(compiled.program));
  else return runProgram(compiled.program, settings, env);
  return 0;
}

if (isEntryPoint(import.meta.url)) {
  runCommandLineTool(pcodeCommandLine, async (argv, io) => {
    try {
      return await pcodeMain(argv, {
        io,
        input: inputFromDescriptor(0),
        lineBuffered: isatty(1),
        handleSignals: true,
        stillRunningAfterMs: 5000,
        clock: () => performance.now(),
      });
    } catch (error) {
      if (error instanceof InputUnreadable) throw new CommandLineError(error.message, 1);
      throw error;
    }
  });
}

