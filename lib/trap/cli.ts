// The trap lab from a terminal:
//
//   npm run trap -- [workload…] [--cost trap=800] [--pv-batch 16] [--trap POPF] [--no-exit ioExiting]
//   npm run trap -- --source timer [--paravirtual]
//   npm run trap -- timer --lang zh-CN    the table and the errors in the words of the Chinese edition
//
// Prints, per workload, the comparison of the four strategies with bare metal as a Markdown table.
// Exit status: 0 done, 1 a workload failed to assemble, 2 usage error (one line; --help lists the options).

import {
  COST_MODEL_KEYS, DEFAULT_COST_MODEL, DEFAULT_VMCS_CONTROLS, PV_BATCH_SIZES, SENSITIVE_UNPRIVILEGED,
  VMCS_CONTROL_KEYS, WORKLOAD_IDS, compareStrategies, getWorkload, isWorkloadId,
} from './index.ts';
import type { CostModel, Opcode, VmcsControls, WorkloadId } from './index.ts';
import { formatComparisonTable } from './format-comparison-table.ts';
import { bookLocales, wordMessage } from '../book/localized-text.ts';
import type { BookLocale } from '../book/localized-text.ts';
import { assemblyErrorWordings } from './assembler.ts';
import {
  CommandLineError, isEntryPoint, listOfChoices, parseCommandLine, quoted, runCommandLineTool,
  type CommandLineSpec, type CommandOutput,
} from '../book/command-line.ts';

/** The lab's own limit on a cost, in cycles (normalizeCostModel keeps the same range). */
const MAX_CYCLES = 1_000_000;

export const trapCommandLine = {
  name: 'trap',
  usageExitCode: 2,
  usage: `usage: npm run trap -- [workload…] [options]     compare the strategies (default: every workload)
       npm run trap -- --source WORKLOAD [--paravirtual] [--pv-batch N]   print a workload's program
workloads: ${WORKLOAD_IDS.join(', ')}`,
  options: {
    cost: {
      type: 'text',
      multiple: true,
      value: 'KEY=CYCLES',
      help: `set one cost (repeatable); keys: ${COST_MODEL_KEYS.join(', ')}; cycles 0 to ${MAX_CYCLES}`,
      check: (pair) => {
        const m = /^([A-Za-z]+)=(\d+)$/.exec(pair);
        return m && COST_MODEL_KEYS.includes(m[1] as keyof CostModel) && Number(m[2]) <= MAX_CYCLES
          ? undefined
          : `KEY=CYCLES with KEY one of ${COST_MODEL_KEYS.join(', ')} and CYCLES a whole number from 0 to ${MAX_CYCLES}`;
      },
    },
    'pv-batch': { type: 'choice', choices: PV_BATCH_SIZES.map(String), value: 'N', help: 'words per para-virtual disk hypercall (default 8)' },
    trap: {
      type: 'text',
      multiple: true,
      value: 'OPCODE',
      help: `make a sensitive unprivileged instruction trap (repeatable): ${SENSITIVE_UNPRIVILEGED.join(', ')}`,
      check: (op) => (SENSITIVE_UNPRIVILEGED.includes(op.toUpperCase() as Opcode) ? undefined : listOfChoices(SENSITIVE_UNPRIVILEGED)),
    },
    'no-exit': {
      type: 'text',
      multiple: true,
      value: 'CONTROL',
      help: `turn off one VM-exit control (repeatable): ${VMCS_CONTROL_KEYS.join(', ')}`,
      check: (key) => (VMCS_CONTROL_KEYS.includes(key as keyof VmcsControls) ? undefined : listOfChoices(VMCS_CONTROL_KEYS)),
    },
    source: { type: 'choice', choices: WORKLOAD_IDS, value: 'WORKLOAD', help: "print a workload's program instead of the comparison" },
    paravirtual: { type: 'flag', help: 'with --source: the para-virtual version of the program' },
    lang: { type: 'choice', choices: bookLocales, help: 'the language of the table and of error messages (default en)' },
  },
} as const satisfies CommandLineSpec;

function usageError(message: string): never {
  throw new CommandLineError(message, 2);
}

/** The whole CLI: arguments in, exit status out (argument mistakes are thrown as CommandLineError). */
export function trapMain(argv: string[], io: CommandOutput): number {
  const { options, positionals } = parseCommandLine(trapCommandLine, argv);
  const workloads: WorkloadId[] = [];
  for (const name of positionals) {
    if (!isWorkloadId(name)) usageError(`unknown workload ${quoted(name)} (workloads: ${WORKLOAD_IDS.join(', ')})`);
    if (workloads.includes(name as WorkloadId)) usageError(`workload ${name} is given twice`);
    workloads.push(name as WorkloadId);
  }
  const cost: Record<string, number> = { ...DEFAULT_COST_MODEL };
  const setCosts = new Set<string>();
  for (const pair of options.cost) {
    const [key, cycles] = pair.split('=') as [string, string];
    if (setCosts.has(key)) usageError(`--cost ${key} is given twice`);
    setCosts.add(key);
    cost[key] = Number(cycles);
  }
  const vmcs: Record<string, boolean> = { ...DEFAULT_VMCS_CONTROLS };
  for (const key of options['no-exit']) vmcs[key] = false;
  const trapping = [...new Set(options.trap.map((op) => op.toUpperCase() as Opcode))];
  const pvBatchSize = Number(options['pv-batch'] ?? 8);
  const lang: BookLocale = options.lang ?? 'en';

  if (options.source !== undefined) {
    if (workloads.length > 0) usageError('--source shows one workload; give no other workload with it');
    const stray = options.cost.length > 0 ? 'cost' : options.trap.length > 0 ? 'trap' : options['no-exit'].length > 0 ? 'no-exit' : undefined;
    if (stray) usageError(`--${stray} does not change a workload's program; leave it out with --source`);
    const w = getWorkload(options.source);
    io.out(options.paravirtual ? w.paravirtualSource({ pvBatchSize }) : w.nativeSource({ pvBatchSize }));
    return 0;
  }
  if (options.paravirtual) usageError('--paravirtual applies to --source (the comparison always shows the para-virtual run)');
  for (const workload of workloads.length > 0 ? workloads : WORKLOAD_IDS) {
    const rows = compareStrategies(workload, {
      cost: cost as unknown as CostModel,
      vmcs: vmcs as unknown as VmcsControls,
      trappingSensitive: trapping,
      workloadSettings: { pvBatchSize },
    });
    if (!Array.isArray(rows)) {
      for (const e of rows.errors) io.err(`${workload}:${e.line}:${e.column}: ${wordMessage(assemblyErrorWordings, e, lang)}\n`);
      return 1;
    }
    io.out(`\n### ${workload}\n\n${formatComparisonTable(rows, lang)}\n`);
  }
  return 0;
}

if (isEntryPoint(import.meta.url)) runCommandLineTool(trapCommandLine, trapMain);
