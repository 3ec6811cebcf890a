/** The words of the paging engine's codes, in both editions of the book. */
import { wordings } from '../book/localized-text.ts';
import type { MessageOf } from '../book/localized-text.ts';

export const exitReasonWordings = {
  'cr3-write': wordings(
    () => 'CR3 write (the guest switched address space)',
    () => '写 CR3（客户机切换地址空间）',
  ),
  'page-table-write': wordings(
    () => 'write to a write-protected guest page table',
    () => '写入被写保护的客户机页表',
  ),
  'hidden-fault': wordings(
    () => 'hidden page fault (the shadow lacked a mapping the guest has)',
    () => '隐藏缺页（影子页表缺少客户机已有的映射）',
  ),
  'guest-fault': wordings(
    () => 'guest page fault, reflected into the guest',
    () => '客户机缺页，转交给客户机处理',
  ),
  invlpg: wordings(() => 'INVLPG (the guest flushed one TLB entry)', () => 'INVLPG（客户机刷新一条 TLB 表项）'),
  'ept-violation': wordings(
    () => 'EPT/NPT violation (the host had not mapped that guest-physical page yet)',
    () => 'EPT/NPT 违例（宿主机尚未映射该客户机物理页）',
  ),
};

export type ExitReason = keyof typeof exitReasonWordings;
export const EXIT_REASONS = Object.keys(exitReasonWordings) as ExitReason[];

export const pagingModeWordings = {
  native: wordings(() => 'native (no hypervisor)', () => '原生（没有虚拟机监控器）'),
  shadow: wordings(() => 'shadow paging', () => '影子页表'),
  nested: wordings(() => 'nested paging (EPT/NPT)', () => '嵌套页表（EPT/NPT）'),
};

export type PagingMode = keyof typeof pagingModeWordings;
export const PAGING_MODES = Object.keys(pagingModeWordings) as PagingMode[];

export const pagingWorkloadWordings = {
  'context-switches': wordings(
    () => 'context switches: eight processes take turns, each touching its 16 pages',
    () => '上下文切换：八个进程轮流运行，每个访问自己的 16 页',
  ),
  'page-table-updates': wordings(
    () => 'page-table updates: processes start, fault in 64 pages each (demand paging) and exit',
    () => '页表更新：进程启动，按需调页调入各自的 64 页，然后退出',
  ),
  'tlb-misses': wordings(
    () => 'TLB misses: one process reads 4,096 pages spread over 1 GiB, in a scattered order',
    () => 'TLB 未命中：一个进程以分散的顺序读分布在 1 GiB 里的 4,096 页',
  ),
  'tlb-misses-large-pages': wordings(
    () => 'TLB misses with large pages: the same reads, the 1 GiB mapped with 2 MiB pages and backed by the host\'s huge pages',
    () => 'TLB 未命中（大页）：同样的读，这 1 GiB 用 2 MiB 大页映射，宿主机也用大页作后备',
  ),
};

export type PagingWorkloadId = keyof typeof pagingWorkloadWordings;

export const pagingProblemWordings = {
  levelsOutOfRange: wordings(
    (p: { what: 'guest' | 'host'; value: string }) => `--${p.what}-levels must be a whole number from 1 to 5 (it is "${p.value}")`,
    (p) => `--${p.what}-levels 必须是 1 到 5 的整数（现在是“${p.value}”）`,
  ),
  unknownWorkload: wordings(
    (p: { value: string; known: string }) => `unknown workload "${p.value}" (one of ${p.known})`,
    (p) => `没有名为“${p.value}”的负载（可选：${p.known}）`,
  ),
  costOutOfRange: wordings(
    (p: { key: string; value: string; max: number }) => `cost ${p.key} must be a whole number from 0 to ${p.max} (it is "${p.value}")`,
    (p) => `代价 ${p.key} 必须是 0 到 ${p.max} 的整数（现在是“${p.value}”）`,
  ),
  unknownCost: wordings(
    (p: { key: string; known: string }) => `unknown cost "${p.key}" (one of ${p.known})`,
    (p) => `没有名为“${p.key}”的代价（可选：${p.known}）`,
  ),
  segmentationFault: wordings(
    (p: { address: string }) => `the guest touched ${p.address}, which it never mapped`,
    (p) => `客户机访问了从未映射的地址 ${p.address}`,
  ),
};

export type PagingProblem = MessageOf<typeof pagingProblemWordings>;
