// Rules for a port's file: the bridge it names, IP settings left on it, what it must agree on with the bridge.

import { localizedText } from '../../book/localized-text.ts';
import { parseInitscriptsBoolean, parseNmBoolean, valueOf } from '../build-bridge-model.ts';
import { nmAssignmentOf } from '../parse-ifcfg-file.ts';
import { type Context } from './finding.ts';
import { checkBridgingOpts } from './bridging-options.ts';

const IP_KEYS_ON_PORT = /^(IPADDR\d*|PREFIX\d*|NETMASK\d*|GATEWAY\d*|DNS\d+|IPV6ADDR|IPV6ADDR_SECONDARIES|IPV6_DEFAULTGW)$/;
const SOFT_IP_KEYS_ON_PORT = /^(DEFROUTE|PEERDNS|PEERROUTES|DOMAIN|IPV4_FAILURE_FATAL|IPV6_AUTOCONF|IPV6_DEFROUTE|IPV6_FAILURE_FATAL|IPV6_PEERDNS|IPV6_PEERROUTES|DHCPV6C|ZONE)$/;

export function checkPort(ctx: Context): void {
  const { file, view, all } = ctx;
  const bridgeName = view.bridgeName!;
  const bridge = all.find((v) => v.role === 'bridge' && v.device === bridgeName);
  if (!bridge) {
    ctx.add({
      key: 'BRIDGE', severity: 'error', rule: 'bridge-not-found',
      message: localizedText(
        `BRIDGE=${bridgeName}, but no ifcfg file defines DEVICE=${bridgeName} with TYPE=Bridge; create ifcfg-${bridgeName}`,
        `这里写着 BRIDGE=${bridgeName}，但没有哪个 ifcfg 文件用 TYPE=Bridge 定义 DEVICE=${bridgeName}；请创建 ifcfg-${bridgeName}`,
      ),
      initscripts: localizedText(
        `ifup ${view.device ?? 'the port'} creates a bare ${bridgeName} (brctl addbr) with no address, so the host loses its IP`,
        `ifup ${view.device ?? '<端口>'} 会建出一个没有地址的空 ${bridgeName}（brctl addbr），于是主机失去了它的 IP`,
      ),
      networkManager: localizedText(
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
        message: localizedText(
          `${a.key}=${a.value} on the port ${view.device}: IP settings belong in ifcfg-${bridgeName}; delete ${a.key} here${bootDynamic ? ' (use BOOTPROTO=none)' : ''}`,
          `端口 ${view.device} 上有 ${a.key}=${a.value}：IP 设置应该写在 ifcfg-${bridgeName} 里；请删掉这里的 ${a.key}${bootDynamic ? '（改用 BOOTPROTO=none）' : ''}`,
        ),
        initscripts: localizedText(
          `ifup flushes ${view.device}'s addresses and enslaves it; ${a.key} is ignored${bridgeUnaddressed ? `, and ${bridgeName} has no address either: the host is unreachable` : ''}`,
          `ifup 清空 ${view.device} 的地址并把它加入网桥；${a.key} 被忽略${bridgeUnaddressed ? `，而 ${bridgeName} 上也没有地址：这台主机无法访问` : ''}`,
        ),
        networkManager: localizedText('drops IP settings from a port connection without a word', '一声不响地丢掉端口连接上的 IP 设置'),
      });
    } else if (SOFT_IP_KEYS_ON_PORT.test(a.key) || (a.key === 'IPV6INIT' && parseNmBoolean(a.value) === true)) {
      ctx.add({
        key: a.key, line: a.line, column: a.column, severity: 'warning', rule: 'port-ip-settings',
        message: localizedText(
          `${a.key}=${a.value} on the port ${view.device} has no effect; IP options belong in ifcfg-${bridgeName}`,
          `端口 ${view.device} 上的 ${a.key}=${a.value} 不起作用；IP 选项应该写在 ifcfg-${bridgeName} 里`,
        ),
        initscripts: localizedText("ignored: a port's ifup stops after enslaving it", '被忽略：端口的 ifup 把它加入网桥后就结束了'),
        networkManager: localizedText('ignored for a port connection', '对端口连接来说被忽略'),
      });
    }
  }
  const type = valueOf(file, 'TYPE');
  if (type !== undefined && type.toLowerCase() === 'bridge') {
    ctx.add({
      key: 'TYPE', severity: 'error', rule: 'port-type-bridge',
      message: localizedText(
        `TYPE=${type} in the port file of ${view.device}: a port is TYPE=Ethernet; only ifcfg-${bridgeName} says TYPE=Bridge`,
        `${view.device} 的端口文件里写了 TYPE=${type}：端口是 TYPE=Ethernet；只有 ifcfg-${bridgeName} 才写 TYPE=Bridge`,
      ),
      initscripts: localizedText(
        `tries to create a bridge named ${view.device} ("device ${view.device} already exists; can't create bridge with the same name") instead of enslaving the NIC`,
        `试图创建一个名为 ${view.device} 的网桥（“device ${view.device} already exists; can't create bridge with the same name”），而不是把网卡加入网桥`,
      ),
      networkManager: localizedText(
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
      message: localizedText(
        `${shown}: ${device} is a Wi-Fi interface; a Wi-Fi station cannot be a bridge port (use a wired NIC, or routed/NAT networking for VMs)`,
        `${shown}：${device} 是 Wi-Fi 接口；处于客户端模式的 Wi-Fi 不能做网桥端口（请用有线网卡，或者给虚拟机用路由/NAT 网络）`,
      ),
      initscripts: localizedText(
        `brctl addif: "can't add ${device} to bridge ${bridgeName}: Operation not supported"`,
        `brctl addif 报错：“can't add ${device} to bridge ${bridgeName}: Operation not supported”`,
      ),
      networkManager: localizedText(
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
        message: localizedText(
          `NM_CONTROLLED is ${portRaw ?? 'unset (yes)'} here but ${bridgeRaw ?? 'unset (yes)'} in ${bridge.file.name}; set the same value in both`,
          `这里的 NM_CONTROLLED 是 ${portRaw ?? '未设置（即 yes）'}，而 ${bridge.file.name} 里是 ${bridgeRaw ?? '未设置（即 yes）'}；请在两个文件里设成同一个值`,
        ),
        initscripts: localizedText(
          'one file is handed to NetworkManager and the other is not: `ifup` fails with "Error: Connection activation failed: Master connection not found or invalid"',
          '一个文件交给了 NetworkManager，另一个没有：`ifup` 失败，报“Error: Connection activation failed: Master connection not found or invalid”',
        ),
        networkManager: localizedText(
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
        message: localizedText(
          `MTU=${portMtu} here but MTU=${bridgeMtu} on ${bridgeName}; set them equal`,
          `这里是 MTU=${portMtu}，而 ${bridgeName} 上是 MTU=${bridgeMtu}；请设成一样的`,
        ),
        initscripts: localizedText(`${bridgeName} takes the smallest MTU of its ports`, `${bridgeName} 取它所有端口中最小的 MTU`),
        networkManager: localizedText(`${bridgeName} takes the smallest MTU of its ports`, `${bridgeName} 取它所有端口中最小的 MTU`),
      });
    }
  }
  if (valueOf(file, 'ONBOOT') === 'no') {
    ctx.add({
      key: 'ONBOOT', severity: 'warning', rule: 'onboot-no',
      message: localizedText(
        `ONBOOT=no: ${view.device ?? 'the port'} does not join ${bridgeName} at boot; set ONBOOT=yes`,
        `ONBOOT=no：${view.device ?? '这个端口'}开机时不会加入 ${bridgeName}；请设为 ONBOOT=yes`,
      ),
      initscripts: localizedText('not brought up at boot', '开机时不启用'),
      networkManager: localizedText('not connected automatically', '不会自动连接'),
    });
  }
  checkBridgingOpts(ctx, false);
}

