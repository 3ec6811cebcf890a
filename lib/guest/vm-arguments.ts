/**
 * The arguments of `npm run vm` (lib/guest/cli.ts): what to do, or what is wrong with them.
 */
export type VmOptions = { exec?: string; cold: boolean; timeoutSeconds: number; help: boolean };

export type VmArguments = { ok: true; options: VmOptions } | { ok: false; problem: string };

export const VM_USAGE = 'usage: npm run vm [-- --exec "COMMAND"] [--cold] [--timeout SECONDS]';

const DEFAULT_TIMEOUT_SECONDS = 120;

/** A number of seconds > 0 (decimals allowed), or a sentence saying what is wrong with `text`. */
function timeoutSeconds(text: string | undefined): number | string {
  if (text === undefined || text === '') return '--timeout needs a number of seconds';
  const seconds = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
  if (!(seconds > 0) || !Number.isFinite(seconds)) {
    return `--timeout needs a number of seconds greater than 0, not "${text}"`;
  }
  // setTimeout holds at most 2^31-1 ms (about 24.8 days).
  if (seconds * 1000 > 2 ** 31 - 1) return `--timeout can be at most 2147483 seconds, not "${text}"`;
  return seconds;
}

export function parseVmArguments(argv: readonly string[]): VmArguments {
  const options: VmOptions = { cold: false, timeoutSeconds: DEFAULT_TIMEOUT_SECONDS, help: false };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--exec' || arg === '-c') {
      const command = argv[++index];
      if (command === undefined) return { ok: false, problem: `${arg} needs a command` };
      options.exec = command;
    } else if (arg.startsWith('--exec=')) options.exec = arg.slice('--exec='.length);
    else if (arg === '--cold') options.cold = true;
    else if (arg === '--timeout' || arg.startsWith('--timeout=')) {
      const value = arg === '--timeout' ? argv[++index] : arg.slice('--timeout='.length);
      const seconds = timeoutSeconds(value);
      if (typeof seconds === 'string') return { ok: false, problem: seconds };
      options.timeoutSeconds = seconds;
    } else if (arg === '--help' || arg === '-h') options.help = true;
    else return { ok: false, problem: `unknown option ${arg} (try --help)` };
  }
  return { ok: true, options };
}
