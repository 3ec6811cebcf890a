/** `npm run exercises` fuzzed: 10,000 argument vectors in this process, a sample as processes. */
import { exercisesCommandLine, exercisesMain } from '../../../lib/exercises/cli.ts';
import { describeFuzzedCommand, pick, randomArgv } from '../book/cli-fuzz.ts';

const VALUES = {
  '--list': [],
  '--chapter': ['1', '2', '6', '0', '7', 'two', '2.5', '0x2', ''],
  '--exercise': ['pcode-output', 'ifcfg-prefix', 'trap-count', 'timeline-year', 'nope', ''],
  '--seed': ['1', '7', '2147483647', '0', '-3', '0x10', '1e3', '2147483648', 'abc'],
  '-s': ['3', 'x'],
  '--seeds': ['1-3', '5-1', '1-10001', 'a-b', '3', '2-2'],
  '--version': ['1', '2', '0', 'abc', '1000'],
  '--answers': [],
  '-c': [],
  '--markdown': [],
  '--csv': [],
  '--lang': ['en', 'zh-CN', 'fr'],
  '--help': [],
  '--frob': [],
};

function argvOf(random: () => number): string[] {
  if (random() < 0.5) {
    // Well formed, mostly: one way to choose, a seed or a small range, perhaps a format.
    const argv = random() < 0.5 ? ['--exercise', pick(random, VALUES['--exercise'])] : ['--chapter', pick(random, ['1', '2', '4', '5', '6', '7'])];
    argv.push(...(random() < 0.7 ? ['--seed', pick(random, ['1', '7', '99', '0x10'])] : ['--seeds', pick(random, ['1-3', '5-1', '2-2'])]));
    if (random() < 0.3) argv.push(pick(random, ['--answers', '--csv', '--markdown', '-c']));
    if (random() < 0.3) argv.push('--lang', pick(random, ['en', 'zh-CN']));
    return argv;
  }
  return randomArgv(random, VALUES, ['extra', '--', '-']);
}

describeFuzzedCommand('exercises', { spec: exercisesCommandLine, main: exercisesMain, argvOf, statuses: [0, 64], seeds: [14, 15], sampleSize: 10 });
