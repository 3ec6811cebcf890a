/** Chapter 7: a domain XML with planted mistakes, answered by lib/libvirt's checker. */
import { checkDomainXml, generateDomainXml, wordDomainFinding, type DomainChoices, type DomainFinding } from '../libvirt/index.ts';
import { defineExercise } from './exercise.ts';
import { localizedText } from '../book/localized-text.ts';

interface Mutation {
  readonly id: string;
  readonly apply: (xml: string, bridge: string) => string;
}

/** Each mistake is one the chapter explains; none breaks the XML itself (that would hide the others). */
const MUTATIONS: readonly Mutation[] = [
  { id: 'other-bridge', apply: (xml, bridge) => xml.replace(`bridge="${bridge}"`, `bridge="${bridge === 'br1' ? 'br2' : 'br1'}"`) },
  { id: 'nat-network', apply: (xml, bridge) => xml.replace(`<interface type="bridge">\n      <source bridge="${bridge}"/>`, '<interface type="network">\n      <source network="default"/>') },
  { id: 'emulated-nic', apply: (xml) => xml.replace(/<model type="virtio"\/>\n {4}<\/interface>/, '<model type="e1000"/>\n    </interface>') },
  { id: 'raw-qcow2', apply: (xml) => xml.replace('type="qcow2"/>', 'type="raw"/>') },
  { id: 'no-console', apply: (xml) => xml.replace(/ {4}<console type="pty">\n {6}<target type="serial"\/>\n {4}<\/console>\n/, '') },
  { id: 'memory-suffix', apply: (xml) => xml.replace(/<memory>(\d+)<\/memory>/, (_m, kib: string) => `<memory>${Number(kib) / 1048576}G</memory>`) },
  { id: 'vcpu-zero', apply: (xml) => xml.replace(/<vcpu>\d+<\/vcpu>/, '<vcpu>0</vcpu>') },
  { id: 'cpu-mode', apply: (xml) => xml.replace('mode="host-passthrough"', 'mode="passthrough"') },
  { id: 'target-dev', apply: (xml) => xml.replace('dev="vda"', 'dev="disk0"') },
];

const numbered = (xml: string) => xml.trimEnd().split('\n').map((line, i) => `${String(i + 1).padStart(2)}  ${line}`).join('\n');

const ZH_SEVERITY: Record<DomainFinding['severity'], string> = { error: '错误', warning: '警告' };

export const libvirtMistakes = defineExercise({
  id: 'libvirt-mistakes',
  chapter: 'kvm-bridge',
  title: localizedText('What is wrong with this domain XML', '这份域 XML 错在哪里'),
  summary: localizedText(
    'Find the lines of a libvirt domain XML that the schema, libvirt or the guest would object to.',
    '找出一份 libvirt 域 XML 中会被 schema、libvirt 或客户机挑出问题的行。',
  ),
  versions: [1],
  generate(random) {
    const bridge = random.pick(['br0', 'br1', 'br-lan']);
    const choices: DomainChoices = {
      name: random.pick(['vm1', 'web1', 'db1', 'guest1-rhel7']),
      memoryMiB: random.pick([1024, 2048, 4096]),
      vcpus: random.int(1, 4),
      diskPath: '/var/lib/libvirt/images/disk.qcow2',
      diskFormat: 'qcow2',
      bridge,
      mac: '',
      nicModel: 'virtio',
      display: 'none',
      machine: random.pick(['q35', 'pc']),
      cpuMode: 'host-passthrough',
    };
    choices.diskPath = `/var/lib/libvirt/images/${choices.name}.qcow2`;
    let xml = generateDomainXml(choices);
    // The NAT network and the other bridge both rewrite the interface's source: never both.
    const pool = random.int(0, 1) ? MUTATIONS.filter((m) => m.id !== 'nat-network') : MUTATIONS.filter((m) => m.id !== 'other-bridge');
    for (const m of random.sample(pool, random.int(2, 3))) xml = m.apply(xml, bridge);
    const findings = checkDomainXml(xml, { hostBridges: [bridge] });
    const lines = [...new Set(findings.map((f) => f.line))].sort((a, b) => a - b);
    return {
      prompt: localizedText(
        `This domain XML is for a KVM host whose ifcfg files make one bridge, ${bridge}. ` +
          'Which lines would libvirt\'s schema, libvirt itself or the guest object to (an error or a warning from the chapter\'s checker)?',
        `这份域 XML 用于一台 KVM 宿主机，它的 ifcfg 文件只建立了一个网桥 ${bridge}。` + '哪些行会被 libvirt 的 schema、libvirt 本身或客户机挑出问题（本章检查器报告的错误或警告）？',
      ),
      figure: numbered(xml),
      answerKind: 'set',
      answerFormat: localizedText('line numbers in any order, e.g. 3, 27', '若干行号，顺序不限，例如 3, 27'),
      answer: lines.join(', ') || 'none',
      hint: localizedText(
        `${lines.length} line${lines.length === 1 ? '' : 's'} in all. Look at the numbers, the attribute values the schema lists, the interface and the disk.`,
        `一共 ${lines.length} 行。留意数值、schema 规定的属性取值、网卡和磁盘。`,
      ),
      explanation: localizedText(
        findings.map((f) => `line ${f.line} (${f.severity}): ${wordDomainFinding(f, 'en')}`).join('\n'),
        findings.map((f) => `第 ${f.line} 行（${ZH_SEVERITY[f.severity]}）：${wordDomainFinding(f, 'zh-CN')}`).join('\n'),
      ),
    };
  },
});
