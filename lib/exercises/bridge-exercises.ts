/**
 * Chapter 7: ifcfg files with planted mistakes, netmasks and gateways, answered by lib/ifcfg's
 * checker; and the same bridge on a RHEL 9 host, answered by lib/ifcfg's keyfile translator.
 */
import { buildBridgeModel, checkIfcfgFiles, generateBridgePair, netmaskToPrefix, parseIfcfgFile, toKeyfiles, wordFinding } from '../ifcfg/index.ts';
import type { BridgeChoices, Finding, GeneratedFile } from '../ifcfg/index.ts';
import type { LocalizedText } from '../book/localized-text.ts';
import { localizedText } from '../book/localized-text.ts';
import { defineExercise } from './exercise.ts';
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

const ZH_SEVERITY: Record<Finding['severity'], string> = { error: '错误', warning: '警告' };

/** The checker's sentence about a finding, in both editions (lib/ifcfg's findingWordings words it). */
const findingMessage = (f: Finding): LocalizedText => localizedText(wordFinding(f, 'en').message, wordFinding(f, 'zh-CN').message);

export const ifcfgMistakes = defineExercise({
  id: 'ifcfg-mistakes',
  chapter: 'kvm-bridge',
  title: localizedText('Find every mistake', '找出每一处错误'),
  summary: localizedText(
    'Find the lines the checker objects to in a bridge and port file pair with planted mistakes.',
    '一对埋了错误的网桥文件和端口文件：找出检查器指出的每一行。',
  ),
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
      prompt: localizedText(
        'These two files should make a bridge with one port on CentOS 7, but they have mistakes. ' +
          'Which lines does the bridge editor\'s checker flag (as an error or a warning)?',
        '这两个文件本应在 CentOS 7 上建起一个带一个端口的网桥，但里面有错误。网桥编辑器的检查器会指出哪些行（无论是错误还是警告）？',
      ),
      figure: files.map(numbered).join('\n\n'),
      answerKind: 'set',
      answerFormat: localizedText(
        `file:line items in any order, e.g. ${bridgeFile.name}:4, ${portFile.name}:6`,
        `“文件:行号”形式的若干项，顺序不限，例如 ${bridgeFile.name}:4, ${portFile.name}:6`,
      ),
      answer: places.join(', ') || 'none',
      hint: localizedText(
        `${places.length} line${places.length === 1 ? '' : 's'} in all. Look at capitals, yes/no spellings, names that must match, and settings in the wrong file.`,
        `一共 ${places.length} 行。留意大小写、yes/no 的写法、必须一致的名字，以及写错了文件的设置。`,
      ),
      explanation: localizedText(
        findings.map((f) => `${place(f)} (${f.severity}, ${f.rule}): ${findingMessage(f).en}`).join('\n'),
        findings.map((f) => `${place(f)}（${ZH_SEVERITY[f.severity]}，${f.rule}）：${findingMessage(f)['zh-CN']}`).join('\n'),
      ),
    };
  },
});

function prefixToNetmask(prefix: number): string {
  const value = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

export const ifcfgPrefix = defineExercise({
  id: 'ifcfg-prefix',
  chapter: 'kvm-bridge',
  title: localizedText('NETMASK to PREFIX', '把 NETMASK 换算成 PREFIX'),
  summary: localizedText('Turn a NETMASK into the PREFIX a modern ifcfg file uses.', '把 NETMASK 换算成新式 ifcfg 文件使用的 PREFIX。'),
  versions: [1],
  generate(random) {
    const netmask = prefixToNetmask(random.int(8, 30));
    const prefix = netmaskToPrefix(netmask);
    const binary = netmask.split('.').map((b) => Number(b).toString(2).padStart(8, '0')).join('.');
    return {
      prompt: localizedText(
        `An old ifcfg file says NETMASK=${netmask}. Which PREFIX= says the same?`,
        `一个旧的 ifcfg 文件写着 NETMASK=${netmask}。哪个 PREFIX= 表达的是同一个意思？`,
      ),
      answerKind: 'number',
      answerFormat: localizedText('a number from 0 to 32', '0 到 32 之间的一个数'),
      answer: String(prefix),
      hint: localizedText(
        'Write each byte in binary and count the leading ones: 255 has 8, 254 has 7, 252 has 6, 248 has 5, 240 has 4, 224 has 3, 192 has 2, 128 has 1.',
        '把每个字节写成二进制，数开头有几个 1：255 有 8 个，254 有 7 个，252 有 6 个，248 有 5 个，240 有 4 个，224 有 3 个，192 有 2 个，128 有 1 个。',
      ),
      explanation: localizedText(
        `${netmask} = ${binary}: ${prefix} ones, so PREFIX=${prefix}.`,
        `${netmask} = ${binary}：共 ${prefix} 个 1，所以 PREFIX=${prefix}。`,
      ),
    };
  },
});

export const ifcfgGateway = defineExercise({
  id: 'ifcfg-gateway',
  chapter: 'kvm-bridge',
  title: localizedText('Is the gateway reachable', '网关可达吗'),
  summary: localizedText('Decide whether a GATEWAY lies in the bridge address\'s subnet.', '判断 GATEWAY 是否位于网桥地址所在的子网里。'),
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
    const mask = prefixToNetmask(prefix);
    return {
      prompt: localizedText(
        `ifcfg-br0 says IPADDR=${address}, PREFIX=${prefix} and GATEWAY=${gateway}. Is the gateway inside the bridge's subnet?`,
        `ifcfg-br0 里写着 IPADDR=${address}、PREFIX=${prefix} 和 GATEWAY=${gateway}。这个网关在网桥的子网里吗？`,
      ),
      answerKind: 'choice',
      choices: [
        { key: 'Y', label: localizedText('Yes: the host can reach it directly', '在：宿主机可以直接到达它') },
        { key: 'N', label: localizedText('No: it lies outside the subnet', '不在：它位于子网之外') },
      ],
      answerFormat: localizedText('Y or N', 'Y 或 N'),
      answer: outside ? 'N' : 'Y',
      hint: localizedText(
        `With PREFIX=${prefix}, compare the first ${prefix} bits of the two addresses (mask ${mask}).`,
        `PREFIX=${prefix} 时，比较两个地址的前 ${prefix} 位（掩码 ${mask}）。`,
      ),
      explanation: outside
        ? localizedText(`Outside. ${findingMessage(outside).en}`, `不在子网内。${findingMessage(outside)['zh-CN']}`)
        : localizedText(
            `Inside: ${address} and ${gateway} agree in their first ${prefix} bits (mask ${mask}), so the checker accepts GATEWAY.`,
            `在子网内：${address} 和 ${gateway} 的前 ${prefix} 位相同（掩码 ${mask}），所以检查器接受这个 GATEWAY。`,
          ),
    };
  },
});

/** What a keyfile question asks about: a section and key of the bridge's keyfile, and why it says what it says. */
interface KeyfileTarget {
  readonly section: string;
  readonly key: string;
  /** Lines a reader might write instead, each wrong (a wrong key, an ifcfg spelling, a wrong value). */
  readonly distractors: (value: string) => string[];
  readonly rule: LocalizedText;
}

const KEYFILE_TARGETS: readonly KeyfileTarget[] = [
  {
    section: 'bridge',
    key: 'stp',
    distractors: (v) => [`stp=${v === 'true' ? 'false' : 'true'}`, `stp=${v === 'true' ? 'yes' : 'no'}`, `stp=${v === 'true' ? 'on' : 'off'}`],
    rule: localizedText(
      'STP=yes or STP=no becomes the bridge setting stp, and a keyfile writes a boolean as true or false, never yes or no.',
      'STP=yes 或 STP=no 变成网桥设置 stp；keyfile 里的布尔值写作 true 或 false，而不是 yes 或 no。',
    ),
  },
  {
    section: 'ipv4',
    key: 'method',
    distractors: (v) => (v === 'manual' ? ['method=static', 'method=none', 'method=auto'] : ['method=dhcp', 'method=manual', 'method=disabled']),
    rule: localizedText(
      'BOOTPROTO=none (or static) with an IPADDR becomes method=manual; BOOTPROTO=dhcp becomes method=auto. The ifcfg words static, none and dhcp are not keyfile values.',
      'BOOTPROTO=none（或 static）加上 IPADDR 变成 method=manual；BOOTPROTO=dhcp 变成 method=auto。ifcfg 里的 static、none、dhcp 都不是 keyfile 的取值。',
    ),
  },
  {
    section: 'ipv4',
    key: 'address1',
    distractors: (v) => {
      const [address, prefix] = v.split('/');
      const other = Number(prefix) === 24 ? 16 : 24;
      return [`address1=${address}`, `address1=${address}/${other}`, `address=${address}/${prefix}`];
    },
    rule: localizedText(
      'IPADDR and PREFIX become one value, address1=ADDRESS/PREFIX (the first address of the connection); GATEWAY gets a gateway key of its own.',
      'IPADDR 和 PREFIX 合成一个值 address1=地址/前缀（连接的第一个地址）；GATEWAY 单独写成 gateway 键。',
    ),
  },
  {
    section: 'bridge',
    key: 'forward-delay',
    distractors: (v) => [`delay=${v}`, `forward_delay=${v}`, `forward-delay=${Number(v) * 1000}`],
    rule: localizedText(
      'DELAY=n becomes forward-delay=n, in seconds, in the bridge section; NetworkManager only writes it with STP on.',
      'DELAY=n 变成网桥一节里的 forward-delay=n，单位是秒；NetworkManager 只在 STP 打开时写出它。',
    ),
  },
  {
    section: 'connection',
    key: 'autoconnect',
    distractors: () => ['autoconnect=no', 'onboot=false', 'autoconnect=true'],
    rule: localizedText(
      'ONBOOT=no becomes autoconnect=false in the connection section; with ONBOOT=yes the key is left out, because true is the default.',
      'ONBOOT=no 变成 connection 一节里的 autoconnect=false；ONBOOT=yes 时这一行省略，因为默认就是 true。',
    ),
  },
];

/** The line `key=…` of a keyfile's [section], if it has one. */
function keyfileLine(text: string, section: string, key: string): string | undefined {
  let current = '';
  for (const line of text.split('\n')) {
    const header = /^\[(.+)\]$/.exec(line);
    if (header) current = header[1]!;
    else if (current === section && line.startsWith(`${key}=`)) return line;
  }
  return undefined;
}

export const ifcfgToKeyfile = defineExercise({
  id: 'ifcfg-to-keyfile',
  chapter: 'kvm-bridge',
  title: localizedText('The same bridge as a keyfile', '同一个网桥写成 keyfile'),
  summary: localizedText(
    'Say which line the RHEL 9 keyfile for an EL7 bridge file holds, as NetworkManager translates it.',
    '说出 EL7 网桥文件换成 RHEL 9 的 keyfile 后，NetworkManager 的翻译里有哪一行。',
  ),
  versions: [1],
  generate(random) {
    const staticAddress = random.int(0, 2) > 0;
    const stp = random.int(0, 1) === 1;
    const choices: BridgeChoices = { ...seededChoices(random, staticAddress), stp, ...(stp ? { delay: random.int(2, 15) } : {}) };
    const [bridgeFile, portFile] = generateBridgePair(choices);
    let bridgeText = bridgeFile.text;
    if (random.int(0, 2) === 0) bridgeText = bridgeText.replace(/^ONBOOT=yes$/m, 'ONBOOT=no');
    const setup = buildBridgeModel([parseIfcfgFile(bridgeFile.name, bridgeText), parseIfcfgFile(portFile.name, portFile.text)]).bridges[0]!;
    const keyfile = toKeyfiles(setup)[0]!;
    const askable = KEYFILE_TARGETS.filter((t) => keyfileLine(keyfile.text, t.section, t.key) !== undefined);
    const target = random.pick(askable);
    const line = keyfileLine(keyfile.text, target.section, target.key)!;
    const value = line.slice(target.key.length + 1);
    const lines = random.shuffle([line, ...target.distractors(value).filter((d) => d !== line).slice(0, 3)]);
    const keys = ['A', 'B', 'C', 'D'];
    return {
      prompt: localizedText(
        `A RHEL 9 host stores this bridge as a NetworkManager keyfile, ${keyfile.name}. Which line does its [${target.section}] section hold for ${target.key}?`,
        `一台 RHEL 9 宿主机把这个网桥保存为 NetworkManager 的 keyfile，${keyfile.name}。在它的 [${target.section}] 一节里，${target.key} 这一行写成什么？`,
      ),
      figure: numbered({ name: bridgeFile.name, text: bridgeText }),
      answerKind: 'choice',
      choices: lines.map((l, i) => ({ key: keys[i]!, label: localizedText(l, `写成 ${l}`) })),
      answerFormat: localizedText(`one of ${keys.slice(0, lines.length).join(', ')}`, `${keys.slice(0, lines.length).join('、')} 中的一个`),
      answer: keys[lines.indexOf(line)]!,
      hint: target.rule,
      explanation: localizedText(
        `${line}. ${target.rule.en} The whole file NetworkManager would write:\n${keyfile.text}`,
        `${line}。${target.rule["zh-CN"]}NetworkManager 会写出的整个文件：\n${keyfile.text}`,
      ),
    };
  },
});
