/** `npm run pcode` fuzzed: 10,000 argument vectors and inputs in this process, a sample as processes. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { pcodeCommandLine, pcodeMain } from '../../../lib/pcode/cli.ts';
import { inputFromText } from '../../../lib/pcode/input-on-demand.ts';
import { fuzzAsProcesses, fuzzInProcess, pick, randomArgv, strangeText } from '../book/cli-fuzz.ts';

const dir = mkdtempSync(join(tmpdir(), 'pcode-fuzz-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
// Every program ends by itself (the fuzz must not wait on an endless loop without --max-steps).
const PROGRAMS = [
  file('hello.pas', "program hello(output);\nbegin\n  writeln('hello')\nend.\n"),
  file('sum.pas', 'program sum(input, output);\nvar a, b: integer;\nbegin\n  read(a, b);\n  writeln(a + b)\nend.\n'),
  file('echo.pas', 'program e(input, output);\nvar c: char;\nbegin\n  while not eof do begin read(c); write(c) end\nend.\n'),
  file('bad.pas', 'program bad;\nbegin\n  x := 1\nend.\n'),
  file('div.pas', 'program d(output);\nvar z: integer;\nbegin\n  z := 0;\n  writeln(1 div z)\nend.\n'),
  file('count.pas', 'program c(output);\nvar i: integer;\nbegin\n  for i := 1 to 20000 do if i mod 5000 = 0 then writeln(i)\nend.\n'),
  file('hi.pcode', 'LIT 2\nHLT\n'),
  file('bad.pcode', 'FLY 1\n'),
  file('empty.pas', ''),
  join(dir, 'missing.pas'),
  dir,
];

const VALUES = {
  '--max-steps': ['1', '100', '1000000', '0', '-1', '0x10', '1e3', 'abc', ''],
  '--engine': ['interp', 'jit', 'fast'],
  '--lang': ['en', 'zh-CN', 'fr'],
  '--stats': [],
  '--help': [],
  '-h': [],
  '--frob': [],
};
const COMMANDS = ['run', 'run', 'run', 'listing', 'asm', 'run-asm', 'frobnicate'];

function argvOf(random: () => number): string[] {
  if (random() < 0.6) {
    const argv = [pick(random, COMMANDS), pick(random, PROGRAMS)];
    if (random() < 0.2) argv.push('--max-steps', '3');
    for (let n = Math.floor(random() * 3); n > 0; n--) {
      const name = pick(random, ['--max-steps', '--engine', '--lang', '--stats'] as const);
      if (argv.includes(name)) continue;
      argv.push(name, ...(VALUES[name].length > 0 ? [pick(random, VALUES[name])] : []));
    }
    return argv;
  }
  return randomArgv(random, VALUES, [...COMMANDS, ...PROGRAMS, '--']);
}

const statuses = [0, 1, 2, 3, 64];

describe('npm run pcode, fuzzed', () => {
  it('10,000 random command lines and inputs: exit 0, 1, 2, 3 or 64, never a trace, a usage error in one line', { timeout: 600_000 }, async () => {
    await fuzzInProcess({
      spec: pcodeCommandLine,
      statuses,
      quietStatuses: [],
      count: 10_000,
      seed: 2,
      argvOf,
      main: (argv, io, random) =>
        pcodeMain(argv, {
          io,
          input: inputFromText(random() < 0.5 ? `${Math.floor(random() * 100)} ${Math.floor(random() * 100)}\n` : strangeText(random)),
          lineBuffered: random() < 0.5,
          handleSignals: false,
          stillRunningAfterMs: 60_000,
          clock: () => performance.now(),
        }),
    });
  });

  it('a sample as processes', { timeout: 600_000 }, () => {
    fuzzAsProcesses({ spec: pcodeCommandLine, statuses, script: join(import.meta.dirname, '../../../lib/pcode/cli.ts'), count: 10, seed: 3, argvOf, input: '4 5\n' });
  });
});
