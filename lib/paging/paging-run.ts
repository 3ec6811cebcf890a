/**
 * A workload running on one paging machine, one guest operation at a time (the lab steps it) or
 * to the end (the comparison table and the CLI).
 */
import { GuestOs } from './guest-os.ts';
import { DEFAULT_PAGING_CONFIG, PagingMachine } from './paging-machine.ts';
import type { PagingConfig, PagingCounters } from './paging-machine.ts';
import { X86_64 } from './page-table-format.ts';
import { pagingCycles } from './cost-model.ts';
import { pagingWorkload } from './paging-workloads.ts';
import type { GuestOperation } from './paging-workloads.ts';
import { EXIT_REASONS, PAGING_MODES } from './paging-wordings.ts';
import type { PagingMode, PagingWorkloadId } from './paging-wordings.ts';

export type PagingRunOptions = Partial<Omit<PagingConfig, 'mode'>>;

export interface PagingRunSummary {
  readonly mode: PagingMode;
  readonly counters: PagingCounters;
  readonly exits: number;
  /** Memory references per access: the data reference plus every walk reference, the monitor's included. */
  readonly referencesPerAccess: number;
  readonly cycles: number;
  readonly cyclesPerAccess: number;
  /** Set when the guest touched memory it never mapped. */
  readonly segmentationFault?: number;
}

export class PagingRun {
  readonly machine: PagingMachine;
  readonly guest: GuestOs;
  private readonly operations: Generator<GuestOperation>;
  segmentationFault: number | undefined;
  finished = false;

  constructor(workloadId: PagingWorkloadId, mode: PagingMode, options: PagingRunOptions = {}) {
    const workload = pagingWorkload(workloadId);
    this.machine = new PagingMachine({
      ...DEFAULT_PAGING_CONFIG,
      guestFormat: X86_64,
      hostFormat: X86_64,
      hostLargePages: workload.hostLargePages,
      ...options,
      mode,
    });
    this.guest = new GuestOs(this.machine);
    this.operations = workload.operations();
  }

  /** Runs the next operation; undefined when the workload is over. */
  step(): GuestOperation | undefined {
    if (this.finished) return undefined;
    const next = this.operations.next();
    if (next.done) {
      this.finished = true;
      return undefined;
    }
    const op = next.value;
    if (op.kind === 'spawn') this.guest.spawn(op.pid, op.regions);
    else if (op.kind === 'switch') this.guest.switchTo(op.pid);
    else if (op.kind === 'exit') this.guest.exit(op.pid);
    else if (op.kind === 'measure') this.machine.resetCounters();
    else {
      const result = this.machine.access(op.address, op.write);
      if (result.kind === 'segmentation-fault') {
        this.segmentationFault = result.address;
        this.finished = true;
      }
    }
    return op;
  }

  runToEnd(): PagingRunSummary {
    while (this.step());
    return this.summary();
  }

  summary(): PagingRunSummary {
    const counters = this.machine.counters;
    const exits = EXIT_REASONS.reduce((sum, r) => sum + counters.exits[r], 0);
    const cycles = pagingCycles({ ...counters, exits }, this.machine.config.costModel);
    const accesses = Math.max(1, counters.accesses);
    return {
      mode: this.machine.config.mode,
      counters: structuredClone(counters),
      exits,
      referencesPerAccess: (counters.accesses + counters.walkReferences + counters.monitorReferences) / accesses,
      cycles,
      cyclesPerAccess: cycles / accesses,
      ...(this.segmentationFault === undefined ? {} : { segmentationFault: this.segmentationFault }),
    };
  }
}

/** The same workload run natively, with shadow paging and with nested paging. */
export function comparePagingModes(workloadId: PagingWorkloadId, options: PagingRunOptions = {}): Record<PagingMode, PagingRunSummary> {
  return Object.fromEntries(PAGING_MODES.map((mode) => [mode, new PagingRun(workloadId, mode, options).runToEnd()])) as Record<PagingMode, PagingRunSummary>;
}

/** The virtualized mode that costs fewer cycles on a workload. */
export function fasterVirtualizedMode(results: Record<PagingMode, PagingRunSummary>): 'shadow' | 'nested' {
  return results.shadow.cycles <= results.nested.cycles ? 'shadow' : 'nested';
}
