/** `npm run trap` fuzzed: 10,000 argument vectors in this process, a sample as processes. */
import { trapCommandLine, trapMain } from '../../../lib/trap/cli.ts';
import { describeFuzzedCommand, pick, randomArgv } from '../book/cli-fuzz.ts';

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

describeFuzzedCommand('trap', { spec: trapCommandLine, main: trapMain, argvOf, statuses: [0, 2], seeds: [4, 5], sampleSize: 10 });
