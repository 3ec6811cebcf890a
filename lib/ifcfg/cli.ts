// npm run ifcfg -- <command> …   (the same engine the bridge editor runs)
//
//   check FILE...        one line per finding: FILE:LINE: error|warning: [rule] message
//                        exit status 1 if any error was found, else 0 (2 if a file cannot be read)
//   commands FILE...     the iproute2 commands that bring the bridge up (what ifup does)
//   brctl FILE...        the CentOS/RHEL 7 brctl sequence
//   nmcli FILE...        nmcli commands for the same bridge
//   keyfile FILE...      NetworkManager keyfiles for the same bridge
//   generate --bridge br0 --port eth0 --ip 192.168.1.10/24|dhcp [--gateway IP] [--dns IP,IP]
//            [--stp] [--delay S] [--hwaddr MAC] [--nm-controlled yes|no] [--dir DIR] [--force]
//                        writes ifcfg-<bridge> and ifcfg-<port> into DIR (default: the current
//                        directory); refuses to overwrite an existing file unless --force; prints
//                        the path of each file it wrote
//   explain KEY          what a key means, its values, default, file and which tool reads it
//
//   --lang zh-CN         (any command) findings, key help and choice errors in Chinese

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
import { isBookLocale, wordMessage, type BookLocale } from '../book/localized-text.ts';
import { choiceErrorWordings } from './choiceErrorWordings.ts';

const USAGE = `usage: npm run ifcfg -- <command> [args]
  check FILE...      report mistakes (exit 1 if any error)
  commands FILE...   iproute2 commands that bring the bridge up
  brctl FILE...      the EL7 brctl sequence
  nmcli FILE...      nmcli commands
  keyfile FILE...    NetworkManager keyfiles
  generate --bridge br0 --port eth0 --ip 192.168.1.10/24|dhcp [--gateway IP] [--dns IP,IP]
           [--stp] [--delay S] [--hwaddr MAC] [--nm-controlled yes|no] [--dir DIR] [--force]
  explain KEY        what an ifcfg key means
  --lang zh-CN       findings, key help and choice errors in Chinese (default: en)`;

function readInputs(paths: string[]): { path: string; text: string }[] | null {
  const inputs: { path: string; text: string }[] = [];
  for (const path of paths) {
    try {
      inputs.push({ path, text: readFileSync(path, 'utf8') });
    } catch (error) {
      process.stderr.write(`${path}: error: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
      return null;
    }
  }
  return inputs;
}

function setupsOf(paths: string[]): BridgeSetup[] | null {
  const inputs = readInputs(paths);
  if (!inputs) return null;
  const model = buildBridgeModel(inputs.map((i) => parseIfcfgFile(i.path, i.text)));
  if (model.bridges.length === 0) {
    process.stderr.write('error: no bridge found (no file has TYPE=Bridge and no file has BRIDGE=)\n');
    return null;
  }
  return model.bridges;
}

function parseOptions(args: string[]): { options: Map<string, string>; flags: Set<string>; error?: string } {
  const options = new Map<string, string>();
  const flags = new Set<string>();
  const boolean = new Set(['--stp', '--force']);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (boolean.has(arg)) { flags.add(arg); continue; }
    if (!arg.startsWith('--')) return { options, flags, error: `unexpected argument "${arg}"` };
    const eq = arg.indexOf('=');
    if (eq > 0) { options.set(arg.slice(0, eq), arg.slice(eq + 1)); continue; }
    const value = args[i + 1];
    if (value === undefined) return { options, flags, error: `${arg} needs a value` };
    options.set(arg, value);
    i++;
  }
  return { options, flags };
}

function generate(args: string[], locale: BookLocale): number {
  const { options, flags, error } = parseOptions(args);
  if (error) { process.stderr.write(`error: ${error}\n${USAGE}\n`); return 2; }
  const known = new Set(['--bridge', '--port', '--ip', '--gateway', '--dns', '--delay', '--hwaddr', '--nm-controlled', '--dir']);
  for (const key of options.keys()) if (!known.has(key)) { process.stderr.write(`error: unknown option ${key}\n`); return 2; }
  const ip = options.get('--ip');
  if (!ip) { process.stderr.write('error: --ip is required (an address with prefix, e.g. 192.168.1.10/24, or dhcp)\n'); return 2; }
  const choices: BridgeChoices = {
    bridge: options.get('--bridge') ?? 'br0',
    port: options.get('--port') ?? 'eth0',
    address: ip,
    stp: flags.has('--stp'),
  };
  const gateway = options.get('--gateway');
  if (gateway) choices.gateway = gateway;
  const dns = options.get('--dns');
  if (dns) choices.dns = dns.split(',').map((d) => d.trim()).filter(Boolean);
  const delay = options.get('--delay');
  if (delay !== undefined) choices.delay = Number(delay);
  const hwaddr = options.get('--hwaddr');
  if (hwaddr) choices.hwaddr = hwaddr;
  const nm = options.get('--nm-controlled');
  if (nm !== undefined) choices.nmControlled = nm !== 'no';
  const problems = validateBridgeChoices(choices);
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`error: --${p.field}: ${wordMessage(choiceErrorWordings, p.said, locale)}\n`);
    return 2;
  }
  const dir = options.get('--dir') ?? process.cwd();
  const files = generateBridgePair(choices);
  if (!flags.has('--force')) {
    const existing = files.map((f) => join(dir, f.name)).filter((p) => existsSync(p));
    if (existing.length > 0) {
      process.stderr.write(`error: ${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing written (use --force to overwrite)\n`);
      return 1;
    }
  }
  mkdirSync(dir, { recursive: true });
  for (const f of files) {
    const path = join(dir, f.name);
    writeFileSync(path, f.text);
    process.stdout.write(`wrote ${path}\n`);
  }
  return 0;
}

/** Takes `--lang L` / `--lang=L` out of the arguments; null when L is not a locale of the book. */
function takeLocale(argv: string[]): { locale: BookLocale; args: string[] } | null {
  const args: string[] = [];
  let locale: string = 'en';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lang') locale = argv[++i] ?? '';
    else if (arg.startsWith('--lang=')) locale = arg.slice('--lang='.length);
    else args.push(arg);
  }
  return isBookLocale(locale) ? { locale, args } : null;
}

export function runIfcfgCli(argv: string[]): number {
  const taken = takeLocale(argv);
  if (!taken) { process.stderr.write(`error: --lang takes en or zh-CN\n${USAGE}\n`); return 2; }
  const { locale } = taken;
  const [command, ...rest] = taken.args;
  switch (command) {
    case 'check': {
      if (rest.length === 0) { process.stderr.write(`error: check needs at least one file\n${USAGE}\n`); return 2; }
      const inputs = readInputs(rest);
      if (!inputs) return 2;
      const findings = checkIfcfgFiles(inputs);
      for (const f of findings) process.stdout.write(formatFindingIn(f, locale) + '\n');
      return hasErrors(findings) ? 1 : 0;
    }
    case 'commands':
    case 'brctl':
    case 'nmcli':
    case 'keyfile': {
      if (rest.length === 0) { process.stderr.write(`error: ${command} needs at least one file\n`); return 2; }
      const setups = setupsOf(rest);
      if (!setups) return 1;
      for (const setup of setups) {
        if (command === 'keyfile') {
          for (const k of toKeyfiles(setup)) {
            process.stdout.write(`# /etc/NetworkManager/system-connections/${k.name}  (chmod 600)\n${k.text}\n`);
          }
          continue;
        }
        const lines = command === 'commands' ? toIproute2Commands(setup) : command === 'brctl' ? toBrctlCommands(setup) : toNmcliCommands(setup);
        process.stdout.write(lines.join('\n') + '\n');
      }
      return 0;
    }
    case 'generate':
      return generate(rest, locale);
    case 'explain': {
      const key = rest[0];
      const info = key ? describeIfcfgKey(key) : undefined;
      if (!info) { process.stderr.write(`error: unknown key ${key ?? '(none given)'}\n`); return 1; }
      const words = wordIfcfgKey(info, locale);
      if (locale === 'zh-CN') {
        const place = { bridge: '网桥（ifcfg-br0）', port: '端口文件', both: '网桥和端口' }[info.place];
        const tool = { both: 'initscripts 和 NetworkManager', initscripts: '仅 initscripts', NetworkManager: '仅 NetworkManager' }[info.honouredBy];
        process.stdout.write(`${info.key}：${words.meaning}\n  取值：  ${words.values}\n  默认值：${words.defaultValue}\n  文件：  ${place}\n  读取者：${tool}\n${info.nmProperty ? `  nmcli： ${info.nmProperty}\n` : ''}`);
        return 0;
      }
      process.stdout.write(`${info.key}: ${words.meaning}\n  values:  ${words.values}\n  default: ${words.defaultValue}\n  file:    ${info.place === 'both' ? 'bridge and port' : info.place}\n  read by: ${info.honouredBy === 'both' ? 'initscripts and NetworkManager' : info.honouredBy}\n${info.nmProperty ? `  nmcli:   ${info.nmProperty}\n` : ''}`);
      return 0;
    }
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE + '\n');
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`error: unknown command "${command}"\n${USAGE}\n`);
      return 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('lib/ifcfg/cli.ts')) {
  process.exitCode = runIfcfgCli(process.argv.slice(2));
}
