/** `npm run timeline` fuzzed: 10,000 argument vectors in this process, a sample as processes. */
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { timelineCommandLine, timelineMain } from '../../../lib/timeline/cli.ts';
import { fuzzAsProcesses, fuzzInProcess, randomArgv } from '../book/cli-fuzz.ts';

const VALUES = { '--json': [], '--check': [], '--help': [], '--frob': [], '--json=1': [] };
const WORDS = ['system-vm', 'process-vm', 'containers', 'hardware', 'cloud', 'mainframes', '--', '-'];
const argvOf = (random: () => number) => randomArgv(random, VALUES, WORDS, 4);
const statuses = [0, 2];

describe('npm run timeline, fuzzed', () => {
  it('10,000 random command lines: exit 0 or 2, never a trace, a usage error in one line', { timeout: 600_000 }, async () => {
    await fuzzInProcess({ spec: timelineCommandLine, statuses, count: 10_000, seed: 1, argvOf, main: (argv, io) => timelineMain(argv, io) });
  });

  it('a sample as processes', { timeout: 600_000 }, () => {
    fuzzAsProcesses({ spec: timelineCommandLine, statuses, script: join(import.meta.dirname, '../../../lib/timeline/cli.ts'), count: 8, seed: 2, argvOf });
  });
});
