/**
 * Checks a domain XML a reader wrote, in three layers:
 *
 * 1. well-formedness (parseXml): the first fatal error, with its line and column;
 * 2. libvirt's schema (domain.rng, which `virsh define` checks with `--validate` and virt-xml-validate
 *    always): the parts of it a guest on a bridge uses — the root and its `type`, `<name>`, memory,
 *    `<vcpu>`, `<os><type>`, `<cpu mode>`, `<clock offset>`, the lifecycle actions, which elements may
 *    sit in `<domain>` and `<devices>`, and `<disk>`, `<interface>`, `<console>`, `<serial>`,
 *    `<graphics>` down to their attributes. Whatever this layer calls an error, the schema rejects
 *    too (tests/unit/libvirt/schema.test.ts holds the two to the same verdict on a corpus);
 *    elements it does not look into (`<features>`, `<pm>`, controllers…) are left to the schema;
 * 3. what libvirt or the guest would then do with a valid document, for this chapter's host: a
 *    `<interface type='bridge'>` without a bridge or on a bridge the host's ifcfg files do not make,
 *    the default NAT network where a bridge was meant, an emulated NIC where virtio fits, a disk
 *    format that does not match the image, no console on a headless host, no memory.
 *
 * Every finding is a code with parameters (worded by checkDomainWordings), a severity, a layer, the
 * position of the element or attribute it is about, and that element's path.
 */

import { attributeOf, childElements, parseXml, textOf, type XmlAttribute, type XmlElement, type XmlPosition, type XmlProblemCode } from './parse-xml.ts';

export type DomainFindingLayer = 'xml' | 'schema' | 'libvirt' | 'host';
export type DomainFindingSeverity = 'error' | 'warning';

/** The shapes a value can be required to have (worded by valueShapeWordings). */
export type ValueShape =
  | 'unsignedInteger'
  | 'vcpuCount'
  | 'unit'
  | 'absolutePath'
  | 'unicastMac'
  | 'targetDev'
  | 'bridgeName'
  | 'machineName'
  | 'modelName'
  | 'uuid'
  | 'oneLine'
  | 'deviceName';

export type DomainFindingMessage =
  | { readonly code: 'xml'; readonly params: { problem: XmlProblemCode; detail: string; openName: string; openLine: number } }
  | { readonly code: 'rootNotDomain'; readonly params: { element: string } }
  | { readonly code: 'missingAttribute'; readonly params: { element: string; attribute: string } }
  | { readonly code: 'unknownAttribute'; readonly params: { element: string; attribute: string } }
  | { readonly code: 'valueNotAllowed'; readonly params: { element: string; attribute: string; value: string; allowed: string } }
  | { readonly code: 'valueMalformed'; readonly params: { element: string; attribute: string; value: string; shape: ValueShape } }
  | { readonly code: 'unknownElement'; readonly params: { element: string; parent: string } }
  | { readonly code: 'missingElement'; readonly params: { element: string; parent: string } }
  | { readonly code: 'duplicateElement'; readonly params: { element: string; parent: string } }
  | { readonly code: 'unexpectedText'; readonly params: { element: string } }
  | { readonly code: 'noMemory' }
  | { readonly code: 'noOsType' }
  | { readonly code: 'bridgeSourceMissing' }
  | { readonly code: 'bridgeNotOnHost'; readonly params: { bridge: string; known: string } }
  | { readonly code: 'defaultNatNetwork'; readonly params: { network: string } }
  | { readonly code: 'emulatedNic'; readonly params: { model: string } }
  | { readonly code: 'noNicModel' }
  | { readonly code: 'diskFormatMismatch'; readonly params: { path: string; declared: string; actual: string; evidence: 'extension' | 'header' } }
  | { readonly code: 'noConsole'; readonly params: { graphics: boolean } };

export type DomainFinding = DomainFindingMessage & {
  readonly severity: DomainFindingSeverity;
  readonly layer: DomainFindingLayer;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  /** The element (and attribute) the finding is about: /domain/devices/interface[2]/source/@bridge. */
  readonly path: string;
};

export interface CheckDomainOptions {
  /** The bridges the host has (from its ifcfg files); absent: not checked. */
  readonly hostBridges?: readonly string[];
  /** Image formats known from the files' first bytes (path → format), e.g. read by the CLI. */
  readonly imageFormats?: Readonly<Record<string, 'qcow2' | 'raw'>>;
}

// --- the schema's vocabulary (domaincommon.rng, basictypes.rng, cputypes.rng of libvirt 9.0, Debian 12's libvirt0) ---

const DOMAIN_TYPES = ['qemu', 'kqemu', 'kvm', 'xen', 'lxc', 'uml', 'openvz', 'test', 'vmware', 'hyperv', 'vbox', 'phyp', 'vz', 'bhyve', 'hvf'];
/** Every element `domaincontents` allows as a child of `<domain>`. */
const DOMAIN_CHILDREN = new Set([
  'name', 'uuid', 'genid', 'title', 'description', 'metadata', 'cpu', 'sysinfo', 'bootloader', 'bootloader_args', 'os',
  'clock', 'memory', 'maxMemory', 'currentMemory', 'memoryBacking', 'vcpu', 'vcpus', 'iothreads', 'iothreadids',
  'defaultiothread', 'blkiotune', 'memtune', 'cputune', 'numatune', 'resource', 'features', 'on_reboot',
  'on_poweroff', 'on_crash', 'on_lockfailure', 'pm', 'perf', 'idmap', 'devices', 'seclabel', 'keywrap', 'launchSecurity',
]);
/** Children of `<domain>` that may appear at most once (the schema's `optional` inside `interleave`). */
const DOMAIN_SINGLE_CHILDREN = [
  'name', 'uuid', 'genid', 'title', 'description', 'metadata', 'cpu', 'os', 'clock', 'memory', 'maxMemory', 'currentMemory',
  'memoryBacking', 'vcpu', 'vcpus', 'features', 'on_reboot', 'on_poweroff', 'on_crash', 'on_lockfailure', 'pm', 'perf', 'devices',
];
const DEVICE_CHILDREN = new Set([
  'emulator', 'disk', 'controller', 'lease', 'filesystem', 'interface', 'input', 'sound', 'audio', 'hostdev', 'graphics', 'video',
  'console', 'parallel', 'serial', 'channel', 'smartcard', 'hub', 'redirdev', 'redirfilter', 'rng', 'tpm', 'shmem', 'memory',
  'watchdog', 'memballoon', 'nvram', 'panic', 'iommu', 'vsock',
]);
const OS_TYPES = ['hvm', 'xen', 'linux', 'xenpvh', 'exe'];
const ARCHES = [
  'aarch64', 'alpha', 'armv6l', 'armv7l', 'cris', 'i686', 'ia64', 'lm32', 'loongarch64', 'm68k', 'microblaze', 'microblazeel', 'mips',
  'mipsel', 'mips64', 'mips64el', 'openrisc', 'parisc', 'parisc64', 'ppc', 'ppc64', 'ppc64le', 'ppcemb', 'riscv32', 'riscv64', 's390',
  's390x', 'sh4', 'sh4eb', 'sparc', 'sparc64', 'unicore32', 'x86_64', 'xtensa', 'xtensaeb',
];
const CPU_MODES = ['custom', 'host-model', 'host-passthrough', 'maximum'];
const CLOCK_OFFSETS = ['localtime', 'utc', 'timezone', 'variable', 'absolute'];
const OFF_ACTIONS = ['destroy', 'restart', 'preserve', 'rename-restart'];
const CRASH_ACTIONS = [...OFF_ACTIONS, 'coredump-destroy', 'coredump-restart'];
const DISK_TYPES = ['file', 'block', 'dir', 'network', 'volume', 'nvme', 'vhostuser'];
const DISK_DEVICES = ['floppy', 'disk', 'cdrom', 'lun'];
const STORAGE_FORMATS = ['raw', 'dir', 'bochs', 'cloop', 'dmg', 'iso', 'vpc', 'vdi', 'fat', 'vhd', 'ploop', 'luks', 'cow', 'qcow', 'qcow2', 'qed', 'vmdk', 'aio'];
const DISK_BUSES = ['ide', 'fdc', 'scsi', 'virtio', 'xen', 'usb', 'uml', 'sata', 'sd'];
const INTERFACE_TYPES = ['bridge', 'ethernet', 'vhostuser', 'network', 'direct', 'user', 'internal', 'mcast', 'client', 'udp', 'server', 'hostdev', 'vdpa', 'null', 'vds'];
const CHARDEV_TYPES = ['dev', 'file', 'pipe', 'unix', 'tcp', 'udp', 'null', 'stdio', 'vc', 'pty', 'spicevmc', 'spiceport', 'nmdm', 'qemu-vdagent', 'dbus'];
const GRAPHICS_TYPES = ['sdl', 'vnc', 'spice', 'rdp', 'desktop', 'egl-headless', 'dbus'];
const UNIT = /^(([bB]([yY][tT][eE][sS]?)?)|([kKmMgGtTpPeE]([iI]?[bB])?))$/;
const UNSIGNED_LONG_MAX = 18446744073709551615n;
const UUID = /^([a-fA-F0-9]{32}|[a-fA-F0-9]{8}-([a-fA-F0-9]{4}-){3}[a-fA-F0-9]{12})$/;
const UNICAST_MAC = /^[a-fA-F0-9][02468aAcCeE](:[a-fA-F0-9]{2}){5}$/;
const TARGET_DEV = /^(ioemu:)?(fd|hd|sd|vd|xvd|ubd)[a-zA-Z0-9_]+$/;
const BRIDGE_PATTERN = /^[a-zA-Z0-9_.\-\\:/ ]*$/;
const MACHINE_PATTERN = /^[a-zA-Z0-9_.-]+$/;
const MODEL_PATTERN = /^[a-zA-Z0-9\-_]+$/;
const DEVICE_NAME = /^[a-zA-Z0-9_.\-\\:/]+$/;
/** Emulated NICs QEMU offers on x86 (libvirt passes `<model type>` through to QEMU). */
const EMULATED_NICS = new Set(['e1000', 'e1000e', 'rtl8139', 'ne2k_pci', 'pcnet', 'i82551', 'i82557b', 'i82559er', 'vmxnet3']);

/** A value as a finding quotes it: one line, at most 60 characters. */
function shown(value: string): string {
  // eslint-disable-next-line no-control-regex
  const line = value.replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/[\u0000-\u001f\u007f]/g, '?');
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

/** XML Schema's whitespace "collapse" for numeric types: leading and trailing whitespace is ignored. */
function collapsed(value: string): string {
  return value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

// libxml2 matches a datatype's pattern against the value as written, so unlike the enumerations
// (tokens, where surrounding whitespace does not count) a number with spaces around it is rejected.
function isUnsignedLong(value: string): boolean {
  const v = value;
  return /^[0-9]+$/.test(v) && v.length <= 20 && BigInt(v) <= UNSIGNED_LONG_MAX;
}

function isVcpuCount(value: string): boolean {
  const v = value;
  return /^[0-9]+$/.test(v) && v.length <= 5 && Number(v) >= 1 && Number(v) <= 65535;
}

/** The format an image's first bytes say it is: qcow2 starts with "QFI\xfb"; anything else is read as raw. */
export function imageFormatOfHeader(bytes: Uint8Array): 'qcow2' | 'raw' {
  return bytes[0] === 0x51 && bytes[1] === 0x46 && bytes[2] === 0x49 && bytes[3] === 0xfb ? 'qcow2' : 'raw';
}

/** The format a file name suggests (.qcow2 → qcow2, .img/.raw → raw), or undefined. */
export function imageFormatOfName(path: string): 'qcow2' | 'raw' | undefined {
  if (/\.qcow2$/i.test(path)) return 'qcow2';
  if (/\.(raw|img)$/i.test(path)) return 'raw';
  return undefined;
}

const SEVERITY_OF: Record<DomainFindingMessage['code'], [DomainFindingSeverity, DomainFindingLayer]> = {
  xml: ['error', 'xml'],
  rootNotDomain: ['error', 'schema'],
  missingAttribute: ['error', 'schema'],
  unknownAttribute: ['error', 'schema'],
  valueNotAllowed: ['error', 'schema'],
  valueMalformed: ['error', 'schema'],
  unknownElement: ['error', 'schema'],
  missingElement: ['error', 'schema'],
  duplicateElement: ['error', 'schema'],
  unexpectedText: ['error', 'schema'],
  noMemory: ['error', 'libvirt'],
  noOsType: ['error', 'libvirt'],
  bridgeSourceMissing: ['error', 'libvirt'],
  bridgeNotOnHost: ['error', 'host'],
  defaultNatNetwork: ['warning', 'host'],
  emulatedNic: ['warning', 'host'],
  noNicModel: ['warning', 'host'],
  diskFormatMismatch: ['error', 'host'],
  noConsole: ['warning', 'host'],
};

/** Checks a domain XML; never throws, whatever the text. */
export function checkDomainXml(text: string, options: CheckDomainOptions = {}): DomainFinding[] {
  const findings: DomainFinding[] = [];
  const add = (message: DomainFindingMessage, at: XmlPosition, path: string) => {
    const [fixedSeverity, layer] = SEVERITY_OF[message.code];
    // A format guessed from the file's name alone is a warning; the file's own first bytes make it an error.
    const severity = message.code === 'diskFormatMismatch' && message.params.evidence === 'extension' ? 'warning' : fixedSeverity;
    findings.push({ ...message, severity, layer, line: at.line, column: at.column, offset: at.offset, path } as DomainFinding);
  };
  const parsed = parseXml(text);
  if (parsed.problem) {
    const p = parsed.problem;
    add({ code: 'xml', params: { problem: p.code, detail: p.detail ?? '', openName: p.open?.name ?? '', openLine: p.open?.at.line ?? 0 } }, p.at, '');
    return findings;
  }
  const root = parsed.root!;
  if (root.name !== 'domain') {
    add({ code: 'rootNotDomain', params: { element: root.name } }, root.at, `/${root.name}`);
    return findings;
  }

  // Paths: an element's index among its same-named siblings when there are several.
  const paths = new Map<XmlElement, string>([[root, '/domain']]);
  const pathOf = (element: XmlElement) => paths.get(element) ?? `/${element.name}`;
  const children = (parent: XmlElement, name?: string) => {
    const all = childElements(parent);
    const counts = new Map<string, number>();
    for (const c of all) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const c of all) {
      const n = (seen.get(c.name) ?? 0) + 1;
      seen.set(c.name, n);
      if (!paths.has(c)) paths.set(c, `${pathOf(parent)}/${c.name}${counts.get(c.name)! > 1 ? `[${n}]` : ''}`);
    }
    return name === undefined ? all : all.filter((c) => c.name === name);
  };
  const attributePath = (element: XmlElement, attribute: XmlAttribute) => `${pathOf(element)}/@${attribute.name}`;

  /** Attributes outside `allowed` are schema errors (namespace declarations aside). */
  const onlyAttributes = (element: XmlElement, allowed: readonly string[]) => {
    for (const a of element.attributes) {
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
      if (!allowed.includes(a.name)) add({ code: 'unknownAttribute', params: { element: element.name, attribute: a.name } }, a.at, attributePath(element, a));
    }
  };
  const required = (element: XmlElement, name: string): XmlAttribute | undefined => {
    const a = attributeOf(element, name);
    if (!a) add({ code: 'missingAttribute', params: { element: element.name, attribute: name } }, element.at, pathOf(element));
    return a;
  };
  const enumerated = (element: XmlElement, a: XmlAttribute | undefined, allowed: readonly string[]): boolean => {
    if (!a) return false;
    // The schema's <value>s are XML Schema tokens: surrounding whitespace does not count.
    if (allowed.includes(collapsed(a.value))) return true;
    add({ code: 'valueNotAllowed', params: { element: element.name, attribute: a.name, value: shown(a.value), allowed: allowed.join(', ') } }, a.valueAt, attributePath(element, a));
    return false;
  };
  const shaped = (element: XmlElement, a: XmlAttribute | undefined, ok: (v: string) => boolean, shape: ValueShape): boolean => {
    if (!a) return false;
    if (ok(a.value)) return true;
    add({ code: 'valueMalformed', params: { element: element.name, attribute: a.name, value: shown(a.value), shape } }, a.valueAt, attributePath(element, a));
    return false;
  };
  /** An element's text checked against a shape ('' names the text itself, not an attribute). */
  const shapedText = (element: XmlElement, ok: (v: string) => boolean, shape: ValueShape): boolean => {
    const value = textOf(element);
    if (ok(value) && childElements(element).length === 0) return true;
    add({ code: 'valueMalformed', params: { element: element.name, attribute: '', value: shown(value), shape } }, element.at, pathOf(element));
    return false;
  };
  const enumeratedText = (element: XmlElement, allowed: readonly string[]) => {
    const value = collapsed(textOf(element));
    if (allowed.includes(value) && childElements(element).length === 0) return;
    add({ code: 'valueNotAllowed', params: { element: element.name, attribute: '', value: shown(value), allowed: allowed.join(', ') } }, element.at, pathOf(element));
  };

  // <domain type=… id=…>
  onlyAttributes(root, ['type', 'id']);
  enumerated(root, required(root, 'type'), DOMAIN_TYPES);
  shaped(root, attributeOf(root, 'id'), (v) => /^[0-9]+$/.test(v) && v.length <= 10 && Number(v) <= 4294967295, 'unsignedInteger');
  for (const node of root.children) {
    if (node.kind === 'text' && node.text.trim() !== '') add({ code: 'unexpectedText', params: { element: 'domain' } }, node.at, '/domain');
  }
  const top = children(root);
  for (const child of top) {
    if (!DOMAIN_CHILDREN.has(child.name) && !child.name.includes(':')) add({ code: 'unknownElement', params: { element: child.name, parent: 'domain' } }, child.at, pathOf(child));
  }
  for (const name of DOMAIN_SINGLE_CHILDREN) {
    const found = top.filter((c) => c.name === name);
    for (const extra of found.slice(1)) add({ code: 'duplicateElement', params: { element: name, parent: 'domain' } }, extra.at, pathOf(extra));
  }
  const first = (name: string) => top.find((c) => c.name === name);

  const name = first('name');
  if (!name) add({ code: 'missingElement', params: { element: 'name', parent: 'domain' } }, root.at, '/domain');
  else {
    onlyAttributes(name, []);
    shapedText(name, (v) => /^[^\n]+$/.test(v), 'oneLine');
  }
  const uuid = first('uuid');
  if (uuid) {
    onlyAttributes(uuid, []);
    shapedText(uuid, (v) => UUID.test(v), 'uuid');
  }
  for (const memoryName of ['memory', 'currentMemory'] as const) {
    const memory = first(memoryName);
    if (!memory) continue;
    onlyAttributes(memory, memoryName === 'memory' ? ['unit', 'dumpCore'] : ['unit']);
    shaped(memory, attributeOf(memory, 'unit'), (v) => UNIT.test(v), 'unit');
    enumerated(memory, attributeOf(memory, 'dumpCore'), ['on', 'off']);
    shapedText(memory, isUnsignedLong, 'unsignedInteger');
  }
  if (!first('memory')) add({ code: 'noMemory' }, root.at, '/domain');
  const vcpu = first('vcpu');
  if (vcpu) {
    onlyAttributes(vcpu, ['placement', 'cpuset', 'current']);
    enumerated(vcpu, attributeOf(vcpu, 'placement'), ['static', 'auto']);
    shaped(vcpu, attributeOf(vcpu, 'current'), isVcpuCount, 'vcpuCount');
    shapedText(vcpu, isVcpuCount, 'vcpuCount');
  }
  const os = first('os');
  if (!os) {
    // The schema lets <os> out (its Xen grammar); libvirt's parser does not.
    if (!first('bootloader')) add({ code: 'noOsType' }, root.at, '/domain');
  } else {
    const types = children(os, 'type');
    if (types.length === 0) add({ code: 'missingElement', params: { element: 'type', parent: 'os' } }, os.at, pathOf(os));
    for (const extra of types.slice(1)) add({ code: 'duplicateElement', params: { element: 'type', parent: 'os' } }, extra.at, pathOf(extra));
    const type = types[0];
    if (type) {
      onlyAttributes(type, ['arch', 'machine']);
      enumerated(type, attributeOf(type, 'arch'), ARCHES);
      shaped(type, attributeOf(type, 'machine'), (v) => MACHINE_PATTERN.test(v), 'machineName');
      enumeratedText(type, OS_TYPES);
    }
  }
  const cpu = first('cpu');
  if (cpu) enumerated(cpu, attributeOf(cpu, 'mode'), CPU_MODES);
  const clock = first('clock');
  if (clock) enumerated(clock, required(clock, 'offset'), CLOCK_OFFSETS);
  for (const [event, allowed] of [['on_poweroff', OFF_ACTIONS], ['on_reboot', OFF_ACTIONS], ['on_crash', CRASH_ACTIONS]] as const) {
    const element = first(event);
    if (element) {
      onlyAttributes(element, []);
      enumeratedText(element, allowed);
    }
  }

  const devices = first('devices');
  const deviceList = devices ? children(devices) : [];
  if (devices) {
    onlyAttributes(devices, []);
    for (const node of devices.children) {
      if (node.kind === 'text' && node.text.trim() !== '') add({ code: 'unexpectedText', params: { element: 'devices' } }, node.at, pathOf(devices));
    }
    for (const device of deviceList) {
      if (!DEVICE_CHILDREN.has(device.name)) add({ code: 'unknownElement', params: { element: device.name, parent: 'devices' } }, device.at, pathOf(device));
    }
    for (const single of ['emulator', 'watchdog', 'memballoon', 'nvram', 'iommu', 'vsock']) {
      for (const extra of deviceList.filter((d) => d.name === single).slice(1)) {
        add({ code: 'duplicateElement', params: { element: single, parent: 'devices' } }, extra.at, pathOf(extra));
      }
    }
  }

  for (const disk of deviceList.filter((d) => d.name === 'disk')) {
    const type = attributeOf(disk, 'type');
    enumerated(disk, type, DISK_TYPES);
    enumerated(disk, attributeOf(disk, 'device'), DISK_DEVICES);
    const targets = children(disk, 'target');
    if (targets.length === 0) add({ code: 'missingElement', params: { element: 'target', parent: 'disk' } }, disk.at, pathOf(disk));
    for (const extra of targets.slice(1)) add({ code: 'duplicateElement', params: { element: 'target', parent: 'disk' } }, extra.at, pathOf(extra));
    const target = targets[0];
    if (target) {
      onlyAttributes(target, ['dev', 'bus', 'tray', 'removable', 'rotation_rate']);
      shaped(target, required(target, 'dev'), (v) => TARGET_DEV.test(v), 'targetDev');
      enumerated(target, attributeOf(target, 'bus'), DISK_BUSES);
    }
    const drivers = children(disk, 'driver');
    for (const extra of drivers.slice(1)) add({ code: 'duplicateElement', params: { element: 'driver', parent: 'disk' } }, extra.at, pathOf(extra));
    const driver = drivers[0];
    const driverType = driver ? attributeOf(driver, 'type') : undefined;
    const formatOk = driver ? enumerated(driver, driverType, STORAGE_FORMATS) : false;
    const sources = children(disk, 'source');
    for (const extra of sources.slice(1)) add({ code: 'duplicateElement', params: { element: 'source', parent: 'disk' } }, extra.at, pathOf(extra));
    const source = sources[0];
    const fileType = !type || collapsed(type.value) === 'file';
    const file = source && fileType ? attributeOf(source, 'file') : undefined;
    const fileOk = shaped(source ?? disk, file, (v) => /^(\/|[a-zA-Z]:\\)./.test(v) || /^\[[^\]]+\] .+$/.test(v), 'absolutePath');
    if (file && fileOk && (formatOk || !driverType)) {
      const declaredValue = driverType ? collapsed(driverType.value) : '';
      const declared = declaredValue === 'aio' ? 'raw' : declaredValue;
      const fromHeader = options.imageFormats?.[file.value];
      const actual = fromHeader ?? imageFormatOfName(file.value);
      const effective = declared === '' ? 'raw' : declared;
      if (actual && (effective === 'qcow2' || effective === 'raw') && actual !== effective) {
        const where = driverType ?? file;
        add(
          { code: 'diskFormatMismatch', params: { path: file.value, declared, actual, evidence: fromHeader ? 'header' : 'extension' } },
          driverType ? driverType.valueAt : where.valueAt,
          driverType && driver ? attributePath(driver, driverType) : attributePath(source!, file),
        );
      }
    }
  }

  const interfaces = deviceList.filter((d) => d.name === 'interface');
  for (const iface of interfaces) {
    const type = required(iface, 'type');
    if (!enumerated(iface, type, INTERFACE_TYPES)) continue;
    const kind = collapsed(type!.value);
    const sources = children(iface, 'source');
    for (const extra of sources.slice(1)) add({ code: 'duplicateElement', params: { element: 'source', parent: 'interface' } }, extra.at, pathOf(extra));
    const source = sources[0];
    const macs = children(iface, 'mac');
    for (const extra of macs.slice(1)) add({ code: 'duplicateElement', params: { element: 'mac', parent: 'interface' } }, extra.at, pathOf(extra));
    if (macs[0]) {
      onlyAttributes(macs[0], ['address', 'type', 'check']);
      shaped(macs[0], required(macs[0], 'address'), (v) => UNICAST_MAC.test(v), 'unicastMac');
    }
    const models = children(iface, 'model');
    for (const extra of models.slice(1)) add({ code: 'duplicateElement', params: { element: 'model', parent: 'interface' } }, extra.at, pathOf(extra));
    const model = models[0];
    let modelOk = false;
    if (model) {
      onlyAttributes(model, ['type']);
      modelOk = shaped(model, required(model, 'type'), (v) => MODEL_PATTERN.test(v), 'modelName');
    }
    if (kind === 'bridge') {
      if (source) {
        onlyAttributes(source, ['bridge', 'macTableManager', 'network', 'portgroup', 'portid']);
        const bridge = required(source, 'bridge');
        if (shaped(source, bridge, (v) => BRIDGE_PATTERN.test(v), 'bridgeName') && bridge) {
          if (bridge.value === '') add({ code: 'bridgeSourceMissing' }, bridge.valueAt, attributePath(source, bridge));
          else if (options.hostBridges && !options.hostBridges.includes(bridge.value)) {
            add({ code: 'bridgeNotOnHost', params: { bridge: bridge.value, known: options.hostBridges.join(', ') } }, bridge.valueAt, attributePath(source, bridge));
          }
        }
        const portgroup = attributeOf(source, 'portgroup');
        if (portgroup) shaped(source, portgroup, (v) => DEVICE_NAME.test(v), 'deviceName');
        if (!attributeOf(source, 'network') && (portgroup || attributeOf(source, 'portid'))) {
          add({ code: 'missingAttribute', params: { element: 'source', attribute: 'network' } }, source.at, pathOf(source));
        }
      } else {
        add({ code: 'bridgeSourceMissing' }, iface.at, pathOf(iface));
      }
    } else if (kind === 'network') {
      if (!source) add({ code: 'missingElement', params: { element: 'source', parent: 'interface' } }, iface.at, pathOf(iface));
      else {
        onlyAttributes(source, ['network', 'portgroup', 'portid', 'bridge', 'macTableManager']);
        const network = required(source, 'network');
        if (network?.value === 'default') add({ code: 'defaultNatNetwork', params: { network: network.value } }, network.valueAt, attributePath(source, network));
      }
    }
    if (['bridge', 'network', 'direct', 'ethernet', 'user'].includes(kind)) {
      const modelType = model ? attributeOf(model, 'type') : undefined;
      if (!model) add({ code: 'noNicModel' }, iface.at, pathOf(iface));
      else if (modelOk && modelType && EMULATED_NICS.has(modelType.value)) {
        add({ code: 'emulatedNic', params: { model: modelType.value } }, modelType.valueAt, attributePath(model, modelType));
      }
    }
  }

  for (const chardev of deviceList.filter((d) => d.name === 'console' || d.name === 'serial')) {
    enumerated(chardev, attributeOf(chardev, 'type'), CHARDEV_TYPES);
  }
  const graphics = deviceList.filter((d) => d.name === 'graphics');
  for (const g of graphics) enumerated(g, required(g, 'type'), GRAPHICS_TYPES);
  if (devices && !deviceList.some((d) => d.name === 'console' || d.name === 'serial')) {
    add({ code: 'noConsole', params: { graphics: graphics.length > 0 } }, devices.at, pathOf(devices));
  }

  return findings.sort((a, b) => a.offset - b.offset);
}

/** Whether a finding would stop libvirt (or the schema) from taking the document. */
export function hasDomainErrors(findings: readonly DomainFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** Whether libvirt's schema (domain.rng) would reject the document, judged by the findings. */
export function schemaRejects(findings: readonly DomainFinding[]): boolean {
  return findings.some((f) => f.layer === 'xml' || f.layer === 'schema');
}
