// IPv4 and MAC address checks with the strictness of the tools: dotted quads as inet_pton reads them,
// contiguous netmasks as ipcalc wants them, MACs as NetworkManager's hwaddr parser reads them.

/** The address as a 32-bit number, or null if it is not a dotted quad inet_pton would accept. */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value >>> 0;
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

/** 0-32 for a contiguous mask ("255.255.255.0" → 24), null if it is not a valid mask. */
export function netmaskToPrefix(mask: string): number | null {
  const value = parseIpv4(mask);
  if (value === null) return null;
  let prefix = 0;
  while (prefix < 32 && (value & (0x80000000 >>> prefix)) !== 0) prefix++;
  const expected = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return value === expected ? prefix : null;
}

/** How NetworkManager turns any mask into a prefix: 32 minus the count of trailing zero bits. */
export function netmaskToPrefixLikeNetworkManager(mask: string): number | null {
  const value = parseIpv4(mask);
  if (value === null) return null;
  if (value === 0) return 0;
  let zeros = 0;
  while (((value >>> zeros) & 1) === 0) zeros++;
  return 32 - zeros;
}

export function prefixToNetmask(prefix: number): string {
  return formatIpv4(prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);
}

/** The classful default both tools use when neither PREFIX nor NETMASK is given. */
export function classfulPrefix(address: number): number {
  const first = address >>> 24;
  if (first < 128) return 8;
  if (first < 192) return 16;
  return 24;
}

export function sameSubnet(a: number, b: number, prefix: number): boolean {
  if (prefix === 0) return true;
  const mask = (0xffffffff << (32 - prefix)) >>> 0;
  return ((a & mask) >>> 0) === ((b & mask) >>> 0);
}

/** Six hex bytes separated by ":" (or "-"), as NetworkManager accepts for an Ethernet MAC. */
export function isMacAddress(text: string): boolean {
  return /^[0-9A-Fa-f]{1,2}([:-])[0-9A-Fa-f]{1,2}(\1[0-9A-Fa-f]{1,2}){4}$/.test(text);
}

/** A rough IPv6 check, enough to accept DNSn=2001:db8::1. */
export function isIpv6Address(text: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(text) || !text.includes(':')) return false;
  const doubleColons = text.split('::').length - 1;
  if (doubleColons > 1) return false;
  const groups = text.split(':').filter((g) => g !== '');
  return groups.length <= 8 && groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g) || parseIpv4(g) !== null);
}

/** NetworkManager's interface-name rule: 1-15 characters, no "/", ":" or whitespace, not "." or "..". */
export function isValidInterfaceName(name: string): boolean {
  return name.length >= 1 && name.length <= 15 && !/[\/:\s]/.test(name) && name !== '.' && name !== '..';
}

export function isUuid(text: string): boolean {
  return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(text) || /^[0-9a-fA-F]{40}$/.test(text);
}
