// Rules about addresses: BOOTPROTO, IPADDR, PREFIX/NETMASK, GATEWAY, MAC addresses.

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
        code: 'bootproto-case', params: { value: bootproto, lower, dynamic },
      });
    } else if (!['none', 'static', 'dhcp', 'bootp'].includes(lower)) {
      ctx.add({
        key: 'BOOTPROTO', severity: 'error', rule: 'bootproto-value',
        code: 'bootproto-unknown',
        params: { value: bootproto, lower, networkManagerReads: ['autoip', 'shared'].includes(lower) ? 'own-method' : lower === 'ibft' ? 'ibft' : 'unknown' },
      });
    }
  }
  const lower = (bootproto ?? 'none').toLowerCase();
  const dynamic = lower === 'dhcp' || lower === 'bootp';
  const ipaddr = valueOf(file, 'IPADDR') ?? valueOf(file, 'IPADDR0') ?? valueOf(file, 'IPADDR1');
  const gateway = valueOf(file, 'GATEWAY');
  // Address syntax.
  let addressNumber: number | null = null;
  let addressText = '';
  for (const a of file.nm.assignments) {
    if (!/^(IPADDR\d*|GATEWAY\d*|DNS\d+)$/.test(a.key) || a.value === null || a.value === '' || ctx.reportedLines.has(a.line)) continue;
    if (nmAssignmentOf(file, a.key) !== a) continue;
    const v = a.value;
    if (/^IPADDR/.test(a.key) && /^[^/]+\/\d+$/.test(v) && parseIpv4(v.split('/')[0]!) !== null) {
      const [addr, pfx] = v.split('/');
      const device = valueOf(file, 'DEVICE');
      ctx.add({
        key: a.key, line: a.line, column: a.valueColumn, severity: 'error', rule: 'ipaddr-with-prefix',
        code: 'ipaddr-with-prefix',
        params: { key: a.key, value: v, address: addr!, prefix: pfx!, prefixKey: `PREFIX${a.key.slice(6)}`, device: device ?? null },
      });
      continue;
    }
    const okV4 = parseIpv4(v) !== null;
    const ok = okV4 || (/^DNS/.test(a.key) && isIpv6Address(v));
    if (!ok) {
      const nmName = a.key.replace(/\d+$/, '');
      ctx.add({
        key: a.key, line: a.line, column: a.valueColumn, severity: 'error', rule: 'invalid-address',
        code: 'invalid-address', params: { key: a.key, value: v, networkManagerName: nmName, dns: /^DNS/.test(a.key) },
      });
    } else if (/^IPADDR/.test(a.key) && addressNumber === null) {
      addressNumber = parseIpv4(v);
      addressText = v;
    }
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
        code: 'bad-prefix', params: { value: prefixRaw },
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
        code: 'bad-netmask', params: { value: maskRaw, withPrefix, networkManagerPrefix: nmPrefix },
      });
    } else if (prefix === null && prefixRaw === undefined) prefix = p;
  }
  if (addressNumber !== null && prefix === null && prefixRaw === undefined && maskRaw === undefined && !dynamic) {
    const assumed = classfulPrefix(addressNumber);
    ctx.add({
      key: 'IPADDR', severity: 'warning', rule: 'missing-prefix',
      code: 'missing-prefix', params: { assumed },
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
          ...(explicitlyStatic
            ? { code: 'static-without-address' } as const
            : { code: 'address-settings-without-address', params: { keys: extras.join('/') } } as const),
        });
      } else if (view.role === 'bridge') {
        ctx.add({
          key: bootproto !== undefined ? 'BOOTPROTO' : 'DEVICE', severity: 'warning', rule: 'static-without-address',
          code: 'bridge-without-address', params: { device: valueOf(file, 'DEVICE') ?? null },
        });
      }
    }
    if (dynamic && ipaddr !== undefined) {
      ctx.add({
        key: 'IPADDR', severity: 'warning', rule: 'dhcp-with-address',
        code: 'dhcp-with-address', params: { bootproto: bootproto ?? '', address: ipaddr },
      });
    }
  }
  if (gateway !== undefined && addressNumber !== null && prefix !== null && !dynamic) {
    const g = parseIpv4(gateway);
    if (g !== null && !sameSubnet(g, addressNumber, prefix)) {
      ctx.add({
        key: 'GATEWAY', severity: 'error', rule: 'gateway-outside-subnet',
        code: 'gateway-outside-subnet', params: { gateway, address: ipaddr ?? addressText, prefix },
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
        code: 'invalid-mac', params: { key, value: v },
      });
    }
  }
}

