// What the rules find, in both editions: for every finding code, what is wrong, what initscripts
// (the EL7 `network` service, ifup) does with it and what NetworkManager (the ifcfg-rh plugin) does,
// each worded from the finding's params. The rules under rules/ return codes; this words them.

import { isBookLocale, wordMessage, wordings, type BookLocale, type Wordings } from '../book/localized-text.ts';
import { bashDiagnosticWordings, bashPrints, type BashDiagnosticMessage } from './bash-diagnostic-wordings.ts';
import { shvarErrorWordings, type ShvarError } from './shvar-error-wordings.ts';

/** A finding's three sentences in one edition, each a function of the finding's params. */
interface SentencesIn<P> {
  readonly message: (params: P) => string;
  readonly initscripts: (params: P) => string;
  readonly networkManager: (params: P) => string;
}

/** A finding's three sentences in every edition. */
export interface FindingSentences<P> {
  readonly message: Wordings<P>;
  readonly initscripts: Wordings<P>;
  readonly networkManager: Wordings<P>;
}

/** The English and the Chinese sentences of one finding code; both are checked against the same params. */
function sentences<P = void>(en: SentencesIn<P>, zh: SentencesIn<NoInfer<P>>): FindingSentences<P> {
  return {
    message: wordings(en.message, zh.message),
    initscripts: wordings(en.initscripts, zh.initscripts),
    networkManager: wordings(en.networkManager, zh.networkManager),
  };
}

/** What NetworkManager makes of a line bash complains about. */
export type NetworkManagerReadsLine =
  | { readonly reads: 'invalid-line' }
  | { readonly reads: 'badly-quoted'; readonly key: string; readonly problem: ShvarError }
  | { readonly reads: 'line' };

const nmReadsLine = {
  en: (nm: NetworkManagerReadsLine) =>
    nm.reads === 'invalid-line'
      ? 'ignores the line ("invalid line ignored")'
      : nm.reads === 'badly-quoted'
        ? `the value is badly quoted (${wordMessage(shvarErrorWordings, nm.problem, 'en')}); ${nm.key} counts as unset`
        : 'reads the line',
  zh: (nm: NetworkManagerReadsLine) =>
    nm.reads === 'invalid-line'
      ? '忽略这一行（“invalid line ignored”）'
      : nm.reads === 'badly-quoted'
        ? `这个值引号有误（${wordMessage(shvarErrorWordings, nm.problem, 'zh-CN')}）；${nm.key} 视为没有设置`
        : '正常读取这一行',
};

/** bash's own words (English in both editions) and what they mean in Chinese. */
const bashSaysInChinese = (d: BashDiagnosticMessage) => wordMessage(bashDiagnosticWordings, d, 'zh-CN');

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** How initscripts reads a yes/no key's value. */
export type InitscriptsReadsBoolean = 'onboot-up' | 'onboot-down' | 'defroute-kept' | 'defroute-off' | 'unrecognised' | 'yes' | 'no';

/** How one tool reads STP's value. */
export interface StpReading {
  readonly valid: boolean;
  readonly on: boolean;
}

/** What both tools do with a bridge file whose TYPE is not Bridge (missing or another type). */
const bridgeTypeInitscripts = {
  en: (name: string) => `configures ${name} as a plain NIC ("Device ${name} does not seem to be present, delaying initialization."); a port's ifup creates a bare ${name} without the address`,
  zh: (name: string) => `把 ${name} 当作普通网卡来配置（“Device ${name} does not seem to be present, delaying initialization.”）；端口的 ifup 会建出一个没有地址的空 ${name}`,
};
const bridgeTypeNetworkManager = {
  en: "treats it as an Ethernet connection, not a bridge; the ports' master is not a bridge",
  zh: '把它当作以太网连接而不是网桥；端口的主连接（master）不是网桥',
};

/** What both tools do with ONBOOT=no, on a bridge or a port. */
const onbootNo = {
  initscripts: { en: 'not brought up at boot', zh: '开机时不启用' },
  networkManager: { en: 'not connected automatically', zh: '不会自动连接' },
};

export const findingWordings = {
  // The file as text: line endings, quoting, shell syntax, keys set twice.
  'crlf': sentences<{ count: number; hasTypeLine: boolean }>({
    message: (p) => `${p.count} line(s) end in CRLF (Windows line endings); convert the file with dos2unix`,
    initscripts: (p) => `bash keeps the "\\r" in every value${p.hasTypeLine ? ' (TYPE=Bridge becomes "Bridge\\r", so no bridge is created)' : ''}, and a blank line runs the command $'\\r' ("command not found")`,
    networkManager: () => 'reads the file fine ("\\r" counts as whitespace)',
  }, {
    message: (p) => `有 ${p.count} 行以 CRLF（Windows 换行符）结尾；请用 dos2unix 转换这个文件`,
    initscripts: (p) => `bash 会把“\\r”留在每个值里${p.hasTypeLine ? '（TYPE=Bridge 变成“Bridge\\r”，于是网桥不会被创建）' : ''}，空行则会被当作命令 $'\\r' 来运行（“command not found”）`,
    networkManager: () => '能正常读取这个文件（“\\r”算作空白）',
  }),
  'unquoted-space': sentences<{ key: string; shown: string; word: string; bash: BashDiagnosticMessage }>({
    message: (p) => `${p.key}=${p.shown}: the value has a space but no quotes; write ${p.key}="${p.shown}"`,
    initscripts: (p) => `bash sets ${p.key} only for the command "${p.word}" and runs it: "${bashPrints(p.bash)}"; ${p.key} stays unset`,
    networkManager: (p) => `the value is "badly quoted" and treated as empty, so ${p.key} is unset`,
  }, {
    message: (p) => `${p.key}=${p.shown}：值里有空格却没加引号；请写成 ${p.key}="${p.shown}"`,
    initscripts: (p) => `bash 只为命令“${p.word}”设置 ${p.key}，并运行这条命令：“${bashPrints(p.bash)}”；${p.key} 仍然没有设置`,
    networkManager: (p) => `这个值“引号有误”（badly quoted），被当作空值，所以 ${p.key} 没有设置`,
  }),
  'expansion-in-double-quotes': sentences<{ key: string; raw: string; bashValue: string | null }>({
    message: (p) => `${p.key}=${p.raw}: "$" or a backtick inside double quotes; write the value out literally (use single quotes if it really contains "$")`,
    initscripts: (p) => `bash expands it${p.bashValue !== null ? ` (${p.key} becomes "${p.bashValue}")` : ''}`,
    networkManager: (p) => `does not expand variables: the value is badly quoted and ${p.key} counts as unset`,
  }, {
    message: (p) => `${p.key}=${p.raw}：双引号里有“$”或反引号；请把值原样写出来（如果值里确实有“$”，就用单引号）`,
    initscripts: (p) => `bash 会展开它${p.bashValue !== null ? `（${p.key} 变成“${p.bashValue}”）` : ''}`,
    networkManager: (p) => `不展开变量：这个值算作引号有误，${p.key} 视为没有设置`,
  }),
  'shell-expansion': sentences<{ key: string; raw: string; expansions: readonly string[]; value: string; runsCommand: boolean; nmValue: string | null }>({
    message: (p) => `${p.key}=${p.raw}: ${p.expansions.join(', ')} is a shell expansion; write the value out literally`,
    initscripts: (p) => `bash expands it: ${p.key}="${p.value}"${p.runsCommand ? ' (and runs the command each time the file is read)' : ''}`,
    networkManager: (p) => (p.nmValue !== null ? `does not expand it: ${p.key} is the literal text "${p.nmValue}"` : 'ignores the line'),
  }, {
    message: (p) => `${p.key}=${p.raw}：${p.expansions.join('、')} 是 shell 展开；请把值原样写出来`,
    initscripts: (p) => `bash 会展开它：${p.key}="${p.value}"${p.runsCommand ? '（而且每次读取这个文件都会运行那条命令）' : ''}`,
    networkManager: (p) => (p.nmValue !== null ? `不展开它：${p.key} 就是字面文字“${p.nmValue}”` : '忽略这一行'),
  }),
  'line-runs-command': sentences<{ key: string; command: string; bash: BashDiagnosticMessage; nm: NetworkManagerReadsLine }>({
    message: (p) => `${p.key ? p.key + ': ' : ''}this line runs a command, it is not a plain assignment: ${p.command}`,
    initscripts: (p) => `${bashPrints(p.bash)} (ifup sources the file as root)`,
    networkManager: (p) => nmReadsLine.en(p.nm),
  }, {
    message: (p) => `${p.key ? p.key + '：' : ''}这一行会运行命令，不是普通赋值：${p.command}`,
    initscripts: (p) => `${bashSaysInChinese(p.bash)}（ifup 以 root 身份 source 这个文件）`,
    networkManager: (p) => nmReadsLine.zh(p.nm),
  }),
  'bash-cannot-source': sentences<{ key: string; line: number; bash: BashDiagnosticMessage; stops: boolean; commandNotFound: boolean; nm: NetworkManagerReadsLine }>({
    message: (p) => `${p.key ? p.key + ': ' : ''}bash cannot source this line as a plain assignment: ${bashPrints(p.bash)}`,
    initscripts: (p) => (p.stops
      ? `bash prints "${bashPrints(p.bash)}" and stops: nothing after line ${p.line} is applied`
      : `bash prints "${bashPrints(p.bash)}"${p.commandNotFound ? '; the variable is not set' : ''}`),
    networkManager: (p) => nmReadsLine.en(p.nm),
  }, {
    message: (p) => `${p.key ? p.key + '：' : ''}bash 不能把这一行当作普通赋值来执行：${bashSaysInChinese(p.bash)}`,
    initscripts: (p) => (p.stops
      ? `bash 输出“${bashPrints(p.bash)}”后停止读取：第 ${p.line} 行之后的内容都不会生效`
      : `bash 输出“${bashPrints(p.bash)}”${p.commandNotFound ? '；这个变量没有设置' : ''}`),
    networkManager: (p) => nmReadsLine.zh(p.nm),
  }),
  'declaring-builtin': sentences<{ builtin: string; key: string }>({
    message: (p) => `${p.key}: "${p.builtin} ${p.key}=…" is bash syntax; write ${p.key}=… on its own`,
    initscripts: (p) => `bash sets ${p.key}`,
    networkManager: (p) => `ignores the line ("invalid line ignored"), so ${p.key} is unset`,
  }, {
    message: (p) => `${p.key}：“${p.builtin} ${p.key}=…”是 bash 语法；请单独写 ${p.key}=…`,
    initscripts: (p) => `bash 会设置 ${p.key}`,
    networkManager: (p) => `忽略这一行（“invalid line ignored”），所以 ${p.key} 没有设置`,
  }),
  'not-key-value': sentences<{ text: string }>({
    message: (p) => `the line "${p.text}" is not KEY=value`,
    initscripts: () => 'bash runs it as a command',
    networkManager: () => 'ignores the line ("invalid line ignored")',
  }, {
    message: (p) => `“${p.text}”这一行不是 KEY=value 的形式`,
    initscripts: () => 'bash 把它当作命令来运行',
    networkManager: () => '忽略这一行（“invalid line ignored”）',
  }),
  'value-networkmanager-cannot-read': sentences<{ key: string; raw: string; problem: ShvarError; bashValue: string | null }>({
    message: (p) => `${p.key}=${p.raw}: NetworkManager cannot read this value (${wordMessage(shvarErrorWordings, p.problem, 'en')})`,
    initscripts: (p) => (p.bashValue !== null ? `bash sets ${p.key}="${p.bashValue}"` : `bash does not set ${p.key}`),
    networkManager: (p) => `the value is badly quoted and treated as empty, so ${p.key} is unset`,
  }, {
    message: (p) => `${p.key}=${p.raw}：NetworkManager 读不了这个值（${wordMessage(shvarErrorWordings, p.problem, 'zh-CN')}）`,
    initscripts: (p) => (p.bashValue !== null ? `bash 设置 ${p.key}="${p.bashValue}"` : `bash 不会设置 ${p.key}`),
    networkManager: (p) => `这个值引号有误，被当作空值，所以 ${p.key} 没有设置`,
  }),
  'duplicate-key': sentences<{ key: string; first: number; line: number; value: string; differingFirstValue: string | null }>({
    message: (p) => `${p.key} is set twice (lines ${p.first} and ${p.line}); keep one`,
    initscripts: (p) => `the last one wins (${p.key}="${p.value}")`,
    networkManager: (p) => `the last one wins in NetworkManager 1.6+ (RHEL 7.4+); older versions used the first${p.differingFirstValue !== null ? ` ("${p.differingFirstValue}")` : ''}`,
  }, {
    message: (p) => `${p.key} 设置了两次（第 ${p.first} 行和第 ${p.line} 行）；只保留一个`,
    initscripts: (p) => `以最后一个为准（${p.key}="${p.value}"）`,
    networkManager: (p) => `NetworkManager 1.6 及以后（RHEL 7.4 及以后）以最后一个为准；更老的版本用第一个${p.differingFirstValue !== null ? `（“${p.differingFirstValue}”）` : ''}`,
  }),

  // Keys and their values.
  'key-case': sentences<{ key: string; known: string }>({
    message: (p) => `${p.key}: keys are case-sensitive; write ${p.known}`,
    initscripts: (p) => `sets a variable named ${p.key}, which no script reads; ${p.known} stays unset`,
    networkManager: (p) => `does not know ${p.key}; ${p.known} stays unset`,
  }, {
    message: (p) => `${p.key}：键区分大小写；请写成 ${p.known}`,
    initscripts: (p) => `设置了一个名为 ${p.key} 的变量，但没有哪个脚本读它；${p.known} 仍然没有设置`,
    networkManager: (p) => `不认识 ${p.key}；${p.known} 仍然没有设置`,
  }),
  'file-name-prefix': sentences<{ name: string }>({
    message: (p) => `the file name "${p.name}" does not start with "ifcfg-"; save it as /etc/sysconfig/network-scripts/ifcfg-<device>`,
    initscripts: () => 'the network service only brings up files named ifcfg-*',
    networkManager: () => 'the ifcfg-rh plugin only loads files named ifcfg-*',
  }, {
    message: (p) => `文件名“${p.name}”不以“ifcfg-”开头；请保存为 /etc/sysconfig/network-scripts/ifcfg-<设备名>`,
    initscripts: () => 'network 服务只启用名为 ifcfg-* 的文件',
    networkManager: () => 'ifcfg-rh 插件只加载名为 ifcfg-* 的文件',
  }),
  'backup-file-name': sentences<{ name: string; initscriptsSkips: boolean; networkManagerSkips: boolean }>({
    message: (p) => `"${p.name}" looks like a backup copy; move it out of network-scripts/`,
    initscripts: (p) => (p.initscriptsSkips ? 'skips it' : 'loads it as one more interface'),
    networkManager: (p) => (p.networkManagerSkips ? 'skips it' : 'loads it as one more connection; a copied UUID gives "conflicting UUID"'),
  }, {
    message: (p) => `“${p.name}”看起来是一份备份；请把它移出 network-scripts/`,
    initscripts: (p) => (p.initscriptsSkips ? '跳过它' : '把它当作又一个接口加载'),
    networkManager: (p) => (p.networkManagerSkips ? '跳过它' : '把它当作又一个连接加载；复制来的 UUID 会导致“conflicting UUID”'),
  }),
  'device-missing': sentences<{ suffix: string | null; bridge: boolean }>({
    message: (p) => `DEVICE is missing; add DEVICE=${p.suffix ?? 'br0'}`,
    initscripts: (p) => `uses the file-name suffix${p.suffix ? ` (${p.suffix})` : ''} as the device`,
    networkManager: (p) => (p.bridge
      ? 'rejects the file: "mandatory DEVICE keyword missing"'
      : 'binds the connection to no interface in particular (any NIC can match it)'),
  }, {
    message: (p) => `缺少 DEVICE；请加上 DEVICE=${p.suffix ?? 'br0'}`,
    initscripts: (p) => `用文件名的后缀${p.suffix ? `（${p.suffix}）` : ''}作为设备名`,
    networkManager: (p) => (p.bridge ? '拒绝这个文件：“mandatory DEVICE keyword missing”' : '这个连接不绑定到任何特定接口（任何网卡都可能匹配它）'),
  }),
  'device-name': sentences<{ device: string }>({
    message: (p) => `DEVICE=${p.device} is not a valid interface name (1-15 characters, no "/", ":" or spaces)`,
    initscripts: () => '`ip link` refuses the name',
    networkManager: () => 'rejects the file: invalid interface name',
  }, {
    message: (p) => `DEVICE=${p.device} 不是合法的接口名（1–15 个字符，不含“/”、“:”或空格）`,
    initscripts: () => '`ip link` 拒绝这个名字',
    networkManager: () => '拒绝这个文件：接口名不合法',
  }),
  'device-file-mismatch': sentences<{ device: string; name: string; suffix: string }>({
    message: (p) => `DEVICE=${p.device} does not match the file name ${p.name}; rename the file to ifcfg-${p.device}`,
    initscripts: (p) => `configures ${p.device}, but the boot loop and ifdown go by the name "${p.suffix}"`,
    networkManager: (p) => `configures ${p.device}; the file name only sets the default connection name`,
  }, {
    message: (p) => `DEVICE=${p.device} 与文件名 ${p.name} 不一致；请把文件改名为 ifcfg-${p.device}`,
    initscripts: (p) => `配置的是 ${p.device}，但开机时的遍历和 ifdown 按名字“${p.suffix}”来找`,
    networkManager: (p) => `配置的是 ${p.device}；文件名只决定默认的连接名`,
  }),
  'boolean-value': sentences<{ key: string; raw: string; write: 'yes' | 'no'; initscriptsReads: InitscriptsReadsBoolean; networkManagerReads: boolean | null; defaultValue: boolean }>({
    message: (p) => `${p.key}=${p.raw}: write ${p.key}=${p.write} (only lower-case yes/no means the same to both tools)`,
    initscripts: (p) => ({
      'onboot-up': 'the network service only skips ONBOOT=no/NO, so it brings the interface up at boot',
      'onboot-down': 'does not bring it up at boot',
      'defroute-kept': 'only the exact word "no" turns the default route off, so it still adds it',
      'defroute-off': 'adds no default route',
      'unrecognised': `does not recognise "${p.raw}" and uses the default (${yesNo(p.defaultValue)})`,
      'yes': 'reads it as yes',
      'no': 'reads it as no',
    })[p.initscriptsReads],
    networkManager: (p) => (p.networkManagerReads === null
      ? `"${p.raw}" is not a boolean for NetworkManager (on/off are not), so it uses the default (${yesNo(p.defaultValue)})`
      : `reads it as ${yesNo(p.networkManagerReads)}`),
  }, {
    message: (p) => `${p.key}=${p.raw}：请写成 ${p.key}=${p.write}（只有小写的 yes/no 对两个工具的含义相同）`,
    initscripts: (p) => ({
      'onboot-up': 'network 服务只跳过 ONBOOT=no/NO，所以开机时会启用这个接口',
      'onboot-down': '开机时不启用它',
      'defroute-kept': '只有一字不差的“no”才会关闭默认路由，所以它仍然添加默认路由',
      'defroute-off': '不添加默认路由',
      'unrecognised': `不认识“${p.raw}”，于是使用默认值（${yesNo(p.defaultValue)}）`,
      'yes': '把它读作 yes',
      'no': '把它读作 no',
    })[p.initscriptsReads],
    networkManager: (p) => (p.networkManagerReads === null
      ? `对 NetworkManager 来说“${p.raw}”不是布尔值（on/off 也不是），于是使用默认值（${yesNo(p.defaultValue)}）`
      : `把它读作 ${yesNo(p.networkManagerReads)}`),
  }),

  // Addresses.
  'bootproto-case': sentences<{ value: string; lower: string; dynamic: boolean }>({
    message: (p) => `BOOTPROTO=${p.value}: write BOOTPROTO=${p.lower} in lower case`,
    initscripts: (p) => (p.dynamic
      ? `only lower-case "dhcp"/"bootp" start dhclient: "${p.value}" is treated as static, and with no IPADDR the interface gets no address`
      : 'treats it as static'),
    networkManager: (p) => `reads it case-insensitively as ${p.lower}`,
  }, {
    message: (p) => `BOOTPROTO=${p.value}：请用小写写成 BOOTPROTO=${p.lower}`,
    initscripts: (p) => (p.dynamic
      ? `只有小写的“dhcp”/“bootp”才会启动 dhclient：“${p.value}”被当作静态地址，没有 IPADDR 时接口就得不到地址`
      : '把它当作静态地址'),
    networkManager: (p) => `不区分大小写，读作 ${p.lower}`,
  }),
  'bootproto-unknown': sentences<{ value: string; lower: string; networkManagerReads: 'own-method' | 'ibft' | 'unknown' }>({
    message: (p) => `BOOTPROTO=${p.value} is not a method both tools know; use none (static) or dhcp`,
    initscripts: () => 'treats anything but dhcp/bootp as static',
    networkManager: (p) => ({
      'own-method': `uses the NetworkManager-only method "${p.lower}"`,
      'ibft': 'ignores the file ("Ignoring iBFT configuration")',
      'unknown': `rejects the file: "Unknown BOOTPROTO '${p.value}'"`,
    })[p.networkManagerReads],
  }, {
    message: (p) => `BOOTPROTO=${p.value} 不是两个工具都认识的方式；请用 none（静态）或 dhcp`,
    initscripts: () => '除 dhcp/bootp 之外的值都当作静态地址',
    networkManager: (p) => ({
      'own-method': `使用 NetworkManager 独有的方式“${p.lower}”`,
      'ibft': '忽略这个文件（“Ignoring iBFT configuration”）',
      'unknown': `拒绝这个文件：“Unknown BOOTPROTO '${p.value}'”`,
    })[p.networkManagerReads],
  }),
  'ipaddr-with-prefix': sentences<{ key: string; value: string; address: string; prefix: string; prefixKey: string; device: string | null }>({
    message: (p) => `${p.key}=${p.value}: the prefix does not go in ${p.key}; write ${p.key}=${p.address} and ${p.prefixKey}=${p.prefix}`,
    initscripts: (p) => `ipcalc and \`ip addr add ${p.value}/<prefix>\` fail: "Error adding address ${p.address} for ${p.device ?? 'the device'}"`,
    networkManager: (p) => `rejects the file: "Invalid ${p.key} IP4 address '${p.value}'"`,
  }, {
    message: (p) => `${p.key}=${p.value}：前缀不能写在 ${p.key} 里；请写 ${p.key}=${p.address} 和 ${p.prefixKey}=${p.prefix}`,
    initscripts: (p) => `ipcalc 和 \`ip addr add ${p.value}/<前缀>\` 都会失败：“Error adding address ${p.address} for ${p.device ?? '<设备>'}”`,
    networkManager: (p) => `拒绝这个文件：“Invalid ${p.key} IP4 address '${p.value}'”`,
  }),
  'invalid-address': sentences<{ key: string; value: string; networkManagerName: string; dns: boolean }>({
    message: (p) => `${p.key}=${p.value} is not an IPv4 address (four numbers 0-255, e.g. 192.168.1.10)`,
    initscripts: (p) => (p.dns
      ? 'writes it into /etc/resolv.conf, where the resolver ignores it'
      : '`ip` refuses it ("Error: any valid prefix is expected" / "Error adding address")'),
    networkManager: (p) => `rejects the file: "Invalid ${p.networkManagerName} IP4 address '${p.value}'"`,
  }, {
    message: (p) => `${p.key}=${p.value} 不是 IPv4 地址（四个 0–255 的数，例如 192.168.1.10）`,
    initscripts: (p) => (p.dns
      ? '把它写进 /etc/resolv.conf，而解析器会忽略它'
      : '`ip` 拒绝它（“Error: any valid prefix is expected” / “Error adding address”）'),
    networkManager: (p) => `拒绝这个文件：“Invalid ${p.networkManagerName} IP4 address '${p.value}'”`,
  }),
  'bad-prefix': sentences<{ value: string }>({
    message: (p) => `PREFIX=${p.value} is not a prefix length 0-32`,
    initscripts: () => 'ipcalc fails and the address is not added',
    networkManager: (p) => `rejects the file: "Invalid IP4 prefix '${p.value}'"`,
  }, {
    message: (p) => `PREFIX=${p.value} 不是 0–32 之间的前缀长度`,
    initscripts: () => 'ipcalc 失败，地址不会被添加',
    networkManager: (p) => `拒绝这个文件：“Invalid IP4 prefix '${p.value}'”`,
  }),
  'bad-netmask': sentences<{ value: string; withPrefix: boolean; networkManagerPrefix: number | null }>({
    message: (p) => `NETMASK=${p.value} is not a valid netmask (it must be ones then zeros, e.g. 255.255.255.0)${p.withPrefix ? '; PREFIX wins, so delete NETMASK' : ''}`,
    initscripts: (p) => (p.withPrefix ? 'uses PREFIX and ignores NETMASK' : `"ipcalc: bad netmask: ${p.value}", then the address is not added`),
    networkManager: (p) => (p.networkManagerPrefix === null
      ? 'rejects the file: invalid NETMASK'
      : p.withPrefix
        ? 'uses PREFIX'
        : `silently uses /${p.networkManagerPrefix} (32 minus the trailing zero bits)`),
  }, {
    message: (p) => `NETMASK=${p.value} 不是合法的子网掩码（必须是一串 1 后面跟一串 0，例如 255.255.255.0）${p.withPrefix ? '；PREFIX 优先，所以请删掉 NETMASK' : ''}`,
    initscripts: (p) => (p.withPrefix ? '使用 PREFIX，忽略 NETMASK' : `“ipcalc: bad netmask: ${p.value}”，然后地址不会被添加`),
    networkManager: (p) => (p.networkManagerPrefix === null
      ? '拒绝这个文件：NETMASK 不合法'
      : p.withPrefix
        ? '使用 PREFIX'
        : `悄悄地使用 /${p.networkManagerPrefix}（32 减去末尾 0 的位数）`),
  }),
  'missing-prefix': sentences<{ assumed: number }>({
    message: (p) => `IPADDR has no PREFIX or NETMASK; add PREFIX= (both tools assume the old classful /${p.assumed})`,
    initscripts: (p) => `assumes /${p.assumed}`,
    networkManager: (p) => `assumes /${p.assumed} ("missing PREFIX, assuming …/${p.assumed}")`,
  }, {
    message: (p) => `IPADDR 没有 PREFIX 或 NETMASK；请加上 PREFIX=（两个工具都会按老式的地址类别假定为 /${p.assumed}）`,
    initscripts: (p) => `假定为 /${p.assumed}`,
    networkManager: (p) => `假定为 /${p.assumed}（“missing PREFIX, assuming …/${p.assumed}”）`,
  }),
  'static-without-address': sentences({
    message: () => 'BOOTPROTO=static but there is no IPADDR; add IPADDR= (or use BOOTPROTO=dhcp)',
    initscripts: () => 'brings the link up with no address and no default route',
    networkManager: () => 'IPv4 is disabled: no address, and the gateway is ignored',
  }, {
    message: () => '写了 BOOTPROTO=static 却没有 IPADDR；请加上 IPADDR=（或者改用 BOOTPROTO=dhcp）',
    initscripts: () => '启用链路，但没有地址，也没有默认路由',
    networkManager: () => 'IPv4 被禁用：没有地址，网关也被忽略',
  }),
  'address-settings-without-address': sentences<{ keys: string }>({
    message: (p) => `${p.keys} is set but there is no IPADDR; add IPADDR= (or use BOOTPROTO=dhcp)`,
    initscripts: () => 'brings the link up with no address and no default route',
    networkManager: () => 'IPv4 is disabled: no address, and the gateway is ignored',
  }, {
    message: (p) => `设置了 ${p.keys} 却没有 IPADDR；请加上 IPADDR=（或者改用 BOOTPROTO=dhcp）`,
    initscripts: () => '启用链路，但没有地址，也没有默认路由',
    networkManager: () => 'IPv4 被禁用：没有地址，网关也被忽略',
  }),
  'bridge-without-address': sentences<{ device: string | null }>({
    message: (p) => `${p.device ?? 'the bridge'} gets no IPv4 address (no IPADDR and no BOOTPROTO=dhcp); the host is unreachable through it`,
    initscripts: () => 'brings the bridge up without an address',
    networkManager: () => 'IPv4 is disabled on the bridge',
  }, {
    message: (p) => `${p.device ?? '网桥'}得不到 IPv4 地址（既没有 IPADDR，也没有 BOOTPROTO=dhcp）；无法通过它访问这台主机`,
    initscripts: () => '启用网桥，但它没有地址',
    networkManager: () => '网桥上的 IPv4 被禁用',
  }),
  'dhcp-with-address': sentences<{ bootproto: string; address: string }>({
    message: (p) => `BOOTPROTO=${p.bootproto} and IPADDR=${p.address}: pick one (delete IPADDR for DHCP, or set BOOTPROTO=none)`,
    initscripts: () => 'runs dhclient and ignores IPADDR',
    networkManager: () => 'adds IPADDR as an extra static address next to the DHCP one',
  }, {
    message: (p) => `BOOTPROTO=${p.bootproto} 和 IPADDR=${p.address}：只能选一个（用 DHCP 就删掉 IPADDR，否则设 BOOTPROTO=none）`,
    initscripts: () => '运行 dhclient，忽略 IPADDR',
    networkManager: () => '在 DHCP 地址之外，再把 IPADDR 加为一个静态地址',
  }),
  'gateway-outside-subnet': sentences<{ gateway: string; address: string; prefix: number }>({
    message: (p) => `GATEWAY=${p.gateway} is outside ${p.address}/${p.prefix}; the gateway must be in the same subnet`,
    initscripts: () => 'silently adds no default route (ifup-eth only adds a gateway in the subnet of IPADDR)',
    networkManager: () => 'accepts the file and tries to add the default route, but the gateway is not on the link, so the route is unreachable or refused',
  }, {
    message: (p) => `GATEWAY=${p.gateway} 不在 ${p.address}/${p.prefix} 之内；网关必须在同一个子网里`,
    initscripts: () => '悄悄地不添加默认路由（ifup-eth 只添加位于 IPADDR 子网内的网关）',
    networkManager: () => '接受这个文件并尝试添加默认路由，但网关不在这条链路上，所以路由不可达或被拒绝',
  }),
  'invalid-mac': sentences<{ key: string; value: string }>({
    message: (p) => `${p.key}=${p.value} is not a MAC address (six hex bytes, e.g. 52:54:00:12:34:56)`,
    initscripts: (p) => (p.key === 'HWADDR'
      ? 'never matches the NIC: "Device … has different MAC address than expected, ignoring."'
      : '`ip link set … address` fails'),
    networkManager: (p) => `rejects the file: invalid ${p.key}`,
  }, {
    message: (p) => `${p.key}=${p.value} 不是 MAC 地址（六个十六进制字节，例如 52:54:00:12:34:56）`,
    initscripts: (p) => (p.key === 'HWADDR'
      ? '永远匹配不上网卡：“Device … has different MAC address than expected, ignoring.”'
      : '`ip link set … address` 失败'),
    networkManager: (p) => `拒绝这个文件：${p.key} 不合法`,
  }),

  // The bridge's own file.
  'bridge-type-missing': sentences<{ name: string }>({
    message: (p) => `TYPE is missing, but a port names ${p.name} as its bridge; add TYPE=Bridge`,
    initscripts: (p) => bridgeTypeInitscripts.en(p.name),
    networkManager: () => bridgeTypeNetworkManager.en,
  }, {
    message: (p) => `缺少 TYPE，但有端口把 ${p.name} 当作它的网桥；请加上 TYPE=Bridge`,
    initscripts: (p) => bridgeTypeInitscripts.zh(p.name),
    networkManager: () => bridgeTypeNetworkManager.zh,
  }),
  'bridge-type-other': sentences<{ name: string; value: string }>({
    message: (p) => `TYPE=${p.value}, but a port names ${p.name} as its bridge; add TYPE=Bridge`,
    initscripts: (p) => bridgeTypeInitscripts.en(p.name),
    networkManager: () => bridgeTypeNetworkManager.en,
  }, {
    message: (p) => `这里是 TYPE=${p.value}，但有端口把 ${p.name} 当作它的网桥；请改为 TYPE=Bridge`,
    initscripts: (p) => bridgeTypeInitscripts.zh(p.name),
    networkManager: () => bridgeTypeNetworkManager.zh,
  }),
  'type-case': sentences<{ name: string; value: string }>({
    message: (p) => `TYPE=${p.value}: initscripts wants exactly TYPE=Bridge (capital B, case-sensitive)`,
    initscripts: (p) => `no bridge is created: ${p.name} is treated as a plain device ("Device ${p.name} does not seem to be present, delaying initialization.")`,
    networkManager: () => 'accepts it (compares case-insensitively)',
  }, {
    message: (p) => `TYPE=${p.value}：initscripts 要求一字不差的 TYPE=Bridge（B 大写，区分大小写）`,
    initscripts: (p) => `不会创建网桥：${p.name} 被当作普通设备（“Device ${p.name} does not seem to be present, delaying initialization.”）`,
    networkManager: () => '接受它（比较时不区分大小写）',
  }),
  'bridge-in-bridge-file': sentences<{ name: string; value: string }>({
    message: (p) => `BRIDGE=${p.value} is in the bridge's own file; move it to the port file (ifcfg-eth0)`,
    initscripts: (p) => (p.value === p.name
      ? `brctl: "device ${p.name} is a bridge device itself; can't enslave a bridge device to a bridge device."`
      : `tries to enslave ${p.name} to ${p.value}`),
    networkManager: (p) => `makes the bridge connection a port of ${p.value}; the NIC is not enslaved`,
  }, {
    message: (p) => `BRIDGE=${p.value} 写在了网桥自己的文件里；请把它移到端口文件（ifcfg-eth0）中`,
    initscripts: (p) => (p.value === p.name
      ? `brctl 报错：“device ${p.name} is a bridge device itself; can't enslave a bridge device to a bridge device.”`
      : `试图把 ${p.name} 加入 ${p.value}，作为它的端口`),
    networkManager: (p) => `把这个网桥连接变成 ${p.value} 的端口；网卡并没有加入网桥`,
  }),
  'hwaddr-on-bridge': sentences<{ name: string; value: string }>({
    message: (p) => `HWADDR=${p.value} in the bridge file; delete it (use MACADDR= to pin the bridge's MAC)`,
    initscripts: (p) => `checks it before creating the bridge: "Device ${p.name} has different MAC address than expected, ignoring."`,
    networkManager: () => 'ignores HWADDR for bridges',
  }, {
    message: (p) => `网桥文件里有 HWADDR=${p.value}；请删掉它（要固定网桥的 MAC，请用 MACADDR=）`,
    initscripts: (p) => `在创建网桥之前检查它：“Device ${p.name} has different MAC address than expected, ignoring.”`,
    networkManager: () => '对网桥忽略 HWADDR',
  }),
  'nic-not-a-port': sentences<{ name: string; nicFile: string; nic: string | null }>({
    message: (p) => `DEVICE=${p.name} is a bridge, but ${p.nicFile} has no BRIDGE=${p.name}, so ${p.nic ?? 'the NIC'} is not its port; add BRIDGE=${p.name} to ${p.nicFile}`,
    initscripts: (p) => `brings ${p.name} up with no uplink and ${p.nic ?? 'the NIC'} up as a separate interface: the bridge (and its VMs) cannot reach the LAN`,
    networkManager: (p) => `activates ${p.name} with no ports; ${p.nic ?? 'the NIC'} stays a separate connection`,
  }, {
    message: (p) => `DEVICE=${p.name} 是网桥，但 ${p.nicFile} 里没有 BRIDGE=${p.name}，所以 ${p.nic ?? '网卡'} 不是它的端口；请在 ${p.nicFile} 里加上 BRIDGE=${p.name}`,
    initscripts: (p) => `启用了没有上行链路的 ${p.name}，又把 ${p.nic ?? '网卡'} 作为独立接口启用：网桥（以及上面的虚拟机）连不到局域网`,
    networkManager: (p) => `激活了没有端口的 ${p.name}；${p.nic ?? '网卡'} 仍是一个独立的连接`,
  }),
  'bridge-without-port': sentences<{ name: string }>({
    message: (p) => `DEVICE=${p.name} is a bridge, but no port file says BRIDGE=${p.name}; add BRIDGE=${p.name} to the NIC's file (e.g. ifcfg-eth0), or check it together with this one`,
    initscripts: (p) => `creates ${p.name} with no uplink: VMs on it cannot reach the LAN`,
    networkManager: (p) => `activates ${p.name} with no ports`,
  }, {
    message: (p) => `DEVICE=${p.name} 是网桥，但没有哪个端口文件写着 BRIDGE=${p.name}；请在网卡的文件（例如 ifcfg-eth0）里加上 BRIDGE=${p.name}，或者把那个文件和这个一起检查`,
    initscripts: (p) => `创建了没有上行链路的 ${p.name}：接在上面的虚拟机连不到局域网`,
    networkManager: (p) => `激活了没有端口的 ${p.name}`,
  }),
  'bridge-onboot-no': sentences<{ name: string }>({
    message: (p) => `ONBOOT=no: the bridge ${p.name} does not come up at boot; set ONBOOT=yes`,
    initscripts: () => onbootNo.initscripts.en,
    networkManager: () => onbootNo.networkManager.en,
  }, {
    message: (p) => `ONBOOT=no：网桥 ${p.name} 开机时不会启用；请设为 ONBOOT=yes`,
    initscripts: () => onbootNo.initscripts.zh,
    networkManager: () => onbootNo.networkManager.zh,
  }),
  'stp-value': sentences<{ name: string; value: string; write: 'yes' | 'no'; brctl: StpReading; networkManager: StpReading }>({
    message: (p) => `STP=${p.value}: write STP=${p.write} (lower-case yes/no or on/off)`,
    initscripts: (p) => (p.brctl.valid
      ? `brctl stp ${p.name} ${p.value}: STP ${p.brctl.on ? 'on' : 'off'}`
      : `brctl stp ${p.name} ${p.value}: "expect on/off for argument"; STP stays off`),
    networkManager: (p) => (p.networkManager.valid ? `STP ${p.networkManager.on ? 'on' : 'off'}` : `"invalid STP value '${p.value}'"; STP off`),
  }, {
    message: (p) => `STP=${p.value}：请写成 STP=${p.write}（小写的 yes/no 或 on/off）`,
    initscripts: (p) => (p.brctl.valid
      ? `brctl stp ${p.name} ${p.value}：STP ${p.brctl.on ? '打开' : '关闭'}`
      : `brctl stp ${p.name} ${p.value}：“expect on/off for argument”；STP 保持关闭`),
    networkManager: (p) => (p.networkManager.valid ? `STP ${p.networkManager.on ? '打开' : '关闭'}` : `“invalid STP value '${p.value}'”；STP 关闭`),
  }),
  'delay-not-a-number': sentences<{ value: string }>({
    message: (p) => `DELAY=${p.value} is not a number of seconds`,
    initscripts: () => 'brctl setfd fails',
    networkManager: () => 'rejects the value: invalid DELAY',
  }, {
    message: (p) => `DELAY=${p.value} 不是秒数`,
    initscripts: () => 'brctl setfd 失败',
    networkManager: () => '拒绝这个值：DELAY 不合法',
  }),
  'stp-delay-range': sentences<{ value: string }>({
    message: (p) => `STP is on and DELAY=${p.value}; with STP on the forward delay must be 2-30 s (use STP=no with DELAY=0, or DELAY=2 with STP)`,
    initscripts: () => 'accepts it (brctl setfd runs before STP is switched on)',
    networkManager: (p) => `rejects the connection: "bridge.forward-delay: value '${p.value}' is out of range <2-30>"`,
  }, {
    message: (p) => `STP 打开了，而 DELAY=${p.value}；STP 打开时转发延迟必须在 2–30 秒之间（要么 STP=no 配 DELAY=0，要么打开 STP 配 DELAY=2）`,
    initscripts: () => '接受它（brctl setfd 在打开 STP 之前运行）',
    networkManager: (p) => `拒绝这个连接：“bridge.forward-delay: value '${p.value}' is out of range <2-30>”`,
  }),
  'stp-default-delay': sentences<{ stp: string }>({
    message: (p) => `STP=${p.stp} with no DELAY: every new port (each VM's vnet) waits 2 × 15 s before forwarding; set STP=no, or DELAY=2`,
    initscripts: () => 'uses the kernel default, 15 s',
    networkManager: () => 'uses the default forward delay, 15 s',
  }, {
    message: (p) => `STP=${p.stp} 却没有 DELAY：每个新端口（每台虚拟机的 vnet）都要等 2 × 15 秒才开始转发；请设 STP=no，或者 DELAY=2`,
    initscripts: () => '使用内核默认值 15 秒',
    networkManager: () => '使用默认的转发延迟 15 秒',
  }),
  'bridging-option-unknown': sentences<{ option: string; onBridge: boolean; sysfs: string }>({
    message: (p) => `BRIDGING_OPTS option "${p.option}" is not a ${p.onBridge ? 'bridge' : 'bridge-port'} option`,
    initscripts: (p) => `bash: "${p.sysfs}: No such file or directory"`,
    networkManager: (p) => `"unhandled bridge option '${p.option}'"`,
  }, {
    message: (p) => `BRIDGING_OPTS 的选项“${p.option}”不是${p.onBridge ? '网桥' : '网桥端口'}的选项`,
    initscripts: (p) => `bash 报错：“${p.sysfs}: No such file or directory”`,
    networkManager: (p) => `报“unhandled bridge option '${p.option}'”`,
  }),
  'bridging-option-time': sentences<{ option: string; value: string; networkManagerKnows: boolean }>({
    message: (p) => `BRIDGING_OPTS ${p.option}=${p.value}: the two tools read time options in different units; use DELAY for the forward delay and leave the others out`,
    initscripts: () => 'writes the number to sysfs, in hundredths of a second',
    networkManager: (p) => (p.networkManagerKnows ? 'reads it in seconds' : `"unhandled bridge option '${p.option}'"`),
  }, {
    message: (p) => `BRIDGING_OPTS ${p.option}=${p.value}：两个工具读时间类选项的单位不同；转发延迟请用 DELAY，其他的不要写`,
    initscripts: () => '把这个数写进 sysfs，单位是百分之一秒',
    networkManager: (p) => (p.networkManagerKnows ? '按秒来读' : `报“unhandled bridge option '${p.option}'”`),
  }),
  'bridging-option-initscripts-only': sentences<{ option: string; value: string; sysfs: string }>({
    message: (p) => `BRIDGING_OPTS option "${p.option}" is only applied by initscripts`,
    initscripts: (p) => `writes ${p.value} to ${p.sysfs}`,
    networkManager: (p) => `"unhandled bridge option '${p.option}'": ignored`,
  }, {
    message: (p) => `BRIDGING_OPTS 的选项“${p.option}”只有 initscripts 会应用`,
    initscripts: (p) => `把 ${p.value} 写进 ${p.sysfs}`,
    networkManager: (p) => `报“unhandled bridge option '${p.option}'”：被忽略`,
  }),

  // A port's file.
  'bridge-not-found': sentences<{ bridge: string; port: string | null }>({
    message: (p) => `BRIDGE=${p.bridge}, but no ifcfg file defines DEVICE=${p.bridge} with TYPE=Bridge; create ifcfg-${p.bridge}`,
    initscripts: (p) => `ifup ${p.port ?? 'the port'} creates a bare ${p.bridge} (brctl addbr) with no address, so the host loses its IP`,
    networkManager: () => 'the port waits for a master that does not exist ("Master connection not found or invalid")',
  }, {
    message: (p) => `这里写着 BRIDGE=${p.bridge}，但没有哪个 ifcfg 文件用 TYPE=Bridge 定义 DEVICE=${p.bridge}；请创建 ifcfg-${p.bridge}`,
    initscripts: (p) => `ifup ${p.port ?? '<端口>'} 会建出一个没有地址的空 ${p.bridge}（brctl addbr），于是主机失去了它的 IP`,
    networkManager: () => '端口一直等待一个不存在的主连接（“Master connection not found or invalid”）',
  }),
  'port-ip-settings': sentences<{ key: string; value: string; port: string; bridge: string; dynamic: boolean; bridgeUnaddressed: boolean }>({
    message: (p) => `${p.key}=${p.value} on the port ${p.port}: IP settings belong in ifcfg-${p.bridge}; delete ${p.key} here${p.dynamic ? ' (use BOOTPROTO=none)' : ''}`,
    initscripts: (p) => `ifup flushes ${p.port}'s addresses and enslaves it; ${p.key} is ignored${p.bridgeUnaddressed ? `, and ${p.bridge} has no address either: the host is unreachable` : ''}`,
    networkManager: () => 'drops IP settings from a port connection without a word',
  }, {
    message: (p) => `端口 ${p.port} 上有 ${p.key}=${p.value}：IP 设置应该写在 ifcfg-${p.bridge} 里；请删掉这里的 ${p.key}${p.dynamic ? '（改用 BOOTPROTO=none）' : ''}`,
    initscripts: (p) => `ifup 清空 ${p.port} 的地址并把它加入网桥；${p.key} 被忽略${p.bridgeUnaddressed ? `，而 ${p.bridge} 上也没有地址：这台主机无法访问` : ''}`,
    networkManager: () => '一声不响地丢掉端口连接上的 IP 设置',
  }),
  'port-ip-option': sentences<{ key: string; value: string; port: string; bridge: string }>({
    message: (p) => `${p.key}=${p.value} on the port ${p.port} has no effect; IP options belong in ifcfg-${p.bridge}`,
    initscripts: () => "ignored: a port's ifup stops after enslaving it",
    networkManager: () => 'ignored for a port connection',
  }, {
    message: (p) => `端口 ${p.port} 上的 ${p.key}=${p.value} 不起作用；IP 选项应该写在 ifcfg-${p.bridge} 里`,
    initscripts: () => '被忽略：端口的 ifup 把它加入网桥后就结束了',
    networkManager: () => '对端口连接来说被忽略',
  }),
  'port-type-bridge': sentences<{ value: string; port: string; bridge: string }>({
    message: (p) => `TYPE=${p.value} in the port file of ${p.port}: a port is TYPE=Ethernet; only ifcfg-${p.bridge} says TYPE=Bridge`,
    initscripts: (p) => `tries to create a bridge named ${p.port} ("device ${p.port} already exists; can't create bridge with the same name") instead of enslaving the NIC`,
    networkManager: (p) => `makes ${p.port} a bridge connection, not a port of ${p.bridge}`,
  }, {
    message: (p) => `${p.port} 的端口文件里写了 TYPE=${p.value}：端口是 TYPE=Ethernet；只有 ifcfg-${p.bridge} 才写 TYPE=Bridge`,
    initscripts: (p) => `试图创建一个名为 ${p.port} 的网桥（“device ${p.port} already exists; can't create bridge with the same name”），而不是把网卡加入网桥`,
    networkManager: (p) => `把 ${p.port} 变成一个网桥连接，而不是 ${p.bridge} 的端口`,
  }),
  'wireless-port': sentences<{ shown: string; port: string; bridge: string }>({
    message: (p) => `${p.shown}: ${p.port} is a Wi-Fi interface; a Wi-Fi station cannot be a bridge port (use a wired NIC, or routed/NAT networking for VMs)`,
    initscripts: (p) => `brctl addif: "can't add ${p.port} to bridge ${p.bridge}: Operation not supported"`,
    networkManager: () => 'activation fails: the kernel refuses to enslave a Wi-Fi station (Operation not supported)',
  }, {
    message: (p) => `${p.shown}：${p.port} 是 Wi-Fi 接口；处于客户端模式的 Wi-Fi 不能做网桥端口（请用有线网卡，或者给虚拟机用路由/NAT 网络）`,
    initscripts: (p) => `brctl addif 报错：“can't add ${p.port} to bridge ${p.bridge}: Operation not supported”`,
    networkManager: () => '激活失败：内核拒绝把客户端模式的 Wi-Fi 加入网桥（Operation not supported）',
  }),
  'nm-controlled-mismatch': sentences<{ port: string | null; bridge: string | null; bridgeFile: string }>({
    message: (p) => `NM_CONTROLLED is ${p.port ?? 'unset (yes)'} here but ${p.bridge ?? 'unset (yes)'} in ${p.bridgeFile}; set the same value in both`,
    initscripts: () => 'one file is handed to NetworkManager and the other is not: `ifup` fails with "Error: Connection activation failed: Master connection not found or invalid"',
    networkManager: () => 'manages one side only, so the port cannot join the bridge ("Master connection not found or invalid")',
  }, {
    message: (p) => `这里的 NM_CONTROLLED 是 ${p.port ?? '未设置（即 yes）'}，而 ${p.bridgeFile} 里是 ${p.bridge ?? '未设置（即 yes）'}；请在两个文件里设成同一个值`,
    initscripts: () => '一个文件交给了 NetworkManager，另一个没有：`ifup` 失败，报“Error: Connection activation failed: Master connection not found or invalid”',
    networkManager: () => '只管理了其中一边，所以端口加入不了网桥（“Master connection not found or invalid”）',
  }),
  'mtu-mismatch': sentences<{ port: string; bridge: string; bridgeName: string }>({
    message: (p) => `MTU=${p.port} here but MTU=${p.bridge} on ${p.bridgeName}; set them equal`,
    initscripts: (p) => `${p.bridgeName} takes the smallest MTU of its ports`,
    networkManager: (p) => `${p.bridgeName} takes the smallest MTU of its ports`,
  }, {
    message: (p) => `这里是 MTU=${p.port}，而 ${p.bridgeName} 上是 MTU=${p.bridge}；请设成一样的`,
    initscripts: (p) => `${p.bridgeName} 取它所有端口中最小的 MTU`,
    networkManager: (p) => `${p.bridgeName} 取它所有端口中最小的 MTU`,
  }),
  'port-onboot-no': sentences<{ port: string | null; bridge: string }>({
    message: (p) => `ONBOOT=no: ${p.port ?? 'the port'} does not join ${p.bridge} at boot; set ONBOOT=yes`,
    initscripts: () => onbootNo.initscripts.en,
    networkManager: () => onbootNo.networkManager.en,
  }, {
    message: (p) => `ONBOOT=no：${p.port ?? '这个端口'}开机时不会加入 ${p.bridge}；请设为 ONBOOT=yes`,
    initscripts: () => onbootNo.initscripts.zh,
    networkManager: () => onbootNo.networkManager.zh,
  }),

  // UUIDs.
  'invalid-uuid': sentences<{ value: string }>({
    message: (p) => `UUID=${p.value} is not a UUID; generate one with uuidgen, or delete the line`,
    initscripts: () => 'does not use it (only for the DHCP lease file name)',
    networkManager: () => 'rejects the file: invalid connection UUID',
  }, {
    message: (p) => `UUID=${p.value} 不是 UUID；请用 uuidgen 生成一个，或者删掉这一行`,
    initscripts: () => '不用它（只用于 DHCP 租约文件的文件名）',
    networkManager: () => '拒绝这个文件：连接的 UUID 不合法',
  }),
  'duplicate-uuid': sentences<{ value: string; other: string }>({
    message: (p) => `UUID=${p.value} is also used by ${p.other}; every file needs its own (uuidgen)`,
    initscripts: () => 'does not care',
    networkManager: () => 'loads only one of them: "cannot load … due to conflicting UUID"',
  }, {
    message: (p) => `UUID=${p.value} 也被 ${p.other} 使用；每个文件都需要自己的 UUID（uuidgen）`,
    initscripts: () => '不在乎',
    networkManager: () => '只加载其中一个：“cannot load … due to conflicting UUID”',
  }),
};

type ParamsOf<S> = S extends FindingSentences<infer P> ? P : never;

/** What a rule found: a code of findingWordings and its params (none where the sentences take none). */
export type FindingMessage = {
  [K in keyof typeof findingWordings]: [ParamsOf<(typeof findingWordings)[K]>] extends [void]
    ? { readonly code: K; readonly params?: undefined }
    : { readonly code: K; readonly params: ParamsOf<(typeof findingWordings)[K]> };
}[keyof typeof findingWordings];

/** A finding code, e.g. "type-case". */
export type FindingCode = FindingMessage['code'];

/** A finding's three sentences in one edition of the book (English when the locale is not one of the book's). */
export function wordFinding(f: FindingMessage, locale: BookLocale | string = 'en'): { message: string; initscripts: string; networkManager: string } {
  const entry = findingWordings[f.code] as FindingSentences<unknown>;
  const edition: BookLocale = isBookLocale(locale) ? locale : 'en';
  return {
    message: entry.message[edition](f.params),
    initscripts: entry.initscripts[edition](f.params),
    networkManager: entry.networkManager[edition](f.params),
  };
}
