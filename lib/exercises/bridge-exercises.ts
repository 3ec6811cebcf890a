/** Chapter 6: ifcfg files with planted mistakes, netmasks and gateways, answered by lib/ifcfg's checker. */
import { checkIfcfgFiles, generateBridgePair, netmaskToPrefix } from '../ifcfg/index.ts';
import type { BridgeChoices, Finding, GeneratedFile } from '../ifcfg/index.ts';
import type { ExerciseType } from './exercise.ts';
import type { SeededRandom } from './seeded-random.ts';

function seededChoices(random: SeededRandom, staticAddress: boolean): BridgeChoices {
  const bridge = random.pick(['br0', 'br1', 'virbr-lan']);
  const port = random.pick(['eth0', 'eth1', 'ens33', 'enp3s0']);
  if (!staticAddress) return { bridge, port, address: 'dhcp' };
  const third = random.int(0, 254);
  const host = random.int(10, 200);
  return {
    bridge,
    port,
    address: `192.168.${third}.${host}/24`,
    gateway: `192.168.${third}.1`,
    dns: [`192.168.${third}.1`],
  };
}

interface Mutation {
  readonly id: string;
  /** Whether it applies to this pair (e.g. only with a static address). */
  readonly applies: (bridge: string, port: string) => boolean;
  readonly apply: (bridge: string, port: string) => [string, string];
}

function replaceLine(text: string, pattern: RegExp, replacement: string | ((match: string, group: string) => string)): string {
  return typeof replacement === 'string' ? text.replace(pattern, replacement) : text.replace(pattern, replacement);
}

const MUTATIONS: readonly Mutation[] = [
  { id: 'type-case', applies: () => true, apply: (b, p) => [replaceLine(b, /^TYPE=Bridge$/m, 'TYPE=bridge'), p] },
  { id: 'bridge-typo', applies: () => true, apply: (b, p) => [b, replaceLine(p, /^BRIDGE=(.*)$/m, 'BRIDGE=$1x')] },
  { id: 'onboot-true', applies: () => true, apply: (b, p) => [b, replaceLine(p, /^ONBOOT=yes$/m, 'ONBOOT=true')] },
  { id: 'onboot-no', applies: () => true, apply: (b, p) => [replaceLine(b, /^ONBOOT=yes$/m, 'ONBOOT=no'), p] },
  { id: 'ipaddr-prefix', applies: (b) => /^IPADDR=/m.test(b), apply: (b, p) => [replaceLine(b, /^IPADDR=(.*)$/m, 'IPADDR=$1/24'), p] },
  { id: 'bootproto-upper', applies: () => true, apply: (b, p) => [replaceLine(b, /^BOOTPROTO=(.*)$/m, (_m: string, v: string) => `BOOTPROTO=${v.toUpperCase()}`), p] },
  { id: 'nm-mismatch', applies: () => true, apply: (b, p) => [b, replaceLine(p, /^NM_CONTROLLED=yes$/m, 'NM_CONTROLLED=no')] },
  { id: 'gateway-outside', applies: (b) => /^GATEWAY=/m.test(b), apply: (b, p) => [replaceLine(b, /^GATEWAY=192\.168\.(\d+)\.1$/m, (_m: string, n: string) => `GATEWAY=192.168.${(Number(n) + 1) % 255}.1`), p] },
  { id: 'ip-on-port', applies: () => true, apply: (b, p) => [b, `${p.trimEnd()}\nIPADDR=10.0.0.5\nPREFIX=24\n`] },
];

const numbered = (file: GeneratedFile) =>
  `--- ${file.name}\n${file.text.trimEnd().split('\n').map((line, i) => `${String(i + 1).padStart(2)}  ${line}`).join('\n')}`;

const place = (f: Finding) => `${f.file}:${f.line}`;

export const ifcfgMistakes: ExerciseType = {
  id: 'ifcfg-mistakes',
  chapter: 'kvm-bridge',
  title: 'Find every mistake',
  summary: 'Find the lines the checker objects to in a bridge and port file pair with planted mistakes.',
  versions: [1],
  generate(random) {
    const choices = seededChoices(random, random.int(0, 3) > 0);
    const [bridgeFile, portFile] = generateBridgePair(choices);
    let bridgeText = bridgeFile.text;
    let portText = portFile.text;
    const mutations = random.sample(MUTATIONS.filter((m) => m.applies(bridgeText, portText)), random.int(2, 3));
    for (const m of mutations) [bridgeText, portText] = m.apply(bridgeText, portText);
    const files = [
      { name: bridgeFile.name, text: bridgeText },
      { name: portFile.name, text: portText },
    ];
    const findings = checkIfcfgFiles(files.map((f) => ({ path: f.name, text: f.text })));
    const places = [...new Set(findings.map(place))];
    return {
      prompt:
        'These two files should make a bridge with one port on CentOS 7, but they have mistakes. ' +
        'Which lines does the bridge editor\'s checker flag (as an error or a warning)?',
      figure: files.map(numbered).join('\n\n'),
      answerKind: 'set',
      answerFormat: `file:line items in any order, e.g. ${bridgeFile.name}:4, ${portFile.name}:6`,
      answer: places.join(', ') || 'none',
      hint: `${places.length} line${places.length === 1 ? '' : 's'} in all. Look at capitals, yes/no spellings, names that must match, and settings in the wrong file.`,
      explanation: findings.map((f) => `${place(f)} (${f.severity}, ${f.rule}): ${f.message}`).join('\n'),
    };
  },
};

function prefixToNetmask(prefix: number): string {
  const value = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

export const ifcfgPrefix: ExerciseType = {
  id: 'ifcfg-prefix',
  chapter: 'kvm-bridge',
  title: 'NETMASK to PREFIX',
  summary: 'Turn a NETMASK into the PREFIX a modern ifcfg file uses.',
  versions: [1],
  generate(random) {
    const netmask = prefixToNetmask(random.int(8, 30));
    const prefix = netmaskToPrefix(netmask);
    return {
      prompt: `An old ifcfg file says NETMASK=${netmask}. Which PREFIX= says the same?`,
      answerKind: 'number',
      answerFormat: 'a number from 0 to 32',
      answer: String(prefix),
      hint: 'Write each byte in binary and count the leading ones: 255 has 8, 254 has 7, 252 has 6, 248 has 5, 240 has 4, 224 has 3, 192 has 2, 128 has 1.',
      explanation: `${netmask} = ${netmask.split('.').map((b) => Number(b).toString(2).padStart(8, '0')).join('.')}: ${prefix} ones, so PREFIX=${prefix}.`,
    };
  },
};

export const ifcfgGateway: ExerciseType = {
  id: 'ifcfg-gateway',
  chapter: 'kvm-bridge',
  title: 'Is the gateway reachable',
  summary: 'Decide whether a GATEWAY lies in the bridge address\'s subnet.',
  versions: [1],
  generate(random) {
    const prefix = random.pick([16, 20, 22, 23, 24, 25, 26, 28]);
    const address = `10.${random.int(0, 9)}.${random.int(0, 255)}.${random.int(1, 254)}`;
    const a = address.split('.').map(Number);
    const gateway = random.int(0, 1)
      ? `10.${a[1]}.${a[2]}.${random.int(1, 254)}`
      : `10.${a[1]}.${(a[2]! + random.pick([1, 2, 4, 8, 16])) % 256}.1`;
    const [bridgeFile, portFile] = generateBridgePair({ bridge: 'br0', port: 'eth0', address: `${address}/${prefix}`, gateway });
    const outside = checkIfcfgFiles([bridgeFile, portFile].map((f) => ({ path: f.name, text: f.text }))).find((f) => f.rule === 'gateway-outside-subnet');
    return {
      prompt: `ifcfg-br0 says IPADDR=${address}, PREFIX=${prefix} and GATEWAY=${gateway}. Is the gateway inside the bridge's subnet?`,
      answerKind: 'choice',
      choices: [
        { key: 'Y', label: 'Yes: the host can reach it directly' },
        { key: 'N', label: 'No: it lies outside the subnet' },
      ],
      answerFormat: 'Y or N',
      answer: outside ? 'N' : 'Y',
      hint: `With PREFIX=${prefix}, compare the first ${prefix} bits of the two addresses (mask ${prefixToNetmask(prefix)}).`,
      explanation: outside
        ? `Outside. ${outside.message}`
        : `Inside: ${address} and ${gateway} agree in their first ${prefix} bits (mask ${prefixToNetmask(prefix)}), so the checker accepts GATEWAY.`,
    };
  },
};
