// The libvirt engine's sentences in both editions: findings of the domain checker, the parser's
// well-formedness errors, the shapes a value must have, and the generator's choice problems.

import { wordMessage, wordings, type BookLocale, type MessageOf } from '../book/localized-text.ts';
import type { DomainFinding, ValueShape } from './check-domain-xml.ts';
import type { DomainChoiceProblem } from './generate-domain.ts';
import type { XmlProblemCode } from './parse-xml.ts';

type XmlParams = { detail: string; openName: string; openLine: number };

export const xmlProblemWordings = {
  emptyDocument: wordings((_: XmlParams) => 'the document has no root element', () => '文档没有根元素'),
  textOutsideRoot: wordings((p: XmlParams) => `text outside the root element ("${p.detail}")`, (p) => `根元素之外有文本（“${p.detail}”）`),
  secondRoot: wordings((p: XmlParams) => `a second root element <${p.detail}> (a document has exactly one)`, (p) => `出现第二个根元素 <${p.detail}>（一个文档只能有一个根元素）`),
  unclosedElement: wordings((p: XmlParams) => `<${p.openName}> (line ${p.openLine}) is never closed`, (p) => `<${p.openName}>（第 ${p.openLine} 行）没有闭合`),
  mismatchedEndTag: wordings(
    (p: XmlParams) => `</${p.detail}> closes <${p.openName}>, which was opened on line ${p.openLine}`,
    (p) => `</${p.detail}> 与第 ${p.openLine} 行打开的 <${p.openName}> 不匹配`,
  ),
  unexpectedEndTag: wordings((p: XmlParams) => `</${p.detail}> closes an element that is not open`, (p) => `</${p.detail}> 没有对应的开始标签`),
  endTagNotClosed: wordings((p: XmlParams) => `${p.detail} is not closed with ">"`, (p) => `${p.detail} 缺少结尾的“>”`),
  badName: wordings((p: XmlParams) => `"${p.detail}" cannot start or continue a name here`, (p) => `此处不能出现“${p.detail}”（不是合法的名称字符）`),
  duplicateAttribute: wordings((p: XmlParams) => `the attribute ${p.detail} is given twice`, (p) => `属性 ${p.detail} 重复出现`),
  attributeWithoutValue: wordings((p: XmlParams) => `the attribute ${p.detail} has no ="value"`, (p) => `属性 ${p.detail} 缺少 ="值"`),
  unquotedAttribute: wordings((p: XmlParams) => `the value of ${p.detail} must be in quotes`, (p) => `属性 ${p.detail} 的值必须加引号`),
  ltInAttribute: wordings((p: XmlParams) => `"<" inside the value of ${p.detail} (write &lt;)`, (p) => `属性 ${p.detail} 的值中出现“<”（应写作 &lt;）`),
  unterminated: wordings((p: XmlParams) => `${p.detail} is not finished before the end of the text`, (p) => `${p.detail} 到文本结尾仍未结束`),
  badEntity: wordings((p: XmlParams) => `"${p.detail}" is not an entity XML knows (use &amp; &lt; &gt; &quot; &apos; or &#…;)`, (p) => `“${p.detail}”不是 XML 认识的实体（可用 &amp; &lt; &gt; &quot; &apos; 或 &#…;）`),
  badCharacter: wordings((p: XmlParams) => `the character ${p.detail} is not allowed in XML`, (p) => `XML 中不允许字符 ${p.detail}`),
  doctypeNotAllowed: wordings((_: XmlParams) => 'a DOCTYPE with an internal subset, or one not before the root, is not accepted here (libvirt documents have none)', () => '这里不接受带内部子集或不在根元素之前的 DOCTYPE（libvirt 的文档没有 DOCTYPE）'),
  badXmlDeclaration: wordings((_: XmlParams) => 'the <?xml …?> declaration is malformed or not at the very start', () => '<?xml …?> 声明格式不对，或不在文档最开头'),
  tooDeep: wordings((p: XmlParams) => `elements nested more than ${p.detail} deep`, (p) => `元素嵌套超过 ${p.detail} 层`),
  tooLarge: wordings((p: XmlParams) => `the text is longer than ${p.detail} characters`, (p) => `文本超过 ${p.detail} 个字符`),
  doubleHyphenInComment: wordings((_: XmlParams) => '"--" inside a comment', () => '注释中出现“--”'),
  cdataEndInText: wordings((_: XmlParams) => '"]]>" in text (write ]]&gt;)', () => '文本中出现“]]>”（应写作 ]]&gt;）'),
} satisfies Record<XmlProblemCode, unknown>;

export const valueShapeWordings = {
  unsignedInteger: wordings(() => 'a whole number (0 or more, digits only)', () => '非负整数（只能是数字）'),
  vcpuCount: wordings(() => 'a whole number from 1 to 65535', () => '1 到 65535 之间的整数'),
  unit: wordings(() => 'a unit such as KiB, MiB, GiB, b, k, M', () => '单位，如 KiB、MiB、GiB、b、k、M'),
  absolutePath: wordings(() => 'an absolute path such as /var/lib/libvirt/images/vm1.qcow2', () => '绝对路径，如 /var/lib/libvirt/images/vm1.qcow2'),
  unicastMac: wordings(
    () => 'a unicast MAC address such as 52:54:00:12:34:56 (six hex pairs; the first byte even)',
    () => '单播 MAC 地址，如 52:54:00:12:34:56（六组十六进制，第一个字节为偶数）',
  ),
  targetDev: wordings(() => 'a device name such as vda, sda or hda', () => '设备名，如 vda、sda、hda'),
  bridgeName: wordings(() => 'a bridge name of letters, digits and _ . - : /', () => '由字母、数字和 _ . - : / 组成的网桥名'),
  machineName: wordings(() => 'a machine type of letters, digits and _ . - (q35, pc-q35-8.2)', () => '由字母、数字和 _ . - 组成的机器类型（q35、pc-q35-8.2）'),
  modelName: wordings(() => 'a model name of letters, digits, - and _ (virtio, e1000e)', () => '由字母、数字、- 和 _ 组成的型号名（virtio、e1000e）'),
  uuid: wordings(() => 'a UUID (32 hex digits, with or without the dashes 8-4-4-4-12)', () => 'UUID（32 位十六进制，可按 8-4-4-4-12 加连字符）'),
  oneLine: wordings(() => 'one line of text, not empty', () => '非空的单行文本'),
  deviceName: wordings(() => 'a name of letters, digits and _ . - : /', () => '由字母、数字和 _ . - : / 组成的名称'),
} satisfies Record<ValueShape, unknown>;

/** `<memory>` or `<source bridge>`: an element, or an attribute of one. */
function where(p: { element: string; attribute: string }): string {
  return p.attribute === '' ? `<${p.element}>` : `${p.attribute}= of <${p.element}>`;
}
/** "a, b, c" as a Chinese list: "a、b、c". */
function listZh(list: string): string {
  return list.split(', ').join('、');
}
function whereZh(p: { element: string; attribute: string }): string {
  return p.attribute === '' ? `<${p.element}> 的内容` : `<${p.element}> 的 ${p.attribute} 属性`;
}

export const domainFindingWordings = {
  xml: wordings(
    (p: { problem: XmlProblemCode; detail: string; openName: string; openLine: number }) =>
      `not well-formed XML: ${wordMessage(xmlProblemWordings, { code: p.problem, params: p }, 'en')}; libvirt reads nothing of the document`,
    (p) => `XML 格式不正确：${wordMessage(xmlProblemWordings, { code: p.problem, params: p }, 'zh-CN')}；libvirt 整个文档都不会读`,
  ),
  rootNotDomain: wordings(
    (p: { element: string }) => `the root element is <${p.element}>; a domain XML starts with <domain type="kvm">`,
    (p) => `根元素是 <${p.element}>；域 XML 应以 <domain type="kvm"> 开头`,
  ),
  missingAttribute: wordings(
    (p: { element: string; attribute: string }) => `<${p.element}> needs the attribute ${p.attribute}= (the schema requires it)`,
    (p) => `<${p.element}> 缺少必需的属性 ${p.attribute}=（schema 要求）`,
  ),
  unknownAttribute: wordings(
    (p: { element: string; attribute: string }) => `<${p.element}> has no attribute ${p.attribute}= in libvirt's schema`,
    (p) => `libvirt 的 schema 中 <${p.element}> 没有 ${p.attribute}= 这个属性`,
  ),
  valueNotAllowed: wordings(
    (p: { element: string; attribute: string; value: string; allowed: string }) => `${where(p)} is "${p.value}"; the schema allows ${p.allowed}`,
    (p) => `${whereZh(p)}是“${p.value}”；schema 只允许 ${listZh(p.allowed)}`,
  ),
  valueMalformed: wordings(
    (p: { element: string; attribute: string; value: string; shape: ValueShape }) =>
      `${where(p)} is "${p.value}"; it must be ${wordMessage(valueShapeWordings, { code: p.shape }, 'en')}`,
    (p) => `${whereZh(p)}是“${p.value}”；应为${wordMessage(valueShapeWordings, { code: p.shape }, 'zh-CN')}`,
  ),
  unknownElement: wordings(
    (p: { element: string; parent: string }) => `<${p.element}> is not an element libvirt's schema allows inside <${p.parent}> (a typo?)`,
    (p) => `libvirt 的 schema 不允许 <${p.parent}> 里出现 <${p.element}>（拼写错误？）`,
  ),
  missingElement: wordings(
    (p: { element: string; parent: string }) => `<${p.parent}> has no <${p.element}>, which the schema requires`,
    (p) => `<${p.parent}> 缺少 schema 要求的 <${p.element}>`,
  ),
  duplicateElement: wordings(
    (p: { element: string; parent: string }) => `a second <${p.element}> in <${p.parent}>; the schema allows one`,
    (p) => `<${p.parent}> 里出现第二个 <${p.element}>；schema 只允许一个`,
  ),
  unexpectedText: wordings(
    (p: { element: string }) => `text directly inside <${p.element}>, which holds only elements`,
    (p) => `<${p.element}> 里只能放元素，却直接出现了文本`,
  ),
  noMemory: wordings(
    () => 'no <memory>: virsh define refuses the domain ("Memory size must be specified via <memory> or in the <numa> configuration")',
    () => '没有 <memory>：virsh define 会报 XML 错误，拒绝这个域（内存大小必须由 <memory> 或 <numa> 配置给出）',
  ),
  noOsType: wordings(
    () => 'no <os><type>hvm</type></os>: virsh define refuses the domain ("an os <type> must be specified")',
    () => '没有 <os> 及其中的 <type>：virsh define 会报 XML 错误，拒绝这个域（必须指定操作系统类型，如 hvm）',
  ),
  bridgeSourceMissing: wordings(
    () => `<interface type="bridge"> names no bridge: add <source bridge="br0"/>; without it libvirt has no bridge to add the guest's tap device to`,
    () => `<interface type="bridge"> 没有指定网桥：加上 <source bridge="br0"/>；否则 libvirt 不知道把客户机的 tap 设备加到哪个网桥上`,
  ),
  bridgeNotOnHost: wordings(
    (p: { bridge: string; known: string }) =>
      `the bridge "${p.bridge}" is not one the host's ifcfg files make (${p.known || 'none'}): virsh start fails, as there is no such device to add the tap to`,
    (p) => `网桥“${p.bridge}”不是宿主机 ifcfg 文件建立的网桥（${listZh(p.known) || '无'}）：virsh start 会失败，因为没有这个设备可以挂接 tap`,
  ),
  defaultNatNetwork: wordings(
    (p: { network: string }) =>
      `<interface type="network"> on "${p.network}" puts the guest behind libvirt's NAT (virbr0, 192.168.122.0/24): it can reach out, but the LAN cannot reach it; for a guest on the bridge write <interface type="bridge"><source bridge="br0"/>`,
    (p) => `<interface type="network"> 使用“${p.network}”网络，客户机位于 libvirt 的 NAT 之后（virbr0，192.168.122.0/24）：能访问外部，但局域网访问不到它；要让客户机接在网桥上，应写成 <interface type="bridge">，其中写 <source bridge="br0"/>`,
  ),
  emulatedNic: wordings(
    (p: { model: string }) => `the NIC model ${p.model} is an emulated card: every packet goes through QEMU's device model; a Linux guest has virtio-net drivers, and <model type="virtio"/> is much faster`,
    (p) => `网卡型号 ${p.model} 是仿真网卡：每个包都要经过 QEMU 的设备仿真；Linux 客户机自带 virtio-net 驱动，<model type="virtio"/> 快得多`,
  ),
  noNicModel: wordings(
    () => 'no <model type>: the hypervisor picks its default NIC, an emulated card (which one depends on the machine type and version); write <model type="virtio"/>',
    () => '没有 <model type>：由虚拟机管理程序选默认网卡，是一块仿真网卡（具体型号随机器类型和版本而变）；应写 <model type="virtio"/>',
  ),
  diskFormatMismatch: wordings(
    (p: { path: string; declared: string; actual: string; evidence: 'extension' | 'header' }) =>
      `${p.path} is ${p.actual} (${p.evidence === 'header' ? 'its first bytes say so' : 'by its name'}) but the disk is declared ${p.declared === '' ? 'without <driver type>, which libvirt treats as raw' : p.declared}: ${
        p.actual === 'qcow2' ? 'the guest would see the qcow2 metadata as its disk and not boot' : 'QEMU refuses to open a raw file as qcow2 ("Image is not in qcow2 format")'
      }`,
    (p) =>
      `${p.path} 是 ${p.actual}（${p.evidence === 'header' ? '由文件开头的字节判断' : '由文件名判断'}），但磁盘声明为${p.declared === '' ? '（没有 <driver type>，libvirt 按 raw 处理）' : ` ${p.declared}`}：${
        p.actual === 'qcow2' ? '客户机看到的将是 qcow2 元数据而不是文件系统，无法启动' : 'QEMU 会报错说镜像不是 qcow2 格式，拒绝打开'
      }`,
  ),
  noConsole: wordings(
    (p: { graphics: boolean }) =>
      `no <console> or <serial>: virsh console has nothing to attach to${p.graphics ? '' : ', and with no <graphics> either a headless host has no way into the guest'}`,
    (p) => `没有 <console> 或 <serial>：virsh console 无处可连${p.graphics ? '' : '；又没有 <graphics>，在无显示器的宿主机上就无法进入客户机'}`,
  ),
};

export type DomainFindingWording = MessageOf<typeof domainFindingWordings>;

/** A finding's sentence in an edition. */
export function wordDomainFinding(finding: DomainFinding, locale: BookLocale | string = 'en'): string {
  return wordMessage(domainFindingWordings, finding as DomainFindingWording, locale);
}

/** `vm1.xml:12:7: error: [bridgeNotOnHost] … (/domain/devices/interface/source/@bridge)`, like a compiler. */
export function formatDomainFinding(file: string, finding: DomainFinding, locale: BookLocale | string = 'en'): string {
  const severity = locale === 'zh-CN' ? (finding.severity === 'error' ? '错误' : '警告') : finding.severity;
  const path = finding.path ? ` (${finding.path})` : '';
  return `${file}:${finding.line}:${finding.column}: ${severity}: [${finding.code}] ${wordDomainFinding(finding, locale)}${path}`;
}

export const domainChoiceWordings = {
  badDomainName: wordings(
    (p: { value: string }) => `"${p.value}" is not a usable domain name: 1 to 64 letters, digits, _ . + -, not starting with -`,
    (p) => `“${p.value}”不能用作域名：应为 1 到 64 个字母、数字或 _ . + -，且不以 - 开头`,
  ),
  memoryOutOfRange: wordings(
    (p: { value: string; min: number; max: number }) => `memory "${p.value}" must be a whole number of MiB from ${p.min} to ${p.max}`,
    (p) => `内存“${p.value}”应为 ${p.min} 到 ${p.max} 之间的整数（MiB）`,
  ),
  vcpusOutOfRange: wordings(
    (p: { value: string; min: number; max: number }) => `vCPUs "${p.value}" must be a whole number from ${p.min} to ${p.max}`,
    (p) => `vCPU 数“${p.value}”应为 ${p.min} 到 ${p.max} 之间的整数`,
  ),
  diskPathNotAbsolute: wordings(
    (p: { value: string }) => `the disk image "${p.value}" must be an absolute path to a file, such as /var/lib/libvirt/images/vm1.qcow2`,
    (p) => `磁盘镜像“${p.value}”应为文件的绝对路径，如 /var/lib/libvirt/images/vm1.qcow2`,
  ),
  badBridgeName: wordings(
    (p: { value: string }) => `"${p.value}" is not a Linux interface name: 1 to 15 letters, digits, _ . -`,
    (p) => `“${p.value}”不是合法的 Linux 接口名：应为 1 到 15 个字母、数字或 _ . -`,
  ),
  badMac: wordings(
    (p: { value: string }) => `"${p.value}" is not a MAC address (six hex pairs separated by colons, e.g. 52:54:00:12:34:56)`,
    (p) => `“${p.value}”不是 MAC 地址（六组用冒号分隔的十六进制，如 52:54:00:12:34:56）`,
  ),
  multicastMac: wordings(
    (p: { value: string }) => `"${p.value}" is a multicast address (its first byte is odd); a NIC needs a unicast one such as 52:54:00:…`,
    (p) => `“${p.value}”是组播地址（第一个字节为奇数）；网卡需要单播地址，如 52:54:00:…`,
  ),
  notAChoice: wordings(
    (p: { value: string; allowed: string }) => `"${p.value}" is not one of ${p.allowed}`,
    (p) => `“${p.value}”不在可选值 ${listZh(p.allowed)} 之中`,
  ),
} satisfies Record<DomainChoiceProblem['code'], unknown>;

/** A choice problem's sentence in an edition. */
export function wordDomainChoiceProblem(problem: DomainChoiceProblem, locale: BookLocale | string = 'en'): string {
  return wordMessage(domainChoiceWordings, problem as MessageOf<typeof domainChoiceWordings>, locale);
}
