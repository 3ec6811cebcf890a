// Rules about addresses: BOOTPROTO, IPADDR, PREFIX/NETMASK, GATEWAY, MAC addresses.

import { localizedText } from '../../book/localized-text.ts';
import { valueOf } from '../build-bridge-model.ts';
import { classfulPrefix, isIpv6Address, isMacAddress, netmaskToPrefix, netmaskToPrefixLikeNetworkManager, parseIpv4, sameSubnet } from '../addresses-and-identifiers.ts';
import { nmAssignmentOf } from '../parse-ifcfg-file.ts';
import { type Context } from './finding.ts';

export function checkAddresses(ctx: Context): void {
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
        message: localizedText(`BOOTPROTO=${bootproto}: write BOOTPROTO=${lower} in lower case`, `BOOTPROTO=${bootproto}：请用小写写成 BOOTPROTO=${lower}`),
        initscripts: dynamic
          ? localizedText(
              `only lower-case "dhcp"/"bootp" start dhclient: "${bootproto}" is treated as static, and with no IPADDR the interface gets no address`,
              `只有小写的“dhcp”/“bootp”才会启动 dhclient：“${bootproto}”被当作静态地址，没有 IPADDR 时接口就得不到地址`,
            )
          : localizedText('treats it as static', '把它当作静态地址'),
        networkManager: localizedText(`reads it case-insensitively as ${lower}`, `不区分大小写，读作 ${lower}`),
      });
    } else if (!['none', 'static', 'dhcp', 'bootp'].includes(lower)) {
      ctx.add({
        key: 'BOOTPROTO', severity: 'error', rule: 'bootproto-value',
        message: localizedText(
          `BOOTPROTO=${bootproto} is not a method both tools know; use none (static) or dhcp`,
          `BOOTPROTO=${bootproto} 不是两个工具都认识的方式；请用 none（静态）或 dhcp`,
        ),
        initscripts: localizedText('treats anything but dhcp/bootp as static', '除 dhcp/bootp 之外的值都当作静态地址'),
        networkManager: ['autoip', 'shared'].includes(lower)
          ? localizedText(`uses the NetworkManager-only method "${lower}"`, `使用 NetworkManager 独有的方式“${lower}”`)
          : lower === 'ibft'
            ? localizedText('ignores the file ("Ignoring iBFT configuration")', '忽略这个文件（“Ignoring iBFT configuration”）')
            : localizedText(`rejects the file: "Unknown BOOTPROTO '${bootproto}'"`, `拒绝这个文件：“Unknown BOOTPROTO '${bootproto}'”`),
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
        message: localizedText(
          `${a.key}=${v}: the prefix does not go in ${a.key}; write ${a.key}=${addr} and PREFIX${a.key.slice(6)}=${pfx}`,
          `${a.key}=${v}：前缀不能写在 ${a.key} 里；请写 ${a.key}=${addr} 和 PREFIX${a.key.slice(6)}=${pfx}`,
        ),
        initscripts: localizedText(
          `ipcalc and \`ip addr add ${v}/<prefix>\` fail: "Error adding address ${addr} for ${device ?? 'the device'}"`,
          `ipcalc 和 \`ip addr add ${v}/<前缀>\` 都会失败：“Error adding address ${addr} for ${device ?? '<设备>'}”`,
        ),
        networkManager: localizedText(`rejects the file: "Invalid ${a.key} IP4 address '${v}'"`, `拒绝这个文件：“Invalid ${a.key} IP4 address '${v}'”`),
      });
      continue;
    }
    const okV4 = parseIpv4(v) !== null;
    const ok = okV4 || (/^DNS/.test(a.key) && isIpv6Address(v));
    if (!ok) {
      const nmName = a.key.replace(/\d+$/, '');
      ctx.add({
        key: a.key, line: a.line, column: a.valueColumn, severity: 'error', rule: 'invalid-address',
        message: localizedText(
          `${a.key}=${v} is not an IPv4 address (four numbers 0-255, e.g. 192.168.1.10)`,
          `${a.key}=${v} 不是 IPv4 地址（四个 0–255 的数，例如 192.168.1.10）`,
        ),
        initscripts: /^DNS/.test(a.key)
          ? localizedText('writes it into /etc/resolv.conf, where the resolver ignores it', '把它写进 /etc/resolv.conf，而解析器会忽略它')
          : localizedText(
              '`ip` refuses it ("Error: any valid prefix is expected" / "Error adding address")',
              '`ip` 拒绝它（“Error: any valid prefix is expected” / “Error adding address”）',
            ),
        networkManager: localizedText(`rejects the file: "Invalid ${nmName} IP4 address '${v}'"`, `拒绝这个文件：“Invalid ${nmName} IP4 address '${v}'”`),
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
        message: localizedText(`PREFIX=${prefixRaw} is not a prefix length 0-32`, `PREFIX=${prefixRaw} 不是 0–32 之间的前缀长度`),
        initscripts: localizedText('ipcalc fails and the address is not added', 'ipcalc 失败，地址不会被添加'),
        networkManager: localizedText(`rejects the file: "Invalid IP4 prefix '${prefixRaw}'"`, `拒绝这个文件：“Invalid IP4 prefix '${prefixRaw}'”`),
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
        message: localizedText(
          `NETMASK=${maskRaw} is not a valid netmask (it must be ones then zeros, e.g. 255.255.255.0)${withPrefix ? '; PREFIX wins, so delete NETMASK' : ''}`,
          `NETMASK=${maskRaw} 不是合法的子网掩码（必须是一串 1 后面跟一串 0，例如 255.255.255.0）${withPrefix ? '；PREFIX 优先，所以请删掉 NETMASK' : ''}`,
        ),
        initscripts: withPrefix
          ? localizedText('uses PREFIX and ignores NETMASK', '使用 PREFIX，忽略 NETMASK')
          : localizedText(`"ipcalc: bad netmask: ${maskRaw}", then the address is not added`, `“ipcalc: bad netmask: ${maskRaw}”，然后地址不会被添加`),
        networkManager: nmPrefix === null
          ? localizedText('rejects the file: invalid NETMASK', '拒绝这个文件：NETMASK 不合法')
          : withPrefix
            ? localizedText('uses PREFIX', '使用 PREFIX')
            : localizedText(
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
      message: localizedText(
        `IPADDR has no PREFIX or NETMASK; add PREFIX= (both tools assume the old classful /${assumed})`,
        `IPADDR 没有 PREFIX 或 NETMASK；请加上 PREFIX=（两个工具都会按老式的地址类别假定为 /${assumed}）`,
      ),
      initscripts: localizedText(`assumes /${assumed}`, `假定为 /${assumed}`),
      networkManager: localizedText(`assumes /${assumed} ("missing PREFIX, assuming …/${assumed}")`, `假定为 /${assumed}（“missing PREFIX, assuming …/${assumed}”）`),
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
            ? localizedText(
                'BOOTPROTO=static but there is no IPADDR; add IPADDR= (or use BOOTPROTO=dhcp)',
                '写了 BOOTPROTO=static 却没有 IPADDR；请加上 IPADDR=（或者改用 BOOTPROTO=dhcp）',
              )
            : localizedText(
                `${extras.join('/')} is set but there is no IPADDR; add IPADDR= (or use BOOTPROTO=dhcp)`,
                `设置了 ${extras.join('/')} 却没有 IPADDR；请加上 IPADDR=（或者改用 BOOTPROTO=dhcp）`,
              ),
          initscripts: localizedText('brings the link up with no address and no default route', '启用链路，但没有地址，也没有默认路由'),
          networkManager: localizedText('IPv4 is disabled: no address, and the gateway is ignored', 'IPv4 被禁用：没有地址，网关也被忽略'),
        });
      } else if (view.role === 'bridge') {
        const device = valueOf(file, 'DEVICE');
        ctx.add({
          key: bootproto !== undefined ? 'BOOTPROTO' : 'DEVICE', severity: 'warning', rule: 'static-without-address',
          message: localizedText(
            `${device ?? 'the bridge'} gets no IPv4 address (no IPADDR and no BOOTPROTO=dhcp); the host is unreachable through it`,
            `${device ?? '网桥'}得不到 IPv4 地址（既没有 IPADDR，也没有 BOOTPROTO=dhcp）；无法通过它访问这台主机`,
          ),
          initscripts: localizedText('brings the bridge up without an address', '启用网桥，但它没有地址'),
          networkManager: localizedText('IPv4 is disabled on the bridge', '网桥上的 IPv4 被禁用'),
        });
      }
    }
    if (dynamic && ipaddr !== undefined) {
      ctx.add({
        key: 'IPADDR', severity: 'warning', rule: 'dhcp-with-address',
        message: localizedText(
          `BOOTPROTO=${bootproto} and IPADDR=${ipaddr}: pick one (delete IPADDR for DHCP, or set BOOTPROTO=none)`,
          `BOOTPROTO=${bootproto} 和 IPADDR=${ipaddr}：只能选一个（用 DHCP 就删掉 IPADDR，否则设 BOOTPROTO=none）`,
        ),
        initscripts: localizedText('runs dhclient and ignores IPADDR', '运行 dhclient，忽略 IPADDR'),
        networkManager: localizedText('adds IPADDR as an extra static address next to the DHCP one', '在 DHCP 地址之外，再把 IPADDR 加为一个静态地址'),
      });
    }
  }
  if (gateway !== undefined && addressNumber !== null && prefix !== null && !dynamic) {
    const g = parseIpv4(gateway);
    if (g !== null && !sameSubnet(g, addressNumber, prefix)) {
      ctx.add({
        key: 'GATEWAY', severity: 'error', rule: 'gateway-outside-subnet',
        message: localizedText(
          `GATEWAY=${gateway} is outside ${ipaddr}/${prefix}; the gateway must be in the same subnet`,
          `GATEWAY=${gateway} 不在 ${ipaddr}/${prefix} 之内；网关必须在同一个子网里`,
        ),
        initscripts: localizedText(
          'silently adds no default route (ifup-eth only adds a gateway in the subnet of IPADDR)',
          '悄悄地不添加默认路由（ifup-eth 只添加位于 IPADDR 子网内的网关）',
        ),
        networkManager: localizedText(
          'accepts the file and tries to add the default route, but the gateway is not on the link, so the route is unreachable or refused',
          '接受这个文件并尝试添加默认路由，但网关不在这条链路上，所以路由不可达或被拒绝',
        ),
      });
    }
  }
}

export function checkMacs(ctx: Context): void {
  const { file } = ctx;
  for (const key of ['HWADDR', 'MACADDR', 'BRIDGE_MACADDR']) {
    const v = valueOf(file, key);
    if (v !== undefined && !isMacAddress(v)) {
      ctx.add({
        key, severity: 'error', rule: 'invalid-mac',
        message: localizedText(
          `${key}=${v} is not a MAC address (six hex bytes, e.g. 52:54:00:12:34:56)`,
          `${key}=${v} 不是 MAC 地址（六个十六进制字节，例如 52:54:00:12:34:56）`,
        ),
        initscripts: key === 'HWADDR'
          ? localizedText(
              'never matches the NIC: "Device … has different MAC address than expected, ignoring."',
              '永远匹配不上网卡：“Device … has different MAC address than expected, ignoring.”',
            )
          : localizedText('`ip link set … address` fails', '`ip link set … address` 失败'),
        networkManager: localizedText(`rejects the file: invalid ${key}`, `拒绝这个文件：${key} 不合法`),
      });
    }
  }
}

