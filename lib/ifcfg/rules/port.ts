// Rules for a port's file: the bridge it names, IP settings left on it, what it must agree on with the bridge.

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
  // How the sentences name the port: its device, else its file (a file not named ifcfg-* without DEVICE=).
  const portName = view.device ?? file.name;
  if (!bridge) {
    ctx.add({
      key: 'BRIDGE', severity: 'error', rule: 'bridge-not-found',
      code: 'bridge-not-found', params: { bridge: bridgeName, port: view.device ?? null },
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
        code: 'port-ip-settings',
        params: { key: a.key, value: a.value, port: portName, bridge: bridgeName, dynamic: bootDynamic, bridgeUnaddressed },
      });
    } else if (SOFT_IP_KEYS_ON_PORT.test(a.key) || (a.key === 'IPV6INIT' && parseNmBoolean(a.value) === true)) {
      ctx.add({
        key: a.key, line: a.line, column: a.column, severity: 'warning', rule: 'port-ip-settings',
        code: 'port-ip-option', params: { key: a.key, value: a.value, port: portName, bridge: bridgeName },
      });
    }
  }
  const type = valueOf(file, 'TYPE');
  if (type !== undefined && type.toLowerCase() === 'bridge') {
    ctx.add({
      key: 'TYPE', severity: 'error', rule: 'port-type-bridge',
      code: 'port-type-bridge', params: { value: type, port: portName, bridge: bridgeName },
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
      code: 'wireless-port', params: { shown, port: device, bridge: bridgeName },
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
        code: 'nm-controlled-mismatch', params: { port: portRaw ?? null, bridge: bridgeRaw ?? null, bridgeFile: bridge.file.name },
      });
    }
    const portMtu = valueOf(file, 'MTU');
    const bridgeMtu = valueOf(bridge.file, 'MTU');
    if (portMtu !== undefined && bridgeMtu !== undefined && portMtu !== bridgeMtu) {
      ctx.add({
        key: 'MTU', severity: 'warning', rule: 'mtu-mismatch',
        code: 'mtu-mismatch', params: { port: portMtu, bridge: bridgeMtu, bridgeName },
      });
    }
  }
  if (valueOf(file, 'ONBOOT') === 'no') {
    ctx.add({
      key: 'ONBOOT', severity: 'warning', rule: 'onboot-no',
      code: 'port-onboot-no', params: { port: view.device ?? null, bridge: bridgeName },
    });
  }
  checkBridgingOpts(ctx, false);
}

