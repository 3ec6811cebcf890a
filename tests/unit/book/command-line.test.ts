/** The CLIs' shared argument parser: types, ranges, --help, and one line for every mistake. */
import { describe, expect, it } from 'vitest';
import { chosenCommand, CommandLineError, HelpRequested, OutputClosed, parseCommandLine, runMain, type CommandLineSpec } from '../../../lib/book/command-line.ts';

const spec = {
  name: 'demo',
  usageExitCode: 64,
  usage: 'usage: demo [options] FILE',
  options: {
    count: { type: 'integer', min: 1, max: 10, short: 'n', help: 'how many' },
    ratio: { type: 'number', min: 0, max: 1, help: 'a fraction' },
    mode: { type: 'choice', choices: ['fast', 'slow'], help: 'speed' },
    tag: { type: 'text', multiple: true, help: 'tags', check: (t) => (/^[a-z]+$/.test(t) ? undefined : 'lower-case letters') },
    verbose: { type: 'flag', help: 'say more' },
  },
} as const satisfies CommandLineSpec;

const mistake = (argv: string[]) => {
  try {
    parseCommandLine(spec, argv);
  } catch (error) {
    if (error instanceof CommandLineError) return error.message;
    throw error;
  }
  return 'no error';
};

describe('parseCommandLine', () => {
  it('gives typed values, flags and positionals', () => {
    expect(parseCommandLine(spec, ['-n', '3', '--ratio=0.5', '--mode', 'slow', '--tag', 'a', '--tag=b', '--verbose', 'f', '--', '--x'])).toEqual({
      options: { count: 3, ratio: 0.5, mode: 'slow', tag: ['a', 'b'], verbose: true },
      positionals: ['f', '--x'],
    });
    expect(parseCommandLine(spec, []).options).toEqual({ tag: [], verbose: false });
  });

  it('says what is wrong in one line', () => {
    expect(mistake(['--count', '0x10'])).toBe('--count takes a whole number from 1 to 10, not "0x10"');
    expect(mistake(['--count', '11'])).toBe('--count takes a whole number from 1 to 10, not "11"');
    expect(mistake(['--count', ''])).toBe('--count takes a whole number from 1 to 10, not ""');
    expect(mistake(['--ratio', 'NaN'])).toBe('--ratio takes a number from 0 to 1, not "NaN"');
    expect(mistake(['--ratio', '1e-1'])).toBe('--ratio takes a number from 0 to 1, not "1e-1"');
    expect(mistake(['--mode', 'warp'])).toBe('--mode takes fast or slow, not "warp"');
    expect(mistake(['--tag', 'A\nB'])).toBe('--tag takes lower-case letters, not "A\\nB"');
    expect(mistake(['--count'])).toBe('--count needs a value');
    expect(mistake(['--count', '--verbose'])).toBe('--count needs a value');
    expect(mistake(['--verbose=1'])).toBe('--verbose takes no value (it is a switch), but was given "1"');
    expect(mistake(['--count', '1', '-n', '2'])).toBe('--count is given twice');
    expect(mistake(['--nope'])).toBe('unknown option "--nope" (--help lists the options)');
    expect(mistake(['-x'])).toBe('unknown option "-x" (--help lists the options)');
    expect(mistake(['--__proto__'])).toBe('unknown option "--__proto__" (--help lists the options)');
  });

  it('--help lists every option with its range', () => {
    let help = '';
    try {
      parseCommandLine(spec, ['--count', '2', '-h']);
    } catch (error) {
      if (error instanceof HelpRequested) help = error.text;
    }
    expect(help).toContain('usage: demo [options] FILE\noptions:\n');
    expect(help).toMatch(/-n, --count N +how many \(1 to 10\)\n/);
    expect(help).toMatch(/--mode fast\|slow +speed\n/);
    expect(help).toMatch(/-h, --help +print this help\n$/);
  });
});

describe('runMain', () => {
  const io = () => {
    const seen = { out: '', err: '' };
    return { seen, io: { out: (t: string) => void (seen.out += t), err: (t: string) => void (seen.err += t) } };
  };

  it('turns a usage mistake into one line and the usage exit status', async () => {
    const { seen, io: out } = io();
    expect(await runMain(spec, (argv) => (parseCommandLine(spec, argv), 0), ['--count', 'x'], out)).toBe(64);
    expect(seen.err).toBe('demo: --count takes a whole number from 1 to 10, not "x"\n');
  });

  it('turns anything thrown into one line (no trace), status 70; a closed output is a quiet 0', async () => {
    const { seen, io: out } = io();
    expect(await runMain(spec, () => { throw new TypeError('boom\n    at somewhere'); }, [], out)).toBe(70);
    expect(seen.err).toBe('demo: internal error: boom\n');
    expect(await runMain(spec, () => { throw new OutputClosed(); }, [], out)).toBe(0);
  });
});

describe('chosenCommand', () => {
  const commands = ['run', 'list'] as const;
  const refusal = (positionals: string[], needed?: string) => {
    try {
      chosenCommand(spec, positionals, commands, needed);
    } catch (e) {
      return e instanceof CommandLineError ? [e.message, e.exitCode] : e;
    }
    return 'no error';
  };

  it('takes the first positional as the command and returns the rest', () => {
    expect(chosenCommand(spec, ['list', 'a', 'b'], commands)).toEqual(['list', ['a', 'b']]);
  });

  it('without a command, or with one the tool does not have, a usage error that lists them', () => {
    expect(refusal([])).toEqual(['give a command (run, list); --help explains', 64]);
    expect(refusal([], ' and a file')).toEqual(['give a command (run, list) and a file; --help explains', 64]);
    expect(refusal(['walk', 'x'])).toEqual(['unknown command "walk" (commands: run, list)', 64]);
  });
});
