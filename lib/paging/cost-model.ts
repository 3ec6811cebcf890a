/**
 * What each event costs, in cycles. The numbers are illustrative ratios, like chapter 4's trap lab
 * (whose VM-exit cost this shares), and the reader can change every one: a TLB hit is almost free,
 * a page-walk reference costs about a cache access, a VM exit with the monitor's handling costs
 * hundreds to thousands of cycles (Intel, "Virtualization and Performance: Understanding VM Exits",
 * 2009), and the guest kernel's own page-fault handler costs the same in every mode.
 */
export interface PagingCostModel {
  /** An access whose translation the TLB holds. */
  readonly tlbHit: number;
  /** One memory reference of a page walk, by the hardware or by the monitor in software. */
  readonly walkReference: number;
  /** A VM exit and the VM entry that resumes the guest. */
  readonly vmExit: number;
  /** The monitor's work for one exit (emulate a write, fill a shadow entry, map a host page). */
  readonly monitorWork: number;
  /** The guest kernel's page-fault handler (allocating and mapping a page). */
  readonly guestFaultHandler: number;
}

export const DEFAULT_PAGING_COST_MODEL: PagingCostModel = {
  tlbHit: 1,
  walkReference: 20,
  vmExit: 1200,
  monitorWork: 100,
  guestFaultHandler: 500,
};

export const PAGING_COST_KEYS: readonly (keyof PagingCostModel)[] = ['tlbHit', 'walkReference', 'vmExit', 'monitorWork', 'guestFaultHandler'];

/** The largest cost a reader may set for one event. */
export const MAX_PAGING_COST = 1_000_000;

/** The counts a run produced, priced. */
export interface PricedCounts {
  readonly accesses: number;
  readonly walkReferences: number;
  readonly monitorReferences: number;
  readonly exits: number;
  readonly guestPageFaults: number;
}

export function pagingCycles(counts: PricedCounts, cost: PagingCostModel): number {
  return (
    counts.accesses * cost.tlbHit +
    (counts.walkReferences + counts.monitorReferences) * cost.walkReference +
    counts.exits * (cost.vmExit + cost.monitorWork) +
    counts.guestPageFaults * cost.guestFaultHandler
  );
}
