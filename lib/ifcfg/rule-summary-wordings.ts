// The catalogue of rules: each rule's id and its one-line summary in every edition. The ids are the
// RuleId union; the table the editor's legend and the docs read is built from this object.

import { localizedText, type LocalizedText } from '../book/localized-text.ts';

const RULE_SUMMARIES = {
  'crlf': localizedText('Windows (CRLF) line endings', 'Windows（CRLF）换行符'),
  'unquoted-space': localizedText('an unquoted value with a space', '值里有空格却没加引号'),
  'shell-expansion': localizedText('$ or a backtick in a value', '值里有 $ 或反引号'),
  'shell-syntax': localizedText('a line bash or NetworkManager cannot read as KEY=value', 'bash 或 NetworkManager 无法当作 KEY=value 读取的行'),
  'duplicate-key': localizedText('a key set twice', '同一个键设置了两次'),
  'key-case': localizedText('a key in the wrong case (keys are case-sensitive)', '键的大小写写错了（键区分大小写）'),
  'type-case': localizedText('TYPE=bridge instead of TYPE=Bridge', '写成了 TYPE=bridge 而不是 TYPE=Bridge'),
  'bridge-type-missing': localizedText('a bridge file without TYPE=Bridge', '网桥文件里没有 TYPE=Bridge'),
  'device-missing': localizedText('no DEVICE', '没有 DEVICE'),
  'device-name': localizedText('DEVICE is not a valid interface name', 'DEVICE 不是合法的接口名'),
  'device-file-mismatch': localizedText('DEVICE does not match the file name', 'DEVICE 与文件名不一致'),
  'file-name': localizedText('a file name the tools skip, or load twice', '工具会跳过或重复加载的文件名'),
  'bridge-not-found': localizedText('BRIDGE= names a bridge with no file', 'BRIDGE= 指向的网桥没有配置文件'),
  'bridge-in-bridge-file': localizedText('BRIDGE= in the bridge\'s own file', 'BRIDGE= 写在了网桥自己的文件里'),
  'bridge-without-port': localizedText('a bridge no port names', '没有任何端口指向的网桥'),
  'port-type-bridge': localizedText('TYPE=Bridge in a port file', '端口文件里写了 TYPE=Bridge'),
  'port-ip-settings': localizedText('IP settings left on the port', 'IP 设置留在了端口上'),
  'wireless-port': localizedText('a Wi-Fi interface as a bridge port', '把 Wi-Fi 接口当作网桥端口'),
  'nm-controlled-mismatch': localizedText('NM_CONTROLLED differs between bridge and port', '网桥和端口的 NM_CONTROLLED 不一致'),
  'hwaddr-on-bridge': localizedText('HWADDR in ifcfg-br0', 'ifcfg-br0 里有 HWADDR'),
  'boolean-value': localizedText('a yes/no key with another spelling (on/off, true/false, upper case)', 'yes/no 类的键用了别的写法（on/off、true/false、大写）'),
  'onboot-no': localizedText('the bridge or a port does not start at boot', '网桥或端口开机时不启动'),
  'bootproto-value': localizedText('BOOTPROTO in upper case or unknown', 'BOOTPROTO 用了大写或未知的值'),
  'static-without-address': localizedText('static addressing without IPADDR', '静态地址却没有 IPADDR'),
  'dhcp-with-address': localizedText('BOOTPROTO=dhcp together with IPADDR', 'BOOTPROTO=dhcp 和 IPADDR 同时出现'),
  'ipaddr-with-prefix': localizedText('a /prefix inside IPADDR', 'IPADDR 里带了 /前缀'),
  'invalid-address': localizedText('an IP address that is not one', '不是合法 IP 地址的 IP 地址'),
  'bad-netmask': localizedText('a NETMASK that is not a contiguous mask', '不连续的 NETMASK'),
  'bad-prefix': localizedText('a PREFIX outside 0-32', 'PREFIX 不在 0–32 之间'),
  'missing-prefix': localizedText('IPADDR without PREFIX or NETMASK', '有 IPADDR 却没有 PREFIX 或 NETMASK'),
  'gateway-outside-subnet': localizedText('GATEWAY outside the address\'s subnet', 'GATEWAY 不在地址所在的子网内'),
  'invalid-mac': localizedText('a MAC address that is not one', '不是合法 MAC 地址的 MAC 地址'),
  'invalid-uuid': localizedText('a UUID that is not one, or used twice', '不合法或重复使用的 UUID'),
  'stp-value': localizedText('STP spelled in a way one tool refuses', 'STP 的写法有一个工具不接受'),
  'stp-delay-range': localizedText('STP on with DELAY outside 2-30 (e.g. DELAY=0)', 'STP 打开而 DELAY 不在 2–30 之间（例如 DELAY=0）'),
  'stp-default-delay': localizedText('STP on with the default 15 s forward delay', 'STP 打开且使用默认的 15 秒转发延迟'),
  'bridging-opts': localizedText('BRIDGING_OPTS with unknown or time-valued options', 'BRIDGING_OPTS 里有未知选项或时间类选项'),
  'mtu-mismatch': localizedText('MTU differs between bridge and port', '网桥和端口的 MTU 不一致'),
} as const satisfies Record<string, LocalizedText>;

/** The id of a rule, e.g. "type-case". */
export type RuleId = keyof typeof RULE_SUMMARIES;

export interface RuleInfo {
  id: RuleId;
  /** What the rule catches, in every edition. */
  summary: LocalizedText;
}

/** Every rule, for documentation and the editor's legend. */
export const IFCFG_RULES: readonly RuleInfo[] = (Object.keys(RULE_SUMMARIES) as RuleId[]).map((id) => ({
  id, summary: RULE_SUMMARIES[id],
}));
