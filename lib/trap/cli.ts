// The trap lab from a terminal:
//
//   node lib/trap/cli.ts [workload…] [--cost trap=800] [--pv-batch 16] [--trap POPF] [--no-exit ioExiting]
//   node lib/trap/cli.ts --source timer [--paravirtual]
//
// Prints, per workload, the comparison of the four strategies with bare metal as a Markdown table.

import {
  COST_MODEL_KEYS, DEFAULT_COST_MODEL, DEFAULT_VMCS_CONTROLS, PV_BATCH_SIZES, SENSITIVE_UNPRIVILEGED,
  VMCS_CONTROL_KEYS, WORKLOAD_IDS, compareStrategies, getWorkload, isWorkloadId,
} from './index.ts';
import type { CostModel, Opcode, VmcsControls, WorkloadId } from './index.ts';
import { formatComparisonTable } from './format-comparison-table.ts';

function fail(message: string): never {
  console.error(`trap: ${message}`);
  process.exit(2);
}

const args = process.argv.slice(2);
const workloads: WorkloadId[] = [];
const cost: Record<string, number> = { ...DEFAULT_COST_MODEL };
const vmcs: Record<string, boolean> = { ...DEFAULT_VMCS_CONTROLS };
const trapping: Opcode[] = [];
let pvBatchSize = 8;
let showSource: WorkloadId | null = null;
let paravirtual = false;

for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  const value = () => args[++i] ?? fail(`${arg} needs a value`);
  if (arg === '--cost') {
    const [key, n] = value().split('=');
    if (!COST_MODEL_KEYS.includes(key as keyof CostModel) || !/^\d+$/.test(n ?? '')) {
      fail(`--cost wants key=cycles with key one of ${COST_MODEL_KEYS.join(', ')}`);
    }
    cost[key!] = Number(n);
  } else if (arg === '--pv-batch') {
    pvBatchSize = Number(value());
    if (!PV_BATCH_SIZES.includes(pvBatchSize)) fail(`--pv-batch must be one of ${PV_BATCH_SIZES.join(', ')}`);
  } else if (arg === '--trap') {
    const op = value().toUpperCase() as Opcode;
    if (!SENSITIVE_UNPRIVILEGED.includes(op)) fail(`--trap must be one of ${SENSITIVE_UNPRIVILEGED.join(', ')}`);
    trapping.push(op);
  } else if (arg === '--no-exit') {
    const key = value();
    if (!VMCS_CONTROL_KEYS.includes(key as keyof VmcsControls)) fail(`--no-exit must be one of ${VMCS_CONTROL_KEYS.join(', ')}`);
    vmcs[key] = false;
  } else if (arg === '--source') {
    const id = value();
    if (!isWorkloadId(id)) fail(`unknown workload "${id}" (${WORKLOAD_IDS.join(', ')})`);
    showSource = id;
  } else if (arg === '--paravirtual') {
    paravirtual = true;
  } else if (isWorkloadId(arg)) {
    workloads.push(arg);
  } else {
    fail(`unknown argument "${arg}"; workloads are ${WORKLOAD_IDS.join(', ')}`);
  }
}

if (showSource) {
  const w = getWorkload(showSource);
  process.stdout.write(paravirtual ? w.paravirtualSource({ pvBatchSize }) : w.nativeSource({ pvBatchSize }));
} else {
  for (const workload of workloads.length > 0 ? workloads : WORKLOAD_IDS) {
    const rows = compareStrategies(workload, {
      cost: cost as unknown as CostModel,
      vmcs: vmcs as unknown as VmcsControls,
      trappingSensitive: trapping,
      workloadSettings: { pvBatchSize },
    });
    if (!Array.isArray(rows)) {
      for (const e of rows.errors) console.error(`${workload}:${e.line}:${e.column}: ${e.message}`);
      process.exit(1);
    }
    console.log(`\n### ${workload}\n`);
    console.log(formatComparisonTable(rows));
  }
}
