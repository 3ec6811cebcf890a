/**
 * A libvirt domain for a KVM guest on a Linux bridge, from a few choices: the shape `virt-install
 * --import --print-xml` writes for the same options (libvirt fills in the rest when it defines the
 * domain: the UUID, a MAC when none is given, the emulator, controllers and PCI addresses), and the
 * `virt-install` command that would create it.
 *
 * Element by element it follows libvirt's "Domain XML format" (formatdomain): memory in KiB without a
 * unit as virt-install writes it, `<interface type='bridge'>` with `<source bridge=…>`, a disk of
 * `type='file'` whose `<driver type=…>` names the image format, a serial console on a pty.
 */

import { shellQuote } from '../ifcfg/index.ts';

export const DISK_FORMATS = ['qcow2', 'raw'] as const;
export type DiskFormat = (typeof DISK_FORMATS)[number];
/** virtio is paravirtual; the rest are emulated cards QEMU offers on x86. */
export const NIC_MODELS = ['virtio', 'e1000e', 'e1000', 'rtl8139'] as const;
export type NicModel = (typeof NIC_MODELS)[number];
/** `none`: headless, the serial console only; vnc and spice add a graphical console. */
export const DISPLAYS = ['none', 'vnc', 'spice'] as const;
export type Display = (typeof DISPLAYS)[number];
export const MACHINES = ['q35', 'pc'] as const;
export type Machine = (typeof MACHINES)[number];
export const CPU_MODES = ['host-passthrough', 'host-model'] as const;
export type CpuMode = (typeof CPU_MODES)[number];

export interface DomainChoices {
  name: string;
  /** MiB, as `virt-install --memory` takes it. */
  memoryMiB: number;
  vcpus: number;
  diskPath: string;
  diskFormat: DiskFormat;
  bridge: string;
  /** Empty or absent: libvirt generates one (52:54:00:… for QEMU). */
  mac?: string;
  nicModel: NicModel;
  display: Display;
  machine: Machine;
  cpuMode: CpuMode;
}

export const DEFAULT_DOMAIN_CHOICES: DomainChoices = {
  name: 'vm1',
  memoryMiB: 2048,
  vcpus: 2,
  diskPath: '/var/lib/libvirt/images/vm1.qcow2',
  diskFormat: 'qcow2',
  bridge: 'br0',
  mac: '',
  nicModel: 'virtio',
  display: 'none',
  machine: 'q35',
  cpuMode: 'host-passthrough',
};

export const MEMORY_MIB_RANGE = { min: 64, max: 4_194_304 } as const;
export const VCPU_RANGE = { min: 1, max: 512 } as const;

export type DomainChoiceField = keyof DomainChoices;

export type DomainChoiceProblem =
  | { readonly field: 'name'; readonly code: 'badDomainName'; readonly params: { value: string } }
  | { readonly field: 'memoryMiB'; readonly code: 'memoryOutOfRange'; readonly params: { value: string; min: number; max: number } }
  | { readonly field: 'vcpus'; readonly code: 'vcpusOutOfRange'; readonly params: { value: string; min: number; max: number } }
  | { readonly field: 'diskPath'; readonly code: 'diskPathNotAbsolute'; readonly params: { value: string } }
  | { readonly field: 'bridge'; readonly code: 'badBridgeName'; readonly params: { value: string } }
  | { readonly field: 'mac'; readonly code: 'badMac'; readonly params: { value: string } }
  | { readonly field: 'mac'; readonly code: 'multicastMac'; readonly params: { value: string } }
  | { readonly field: 'diskFormat' | 'nicModel' | 'display' | 'machine' | 'cpuMode'; readonly code: 'notAChoice'; readonly params: { value: string; allowed: string } };

/** A name virsh and virt-install take without quoting surprises: letters, digits, `_ . + -`, not starting with `-`. */
const DOMAIN_NAME = /^[A-Za-z0-9_.+][A-Za-z0-9_.+-]{0,63}$/;
/** A Linux interface name (at most 15 characters, IFNAMSIZ − 1), without `/`, `:` or spaces. */
const BRIDGE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,14}$/;
const MAC = /^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function oneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}

/** What is wrong with the choices, field by field (empty when they make a domain). */
export function validateDomainChoices(choices: DomainChoices): DomainChoiceProblem[] {
  const problems: DomainChoiceProblem[] = [];
  if (!DOMAIN_NAME.test(choices.name)) problems.push({ field: 'name', code: 'badDomainName', params: { value: choices.name } });
  if (!Number.isInteger(choices.memoryMiB) || choices.memoryMiB < MEMORY_MIB_RANGE.min || choices.memoryMiB > MEMORY_MIB_RANGE.max) {
    problems.push({ field: 'memoryMiB', code: 'memoryOutOfRange', params: { value: String(choices.memoryMiB), ...MEMORY_MIB_RANGE } });
  }
  if (!Number.isInteger(choices.vcpus) || choices.vcpus < VCPU_RANGE.min || choices.vcpus > VCPU_RANGE.max) {
    problems.push({ field: 'vcpus', code: 'vcpusOutOfRange', params: { value: String(choices.vcpus), ...VCPU_RANGE } });
  }
  const path = choices.diskPath;
  if (!path.startsWith('/') || path.length < 2 || path.endsWith('/') || CONTROL.test(path) || path.length > 4096) {
    problems.push({ field: 'diskPath', code: 'diskPathNotAbsolute', params: { value: path } });
  }
  if (!BRIDGE_NAME.test(choices.bridge)) problems.push({ field: 'bridge', code: 'badBridgeName', params: { value: choices.bridge } });
  const mac = choices.mac ?? '';
  if (mac !== '') {
    if (!MAC.test(mac)) problems.push({ field: 'mac', code: 'badMac', params: { value: mac } });
    else if (parseInt(mac.slice(0, 2), 16) & 1) problems.push({ field: 'mac', code: 'multicastMac', params: { value: mac } });
  }
  const enums = [
    ['diskFormat', DISK_FORMATS],
    ['nicModel', NIC_MODELS],
    ['display', DISPLAYS],
    ['machine', MACHINES],
    ['cpuMode', CPU_MODES],
  ] as const;
  for (const [field, allowed] of enums) {
    const value = String(choices[field]);
    if (!oneOf(allowed, value)) problems.push({ field, code: 'notAChoice', params: { value, allowed: allowed.join(', ') } });
  }
  return problems;
}

/** Text safe inside an XML attribute or element. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The `<interface>` element alone (what the bridge editor shows for the bridge being edited). */
export function interfaceXml(bridge: string, nicModel: NicModel = 'virtio', mac = '', indent = ''): string {
  return [
    `${indent}<interface type="bridge">`,
    `${indent}  <source bridge="${escapeXml(bridge)}"/>`,
    ...(mac ? [`${indent}  <mac address="${escapeXml(mac.toLowerCase())}"/>`] : []),
    `${indent}  <model type="${nicModel}"/>`,
    `${indent}</interface>`,
  ].join('\n');
}

/**
 * The domain XML. Throws on choices `validateDomainChoices` rejects (call it first); every document
 * it returns validates against libvirt's domain.rng (tests/unit/libvirt/schema.test.ts).
 */
export function generateDomainXml(choices: DomainChoices): string {
  const problems = validateDomainChoices(choices);
  if (problems.length > 0) throw new Error(`invalid domain choices: ${problems.map((p) => p.field).join(', ')}`);
  const kib = choices.memoryMiB * 1024;
  const graphics =
    choices.display === 'none'
      ? []
      : [`    <graphics type="${choices.display}" port="-1"/>`, '    <video>', '      <model type="virtio"/>', '    </video>'];
  return [
    '<domain type="kvm">',
    `  <name>${escapeXml(choices.name)}</name>`,
    `  <memory>${kib}</memory>`,
    `  <currentMemory>${kib}</currentMemory>`,
    `  <vcpu>${choices.vcpus}</vcpu>`,
    '  <os>',
    `    <type arch="x86_64" machine="${choices.machine}">hvm</type>`,
    '    <boot dev="hd"/>',
    '  </os>',
    '  <features>',
    '    <acpi/>',
    '    <apic/>',
    '  </features>',
    `  <cpu mode="${choices.cpuMode}"/>`,
    '  <clock offset="utc">',
    '    <timer name="rtc" tickpolicy="catchup"/>',
    '    <timer name="pit" tickpolicy="delay"/>',
    '    <timer name="hpet" present="no"/>',
    '  </clock>',
    '  <pm>',
    '    <suspend-to-mem enabled="no"/>',
    '    <suspend-to-disk enabled="no"/>',
    '  </pm>',
    '  <devices>',
    '    <disk type="file" device="disk">',
    `      <driver name="qemu" type="${choices.diskFormat}"/>`,
    `      <source file="${escapeXml(choices.diskPath)}"/>`,
    '      <target dev="vda" bus="virtio"/>',
    '    </disk>',
    interfaceXml(choices.bridge, choices.nicModel, choices.mac ?? '', '    '),
    '    <console type="pty">',
    '      <target type="serial"/>',
    '    </console>',
    ...graphics,
    '    <rng model="virtio">',
    '      <backend model="random">/dev/urandom</backend>',
    '    </rng>',
    '  </devices>',
    '</domain>',
    '',
  ].join('\n');
}

/** virt-install's sub-option syntax: a comma inside a value is written twice. */
function subOption(value: string): string {
  return value.replace(/,/g, ',,');
}

/** The `virt-install` command that creates the same guest from an existing image (one argument per line). */
export function virtInstallCommand(choices: DomainChoices): string[] {
  const network = [`bridge=${subOption(choices.bridge)}`, `model=${choices.nicModel}`, ...(choices.mac ? [`mac=${choices.mac.toLowerCase()}`] : [])].join(',');
  return [
    'virt-install',
    `--name ${shellQuote(choices.name)}`,
    `--memory ${choices.memoryMiB}`,
    `--vcpus ${choices.vcpus}`,
    `--machine ${choices.machine}`,
    `--cpu ${choices.cpuMode}`,
    `--disk ${shellQuote(`path=${subOption(choices.diskPath)},format=${choices.diskFormat},bus=virtio`)}`,
    `--network ${shellQuote(network)}`,
    `--graphics ${choices.display}`,
    '--console pty,target_type=serial',
    '--import',
    '--os-variant generic',
  ];
}
