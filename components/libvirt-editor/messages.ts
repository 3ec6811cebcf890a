import type { BookLocale, MessageCatalogues } from '../book/locale.ts';

/** Every string the libvirt editor shows, one catalogue per locale of the book. */
export interface LibvirtEditorMessages {
  /** The edition this catalogue belongs to: engine messages (findings, choice problems) are worded in it. */
  locale: BookLocale;
  regionLabel: string;
  choicesLegend: string;
  name: string;
  memory: string;
  vcpus: string;
  diskPath: string;
  diskFormat: string;
  bridge: string;
  mac: string;
  nicModel: string;
  display: string;
  displays: Record<'none' | 'vnc' | 'spice', string>;
  machine: string;
  cpuMode: string;
  generatedHeading: string;
  generatedLabel: string;
  commandHeading: string;
  commandLabel: string;
  fixChoices: string;
  copy: string;
  copyXml: string;
  copyCommand: string;
  downloadXml: (file: string) => string;
  copied: string;
  copyRefused: string;
  checkerHeading: string;
  checkerIntro: string;
  editorLabel: string;
  hostBridges: string;
  useGenerated: string;
  undo: string;
  replaced: string;
  restored: string;
  findingsHeading: string;
  summary: (errors: number, warnings: number) => string;
  noFindings: string;
  severity: Record<'error' | 'warning', string>;
  goTo: (line: number, column: number) => string;
  savedUnreadable: string;
  notSaved: string;
}

export const en: LibvirtEditorMessages = {
  /** The edition this catalogue belongs to: engine messages (findings, choice problems) are worded in it. */
  locale: 'en' as BookLocale,
  regionLabel: 'libvirt domain editor',
  choicesLegend: 'The guest',
  name: 'Name',
  memory: 'Memory (MiB)',
  vcpus: 'Virtual CPUs',
  diskPath: 'Disk image (absolute path)',
  diskFormat: 'Image format',
  bridge: 'Host bridge',
  mac: 'MAC address (optional; empty: libvirt picks one)',
  nicModel: 'NIC model',
  display: 'Console',
  displays: { none: 'serial console only (headless)', vnc: 'serial console and VNC', spice: 'serial console and SPICE' } as Record<'none' | 'vnc' | 'spice', string>,
  machine: 'Machine type',
  cpuMode: 'CPU mode',
  generatedHeading: 'The domain XML',
  generatedLabel: 'Generated domain XML',
  commandHeading: 'The same guest with virt-install',
  commandLabel: 'virt-install command',
  fixChoices: 'Fix the choices above to see the XML.',
  copy: 'Copy',
  copyXml: 'Copy the XML',
  copyCommand: 'Copy the command',
  downloadXml: (file: string) => `Download ${file}`,
  copied: 'Copied to the clipboard.',
  copyRefused: 'The browser did not allow copying; select the text and copy it by hand.',
  checkerHeading: 'Check a domain XML',
  checkerIntro: 'Edit the XML below or paste your own; the findings say what libvirt’s schema, libvirt itself or the guest would make of it.',
  editorLabel: 'Domain XML to check',
  hostBridges: 'Bridges the host has (comma-separated; empty: not checked)',
  useGenerated: 'Put the generated XML here',
  undo: 'Undo',
  replaced: 'The generated XML replaced your text; Undo brings your text back.',
  restored: 'Your text is back.',
  findingsHeading: 'Findings',
  summary: (errors: number, warnings: number) => ` (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`,
  noFindings: 'No findings: the schema accepts this domain, and libvirt should define and start it on this host.',
  severity: { error: 'error', warning: 'warning' } as Record<'error' | 'warning', string>,
  goTo: (line: number, column: number) => `${line}:${column}, go to line ${line}, column ${column}`,
  savedUnreadable: 'The saved editor state could not be read; the editor starts fresh.',
  notSaved: 'This browser does not allow saving; your text stays on this page until you leave it.',
};

export const zh: LibvirtEditorMessages = {
  locale: 'zh-CN',
  regionLabel: 'libvirt 域 XML 编辑器',
  choicesLegend: '客户机',
  name: '名称',
  memory: '内存（MiB）',
  vcpus: '虚拟 CPU 数',
  diskPath: '磁盘镜像（绝对路径）',
  diskFormat: '镜像格式',
  bridge: '宿主机网桥',
  mac: 'MAC 地址（可选；留空由 libvirt 生成）',
  nicModel: '网卡型号',
  display: '控制台',
  displays: { none: '仅串口控制台（无显示器）', vnc: '串口控制台和 VNC', spice: '串口控制台和 SPICE' },
  machine: '机器类型',
  cpuMode: 'CPU 模式',
  generatedHeading: '域 XML',
  generatedLabel: '生成的域 XML',
  commandHeading: '用 virt-install 创建同一台客户机',
  commandLabel: 'virt-install 命令',
  fixChoices: '先改正上面的选项，才能生成 XML。',
  copy: '复制',
  copyXml: '复制 XML',
  copyCommand: '复制命令',
  downloadXml: (file) => `下载 ${file}`,
  copied: '已复制到剪贴板。',
  copyRefused: '浏览器不允许复制；请手动选中文本复制。',
  checkerHeading: '检查域 XML',
  checkerIntro: '在下面修改 XML，或粘贴你自己的；检查结果会说明 libvirt 的 schema、libvirt 本身或客户机会怎样对待它。',
  editorLabel: '要检查的域 XML',
  hostBridges: '宿主机上的网桥（用逗号分隔；留空则不检查）',
  useGenerated: '换成生成的 XML',
  undo: '撤销',
  replaced: '生成的 XML 已替换你的文本；点“撤销”可以恢复。',
  restored: '你的文本已恢复。',
  findingsHeading: '检查结果',
  summary: (errors, warnings) => `（${errors} 个错误，${warnings} 个警告）`,
  noFindings: '没有发现问题：schema 接受这个域，libvirt 应能在这台宿主机上定义并启动它。',
  severity: { error: '错误', warning: '警告' },
  goTo: (line, column) => `${line}:${column}，跳转到第 ${line} 行第 ${column} 列`,
  savedUnreadable: '保存的编辑器状态无法读取；编辑器重新开始。',
  notSaved: '此浏览器不允许保存；在离开本页之前，你的文本会一直保留在页面上。',
};

export const libvirtEditorCatalogues: MessageCatalogues<LibvirtEditorMessages> = { en, 'zh-CN': zh };
