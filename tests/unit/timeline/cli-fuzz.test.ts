/** `npm run timeline` fuzzed: 10,000 argument vectors in this process, a sample as processes. */
import { timelineCommandLine, timelineMain } from '../../../lib/timeline/cli.ts';
import { describeFuzzedCommand, randomArgv } from '../book/cli-fuzz.ts';

const VALUES = { '--json': [], '--check': [], '--help': [], '--frob': [], '--json=1': [] };
const WORDS = ['system-vm', 'process-vm', 'containers', 'hardware', 'cloud', 'mainframes', '--', '-'];
const argvOf = (random: () => number) => randomArgv(random, VALUES, WORDS, 4);

describeFuzzedCommand('timeline', { spec: timelineCommandLine, main: timelineMain, argvOf, statuses: [0, 2], seeds: [1, 2], sampleSize: 8 });
