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
import { bashDiagnosticWordings } from './bashDiagnosticWordings.ts';
import { shvarErrorWordings } from './shvarErrorWordings.ts';
import { textIn, wordMessage, type BookLocale, type LocalizedText } from '../book/localized-text.ts';

export type Severity = 'error' | 'warning';

/** A finding's three sentences, each written in every edition of the book. */
export interface FindingWording {
  message: LocalizedText;
  initscripts: LocalizedText;
  networkManager: LocalizedText;
}

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
  /** One sentence naming the key and what is wrong (English; `wording` has every edition). */
  message: string;
  /** What initscripts (network service / ifup, bash) does with it (English). */
  initscripts: string;
  /** What NetworkManager (ifcfg-rh) does with it (English). */
  networkManager: string;
  /** The three sentences above in every edition: wordFinding(finding, locale) picks one. */
  wording: FindingWording;
}

export interface RuleInfo {
  id: string;
  /** English; `wording` has every edition. */
  summary: string;
  wording: LocalizedText;
}

/** English and Chinese side by side: the sentences of a finding are composed in both at once. */
function both(en: string, zh: string): LocalizedText {
  return { en, 'zh-CN': zh };
}

function rule(id: string, en: string, zh: string): RuleInfo {
  return { id, summary: en, wording: both(en, zh) };
}

/** Every rule, for documentation and the editor's legend. */
export const IFCFG_RULES: readonly RuleInfo[] = [
  rule('crlf', 'Windows (CRLF) line endings', 'Windows（CRLF）换行符'),
  rule('unquoted-space', 'an unquoted value with a space', '值里有空格却没加引号'),
  rule('shell-expansion', '$ or a backtick in a value', '值里有 $ 或反引号'),
  rule('shell-syntax', 'a line bash or NetworkManager cannot read as KEY=value', 'bash 或 NetworkManager 无法当作 KEY=value 读取的行'),
  rule('duplicate-key', 'a key set twice', '同一个键设置了两次'),
  rule('key-case', 'a key in the wrong case (keys are case-sensitive)', '键的大小写写错了（键区分大小写）'),
  rule('type-case', 'TYPE=bridge instead of TYPE=Bridge', '写成了 TYPE=bridge 而不是 TYPE=Bridge'),
  rule('bridge-type-missing', 'a bridge file without TYPE=Bridge', '网桥文件里没有 TYPE=Bridge'),
  rule('device-missing', 'no DEVICE', '没有 DEVICE'),
  rule('device-name', 'DEVICE is not a valid interface name', 'DEVICE 不是合法的接口名'),
  rule('device-file-mismatch', 'DEVICE does not match the file name', 'DEVICE 与文件名不一致'),
  rule('file-name', 'a file name the tools skip, or load twice', '工具会跳过或重复加载的文件名'),
  rule('bridge-not-found', 'BRIDGE= names a bridge with no file', 'BRIDGE= 指向的网桥没有配置文件'),
  rule('bridge-in-bridge-file', 'BRIDGE= in the bridge\'s own file', 'BRIDGE= 写在了网桥自己的文件里'),
  rule('bridge-without-port', 'a bridge no port names', '没有任何端口指向的网桥'),
  rule('port-type-bridge', 'TYPE=Bridge in a port file', '端口文件里写了 TYPE=Bridge'),
  rule('port-ip-settings', 'IP settings left on the port', 'IP 设置留在了端口上'),
  rule('wireless-port', 'a Wi-Fi interface as a bridge port', '把 Wi-Fi 接口当作网桥端口'),
  rule('nm-controlled-mismatch', 'NM_CONTROLLED differs between bridge and port', '网桥和端口的 NM_CONTROLLED 不一致'),
  rule('hwaddr-on-bridge', 'HWADDR in ifcfg-br0', 'ifcfg-br0 里有 HWADDR'),
  rule('boolean-value', 'a yes/no key with another spelling (on/off, true/false, upper case)', 'yes/no 类的键用了别的写法（on/off、true/false、大写）'),
  rule('onboot-no', 'the bridge or a port does not start at boot', '网桥或端口开机时不启动'),
  rule('bootproto-value', 'BOOTPROTO in upper case or unknown', 'BOOTPROTO 用了大写或未知的值'),
  rule('static-without-address', 'static addressing without IPADDR', '静态地址却没有 IPADDR'),
  rule('dhcp-with-address', 'BOOTPROTO=dhcp together with IPADDR', 'BOOTPROTO=dhcp 和 IPADDR 同时出现'),
  rule('ipaddr-with-prefix', 'a /prefix inside IPADDR', 'IPADDR 里带了 /前缀'),
  rule('invalid-address', 'an IP address that is not one', '不是合法 IP 地址的 IP 地址'),
  rule('bad-netmask', 'a NETMASK that is not a contiguous mask', '不连续的 NETMASK'),
  rule('bad-prefix', 'a PREFIX outside 0-32', 'PREFIX 不在 0–32 之间'),
  rule('missing-prefix', 'IPADDR without PREFIX or NETMASK', '有 IPADDR 却没有 PREFIX 或 NETMASK'),
  rule('gateway-outside-subnet', 'GATEWAY outside the address\'s subnet', 'GATEWAY 不在地址所在的子网内'),
  rule('invalid-mac', 'a MAC address that is not one', '不是合法 MAC 地址的 MAC 地址'),
  rule('invalid-uuid', 'a UUID that is not one, or used twice', '不合法或重复使用的 UUID'),
  rule('stp-value', 'STP spelled in a way one tool refuses', 'STP 的写法有一个工具不接受'),
  rule('stp-delay-range', 'STP on with DELAY outside 2-30 (e.g. DELAY=0)', 'STP 打开而 DELAY 不在 2–30 之间（例如 DELAY=0）'),
  rule('stp-default-delay', 'STP on with the default 15 s forward delay', 'STP 打开且使用默认的 15 秒转发延迟'),
  rule('bridging-opts', 'BRIDGING_OPTS with unknown or time-valued options', 'BRIDGING_OPTS 里有未知选项或时间类选项'),
  rule('mtu-mismatch', 'MTU differs between bridge and port', '网桥和端口的 MTU 不一致'),
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

/** A finding as a rule writes it: its three sentences in every edition. */
type NewFinding = Omit<Finding, 'file' | 'line' | 'column' | 'message' | 'initscripts' | 'networkManager' | 'wording'> & FindingWording;

interface Context {
  file: IfcfgFile;
  view: InterfaceView;
  all: InterfaceView[];
  add(f: NewFinding & { line?: number; column?: number }): void;
  reportedLines: Set<number>;
}

function where(file: IfcfgFile, key: string): { line: number; column: number } {
  return keyLocation(file, key) ?? { line: 1, column: 1 };
}

/** A finding with its English sentences taken from its wording (one source for both editions). */
function finding(file: string, at: { line: number; column: number }, f: NewFinding): Finding {
  const { message, initscripts, networkManager, ...rest } = f;
  return {
    file, ...rest, line: at.line, column: at.column,
    message: message.en, initscripts: initscripts.en, networkManager: networkManager.en,
    wording: { message, initscripts, networkManager },
  };
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
      const count = original.crlfLines.length;
      const typeLine = original.text.split('\n').findIndex((l) => /^\s*TYPE=/.test(l)) + 1;
      findings.push(finding(input.path, { line, column: 1 }, {
        key: '', severity: 'error', rule: 'crlf',
        message: both(
          `${count} line(s) end in CRLF (Windows line endings); convert the file with dos2unix`,
          `有 ${count} 行以 CRLF（Windows 换行符）结尾；请用 dos2unix 转换这个文件`,
        ),
        initscripts: both(
          `bash keeps the "\\r" in every value${typeLine ? ' (TYPE=Bridge becomes "Bridge\\r", so no bridge is created)' : ''}, and a blank line runs the command $'\\r' ("command not found")`,
          `bash 会把“\\r”留在每个值里${typeLine ? '（TYPE=Bridge 变成“Bridge\\r”，于是网桥不会被创建）' : ''}，空行则会被当作命令 $'\\r' 来运行（“command not found”）`,
        ),
        networkManager: both('reads the file fine ("\\r" counts as whitespace)', '能正常读取这个文件（“\\r”算作空白）'),
      }));
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
      add({ line, column, ...f }) {
        const at = line !== undefined ? { line, column: column ?? 1 } : where(file, f.key);
        findings.push(finding(file.path, at, f));
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
    if (a.problem?.code === 'textAfterSpace' && bashCommand) {
      const shown = a.raw.replace(/\s+#.*$/, '').trim();
      ctx.reportedLines.add(a.line);
      ctx.add({
        key: a.key, line: a.line, column: a.valueColumn, severity: 'error', rule: 'unquoted-space',
        message: both(
          `${a.key}=${shown}: the value has a space but no quotes; write ${a.key}="${shown}"`,
          `${a.key}=${shown}：值里有空格却没加引号；请写成 ${a.key}="${shown}"`,
        ),
        initscripts: both(
          `bash sets ${a.key} only for the command "${bashCommand.word}" and runs it: "${bashCommand.message}"; ${a.key} stays unset`,
          `bash 只为命令“${bashCommand.word}”设置 ${a.key}，并运行这条命令：“${bashCommand.message}”；${a.key} 仍然没有设置`,
        ),
        networkManager: both(
          `the value is "badly quoted" and treated as empty, so ${a.key} is unset`,
          `这个值“引号有误”（badly quoted），被当作空值，所以 ${a.key} 没有设置`,
        ),
      });
      continue;
    }
    if (a.problem?.code === 'expansionInDoubleQuotes') {
      ctx.reportedLines.add(a.line);
      const bashSees = file.bash.assignments.find((b) => b.line === a.line && b.key === a.key);
      ctx.add({
        key: a.key, line: a.line, column: a.valueColumn, severity: 'error', rule: 'shell-expansion',
        message: both(
          `${a.key}=${a.raw.trim()}: "$" or a backtick inside double quotes; write the value out literally (use single quotes if it really contains "$")`,
          `${a.key}=${a.raw.trim()}：双引号里有“$”或反引号；请把值原样写出来（如果值里确实有“$”，就用单引号）`,
        ),
        initscripts: both(
          `bash expands it${bashSees ? ` (${a.key} becomes "${bashSees.value}")` : ''}`,
          `bash 会展开它${bashSees ? `（${a.key} 变成“${bashSees.value}”）` : ''}`,
        ),
        networkManager: both(
          `does not expand variables: the value is badly quoted and ${a.key} counts as unset`,
          `不展开变量：这个值算作引号有误，${a.key} 视为没有设置`,
        ),
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
    const runsCommand = b.expansions.some((e) => e.startsWith('$(') || e.startsWith('`'));
    ctx.add({
      key: b.key, line: b.line, column: b.valueColumn, severity: 'error', rule: 'shell-expansion',
      message: both(
        `${b.key}=${b.raw}: ${b.expansions.join(', ')} is a shell expansion; write the value out literally`,
        `${b.key}=${b.raw}：${b.expansions.join('、')} 是 shell 展开；请把值原样写出来`,
      ),
      initscripts: both(
        `bash expands it: ${b.key}="${b.value}"${runsCommand ? ' (and runs the command each time the file is read)' : ''}`,
        `bash 会展开它：${b.key}="${b.value}"${runsCommand ? '（而且每次读取这个文件都会运行那条命令）' : ''}`,
      ),
      networkManager: nm
        ? both(`does not expand it: ${b.key} is the literal text "${nm.value}"`, `不展开它：${b.key} 就是字面文字“${nm.value}”`)
        : both('ignores the line', '忽略这一行'),
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
    const said = wordMessage(bashDiagnosticWordings, d.said, 'zh-CN');
    const networkManager = nmInvalid
      ? both('ignores the line ("invalid line ignored")', '忽略这一行（“invalid line ignored”）')
      : nmBad
        ? both(
            `the value is badly quoted (${nmBad.error}); ${nmBad.key} counts as unset`,
            `这个值引号有误（${nmBad.problem ? wordMessage(shvarErrorWordings, nmBad.problem, 'zh-CN') : nmBad.error}）；${nmBad.key} 视为没有设置`,
          )
        : both('reads the line', '正常读取这一行');
    if (d.kind === 'executes') {
      const command = d.said.code === 'executes' ? d.said.params.command : '';
      const assigned = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\+?=/.exec(lineText)?.[1] ?? '';
      ctx.add({
        key: assigned, line: d.line, column: d.column, severity: 'error', rule: 'shell-syntax',
        message: both(
          `${assigned ? assigned + ': ' : ''}this line runs a command, it is not a plain assignment: ${command}`,
          `${assigned ? assigned + '：' : ''}这一行会运行命令，不是普通赋值：${command}`,
        ),
        initscripts: both(`${d.message} (ifup sources the file as root)`, `${said}（ifup 以 root 身份 source 这个文件）`),
        networkManager,
      });
      continue;
    }
    const key = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)/.exec(lineText)?.[1] ?? '';
    const stops = d.kind === 'unterminated-quote' || d.kind === 'syntax-error';
    ctx.add({
      key, line: d.line, column: d.column, severity: 'error', rule: 'shell-syntax',
      message: both(
        `${key ? key + ': ' : ''}bash cannot source this line as a plain assignment: ${d.message}`,
        `${key ? key + '：' : ''}bash 不能把这一行当作普通赋值来执行：${said}`,
      ),
      initscripts: stops
        ? both(
            `bash prints "${d.message}" and stops: nothing after line ${d.line} is applied`,
            `bash 输出“${d.message}”后停止读取：第 ${d.line} 行之后的内容都不会生效`,
          )
        : both(
            `bash prints "${d.message}"${d.kind === 'command-not-found' ? '; the variable is not set' : ''}`,
            `bash 输出“${d.message}”${d.kind === 'command-not-found' ? '；这个变量没有设置' : ''}`,
          ),
      networkManager,
    });
  }
  // Lines NetworkManager skips that bash still runs (export KEY=..., KEY = value).
  for (const l of file.nm.invalidLines) {
    if (ctx.reportedLines.has(l.line)) continue;
    ctx.reportedLines.add(l.line);
    const exported = /^\s*(export|declare|readonly|typeset)\s+([A-Za-z_][A-Za-z0-9_]*)=/.exec(l.text);
    ctx.add({
      key: exported?.[2] ?? '', line: l.line, column: 1, severity: 'error', rule: 'shell-syntax',
      message: exported
        ? both(
            `${exported[2]}: "${exported[1]} ${exported[2]}=…" is bash syntax; write ${exported[2]}=… on its own`,
            `${exported[2]}：“${exported[1]} ${exported[2]}=…”是 bash 语法；请单独写 ${exported[2]}=…`,
          )
        : both(`the line "${l.text.trim()}" is not KEY=value`, `“${l.text.trim()}”这一行不是 KEY=value 的形式`),
      initscripts: exported ? both(`bash sets ${exported[2]}`, `bash 会设置 ${exported[2]}`) : both('bash runs it as a command', 'bash 把它当作命令来运行'),
      networkManager: both(
        `ignores the line ("invalid line ignored")${exported ? `, so ${exported[2]} is unset` : ''}`,
        `忽略这一行（“invalid line ignored”）${exported ? `，所以 ${exported[2]} 没有设置` : ''}`,
      ),
    });
  }
  // Other values NetworkManager cannot read.
  for (const a of file.nm.assignments) {
    if (a.value !== null || ctx.reportedLines.has(a.line)) continue;
    ctx.reportedLines.add(a.line);
    const bashSees = bashValueOf(file, a.key);
    const why = a.problem ? wordMessage(shvarErrorWordings, a.problem, 'zh-CN') : a.error;
    ctx.add({
      key: a.key, line: a.line, column: a.valueColumn, severity: 'error', rule: 'shell-syntax',
      message: both(
        `${a.key}=${a.raw}: NetworkManager cannot read this value (${a.error})`,
        `${a.key}=${a.raw}：NetworkManager 读不了这个值（${why}）`,
      ),
      initscripts: bashSees !== undefined
        ? both(`bash sets ${a.key}="${bashSees}"`, `bash 设置 ${a.key}="${bashSees}"`)
        : both(`bash does not set ${a.key}`, `bash 不会设置 ${a.key}`),
      networkManager: both(
        `the value is badly quoted and treated as empty, so ${a.key} is unset`,
        `这个值引号有误，被当作空值，所以 ${a.key} 没有设置`,
      ),
    });
  }
  // Duplicates: both tools use the last one (NetworkManager before 1.6, in RHEL 7.0-7.3, used the first).
  const seen = new Map<string, number>();
  for (const a of file.nm.assignments) {
    const first = seen.get(a.key);
    if (first !== undefined && !ctx.reportedLines.has(a.line)) {
      const firstValue = file.nm.assignments.find((x) => x.line === first)?.value;
      const firstDiffers = firstValue !== undefined && firstValue !== a.value;
      ctx.add({
        key: a.key, line: a.line, column: a.column, severity: 'warning', rule: 'duplicate-key',
        message: both(
          `${a.key} is set twice (lines ${first} and ${a.line}); keep one`,
          `${a.key} 设置了两次（第 ${first} 行和第 ${a.line} 行）；只保留一个`,
        ),
        initscripts: both(`the last one wins (${a.key}="${a.value ?? ''}")`, `以最后一个为准（${a.key}="${a.value ?? ''}"）`),
        networkManager: both(
          `the last one wins in NetworkManager 1.6+ (RHEL 7.4+); older versions used the first${firstDiffers ? ` ("${firstValue ?? ''}")` : ''}`,
          `NetworkManager 1.6 及以后（RHEL 7.4 及以后）以最后一个为准；更老的版本用第一个${firstDiffers ? `（“${firstValue ?? ''}”）` : ''}`,
        ),
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
        message: both(`${a.key}: keys are case-sensitive; write ${known}`, `${a.key}：键区分大小写；请写成 ${known}`),
        initscripts: both(
          `sets a variable named ${a.key}, which no script reads; ${known} stays unset`,
          `设置了一个名为 ${a.key} 的变量，但没有哪个脚本读它；${known} 仍然没有设置`,
        ),
        networkManager: both(`does not know ${a.key}; ${known} stays unset`, `不认识 ${a.key}；${known} 仍然没有设置`),
      });
    }
  }
  if (!file.name.startsWith('ifcfg-')) {
    ctx.add({
      key: '', line: 1, column: 1, severity: 'warning', rule: 'file-name',
      message: both(
        `the file name "${file.name}" does not start with "ifcfg-"; save it as /etc/sysconfig/network-scripts/ifcfg-<device>`,
        `文件名“${file.name}”不以“ifcfg-”开头；请保存为 /etc/sysconfig/network-scripts/ifcfg-<设备名>`,
      ),
      initscripts: both('the network service only brings up files named ifcfg-*', 'network 服务只启用名为 ifcfg-* 的文件'),
      networkManager: both('the ifcfg-rh plugin only loads files named ifcfg-*', 'ifcfg-rh 插件只加载名为 ifcfg-* 的文件'),
    });
  } else if (/(\.(bak|old|orig|rpmnew|rpmorig|rpmsave|backup|save|swp)|~|-copy)$/.test(file.name)) {
    const initSkips = /\.(bak|old|orig|rpmnew|rpmorig|rpmsave)$|~$/.test(file.name);
    const nmSkips = /\.(bak|orig|rej|rpmnew)$|~$/.test(file.name);
    ctx.add({
      key: '', line: 1, column: 1, severity: 'warning', rule: 'file-name',
      message: both(
        `"${file.name}" looks like a backup copy; move it out of network-scripts/`,
        `“${file.name}”看起来是一份备份；请把它移出 network-scripts/`,
      ),
      initscripts: initSkips ? both('skips it', '跳过它') : both('loads it as one more interface', '把它当作又一个接口加载'),
      networkManager: nmSkips
        ? both('skips it', '跳过它')
        : both(
            'loads it as one more connection; a copied UUID gives "conflicting UUID"',
            '把它当作又一个连接加载；复制来的 UUID 会导致“conflicting UUID”',
          ),
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
      message: both(`DEVICE is missing; add DEVICE=${file.suffix ?? 'br0'}`, `缺少 DEVICE；请加上 DEVICE=${file.suffix ?? 'br0'}`),
      initscripts: both(
        `uses the file-name suffix${file.suffix ? ` (${file.suffix})` : ''} as the device`,
        `用文件名的后缀${file.suffix ? `（${file.suffix}）` : ''}作为设备名`,
      ),
      networkManager: bridge
        ? both('rejects the file: "mandatory DEVICE keyword missing"', '拒绝这个文件：“mandatory DEVICE keyword missing”')
        : both(
            'binds the connection to no interface in particular (any NIC can match it)',
            '这个连接不绑定到任何特定接口（任何网卡都可能匹配它）',
          ),
    });
    return;
  }
  if (!isValidInterfaceName(device)) {
    ctx.add({
      key: 'DEVICE', severity: 'error', rule: 'device-name',
      message: both(
        `DEVICE=${device} is not a valid interface name (1-15 characters, no "/", ":" or spaces)`,
        `DEVICE=${device} 不是合法的接口名（1–15 个字符，不含“/”、“:”或空格）`,
      ),
      initscripts: both('`ip link` refuses the name', '`ip link` 拒绝这个名字'),
      networkManager: both('rejects the file: invalid interface name', '拒绝这个文件：接口名不合法'),
    });
    return;
  }
  if (file.suffix !== null && file.suffix !== device && !file.suffix.startsWith(device + '.') && !ctx.reportedLines.has(where(file, 'DEVICE').line)) {
    ctx.add({
      key: 'DEVICE', severity: 'warning', rule: 'device-file-mismatch',
      message: both(
        `DEVICE=${device} does not match the file name ${file.name}; rename the file to ifcfg-${device}`,
        `DEVICE=${device} 与文件名 ${file.name} 不一致；请把文件改名为 ifcfg-${device}`,
      ),
      initscripts: both(
        `configures ${device}, but the boot loop and ifdown go by the name "${file.suffix}"`,
        `配置的是 ${device}，但开机时的遍历和 ifdown 按名字“${file.suffix}”来找`,
      ),
      networkManager: both(
        `configures ${device}; the file name only sets the default connection name`,
        `配置的是 ${device}；文件名只决定默认的连接名`,
      ),
    });
  }
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
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
    let initText: LocalizedText;
    if (key === 'ONBOOT') {
      const skippedByService = file.text.split('\n').some((l) => /^ONBOOT=['"]?[Nn][Oo]['"]?/.test(l));
      initResult = !skippedByService && raw !== 'no' && raw !== 'NO';
      initText = initResult
        ? both(
            'the network service only skips ONBOOT=no/NO, so it brings the interface up at boot',
            'network 服务只跳过 ONBOOT=no/NO，所以开机时会启用这个接口',
          )
        : both('does not bring it up at boot', '开机时不启用它');
    } else if (key === 'DEFROUTE') {
      initResult = raw !== 'no';
      initText = initResult
        ? both(
            'only the exact word "no" turns the default route off, so it still adds it',
            '只有一字不差的“no”才会关闭默认路由，所以它仍然添加默认路由',
          )
        : both('adds no default route', '不添加默认路由');
    } else {
      const r = parseInitscriptsBoolean(raw);
      initResult = r ?? nmDefault;
      initText = r === undefined
        ? both(
            `does not recognise "${raw}" and uses the default (${yesNo(nmDefault)})`,
            `不认识“${raw}”，于是使用默认值（${yesNo(nmDefault)}）`,
          )
        : both(`reads it as ${yesNo(r)}`, `把它读作 ${yesNo(r)}`);
    }
    const nmText = nmReads === undefined
      ? both(
          `"${raw}" is not a boolean for NetworkManager (on/off are not), so it uses the default (${yesNo(nmDefault)})`,
          `对 NetworkManager 来说“${raw}”不是布尔值（on/off 也不是），于是使用默认值（${yesNo(nmDefault)}）`,
        )
      : both(`reads it as ${yesNo(nmReads)}`, `把它读作 ${yesNo(nmReads)}`);
    const intendedRaw = parseInitscriptsBoolean(raw);
    const intended = intendedRaw ?? parseNmBoolean(raw);
    const disagree = initResult !== nmResult || (intended !== undefined && (initResult !== intended || nmResult !== intended));
    const write = intended === false ? 'no' : 'yes';
    ctx.add({
      key, severity: disagree ? 'error' : 'warning', rule: 'boolean-value',
      message: both(
        `${key}=${raw}: write ${key}=${write} (only lower-case yes/no means the same to both tools)`,
        `${key}=${raw}：请写成 ${key}=${write}（只有小写的 yes/no 对两个工具的含义相同）`,
      ),
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
        message: both(`BOOTPROTO=${bootproto}: write BOOTPROTO=${lower} in lower case`, `BOOTPROTO=${bootproto}：请用小写写成 BOOTPROTO=${lower}`),
        initscripts: dynamic
          ? both(
              `only lower-case "dhcp"/"bootp" start dhclient: "${bootproto}" is treated as static, and with no IPADDR the interface gets no address`,
              `只有小写的“dhcp”/“bootp”才会启动 dhclient：“${bootproto}”被当作静态地址，没有 IPADDR 时接口就得不到地址`,
            )
          : both('treats it as static', '把它当作静态地址'),
        networkManager: both(`reads it case-insensitively as ${lower}`, `不区分大小写，读作 ${lower}`),
      });
    } else if (!['none', 'static', 'dhcp', 'bootp'].includes(lower)) {
      ctx.add({
        key: 'BOOTPROTO', severity: 'error', rule: 'bootproto-value',
        message: both(
          `BOOTPROTO=${bootproto} is not a method both tools know; use none (static) or dhcp`,
          `BOOTPROTO=${bootproto} 不是两个工具都认识的方式；请用 none（静态）或 dhcp`,
        ),
        initscripts: both('treats anything but dhcp/bootp as static', '除 dhcp/bootp 之外的值都当作静态地址'),
        networkManager: ['autoip', 'shared'].includes(lower)
          ? both(`uses the NetworkManager-only method "${lower}"`, `使用 NetworkManager 独有的方式“${lower}”`)
          : lower === 'ibft'
            ? both('ignores the file ("Ignoring iBFT configuration")', '忽略这个文件（“Ignoring iBFT configuration”）')
            : both(`rejects the file: "Unknown BOOTPROTO '${bootproto}'"`, `拒绝这个文件：“Unknown BOOTPROTO '${bootproto}'”`),
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
      const device = valueOf(file, 'DEVICE');
      ctx.add({
        key: a.key, line: a.line, column: a.valueColumn, severity: 'error', rule: 'ipaddr-with-prefix',
        message: both(
          `${a.key}=${v}: the prefix does not go in ${a.key}; write ${a.key}=${addr} and PREFIX${a.key.slice(6)}=${pfx}`,
          `${a.key}=${v}：前缀不能写在 ${a.key} 里；请写 ${a.key}=${addr} 和 PREFIX${a.key.slice(6)}=${pfx}`,
        ),
        initscripts: both(
          `ipcalc and \`ip addr add ${v}/<prefix>\` fail: "Error adding address ${addr} for ${device ?? 'the device'}"`,
          `ipcalc 和 \`ip addr add ${v}/<前缀>\` 都会失败：“Error adding address ${addr} for ${device ?? '<设备>'}”`,
        ),
        networkManager: both(`rejects the file: "Invalid ${a.key} IP4 address '${v}'"`, `拒绝这个文件：“Invalid ${a.key} IP4 address '${v}'”`),
      });
      continue;
    }
    const okV4 = parseIpv4(v) !== null;
    const ok = okV4 || (/^DNS/.test(a.key) && isIpv6Address(v));
    if (!ok) {
      const nmName = a.key.replace(/\d+$/, '');
      ctx.add({
        key: a.key, line: a.line, column: a.valueColumn, severity: 'error', rule: 'invalid-address',
        message: both(
          `${a.key}=${v} is not an IPv4 address (four numbers 0-255, e.g. 192.168.1.10)`,
          `${a.key}=${v} 不是 IPv4 地址（四个 0–255 的数，例如 192.168.1.10）`,
        ),
        initscripts: /^DNS/.test(a.key)
          ? both('writes it into /etc/resolv.conf, where the resolver ignores it', '把它写进 /etc/resolv.conf，而解析器会忽略它')
          : both(
              '`ip` refuses it ("Error: any valid prefix is expected" / "Error adding address")',
              '`ip` 拒绝它（“Error: any valid prefix is expected” / “Error adding address”）',
            ),
        networkManager: both(`rejects the file: "Invalid ${nmName} IP4 address '${v}'"`, `拒绝这个文件：“Invalid ${nmName} IP4 address '${v}'”`),
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
        message: both(`PREFIX=${prefixRaw} is not a prefix length 0-32`, `PREFIX=${prefixRaw} 不是 0–32 之间的前缀长度`),
        initscripts: both('ipcalc fails and the address is not added', 'ipcalc 失败，地址不会被添加'),
        networkManager: both(`rejects the file: "Invalid IP4 prefix '${prefixRaw}'"`, `拒绝这个文件：“Invalid IP4 prefix '${prefixRaw}'”`),
      });
    }
  }
  if (maskRaw !== undefined) {
    const p = netmaskToPrefix(maskRaw);
    if (p === null) {
      const nmPrefix = netmaskToPrefixLikeNetworkManager(maskRaw);
      const withPrefix = prefixRaw !== undefined;
      ctx.add({
        key: nmAssignmentOf(file, 'NETMASK') ? 'NETMASK' : 'NETMASK0', severity: withPrefix ? 'warning' : 'error', rule: 'bad-netmask',
        message: both(
          `NETMASK=${maskRaw} is not a valid netmask (it must be ones then zeros, e.g. 255.255.255.0)${withPrefix ? '; PREFIX wins, so delete NETMASK' : ''}`,
          `NETMASK=${maskRaw} 不是合法的子网掩码（必须是一串 1 后面跟一串 0，例如 255.255.255.0）${withPrefix ? '；PREFIX 优先，所以请删掉 NETMASK' : ''}`,
        ),
        initscripts: withPrefix
          ? both('uses PREFIX and ignores NETMASK', '使用 PREFIX，忽略 NETMASK')
          : both(`"ipcalc: bad netmask: ${maskRaw}", then the address is not added`, `“ipcalc: bad netmask: ${maskRaw}”，然后地址不会被添加`),
        networkManager: nmPrefix === null
          ? both('rejects the file: invalid NETMASK', '拒绝这个文件：NETMASK 不合法')
          : withPrefix
            ? both('uses PREFIX', '使用 PREFIX')
            : both(
                `silently uses /${nmPrefix} (32 minus the trailing zero bits)`,
                `悄悄地使用 /${nmPrefix}（32 减去末尾 0 的位数）`,
              ),
      });
    } else if (prefix === null && prefixRaw === undefined) prefix = p;
  }
  if (addressNumber !== null && prefix === null && prefixRaw === undefined && maskRaw === undefined && !dynamic) {
    const assumed = classfulPrefix(addressNumber);
    ctx.add({
      key: 'IPADDR', severity: 'warning', rule: 'missing-prefix',
      message: both(
        `IPADDR has no PREFIX or NETMASK; add PREFIX= (both tools assume the old classful /${assumed})`,
        `IPADDR 没有 PREFIX 或 NETMASK；请加上 PREFIX=（两个工具都会按老式的地址类别假定为 /${assumed}）`,
      ),
      initscripts: both(`assumes /${assumed}`, `假定为 /${assumed}`),
      networkManager: both(`assumes /${assumed} ("missing PREFIX, assuming …/${assumed}")`, `假定为 /${assumed}（“missing PREFIX, assuming …/${assumed}”）`),
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
          message: explicitlyStatic
            ? both(
                'BOOTPROTO=static but there is no IPADDR; add IPADDR= (or use BOOTPROTO=dhcp)',
                '写了 BOOTPROTO=static 却没有 IPADDR；请加上 IPADDR=（或者改用 BOOTPROTO=dhcp）',
              )
            : both(
                `${extras.join('/')} is set but there is no IPADDR; add IPADDR= (or use BOOTPROTO=dhcp)`,
                `设置了 ${extras.join('/')} 却没有 IPADDR；请加上 IPADDR=（或者改用 BOOTPROTO=dhcp）`,
              ),
          initscripts: both('brings the link up with no address and no default route', '启用链路，但没有地址，也没有默认路由'),
          networkManager: both('IPv4 is disabled: no address, and the gateway is ignored', 'IPv4 被禁用：没有地址，网关也被忽略'),
        });
      } else if (view.role === 'bridge') {
        const device = valueOf(file, 'DEVICE');
        ctx.add({
          key: bootproto !== undefined ? 'BOOTPROTO' : 'DEVICE', severity: 'warning', rule: 'static-without-address',
          message: both(
            `${device ?? 'the bridge'} gets no IPv4 address (no IPADDR and no BOOTPROTO=dhcp); the host is unreachable through it`,
            `${device ?? '网桥'}得不到 IPv4 地址（既没有 IPADDR，也没有 BOOTPROTO=dhcp）；无法通过它访问这台主机`,
          ),
          initscripts: both('brings the bridge up without an address', '启用网桥，但它没有地址'),
          networkManager: both('IPv4 is disabled on the bridge', '网桥上的 IPv4 被禁用'),
        });
      }
    }
    if (dynamic && ipaddr !== undefined) {
      ctx.add({
        key: 'IPADDR', severity: 'warning', rule: 'dhcp-with-address',
        message: both(
          `BOOTPROTO=${bootproto} and IPADDR=${ipaddr}: pick one (delete IPADDR for DHCP, or set BOOTPROTO=none)`,
          `BOOTPROTO=${bootproto} 和 IPADDR=${ipaddr}：只能选一个（用 DHCP 就删掉 IPADDR，否则设 BOOTPROTO=none）`,
        ),
        initscripts: both('runs dhclient and ignores IPADDR', '运行 dhclient，忽略 IPADDR'),
        networkManager: both('adds IPADDR as an extra static address next to the DHCP one', '在 DHCP 地址之外，再把 IPADDR 加为一个静态地址'),
      });
    }
  }
  if (gateway !== undefined && addressNumber !== null && prefix !== null && !dynamic) {
    const g = parseIpv4(gateway);
    if (g !== null && !sameSubnet(g, addressNumber, prefix)) {
      ctx.add({
        key: 'GATEWAY', severity: 'error', rule: 'gateway-outside-subnet',
        message: both(
          `GATEWAY=${gateway} is outside ${ipaddr}/${prefix}; the gateway must be in the same subnet`,
          `GATEWAY=${gateway} 不在 ${ipaddr}/${prefix} 之内；网关必须在同一个子网里`,
        ),
        initscripts: both(
          'silently adds no default route (ifup-eth only adds a gateway in the subnet of IPADDR)',
          '悄悄地不添加默认路由（ifup-eth 只添加位于 IPADDR 子网内的网关）',
        ),
        networkManager: both(
          'accepts the file and tries to add the default route, but the gateway is not on the link, so the route is unreachable or refused',
          '接受这个文件并尝试添加默认路由，但网关不在这条链路上，所以路由不可达或被拒绝',
        ),
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
        message: both(
          `${key}=${v} is not a MAC address (six hex bytes, e.g. 52:54:00:12:34:56)`,
          `${key}=${v} 不是 MAC 地址（六个十六进制字节，例如 52:54:00:12:34:56）`,
        ),
        initscripts: key === 'HWADDR'
          ? both(
              'never matches the NIC: "Device … has different MAC address than expected, ignoring."',
              '永远匹配不上网卡：“Device … has different MAC address than expected, ignoring.”',
            )
          : both('`ip link set … address` fails', '`ip link set … address` 失败'),
        networkManager: both(`rejects the file: invalid ${key}`, `拒绝这个文件：${key} 不合法`),
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
      message: typeRaw === undefined
        ? both(
            `TYPE is missing, but a port names ${name} as its bridge; add TYPE=Bridge`,
            `缺少 TYPE，但有端口把 ${name} 当作它的网桥；请加上 TYPE=Bridge`,
          )
        : both(
            `TYPE=${typeRaw}, but a port names ${name} as its bridge; add TYPE=Bridge`,
            `这里是 TYPE=${typeRaw}，但有端口把 ${name} 当作它的网桥；请改为 TYPE=Bridge`,
          ),
      initscripts: both(
        `configures ${name} as a plain NIC ("Device ${name} does not seem to be present, delaying initialization."); a port's ifup creates a bare ${name} without the address`,
        `把 ${name} 当作普通网卡来配置（“Device ${name} does not seem to be present, delaying initialization.”）；端口的 ifup 会建出一个没有地址的空 ${name}`,
      ),
      networkManager: both(
        "treats it as an Ethernet connection, not a bridge; the ports' master is not a bridge",
        '把它当作以太网连接而不是网桥；端口的主连接（master）不是网桥',
      ),
    });
  } else if (typeRaw !== 'Bridge' || (bashType !== undefined && bashType !== 'Bridge')) {
    ctx.add({
      key: 'TYPE', severity: 'error', rule: 'type-case',
      message: both(
        `TYPE=${typeRaw}: initscripts wants exactly TYPE=Bridge (capital B, case-sensitive)`,
        `TYPE=${typeRaw}：initscripts 要求一字不差的 TYPE=Bridge（B 大写，区分大小写）`,
      ),
      initscripts: both(
        `no bridge is created: ${name} is treated as a plain device ("Device ${name} does not seem to be present, delaying initialization.")`,
        `不会创建网桥：${name} 被当作普通设备（“Device ${name} does not seem to be present, delaying initialization.”）`,
      ),
      networkManager: both('accepts it (compares case-insensitively)', '接受它（比较时不区分大小写）'),
    });
  }
  const bridgeKey = valueOf(file, 'BRIDGE');
  if (bridgeKey !== undefined) {
    ctx.add({
      key: 'BRIDGE', severity: 'error', rule: 'bridge-in-bridge-file',
      message: both(
        `BRIDGE=${bridgeKey} is in the bridge's own file; move it to the port file (ifcfg-eth0)`,
        `BRIDGE=${bridgeKey} 写在了网桥自己的文件里；请把它移到端口文件（ifcfg-eth0）中`,
      ),
      initscripts: bridgeKey === name
        ? both(
            `brctl: "device ${name} is a bridge device itself; can't enslave a bridge device to a bridge device."`,
            `brctl 报错：“device ${name} is a bridge device itself; can't enslave a bridge device to a bridge device.”`,
          )
        : both(`tries to enslave ${name} to ${bridgeKey}`, `试图把 ${name} 加入 ${bridgeKey}，作为它的端口`),
      networkManager: both(
        `makes the bridge connection a port of ${bridgeKey}; the NIC is not enslaved`,
        `把这个网桥连接变成 ${bridgeKey} 的端口；网卡并没有加入网桥`,
      ),
    });
  }
  const hw = valueOf(file, 'HWADDR');
  if (hw !== undefined) {
    ctx.add({
      key: 'HWADDR', severity: 'error', rule: 'hwaddr-on-bridge',
      message: both(
        `HWADDR=${hw} in the bridge file; delete it (use MACADDR= to pin the bridge's MAC)`,
        `网桥文件里有 HWADDR=${hw}；请删掉它（要固定网桥的 MAC，请用 MACADDR=）`,
      ),
      initscripts: both(
        `checks it before creating the bridge: "Device ${name} has different MAC address than expected, ignoring."`,
        `在创建网桥之前检查它：“Device ${name} has different MAC address than expected, ignoring.”`,
      ),
      networkManager: both('ignores HWADDR for bridges', '对网桥忽略 HWADDR'),
    });
  }
  const ports = all.filter((v) => v.role === 'port' && v.bridgeName === name);
  const plainNics = all.filter((v) => v.role === 'plain' && (valueOf(v.file, 'TYPE') ?? 'Ethernet').toLowerCase() === 'ethernet');
  if (ports.length === 0 && plainNics.length > 0 && all.every((v) => v.role !== 'port')) {
    const nic = plainNics[0]!;
    const nicEn = nic.device ?? 'the NIC';
    const nicZh = nic.device ?? '网卡';
    ctx.add({
      key: 'DEVICE', severity: 'error', rule: 'bridge-without-port',
      message: both(
        `DEVICE=${name} is a bridge, but ${nic.file.name} has no BRIDGE=${name}, so ${nicEn} is not its port; add BRIDGE=${name} to ${nic.file.name}`,
        `DEVICE=${name} 是网桥，但 ${nic.file.name} 里没有 BRIDGE=${name}，所以 ${nicZh} 不是它的端口；请在 ${nic.file.name} 里加上 BRIDGE=${name}`,
      ),
      initscripts: both(
        `brings ${name} up with no uplink and ${nicEn} up as a separate interface: the bridge (and its VMs) cannot reach the LAN`,
        `启用了没有上行链路的 ${name}，又把 ${nicZh} 作为独立接口启用：网桥（以及上面的虚拟机）连不到局域网`,
      ),
      networkManager: both(
        `activates ${name} with no ports; ${nicEn} stays a separate connection`,
        `激活了没有端口的 ${name}；${nicZh} 仍是一个独立的连接`,
      ),
    });
  } else if (ports.length === 0 && all.length > 0) {
    ctx.add({
      key: 'DEVICE', severity: 'warning', rule: 'bridge-without-port',
      message: both(
        `DEVICE=${name} is a bridge, but no port file says BRIDGE=${name}; add BRIDGE=${name} to the NIC's file (e.g. ifcfg-eth0), or check it together with this one`,
        `DEVICE=${name} 是网桥，但没有哪个端口文件写着 BRIDGE=${name}；请在网卡的文件（例如 ifcfg-eth0）里加上 BRIDGE=${name}，或者把那个文件和这个一起检查`,
      ),
      initscripts: both(`creates ${name} with no uplink: VMs on it cannot reach the LAN`, `创建了没有上行链路的 ${name}：接在上面的虚拟机连不到局域网`),
      networkManager: both(`activates ${name} with no ports`, `激活了没有端口的 ${name}`),
    });
  }
  if (valueOf(file, 'ONBOOT') === 'no') {
    ctx.add({
      key: 'ONBOOT', severity: 'warning', rule: 'onboot-no',
      message: both(
        `ONBOOT=no: the bridge ${name} does not come up at boot; set ONBOOT=yes`,
        `ONBOOT=no：网桥 ${name} 开机时不会启用；请设为 ONBOOT=yes`,
      ),
      initscripts: both('not brought up at boot', '开机时不启用'),
      networkManager: both('not connected automatically', '不会自动连接'),
    });
  }
  // STP and DELAY.
  const stpRaw = valueOf(file, 'STP');
  const nmStp = parseNmStp(stpRaw);
  const brStp = parseBrctlStp(stpRaw);
  if (stpRaw !== undefined && !['on', 'off', 'yes', 'no'].includes(stpRaw)) {
    const intended = parseInitscriptsBoolean(stpRaw);
    const disagree = nmStp.on !== brStp.on || (intended !== undefined && (nmStp.on !== intended || brStp.on !== intended)) || intended === undefined;
    const onOff = (on: boolean) => (on ? 'on' : 'off');
    ctx.add({
      key: 'STP', severity: disagree ? 'error' : 'warning', rule: 'stp-value',
      message: both(
        `STP=${stpRaw}: write STP=${intended === true ? 'yes' : 'no'} (lower-case yes/no or on/off)`,
        `STP=${stpRaw}：请写成 STP=${intended === true ? 'yes' : 'no'}（小写的 yes/no 或 on/off）`,
      ),
      initscripts: brStp.valid
        ? both(`brctl stp ${name} ${stpRaw}: STP ${onOff(brStp.on)}`, `brctl stp ${name} ${stpRaw}：STP ${brStp.on ? '打开' : '关闭'}`)
        : both(
            `brctl stp ${name} ${stpRaw}: "expect on/off for argument"; STP stays off`,
            `brctl stp ${name} ${stpRaw}：“expect on/off for argument”；STP 保持关闭`,
          ),
      networkManager: nmStp.valid
        ? both(`STP ${onOff(nmStp.on)}`, `STP ${nmStp.on ? '打开' : '关闭'}`)
        : both(`"invalid STP value '${stpRaw}'"; STP off`, `“invalid STP value '${stpRaw}'”；STP 关闭`),
    });
  }
  const delayRaw = valueOf(file, 'DELAY');
  const stpOn = nmStp.on || brStp.on;
  if (delayRaw !== undefined) {
    const delay = Number(delayRaw);
    if (!/^\d+(\.\d+)?$/.test(delayRaw)) {
      ctx.add({
        key: 'DELAY', severity: 'error', rule: 'stp-delay-range',
        message: both(`DELAY=${delayRaw} is not a number of seconds`, `DELAY=${delayRaw} 不是秒数`),
        initscripts: both('brctl setfd fails', 'brctl setfd 失败'),
        networkManager: both('rejects the value: invalid DELAY', '拒绝这个值：DELAY 不合法'),
      });
    } else if (stpOn && (delay < 2 || delay > 30)) {
      ctx.add({
        key: 'DELAY', severity: 'error', rule: 'stp-delay-range',
        message: both(
          `STP is on and DELAY=${delayRaw}; with STP on the forward delay must be 2-30 s (use STP=no with DELAY=0, or DELAY=2 with STP)`,
          `STP 打开了，而 DELAY=${delayRaw}；STP 打开时转发延迟必须在 2–30 秒之间（要么 STP=no 配 DELAY=0，要么打开 STP 配 DELAY=2）`,
        ),
        initscripts: both('accepts it (brctl setfd runs before STP is switched on)', '接受它（brctl setfd 在打开 STP 之前运行）'),
        networkManager: both(
          `rejects the connection: "bridge.forward-delay: value '${delayRaw}' is out of range <2-30>"`,
          `拒绝这个连接：“bridge.forward-delay: value '${delayRaw}' is out of range <2-30>”`,
        ),
      });
    }
  } else if (stpOn) {
    ctx.add({
      key: 'STP', severity: 'warning', rule: 'stp-default-delay',
      message: both(
        `STP=${stpRaw} with no DELAY: every new port (each VM's vnet) waits 2 × 15 s before forwarding; set STP=no, or DELAY=2`,
        `STP=${stpRaw} 却没有 DELAY：每个新端口（每台虚拟机的 vnet）都要等 2 × 15 秒才开始转发；请设 STP=no，或者 DELAY=2`,
      ),
      initscripts: both('uses the kernel default, 15 s', '使用内核默认值 15 秒'),
      networkManager: both('uses the default forward delay, 15 s', '使用默认的转发延迟 15 秒'),
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
      message: both(
        `BRIDGE=${bridgeName}, but no ifcfg file defines DEVICE=${bridgeName} with TYPE=Bridge; create ifcfg-${bridgeName}`,
        `这里写着 BRIDGE=${bridgeName}，但没有哪个 ifcfg 文件用 TYPE=Bridge 定义 DEVICE=${bridgeName}；请创建 ifcfg-${bridgeName}`,
      ),
      initscripts: both(
        `ifup ${view.device ?? 'the port'} creates a bare ${bridgeName} (brctl addbr) with no address, so the host loses its IP`,
        `ifup ${view.device ?? '<端口>'} 会建出一个没有地址的空 ${bridgeName}（brctl addbr），于是主机失去了它的 IP`,
      ),
      networkManager: both(
        'the port waits for a master that does not exist ("Master connection not found or invalid")',
        '端口一直等待一个不存在的主连接（“Master connection not found or invalid”）',
      ),
    });
  }
  // IP settings on the port.
  for (const a of file.nm.assignments) {
    if (ctx.reportedLines.has(a.line) || nmAssignmentOf(file, a.key) !== a || a.value === null || a.value === '') continue;
    const bootDynamic = a.key === 'BOOTPROTO' && ['dhcp', 'bootp'].includes(a.value.toLowerCase());
    if (IP_KEYS_ON_PORT.test(a.key) || bootDynamic) {
      const bridgeUnaddressed = bridge !== undefined && valueOf(bridge.file, 'IPADDR') === undefined && !['dhcp', 'bootp'].includes((valueOf(bridge.file, 'BOOTPROTO') ?? '').toLowerCase());
      ctx.add({
        key: a.key, line: a.line, column: a.column, severity: 'error', rule: 'port-ip-settings',
        message: both(
          `${a.key}=${a.value} on the port ${view.device}: IP settings belong in ifcfg-${bridgeName}; delete ${a.key} here${bootDynamic ? ' (use BOOTPROTO=none)' : ''}`,
          `端口 ${view.device} 上有 ${a.key}=${a.value}：IP 设置应该写在 ifcfg-${bridgeName} 里；请删掉这里的 ${a.key}${bootDynamic ? '（改用 BOOTPROTO=none）' : ''}`,
        ),
        initscripts: both(
          `ifup flushes ${view.device}'s addresses and enslaves it; ${a.key} is ignored${bridgeUnaddressed ? `, and ${bridgeName} has no address either: the host is unreachable` : ''}`,
          `ifup 清空 ${view.device} 的地址并把它加入网桥；${a.key} 被忽略${bridgeUnaddressed ? `，而 ${bridgeName} 上也没有地址：这台主机无法访问` : ''}`,
        ),
        networkManager: both('drops IP settings from a port connection without a word', '一声不响地丢掉端口连接上的 IP 设置'),
      });
    } else if (SOFT_IP_KEYS_ON_PORT.test(a.key) || (a.key === 'IPV6INIT' && parseNmBoolean(a.value) === true)) {
      ctx.add({
        key: a.key, line: a.line, column: a.column, severity: 'warning', rule: 'port-ip-settings',
        message: both(
          `${a.key}=${a.value} on the port ${view.device} has no effect; IP options belong in ifcfg-${bridgeName}`,
          `端口 ${view.device} 上的 ${a.key}=${a.value} 不起作用；IP 选项应该写在 ifcfg-${bridgeName} 里`,
        ),
        initscripts: both("ignored: a port's ifup stops after enslaving it", '被忽略：端口的 ifup 把它加入网桥后就结束了'),
        networkManager: both('ignored for a port connection', '对端口连接来说被忽略'),
      });
    }
  }
  const type = valueOf(file, 'TYPE');
  if (type !== undefined && type.toLowerCase() === 'bridge') {
    ctx.add({
      key: 'TYPE', severity: 'error', rule: 'port-type-bridge',
      message: both(
        `TYPE=${type} in the port file of ${view.device}: a port is TYPE=Ethernet; only ifcfg-${bridgeName} says TYPE=Bridge`,
        `${view.device} 的端口文件里写了 TYPE=${type}：端口是 TYPE=Ethernet；只有 ifcfg-${bridgeName} 才写 TYPE=Bridge`,
      ),
      initscripts: both(
        `tries to create a bridge named ${view.device} ("device ${view.device} already exists; can't create bridge with the same name") instead of enslaving the NIC`,
        `试图创建一个名为 ${view.device} 的网桥（“device ${view.device} already exists; can't create bridge with the same name”），而不是把网卡加入网桥`,
      ),
      networkManager: both(
        `makes ${view.device} a bridge connection, not a port of ${bridgeName}`,
        `把 ${view.device} 变成一个网桥连接，而不是 ${bridgeName} 的端口`,
      ),
    });
  }
  // Wi-Fi port.
  const device = view.device ?? '';
  if ((type !== undefined && /^(wireless|wifi|wlan)$/i.test(type)) || valueOf(file, 'ESSID') !== undefined || /^wl/.test(device)) {
    const wifiKey = type !== undefined && /^(wireless|wifi|wlan)$/i.test(type) ? 'TYPE' : valueOf(file, 'ESSID') !== undefined ? 'ESSID' : 'DEVICE';
    const shown = `${wifiKey}=${valueOf(file, wifiKey) ?? device}`;
    ctx.add({
      key: wifiKey,
      severity: 'error', rule: 'wireless-port',
      message: both(
        `${shown}: ${device} is a Wi-Fi interface; a Wi-Fi station cannot be a bridge port (use a wired NIC, or routed/NAT networking for VMs)`,
        `${shown}：${device} 是 Wi-Fi 接口；处于客户端模式的 Wi-Fi 不能做网桥端口（请用有线网卡，或者给虚拟机用路由/NAT 网络）`,
      ),
      initscripts: both(
        `brctl addif: "can't add ${device} to bridge ${bridgeName}: Operation not supported"`,
        `brctl addif 报错：“can't add ${device} to bridge ${bridgeName}: Operation not supported”`,
      ),
      networkManager: both(
        'activation fails: the kernel refuses to enslave a Wi-Fi station (Operation not supported)',
        '激活失败：内核拒绝把客户端模式的 Wi-Fi 加入网桥（Operation not supported）',
      ),
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
        message: both(
          `NM_CONTROLLED is ${portRaw ?? 'unset (yes)'} here but ${bridgeRaw ?? 'unset (yes)'} in ${bridge.file.name}; set the same value in both`,
          `这里的 NM_CONTROLLED 是 ${portRaw ?? '未设置（即 yes）'}，而 ${bridge.file.name} 里是 ${bridgeRaw ?? '未设置（即 yes）'}；请在两个文件里设成同一个值`,
        ),
        initscripts: both(
          'one file is handed to NetworkManager and the other is not: `ifup` fails with "Error: Connection activation failed: Master connection not found or invalid"',
          '一个文件交给了 NetworkManager，另一个没有：`ifup` 失败，报“Error: Connection activation failed: Master connection not found or invalid”',
        ),
        networkManager: both(
          'manages one side only, so the port cannot join the bridge ("Master connection not found or invalid")',
          '只管理了其中一边，所以端口加入不了网桥（“Master connection not found or invalid”）',
        ),
      });
    }
    const portMtu = valueOf(file, 'MTU');
    const bridgeMtu = valueOf(bridge.file, 'MTU');
    if (portMtu !== undefined && bridgeMtu !== undefined && portMtu !== bridgeMtu) {
      ctx.add({
        key: 'MTU', severity: 'warning', rule: 'mtu-mismatch',
        message: both(
          `MTU=${portMtu} here but MTU=${bridgeMtu} on ${bridgeName}; set them equal`,
          `这里是 MTU=${portMtu}，而 ${bridgeName} 上是 MTU=${bridgeMtu}；请设成一样的`,
        ),
        initscripts: both(`${bridgeName} takes the smallest MTU of its ports`, `${bridgeName} 取它所有端口中最小的 MTU`),
        networkManager: both(`${bridgeName} takes the smallest MTU of its ports`, `${bridgeName} 取它所有端口中最小的 MTU`),
      });
    }
  }
  if (valueOf(file, 'ONBOOT') === 'no') {
    ctx.add({
      key: 'ONBOOT', severity: 'warning', rule: 'onboot-no',
      message: both(
        `ONBOOT=no: ${view.device ?? 'the port'} does not join ${bridgeName} at boot; set ONBOOT=yes`,
        `ONBOOT=no：${view.device ?? '这个端口'}开机时不会加入 ${bridgeName}；请设为 ONBOOT=yes`,
      ),
      initscripts: both('not brought up at boot', '开机时不启用'),
      networkManager: both('not connected automatically', '不会自动连接'),
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
        message: both(
          `BRIDGING_OPTS option "${name}" is not a ${onBridge ? 'bridge' : 'bridge-port'} option`,
          `BRIDGING_OPTS 的选项“${name}”不是${onBridge ? '网桥' : '网桥端口'}的选项`,
        ),
        initscripts: both(`bash: "${sysfs}: No such file or directory"`, `bash 报错：“${sysfs}: No such file or directory”`),
        networkManager: both(`"unhandled bridge option '${name}'"`, `报“unhandled bridge option '${name}'”`),
      });
    } else if (TIME_OPTIONS.has(name) && onBridge) {
      ctx.add({
        key: 'BRIDGING_OPTS', severity: 'warning', rule: 'bridging-opts',
        message: both(
          `BRIDGING_OPTS ${name}=${value ?? ''}: the two tools read time options in different units; use DELAY for the forward delay and leave the others out`,
          `BRIDGING_OPTS ${name}=${value ?? ''}：两个工具读时间类选项的单位不同；转发延迟请用 DELAY，其他的不要写`,
        ),
        initscripts: both('writes the number to sysfs, in hundredths of a second', '把这个数写进 sysfs，单位是百分之一秒'),
        networkManager: nm.has(name)
          ? both('reads it in seconds', '按秒来读')
          : both(`"unhandled bridge option '${name}'"`, `报“unhandled bridge option '${name}'”`),
      });
    } else if (!nm.has(name)) {
      ctx.add({
        key: 'BRIDGING_OPTS', severity: 'warning', rule: 'bridging-opts',
        message: both(
          `BRIDGING_OPTS option "${name}" is only applied by initscripts`,
          `BRIDGING_OPTS 的选项“${name}”只有 initscripts 会应用`,
        ),
        initscripts: both(`writes ${value ?? ''} to ${sysfs}`, `把 ${value ?? ''} 写进 ${sysfs}`),
        networkManager: both(`"unhandled bridge option '${name}'": ignored`, `报“unhandled bridge option '${name}'”：被忽略`),
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
      findings.push(finding(file.path, at, {
        key: 'UUID', severity: 'error', rule: 'invalid-uuid',
        message: both(
          `UUID=${uuid} is not a UUID; generate one with uuidgen, or delete the line`,
          `UUID=${uuid} 不是 UUID；请用 uuidgen 生成一个，或者删掉这一行`,
        ),
        initscripts: both('does not use it (only for the DHCP lease file name)', '不用它（只用于 DHCP 租约文件的文件名）'),
        networkManager: both('rejects the file: invalid connection UUID', '拒绝这个文件：连接的 UUID 不合法'),
      }));
      continue;
    }
    const other = byUuid.get(uuid.toLowerCase());
    if (other) {
      findings.push(finding(file.path, at, {
        key: 'UUID', severity: 'error', rule: 'invalid-uuid',
        message: both(
          `UUID=${uuid} is also used by ${other.name}; every file needs its own (uuidgen)`,
          `UUID=${uuid} 也被 ${other.name} 使用；每个文件都需要自己的 UUID（uuidgen）`,
        ),
        initscripts: both('does not care', '不在乎'),
        networkManager: both(
          'loads only one of them: "cannot load … due to conflicting UUID"',
          '只加载其中一个：“cannot load … due to conflicting UUID”',
        ),
      }));
    } else byUuid.set(uuid.toLowerCase(), file);
  }
}

/** Whether a set of findings would stop a bridge from working with at least one tool. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** A finding's three sentences in one edition of the book. */
export function wordFinding(f: Finding, locale: BookLocale | string = 'en'): { message: string; initscripts: string; networkManager: string } {
  return {
    message: textIn(f.wording.message, locale),
    initscripts: textIn(f.wording.initscripts, locale),
    networkManager: textIn(f.wording.networkManager, locale),
  };
}

/** One line per finding: FILE:LINE: error|warning: [rule] message */
export function formatFinding(f: Finding): string {
  return formatFindingIn(f, 'en');
}

/** formatFinding in an edition of the book (the CLI's --lang). */
export function formatFindingIn(f: Finding, locale: BookLocale | string): string {
  const w = wordFinding(f, locale);
  if (locale === 'zh-CN') {
    return `${f.file}:${f.line}: ${f.severity}: [${f.rule}] ${w.message}（initscripts：${w.initscripts}；NetworkManager：${w.networkManager}）`;
  }
  return `${f.file}:${f.line}: ${f.severity}: [${f.rule}] ${w.message} (initscripts: ${w.initscripts}; NetworkManager: ${w.networkManager})`;
}
