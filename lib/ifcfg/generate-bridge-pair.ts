// The canonical pair: an ifcfg-br0 and a port file that both initscripts and NetworkManager read the
// same way, from a few choices. Its output passes every rule and parses back to the same choices.

import { wordMessage, type BookLocale } from '../book/localized-text.ts';
import type { ChoiceErrorMessage } from './choice-error-wordings.ts';
import { generatedCommentWordings } from './generated-comment-wordings.ts';
import { parseIpv4, sameSubnet } from './addresses-and-identifiers.ts';

export interface BridgeChoices {
  /** Bridge interface name, e.g. "br0". */
  bridge: string;
  /** The NIC that becomes the bridge's port, e.g. "eth0". */
  port: string;
  /** "dhcp", or a static address with its prefix: "192.168.1.10/24". */
  address: 'dhcp' | string;
  gateway?: string;
  dns?: string[];
  stp?: boolean;
  /** Forward delay in seconds; only written with STP on (2-30, default 2). */
  delay?: number;
  /** The port NIC's MAC, to bind the port file to it (HWADDR). */
  hwaddr?: string;
  /** NM_CONTROLLED for both files (default yes). */
  nmControlled?: boolean;
}

export interface GeneratedFile {
  name: string;
  text: string;
}

/** What is wrong with one choice (a message of choiceErrorWordings), and which choice it is. */
export type ChoiceError = ChoiceErrorMessage & { field: keyof BridgeChoices };

/** Problems with the choices themselves, before any file is written. */
export function validateBridgeChoices(choices: BridgeChoices): ChoiceError[] {
  const errors: ChoiceError[] = [];
  const push = (field: keyof BridgeChoices, said: ChoiceErrorMessage) => errors.push({ ...said, field });
  const nameOk = (n: string) => /^[A-Za-z0-9_.-]{1,15}$/.test(n) && n !== '.' && n !== '..';
  if (!nameOk(choices.bridge)) push('bridge', { code: 'badBridgeName', params: { name: choices.bridge } });
  if (!nameOk(choices.port)) push('port', { code: 'badPortName', params: { name: choices.port } });
  if (choices.bridge === choices.port) push('port', { code: 'portIsBridge' });
  let address: number | null = null;
  let prefix = 0;
  if (choices.address !== 'dhcp') {
    const m = /^([^/]+)\/(\d{1,2})$/.exec(choices.address);
    address = m ? parseIpv4(m[1]!) : null;
    prefix = m ? Number(m[2]) : -1;
    if (address === null || prefix < 0 || prefix > 32) push('address', { code: 'badAddress', params: { address: choices.address } });
  }
  if (choices.gateway !== undefined && choices.gateway !== '') {
    const g = parseIpv4(choices.gateway);
    if (g === null) push('gateway', { code: 'notIpv4', params: { value: choices.gateway } });
    else if (address !== null && !sameSubnet(g, address, prefix)) push('gateway', { code: 'gatewayOutside', params: { gateway: choices.gateway, address: choices.address } });
  }
  for (const d of choices.dns ?? []) if (parseIpv4(d) === null) push('dns', { code: 'notIpv4', params: { value: d } });
  if (choices.hwaddr && !/^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$/.test(choices.hwaddr)) push('hwaddr', { code: 'badMac', params: { value: choices.hwaddr } });
  if (choices.delay !== undefined && choices.stp && (choices.delay < 2 || choices.delay > 30)) push('delay', { code: 'delayOutOfRange' });
  return errors;
}

/** ifcfg-<bridge> and ifcfg-<port>, in that order, with their comments in the reader's edition. */
export function generateBridgePair(choices: BridgeChoices, locale: BookLocale | string = 'en'): [GeneratedFile, GeneratedFile] {
  const nm = choices.nmControlled === false ? 'no' : 'yes';
  const b: string[] = [
    `# ${wordMessage(generatedCommentWordings, { code: 'bridgeFile', params: { bridge: choices.bridge } }, locale)}`,
    `DEVICE=${choices.bridge}`,
    `NAME=${choices.bridge}`,
    'TYPE=Bridge',
    'ONBOOT=yes',
  ];
  if (choices.address === 'dhcp') {
    b.push('BOOTPROTO=dhcp');
  } else {
    const [ip, prefix] = choices.address.split('/');
    b.push('BOOTPROTO=none', `IPADDR=${ip}`, `PREFIX=${prefix}`);
    if (choices.gateway) b.push(`GATEWAY=${choices.gateway}`);
  }
  (choices.dns ?? []).slice(0, 3).forEach((d, i) => b.push(`DNS${i + 1}=${d}`));
  b.push('DEFROUTE=yes', 'IPV6INIT=no');
  if (choices.stp) {
    // With STP on, a short forward delay keeps new VM ports from waiting 30 s (2 s is the minimum).
    b.push('STP=yes', `DELAY=${choices.delay ?? 2}`);
  } else b.push('STP=no');
  b.push(`NM_CONTROLLED=${nm}`);
  const p: string[] = [
    `# ${wordMessage(generatedCommentWordings, { code: 'portFile', params: { port: choices.port, bridge: choices.bridge } }, locale)}`,
    `DEVICE=${choices.port}`,
    `NAME=${choices.bridge}-port-${choices.port}`,
    'TYPE=Ethernet',
  ];
  if (choices.hwaddr) p.push(`HWADDR=${choices.hwaddr.toLowerCase()}`);
  p.push('ONBOOT=yes', `BRIDGE=${choices.bridge}`, `NM_CONTROLLED=${nm}`);
  return [
    { name: `ifcfg-${choices.bridge}`, text: b.join('\n') + '\n' },
    { name: `ifcfg-${choices.port}`, text: p.join('\n') + '\n' },
  ];
}
