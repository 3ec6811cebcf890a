// The comparison of strategies as a Markdown table, for the CLI and for reports.

import type { RunReport } from './run-workload.ts';

export function formatComparisonTable(rows: readonly RunReport[]): string {
  const header = '| strategy | as bare metal | cycles | slowdown | traps | VM exits | hypercalls | callouts | translated | kernel lines changed |';
  const rule = '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|';
  const lines = rows.map((r) => {
    const verdict = r.equivalent ? (r.resourceControl ? 'yes' : 'yes, lost control') : `no: ${r.differences.join('; ')}`;
    const c = r.counters;
    return `| ${r.strategy} | ${verdict} | ${c.cycles} | ${r.slowdown.toFixed(1)}× | ${c.traps} | ${c.vmExits} | ${c.hypercalls} | ${c.callouts} | ${c.translated} | ${r.kernelLinesChanged} |`;
  });
  return [header, rule, ...lines].join('\n');
}
