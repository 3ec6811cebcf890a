// Rules for the bridge's own file: TYPE=Bridge, its ports, STP and its delays.

import { localizedText } from '../../book/localized-text.ts';
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
      message: typeRaw === undefined
        ? localizedText(
            `TYPE is missing, but a port names ${name} as its bridge; add TYPE=Bridge`,
            `缺少 TYPE，但有端口把 ${name} 当作它的网桥；请加上 TYPE=Bridge`,
          )
        : localizedText(
            `TYPE=${typeRaw}, but a port names ${name} as its bridge; add TYPE=Bridge`,
            `这里是 TYPE=${typeRaw}，但有端口把 ${name} 当作它的网桥；请改为 TYPE=Bridge`,
          ),
      initscripts: localizedText(
        `configures ${name} as a plain NIC ("Device ${name} does not seem to be present, delaying initialization."); a port's ifup creates a bare ${name} without the address`,
        `把 ${name} 当作普通网卡来配置（“Device ${name} does not seem to be present, delaying initialization.”）；端口的 ifup 会建出一个没有地址的空 ${name}`,
      ),
      networkManager: localizedText(
        "treats it as an Ethernet connection, not a bridge; the ports' master is not a bridge",
        '把它当作以太网连接而不是网桥；端口的主连接（master）不是网桥',
      ),
    });
  } else if (typeRaw !== 'Bridge' || (bashType !== undefined && bashType !== 'Bridge')) {
    ctx.add({
      key: 'TYPE', severity: 'error', rule: 'type-case',
      message: localizedText(
        `TYPE=${typeRaw}: initscripts wants exactly TYPE=Bridge (capital B, case-sensitive)`,
        `TYPE=${typeRaw}：initscripts 要求一字不差的 TYPE=Bridge（B 大写，区分大小写）`,
      ),
      initscripts: localizedText(
        `no bridge is created: ${name} is treated as a plain device ("Device ${name} does not seem to be present, delaying initialization.")`,
        `不会创建网桥：${name} 被当作普通设备（“Device ${name} does not seem to be present, delaying initialization.”）`,
      ),
      networkManager: localizedText('accepts it (compares case-insensitively)', '接受它（比较时不区分大小写）'),
    });
  }
  const bridgeKey = valueOf(file, 'BRIDGE');
  if (bridgeKey !== undefined) {
    ctx.add({
      key: 'BRIDGE', severity: 'error', rule: 'bridge-in-bridge-file',
      message: localizedText(
        `BRIDGE=${bridgeKey} is in the bridge's own file; move it to the port file (ifcfg-eth0)`,
        `BRIDGE=${bridgeKey} 写在了网桥自己的文件里；请把它移到端口文件（ifcfg-eth0）中`,
      ),
      initscripts: bridgeKey === name
        ? localizedText(
            `brctl: "device ${name} is a bridge device itself; can't enslave a bridge device to a bridge device."`,
            `brctl 报错：“device ${name} is a bridge device itself; can't enslave a bridge device to a bridge device.”`,
          )
        : localizedText(`tries to enslave ${name} to ${bridgeKey}`, `试图把 ${name} 加入 ${bridgeKey}，作为它的端口`),
      networkManager: localizedText(
        `makes the bridge connection a port of ${bridgeKey}; the NIC is not enslaved`,
        `把这个网桥连接变成 ${bridgeKey} 的端口；网卡并没有加入网桥`,
      ),
    });
  }
  const hw = valueOf(file, 'HWADDR');
  if (hw !== undefined) {
    ctx.add({
      key: 'HWADDR', severity: 'error', rule: 'hwaddr-on-bridge',
      message: localizedText(
        `HWADDR=${hw} in the bridge file; delete it (use MACADDR= to pin the bridge's MAC)`,
        `网桥文件里有 HWADDR=${hw}；请删掉它（要固定网桥的 MAC，请用 MACADDR=）`,
      ),
      initscripts: localizedText(
        `checks it before creating the bridge: "Device ${name} has different MAC address than expected, ignoring."`,
        `在创建网桥之前检查它：“Device ${name} has different MAC address than expected, ignoring.”`,
      ),
      networkManager: localizedText('ignores HWADDR for bridges', '对网桥忽略 HWADDR'),
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
      message: localizedText(
        `DEVICE=${name} is a bridge, but ${nic.file.name} has no BRIDGE=${name}, so ${nicEn} is not its port; add BRIDGE=${name} to ${nic.file.name}`,
        `DEVICE=${name} 是网桥，但 ${nic.file.name} 里没有 BRIDGE=${name}，所以 ${nicZh} 不是它的端口；请在 ${nic.file.name} 里加上 BRIDGE=${name}`,
      ),
      initscripts: localizedText(
        `brings ${name} up with no uplink and ${nicEn} up as a separate interface: the bridge (and its VMs) cannot reach the LAN`,
        `启用了没有上行链路的 ${name}，又把 ${nicZh} 作为独立接口启用：网桥（以及上面的虚拟机）连不到局域网`,
      ),
      networkManager: localizedText(
        `activates ${name} with no ports; ${nicEn} stays a separate connection`,
        `激活了没有端口的 ${name}；${nicZh} 仍是一个独立的连接`,
      ),
    });
  } else if (ports.length === 0 && all.length > 0) {
    ctx.add({
      key: 'DEVICE', severity: 'warning', rule: 'bridge-without-port',
      message: localizedText(
        `DEVICE=${name} is a bridge, but no port file says BRIDGE=${name}; add BRIDGE=${name} to the NIC's file (e.g. ifcfg-eth0), or check it together with this one`,
        `DEVICE=${name} 是网桥，但没有哪个端口文件写着 BRIDGE=${name}；请在网卡的文件（例如 ifcfg-eth0）里加上 BRIDGE=${name}，或者把那个文件和这个一起检查`,
      ),
      initscripts: localizedText(`creates ${name} with no uplink: VMs on it cannot reach the LAN`, `创建了没有上行链路的 ${name}：接在上面的虚拟机连不到局域网`),
      networkManager: localizedText(`activates ${name} with no ports`, `激活了没有端口的 ${name}`),
    });
  }
  if (valueOf(file, 'ONBOOT') === 'no') {
    ctx.add({
      key: 'ONBOOT', severity: 'warning', rule: 'onboot-no',
      message: localizedText(
        `ONBOOT=no: the bridge ${name} does not come up at boot; set ONBOOT=yes`,
        `ONBOOT=no：网桥 ${name} 开机时不会启用；请设为 ONBOOT=yes`,
      ),
      initscripts: localizedText('not brought up at boot', '开机时不启用'),
      networkManager: localizedText('not connected automatically', '不会自动连接'),
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
      message: localizedText(
        `STP=${stpRaw}: write STP=${intended === true ? 'yes' : 'no'} (lower-case yes/no or on/off)`,
        `STP=${stpRaw}：请写成 STP=${intended === true ? 'yes' : 'no'}（小写的 yes/no 或 on/off）`,
      ),
      initscripts: brStp.valid
        ? localizedText(`brctl stp ${name} ${stpRaw}: STP ${onOff(brStp.on)}`, `brctl stp ${name} ${stpRaw}：STP ${brStp.on ? '打开' : '关闭'}`)
        : localizedText(
            `brctl stp ${name} ${stpRaw}: "expect on/off for argument"; STP stays off`,
            `brctl stp ${name} ${stpRaw}：“expect on/off for argument”；STP 保持关闭`,
          ),
      networkManager: nmStp.valid
        ? localizedText(`STP ${onOff(nmStp.on)}`, `STP ${nmStp.on ? '打开' : '关闭'}`)
        : localizedText(`"invalid STP value '${stpRaw}'"; STP off`, `“invalid STP value '${stpRaw}'”；STP 关闭`),
    });
  }
  const delayRaw = valueOf(file, 'DELAY');
  const stpOn = nmStp.on || brStp.on;
  if (delayRaw !== undefined) {
    const delay = Number(delayRaw);
    if (!/^\d+(\.\d+)?$/.test(delayRaw)) {
      ctx.add({
        key: 'DELAY', severity: 'error', rule: 'stp-delay-range',
        message: localizedText(`DELAY=${delayRaw} is not a number of seconds`, `DELAY=${delayRaw} 不是秒数`),
        initscripts: localizedText('brctl setfd fails', 'brctl setfd 失败'),
        networkManager: localizedText('rejects the value: invalid DELAY', '拒绝这个值：DELAY 不合法'),
      });
    } else if (stpOn && (delay < 2 || delay > 30)) {
      ctx.add({
        key: 'DELAY', severity: 'error', rule: 'stp-delay-range',
        message: localizedText(
          `STP is on and DELAY=${delayRaw}; with STP on the forward delay must be 2-30 s (use STP=no with DELAY=0, or DELAY=2 with STP)`,
          `STP 打开了，而 DELAY=${delayRaw}；STP 打开时转发延迟必须在 2–30 秒之间（要么 STP=no 配 DELAY=0，要么打开 STP 配 DELAY=2）`,
        ),
        initscripts: localizedText('accepts it (brctl setfd runs before STP is switched on)', '接受它（brctl setfd 在打开 STP 之前运行）'),
        networkManager: localizedText(
          `rejects the connection: "bridge.forward-delay: value '${delayRaw}' is out of range <2-30>"`,
          `拒绝这个连接：“bridge.forward-delay: value '${delayRaw}' is out of range <2-30>”`,
        ),
      });
    }
  } else if (stpOn) {
    ctx.add({
      key: 'STP', severity: 'warning', rule: 'stp-default-delay',
      message: localizedText(
        `STP=${stpRaw} with no DELAY: every new port (each VM's vnet) waits 2 × 15 s before forwarding; set STP=no, or DELAY=2`,
        `STP=${stpRaw} 却没有 DELAY：每个新端口（每台虚拟机的 vnet）都要等 2 × 15 秒才开始转发；请设 STP=no，或者 DELAY=2`,
      ),
      initscripts: localizedText('uses the kernel default, 15 s', '使用内核默认值 15 秒'),
      networkManager: localizedText('uses the default forward delay, 15 s', '使用默认的转发延迟 15 秒'),
    });
  }
  checkBridgingOpts(ctx, true);
}

