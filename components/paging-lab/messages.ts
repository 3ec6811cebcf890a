import type { MessageCatalogues } from '../book/locale.ts';
import type { PagingCostModel } from '../../lib/paging/index.ts';

/** Every string the paging lab shows, one catalogue per edition of the book. */
export interface PagingLabMessages {
  regionLabel: string;
  walkHeading: string;
  walkIntro: string;
  guestLevelsLabel: string;
  hostLevelsLabel: string;
  guestLargeLabel: string;
  hostLargeLabel: string;
  nestedCaption: (g: number, h: number, total: number) => string;
  shadowCaption: (g: number, total: number) => string;
  guestLevelRow: (level: number) => string;
  dataRow: string;
  hostLevelColumn: (level: number) => string;
  guestEntryColumn: string;
  shadowLevelRow: (level: number) => string;
  step: string;
  play: string;
  pause: string;
  reset: string;
  referenceStatus: (n: number, total: number, where: string) => string;
  referenceWhere: (table: 'guest' | 'host' | 'shadow', guestLevel: number, hostLevel?: number) => string;
  notStarted: (total: number) => string;
  compareHeading: string;
  workloadLabel: string;
  settingsLegend: string;
  tlbEntriesLabel: string;
  tlbTaggedLabel: string;
  pageWalkCacheLabel: string;
  nestedTlbLabel: string;
  shadowRootsLabel: string;
  costLegend: string;
  costNames: Record<keyof PagingCostModel, string>;
  runCompare: string;
  stop: string;
  progress: (done: number) => string;
  stopped: string;
  resultsCaption: (workload: string) => string;
  columns: { way: string; accesses: string; misses: string; refs: string; exits: string; cycles: string; vsNative: string };
  noExits: string;
  winner: (way: string) => string;
  chartLabel: string;
  invalidNumber: (label: string, min: number, max: number) => string;
}

export const en: PagingLabMessages = {
  regionLabel: 'Paging lab: shadow paging and nested paging',
  walkHeading: 'One TLB miss, walked',
  walkIntro:
    'Under nested paging every guest page-table entry sits at a guest-physical address, which the host’s tables translate first. Step through the references in the order the hardware makes them.',
  guestLevelsLabel: 'Guest page-table levels',
  hostLevelsLabel: 'Host (EPT/NPT) levels',
  guestLargeLabel: 'The guest maps the page with a large page',
  hostLargeLabel: 'The host backs guest memory with large pages',
  nestedCaption: (g, h, total) => `Nested paging: ${g}-level guest on ${h}-level host, ${total} memory references`,
  shadowCaption: (g, total) => `Shadow paging: the hardware walks the ${g}-level shadow table, ${total} references`,
  guestLevelRow: (level) => `guest level ${level}`,
  dataRow: 'the data’s guest-physical address',
  hostLevelColumn: (level) => `host L${level}`,
  guestEntryColumn: 'guest entry',
  shadowLevelRow: (level) => `shadow level ${level}`,
  step: 'Step',
  play: 'Play',
  pause: 'Pause',
  reset: 'Reset',
  referenceStatus: (n, total, where) => `Reference ${n} of ${total}: ${where}`,
  referenceWhere: (table, guestLevel, hostLevel) =>
    table === 'host'
      ? `host level ${hostLevel} entry, translating ${guestLevel ? `the guest level ${guestLevel} table’s address` : 'the data’s guest-physical address'}`
      : table === 'shadow'
        ? `shadow level ${guestLevel} entry`
        : `guest level ${guestLevel} entry`,
  notStarted: (total) => `${total} references to go. Press Step.`,
  compareHeading: 'Native, shadow and nested paging on one workload',
  workloadLabel: 'Workload',
  settingsLegend: 'Hardware and monitor',
  tlbEntriesLabel: 'TLB entries',
  tlbTaggedLabel: 'Tagged TLB (VPID/ASID): a VM exit keeps the TLB',
  pageWalkCacheLabel: 'Page-walk cache entries',
  nestedTlbLabel: 'Nested TLB entries (guest-physical to host-physical)',
  shadowRootsLabel: 'Shadow roots the monitor keeps',
  costLegend: 'Cost model (cycles)',
  costNames: {
    tlbHit: 'TLB hit',
    walkReference: 'walk reference',
    vmExit: 'VM exit and entry',
    monitorWork: 'monitor’s work per exit',
    guestFaultHandler: 'guest page-fault handler',
  },
  runCompare: 'Run all three',
  stop: 'Stop',
  progress: (done) => `Running… ${done} operations`,
  stopped: 'Stopped. Press Run all three to start again.',
  resultsCaption: (workload) => `${workload}: counts after the set-up`,
  columns: { way: 'Way', accesses: 'Accesses', misses: 'TLB misses', refs: 'References per access', exits: 'VM exits', cycles: 'Cycles', vsNative: 'vs native' },
  noExits: 'none',
  winner: (way) => `Faster of the two virtualized ways here: ${way}.`,
  chartLabel: 'Cycles of each way, as bars',
  invalidNumber: (label, min, max) => `${label} must be a whole number from ${min} to ${max}; the last valid value is used.`,
};

export const zh: PagingLabMessages = {
  regionLabel: '分页实验：影子页表与嵌套页表',
  walkHeading: '走一遍一次 TLB 未命中',
  walkIntro: '嵌套页表下，客户机页表的每个表项都在一个客户机物理地址上，硬件要先用宿主机的页表把它翻译出来。按硬件发出的顺序，一步步看这些内存引用。',
  guestLevelsLabel: '客户机页表级数',
  hostLevelsLabel: '宿主机（EPT/NPT）级数',
  guestLargeLabel: '客户机用大页映射这一页',
  hostLargeLabel: '宿主机用大页承载客户机内存',
  nestedCaption: (g, h, total) => `嵌套页表：${g} 级客户机页表叠在 ${h} 级宿主机页表上，共 ${total} 次内存引用`,
  shadowCaption: (g, total) => `影子页表：硬件遍历 ${g} 级影子页表，${total} 次引用`,
  guestLevelRow: (level) => `客户机第 ${level} 级`,
  dataRow: '数据的客户机物理地址',
  hostLevelColumn: (level) => `宿主机 L${level}`,
  guestEntryColumn: '客户机表项',
  shadowLevelRow: (level) => `影子第 ${level} 级`,
  step: '单步',
  play: '播放',
  pause: '暂停',
  reset: '重置',
  referenceStatus: (n, total, where) => `第 ${n} 次引用（共 ${total} 次）：${where}`,
  referenceWhere: (table, guestLevel, hostLevel) =>
    table === 'host'
      ? `宿主机第 ${hostLevel} 级表项，用来翻译${guestLevel ? `客户机第 ${guestLevel} 级页表的地址` : '数据的客户机物理地址'}`
      : table === 'shadow'
        ? `影子页表第 ${guestLevel} 级表项`
        : `客户机第 ${guestLevel} 级表项`,
  notStarted: (total) => `还有 ${total} 次引用。按“单步”开始。`,
  compareHeading: '同一负载下的原生、影子页表与嵌套页表',
  workloadLabel: '负载',
  settingsLegend: '硬件与监控器',
  tlbEntriesLabel: 'TLB 表项数',
  tlbTaggedLabel: '带标签的 TLB（VPID/ASID）：VM 退出不清空 TLB',
  pageWalkCacheLabel: '页遍历缓存表项数',
  nestedTlbLabel: '嵌套 TLB 表项数（客户机物理地址到宿主机物理地址）',
  shadowRootsLabel: '监控器保留的影子页表根数',
  costLegend: '代价模型（周期）',
  costNames: {
    tlbHit: 'TLB 命中',
    walkReference: '一次页表遍历引用',
    vmExit: 'VM 退出与进入',
    monitorWork: '监控器处理一次退出',
    guestFaultHandler: '客户机缺页处理',
  },
  runCompare: '三种方式都跑一遍',
  stop: '停止',
  progress: (done) => `运行中……已完成 ${done} 个操作`,
  stopped: '已停止。按“三种方式都跑一遍”重新开始。',
  resultsCaption: (workload) => `${workload}：预热之后的计数`,
  columns: { way: '方式', accesses: '访问次数', misses: 'TLB 未命中', refs: '每次访问的内存引用', exits: 'VM 退出', cycles: '周期', vsNative: '相对原生' },
  noExits: '无',
  winner: (way) => `在这个负载下，两种虚拟化方式中更快的是：${way}。`,
  chartLabel: '各方式的周期数（条形图）',
  invalidNumber: (label, min, max) => `${label}必须是 ${min} 到 ${max} 的整数；仍使用上一个有效值。`,
};

export const pagingLabCatalogues: MessageCatalogues<PagingLabMessages> = { en, 'zh-CN': zh };
