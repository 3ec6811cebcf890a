// npm run libvirt -- <command> …   (the same engine the libvirt editor runs)
//
//   domain --name vm1 --bridge br0 --memory 2048 --vcpus 2 --disk /var/lib/libvirt/images/vm1.qcow2
//          [--format qcow2|raw] [--mac MAC] [--model virtio|e1000e|e1000|rtl8139]
//          [--graphics none|vnc|spice] [--machine q35|pc] [--cpu host-passthrough|host-model]
//                       prints the domain XML (for virsh define)
//   virt-install …       the same options: prints the virt-install command that creates that guest
//   check FILE [IFCFG…]  one line per finding: FILE:LINE:COLUMN: error|warning: [code] message (path);
//                        with ifcfg files, an <interface type='bridge'> must name a bridge they make;
//                        a disk image that exists here is recognised by its first bytes
//
//   --lang zh-CN         findings and choice errors in Chinese
//   --help               the usage and every option
//
// Exit status: 0 fine, 1 errors found (check), 2 usage error, bad choices or unreadable file.

import { closeSync, constants, openSync, readFileSync, readSync, statSync } from 'node:fs';
import {
  checkDomainXml, CPU_MODES, DEFAULT_DOMAIN_CHOICES, DISK_FORMATS, DISPLAYS, formatDomainFinding, generateDomainXml, hasDomainErrors,
  imageFormatOfHeader, MACHINES, MEMORY_MIB_RANGE, NIC_MODELS, validateDomainChoices, VCPU_RANGE, virtInstallCommand, wordDomainChoiceProblem,
  type DomainChoices, type DomainChoiceField,
} from './index.ts';
import { buildBridgeModel, parseIfcfgFile } from '../ifcfg/index.ts';
import { bookLocales, type BookLocale } from '../book/localized-text.ts';
import {
  CommandLineError, chosenCommand, fileProblem, isEntryPoint, parseCommandLine, printable, processOutput, quoted, runCommandLineTool, runMain,
  type CommandLineSpec, type CommandOutput,
} from '../book/command-line.ts';

const COMMANDS = ['domain', 'virt-install', 'check'] as const;
const CHOICE_OPTIONS = ['name', 'bridge', 'memory', 'vcpus', 'disk', 'format', 'mac', 'model', 'graphics', 'machine', 'cpu'] as const;

export const libvirtCommandLine = {
  name: 'libvirt',
  usageExitCode: 2,
  usage: `usage: npm run libvirt -- <command> [args]
  domain --name NAME --bridge BR --memory MIB --vcpus N --disk PATH [--format qcow2|raw] [--mac MAC]
         [--model virtio|e1000e|e1000|rtl8139] [--graphics none|vnc|spice] [--machine q35|pc]
         [--cpu host-passthrough|host-model]      print the domain XML (for virsh define)
  virt-install (the same options)                 print the virt-install command for that guest
  check FILE [IFCFG...]                           report mistakes in a domain XML (exit 1 if any error)
exit status: 0 fine, 1 errors found (check), 2 usage error, bad choices or unreadable file`,
  options: {
    lang: { type: 'choice', choices: bookLocales, help: 'findings and choice errors in Chinese with zh-CN (default: en)' },
    name: { type: 'text', value: 'NAME', help: `domain: the guest's name (default ${DEFAULT_DOMAIN_CHOICES.name})` },
    bridge: { type: 'text', value: 'BR', help: `domain: the host bridge the guest's NIC joins (default ${DEFAULT_DOMAIN_CHOICES.bridge})` },
    memory: { type: 'integer', min: MEMORY_MIB_RANGE.min, max: MEMORY_MIB_RANGE.max, value: 'MIB', help: `domain: memory in MiB (default ${DEFAULT_DOMAIN_CHOICES.memoryMiB})` },
    vcpus: { type: 'integer', min: VCPU_RANGE.min, max: VCPU_RANGE.max, value: 'N', help: `domain: virtual CPUs (default ${DEFAULT_DOMAIN_CHOICES.vcpus})` },
    disk: { type: 'text', value: 'PATH', help: `domain: the disk image, an absolute path (default ${DEFAULT_DOMAIN_CHOICES.diskPath})` },
    format: { type: 'choice', choices: DISK_FORMATS, help: 'domain: the image format (default: qcow2, or raw for a .raw/.img path)' },
    mac: { type: 'text', value: 'MAC', help: 'domain: the NIC\'s MAC address (default: libvirt generates one)' },
    model: { type: 'choice', choices: NIC_MODELS, help: 'domain: the NIC model (default virtio)' },
    graphics: { type: 'choice', choices: DISPLAYS, help: 'domain: a graphical console, or none for the serial console only (default none)' },
    machine: { type: 'choice', choices: MACHINES, help: 'domain: the machine type (default q35)' },
    cpu: { type: 'choice', choices: CPU_MODES, help: 'domain: the CPU mode (default host-passthrough)' },
  },
} as const satisfies CommandLineSpec;

type LibvirtOptions = ReturnType<typeof parseCommandLine<typeof libvirtCommandLine>>['options'];

/** A domain XML is a few kilobytes; the parser's own limit is 1 MiB. */
const MAX_FILE_BYTES = 1 << 20;

function usageError(message: string): never {
  throw new CommandLineError(message, 2);
}

const OPTION_OF_FIELD: Record<DomainChoiceField, string> = {
  name: 'name', memoryMiB: 'memory', vcpus: 'vcpus', diskPath: 'disk', diskFormat: 'format', bridge: 'bridge', mac: 'mac',
  nicModel: 'model', display: 'graphics', machine: 'machine', cpuMode: 'cpu',
};

function choicesOf(options: LibvirtOptions, locale: BookLocale): DomainChoices {
  const diskPath = options.disk ?? DEFAULT_DOMAIN_CHOICES.diskPath;
  const choices: DomainChoices = {
    name: options.name ?? DEFAULT_DOMAIN_CHOICES.name,
    memoryMiB: options.memory ?? DEFAULT_DOMAIN_CHOICES.memoryMiB,
    vcpus: options.vcpus ?? DEFAULT_DOMAIN_CHOICES.vcpus,
    diskPath,
    diskFormat: options.format ?? (/\.(raw|img)$/i.test(diskPath) ? 'raw' : 'qcow2'),
    bridge: options.bridge ?? DEFAULT_DOMAIN_CHOICES.bridge,
    mac: options.mac ?? '',
    nicModel: options.model ?? DEFAULT_DOMAIN_CHOICES.nicModel,
    display: options.graphics ?? DEFAULT_DOMAIN_CHOICES.display,
    machine: options.machine ?? DEFAULT_DOMAIN_CHOICES.machine,
    cpuMode: options.cpu ?? DEFAULT_DOMAIN_CHOICES.cpuMode,
  };
  const problems = validateDomainChoices(choices);
  if (problems.length > 0) usageError(problems.map((p) => `--${OPTION_OF_FIELD[p.field]}: ${wordDomainChoiceProblem(p, locale)}`).join('; '));
  return choices;
}

function readText(path: string, what: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return usageError(`${printable(path)}: cannot read the ${what}: ${fileProblem(error)}`);
  }
  if (bytes.length > MAX_FILE_BYTES) usageError(`${printable(path)}: ${bytes.length} bytes is too large for a ${what} (the limit is ${MAX_FILE_BYTES})`);
  return bytes.toString('utf8');
}

/** The first bytes of a disk image named in the domain, when it exists here and can be read. */
function imageFormatsOf(xml: string): Record<string, 'qcow2' | 'raw'> {
  const formats: Record<string, 'qcow2' | 'raw'> = {};
  for (const match of xml.matchAll(/<source\s+file\s*=\s*(["'])(\/[^"'<&]*)\1/g)) {
    const path = match[2]!;
    let fd: number | undefined;
    try {
      // Only a regular file: opening a FIFO waits for a writer for ever, and a device is not an image.
      if (!statSync(path).isFile()) continue;
      fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
      const header = new Uint8Array(4);
      if (readSync(fd, header, 0, 4, 0) === 4) formats[path] = imageFormatOfHeader(header);
    } catch {
      // not on this machine (the usual case: the domain is for another host); judged by its name
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
  return formats;
}

function check(paths: string[], locale: BookLocale, io: CommandOutput): number {
  const [file, ...ifcfgPaths] = paths;
  const twice = paths.find((path, i) => paths.indexOf(path) !== i);
  if (twice !== undefined) usageError(`${printable(twice)} is given twice`);
  const xml = readText(file!, 'domain XML');
  const ifcfgFiles = ifcfgPaths.map((path) => parseIfcfgFile(path, readText(path, 'ifcfg file')));
  const hostBridges = ifcfgPaths.length > 0 ? buildBridgeModel(ifcfgFiles).bridges.filter((b) => b.file !== undefined).map((b) => b.name) : undefined;
  const findings = checkDomainXml(xml, { imageFormats: imageFormatsOf(xml), ...(hostBridges ? { hostBridges } : {}) });
  for (const f of findings) io.out(`${formatDomainFinding(file!, f, locale)}\n`);
  if (findings.length === 0) io.out(locale === 'zh-CN' ? `${file}：没有发现问题\n` : `${file}: no findings\n`);
  return hasDomainErrors(findings) ? 1 : 0;
}

/** The whole CLI: arguments in, exit status out (argument mistakes are thrown as CommandLineError). */
export function libvirtMain(argv: string[], io: CommandOutput): number {
  const { options, positionals } = parseCommandLine(libvirtCommandLine, argv);
  const locale: BookLocale = options.lang ?? 'en';
  const [command, rest] = chosenCommand(libvirtCommandLine, positionals, COMMANDS);
  if (command === 'check') {
    const stray = CHOICE_OPTIONS.find((name) => options[name] !== undefined);
    if (stray) usageError(`--${stray} only applies to domain and virt-install`);
    if (rest.length === 0) usageError('check needs a domain XML file (and optionally the ifcfg files of the host)');
    return check(rest, locale, io);
  }
  if (rest.length > 0) usageError(`${command} takes options only, not ${quoted(rest[0]!)}`);
  const choices = choicesOf(options, locale);
  if (command === 'domain') io.out(generateDomainXml(choices));
  else io.out(`${virtInstallCommand(choices).join(' \\\n  ')}\n`);
  return 0;
}

/** Runs the CLI with the given output: always a status, never an exception. */
export function runLibvirtCli(argv: string[], io: CommandOutput = processOutput): Promise<number> {
  return runMain(libvirtCommandLine, libvirtMain, argv, io);
}

if (isEntryPoint(import.meta.url)) runCommandLineTool(libvirtCommandLine, libvirtMain);
