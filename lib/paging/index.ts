/**
 * The paging lab's engine: x86-style page tables in guest-physical memory, a TLB and page-walk
 * caches, and one guest run natively, under shadow paging and under nested paging (EPT/NPT), with
 * counters and a cost model. Islands and the CLI import only from here.
 */
export { DEFAULT_PAGING_COST_MODEL, MAX_PAGING_COST, PAGING_COST_KEYS, pagingCycles } from './cost-model.ts';
export type { PagingCostModel } from './cost-model.ts';
export { GuestOs } from './guest-os.ts';
export type { DemandRegion } from './guest-os.ts';
export { PAGE_SIZE, PAGE_TABLE_FORMATS, X86_32, X86_64, X86_64_5_LEVEL, indexAtLevel, pageSizeAtLevel, uniformFormat } from './page-table-format.ts';
export type { PageTableFormat, PageTableFormatId } from './page-table-format.ts';
export { ACCESSED, DIRTY, LARGE_PAGE, PRESENT, USER, WRITABLE, entryAddress, entryFlags, makeEntry } from './page-table-entry.ts';
export { walkPageTables } from './page-walk.ts';
export type { WalkRequest, WalkResult, WalkStep } from './page-walk.ts';
export { DEFAULT_PAGING_CONFIG, PagingMachine } from './paging-machine.ts';
export type { AccessResult, PagingConfig, PagingCounters, WalkReference } from './paging-machine.ts';
export { PagingRun, comparePagingModes, fasterVirtualizedMode } from './paging-run.ts';
export type { PagingRunOptions, PagingRunSummary } from './paging-run.ts';
export { PAGING_WORKLOADS, PAGING_WORKLOAD_IDS, isPagingWorkloadId, pagingWorkload } from './paging-workloads.ts';
export type { GuestOperation, PagingWorkload } from './paging-workloads.ts';
export {
  EXIT_REASONS, PAGING_MODES, exitReasonWordings, pagingModeWordings, pagingProblemWordings, pagingWorkloadWordings,
} from './paging-wordings.ts';
export type { ExitReason, PagingMode, PagingProblem, PagingWorkloadId } from './paging-wordings.ts';
export { measureWalk, nestedWalkReferences, nestedWalkReferencesWith, shadowWalkReferences } from './walk-count.ts';
export type { WalkPageSizes } from './walk-count.ts';
export { DEFAULT_PAGING_LAB_SETUP, PAGING_HASH_KEY, decodePagingLabHash, encodePagingLabHash } from './paging-link.ts';
export type { PagingLabSetup } from './paging-link.ts';
