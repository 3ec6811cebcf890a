// What each ifcfg key of a bridge and its port means, which file it belongs in, and which tool reads it.
// Sources: initscripts 9.49 (rhel7-branch) sysconfig.txt and ifup-eth; NetworkManager 1.18
// nm-settings-ifcfg-rh(5) and the ifcfg-rh reader.

import { isBookLocale, type BookLocale } from '../book/localized-text.ts';
import { IFCFG_KEYS_IN_CHINESE } from './ifcfg-keys-in-chinese.ts';

export type KeyPlace = 'bridge' | 'port' | 'both';
export type KeyTool = 'both' | 'initscripts' | 'NetworkManager';

export interface IfcfgKeyInfo<Key extends string = string> {
  key: Key;
  /** One sentence a reader sees when hovering the key. */
  meaning: string;
  /** Valid values, as a reader would write them. */
  values: string;
  /** What happens when the key is missing. */
  defaultValue: string;
  /** Which file it belongs in. */
  place: KeyPlace;
  /** Which tool honours it. */
  honouredBy: KeyTool;
  /** The NetworkManager keyfile/nmcli property it maps to, if any. */
  nmProperty?: string;
}

const K = <const Key extends string>(
  key: Key,
  place: KeyPlace,
  honouredBy: KeyTool,
  values: string,
  defaultValue: string,
  meaning: string,
  nmProperty?: string,
): IfcfgKeyInfo<Key> => ({ key, place, honouredBy, values, defaultValue, meaning, ...(nmProperty ? { nmProperty } : {}) });

const KEYS = [
  K('DEVICE', 'both', 'both', 'an interface name, 1-15 characters, no "/", ":" or spaces', 'initscripts: the file-name suffix; NetworkManager rejects a bridge without it', 'The kernel interface this file configures. By convention it equals the file-name suffix (ifcfg-br0 → br0).', 'connection.interface-name'),
  K('NAME', 'both', 'NetworkManager', 'any text; quote it if it has spaces', 'NetworkManager: "System <suffix>" (ports) or "Bridge <suffix>" (bridges)', 'The connection name NetworkManager shows (nmcli con show). initscripts only uses it to find a file by name.', 'connection.id'),
  K('UUID', 'both', 'NetworkManager', 'a UUID such as 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b, unique among all ifcfg files', 'derived from the file path', 'NetworkManager\'s identity for the connection. Copying a file without changing it makes two profiles with one UUID.', 'connection.uuid'),
  K('TYPE', 'both', 'both', '"Bridge" in ifcfg-br0, "Ethernet" in the port file (initscripts compares them case-sensitively)', 'Ethernet (guessed from DEVICE)', 'What kind of interface this is. Only the exact word Bridge makes initscripts create a bridge.', 'connection.type'),
  K('BRIDGE', 'port', 'both', 'the DEVICE name of the bridge, e.g. br0', 'none: the interface is not a bridge port', 'Makes this interface a port of the named bridge. It belongs in the port file, never in ifcfg-br0.', 'connection.master (controller)'),
  K('BRIDGE_UUID', 'port', 'NetworkManager', 'the UUID of the bridge\'s connection', 'none', 'NetworkManager\'s way to name the bridge; it wins over BRIDGE when both are set.', 'connection.master'),
  K('ONBOOT', 'both', 'both', 'yes or no', 'yes', 'Bring the interface up at boot (NetworkManager: connect automatically). initscripts skips only the exact word no (or NO).', 'connection.autoconnect'),
  K('BOOTPROTO', 'bridge', 'both', 'none, static, dhcp or bootp, in lower case', 'none', 'How the interface gets its IPv4 address: none/static use IPADDR; dhcp asks a DHCP server. On a port, leave it out or use none.', 'ipv4.method'),
  K('IPADDR', 'bridge', 'both', 'a dotted IPv4 address without /prefix, e.g. 192.168.1.10', 'none', 'The static IPv4 address. On a bridged host it goes in ifcfg-br0; the port has none.', 'ipv4.addresses'),
  K('PREFIX', 'bridge', 'both', '0-32', 'from NETMASK, else the classful default (/8, /16, /24)', 'The network prefix length of IPADDR. Wins over NETMASK when both are set.', 'ipv4.addresses'),
  K('NETMASK', 'bridge', 'both', 'a contiguous dotted mask, e.g. 255.255.255.0', 'the classful default', 'The network mask of IPADDR, the older spelling of PREFIX.', 'ipv4.addresses'),
  K('GATEWAY', 'bridge', 'both', 'a dotted IPv4 address inside the IPADDR/PREFIX subnet', 'GATEWAY from /etc/sysconfig/network', 'The default gateway. initscripts silently skips it if it is outside the subnet.', 'ipv4.gateway'),
  K('DNS1', 'bridge', 'both', 'an IP address', 'none', 'First name server, written to /etc/resolv.conf.', 'ipv4.dns'),
  K('DNS2', 'bridge', 'both', 'an IP address', 'none', 'Second name server.', 'ipv4.dns'),
  K('DNS3', 'bridge', 'both', 'an IP address', 'none', 'Third name server (initscripts stops at DNS3; NetworkManager reads up to DNS10).', 'ipv4.dns'),
  K('DOMAIN', 'bridge', 'both', 'space-separated domains, quoted', 'none', 'DNS search list.', 'ipv4.dns-search'),
  K('PEERDNS', 'bridge', 'both', 'yes or no', 'yes', 'With dhcp: use the name servers the DHCP server offers.', 'ipv4.ignore-auto-dns (inverted)'),
  K('DEFROUTE', 'bridge', 'both', 'yes or no', 'yes', 'Use this interface for the default route. initscripts only honours the exact word no.', 'ipv4.never-default (inverted)'),
  K('IPV4_FAILURE_FATAL', 'bridge', 'both', 'yes or no', 'no', 'Fail the whole connection if IPv4 configuration fails.', 'ipv4.may-fail (inverted)'),
  K('IPV6INIT', 'bridge', 'both', 'yes or no', 'initscripts: yes; NetworkManager: no (ignore)', 'Configure IPv6 on this interface.', 'ipv6.method'),
  K('IPV6_AUTOCONF', 'bridge', 'both', 'yes or no', 'yes when IPV6FORWARDING is off', 'Use router advertisements (SLAAC) for IPv6.', 'ipv6.method'),
  K('IPV6ADDR', 'bridge', 'both', 'an IPv6 address with /prefix', 'none', 'Static IPv6 address.', 'ipv6.addresses'),
  K('IPV6_DEFAULTGW', 'bridge', 'both', 'an IPv6 address', 'none', 'IPv6 default gateway.', 'ipv6.gateway'),
  K('IPV6_DEFROUTE', 'bridge', 'both', 'yes or no', 'yes', 'Use this interface for the IPv6 default route.', 'ipv6.never-default (inverted)'),
  K('IPV6_FAILURE_FATAL', 'bridge', 'both', 'yes or no', 'no', 'Fail the connection if IPv6 configuration fails.', 'ipv6.may-fail (inverted)'),
  K('DHCPV6C', 'bridge', 'initscripts', 'yes or no', 'no', 'Run a DHCPv6 client.'),
  K('NM_CONTROLLED', 'both', 'both', 'yes or no, the same in the bridge and every port', 'yes', 'Whether NetworkManager manages the interface. While NetworkManager runs, initscripts\' ifup hands the connection to nmcli unless this is no. Bridge and ports must agree.'),
  K('STP', 'bridge', 'both', 'yes/no or on/off (lower case)', 'off (the kernel); nmcli creates new bridges with STP on', 'Spanning Tree Protocol on the bridge. On a host with one uplink it is usually off.', 'bridge.stp'),
  K('DELAY', 'bridge', 'both', 'seconds: 0 with STP off; 2-30 with STP on', 'the kernel default, 15 s', 'Forward delay: how long a new port listens and learns before forwarding. With STP on, VMs wait twice this long for network.', 'bridge.forward-delay'),
  K('BRIDGING_OPTS', 'both', 'both', '"key=value key=value" (quoted); sysfs bridge or brport options', 'none', 'Extra bridge (ifcfg-br0) or port (port file) options. Time options use different units in the two tools; avoid them.', 'bridge.* / bridge-port.*'),
  K('PRIO', 'bridge', 'initscripts', '0-65535', 'none', 'Bridge priority for STP, set with brctl setbridgeprio.'),
  K('AGEING', 'bridge', 'initscripts', 'seconds', 'none', 'MAC table ageing time, set with brctl setageing.'),
  K('BRIDGE_MACADDR', 'bridge', 'NetworkManager', 'a MAC address', 'none', 'The MAC address NetworkManager gives the bridge when it creates it.', 'bridge.mac-address'),
  K('MACADDR', 'both', 'both', 'a MAC address such as 52:54:00:12:34:56', 'none', 'Set (clone) the interface\'s MAC address. On a bridge it keeps the MAC stable when VMs come and go.', 'ethernet.cloned-mac-address'),
  K('HWADDR', 'port', 'both', 'the NIC\'s MAC address, e.g. 52:54:00:12:34:56', 'none', 'Bind the file to the NIC with this MAC. Never put it in ifcfg-br0: a bridge borrows a port\'s MAC unless MACADDR sets one.', 'ethernet.mac-address'),
  K('MTU', 'both', 'both', '68-65535; the same on the bridge and its ports', 'the driver\'s default, usually 1500', 'Maximum transmission unit.', 'ethernet.mtu'),
  K('ZONE', 'bridge', 'both', 'a firewalld zone name', 'the default zone', 'firewalld zone for the interface.', 'connection.zone'),
  K('USERCTL', 'both', 'initscripts', 'yes or no', 'no', 'Allow non-root users to run ifup/ifdown on this interface.'),
  K('LINKDELAY', 'both', 'initscripts', 'seconds', 'none (raised automatically when STP is on)', 'Wait this long after link up before configuring.'),
  K('AUTOCONNECT_SLAVES', 'bridge', 'NetworkManager', 'yes or no', 'the global default (no)', 'Activating the bridge also activates its ports.', 'connection.autoconnect-slaves'),
  K('PROXY_METHOD', 'both', 'NetworkManager', 'none or auto', 'none', 'Proxy configuration (written by the installer; harmless).', 'proxy.method'),
  K('BROWSER_ONLY', 'both', 'NetworkManager', 'yes or no', 'no', 'Proxy for browsers only (written by the installer; harmless).', 'proxy.browser-only'),
  K('ETHTOOL_OPTS', 'port', 'both', 'ethtool options', 'none', 'Options passed to ethtool for the NIC.', 'ethernet.*'),
  K('ARPCHECK', 'bridge', 'initscripts', 'yes or no', 'yes', 'Check with arping that nobody else has the address before adding it.'),
  K('GATEWAYDEV', 'bridge', 'initscripts', 'an interface name', 'none', 'Only add the default route through this device (usually set in /etc/sysconfig/network).'),
  K('METRIC', 'bridge', 'both', 'a number', 'none', 'Metric of the default route.', 'ipv4.route-metric'),
  K('SLAVE', 'port', 'initscripts', 'yes or no', 'no', 'Bonding port flag (with MASTER=); not used for bridges.'),
  K('MASTER', 'port', 'initscripts', 'a bond name', 'none', 'Bond this interface into a bonding master; bridges use BRIDGE= instead.'),
  K('ESSID', 'port', 'both', 'a Wi-Fi network name', 'none', 'Wi-Fi network name (TYPE=Wireless). A Wi-Fi NIC cannot be a bridge port in station mode.', '802-11-wireless.ssid'),
] as const;

/** A key the catalogue describes (the Chinese table must word every one: a missing key does not compile). */
export type CatalogueKey = (typeof KEYS)[number]['key'];

export const IFCFG_KEYS: readonly IfcfgKeyInfo[] = KEYS;

/** What each catalogue key means, its values and its default, worded for the Chinese edition. */
const KEYS_IN_CHINESE: Readonly<Record<CatalogueKey, { meaning: string; values: string; defaultValue: string }>> = IFCFG_KEYS_IN_CHINESE;

const BY_KEY = new Map(IFCFG_KEYS.map((info) => [info.key, info]));

/** The catalogue key a key is described by: itself, or the base of a numbered key (IPADDR1 → IPADDR). */
function catalogueKeyOf(key: string): string | undefined {
  if (BY_KEY.has(key)) return key;
  const m = /^(IPADDR|PREFIX|NETMASK|GATEWAY|DNS)(\d+)$/.exec(key);
  if (!m) return undefined;
  const base = m[1] === 'DNS' ? 'DNS1' : m[1]!;
  return BY_KEY.has(base) ? base : undefined;
}

/** The catalogue entry for a key; numbered keys (IPADDR1, DNS4, PREFIX0) map to their base. */
export function describeIfcfgKey(key: string): IfcfgKeyInfo | undefined {
  const base = catalogueKeyOf(key);
  if (base === undefined) return undefined;
  const info = BY_KEY.get(base)!;
  return base === key ? info : { ...info, key };
}

/** A key's meaning, values and default in an edition of the book (English when the locale is not one). */
export function wordIfcfgKey(info: IfcfgKeyInfo, locale: BookLocale | string = 'en'): { meaning: string; values: string; defaultValue: string } {
  const base = catalogueKeyOf(info.key);
  const zh = locale === 'zh-CN' && base !== undefined ? KEYS_IN_CHINESE[base as CatalogueKey] : undefined;
  if (zh && isBookLocale(locale)) return zh;
  return { meaning: info.meaning, values: info.values, defaultValue: info.defaultValue };
}

