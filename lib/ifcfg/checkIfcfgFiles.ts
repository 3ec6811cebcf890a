// The rules: the real mistakes people make in a bridge's ifcfg files, each with what initscripts
// (the EL7 `network` service, ifup) and NetworkManager (the ifcfg-rh plugin) would do with it.
//
// Severity: "error" when at least one of the two tools would not build the bridge, port or address
// as written (it fails, ignores the setting, or reads it differently from the other tool);
// "warning" when both tools do what the file says but the file is fragile or misleading.

import { buildBridgeModel, parseBrctlStp, parseInitscriptsBoolean, parseNmBoolean, parseNmStp, valueOf, type InterfaceView } from './buildBridgeModel.ts';
import { describeIfcfgKey, IFCFG_KEYS } from './ifcfgKeys.ts';
import { classfulPrefix, isIpv6Address, isMacAddress, isUuid, isValidInterfaceName, netmaskToPrefix, netmaskToPrefixLikeNetworkManager, parseIpv4, sameSubnet } from './ipv4Address.ts';
import { bashValueOf, keyLocation, nmAssignmentOf, parseIfcfgFile, type IfcfgFile } from './parseIfcfgFile.ts';

export type Severity = 'error' | 'warning';

export interface Finding {
  /** The file's path as given. */
  file: string;
  line: number;
  column: number;
  /** The key the finding is about ("" when it is about the whole file). */
  key: string;
  severity: Severity;
  /** The rule's id, e.g. "type-case". */
  rule: string;
  /** One sentence naming the key and what is wrong. */
  message: string;
  /** What initscripts (network service / ifup, bash) does with it. */
  initscripts: string;
  /** What NetworkManager (ifcfg-rh) does with it. */
  networkManager: string;
}

export interface RuleInfo {
  id: string;
  summary: string;
}

/** Every rule, for documentation and the editor's legend. */
export const IFCFG_RULES: readonly RuleInfo[] = [
  { id: 'crlf', summary: 'Windows (CRLF) line endings' },
  { id: 'unquoted-space', summary: 'an unquoted value with a space' },
  { id: 'shell-expansion', summary: '$ or a backtick in a value' },
  { id: 'shell-syntax', summary: 'a line bash or NetworkManager cannot read as KEY=value' },
  { id: 'duplicate-key', summary: 'a key set twice' },
  { id: 'key-case', summary: 'a key in the wrong case (keys are case-sensitive)' },
  { id: 'type-case', summary: 'TYPE=bridge instead of TYPE=Bridge' },
  { id: 'bridge-type-missing', summary: 'a bridge file without TYPE=Bridge' },
  { id: 'device-missing', summary: 'no DEVICE' },
  { id: 'device-name', summary: 'DEVICE is not a valid interface name' },
  { id: 'device-file-mismatch', summary: 'DEVICE does not match the file name' },
  { id: 'file-name', summary: 'a file name the tools skip, or load twice' },
  { id: 'bridge-not-found', summary: 'BRIDGE= names a bridge with no file' },
  { id: 'bridge-in-bridge-file', summary: 'BRIDGE= in the bridge\'s own file' },
  { id: 'bridge-without-port', summary: 'a bridge no port names' },
  { id: 'port-type-bridge', summary: 'TYPE=Bridge in a port file' },
  { id: 'port-ip-settings', summary: 'IP settings left on the port' },
  { id: 'wireless-port', summary: 'a Wi-Fi interface as a bridge port' },
  { id: 'nm-controlled-mismatch', summary: 'NM_CONTROLLED differs between bridge and port' },
  { id: 'hwaddr-on-bridge', summary: 'HWADDR in ifcfg-br0' },
  { id: 'boolean-value', summary: 'a yes/no key with another spelling (on/off, true/false, upper case)' },
  { id: 'onboot-no', summary: 'the bridge or a port does not start at boot' },
  { id: 'bootproto-value', summary: 'BOOTPROTO in upper case or unknown' },
  { id: 'static-without-address', summary: 'static addressing without IPADDR' },
  { id: 'dhcp-with-address', summary: 'BOOTPROTO=dhcp together with IPADDR' },
  { id: 'ipaddr-with-prefix', summary: 'a /prefix inside IPADDR' },
  { id: 'invalid-address', summary: 'an IP address that is not one' },
  { id: 'bad-netmask', summary: 'a NETMASK that is not a contiguous mask' },
  { id: 'bad-prefix', summary: 'a PREFIX outside 0-32' },
  { id: 'missing-prefix', summary: 'IPADDR without PREFIX or NETMASK' },
  { id: 'gateway-outside-subnet', summary: 'GATEWAY outside the address\'s subnet' },
  { id: 'invalid-mac', summary: 'a MAC address that is not one' },
  { id: 'invalid-uuid', summary: 'a UUID that is not one, or used twice' },
  { id: 'stp-value', summary: 'STP spelled in a way one tool refuses' },
  { id: 'stp-delay-range', summary: 'STP on with DELAY outside 2-30 (e.g. DELAY=0)' },
  { id: 'stp-default-delay', summary: 'STP on with the default 15 s forward delay' },
  { id: 'bridging-opts', summary: 'BRIDGING_OPTS with unknown or time-valued options' },
  { id: 'mtu-mismatch', summary: 'MTU differs between bridge and port' },
];

const IP_KEYS_ON_PORT = /^(IPADDR\d*|PREFIX\d*|NETMASK\d*|GATEWAY\d*|DNS\d+|IPV6ADDR|IPV6ADDR_SECONDARIES|IPV6_DEFAULTGW)$/;
const SOFT_IP_KEYS_ON_PORT = /^(DEFROUTE|PEERDNS|PEERROUTES|DOMAIN|IPV4_FAILURE_FATAL|IPV6_AUTOCONF|IPV6_DEFROUTE|IPV6_FAILURE_FATAL|IPV6_PEERDNS|IPV6_PEERROUTES|DHCPV6C|ZONE)$/;
const BOOLEAN_KEYS = ['ONBOOT', 'NM_CONTROLLED', 'DEFROUTE', 'PEERDNS', 'IPV6INIT', 'IPV6_AUTOCONF', 'IPV6_DEFROUTE', 'IPV4_FAILURE_FATAL', 'IPV6_FAILURE_FATAL', 'USERCTL', 'AUTOCONNECT_SLAVES', 'ARPCHECK'];
const NM_BRIDGE_OPTIONS = new Set(['priority', 'hello_time', 'max_age', 'ageing_time', 'multicast_snooping', 'vlan_filtering', 'default_pvid', 'group_fwd_mask']);
const NM_PORT_OPTIONS = new Set(['priority', 'path_cost', 'hairpin_mode']);
const KERNEL_BRIDGE_OPTIONS = new Set([...NM_BRIDGE_OPTIONS, 'forward_delay', 'stp_state', 'group_addr', 'hash_elasticity', 'hash_max', 'multicast_router', 'multicast_querier', 'multicast_query_use_ifaddr', 'multicast_last_member_count', 'multicast_last_member_interval', 'multicast_membership_interval', 'multicast_querier_interval', 'multicast_query_interval', 'multicast_query_response_interval', 'multicast_startup_query_count', 'multicast_startup_query_interval', 'nf_call_arptables', 'nf_call_ip6tables', 'nf_call_iptables', 'vlan_protocol', 'vlan_stats_enabled', 'multicast_stats_enabled', 'multicast_igmp_version', 'multicast_mld_version']);
const KERNEL_PORT_OPTIONS = new Set([...NM_PORT_OPTIONS, 'multicast_router', 'multicast_fast_leave', 'bpdu_guard', 'root_block', 'learning', 'unicast_flood', 'multicast_flood', 'broadcast_flood', 'proxyarp', 'proxyarp_wifi', 'group_fwd_mask', 'neigh_suppress', 'isolated']);
const TIME_OPTIONS = new Set(['hello_time', 'max_age', 'ageing_time', 'forward_delay']);
const KNOWN_KEYS_UPPER = new Map(IFCFG_KEYS.map((k) => [k.key.toUpperCase(), k.key]));

interface Context {
  file: IfcfgFile;
  view: InterfaceView;
  all: InterfaceView[];
  add(f: Omit<Finding, 'file' | 'line' | 'column'> & { line?: number; column?: number }): void;
  reportedLines: Set<number>;
}

function where(file: IfcfgFile, key: string): { line: number; column: number } {
  return keyLocation(file, key) ?? { line: 1, column: 1 };
}

/** Check a set of ifcfg files (a bridge and its ports) together. */
export function checkIfcfgFiles(inputs: readonly { path: string; text: string }[]): Finding[] {
  const findings: Finding[] = [];
  // Windows line endings are reported once; everything else is judged on the text without them,
  // so one stray "\r" does not hide or duplicate other findings.
  const files = inputs.map((input) => {
    const original = parseIfcfgFile(input.path, input.text);
    if (original.crlfLines.length > 0) {
      const line = original.crlfLines[0]!;
      const typeLine = original.text.split('\n').findIndex((l) => /^\s*TYPE=/.test(l)) + 1;
      findings.push({
        file: input.path, line, column: 1, key: '', severity: 'error', rule: 'crlf',
        message: `${original.crlfLines.length} line(s) end in CRLF (Windows line endings); convert the file with dos2unix`,
        initscripts: `bash keeps the "\\r" in every value${typeLine ? ' (TYPE=Bridge becomes "Bridge\\r", so no bridge is created)' : ''}, and a blank line runs the command $'\\r' ("command not found")`,
        networkManager: 'reads the file fine ("\\r" counts as whitespace)',
      });
      return parseIfcfgFile(input.path, input.text.replace(/\r\n/g, '\n'));
    }
    return original;
  });
  const model = buildBridgeModel(files);
  for (const view of model.interfaces) {
    const file = view.file;
    const reportedLines = new Set<number>();
    const ctx: Context = {
      file, view, all: model.interfaces, reportedLines,
      add(f) {
        const at = f.line !== undefined ? { line: f.line, column: f.column ?? 1 } : where(file, f.key);
        findings.push({ file: file.path, ...f, line: at.line, column: at.column });
      },
    };
    checkSyntax(ctx);
    checkKeys(ctx);
    checkDevice(ctx);
    checkBooleans(ctx);
    checkAddresses(ctx);
    checkMacs(ctx);
    if (view.role === 'bridge') checkBridge(ctx);
    if (view.role === 'port') checkPort(ctx);
  }
  checkUuids(model.interfaces, findings);
  findings.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : 0));
  return findings;
}

function checkSyntax(ctx: Context): void {
  const { file } = ctx;
  // Values NetworkManager reads as "" because of an unquoted space; bash runs the rest as a command.
  for (const a of file.nm.assignments) {
    if (a.value !== null) continue;
    const bashCommand = file.bash.diagnostics.find((d) => d.kind === 'command-not-found' && d.line === a.line);
    if (a.error?.includes('unquoted space') && bashCommand) {
      const shown = a.raw.replace(/\s+#.*$/, '').trim();
      ctx.reportedLines.add(a.line);
      ctx.add({
        key: a.key, line: a.line, column: a.valueColumn, severity: 'error', rule: 'unquoted-space',
        message: `${a.key}=${shown}: the value has a space but no quotes; write ${a.key}="${shown}"`,
        initscripts: `bash sets ${a.key} only for the command "${bashCommand.word}" and runs it: "${bashCommand.message}"; ${a.key} stays unset`,
        networkManager: `the value is "badly quoted" and treated as empty, so ${a.key} is unset`,
      });
      continue;
    }
    if (a.error?.includes('inside double quotes')) {
      ctx.reportedLines.add(a.line);
      const bashSees = file.bash.assignments.find((b) => b.line === a.line && b.key === a.key);
      ctx.add({
        key: a.key, line: a.line, column: a.valueColumn, severity: 'error', rule: 'shell-expansion',
        message: `${a.key}=${a.raw.trim()}: "$" or a backtick inside double quotes; write the value out literally (use single quotes if it really contains "$")`,
        initscripts: `bash expands it${bashSees ? ` (${a.key} becomes "${bashSees.value}")` : ''}`,
        networkManager: `does not expand variables: the value is badly quoted and ${a.key} counts as unset`,
      });
      continue;
    }
  }
  // Unquoted $VAR or `cmd`: NetworkManager keeps it literally, bash expands it.
  for (const b of file.bash.assignments) {
    if (b.expansions.length === 0 || ctx.reportedLines.has(b.line)) continue;
    const nm = file.nm.assignments.find((a) => a.line === b.line && a.key === b.key);
    if (nm && nm.value === null) continue;
    ctx.reportedLines.add(b.line);
    ctx.add({
      key: b.key, line: b.line, column: b.valueColumn, severity: 'error', rule: 'shell-expansion',
      message: `${b.key}=${b.raw}: ${b.expansions.join(', ')} is a shell expansion; write the value out literally`,
      initscripts: `bash expands it: ${b.key}="${b.value}"${b.expansions.some((e) => e.startsWith('$(') || e.startsWith('`')) ? ' (and runs the command each time the file is read)' : ''}`,
      networkManager: nm ? `does not expand it: ${b.key} is the literal text "${nm.value}"` : 'ignores the line',
    });
  }
  // Anything else bash complains about.
  for (const d of file.bash.diagnostics) {
    if (ctx.reportedLines.has(d.line)) continue;
    if (d.kind === 'command-not-found' && d.word === '\r') continue;
    ctx.reportedLines.add(d.line);
    const nmInvalid = file.nm.invalidLines.find((l) => l.line === d.line);
    const nmBad = file.nm.assignments.find((a) => a.line === d.line && a.value === null);
    const lineText = file.text.split('\n')[d.line - 1] ?? '';
    const key = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)/.exec(lineText)?.[1] ?? '';
    ctx.add({
      key, line: d.line, column: d.column, severity: 'error', rule: 'shell-syntax',
      message: `${key ? key + ': ' : ''}bash cannot source this line as a plain assignment: ${d.message}`,
      initscripts: d.kind === 'unterminated-quote' || d.kind === 'syntax-error'
        ? `bash prints "${d.message}" and stops: nothing after line ${d.line} is applied`
        : `bash prints "${d.message}"${d.kind === 'command-not-found' ? '; the variable is not set' : ''}`,
      networkManager: nmInvalid ? 'ignores the line ("invalid line ignored")' : nmBad ? `the value is badly quoted (${nmBad.error}); ${nmBad.key} counts as unset` : 'reads the line',
    });
  }
  // Lines NetworkManager skips that bash still runs (export KEY=..., KEY = value).
  for (const l of file.nm.invalidLines) {
    if (ctx.reportedLines.has(l.line)) continue;
    ctx.reportedLines.add(l.line);
    const exported = /^\s*(export|declare|readonly|typeset)\s+([A-Za-z_][A-Za-z0-9_]*)=/.exec(l.text);
    ctx.add({
      key: exported?.[2] ?? '', line: l.line, column: 1, severity: 'error', rule: 'shell-syntax',
      message: exported ? `${exported[2]}: "${exported[1]} ${exported[2]}=…" is bash syntax; write ${exported[2]}=… on its own` : `the line "${l.text.trim()}" is not KEY=value`,
      initscripts: exported ? `bash sets ${exported[2]}` : 'bash runs it as a command',
      networkManager: `ignores the line ("invalid line ignored")${exported ? `, so ${exported[2]} is unset` : ''}`,
    });
  }
  // Other values NetworkManager cannot read.
  for (const a of file.nm.assignments) {
    if (a.value !== null || ctx.reportedLines.has(a.line)) continue;
    ctx.reportedLines.add(a.line);
    const bashSees = bashValueOf(file, a.key);
    ctx.add({
      key: a.key, line: a.line, column: a.valueColumn, severity: 'error', rule: 'shell-syntax',
      message: `${a.key}=${a.raw}: NetworkManager cannot read this value (${a.error})`,
      initscripts: bashSees !== undefined ? `bash sets ${a.key}="${bashSees}"` : `bash does not set ${a.key}`,
      networkManager: `the value is badly quoted and treated as empty, so ${a.key} is unset`,
    });
  }
  // Duplicates: both tools use the last one (NetworkManager before 1.6, in RHEL 7.0-7.3, used the first).
  const seen = new Map<string, number>();
  for (const a of file.nm.assignments) {
    const first = seen.get(a.key);
    if (first !== undefined && !ctx.reportedLines.has(a.line)) {
      const firstValue = file.nm.assignments.find((x) => x.line === first)?.value;
      ctx.add({
        key: a.key, line: a.line, column: a.column, severity: 'warning', rule: 'duplicate-key',
        message: `${a.key} is set twice (lines ${first} and ${a.line}); keep one`,
        initscripts: `the last one wins (${a.key}="${a.value ?? ''}")`,
        networkManager: `the last one wins in NetworkManager 1.6+ (RHEL 7.4+); older versions used the first${firstValue !== undefined && firstValue !== a.value ? ` ("${firstValue ?? ''}")` : ''}`,
      });
    } else if (first === undefined) seen.set(a.key, a.line);
  }
}

function checkKeys(ctx: Context): void {
  const { file } = ctx;
  for (const a of file.nm.assignments) {
    if (describeIfcfgKey(a.key)) continue;
    const upper = a.key.toUpperCase();
    const known = KNOWN_KEYS_UPPER.get(upper) ?? (/^(IPADDR|PREFIX|NETMASK|GATEWAY|DNS)\d*$/.test(upper) ? upper : undefined);
    if (known && known !== a.key) {
      ctx.add({
        key: a.key, line: a.line, column: a.column, severity: 'error', rule: 'key-case',
        message: `${a.key}: keys are case-sensitive; write ${known}`,
        initscripts: `sets a variable named ${a.key}, which no script reads; ${known} stays unset`,
        networkManager: `does not know ${a.key}; ${known} stays unset`,
      });
    }
  }
  if (!file.name.startsWith('ifcfg-')) {
    ctx.add({
      key: '', line: 1, column: 1, severity: 'warning', rule: 'file-name',
      message: `the file name "${file.name}" does not start with "ifcfg-"; save it as /etc/sysconfig/network-scripts/ifcfg-<device>`,
      initscripts: 'the network service only brings up files named ifcfg-*',
      networkManager: 'the ifcfg-rh plugin only loads files named ifcfg-*',
    });
  } else if (/(\.(bak|old|orig|rpmnew|rpmorig|rpmsave|backup|save|swp)|~|-copy)$/.test(file.name)) {
    ctx.add({
      key: '', line: 1, column: 1, severity: 'warning', rule: 'file-name',
      message: `"${file.name}" looks like a backup copy; move it out of network-scripts/`,
      initscripts: /\.(bak|old|orig|rpmnew|rpmorig|rpmsave)$|~$/.test(file.name) ? 'skips it' : 'loads it as one more interface',
      networkManager: /\.(bak|orig|rej|rpmnew)$|~$/.test(file.name) ? 'skips it' : 'loads it as one more connection; a copied UUID gives "conflicting UUID"',
    });
  }
}

function checkDevice(ctx: Context): void {
  const { file, view } = ctx;
  const device = valueOf(file, 'DEVICE');
  if (device === undefined) {
    const bridge = view.role === 'bridge';
    ctx.add({
      key: 'DEVICE', line: 1, column: 1, severity: bridge ? 'error' : 'warning', rule: 'device-missing',
      message: `DEVICE is missing; add DEVICE=${file.suffix ?? 'br0'}`,
      initscripts: `uses the file-name suffix${file.suffix ? ` (${file.suffix})` : ''} as the device`,
      networkManager: bridge ? 'rejects the file: "mandatory DEVICE keyword missing"' : 'binds the connection to no interface in particular (any NIC can match it)',
    });
    return;
  }
  if (!isValidInterfaceName(device)) {
    ctx.add({
      key: 'DEVICE', severity: 'error', rule: 'device-name',
      message: `DEVICE=${device} is not a valid interface name (1-15 characters, no "/", ":" or spaces)`,
      initscripts: '`ip link` refuses the name',
      networkManager: 'rejects the file: invalid interface name',
    });
    return;
  }
  if (file.suffix !== null && file.suffix !== device && !file.suffix.startsWith(device + '.') && !ctx.reportedLines.has(where(file, 'DEVICE').line)) {
    ctx.add({
      key: 'DEVICE', severity: 'warning', rule: 'device-file-mismatch',
      message: `DEVICE=${device} does not match the file name ${file.name}; rename the file to ifcfg-${device}`,
      initscripts: `configures ${device}, but the boot loop and ifdown go by the name "${file.suffix}"`,
      networkManager: `configures ${device}; the file name only sets the default connection name`,
    });
  }
}

function checkBooleans(ctx: Context): void {
  const { file } = ctx;
  for (const key of BOOLEAN_KEYS) {
    const nmA = nmAssignmentOf(file, key);
    const raw = valueOf(file, key);
    if (raw === undefined || !nmA || ctx.reportedLines.has(nmA.line)) continue;
    if (raw === 'yes' || raw === 'no') continue;
    const nmDefault = key === 'IPV6INIT' || key === 'USERCTL' || key === 'IPV4_FAILURE_FATAL' || key === 'IPV6_FAILURE_FATAL' || key === 'AUTOCONNECT_SLAVES' ? false : true;
    const nmReads = parseNmBoolean(raw);
    const nmResult = nmReads ?? nmDefault;
    let initResult: boolean;
    let initText: string;
    if (key === 'ONBOOT') {
      const skippedByService = file.text.split('\n').some((l) => /^ONBOOT=['"]?[Nn][Oo]['"]?/.test(l));
      initResult = !skippedByService && raw !== 'no' && raw !== 'NO';
      initText = initResult ? `the network service only skips ONBOOT=no/NO, so it brings the interface up at boot` : 'does not bring it up at boot';
    } else if (key === 'DEFROUTE') {
      initResult = raw !== 'no';
      initText = initResult ? 'only the exact word "no" turns the default route off, so it still adds it' : 'adds no default route';
    } else {
      const r = parseInitscriptsBoolean(raw);
      initResult = r ?? nmDefault;
      initText = r === undefined ? `does not recognise "${raw}" and uses the default (${nmDefault ? 'yes' : 'no'})` : `reads it as ${r ? 'yes' : 'no'}`;
    }
    const nmText = nmReads === undefined ? `"${raw}" is not a boolean for NetworkManager (on/off are not), so it uses the default (${nmDefault ? 'yes' : 'no'})` : `reads it as ${nmReads ? 'yes' : 'no'}`;
    const intendedRaw = parseInitscriptsBoolean(raw);
    const intended = intendedRaw ?? parseNmBoolean(raw);
    const disagree = initResult !== nmResult || (intended !== undefined && (initResult !== intended || nmResult !== intended));
    ctx.add({
      key, severity: disagree ? 'error' : 'warning', rule: 'boolean-value',
      message: `${key}=${raw}: write ${key}=${intended === false ? 'no' : 'yes'} (only lower-case yes/no means the same to both tools)`,
      initscripts: initText,
      networkManager: nmText,
    });
  }
}

function checkAddresses(ctx: Context): void {
  const { file, view } = ctx;
  if (view.role === 'port') return; // reported as port-ip-settings
  const bootprotoA = nmAssignmentOf(file, 'BOOTPROTO');
  const bootproto = valueOf(file, 'BOOTPROTO');
  if (bootproto !== undefined && bootprotoA && !ctx.reportedLines.has(bootprotoA.line)) {
    const lower = bootproto.toLowerCase();
    if (['none', 'static', 'dhcp', 'bootp'].includes(lower) && lower !== bootproto) {
      const dynamic = lower === 'dhcp' || lower === 'bootp';
      ctx.add({
        key: 'BOOTPROTO', severity: dynamic ? 'error' : 'warning', rule: 'bootproto-value',
        message: `BOOTPROTO=${bootproto}: write BOOTPROTO=${lower} in lower case`,
        initscripts: dynamic ? `only lower-case "dhcp"/"bootp" start dhclient: "${bootproto}" is treated as static, and with no IPADDR the interface gets no address` : 'treats it as static',
        networkManager: `reads it case-insensitively as ${lower}`,
      });
    } else if (!['none', 'static', 'dhcp', 'bootp'].includes(lower)) {
      ctx.add({
        key: 'BOOTPROTO', severity: 'error', rule: 'bootproto-value',
        message: `BOOTPROTO=${bootproto} is not a method both tools know; use none (static) or dhcp`,
        initscripts: 'treats anything but dhcp/bootp as static',
        networkManager: ['autoip', 'shared'].includes(lower) ? `uses the NetworkManager-only method "${lower}"` : lower === 'ibft' ? 'ignores the file ("Ignoring iBFT configuration")' : `rejects the file: "Unknown BOOTPROTO '${bootproto}'"`,
      });
    }
  }
  const lower = (bootproto ?? 'none').toLowerCase();
  const dynamic = lower === 'dhcp' || lower === 'bootp';
  const ipaddr = valueOf(file, 'IPADDR') ?? valueOf(file, 'IPADDR0') ?? valueOf(file, 'IPADDR1');
  const gateway = valueOf(file, 'GATEWAY');
  // Address syntax.
  let addressNumber: number | null = null;
  for (const a of file.nm.assignments) {
    if (!/^(IPADDR\d*|GATEWAY\d*|DNS\d+)$/.test(a.key) || a.value === null || a.value === '' || ctx.reportedLines.has(a.line)) continue;
    if (nmAssignmentOf(file, a.key) !== a) continue;
    const v = a.value;
    if (/^IPADDR/.test(a.key) && /^[^/]+\/\d+$/.test(v) && parseIpv4(v.split('/')[0]!) !== null) {
      const [addr, pfx] = v.split('/');
      ctx.add({
        key: a.key, line: a.line, column: a.valueColumn, severity: 'error', rule: 'ipaddr-with-prefix',
        message: `${a.key}=${v}: the prefix does not go in ${a.key}; write ${a.key}=${addr} and PREFIX${a.key.slice(6)}=${pfx}`,
        initscripts: `ipcalc and \`ip addr add ${v}/<prefix>\` fail: "Error adding address ${addr} for ${valueOf(file, 'DEVICE') ?? 'the device'}"`,
        networkManager: `rejects the file: "Invalid ${a.key} IP4 address '${v}'"`,
      });
      continue;
    }
    const okV4 = parseIpv4(v) !== null;
    const ok = okV4 || (/^DNS/.test(a.key) && isIpv6Address(v));
    if (!ok) {
      ctx.add({
        key: a.key, line: a.line, column: a.valueColumn, severity: 'error', rule: 'invalid-address',
        message: `${a.key}=${v} is not an IPv4 address (four numbers 0-255, e.g. 192.168.1.10)`,
        initscripts: /^DNS/.test(a.key) ? 'writes it into /etc/resolv.conf, where the resolver ignores it' : '`ip` refuses it ("Error: any valid prefix is expected" / "Error adding address")',
        networkManager: `rejects the file: "Invalid ${a.key.replace(/\d+$/, '')} IP4 address '${v}'"`,
      });
    } else if (/^IPADDR/.test(a.key) && addressNumber === null) addressNumber = parseIpv4(v);
  }
  // Prefix and netmask.
  let prefix: number | null = null;
  const prefixRaw = valueOf(file, 'PREFIX') ?? valueOf(file, 'PREFIX0');
  const maskRaw = valueOf(file, 'NETMASK') ?? valueOf(file, 'NETMASK0');
  if (prefixRaw !== undefined) {
    if (/^\d+$/.test(prefixRaw) && Number(prefixRaw) <= 32) prefix = Number(prefixRaw);
    else {
      ctx.add({
        key: nmAssignmentOf(file, 'PREFIX') ? 'PREFIX' : 'PREFIX0', severity: 'error', rule: 'bad-prefix',
        message: `PREFIX=${prefixRaw} is not a prefix length 0-32`,
        initscripts: `ipcalc fails and the address is not added`,
        networkManager: `rejects the file: "Invalid IP4 prefix '${prefixRaw}'"`,
      });
    }
  }
  if (maskRaw !== undefined) {
    const p = netmaskToPrefix(maskRaw);
    if (p === null) {
      const nmPrefix = netmaskToPrefixLikeNetworkManager(maskRaw);
      ctx.add({
        key: nmAssignmentOf(file, 'NETMASK') ? 'NETMASK' : 'NETMASK0', severity: prefixRaw !== undefined ? 'warning' : 'error', rule: 'bad-netmask',
        message: `NETMASK=${maskRaw} is not a valid netmask (it must be ones then zeros, e.g. 255.255.255.0)${prefixRaw !== undefined ? '; PREFIX wins, so delete NETMASK' : ''}`,
        initscripts: prefixRaw !== undefined ? 'uses PREFIX and ignores NETMASK' : `"ipcalc: bad netmask: ${maskRaw}", then the address is not added`,
        networkManager: nmPrefix === null ? 'rejects the file: invalid NETMASK' : prefixRaw !== undefined ? 'uses PREFIX' : `silently uses /${nmPrefix} (32 minus the trailing zero bits)`,
      });
    } else if (prefix === null && prefixRaw === undefined) prefix = p;
  }
  if (addressNumber !== null && prefix === null && prefixRaw === undefined && maskRaw === undefined && !dynamic) {
    const assumed = classfulPrefix(addressNumber);
    ctx.add({
      key: 'IPADDR', severity: 'warning', rule: 'missing-prefix',
      message: `IPADDR has no PREFIX or NETMASK; add PREFIX= (both tools assume the old classful /${assumed})`,
      initscripts: `assumes /${assumed}`,
      networkManager: `assumes /${assumed} ("missing PREFIX, assuming …/${assumed}")`,
    });
    prefix = assumed;
  }
  if (view.role === 'bridge' || view.role === 'plain') {
    if (!dynamic && ipaddr === undefined) {
      const explicitlyStatic = lower === 'static';
      const extras = ['GATEWAY', 'PREFIX', 'NETMASK'].filter((k) => valueOf(file, k) !== undefined);
      if (explicitlyStatic || extras.length > 0) {
        ctx.add({
          key: explicitlyStatic ? 'BOOTPROTO' : extras[0]!, severity: 'error', rule: 'static-without-address',
          message: `${explicitlyStatic ? 'BOOTPROTO=static' : extras.join('/') + ' is set'} but there is no IPADDR; add IPADDR= (or use BOOTPROTO=dhcp)`,
          initscripts: 'brings the link up with no address and no default route',
          networkManager: 'IPv4 is disabled: no address, and the gateway is ignored',
        });
      } else if (view.role === 'bridge') {
        ctx.add({
          key: bootproto !== undefined ? 'BOOTPROTO' : 'DEVICE', severity: 'warning', rule: 'static-without-address',
          message: `${valueOf(file, 'DEVICE') ?? 'the bridge'} gets no IPv4 address (no IPADDR and no BOOTPROTO=dhcp); the host is unreachable through it`,
          initscripts: 'brings the bridge up without an address',
          networkManager: 'IPv4 is disabled on the bridge',
        });
      }
    }
    if (dynamic && ipaddr !== undefined) {
      ctx.add({
        key: 'IPADDR', severity: 'warning', rule: 'dhcp-with-address',
        message: `BOOTPROTO=${bootproto} and IPADDR=${ipaddr}: pick one (delete IPADDR for DHCP, or set BOOTPROTO=none)`,
        initscripts: 'runs dhclient and ignores IPADDR',
        networkManager: 'adds IPADDR as an extra static address next to the DHCP one',
      });
    }
  }
  if (gateway !== undefined && addressNumber !== null && prefix !== null && !dynamic) {
    const g = parseIpv4(gateway);
    if (g !== null && !sameSubnet(g, addressNumber, prefix)) {
      ctx.add({
        key: 'GATEWAY', severity: 'error', rule: 'gateway-outside-subnet',
        message: `GATEWAY=${gateway} is outside ${ipaddr}/${prefix}; the gateway must be in the same subnet`,
        initscripts: 'silently adds no default route (ifup-eth only adds a gateway in the subnet of IPADDR)',
        networkManager: 'accepts the file and tries to add the default route, but the gateway is not on the link, so the route is unreachable or refused',
      });
    }
  }
}

function checkMacs(ctx: Context): void {
  const { file } = ctx;
  for (const key of ['HWADDR', 'MACADDR', 'BRIDGE_MACADDR']) {
    const v = valueOf(file, key);
    if (v !== undefined && !isMacAddress(v)) {
      ctx.add({
        key, severity: 'error', rule: 'invalid-mac',
        message: `${key}=${v} is not a MAC address (six hex bytes, e.g. 52:54:00:12:34:56)`,
        initscripts: key === 'HWADDR' ? 'never matches the NIC: "Device … has different MAC address than expected, ignoring."' : '`ip link set … address` fails',
        networkManager: `rejects the file: invalid ${key}`,
      });
    }
  }
}

function checkBridge(ctx: Context): void {
  const { file, view, all } = ctx;
  const typeRaw = valueOf(file, 'TYPE');
  const bashType = bashValueOf(file, 'TYPE');
  const name = view.device ?? 'br0';
  if (typeRaw === undefined || typeRaw.toLowerCase() !== 'bridge') {
    ctx.add({
      key: 'TYPE', line: typeRaw === undefined ? 1 : undefined, severity: 'error', rule: 'bridge-type-missing',
      message: `${typeRaw === undefined ? 'TYPE is missing' : `TYPE=${typeRaw}`}, but a port names ${name} as its bridge; add TYPE=Bridge`,
      initscripts: `configures ${name} as a plain NIC ("Device ${name} does not seem to be present, delaying initialization."); a port's ifup creates a bare ${name} without the address`,
      networkManager: `treats it as an Ethernet connection, not a bridge; the ports' master is not a bridge`,
    });
  } else if (typeRaw !== 'Bridge' || (bashType !== undefined && bashType !== 'Bridge')) {
    ctx.add({
      key: 'TYPE', severity: 'error', rule: 'type-case',
      message: `TYPE=${typeRaw}: initscripts wants exactly TYPE=Bridge (capital B, case-sensitive)`,
      initscripts: `no bridge is created: ${name} is treated as a plain device ("Device ${name} does not seem to be present, delaying initialization.")`,
      networkManager: 'accepts it (compares case-insensitively)',
    });
  }
  const bridgeKey = valueOf(file, 'BRIDGE');
  if (bridgeKey !== undefined) {
    ctx.add({
      key: 'BRIDGE', severity: 'error', rule: 'bridge-in-bridge-file',
      message: `BRIDGE=${bridgeKey} is in the bridge's own file; move it to the port file (ifcfg-eth0)`,
      initscripts: bridgeKey === name ? `brctl: "device ${name} is a bridge device itself; can't enslave a bridge device to a bridge device."` : `tries to enslave ${name} to ${bridgeKey}`,
      networkManager: `makes the bridge connection a port of ${bridgeKey}; the NIC is not enslaved`,
    });
  }
  const hw = valueOf(file, 'HWADDR');
  if (hw !== undefined) {
    ctx.add({
      key: 'HWADDR', severity: 'error', rule: 'hwaddr-on-bridge',
      message: `HWADDR=${hw} in the bridge file; delete it (use MACADDR= to pin the bridge's MAC)`,
      initscripts: `checks it before creating the bridge: "Device ${name} has different MAC address than expected, ignoring."`,
      networkManager: 'ignores HWADDR for bridges',
    });
  }
  const ports = all.filter((v) => v.role === 'port' && v.bridgeName === name);
  const plainNics = all.filter((v) => v.role === 'plain' && (valueOf(v.file, 'TYPE') ?? 'Ethernet').toLowerCase() === 'ethernet');
  if (ports.length === 0 && plainNics.length > 0 && all.every((v) => v.role !== 'port')) {
    const nic = plainNics[0]!;
    ctx.add({
      key: 'DEVICE', severity: 'error', rule: 'bridge-without-port',
      message: `DEVICE=${name} is a bridge, but ${nic.file.name} has no BRIDGE=${name}, so ${nic.device ?? 'the NIC'} is not its port; add BRIDGE=${name} to ${nic.file.name}`,
      initscripts: `brings ${name} up with no uplink and ${nic.device ?? 'the NIC'} up as a separate interface: the bridge (and its VMs) cannot reach the LAN`,
      networkManager: `activates ${name} with no ports; ${nic.device ?? 'the NIC'} stays a separate connection`,
    });
  } else if (ports.length === 0 && all.length > 0) {
    ctx.add({
      key: 'DEVICE', severity: 'warning', rule: 'bridge-without-port',
      message: `DEVICE=${name} is a bridge, but no port file says BRIDGE=${name}; add BRIDGE=${name} to the NIC's file (e.g. ifcfg-eth0), or check it together with this one`,
      initscripts: `creates ${name} with no uplink: VMs on it cannot reach the LAN`,
      networkManager: `activates ${name} with no ports`,
    });
  }
  if (valueOf(file, 'ONBOOT') === 'no') {
    ctx.add({
      key: 'ONBOOT', severity: 'warning', rule: 'onboot-no',
      message: `ONBOOT=no: the bridge ${name} does not come up at boot; set ONBOOT=yes`,
      initscripts: 'not brought up at boot',
      networkManager: 'not connected automatically',
    });
  }
  // STP and DELAY.
  const stpRaw = valueOf(file, 'STP');
  const nmStp = parseNmStp(stpRaw);
  const brStp = parseBrctlStp(stpRaw);
  if (stpRaw !== undefined && !['on', 'off', 'yes', 'no'].includes(stpRaw)) {
    const intended = parseInitscriptsBoolean(stpRaw);
    const disagree = nmStp.on !== brStp.on || (intended !== undefined && (nmStp.on !== intended || brStp.on !== intended)) || intended === undefined;
    ctx.add({
      key: 'STP', severity: disagree ? 'error' : 'warning', rule: 'stp-value',
      message: `STP=${stpRaw}: write STP=${intended === true ? 'yes' : 'no'} (lower-case yes/no or on/off)`,
      initscripts: brStp.valid ? `brctl stp ${name} ${stpRaw}: STP ${brStp.on ? 'on' : 'off'}` : `brctl stp ${name} ${stpRaw}: "expect on/off for argument"; STP stays off`,
      networkManager: nmStp.valid ? `STP ${nmStp.on ? 'on' : 'off'}` : `"invalid STP value '${stpRaw}'"; STP off`,
    });
  }
  const delayRaw = valueOf(file, 'DELAY');
  const stpOn = nmStp.on || brStp.on;
  if (delayRaw !== undefined) {
    const delay = Number(delayRaw);
    if (!/^\d+(\.\d+)?$/.test(delayRaw)) {
      ctx.add({
        key: 'DELAY', severity: 'error', rule: 'stp-delay-range',
        message: `DELAY=${delayRaw} is not a number of seconds`,
        initscripts: `brctl setfd fails`,
        networkManager: `rejects the value: invalid DELAY`,
      });
    } else if (stpOn && (delay < 2 || delay > 30)) {
      ctx.add({
        key: 'DELAY', severity: 'error', rule: 'stp-delay-range',
        message: `STP is on and DELAY=${delayRaw}; with STP on the forward delay must be 2-30 s (use STP=no with DELAY=0, or DELAY=2 with STP)`,
        initscripts: 'accepts it (brctl setfd runs before STP is switched on)',
        networkManager: `rejects the connection: "bridge.forward-delay: value '${delayRaw}' is out of range <2-30>"`,
      });
    }
  } else if (stpOn) {
    ctx.add({
      key: 'STP', severity: 'warning', rule: 'stp-default-delay',
      message: `STP=${stpRaw} with no DELAY: every new port (each VM's vnet) waits 2 × 15 s before forwarding; set STP=no, or DELAY=2`,
      initscripts: 'uses the kernel default, 15 s',
      networkManager: 'uses the default forward delay, 15 s',
    });
  }
  checkBridgingOpts(ctx, true);
}

function checkPort(ctx: Context): void {
  const { file, view, all } = ctx;
  const bridgeName = view.bridgeName!;
  const bridge = all.find((v) => v.role === 'bridge' && v.device === bridgeName);
  if (!bridge) {
    ctx.add({
      key: 'BRIDGE', severity: 'error', rule: 'bridge-not-found',
      message: `BRIDGE=${bridgeName}, but no ifcfg file defines DEVICE=${bridgeName} with TYPE=Bridge; create ifcfg-${bridgeName}`,
      initscripts: `ifup ${view.device ?? 'the port'} creates a bare ${bridgeName} (brctl addbr) with no address, so the host loses its IP`,
      networkManager: `the port waits for a master that does not exist ("Master connection not found or invalid")`,
    });
  }
  // IP settings on the port.
  for (const a of file.nm.assignments) {
    if (ctx.reportedLines.has(a.line) || nmAssignmentOf(file, a.key) !== a || a.value === null || a.value === '') continue;
    const bootDynamic = a.key === 'BOOTPROTO' && ['dhcp', 'bootp'].includes(a.value.toLowerCase());
    if (IP_KEYS_ON_PORT.test(a.key) || bootDynamic) {
      ctx.add({
        key: a.key, line: a.line, column: a.column, severity: 'error', rule: 'port-ip-settings',
        message: `${a.key}=${a.value} on the port ${view.device}: IP settings belong in ifcfg-${bridgeName}; delete ${a.key} here${bootDynamic ? ' (use BOOTPROTO=none)' : ''}`,
        initscripts: `ifup flushes ${view.device}'s addresses and enslaves it; ${a.key} is ignored${bridge && valueOf(bridge.file, 'IPADDR') === undefined && !['dhcp', 'bootp'].includes((valueOf(bridge.file, 'BOOTPROTO') ?? '').toLowerCase()) ? `, and ${bridgeName} has no address either: the host is unreachable` : ''}`,
        networkManager: 'drops IP settings from a port connection without a word',
      });
    } else if (SOFT_IP_KEYS_ON_PORT.test(a.key) || (a.key === 'IPV6INIT' && parseNmBoolean(a.value) === true)) {
      ctx.add({
        key: a.key, line: a.line, column: a.column, severity: 'warning', rule: 'port-ip-settings',
        message: `${a.key}=${a.value} on the port ${view.device} has no effect; IP options belong in ifcfg-${bridgeName}`,
        initscripts: `ignored: a port's ifup stops after enslaving it`,
        networkManager: 'ignored for a port connection',
      });
    }
  }
  const type = valueOf(file, 'TYPE');
  if (type !== undefined && type.toLowerCase() === 'bridge') {
    ctx.add({
      key: 'TYPE', severity: 'error', rule: 'port-type-bridge',
      message: `TYPE=${type} in the port file of ${view.device}: a port is TYPE=Ethernet; only ifcfg-${bridgeName} says TYPE=Bridge`,
      initscripts: `tries to create a bridge named ${view.device} ("device ${view.device} already exists; can't create bridge with the same name") instead of enslaving the NIC`,
      networkManager: `makes ${view.device} a bridge connection, not a port of ${bridgeName}`,
    });
  }
  // Wi-Fi port.
  const device = view.device ?? '';
  if ((type !== undefined && /^(wireless|wifi|wlan)$/i.test(type)) || valueOf(file, 'ESSID') !== undefined || /^wl/.test(device)) {
    const wifiKey = type !== undefined && /^(wireless|wifi|wlan)$/i.test(type) ? 'TYPE' : valueOf(file, 'ESSID') !== undefined ? 'ESSID' : 'DEVICE';
    ctx.add({
      key: wifiKey,
      severity: 'error', rule: 'wireless-port',
      message: `${wifiKey}=${valueOf(file, wifiKey) ?? device}: ${device} is a Wi-Fi interface; a Wi-Fi station cannot be a bridge port (use a wired NIC, or routed/NAT networking for VMs)`,
      initscripts: `brctl addif: "can't add ${device} to bridge ${bridgeName}: Operation not supported"`,
      networkManager: 'activation fails: the kernel refuses to enslave a Wi-Fi station (Operation not supported)',
    });
  }
  if (bridge) {
    // NM_CONTROLLED must agree.
    const portRaw = valueOf(file, 'NM_CONTROLLED');
    const bridgeRaw = valueOf(bridge.file, 'NM_CONTROLLED');
    const nmManaged = (raw: string | undefined) => parseNmBoolean(raw) ?? true;
    const initManaged = (raw: string | undefined) => parseInitscriptsBoolean(raw) !== false;
    if (nmManaged(portRaw) !== nmManaged(bridgeRaw) || initManaged(portRaw) !== initManaged(bridgeRaw)) {
      ctx.add({
        key: 'NM_CONTROLLED', line: portRaw !== undefined ? undefined : 1,
        severity: 'error', rule: 'nm-controlled-mismatch',
        message: `NM_CONTROLLED is ${portRaw ?? 'unset (yes)'} here but ${bridgeRaw ?? 'unset (yes)'} in ${bridge.file.name}; set the same value in both`,
        initscripts: 'one file is handed to NetworkManager and the other is not: `ifup` fails with "Error: Connection activation failed: Master connection not found or invalid"',
        networkManager: 'manages one side only, so the port cannot join the bridge ("Master connection not found or invalid")',
      });
    }
    const portMtu = valueOf(file, 'MTU');
    const bridgeMtu = valueOf(bridge.file, 'MTU');
    if (portMtu !== undefined && bridgeMtu !== undefined && portMtu !== bridgeMtu) {
      ctx.add({
        key: 'MTU', severity: 'warning', rule: 'mtu-mismatch',
        message: `MTU=${portMtu} here but MTU=${bridgeMtu} on ${bridgeName}; set them equal`,
        initscripts: `${bridgeName} takes the smallest MTU of its ports`,
        networkManager: `${bridgeName} takes the smallest MTU of its ports`,
      });
    }
  }
  if (valueOf(file, 'ONBOOT') === 'no') {
    ctx.add({
      key: 'ONBOOT', severity: 'warning', rule: 'onboot-no',
      message: `ONBOOT=no: ${view.device ?? 'the port'} does not join ${bridgeName} at boot; set ONBOOT=yes`,
      initscripts: 'not brought up at boot',
      networkManager: 'not connected automatically',
    });
  }
  checkBridgingOpts(ctx, false);
}

function checkBridgingOpts(ctx: Context, onBridge: boolean): void {
  const { file } = ctx;
  const raw = valueOf(file, 'BRIDGING_OPTS');
  if (raw === undefined) return;
  for (const option of raw.split(/\s+/).filter(Boolean)) {
    const [name, value] = option.split('=');
    if (!name) continue;
    const kernel = onBridge ? KERNEL_BRIDGE_OPTIONS : KERNEL_PORT_OPTIONS;
    const nm = onBridge ? NM_BRIDGE_OPTIONS : NM_PORT_OPTIONS;
    const sysfs = onBridge ? `/sys/class/net/<bridge>/bridge/${name}` : `/sys/class/net/<port>/brport/${name}`;
    if (!kernel.has(name)) {
      ctx.add({
        key: 'BRIDGING_OPTS', severity: 'error', rule: 'bridging-opts',
        message: `BRIDGING_OPTS option "${name}" is not a ${onBridge ? 'bridge' : 'bridge-port'} option`,
        initscripts: `bash: "${sysfs}: No such file or directory"`,
        networkManager: `"unhandled bridge option '${name}'"`,
      });
    } else if (TIME_OPTIONS.has(name) && onBridge) {
      ctx.add({
        key: 'BRIDGING_OPTS', severity: 'warning', rule: 'bridging-opts',
        message: `BRIDGING_OPTS ${name}=${value ?? ''}: the two tools read time options in different units; use DELAY for the forward delay and leave the others out`,
        initscripts: 'writes the number to sysfs, in hundredths of a second',
        networkManager: nm.has(name) ? 'reads it in seconds' : `"unhandled bridge option '${name}'"`,
      });
    } else if (!nm.has(name)) {
      ctx.add({
        key: 'BRIDGING_OPTS', severity: 'warning', rule: 'bridging-opts',
        message: `BRIDGING_OPTS option "${name}" is only applied by initscripts`,
        initscripts: `writes ${value ?? ''} to ${sysfs}`,
        networkManager: `"unhandled bridge option '${name}'": ignored`,
      });
    }
  }
}

function checkUuids(views: InterfaceView[], findings: Finding[]): void {
  const byUuid = new Map<string, IfcfgFile>();
  for (const { file } of views) {
    const uuid = valueOf(file, 'UUID');
    if (uuid === undefined) continue;
    const at = where(file, 'UUID');
    if (!isUuid(uuid)) {
      findings.push({
        file: file.path, ...at, key: 'UUID', severity: 'error', rule: 'invalid-uuid',
        message: `UUID=${uuid} is not a UUID; generate one with uuidgen, or delete the line`,
        initscripts: 'does not use it (only for the DHCP lease file name)',
        networkManager: 'rejects the file: invalid connection UUID',
      });
      continue;
    }
    const other = byUuid.get(uuid.toLowerCase());
    if (other) {
      findings.push({
        file: file.path, ...at, key: 'UUID', severity: 'error', rule: 'invalid-uuid',
        message: `UUID=${uuid} is also used by ${other.name}; every file needs its own (uuidgen)`,
        initscripts: 'does not care',
        networkManager: `loads only one of them: "cannot load … due to conflicting UUID"`,
      });
    } else byUuid.set(uuid.toLowerCase(), file);
  }
}

/** Whether a set of findings would stop a bridge from working with at least one tool. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** One line per finding: FILE:LINE: error|warning: [rule] message */
export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}: ${f.severity}: [${f.rule}] ${f.message} (initscripts: ${f.initscripts}; NetworkManager: ${f.networkManager})`;
}
