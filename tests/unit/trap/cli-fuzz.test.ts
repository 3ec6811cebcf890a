/** `npm run trap` fuzzed: 10,000 argument vectors in this process, a sample as processes. */
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { trapCommandLine, trapMain } from '../../../lib/trap/cli.ts';
import { fuzzAsProcesses, fuzzInProcess, pick, randomArgv } from '../book/cli-fuzz.ts';

const VALUES = {
  '--cost': ['trap=800', 'vmExit=0', 'instruction=1000000', 'trap=1=2', 'trap=1e23', 'trap=1000001', 'warp=5', 'trap=', '=5', 'trap=-1'],
  '--pv-batch': ['1', '8', '64', '3', '0', 'x'],
  '--trap': ['POPF', 'popf', 'SMSW', 'MOV', ''],
  '--no-exit': ['ioExiting', 'hltExiting', 'nope'],
  '--source': ['timer', 'io', 'boot-check', 'nope'],
  '--paravirtual': [],
  '--help': [],
  '--frob': [],
};
const WORKLOADS = ['timer', 'syscalls', 'io', 'boot-check'];

function argvOf(random: () => number): string[] {
  if (random() < 0.5) {
    // Well formed, mostly: one workload and a setting or two (all four workloads take longer).
    const argv = [pick(random, WORKLOADS)];
    for (let n = Math.floor(random() * 3); n > 0; n--) {
      const name = pick(random, ['--cost', '--pv-batch', '--trap', '--no-exit'] as const);
      argv.push(name, pick(random, VALUES[name]));
    }
    return argv;
  }
  const argv = randomArgv(random, VALUES, [...WORKLOADS, 'nope', '--']);
  // No workload compares all four: keep most runs to one.
  if (!argv.some((a) => WORKLOADS.includes(a)) && random() < 0.8) argv.push(pick(random, WORKLOADS));
  return argv;
}

const statuses = [0, 2];

describe('npm run trap, fuzzed', () => {
  it('10,000 random command lines: exit 0 or 2, never a trace, a usage error in one line', { timeout: 600_000 }, async () => {
    await fuzzInProcess({ spec: trapCommandLine, statuses, count: 10_000, seed: 4, argvOf, main: (argv, io) => trapMain(argv, io) });
  });

  it('a sample as processes', { timeout: 600_000 }, () => {
    fuzzAsProcesses({ spec: trapCommandLine, statuses, script: join(import.meta.dirname, '../../../lib/trap/cli.ts'), count: 10, seed: 5, argvOf });
  });
});
