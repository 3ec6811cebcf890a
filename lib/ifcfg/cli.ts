// npm run ifcfg -- <command> …   (the same engine the bridge editor runs)
//
//   check FILE...        one line per finding: FILE:LINE: error|warning: [rule] message
//                        exit status 1 if any error was found, else 0 (2 if a file cannot be read)
//   commands FILE...     the iproute2 commands that bring the bridge up (what ifup does)
//   brctl FILE...        the CentOS/RHEL 7 brctl sequence
//   nmcli FILE...        nmcli commands for the same bridge
//   keyfile FILE...      NetworkManager keyfiles for the same bridge
//   generate --bridge br0 --port eth0 --ip 192.168.1.10/24|dhcp [--gateway IP] [--dns IP,IP]
//            [--stp [--delay S]] [--hwaddr MAC] [--nm-controlled yes|no] [--dir DIR] [--force]
//                        writes ifcfg-<bridge> and ifcfg-<port> into DIR (default: the current
//                        directory); refuses to overwrite an existing file unless --force; prints
//                        the path of each file it wrote
//   explain KEY          what a key means, its values, default, file and which tool reads it
//
//   --lang zh-CN         (any command) findings, key help and choice errors in Chinese
//   --help               the usage and every option
//
// Exit status: 0 fine, 1 errors found (check) or nothing written, 2 usage error or unreadable file.
// Every mistake is one line on stderr (lib/book/command-line.ts), never a trace.

import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  buildBridgeModel,
  checkIfcfgFiles,
  describeIfcfgKey,
  formatFindingIn,
  generateBridgePair,
  hasErrors,
  parseIfcfgFile,
  toBrctlCommands,
  toIproute2Commands,
  toKeyfiles,
  toNmcliCommands,
  validateBridgeChoices,
  wordIfcfgKey,
  type BridgeChoices,
  type BridgeSetup,
} from './index.ts';
import { bookLocales, wordMessage, type BookLocale } from '../book/localized-text.ts';
import {
  CommandLineError, chosenCommand, fileProblem, isEntryPoint, parseCommandLine, printable, quoted, runCommandLineTool,
  type CommandLineSpec, type CommandOutput,
} from '../book/command-line.ts';
import { choiceErrorWordings } from './choice-error-wordings.ts';

const COMMANDS = ['check', 'commands', 'brctl', 'nmcli', 'keyfile', 'generate', 'explain', 'help'] as const;
const GENERATE_ONLY = ['bridge', 'port', 'ip', 'gateway', 'dns', 'stp', 'delay', 'hwaddr', 'nm-controlled', 'dir', 'force'] as const;

export const ifcfgCommandLine = {
  name: 'ifcfg',
  usageExitCode: 2,
  usage: `usage: npm run ifcfg -- <command> [args]
  check FILE...      report mistakes (exit 1 if any error)
  commands FILE...   iproute2 commands that bring the bridge up
  brctl FILE...      the EL7 brctl sequence
  nmcli FILE...      nmcli commands
  keyfile FILE...    NetworkManager keyfiles
  generate --ip 192.168.1.10/24|dhcp [--bridge br0] [--port eth0] [--gateway IP] [--dns IP,IP]
           [--stp [--delay S]] [--hwaddr MAC] [--nm-controlled yes|no] [--dir DIR] [--force]
  explain KEY        what an ifcfg key means
exit status: 0 fine, 1 errors found (check) or nothing written, 2 usage error or unreadable file`,
  options: {
    lang: { type: 'choice', choices: bookLocales, help: 'findings, key help and choice errors in Chinese with zh-CN (default: en)' },
    bridge: { type: 'text', value: 'NAME', help: 'generate: the bridge interface (default br0)' },
    port: { type: 'text', value: 'NAME', help: 'generate: the NIC that becomes its port (default eth0)' },
    ip: { type: 'text', value: 'ADDR/PREFIX|dhcp', help: 'generate: the host address on the bridge, or dhcp (required)' },
    gateway: { type: 'text', value: 'IP', help: 'generate: the default gateway' },
    dns: { type: 'text', value: 'IP,IP', help: 'generate: up to three name servers' },
    stp: { type: 'flag', help: 'generate: turn on the spanning tree protocol' },
    delay: { type: 'integer', min: 2, max: 30, value: 'SECONDS', help: 'generate, with --stp: the forward delay in whole seconds' },
    hwaddr: { type: 'text', value: 'MAC', help: "generate: bind the port file to the NIC's MAC address" },
    'nm-controlled': { type: 'choice', choices: ['yes', 'no'], help: 'generate: NM_CONTROLLED for both files (default yes)' },
    dir: { type: 'text', value: 'DIR', help: 'generate: where to write the files (default: the current directory)' },
    force: { type: 'flag', help: 'generate: overwrite existing files' },
  },
} as const satisfies CommandLineSpec;

type IfcfgOptions = ReturnType<typeof parseCommandLine<typeof ifcfgCommandLine>>['options'];

const MAX_FILE_CHARACTERS = 1 << 18;

function usageError(message: string): never {
  throw new CommandLineError(message, 2);
}

function readInputs(paths: string[]): { path: string; text: string }[] {
  const twice = paths.find((path, i) => paths.indexOf(path) !== i);
  if (twice !== undefined) usageError(`${printable(twice)} is given twice`);
  return paths.map((path) => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      return usageError(`${printable(path)}: cannot read the file: ${fileProblem(error)}`);
    }
    // An ifcfg file is a few hundred bytes; the checker's cross-line rules are not meant for megabytes.
    if (text.length > MAX_FILE_CHARACTERS) usageError(`${printable(path)}: ${text.length} characters is too large for an ifcfg file (the limit is ${MAX_FILE_CHARACTERS})`);
    return { path, text };
  });
}

/** Creates `dir` and its missing parents one by one (a recursive mkdir can loop for ever under /proc). */
function makeDirectory(dir: string): void {
  const missing: string[] = [];
  for (let at = resolve(dir); ; at = dirname(at)) {
    let stats;
    try {
      stats = statSync(at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new CommandLineError(`--dir ${printable(dir)}: ${fileProblem(error)}`, 1);
      missing.unshift(at);
      if (dirname(at) === at) break;
      continue;
    }
    if (!stats.isDirectory()) throw new CommandLineError(`--dir ${printable(dir)}: ${printable(at)} is not a directory; nothing written`, 1);
    break;
  }
  for (const at of missing) {
    try {
      mkdirSync(at);
    } catch (error) {
      throw new CommandLineError(`--dir ${printable(dir)}: cannot create ${printable(at)}: ${fileProblem(error)}; nothing written`, 1);
    }
  }
}

function generate(options: IfcfgOptions, locale: BookLocale, io: CommandOutput): number {
  const ip = options.ip;
  if (!ip) usageError('generate needs --ip (an address with prefix, e.g. 192.168.1.10/24, or dhcp)');
  if (options.delay !== undefined && !options.stp) usageError('--delay only applies with --stp (without STP the bridge forwards at once); add --stp or leave --delay out');
  const choices: BridgeChoices = {
    bridge: options.bridge ?? 'br0',
    port: options.port ?? 'eth0',
    address: ip!,
    stp: options.stp,
  };
  if (options.gateway !== undefined) choices.gateway = options.gateway;
  if (options.dns !== undefined) {
    choices.dns = options.dns.split(',').map((d) => d.trim()).filter(Boolean);
    if (choices.dns.length === 0) usageError(`--dns takes one to three addresses separated by commas, not ${quoted(options.dns)}`);
    if (choices.dns.length > 3) usageError(`--dns takes at most three addresses (initscripts reads DNS1 to DNS3), not ${choices.dns.length}`);
  }
  if (options.delay !== undefined) choices.delay = options.delay;
  if (options.hwaddr !== undefined) choices.hwaddr = options.hwaddr;
  if (options['nm-controlled'] !== undefined) choices.nmControlled = options['nm-controlled'] === 'yes';
  const problems = validateBridgeChoices(choices);
  if (problems.length > 0) {
    usageError(problems.map((p) => `--${p.field === 'address' ? 'ip' : p.field}: ${wordMessage(choiceErrorWordings, p, locale)}`).join('; '));
  }
  const dir = options.dir ?? process.cwd();
  if (dir === '') usageError('--dir needs a directory');
  const files = generateBridgePair(choices, locale);
  if (!options.force) {
    const existing = files.map((f) => join(dir, f.name)).filter((p) => existsSync(p));
    if (existing.length > 0) {
      throw new CommandLineError(`${existing.map(printable).join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing written (use --force to overwrite)`, 1);
    }
  }
  makeDirectory(dir);
  for (const f of files) {
    const path = join(dir, f.name);
    try {
      writeFileSync(path, f.text);
    } catch (error) {
      throw new CommandLineError(`cannot write ${printable(path)}: ${fileProblem(error)}`, 1);
    }
    io.out(`wrote ${path}\n`);
  }
  return 0;
}

function translate(command: 'commands' | 'brctl' | 'nmcli' | 'keyfile', paths: string[], locale: BookLocale, io: CommandOutput): number {
  const inputs = readInputs(paths);
  // A name the checker refuses (DEVICE='eth0; touch /tmp/x') gets no commands at all.
  const refused = checkIfcfgFiles(inputs).filter((f) => f.severity === 'error' && f.rule === 'device-name');
  if (refused.length > 0) {
    const nothing = command === 'keyfile' ? 'no keyfiles printed' : 'no commands printed';
    for (const f of refused) io.err(`${formatFindingIn(f, locale)} [${nothing}]\n`);
    return 1;
  }
  const model = buildBridgeModel(inputs.map((i) => parseIfcfgFile(i.path, i.text)));
  const setups: BridgeSetup[] = model.bridges;
  if (setups.length === 0) {
    io.err('error: no bridge found (no file has TYPE=Bridge and no file has BRIDGE=)\n');
    return 1;
  }
  for (const setup of setups) {
    if (command === 'keyfile') {
      for (const k of toKeyfiles(setup)) {
        io.out(`# /etc/NetworkManager/system-connections/${k.name.replace(/[\u0000-\u001f\u007f]/g, '?')}  (chmod 600)\n${k.text}\n`);
      }
      continue;
    }
    const lines = command === 'commands' ? toIproute2Commands(setup) : command === 'brctl' ? toBrctlCommands(setup) : toNmcliCommands(setup);
    io.out(lines.join('\n') + '\n');
  }
  return 0;
}

function explain(key: string, locale: BookLocale, io: CommandOutput): number {
  const info = describeIfcfgKey(key);
  if (!info) {
    io.err(`error: unknown key ${quoted(key)} (explain takes an ifcfg key such as STP or BRIDGE)\n`);
    return 1;
  }
  const words = wordIfcfgKey(info, locale);
  if (locale === 'zh-CN') {
    const place = { bridge: '网桥（ifcfg-br0）', port: '端口文件', both: '网桥和端口' }[info.place];
    const tool = { both: 'initscripts 和 NetworkManager', initscripts: '仅 initscripts', NetworkManager: '仅 NetworkManager' }[info.honouredBy];
    io.out(`${info.key}：${words.meaning}\n  取值：  ${words.values}\n  默认值：${words.defaultValue}\n  文件：  ${place}\n  读取者：${tool}\n${info.nmProperty ? `  nmcli： ${info.nmProperty}\n` : ''}`);
    return 0;
  }
  io.out(`${info.key}: ${words.meaning}\n  values:  ${words.values}\n  default: ${words.defaultValue}\n  file:    ${info.place === 'both' ? 'bridge and port' : info.place}\n  read by: ${info.honouredBy === 'both' ? 'initscripts and NetworkManager' : info.honouredBy}\n${info.nmProperty ? `  nmcli:   ${info.nmProperty}\n` : ''}`);
  return 0;
}

/** The whole CLI: arguments in, exit status out (argument mistakes are thrown as CommandLineError). */
export function ifcfgMain(argv: string[], io: CommandOutput): number {
  const { options, positionals } = parseCommandLine(ifcfgCommandLine, argv);
  const locale: BookLocale = options.lang ?? 'en';
  const [command, rest] = chosenCommand(ifcfgCommandLine, positionals, COMMANDS);
  if (command !== 'generate') {
    const stray = GENERATE_ONLY.find((name) => (name === 'stp' || name === 'force' ? options[name] : options[name] !== undefined));
    if (stray) usageError(`--${stray} only applies to generate`);
  }
  switch (command) {
    case 'help':
      io.out(`${ifcfgCommandLine.usage}\n`);
      return 0;
    case 'check': {
      if (rest.length === 0) usageError('check needs at least one file');
      const findings = checkIfcfgFiles(readInputs(rest));
      for (const f of findings) io.out(formatFindingIn(f, locale) + '\n');
      return hasErrors(findings) ? 1 : 0;
    }
    case 'commands':
    case 'brctl':
    case 'nmcli':
    case 'keyfile':
      if (rest.length === 0) usageError(`${command} needs at least one file`);
      return translate(command, rest, locale, io);
    case 'generate':
      if (rest.length > 0) usageError(`generate takes options only, not ${quoted(rest[0]!)}`);
      return generate(options, locale, io);
    default: {
      if (rest.length !== 1) usageError(rest.length === 0 ? 'explain needs a key, e.g. explain STP' : 'explain takes one key');
      return explain(rest[0]!, locale, io);
    }
  }
}

if (isEntryPoint(import.meta.url)) runCommandLineTool(ifcfgCommandLine, ifcfgMain);
