// The bridge and its ports, read across all the files given, as NetworkManager and initscripts would
// read them. The setup (BridgeSetup) is what the translators turn into commands.

import { classfulPrefix, formatIpv4, netmaskToPrefix, parseIpv4 } from './addresses-and-identifiers.ts';
import { bashValueOf, nmValueOf, type IfcfgFile } from './parse-ifcfg-file.ts';

export type InterfaceRole = 'bridge' | 'port' | 'plain';

export interface InterfaceView {
  file: IfcfgFile;
  /** DEVICE as NetworkManager reads it, else as bash reads it, else the file-name suffix. */
  device: string | undefined;
  role: InterfaceRole;
  /** For a port: the bridge it names in BRIDGE=. */
  bridgeName?: string;
}

export interface Ipv4Setup {
  method: 'manual' | 'auto' | 'disabled';
  address?: string;
  prefix?: number;
  gateway?: string;
  dns: string[];
}

export interface PortSetup {
  device: string;
  file: IfcfgFile;
  hwaddr?: string;
  mtu?: number;
  onBoot: boolean;
  connectionName?: string;
  uuid?: string;
}

export interface BridgeSetup {
  name: string;
  /** The file that defines the bridge, if one was given. */
  file?: IfcfgFile;
  ports: PortSetup[];
  stp: boolean;
  /** Forward delay in seconds, if DELAY is set. */
  forwardDelay?: number;
  ipv4: Ipv4Setup;
  ipv6: boolean;
  onBoot: boolean;
  nmControlled: boolean;
  mtu?: number;
  macAddress?: string;
  connectionName?: string;
  uuid?: string;
}

export interface BridgeModel {
  interfaces: InterfaceView[];
  bridges: BridgeSetup[];
}

/** NetworkManager's svParseBoolean. */
export function parseNmBoolean(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (['yes', 'true', 't', 'y', '1'].includes(v)) return true;
  if (['no', 'false', 'f', 'n', '0'].includes(v)) return false;
  return undefined;
}

/** initscripts' is_true / is_false (case-insensitive; on/off included). */
export function parseInitscriptsBoolean(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (['t', 'y', 'yes', 'on', 'true', '1'].includes(v)) return true;
  if (['f', 'n', 'no', 'off', 'false', '0'].includes(v)) return false;
  return undefined;
}

/** STP as NetworkManager reads it: on/yes/off/no, case-insensitive; anything else is off. */
export function parseNmStp(value: string | undefined): { on: boolean; valid: boolean } {
  if (value === undefined) return { on: false, valid: true };
  const v = value.toLowerCase();
  if (v === 'on' || v === 'yes') return { on: true, valid: true };
  if (v === 'off' || v === 'no') return { on: false, valid: true };
  return { on: false, valid: false };
}

/** STP as `brctl stp br0 VALUE` takes it: exactly on/yes/1 or off/no/0; anything else is refused. */
export function parseBrctlStp(value: string | undefined): { on: boolean; valid: boolean } {
  if (value === undefined) return { on: false, valid: true };
  if (['on', 'yes', '1'].includes(value)) return { on: true, valid: true };
  if (['off', 'no', '0'].includes(value)) return { on: false, valid: true };
  return { on: false, valid: false };
}

/** A value as both tools agree on it, preferring NetworkManager's reading. */
export function valueOf(file: IfcfgFile, key: string): string | undefined {
  return nmValueOf(file, key) ?? stripCr(bashValueOf(file, key) || undefined);
}

function stripCr(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.replace(/\r$/, '');
}

export function deviceOf(file: IfcfgFile): string | undefined {
  return valueOf(file, 'DEVICE') ?? file.suffix ?? undefined;
}

function isBridgeType(file: IfcfgFile): boolean {
  return (valueOf(file, 'TYPE') ?? '').toLowerCase() === 'bridge';
}

/** The IPv4 address, prefix, gateway and name servers, as NetworkManager would apply them. */
function ipv4Of(file: IfcfgFile): Ipv4Setup {
  const bootproto = (valueOf(file, 'BOOTPROTO') ?? 'none').toLowerCase();
  const address = valueOf(file, 'IPADDR') ?? valueOf(file, 'IPADDR0');
  const dns: string[] = [];
  for (let n = 1; n <= 10; n++) {
    const d = valueOf(file, `DNS${n}`);
    if (d !== undefined) dns.push(d);
  }
  const gateway = valueOf(file, 'GATEWAY') ?? valueOf(file, 'GATEWAY0');
  let prefix: number | undefined;
  if (address !== undefined) {
    const p = valueOf(file, 'PREFIX') ?? valueOf(file, 'PREFIX0');
    const mask = valueOf(file, 'NETMASK') ?? valueOf(file, 'NETMASK0');
    if (p !== undefined && /^\d+$/.test(p)) prefix = Number(p);
    else if (mask !== undefined) prefix = netmaskToPrefix(mask) ?? undefined;
    else {
      const a = parseIpv4(address);
      if (a !== null) prefix = classfulPrefix(a);
    }
  }
  if (bootproto === 'dhcp' || bootproto === 'bootp') {
    return { method: 'auto', dns, ...(gateway ? { gateway } : {}) };
  }
  if (address === undefined) return { method: 'disabled', dns };
  return {
    method: 'manual',
    address: address.replace(/\/\d+$/, ''),
    ...(prefix !== undefined ? { prefix } : {}),
    ...(gateway ? { gateway } : {}),
    dns,
  };
}

function intOf(file: IfcfgFile, key: string): number | undefined {
  const v = valueOf(file, key);
  return v !== undefined && /^\d+(\.\d+)?$/.test(v) ? Number(v) : undefined;
}

export function buildBridgeModel(files: readonly IfcfgFile[]): BridgeModel {
  const interfaces: InterfaceView[] = files.map((file) => {
    const bridgeName = valueOf(file, 'BRIDGE');
    const view: InterfaceView = { file, device: deviceOf(file), role: 'plain' };
    if (isBridgeType(file)) view.role = 'bridge';
    else if (bridgeName !== undefined) {
      view.role = 'port';
      view.bridgeName = bridgeName;
    }
    return view;
  });
  // TYPE=Bridge copied into a port file: when another file defines the bridge it names, it is a port.
  for (const view of interfaces) {
    const bridgeName = valueOf(view.file, 'BRIDGE');
    if (view.role !== 'bridge' || bridgeName === undefined || bridgeName === view.device) continue;
    if (interfaces.some((other) => other !== view && other.role === 'bridge' && other.device === bridgeName)) {
      view.role = 'port';
      view.bridgeName = bridgeName;
    }
  }
  // A file that a port names as its bridge is the bridge, even with a wrong or missing TYPE.
  for (const view of interfaces) {
    if (view.role !== 'plain') continue;
    if (interfaces.some((other) => other.role === 'port' && other.bridgeName === view.device)) view.role = 'bridge';
  }
  const names = new Set<string>();
  for (const v of interfaces) {
    if (v.role === 'bridge' && v.device) names.add(v.device);
    if (v.role === 'port' && v.bridgeName) names.add(v.bridgeName);
  }
  const bridges: BridgeSetup[] = [...names].map((name) => {
    const view = interfaces.find((v) => v.role === 'bridge' && v.device === name);
    const file = view?.file;
    const ports: PortSetup[] = interfaces
      .filter((v) => v.role === 'port' && v.bridgeName === name && v.device)
      .map((v) => {
        const port: PortSetup = { device: v.device!, file: v.file, onBoot: onBootOf(v.file) };
        const hwaddr = valueOf(v.file, 'HWADDR');
        if (hwaddr) port.hwaddr = hwaddr;
        const mtu = intOf(v.file, 'MTU');
        if (mtu !== undefined) port.mtu = mtu;
        const n = valueOf(v.file, 'NAME');
        if (n) port.connectionName = n;
        const u = valueOf(v.file, 'UUID');
        if (u) port.uuid = u;
        return port;
      });
    const setup: BridgeSetup = {
      name,
      ports,
      stp: file ? parseNmStp(valueOf(file, 'STP')).on : false,
      ipv4: file ? ipv4Of(file) : { method: 'disabled', dns: [] },
      ipv6: file ? parseNmBoolean(valueOf(file, 'IPV6INIT')) === true : false,
      onBoot: file ? onBootOf(file) : true,
      nmControlled: file ? parseNmBoolean(valueOf(file, 'NM_CONTROLLED')) !== false : true,
    };
    if (file) {
      setup.file = file;
      const delay = intOf(file, 'DELAY');
      if (delay !== undefined) setup.forwardDelay = delay;
      const mtu = intOf(file, 'MTU');
      if (mtu !== undefined) setup.mtu = mtu;
      const mac = valueOf(file, 'MACADDR') ?? valueOf(file, 'BRIDGE_MACADDR');
      if (mac) setup.macAddress = mac;
      const n = valueOf(file, 'NAME');
      if (n) setup.connectionName = n;
      const u = valueOf(file, 'UUID');
      if (u) setup.uuid = u;
    }
    return setup;
  });
  return { interfaces, bridges };
}

function onBootOf(file: IfcfgFile): boolean {
  return parseNmBoolean(valueOf(file, 'ONBOOT')) !== false;
}

/** The broadcast address ifup passes to `ip addr add … brd`. */
export function broadcastOf(address: string, prefix: number): string | undefined {
  const a = parseIpv4(address);
  if (a === null) return undefined;
  const hostBits = prefix >= 32 ? 0 : (0xffffffff >>> prefix) >>> 0;
  return formatIpv4((a | hostBits) >>> 0);
}
