/**
 * The book's command-line tools share one argument parser and one way out.
 *
 * Every option is declared with its type and range; what the reader typed is checked against it,
 * and anything wrong is one line on stderr naming the option, what it takes and what was given,
 * with the tool's usage exit code. `--help` (and `-h`) prints the usage and the option list,
 * generated from the same declarations, on stdout.
 *
 *   const spec = {
 *     name: 'ifcfg', usageExitCode: 2, usage: 'usage: npm run ifcfg -- <command> …',
 *     options: {
 *       delay: { type: 'number', min: 0, max: 30, value: 'SECONDS', help: 'forward delay' },
 *       stp: { type: 'flag', help: 'turn on the spanning tree protocol' },
 *     },
 *   } satisfies CommandLineSpec;
 *   const { options, positionals } = parseCommandLine(spec, argv);   // throws CommandLineError
 *
 * `runCommandLineTool` runs a tool's main function in the process: output goes out synchronously
 * (so nothing is lost when the tool exits or is stopped), a reader that closes the pipe early
 * (`| head`) ends the tool quietly with status 0, stdout that cannot be written (a full disk) is
 * one line and status 74, and anything else thrown becomes one line on stderr (status 70), never
 * a trace.
 */
import { realpathSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

type OptionBase = {
  /** One line for `--help`. */
  readonly help: string;
  /** A one-letter alias, without the dash ("c" for -c). */
  readonly short?: string;
  /** The placeholder shown in `--help` ("N", "FILE"). */
  readonly value?: string;
};

/** What an option takes. */
export type OptionSpec =
  | (OptionBase & { readonly type: 'flag' })
  | (OptionBase & { readonly type: 'integer'; readonly min: number; readonly max: number })
  | (OptionBase & { readonly type: 'number'; readonly min: number; readonly max: number })
  | (OptionBase & { readonly type: 'choice'; readonly choices: readonly string[] })
  | (OptionBase & {
      readonly type: 'text';
      /** What a bad value lacks, for the message (e.g. "a key=cycles pair"); undefined: any text. */
      readonly check?: (value: string) => string | undefined;
      /** The option may be given more than once; its value is then the list of all. */
      readonly multiple?: boolean;
    });

export type CommandLineSpec = {
  /** The tool's name, at the start of every message ("pcode: …"). */
  readonly name: string;
  /** The usage lines printed by --help and after a usage error. */
  readonly usage: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** The exit status of a usage error (64, EX_USAGE, unless the tool has always used another). */
  readonly usageExitCode: number;
};

type ValueOf<O extends OptionSpec> = O extends { type: 'flag' }
  ? boolean
  : O extends { type: 'integer' | 'number' }
    ? number
    : O extends { type: 'choice'; choices: readonly (infer C extends string)[] }
      ? C
      : O extends { type: 'text'; multiple: true }
        ? string[]
        : string;

/** The parsed options: flags are booleans (false when absent); the rest are undefined when absent. */
export type ParsedOptions<S extends CommandLineSpec> = {
  [K in keyof S['options']]: S['options'][K] extends { type: 'flag' }
    ? boolean
    : S['options'][K] extends { type: 'text'; multiple: true }
      ? string[]
      : ValueOf<S['options'][K]> | undefined;
};

/** A mistake in the arguments: the message is one line, without the tool's name. */
export class CommandLineError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** The reader asked for --help: the text to print on stdout, exit 0. */
export class HelpRequested extends Error {
  readonly text: string;
  constructor(text: string) {
    super('help');
    this.text = text;
  }
}

const DECIMAL_INTEGER = /^[+-]?\d+$/;
const DECIMAL_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** `"abc"`, with control characters made visible so a message stays one line. */
export function quoted(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

/** A name or path as typed, in quotes only when it would break the line (control characters) or run long. */
export function printable(text: string): string {
  return text === '' || /[\u0000-\u001f\u007f]/.test(text) || text.length > 200 ? quoted(text) : text;
}

function describeRange(option: OptionSpec & { min: number; max: number }, kind: string): string {
  return `${kind} from ${option.min} to ${option.max}`;
}

function convert(flag: string, option: OptionSpec, raw: string): string | number {
  switch (option.type) {
    case 'integer': {
      const n = Number(raw);
      if (!DECIMAL_INTEGER.test(raw) || !Number.isSafeInteger(n) || n < option.min || n > option.max) {
        throw new Error(`${flag} takes a ${describeRange(option, 'whole number')}, not ${quoted(raw)}`);
      }
      return n;
    }
    case 'number': {
      const n = Number(raw);
      if (!DECIMAL_NUMBER.test(raw) || !Number.isFinite(n) || n < option.min || n > option.max) {
        throw new Error(`${flag} takes a ${describeRange(option, 'number')}, not ${quoted(raw)}`);
      }
      return n;
    }
    case 'choice':
      if (!option.choices.includes(raw)) throw new Error(`${flag} takes ${listOfChoices(option.choices)}, not ${quoted(raw)}`);
      return raw;
    case 'text': {
      const lacks = option.check?.(raw);
      if (lacks !== undefined) throw new Error(`${flag} takes ${lacks}, not ${quoted(raw)}`);
      return raw;
    }
    case 'flag':
      throw new Error(`${flag} takes no value`);
  }
}

/** "a, b or c". */
export function listOfChoices(choices: readonly string[]): string {
  return choices.length <= 1 ? (choices[0] ?? '') : `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`;
}

/** The text of --help: the usage, then one line per option. */
export function helpText(spec: CommandLineSpec): string {
  const rows: [string, string][] = Object.entries(spec.options).map(([name, option]) => {
    const placeholder =
      option.type === 'flag' ? '' : ` ${option.value ?? (option.type === 'choice' ? option.choices.join('|') : option.type === 'text' ? 'TEXT' : 'N')}`;
    const range =
      (option.type === 'integer' || option.type === 'number') && option.max < 1e15
        ? ` (${option.min} to ${option.max})`
        : option.type === 'choice' && option.value
          ? ` (${listOfChoices(option.choices)})`
          : '';
    return [`${option.short ? `-${option.short}, ` : '    '}--${name}${placeholder}`, `${option.help}${range}`];
  });
  rows.push(['-h, --help', 'print this help']);
  const width = Math.min(34, Math.max(...rows.map(([left]) => left.length)) + 2);
  const lines = rows.map(([left, right]) => (left.length + 2 > width ? `  ${left}\n  ${' '.repeat(width)}${right}` : `  ${left.padEnd(width)}${right}`));
  return `${spec.usage.trimEnd()}\noptions:\n${lines.join('\n')}\n`;
}

/**
 * The first positional as one of a tool's commands, and the positionals after it. No command, or
 * one the tool does not have, is a usage error that lists them (`needed` says what else the first
 * message asks for, such as " and a file").
 */
export function chosenCommand<C extends string>(
  spec: Pick<CommandLineSpec, 'usageExitCode'>,
  positionals: readonly string[],
  commands: readonly C[],
  needed = '',
): [command: C, rest: string[]] {
  const [command, ...rest] = positionals;
  if (command === undefined) throw new CommandLineError(`give a command (${commands.join(', ')})${needed}; --help explains`, spec.usageExitCode);
  if (!(commands as readonly string[]).includes(command)) throw new CommandLineError(`unknown command ${quoted(command)} (commands: ${commands.join(', ')})`, spec.usageExitCode);
  return [command as C, rest];
}

/**
 * Parses `argv` against the spec: `--name value`, `--name=value`, `-x value`, flags, and `--`
 * before positionals that start with a dash. Throws HelpRequested for --help / -h and
 * CommandLineError for anything the spec does not allow.
 */
export function parseCommandLine<S extends CommandLineSpec>(spec: S, argv: readonly string[]): { options: ParsedOptions<S>; positionals: string[] } {
  const options: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(spec.options)) {
    if (option.type === 'flag') options[name] = false;
    else if (option.type === 'text' && option.multiple) options[name] = [];
  }
  const given = new Set<string>();
  const positionals: string[] = [];
  const byShort = new Map(Object.entries(spec.options).flatMap(([name, o]) => (o.short ? [[o.short, name] as const] : [])));
  const fail = (message: string): never => {
    throw new CommandLineError(message, spec.usageExitCode);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') throw new HelpRequested(helpText(spec));
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
      if (!Object.hasOwn(spec.options, name)) fail(`unknown option ${quoted(eq < 0 ? arg : arg.slice(0, eq))} (--help lists the options)`);
    } else if (/^-[A-Za-z]$/.test(arg)) {
      name = byShort.get(arg.slice(1));
      if (name === undefined) fail(`unknown option ${quoted(arg)} (--help lists the options)`);
    } else if (arg.startsWith('-') && arg.length > 1 && !DECIMAL_NUMBER.test(arg)) {
      fail(`unknown option ${quoted(arg)} (--help lists the options)`);
    } else {
      positionals.push(arg);
      continue;
    }
    const option = spec.options[name!]!;
    const flag = `--${name}`;
    const multiple = option.type === 'text' && option.multiple === true;
    if (given.has(name!) && !multiple) fail(`${flag} is given twice`);
    given.add(name!);
    if (option.type === 'flag') {
      if (inline !== undefined) fail(`${flag} takes no value (it is a switch), but was given ${quoted(inline)}`);
      options[name!] = true;
      continue;
    }
    let raw = inline;
    if (raw === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) fail(`${flag} needs a value${option.value ? ` (${option.value})` : ''}`);
      raw = next!;
      i++;
    }
    let value: string | number;
    try {
      value = convert(flag, option, raw);
    } catch (error) {
      return fail((error as Error).message);
    }
    if (multiple) (options[name!] as string[]).push(value as string);
    else options[name!] = value;
  }
  return { options: options as ParsedOptions<S>, positionals };
}

/** Where a tool writes: stdout and stderr (the process's, or a test's). */
export interface CommandOutput {
  out(text: string): void;
  err(text: string): void;
  /** Bytes to stdout as they are (a .zip), where the output can take them. */
  outBytes?(bytes: Uint8Array): void;
}

/** stdout closed by its reader (`| head`): the tool stops quietly. */
export class OutputClosed extends Error {
  constructor() {
    super('the reader closed the output');
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** The exit status when stdout cannot be written (a full disk, /dev/full): EX_IOERR. */
export const OUTPUT_FAILED = 74;

/** Writes all of `text` to a file descriptor, synchronously; waits out a full non-blocking pipe. */
export function writeAll(fd: number, text: string | Uint8Array): void {
  let bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  while (bytes.length > 0) {
    try {
      const written = writeSync(fd, bytes);
      bytes = bytes.subarray(written);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 5);
      // A closed pipe is EPIPE; a closed socket pair (a parent process's stdio) can be ECONNRESET.
      else if ((code === 'EPIPE' || code === 'ECONNRESET') && fd === 1) throw new OutputClosed();
      else if (fd === 1) throw new CommandLineError(`cannot write the output: ${fileProblem(error)}`, OUTPUT_FAILED);
      else return; // stderr itself cannot be written: nothing more can be said

    }
  }
}

/** The process's own stdout and stderr, written synchronously. */
export const processOutput: CommandOutput = {
  out: (text) => writeAll(1, text),
  err: (text) => writeAll(2, text),
  outBytes: (bytes) => writeAll(1, bytes),
};

/** A caught error as one line (no trace). */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').find((l) => l.trim() !== '')?.trim() ?? 'unknown error';
}

/** What a failed file operation means, in words ("no such file or directory"). */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EISDIR: 'it is a directory',
    ENOTDIR: 'a part of the path is not a directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EEXIST: 'it already exists and is not a directory',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    ELOOP: 'too many symbolic links',
    ENAMETOOLONG: 'the name is too long',
    EINVAL: 'invalid argument',
  };
  return (code && words[code]) ?? oneLine(error);
}

/**
 * Handles what parseCommandLine throws and anything else a main function throws, as the
 * tool's one line on stderr and its exit status.
 */
export function exitStatusOf(spec: Pick<CommandLineSpec, 'name' | 'usageExitCode'>, error: unknown, io: CommandOutput): number {
  if (error instanceof HelpRequested) {
    try {
      io.out(error.text);
      return 0;
    } catch (failure) {
      return exitStatusOf(spec, failure, io);
    }
  }
  if (error instanceof OutputClosed) return 0;
  if (error instanceof CommandLineError) {
    safely(() => io.err(`${spec.name}: ${error.message}\n`));
    return error.exitCode;
  }
  safely(() => io.err(`${spec.name}: internal error: ${oneLine(error)}\n`));
  return 70;
}

function safely(write: () => void): void {
  try {
    write();
  } catch {
    // stderr itself is gone: nothing more can be said.
  }
}

/** Runs a main function and catches what it throws: always a status, never an exception. */
export async function runMain(
  spec: Pick<CommandLineSpec, 'name' | 'usageExitCode'>,
  main: (argv: string[], io: CommandOutput) => number | Promise<number>,
  argv: string[],
  io: CommandOutput,
): Promise<number> {
  try {
    return await main(argv, io);
  } catch (error) {
    return exitStatusOf(spec, error, io);
  }
}

/** Whether this module is the one Node was started with (`node lib/x/cli.ts`). */
export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return moduleUrl === pathToFileURL(script).href || moduleUrl === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

/** The process entry of a tool: runs main with the process's arguments and output, sets the exit status. */
export function runCommandLineTool(
  spec: Pick<CommandLineSpec, 'name' | 'usageExitCode'>,
  main: (argv: string[], io: CommandOutput) => number | Promise<number>,
): void {
  // A stray asynchronous error (a stream's 'error' event) is still one line, not a trace.
  process.on('uncaughtException', (error) => {
    process.exitCode = exitStatusOf(spec, error, processOutput);
    process.exit();
  });
  void runMain(spec, main, process.argv.slice(2), processOutput).then((status) => {
    process.exitCode = status;
  });
}
