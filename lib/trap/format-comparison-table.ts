// The comparison of strategies as a Markdown table, for the CLI and for reports, in the words of a
// locale of the book (strategy names and figures stay as they are).

import { wordMessage, wordings } from '../book/localized-text.ts';
import type { BookLocale, MessageOf } from '../book/localized-text.ts';
import type { RunReport } from './run-workload.ts';
import { runDifferenceWordings } from './trap-wordings.ts';

/** The table's header and its verdict column ("as bare metal"). */
export const comparisonTableWordings = {
  header: wordings(
    () => '| strategy | as bare metal | cycles | slowdown | traps | VM exits | hypercalls | callouts | translated | kernel lines changed |',
    () => '| 策略 | 与裸机一致 | 周期 | 减速 | 陷入 | VM exit | 超级调用 | callout | 已翻译 | 内核改动行数 |',
  ),
  same: wordings(() => 'yes', () => '是'),
  sameLostControl: wordings(() => 'yes, lost control', () => '是，但失去了控制'),
  differs: wordings((p: { differences: string }) => `no: ${p.differences}`, (p) => `否：${p.differences}`),
};

export function formatComparisonTable(rows: readonly RunReport[], locale: BookLocale = 'en'): string {
  const word = (message: MessageOf<typeof comparisonTableWordings>) => wordMessage(comparisonTableWordings, message, locale);
  const rule = '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|';
  const separator = locale === 'zh-CN' ? '；' : '; ';
  const lines = rows.map((r) => {
    const differences = r.differences.map((d) => wordMessage(runDifferenceWordings, d, locale)).join(separator);
    const verdict = r.equivalent ? word({ code: r.resourceControl ? 'same' : 'sameLostControl' }) : word({ code: 'differs', params: { differences } });
    const c = r.counters;
    return `| ${r.strategy} | ${verdict} | ${c.cycles} | ${r.slowdown.toFixed(1)}× | ${c.traps} | ${c.vmExits} | ${c.hypercalls} | ${c.callouts} | ${c.translated} | ${r.kernelLinesChanged} |`;
  });
  return [word({ code: 'header' }), rule, ...lines].join('\n');
}
