import type { BookLocale, MessageCatalogues } from '../book/locale.ts';

/** Every string the bridge editor shows, one catalogue per locale of the book. */
export interface BridgeEditorMessages {
  /** The edition this catalogue belongs to: engine messages (findings, key help) are worded in it. */
  locale: BookLocale;
  regionLabel: string;
  formLegend: string;
  filesLegend: string;
  bridgeName: string;
  portName: string;
  portMac: string;
  addressing: string;
  addressingStatic: string;
  addressingDhcp: string;
  ipAddress: string;
  prefix: string;
  gateway: string;
  dns: string;
  stp: string;
  delay: string;
  nmControlled: string;
  onBoot: string;
  fileName: (n: number) => string;
  fileText: (name: string) => string;
  loadingEditor: string;
  findingsHeading: string;
  noFindings: string;
  summary: (errors: number, warnings: number) => string;
  severity: Record<'error' | 'warning', string>;
  initscriptsLabel: string;
  networkManagerLabel: string;
  goToLine: (file: string, line: number, column: number) => string;
  translationsLabel: string;
  tabs: Record<'iproute2' | 'brctl' | 'nmcli' | 'keyfile' | 'libvirt', string>;
  noBridge: string;
  download: (name: string) => string;
  copyShareLink: string;
  shareLinkCopied: string;
  shareLinkReady: string;
  reset: string;
  resetDone: string;
  loadedFromLink: string;
  badLink: string;
  savedUnreadable: string;
  notSaved: string;
  linkTooLong: (name: string) => string;
  examplesLabel: string;
  examples: Record<'lowercaseType' | 'ipOnPort' | 'stpDelayZero' | 'unquotedName' | 'crlf', string>;
  vmHeading: string;
  vmApply: string;
  vmApplying: string;
  vmOff: string;
  vmStarting: string;
  vmRunning: string;
  vmError: (message: string) => string;
  vmUnavailable: string;
  vmIntro: string;
  keyHoverValues: string;
  keyHoverDefault: string;
  keyHoverFile: string;
  keyHoverTool: string;
  places: Record<'bridge' | 'port' | 'both', string>;
  tools: Record<'both' | 'initscripts' | 'NetworkManager', string>;
}

export const en: BridgeEditorMessages = {
  /** The edition this catalogue belongs to: engine messages (findings, key help) are worded in it. */
  locale: 'en' as BookLocale,
  regionLabel: 'Bridge editor',
  formLegend: 'Choices',
  filesLegend: 'Files',
  bridgeName: 'Bridge (DEVICE of ifcfg-br0)',
  portName: 'Port NIC (DEVICE of the port file)',
  portMac: 'Port MAC address (HWADDR, optional)',
  addressing: 'Addressing (BOOTPROTO)',
  addressingStatic: 'Static (none)',
  addressingDhcp: 'DHCP',
  ipAddress: 'IP address (IPADDR)',
  prefix: 'Prefix length (PREFIX)',
  gateway: 'Gateway (GATEWAY)',
  dns: 'DNS server (DNS1)',
  stp: 'Spanning Tree (STP)',
  delay: 'Forward delay in seconds (DELAY)',
  nmControlled: 'Managed by NetworkManager (NM_CONTROLLED, both files)',
  onBoot: 'Start at boot (ONBOOT, both files)',
  fileName: (n: number) => `Name of file ${n}`,
  fileText: (name: string) => `Contents of ${name}`,
  loadingEditor: 'Loading the editor…',
  findingsHeading: 'Findings',
  noFindings: 'No findings: both initscripts and NetworkManager read these files the same way, and the bridge should work.',
  summary: (errors: number, warnings: number) => ` (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`,
  severity: { error: 'error', warning: 'warning' } as Record<'error' | 'warning', string>,
  initscriptsLabel: 'initscripts:',
  networkManagerLabel: 'NetworkManager:',
  goToLine: (file: string, line: number, column: number) => `${file}:${line}:${column}, go to the line`,
  translationsLabel: 'Translations',
  tabs: { iproute2: 'ip commands', brctl: 'brctl (EL7)', nmcli: 'nmcli', keyfile: 'keyfile', libvirt: 'libvirt <interface>' } as Record<
    'iproute2' | 'brctl' | 'nmcli' | 'keyfile' | 'libvirt',
    string
  >,
  noBridge: 'No bridge yet: one file needs TYPE=Bridge, or a port needs BRIDGE=.',
  download: (name: string) => `Download ${name}`,
  copyShareLink: 'Copy share link',
  shareLinkCopied: 'Share link copied to the clipboard.',
  shareLinkReady: 'Share link is in the address bar.',
  reset: 'Reset to the canonical pair',
  resetDone: 'Reset to the canonical pair.',
  loadedFromLink: 'Loaded the files from the share link.',
  badLink: 'The share link could not be read; showing your saved files instead.',
  savedUnreadable: 'The files saved in this browser could not be read, so the editor shows the canonical pair.',
  notSaved: 'This browser did not let the editor save your files (its storage is full or turned off). They stay here until you leave the page: download them to keep them.',
  linkTooLong: (name: string) => `${name} is longer than 100,000 characters, too long for a share link. Download the files instead.`,
  examplesLabel: 'Try a mistake',
  examples: {
    lowercaseType: 'TYPE=bridge',
    ipOnPort: 'IP left on the port',
    stpDelayZero: 'STP=yes, DELAY=0',
    unquotedName: 'NAME=My Bridge',
    crlf: 'Windows line endings',
  } as Record<'lowercaseType' | 'ipOnPort' | 'stpDelayZero' | 'unquotedName' | 'crlf', string>,
  vmHeading: 'Apply in the lab VM',
  vmApply: 'Apply in the lab VM',
  vmApplying: 'Applying…',
  vmOff: 'The lab VM is off: Apply powers it on first (a one-time download), then applies the files.',
  vmStarting: 'The lab VM is starting…',
  vmRunning: 'The lab VM is running; its terminal is below.',
  vmError: (message: string) => `The lab VM did not start: ${message}`,
  vmUnavailable: 'Loading…',
  vmIntro: 'Copies the files into /etc/sysconfig/network-scripts/ in the guest, runs ifup-lab, then shows ip -d link, brctl show and ip addr.',
  keyHoverValues: 'Values:',
  keyHoverDefault: 'Default:',
  keyHoverFile: 'File:',
  keyHoverTool: 'Read by:',
  places: { bridge: 'ifcfg-br0 (the bridge)', port: 'the port file', both: 'bridge and port' } as Record<'bridge' | 'port' | 'both', string>,
  tools: { both: 'initscripts and NetworkManager', initscripts: 'initscripts only', NetworkManager: 'NetworkManager only' } as Record<'both' | 'initscripts' | 'NetworkManager', string>,
};

/** 简体中文. */
export const zh: BridgeEditorMessages = {
  locale: 'zh-CN',
  regionLabel: '网桥编辑器',
  formLegend: '选项',
  filesLegend: '文件',
  bridgeName: '网桥（ifcfg-br0 的 DEVICE）',
  portName: '端口网卡（端口文件的 DEVICE）',
  portMac: '端口 MAC 地址（HWADDR，可选）',
  addressing: '地址分配方式（BOOTPROTO）',
  addressingStatic: '静态（none）',
  addressingDhcp: 'DHCP',
  ipAddress: 'IP 地址（IPADDR）',
  prefix: '前缀长度（PREFIX）',
  gateway: '网关（GATEWAY）',
  dns: 'DNS 服务器（DNS1）',
  stp: '生成树（STP）',
  delay: '转发延迟，单位为秒（DELAY）',
  nmControlled: '由 NetworkManager 管理（NM_CONTROLLED，两个文件）',
  onBoot: '开机时启动（ONBOOT，两个文件）',
  fileName: (n: number) => `文件 ${n} 的名字`,
  fileText: (name: string) => `${name} 的内容`,
  loadingEditor: '正在加载编辑器…',
  findingsHeading: '检查结果',
  noFindings: '没有问题：initscripts 和 NetworkManager 对这两个文件的读法一致，网桥应该能正常工作。',
  summary: (errors: number, warnings: number) => `（${errors} 个错误，${warnings} 个警告）`,
  severity: { error: '错误', warning: '警告' },
  initscriptsLabel: 'initscripts：',
  networkManagerLabel: 'NetworkManager：',
  goToLine: (file: string, line: number, column: number) => `${file}:${line}:${column}，跳到这一行`,
  translationsLabel: '等价写法',
  tabs: { iproute2: 'ip 命令', brctl: 'brctl（EL7）', nmcli: 'nmcli', keyfile: 'keyfile', libvirt: 'libvirt <interface>' },
  noBridge: '还没有网桥：需要有一个文件写 TYPE=Bridge，或者某个端口写 BRIDGE=。',
  download: (name: string) => `下载 ${name}`,
  copyShareLink: '复制分享链接',
  shareLinkCopied: '分享链接已复制到剪贴板。',
  shareLinkReady: '分享链接在地址栏里。',
  reset: '恢复为标准的一对文件',
  resetDone: '已恢复为标准的一对文件。',
  loadedFromLink: '已从分享链接载入文件。',
  badLink: '无法读取分享链接；改为显示你保存的文件。',
  savedUnreadable: '无法读取保存在此浏览器中的文件，编辑器改为显示标准的一对文件。',
  notSaved: '此浏览器不允许编辑器保存你的文件（存储空间已满或已被关闭）。离开本页之前它们都还在，要保留它们请下载。',
  linkTooLong: (name: string) => `${name} 超过 10 万个字符，放不进分享链接，请改为下载这些文件。`,
  examplesLabel: '试一个错误',
  examples: {
    lowercaseType: 'TYPE=bridge',
    ipOnPort: 'IP 留在端口上',
    stpDelayZero: 'STP=yes、DELAY=0',
    unquotedName: 'NAME=My Bridge',
    crlf: 'Windows 换行符',
  },
  vmHeading: '在实验虚拟机中应用',
  vmApply: '在实验虚拟机中应用',
  vmApplying: '正在应用…',
  vmOff: '实验虚拟机处于关机状态：“应用”会先开机（需要一次性下载），再应用这些文件。',
  vmStarting: '实验虚拟机正在启动…',
  vmRunning: '实验虚拟机正在运行；它的终端在下方。',
  vmError: (message: string) => `实验虚拟机没有启动：${message}`,
  vmUnavailable: '加载中…',
  vmIntro: '把文件复制到客户机的 /etc/sysconfig/network-scripts/，运行 ifup-lab，然后显示 ip -d link、brctl show 和 ip addr 的结果。',
  keyHoverValues: '取值：',
  keyHoverDefault: '默认值：',
  keyHoverFile: '文件：',
  keyHoverTool: '读取者：',
  places: { bridge: 'ifcfg-br0（网桥）', port: '端口文件', both: '网桥和端口' },
  tools: { both: 'initscripts 和 NetworkManager', initscripts: '仅 initscripts', NetworkManager: '仅 NetworkManager' },
};

export const bridgeEditorCatalogues: MessageCatalogues<BridgeEditorMessages> = { en, 'zh-CN': zh };

