// Translations of a bridge setup: the iproute2 commands ifup's work amounts to, the EL7-era brctl
// sequence, nmcli commands, and NetworkManager keyfiles.

import { broadcastOf, type BridgeSetup } from './build-bridge-model.ts';

/** A stable UUID derived from a name (so translations are deterministic). */
export function uuidFromName(name: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (const ch of `${round}:${name}`) {
      h1 = Math.imul(h1 ^ ch.charCodeAt(0), 0x01000193) >>> 0;
      h2 = Math.imul(h2 + ch.charCodeAt(0), 0x85ebca6b) >>> 0;
    }
    hex.push(((h1 ^ h2) >>> 0).toString(16).padStart(8, '0'));
  }
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${'89ab'[parseInt(s[16]!, 16) & 3]}${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

/**
 * One word for a POSIX shell: as it is when it has only characters no shell treats specially,
 * else in single quotes (a ' inside becomes '\''). Whatever a file holds, a printed command runs
 * only what it says: `DEVICE='eth0; touch /tmp/x'` gives `ip addr flush dev 'eth0; touch /tmp/x'`.
 */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_./:,=@+%-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, "'\\''")}'`;
}

/** Text for a `#` comment: one line, whatever the names in it hold. */
function commentText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, '?');
}

function forwardDelayCentiseconds(setup: BridgeSetup): number {
  if (setup.forwardDelay !== undefined) return Math.round(setup.forwardDelay * 100);
  return setup.stp ? 1500 : 0;
}

/** What `ifup` amounts to, in iproute2 (forward_delay is in hundredths of a second). */
export function toIproute2Commands(setup: BridgeSetup): string[] {
  const br = shellQuote(setup.name);
  const out: string[] = [
    commentText(`# ${setup.name}: create the bridge (forward_delay is in centiseconds: ${forwardDelayCentiseconds(setup) / 100} s)`),
    `ip link add name ${br} type bridge stp_state ${setup.stp ? 1 : 0} forward_delay ${forwardDelayCentiseconds(setup)}`,
  ];
  if (setup.macAddress) out.push(`ip link set dev ${br} address ${shellQuote(setup.macAddress)}`);
  if (setup.mtu) out.push(`ip link set dev ${br} mtu ${shellQuote(String(setup.mtu))}`);
  for (const port of setup.ports) {
    const dev = shellQuote(port.device);
    out.push(commentText(`# ${port.device}: move it into the bridge; its own addresses go away`));
    if (port.mtu) out.push(`ip link set dev ${dev} mtu ${shellQuote(String(port.mtu))}`);
    out.push(`ip addr flush dev ${dev}`, `ip link set dev ${dev} master ${br}`, `ip link set dev ${dev} up`);
  }
  out.push(`ip link set dev ${br} up`);
  const ip = setup.ipv4;
  if (ip.method === 'manual' && ip.address) {
    const prefix = ip.prefix ?? 24;
    const brd = broadcastOf(ip.address, prefix);
    out.push(`ip addr add ${shellQuote(`${ip.address}/${prefix}`)}${brd ? ` brd ${shellQuote(brd)}` : ''} dev ${br}`);
    if (ip.gateway) out.push(`ip route replace default via ${shellQuote(ip.gateway)} dev ${br}`);
  } else if (ip.method === 'auto') {
    out.push(`dhclient -1 ${br}    # BOOTPROTO=dhcp`);
  }
  if (ip.dns.length > 0) {
    // Addresses go into the format itself; anything else only as a quoted argument.
    out.push(
      ip.dns.every((d) => /^[0-9A-Fa-f.:]+$/.test(d))
        ? `printf '${ip.dns.map((d) => `nameserver ${d}\\n`).join('')}' > /etc/resolv.conf`
        : `printf '%s\\n' ${ip.dns.map((d) => shellQuote(`nameserver ${d}`)).join(' ')} > /etc/resolv.conf`,
    );
  }
  return out;
}

/** The CentOS/RHEL 7 sequence: what ifup-eth runs, with brctl. */
export function toBrctlCommands(setup: BridgeSetup): string[] {
  const br = shellQuote(setup.name);
  const out: string[] = [`brctl addbr ${br}`];
  if (setup.forwardDelay !== undefined) out.push(`brctl setfd ${br} ${shellQuote(String(setup.forwardDelay))}     # seconds`);
  out.push(`brctl stp ${br} ${setup.stp ? 'on' : 'off'}`);
  for (const port of setup.ports) {
    const dev = shellQuote(port.device);
    out.push(`ip addr flush dev ${dev}`, `ip link set dev ${dev} up`, `brctl addif ${br} ${dev}`);
  }
  out.push(`ip link set dev ${br} up`);
  const ip = setup.ipv4;
  if (ip.method === 'manual' && ip.address) {
    const prefix = ip.prefix ?? 24;
    out.push(`ip addr add ${shellQuote(`${ip.address}/${prefix}`)} brd ${shellQuote(broadcastOf(ip.address, prefix) ?? '+')} dev ${br} label ${br}`);
    if (ip.gateway) out.push(`ip route replace default via ${shellQuote(ip.gateway)} dev ${br}`);
  } else if (ip.method === 'auto') out.push(`dhclient -1 -q ${br}`);
  out.push(`brctl show ${br}`);
  return out;
}

/** nmcli commands (NetworkManager 1.18 syntax; newer releases also accept port-type/controller). */
export function toNmcliCommands(setup: BridgeSetup): string[] {
  const br = shellQuote(setup.name);
  const con = setup.connectionName ?? setup.name;
  const ip = setup.ipv4;
  const add: string[] = ['nmcli con add type bridge', `con-name ${shellQuote(con)}`, `ifname ${br}`];
  if (ip.method === 'manual' && ip.address) {
    add.push('ipv4.method manual', `ipv4.addresses ${shellQuote(`${ip.address}/${ip.prefix ?? 24}`)}`);
    if (ip.gateway) add.push(`ipv4.gateway ${shellQuote(ip.gateway)}`);
  } else if (ip.method === 'auto') add.push('ipv4.method auto');
  else add.push('ipv4.method disabled');
  if (ip.dns.length > 0) add.push(`ipv4.dns ${shellQuote(ip.dns.join(' '))}`);
  add.push(`ipv6.method ${setup.ipv6 ? 'auto' : 'ignore'}`, `bridge.stp ${setup.stp ? 'yes' : 'no'}`);
  if (setup.stp && setup.forwardDelay !== undefined) add.push(`bridge.forward-delay ${shellQuote(String(setup.forwardDelay))}`);
  if (setup.macAddress) add.push(`bridge.mac-address ${shellQuote(setup.macAddress)}`);
  if (!setup.onBoot) add.push('connection.autoconnect no');
  const out = [add.join(' ')];
  for (const port of setup.ports) {
    const portCon = port.connectionName ?? `${setup.name}-port-${port.device}`;
    out.push(`nmcli con add type bridge-slave con-name ${shellQuote(portCon)} ifname ${shellQuote(port.device)} master ${br}`);
  }
  for (const port of setup.ports) out.push(`nmcli con up ${shellQuote(port.connectionName ?? `${setup.name}-port-${port.device}`)}`);
  out.push(`nmcli con up ${shellQuote(con)}`);
  return out;
}

/**
 * A value in a keyfile, escaped as GLib's key files read it (a line break as \n, a tab as \t, a
 * backslash doubled, a leading space as \s), so a name cannot add lines or sections to the file.
 */
function keyfileValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/\r/g, '\\r')
    .replace(/^ /, '\\s');
}

export interface Keyfile {
  /** File name under /etc/NetworkManager/system-connections/ (mode 0600, owner root). */
  name: string;
  text: string;
}

/** NetworkManager keyfiles for the bridge and each port. */
export function toKeyfiles(setup: BridgeSetup): Keyfile[] {
  const br = setup.name;
  const con = setup.connectionName ?? br;
  const ip = setup.ipv4;
  const lines = [
    '[connection]',
    `id=${keyfileValue(con)}`,
    `uuid=${setup.uuid ?? uuidFromName(con)}`,
    'type=bridge',
    `interface-name=${keyfileValue(br)}`,
    ...(setup.onBoot ? [] : ['autoconnect=false']),
    '',
    '[bridge]',
    `stp=${setup.stp ? 'true' : 'false'}`,
    ...(setup.stp && setup.forwardDelay !== undefined ? [`forward-delay=${keyfileValue(String(setup.forwardDelay))}`] : []),
    ...(setup.macAddress ? [`mac-address=${keyfileValue(setup.macAddress.toUpperCase())}`] : []),
    '',
    '[ipv4]',
  ];
  if (ip.method === 'manual' && ip.address) {
    lines.push('method=manual', `address1=${keyfileValue(`${ip.address}/${ip.prefix ?? 24}`)}`);
    if (ip.gateway) lines.push(`gateway=${keyfileValue(ip.gateway)}`);
  } else lines.push(`method=${ip.method === 'auto' ? 'auto' : 'disabled'}`);
  if (ip.dns.length > 0) lines.push(`dns=${keyfileValue(ip.dns.join(';'))};`);
  lines.push('', '[ipv6]', `method=${setup.ipv6 ? 'auto' : 'ignore'}`, '');
  const files: Keyfile[] = [{ name: `${con}.nmconnection`, text: lines.join('\n') }];
  for (const port of setup.ports) {
    const portCon = port.connectionName ?? `${br}-port-${port.device}`;
    files.push({
      name: `${portCon}.nmconnection`,
      text: [
        '[connection]',
        `id=${keyfileValue(portCon)}`,
        `uuid=${port.uuid ?? uuidFromName(portCon)}`,
        'type=ethernet',
        `interface-name=${keyfileValue(port.device)}`,
        `master=${keyfileValue(br)}`,
        'slave-type=bridge',
        ...(port.onBoot ? [] : ['autoconnect=false']),
        '',
        '[ethernet]',
        ...(port.hwaddr ? [`mac-address=${keyfileValue(port.hwaddr.toUpperCase())}`] : []),
        ...(port.mtu ? [`mtu=${keyfileValue(String(port.mtu))}`] : []),
        '',
        '[bridge-port]',
        '',
      ].join('\n'),
    });
  }
  return files;
}
