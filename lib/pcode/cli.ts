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
 * Exit codes: 0 success, 1 compile error (prog.pas:LINE:COL: error: …), 2 runtime error
 * (message and post-mortem on stderr), 3 step limit reached, 64 usage error.
 */
import { readFileSync } from 'node:fs';
import { compileProgram, wordDiagnostic } from '../pascal/index.ts';
import { isBookLocale, wordMessage } from '../book/localized-text.ts';
import type { BookLocale } from '../book/localized-text.ts';
import { PMachine, assemble, assemblyErrorWordings, disassemble, formatListing } from './index.ts';
import type { PProgram } from './index.ts';

/** The edition error messages are worded for (--lang). */
let lang: BookLocale = 'en';

const USAGE = `usage: npm run pcode -- <command> <file> [options]
commands:
  run <prog.pas>        compile and run; input from stdin, output to stdout
  listing <prog.pas>    print the P-code with the source lines interleaved
  asm <prog.pas>        print the P-code as assembler text
  run-asm <prog.pcode>  assemble and run assembler text
options:
  --max-steps N         stop after N P-instructions (exit 3)
  --stats               print the instruction count to stderr after the run
                        (with --engine jit: also blocks translated, cache hits and misses,
                        and instructions run per tier)
  --engine interp|jit   run on the interpreter (default) or on the JIT, which translates hot
                        blocks to WebAssembly
  --lang en|zh-CN       the language of error messages (default en)
`;

function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}

function compileFile(file: string): PProgram | undefined {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`${file}: cannot read: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
    return undefined;
  }
  const result = compileProgram(source);
  if (!result.program) {
    for (const d of result.diagnostics) process.stderr.write(`${file}:${d.line}:${d.column}: error: ${wordDiagnostic(d, lang)}\n`);
    process.exitCode = 1;
    return undefined;
  }
  return result.program;
}

/**
 * The program's output on its way to stdout: gathered into 64 KiB writes, nothing kept once
 * written. `drained()` waits while stdout is behind, so a slow reader holds the program back
 * instead of the output piling up in memory.
 */
function stdoutSink() {
  const chunks: string[] = [];
  let size = 0;
  let behind = false;
  const flush = () => {
    if (chunks.length === 0) return;
    if (!process.stdout.write(chunks.join(''))) behind = true;
    chunks.length = 0;
    size = 0;
  };
  return {
    write(text: string): void {
      chunks.push(text);
      size += text.length;
      if (size > 1 << 16) flush();
    },
    flush,
    async drained(): Promise<void> {
      if (!behind) return;
      behind = false;
      // 'close' too: a reader that went away (EPIPE) must not leave the run waiting for ever.
      await new Promise<void>((resolve) => {
        const done = () => {
          process.stdout.off('drain', done);
          process.stdout.off('close', done);
          resolve();
        };
        process.stdout.on('drain', done);
        process.stdout.on('close', done);
      });
    },
  };
}

/** Instructions between two checks that stdout keeps up. */
const SLICE = 1_000_000;

async function runProgram(program: PProgram, maxSteps: number, stats: boolean): Promise<number> {
  const sink = stdoutSink();
  const machine = new PMachine(program, { input: readStdin(), keepOutput: 0, onOutput: sink.write });
  let outcome = machine.run(Math.min(maxSteps, SLICE));
  while (outcome === 'budget' && machine.steps < maxSteps) {
    await sink.drained();
    outcome = machine.run(Math.min(maxSteps - machine.steps, SLICE));
  }
  const flush = sink.flush;
  flush();
  if (stats) process.stderr.write(`${machine.steps} P-instructions\n`);
  if (outcome === 'error' && machine.error) {
    process.stderr.write(machine.errorReport(lang) + '\n');
    return 2;
  }
  if (outcome !== 'halted') {
    process.stderr.write(`stopped after ${machine.steps} P-instructions (--max-steps ${maxSteps}) at P-code address ${machine.pc}, source line ${machine.line}\n`);
    return 3;
  }
  return 0;
}

async function runProgramOnJit(program: PProgram, maxSteps: number, stats: boolean): Promise<number> {
  // Loaded only for --engine jit, so the interpreter's CLI never depends on the JIT's state.
  const { JitMachine } = await import('../jit/index.ts');
  const sink = stdoutSink();
  const jit = new JitMachine(program, { input: readStdin(), keepOutput: 0, onOutput: sink.write });
  let outcome;
  do {
    await sink.drained();
    outcome = await jit.runToEnd({ maxSteps: Math.min(maxSteps, jit.machine.steps + SLICE), sliceBudget: 20_000 });
  } while (outcome === 'budget' && jit.machine.steps < maxSteps);
  sink.flush();
  const machine = jit.machine;
  if (stats) {
    const s = jit.stats();
    process.stderr.write(
      [
        `${machine.steps} P-instructions`,
        `blocks: ${s.blocks}, translations: ${s.translations} (${s.liveTranslations} live, ${s.codeBytes} bytes of WebAssembly)`,
        `cache: ${s.cacheHits} hits, ${s.cacheMisses} misses`,
        `instructions per tier: interpreter ${s.tiers.interpreter}, tier 1 (dispatcher) ${s.tiers.dispatcher}, tier 2 (chained) ${s.tiers.chained}`,
        `translate ${s.translateMs.toFixed(2)} ms, compile and instantiate ${s.instantiateMs.toFixed(2)} ms`,
      ].join('\n') + '\n',
    );
  }
  if (outcome === 'error' && machine.error) {
    process.stderr.write(machine.errorReport(lang) + '\n');
    return 2;
  }
  if (outcome !== 'halted') {
    process.stderr.write(`stopped after ${machine.steps} P-instructions (--max-steps ${maxSteps}) at P-code address ${machine.pc}, source line ${machine.line}\n`);
    return 3;
  }
  return 0;
}

function main(argv: string[]): number | Promise<number> {
  const args = [...argv];
  let maxSteps = Number.MAX_SAFE_INTEGER;
  let stats = false;
  let engine: 'interp' | 'jit' = 'interp';
  const positional: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--max-steps') {
      const n = Number(args[++k]);
      if (!Number.isInteger(n) || n <= 0) {
        process.stderr.write('--max-steps needs a positive whole number\n');
        return 64;
      }
      maxSteps = n;
    } else if (a.startsWith('--max-steps=')) {
      const n = Number(a.slice('--max-steps='.length));
      if (!Number.isInteger(n) || n <= 0) {
        process.stderr.write('--max-steps needs a positive whole number\n');
        return 64;
      }
      maxSteps = n;
    } else if (a === '--stats') stats = true;
    else if (a === '--engine' || a.startsWith('--engine=')) {
      const name = a === '--engine' ? args[++k] : a.slice('--engine='.length);
      if (name !== 'interp' && name !== 'jit') {
        process.stderr.write('--engine takes interp or jit\n');
        return 64;
      }
      engine = name;
    } else if (a === '--lang' || a.startsWith('--lang=')) {
      const name = a === '--lang' ? args[++k] : a.slice('--lang='.length);
      if (!isBookLocale(name)) {
        process.stderr.write('--lang takes en or zh-CN\n');
        return 64;
      }
      lang = name;
    }
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      return 0;
    } else positional.push(a);
  }
  const [command, file] = positional;
  if (!command || !file || positional.length > 2) {
    process.stderr.write(USAGE);
    return 64;
  }
  switch (command) {
    case 'run': {
      const program = compileFile(file);
      if (!program) return 1;
      return engine === 'jit' ? runProgramOnJit(program, maxSteps, stats) : runProgram(program, maxSteps, stats);
    }
    case 'listing': {
      const program = compileFile(file);
      if (!program) return 1;
      process.stdout.write(formatListing(program, readFileSync(file, 'utf8')));
      return 0;
    }
    case 'asm': {
      const program = compileFile(file);
      if (!program) return 1;
      process.stdout.write(disassemble(program));
      return 0;
    }
    case 'run-asm': {
      const result = assemble(readFileSync(file, 'utf8'));
      if (!result.ok) {
        for (const e of result.errors) process.stderr.write(`${file}:${e.line}: error: ${wordMessage(assemblyErrorWordings, e, lang)}\n`);
        return 1;
      }
      return engine === 'jit'
        ? runProgramOnJit(result.program, maxSteps, stats)
        : runProgram(result.program, maxSteps, stats);
    }
    default:
      process.stderr.write(`unknown command ${command}\n${USAGE}`);
      return 64;
  }
}

const exit = main(process.argv.slice(2));
if (typeof exit === 'number') process.exitCode = exit;
else void exit.then((code) => (process.exitCode = code));
