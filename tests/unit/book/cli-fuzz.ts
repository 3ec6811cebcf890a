/**
 * Fuzzing a command-line tool: random argument vectors (and inputs) from a vocabulary of good
 * and bad words, run in this process through the tool's main function, and a small sample run as
 * real processes. Whatever the arguments, a tool ends with one of its exit statuses, never with
 * an internal error (status 70) or a trace, and a usage error is exactly one line on stderr.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain, type CommandLineSpec, type CommandOutput } from '../../../lib/book/command-line.ts';
import { seededRandom } from '../../seeded-random.ts';

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Text no vocabulary would think of: control characters, quotes, unicode, long runs. */
export function strangeText(random: () => number): string {
  const alphabet = ['a', 'Z', '0', '9', '-', '--', '=', ' ', '\n', '\t', '\r', "'", '"', '$', '`', ';', '\\', '/', '\u0000', 'é', '网', '😀', '.', '%', '~'];
  const length = Math.floor(random() * 12);
  let text = '';
  for (let i = 0; i < length; i++) text += pick(random, alphabet);
  return random() < 0.05 ? text.repeat(500) : text;
}

/**
 * An argument vector: mostly words of the vocabulary (an option, perhaps followed by one of its
 * values, or a positional), sometimes strange text.
 */
export function randomArgv(random: () => number, options: Record<string, readonly string[]>, positionals: readonly string[], maxLength = 6): string[] {
  const names = Object.keys(options);
  const argv: string[] = [];
  const length = Math.floor(random() * (maxLength + 1));
  for (let i = 0; i < length; i++) {
    const r = random();
    if (r < 0.55 && names.length > 0) {
      const name = pick(random, names);
      const values = options[name]!;
      if (values.length === 0) argv.push(name);
      else if (random() < 0.15) argv.push(`${name}=${pick(random, values)}`);
      else if (random() < 0.93) argv.push(name, pick(random, values));
      else argv.push(name);
    } else if (r < 0.92) argv.push(pick(random, positionals));
    else argv.push(strangeText(random));
  }
  return argv;
}

export type FuzzRun = { argv: string[]; status: number; stdout: string; stderr: string };

/** Collects a run's output. */
export function captureOutput(): CommandOutput & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    stdout: () => out,
    stderr: () => err,
  };
}

const TRACE = /^\s+at |node:internal|\b(TypeError|RangeError|ReferenceError|SyntaxError)\b|Error: [A-Z]/m;

/** What every run must satisfy; returns the reason it does not, or undefined. */
export function judgeRun(
  spec: Pick<CommandLineSpec, 'name' | 'usageExitCode'>,
  statuses: readonly number[],
  run: FuzzRun,
  quietStatuses: readonly number[] = [],
): string | undefined {
  if (run.status === 70) return `internal error: ${run.stderr}`;
  if (!statuses.includes(run.status)) return `unexpected exit status ${run.status}`;
  if (TRACE.test(run.stderr)) return `a trace on stderr: ${run.stderr.slice(0, 300)}`;
  if (run.status === spec.usageExitCode && !new RegExp(`^${spec.name}: [^\\n]+\\n$`).test(run.stderr)) return `a usage error that is not one line: ${JSON.stringify(run.stderr.slice(0, 300))}`;
  if (run.status !== 0 && run.stderr === '' && !quietStatuses.includes(run.status)) return 'a non-zero exit without a word on stderr';
  return undefined;
}

/** Runs `count` random argument vectors in this process; every failure is reported with its argv. */
export async function fuzzInProcess(options: {
  spec: Pick<CommandLineSpec, 'name' | 'usageExitCode'>;
  statuses: readonly number[];
  /** Statuses that may come without a word on stderr (ifcfg check's findings go to stdout). */
  quietStatuses?: readonly number[];
  count: number;
  seed: number;
  argvOf: (random: () => number) => string[];
  main: (argv: string[], io: CommandOutput, random: () => number) => number | Promise<number>;
}): Promise<void> {
  const random = seededRandom(options.seed);
  const failures: { argv: string[]; problem: string }[] = [];
  const seen = new Map<number, number>();
  for (let i = 0; i < options.count; i++) {
    const argv = options.argvOf(random);
    const io = captureOutput();
    const status = await runMain(options.spec, (a, o) => options.main(a, o, random), argv, io);
    seen.set(status, (seen.get(status) ?? 0) + 1);
    const problem = judgeRun(options.spec, options.statuses, { argv, status, stdout: io.stdout(), stderr: io.stderr() }, options.quietStatuses);
    if (problem) failures.push({ argv, problem });
    if (failures.length >= 5) break;
  }
  expect(failures).toEqual([]);
  // The vocabulary reaches every outcome, not only usage errors: each status is seen in at least 1% of the runs.
  expect(options.statuses.filter((s) => (seen.get(s) ?? 0) < options.count / 100)).toEqual([]);
}

/** A few random argument vectors run as real processes (the process entry, its exit and its stderr). */
export function fuzzAsProcesses(options: {
  spec: Pick<CommandLineSpec, 'name' | 'usageExitCode'>;
  statuses: readonly number[];
  quietStatuses?: readonly number[];
  script: string;
  count: number;
  seed: number;
  argvOf: (random: () => number) => string[];
  input?: string;
  cwd?: string;
}): void {
  const random = seededRandom(options.seed);
  const failures: { argv: string[]; problem: string }[] = [];
  for (let i = 0; i < options.count; i++) {
    const argv = options.argvOf(random).filter((a) => !a.includes('\u0000')); // a process argument cannot hold NUL
    const r = spawnSync(process.execPath, [options.script, ...argv], { encoding: 'utf8', input: options.input ?? '', timeout: 60_000, cwd: options.cwd });
    const problem = r.status === null ? `killed (${r.signal}): it did not finish` : judgeRun(options.spec, options.statuses, { argv, status: r.status, stdout: r.stdout, stderr: r.stderr }, options.quietStatuses);
    if (problem) failures.push({ argv, problem });
  }
  expect(failures).toEqual([]);
}

/**
 * The two fuzz tests of `npm run <command>` (whose entry is lib/<command>/cli.ts): 10,000 argument
 * vectors in this process, and a sample as processes. Each test file gives only its command's data.
 */
export function describeFuzzedCommand(
  command: string,
  options: {
    spec: Pick<CommandLineSpec, 'name' | 'usageExitCode'>;
    main: (argv: string[], io: CommandOutput) => number | Promise<number>;
    argvOf: (random: () => number) => string[];
    statuses: readonly number[];
    quietStatuses?: readonly number[];
    /** How the test's name words the statuses; by default "exit 0 or 2". */
    outcome?: string;
    /** The seeds of the in-process run and of the sample. */
    seeds: readonly [number, number];
    sampleSize: number;
    cwd?: string;
  },
): void {
  const { spec, statuses, quietStatuses, argvOf } = options;
  const outcome = options.outcome ?? `exit ${statuses.slice(0, -1).join(', ')} or ${statuses.at(-1)}`;
  describe(`npm run ${command}, fuzzed`, () => {
    it(`10,000 random command lines: ${outcome}, never a trace, a usage error in one line`, { timeout: 600_000 }, async () => {
      await fuzzInProcess({ spec, statuses, quietStatuses, count: 10_000, seed: options.seeds[0], argvOf, main: (argv, io) => options.main(argv, io) });
    });

    it('a sample as processes', { timeout: 600_000 }, () => {
      const script = join(import.meta.dirname, '../../../lib', command, 'cli.ts');
      fuzzAsProcesses({ spec, statuses, quietStatuses, script, count: options.sampleSize, seed: options.seeds[1], argvOf, cwd: options.cwd });
    });
  });
}
