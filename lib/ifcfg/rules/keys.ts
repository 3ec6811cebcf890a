// Rules about keys and their values: unknown or miscased keys, DEVICE, yes/no values.

import { parseInitscriptsBoolean, parseNmBoolean, valueOf } from '../build-bridge-model.ts';
import { describeIfcfgKey, IFCFG_KEYS } from '../ifcfg-keys.ts';
import { isValidInterfaceName } from '../addresses-and-identifiers.ts';
import { nmAssignmentOf } from '../parse-ifcfg-file.ts';
import { localizedText, type LocalizedText } from '../../book/localized-text.ts';
import { where, type Context } from './finding.ts';

const BOOLEAN_KEYS = ['ONBOOT', 'NM_CONTROLLED', 'DEFROUTE', 'PEERDNS', 'IPV6INIT', 'IPV6_AUTOCONF', 'IPV6_DEFROUTE', 'IPV4_FAILURE_FATAL', 'IPV6_FAILURE_FATAL', 'USERCTL', 'AUTOCONNECT_SLAVES', 'ARPCHECK'];
const KNOWN_KEYS_UPPER = new Map(IFCFG_KEYS.map((k) => [k.key.toUpperCase(), k.key]));

export function checkKeys(ctx: Context): void {
  const { file } = ctx;
  for (const a of file.nm.assignments) {
    if (describeIfcfgKey(a.key)) continue;
    const upper = a.key.toUpperCase();
    const known = KNOWN_KEYS_UPPER.get(upper) ?? (/^(IPADDR|PREFIX|NETMASK|GATEWAY|DNS)\d*$/.test(upper) ? upper : undefined);
    if (known && known !== a.key) {
      ctx.add({
        key: a.key, line: a.line, column: a.column, severity: 'error', rule: 'key-case',
        message: localizedText(`${a.key}: keys are case-sensitive; write ${known}`, `${a.key}：键区分大小写；请写成 ${known}`),
        initscripts: localizedText(
          `sets a variable named ${a.key}, which no script reads; ${known} stays unset`,
          `设置了一个名为 ${a.key} 的变量，但没有哪个脚本读它；${known} 仍然没有设置`,
        ),
        networkManager: localizedText(`does not know ${a.key}; ${known} stays unset`, `不认识 ${a.key}；${known} 仍然没有设置`),
      });
    }
  }
  if (!file.name.startsWith('ifcfg-')) {
    ctx.add({
      key: '', line: 1, column: 1, severity: 'warning', rule: 'file-name',
      message: localizedText(
        `the file name "${file.name}" does not start with "ifcfg-"; save it as /etc/sysconfig/network-scripts/ifcfg-<device>`,
        `文件名“${file.name}”不以“ifcfg-”开头；请保存为 /etc/sysconfig/network-scripts/ifcfg-<设备名>`,
      ),
      initscripts: localizedText('the network service only brings up files named ifcfg-*', 'network 服务只启用名为 ifcfg-* 的文件'),
      networkManager: localizedText('the ifcfg-rh plugin only loads files named ifcfg-*', 'ifcfg-rh 插件只加载名为 ifcfg-* 的文件'),
    });
  } else if (/(\.(bak|old|orig|rpmnew|rpmorig|rpmsave|backup|save|swp)|~|-copy)$/.test(file.name)) {
    const initSkips = /\.(bak|old|orig|rpmnew|rpmorig|rpmsave)$|~$/.test(file.name);
    const nmSkips = /\.(bak|orig|rej|rpmnew)$|~$/.test(file.name);
    ctx.add({
      key: '', line: 1, column: 1, severity: 'warning', rule: 'file-name',
      message: localizedText(
        `"${file.name}" looks like a backup copy; move it out of network-scripts/`,
        `“${file.name}”看起来是一份备份；请把它移出 network-scripts/`,
      ),
      initscripts: initSkips ? localizedText('skips it', '跳过它') : localizedText('loads it as one more interface', '把它当作又一个接口加载'),
      networkManager: nmSkips
        ? localizedText('skips it', '跳过它')
        : localizedText(
            'loads it as one more connection; a copied UUID gives "conflicting UUID"',
            '把它当作又一个连接加载；复制来的 UUID 会导致“conflicting UUID”',
          ),
    });
  }
}

export function checkDevice(ctx: Context): void {
  const { file, view } = ctx;
  const device = valueOf(file, 'DEVICE');
  if (device === undefined) {
    const bridge = view.role === 'bridge';
    ctx.add({
      key: 'DEVICE', line: 1, column: 1, severity: bridge ? 'error' : 'warning', rule: 'device-missing',
      message: localizedText(`DEVICE is missing; add DEVICE=${file.suffix ?? 'br0'}`, `缺少 DEVICE；请加上 DEVICE=${file.suffix ?? 'br0'}`),
      initscripts: localizedText(
        `uses the file-name suffix${file.suffix ? ` (${file.suffix})` : ''} as the device`,
        `用文件名的后缀${file.suffix ? `（${file.suffix}）` : ''}作为设备名`,
      ),
      networkManager: bridge
        ? localizedText('rejects the file: "mandatory DEVICE keyword missing"', '拒绝这个文件：“mandatory DEVICE keyword missing”')
        : localizedText(
            'binds the connection to no interface in particular (any NIC can match it)',
            '这个连接不绑定到任何特定接口（任何网卡都可能匹配它）',
          ),
    });
    return;
  }
  if (!isValidInterfaceName(device)) {
    ctx.add({
      key: 'DEVICE', severity: 'error', rule: 'device-name',
      message: localizedText(
        `DEVICE=${device} is not a valid interface name (1-15 characters, no "/", ":" or spaces)`,
        `DEVICE=${device} 不是合法的接口名（1–15 个字符，不含“/”、“:”或空格）`,
      ),
      initscripts: localizedText('`ip link` refuses the name', '`ip link` 拒绝这个名字'),
      networkManager: localizedText('rejects the file: invalid interface name', '拒绝这个文件：接口名不合法'),
    });
    return;
  }
  if (file.suffix !== null && file.suffix !== device && !file.suffix.startsWith(device + '.') && !ctx.reportedLines.has(where(file, 'DEVICE').line)) {
    ctx.add({
      key: 'DEVICE', severity: 'warning', rule: 'device-file-mismatch',
      message: localizedText(
        `DEVICE=${device} does not match the file name ${file.name}; rename the file to ifcfg-${device}`,
        `DEVICE=${device} 与文件名 ${file.name} 不一致；请把文件改名为 ifcfg-${device}`,
      ),
      initscripts: localizedText(
        `configures ${device}, but the boot loop and ifdown go by the name "${file.suffix}"`,
        `配置的是 ${device}，但开机时的遍历和 ifdown 按名字“${file.suffix}”来找`,
      ),
      networkManager: localizedText(
        `configures ${device}; the file name only sets the default connection name`,
        `配置的是 ${device}；文件名只决定默认的连接名`,
      ),
    });
  }
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

export function checkBooleans(ctx: Context): void {
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
        ? localizedText(
            'the network service only skips ONBOOT=no/NO, so it brings the interface up at boot',
            'network 服务只跳过 ONBOOT=no/NO，所以开机时会启用这个接口',
          )
        : localizedText('does not bring it up at boot', '开机时不启用它');
    } else if (key === 'DEFROUTE') {
      initResult = raw !== 'no';
      initText = initResult
        ? localizedText(
            'only the exact word "no" turns the default route off, so it still adds it',
            '只有一字不差的“no”才会关闭默认路由，所以它仍然添加默认路由',
          )
        : localizedText('adds no default route', '不添加默认路由');
    } else {
      const r = parseInitscriptsBoolean(raw);
      initResult = r ?? nmDefault;
      initText = r === undefined
        ? localizedText(
            `does not recognise "${raw}" and uses the default (${yesNo(nmDefault)})`,
            `不认识“${raw}”，于是使用默认值（${yesNo(nmDefault)}）`,
          )
        : localizedText(`reads it as ${yesNo(r)}`, `把它读作 ${yesNo(r)}`);
    }
    const nmText = nmReads === undefined
      ? localizedText(
          `"${raw}" is not a boolean for NetworkManager (on/off are not), so it uses the default (${yesNo(nmDefault)})`,
          `对 NetworkManager 来说“${raw}”不是布尔值（on/off 也不是），于是使用默认值（${yesNo(nmDefault)}）`,
        )
      : localizedText(`reads it as ${yesNo(nmReads)}`, `把它读作 ${yesNo(nmReads)}`);
    const intendedRaw = parseInitscriptsBoolean(raw);
    const intended = intendedRaw ?? parseNmBoolean(raw);
    const disagree = initResult !== nmResult || (intended !== undefined && (initResult !== intended || nmResult !== intended));
    const write = intended === false ? 'no' : 'yes';
    ctx.add({
      key, severity: disagree ? 'error' : 'warning', rule: 'boolean-value',
      message: localizedText(
        `${key}=${raw}: write ${key}=${write} (only lower-case yes/no means the same to both tools)`,
        `${key}=${raw}：请写成 ${key}=${write}（只有小写的 yes/no 对两个工具的含义相同）`,
      ),
      initscripts: initText,
      networkManager: nmText,
    });
  }
}

