// Rules about keys and their values: unknown or miscased keys, DEVICE, yes/no values.

import { parseInitscriptsBoolean, parseNmBoolean, valueOf } from '../build-bridge-model.ts';
import { describeIfcfgKey, IFCFG_KEYS } from '../ifcfg-keys.ts';
import { isValidInterfaceName } from '../addresses-and-identifiers.ts';
import { nmAssignmentOf } from '../parse-ifcfg-file.ts';
import type { InitscriptsReadsBoolean } from '../finding-wordings.ts';
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
        code: 'key-case', params: { key: a.key, known },
      });
    }
  }
  if (!file.name.startsWith('ifcfg-')) {
    ctx.add({
      key: '', line: 1, column: 1, severity: 'warning', rule: 'file-name',
      code: 'file-name-prefix', params: { name: file.name },
    });
  } else if (/(\.(bak|old|orig|rpmnew|rpmorig|rpmsave|backup|save|swp)|~|-copy)$/.test(file.name)) {
    const initSkips = /\.(bak|old|orig|rpmnew|rpmorig|rpmsave)$|~$/.test(file.name);
    const nmSkips = /\.(bak|orig|rej|rpmnew)$|~$/.test(file.name);
    ctx.add({
      key: '', line: 1, column: 1, severity: 'warning', rule: 'file-name',
      code: 'backup-file-name', params: { name: file.name, initscriptsSkips: initSkips, networkManagerSkips: nmSkips },
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
      code: 'device-missing', params: { suffix: file.suffix, bridge },
    });
    return;
  }
  if (!isValidInterfaceName(device)) {
    ctx.add({
      key: 'DEVICE', severity: 'error', rule: 'device-name',
      code: 'device-name', params: { device },
    });
    return;
  }
  if (file.suffix !== null && file.suffix !== device && !file.suffix.startsWith(device + '.') && !ctx.reportedLines.has(where(file, 'DEVICE').line)) {
    ctx.add({
      key: 'DEVICE', severity: 'warning', rule: 'device-file-mismatch',
      code: 'device-file-mismatch', params: { device, name: file.name, suffix: file.suffix },
    });
  }
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
    let initscriptsReads: InitscriptsReadsBoolean;
    if (key === 'ONBOOT') {
      const skippedByService = file.text.split('\n').some((l) => /^ONBOOT=['"]?[Nn][Oo]['"]?/.test(l));
      initResult = !skippedByService && raw !== 'no' && raw !== 'NO';
      initscriptsReads = initResult ? 'onboot-up' : 'onboot-down';
    } else if (key === 'DEFROUTE') {
      initResult = raw !== 'no';
      initscriptsReads = initResult ? 'defroute-kept' : 'defroute-off';
    } else {
      const r = parseInitscriptsBoolean(raw);
      initResult = r ?? nmDefault;
      initscriptsReads = r === undefined ? 'unrecognised' : r ? 'yes' : 'no';
    }
    const intendedRaw = parseInitscriptsBoolean(raw);
    const intended = intendedRaw ?? parseNmBoolean(raw);
    const disagree = initResult !== nmResult || (intended !== undefined && (initResult !== intended || nmResult !== intended));
    const write = intended === false ? 'no' : 'yes';
    ctx.add({
      key, severity: disagree ? 'error' : 'warning', rule: 'boolean-value',
      code: 'boolean-value',
      params: { key, raw, write, initscriptsReads, networkManagerReads: nmReads ?? null, defaultValue: nmDefault },
    });
  }
}

