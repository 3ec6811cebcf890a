// Rules for the bridge's own file: TYPE=Bridge, its ports, STP and its delays.

import { parseBrctlStp, parseInitscriptsBoolean, parseNmStp, valueOf } from '../build-bridge-model.ts';
import { bashValueOf } from '../parse-ifcfg-file.ts';
import { type Context } from './finding.ts';
import { checkBridgingOpts } from './bridging-options.ts';

export function checkBridge(ctx: Context): void {
  const { file, view, all } = ctx;
  const typeRaw = valueOf(file, 'TYPE');
  const bashType = bashValueOf(file, 'TYPE');
  const name = view.device ?? 'br0';
  if (typeRaw === undefined || typeRaw.toLowerCase() !== 'bridge') {
    ctx.add({
      key: 'TYPE', line: typeRaw === undefined ? 1 : undefined, severity: 'error', rule: 'bridge-type-missing',
      ...(typeRaw === undefined
        ? { code: 'bridge-type-missing', params: { name } } as const
        : { code: 'bridge-type-other', params: { name, value: typeRaw } } as const),
    });
  } else if (typeRaw !== 'Bridge' || (bashType !== undefined && bashType !== 'Bridge')) {
    ctx.add({
      key: 'TYPE', severity: 'error', rule: 'type-case',
      code: 'type-case', params: { name, value: typeRaw },
    });
  }
  const bridgeKey = valueOf(file, 'BRIDGE');
  if (bridgeKey !== undefined) {
    ctx.add({
      key: 'BRIDGE', severity: 'error', rule: 'bridge-in-bridge-file',
      code: 'bridge-in-bridge-file', params: { name, value: bridgeKey },
    });
  }
  const hw = valueOf(file, 'HWADDR');
  if (hw !== undefined) {
    ctx.add({
      key: 'HWADDR', severity: 'error', rule: 'hwaddr-on-bridge',
      code: 'hwaddr-on-bridge', params: { name, value: hw },
    });
  }
  const ports = all.filter((v) => v.role === 'port' && v.bridgeName === name);
  const plainNics = all.filter((v) => v.role === 'plain' && (valueOf(v.file, 'TYPE') ?? 'Ethernet').toLowerCase() === 'ethernet');
  if (ports.length === 0 && plainNics.length > 0 && all.every((v) => v.role !== 'port')) {
    const nic = plainNics[0]!;
    ctx.add({
      key: 'DEVICE', severity: 'error', rule: 'bridge-without-port',
      code: 'nic-not-a-port', params: { name, nicFile: nic.file.name, nic: nic.device ?? null },
    });
  } else if (ports.length === 0 && all.length > 0) {
    ctx.add({
      key: 'DEVICE', severity: 'warning', rule: 'bridge-without-port',
      code: 'bridge-without-port', params: { name },
    });
  }
  if (valueOf(file, 'ONBOOT') === 'no') {
    ctx.add({
      key: 'ONBOOT', severity: 'warning', rule: 'onboot-no',
      code: 'bridge-onboot-no', params: { name },
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
      code: 'stp-value',
      params: { name, value: stpRaw, write: intended === true ? 'yes' : 'no', brctl: brStp, networkManager: nmStp },
    });
  }
  const delayRaw = valueOf(file, 'DELAY');
  const stpOn = nmStp.on || brStp.on;
  if (delayRaw !== undefined) {
    const delay = Number(delayRaw);
    if (!/^\d+(\.\d+)?$/.test(delayRaw)) {
      ctx.add({
        key: 'DELAY', severity: 'error', rule: 'stp-delay-range',
        code: 'delay-not-a-number', params: { value: delayRaw },
      });
    } else if (stpOn && (delay < 2 || delay > 30)) {
      ctx.add({
        key: 'DELAY', severity: 'error', rule: 'stp-delay-range',
        code: 'stp-delay-range', params: { value: delayRaw },
      });
    }
  } else if (stpOn) {
    ctx.add({
      key: 'STP', severity: 'warning', rule: 'stp-default-delay',
      code: 'stp-default-delay', params: { stp: stpRaw ?? '' },
    });
  }
  checkBridgingOpts(ctx, true);
}

