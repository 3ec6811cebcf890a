// Running a workload under a strategy, checking it against bare metal, and comparing strategies.

import { assembleProgram } from './assembler.ts';
import type { AssemblyError, Program } from './assembler.ts';
import { DEFAULT_COST_MODEL } from './cost-model.ts';
import type { CostModel } from './cost-model.ts';
import type { Opcode } from './isa.ts';
import { DEFAULT_VMCS_CONTROLS, STRATEGY_IDS, TrapMachine } from './trap-machine.ts';
import type { Counters, HaltState, MachineEvent, StrategyId, VmcsControls } from './trap-machine.ts';
import { DEFAULT_WORKLOAD_SETTINGS, PV_BATCH_SIZES, countChangedLines, getWorkload } from './workloads.ts';
import type { WorkloadId, WorkloadSettings } from './workloads.ts';
import type { RunDifference, TrapFault } from './trap-codes.ts';

export interface RunOptions {
  readonly cost: CostModel;
  readonly vmcs: VmcsControls;
  readonly trappingSensitive: readonly Opcode[];
  readonly workloadSettings: WorkloadSettings;
  readonly maxSteps: number;
}

export const DEFAULT_RUN_OPTIONS: RunOptions = {
  cost: DEFAULT_COST_MODEL,
  vmcs: DEFAULT_VMCS_CONTROLS,
  trappingSensitive: [],
  workloadSettings: DEFAULT_WORKLOAD_SETTINGS,
  maxSteps: 100_000,
};

export interface LabRunError {
  readonly workload: WorkloadId;
  readonly errors: readonly AssemblyError[];
}

/** The program a strategy runs: the para-virtual kernel under para-virtualization, the unmodified one otherwise. */
export function workloadProgram(
  workload: WorkloadId,
  strategy: StrategyId,
  settings: WorkloadSettings = DEFAULT_WORKLOAD_SETTINGS,
): { ok: true; program: Program } | { ok: false; error: LabRunError } {
  const w = getWorkload(workload);
  const batch = PV_BATCH_SIZES.includes(settings.pvBatchSize) ? settings : DEFAULT_WORKLOAD_SETTINGS;
  const source = strategy === 'paravirtualization' ? w.paravirtualSource(batch) : w.nativeSource(batch);
  const result = assembleProgram(source);
  if (!result.ok) return { ok: false, error: { workload, errors: result.errors } };
  return { ok: true, program: result.program };
}

/** A machine ready to step, for the lab. */
export function createMachine(
  workload: WorkloadId,
  strategy: StrategyId,
  options: Partial<RunOptions> = {},
): TrapMachine | LabRunError {
  const o = { ...DEFAULT_RUN_OPTIONS, ...options };
  const built = workloadProgram(workload, strategy, o.workloadSettings);
  if (!built.ok) return built.error;
  return new TrapMachine(built.program, {
    strategy,
    cost: o.cost,
    vmcs: o.vmcs,
    trappingSensitive: o.trappingSensitive,
  });
}

export interface RunReport {
  readonly workload: WorkloadId;
  readonly strategy: StrategyId;
  readonly halt: HaltState;
  readonly console: readonly number[];
  readonly disk: readonly number[];
  readonly diskCommits: number;
  readonly counters: Readonly<Counters>;
  /** Did the guest end exactly as it does on bare metal (console, disk)? */
  readonly equivalent: boolean;
  /** How the run differs from bare metal (empty when equivalent), as codes: runDifferenceWordings words them. */
  readonly differences: readonly RunDifference[];
  /** Did the monitor keep control of the processor and the devices? */
  readonly resourceControl: boolean;
  readonly violations: readonly MachineEvent[];
  /** Lines of kernel source the strategy needed changed (para-virtualization only). */
  readonly kernelLinesChanged: number;
  /** Cycles relative to bare metal (1 = as fast). */
  readonly slowdown: number;
}

interface RawRun {
  halt: HaltState;
  console: readonly number[];
  disk: readonly number[];
  diskCommits: number;
  counters: Readonly<Counters>;
  violations: MachineEvent[];
}

function runRaw(workload: WorkloadId, strategy: StrategyId, options: RunOptions): RawRun | LabRunError {
  const machine = createMachine(workload, strategy, options);
  if (!(machine instanceof TrapMachine)) return machine;
  const violations: MachineEvent[] = [];
  let halt = machine.halted;
  for (let i = 0; i < options.maxSteps && !halt; i++) {
    const record = machine.step();
    if (record) for (const e of record.events) if (e.kind === 'violation') violations.push(e);
    halt = machine.halted;
  }
  const finalHalt = halt ?? machine.run(0);
  const s = machine.snapshot();
  return { halt: finalHalt, console: s.console, disk: s.disk, diskCommits: s.diskCommits, counters: s.counters, violations };
}

/** The fault alone (its code and params) of a halt that carries one, without where it stopped. */
function trapFaultOf(halt: TrapFault): TrapFault {
  return { code: halt.code, params: halt.params } as TrapFault;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Run a workload under a strategy and compare the outcome with bare metal. */
export function runWorkload(
  workload: WorkloadId,
  strategy: StrategyId,
  options: Partial<RunOptions> = {},
): RunReport | LabRunError {
  const o = { ...DEFAULT_RUN_OPTIONS, ...options };
  const reference = runRaw(workload, 'bare-metal', o);
  if ('errors' in reference) return reference;
  const run = strategy === 'bare-metal' ? reference : runRaw(workload, strategy, o);
  if ('errors' in run) return run;
  const differences: RunDifference[] = [];
  const outputs = getWorkload(workload).consoleOutputs;
  if (run.halt.reason !== 'halted') {
    differences.push(run.halt.reason === 'fault' ? trapFaultOf(run.halt) : { code: 'didNotFinish' });
  }
  if (!sameNumbers(run.console, reference.console)) {
    const parts = outputs.flatMap((output, i): RunDifference[] => {
      const got = run.console[i] ?? null;
      const want = reference.console[i] ?? null;
      return got === want ? [] : [{ code: 'consoleValue', params: { output, got, want } }];
    });
    differences.push(...(parts.length > 0 ? parts : [{ code: 'consoleDiffers' } as const]));
  }
  if (!sameNumbers(run.disk, reference.disk) || run.diskCommits !== reference.diskCommits) {
    differences.push({ code: 'diskDiffers' });
  }
  const w = getWorkload(workload);
  const batch = PV_BATCH_SIZES.includes(o.workloadSettings.pvBatchSize) ? o.workloadSettings : DEFAULT_WORKLOAD_SETTINGS;
  return {
    workload,
    strategy,
    halt: run.halt,
    console: run.console,
    disk: run.disk,
    diskCommits: run.diskCommits,
    counters: run.counters,
    equivalent: differences.length === 0,
    differences,
    resourceControl: run.violations.length === 0,
    violations: run.violations,
    kernelLinesChanged: strategy === 'paravirtualization' ? countChangedLines(w.nativeSource(batch), w.paravirtualSource(batch)) : 0,
    slowdown: reference.counters.cycles > 0 ? run.counters.cycles / reference.counters.cycles : 1,
  };
}

/** One row per strategy, bare metal first: the lab's comparison table. */
export function compareStrategies(workload: WorkloadId, options: Partial<RunOptions> = {}): RunReport[] | LabRunError {
  const rows: RunReport[] = [];
  for (const strategy of ['bare-metal', ...STRATEGY_IDS] as StrategyId[]) {
    const report = runWorkload(workload, strategy, options);
    if ('errors' in report) return report;
    rows.push(report);
  }
  return rows;
}
