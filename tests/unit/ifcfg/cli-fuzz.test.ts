/** `npm run ifcfg` fuzzed: 10,000 argument vectors and files in this process, a sample as processes. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ifcfgCommandLine, ifcfgMain } from '../../../lib/ifcfg/cli.ts';
import { describeFuzzedCommand, pick, randomArgv, strangeText } from '../book/cli-fuzz.ts';
import { seededRandom } from '../../seeded-random.ts';

const dir = mkdtempSync(join(tmpdir(), 'ifcfg-fuzz-'));
const out = join(dir, 'out');
mkdirSync(out);
writeFileSync(join(dir, 'a-file'), 'x');
const TEMPLATES = [
  'DEVICE=br0\nTYPE=Bridge\nBOOTPROTO=none\nIPADDR=192.168.1.10\nPREFIX=24\nGATEWAY=192.168.1.1\nSTP=yes\nDELAY=2\nONBOOT=yes\n',
  'DEVICE=eth0\nTYPE=Ethernet\nBRIDGE=br0\nONBOOT=yes\nHWADDR=52:54:00:12:34:56\n',
  "DEVICE='eth0; touch /tmp/x'\nBRIDGE=br0\n",
  'DEVICE=br1\nTYPE=Bridge\neval touch /tmp/x\n$(touch /tmp/y)\nNAME=My Bridge\n',
  'DEVICE=br0\r\nTYPE=bridge\r\nBOOTPROTO=DHCP\r\nDNS1=1.1.1.1$(x)\n',
];

/** A file: a template, cut and spliced with strange text. */
function writeRandomFile(random: () => number, index: number): string {
  let text = pick(random, TEMPLATES);
  for (let n = Math.floor(random() * 3); n > 0; n--) {
    const at = Math.floor(random() * (text.length + 1));
    text = text.slice(0, at) + strangeText(random) + text.slice(at + Math.floor(random() * 4));
  }
  const path = join(dir, `ifcfg-f${index}`);
  writeFileSync(path, text);
  return path;
}
const fileRandom = seededRandom(5);
const FILES = Array.from({ length: 300 }, (_, i) => writeRandomFile(fileRandom, i));

const VALUES = {
  '--ip': ['192.168.1.10/24', 'dhcp', '10.0.0.1/33', '1.2.3.4', 'abc', ''],
  '--bridge': ['br0', 'br1', 'eth0', 'a;b', 'x'.repeat(20), ''],
  '--port': ['eth0', 'br0', 'en p1', ''],
  '--gateway': ['192.168.1.1', '10.0.0.1', 'gw', ''],
  '--dns': ['1.1.1.1', '1.1.1.1,8.8.8.8', ',', '1,2,3,4', 'x'],
  '--stp': [],
  '--delay': ['2', '30', '0', '31', 'abc', '-5', '2.5', '1e1'],
  '--hwaddr': ['52:54:00:12:34:56', 'zz', ''],
  '--nm-controlled': ['yes', 'no', 'maybe'],
  '--dir': [out, '/proc/nope', join(dir, 'a-file'), join(out, 'deeper'), ''],
  '--force': [],
  '--lang': ['en', 'zh-CN', 'fr'],
  '--help': [],
  '--frob': ['x'],
};
const WORDS = ['check', 'commands', 'brctl', 'nmcli', 'keyfile', 'generate', 'explain', 'help', 'STP', 'BRIDGE', 'nope', '--', '-x', join(dir, 'missing'), dir];

const GENERATE_OPTIONS = Object.keys(VALUES).filter((k) => !['--help', '--frob', '--lang', '--dir'].includes(k)) as (keyof typeof VALUES)[];

/** Half well-formed command lines (a command with files, or generate with options), half anything. */
function argvOf(random: () => number): string[] {
  const files = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, FILES));
  let argv: string[];
  if (random() < 0.5) {
    const command = pick(random, ['check', 'check', 'commands', 'brctl', 'nmcli', 'keyfile', 'generate', 'generate', 'explain']);
    if (command === 'generate') {
      argv = [command, '--ip', pick(random, VALUES['--ip'])];
      for (let n = Math.floor(random() * 4); n > 0; n--) {
        const name = pick(random, GENERATE_OPTIONS);
        if (argv.includes(name)) continue;
        const values = VALUES[name] as readonly string[];
        argv.push(name, ...(values.length > 0 ? [pick(random, values)] : []));
      }
      argv.push('--dir', pick(random, VALUES['--dir']));
    } else if (command === 'explain') argv = [command, pick(random, ['STP', 'BRIDGE', 'DELAY', 'nope'])];
    else argv = [command, ...files];
    if (random() < 0.3) argv.push('--lang', pick(random, VALUES['--lang']));
  } else {
    argv = randomArgv(random, VALUES, [...WORDS, ...files]);
    if (random() < 0.6) argv.unshift(pick(random, ['check', 'commands', 'brctl', 'nmcli', 'keyfile', 'generate', 'explain']));
  }
  // generate without --dir would write into the working directory: always give it one.
  if (argv.includes('generate') && !argv.some((a) => a.startsWith('--dir'))) argv.push('--dir', out);
  return argv;
}

describeFuzzedCommand('ifcfg', { spec: ifcfgCommandLine, main: ifcfgMain, argvOf, statuses: [0, 1, 2], quietStatuses: [1], seeds: [6, 7], sampleSize: 12, cwd: dir,
  outcome: 'an exit status of 0, 1 or 2' });
