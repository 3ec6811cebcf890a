// npm run paging -- <command> …   (the same engine the paging lab runs)
//
//   walk --guest-levels G --host-levels H   the memory references of one TLB-miss walk under
//                                           nested paging and under shadow paging (G, H: 1 to 5)
//   compare --workload W                    native, shadow and nested paging side by side
//            [--cost key=cycles …] [--tlb N] [--untagged] [--walk-cache N] [--nested-tlb N]
//   --lang en|zh-CN                         the words in English or Chinese
//   --help                                  this text

import { parseArgs } from 'node:util';
import { isBookLocale, wordMessage } from '../book/localized-text.ts';
import type { BookLocale } from '../book/localized-text.ts';
import {
  DEFAULT_PAGING_COST_MODEL, EXIT_REASONS, MAX_PAGING_COST, PAGING_COST_KEYS, PAGING_MODES, PAGING_WORKLOAD_IDS,
  comparePagingModes, exitReasonWordings, fasterVirtualizedMode, isPagingWorkloadId, measureWalk, nestedWalkReferences,
  pagingModeWordings, pagingProblemWordings, pagingWorkloadWordings, shadowWalkReferences,
} from './index.ts';
import type { PagingCostModel, PagingProblem, PagingRunOptions, WalkReference } from './index.ts';

const USAGE = `usage: npm run paging -- walk --guest-levels G --host-levels H
       npm run paging -- compare --workload W [--cost key=cycles …] [--tlb N] [--untagged] [--walk-cache N] [--nested-tlb N]
workloads: ${PAGING_WORKLOAD_IDS.join(', ')}
costs: ${PAGING_COST_KEYS.map((k) => `${k}=${DEFAULT_PAGING_COST_MODEL[k]}`).join(' ')}
options: --lang en|zh-CN, --help`;

class UsageError extends Error {}

function problem(p: PagingProblem, lang: BookLocale): never {
  throw new UsageError(wordMessage(pagingProblemWordings, p, lang));
}

function levels(value: string | undefined, what: 'guest' | 'host', lang: BookLocale): number {
  const text = value ?? '';
  if (!/^[1-5]$/.test(text)) problem({ code: 'levelsOutOfRange', params: { what, value: text } }, lang);
  return Number(text);
}

function count(value: string | undefined, name: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > max) throw new UsageError(`--${name} must be a whole number from 0 to ${max} (it is "${value}")`);
  return Number(value);
}

function describeReference(ref: WalkReference): string {
  const where = ref.table === 'host' ? `host L${ref.hostLevel} for guest ${ref.guestLevel ? `L${ref.guestLevel}` : 'data'}` : `${ref.table} L${ref.guestLevel}`;
  const guestPhysical = ref.guestPhysical === undefined ? '' : ` (guest-physical 0x${ref.guestPhysical.toString(16)})`;
  return `  ${where.padEnd(24)} 0x${ref.address.toString(16)}${guestPhysical}`;
}

export function runPagingCli(argv: readonly string[]): { out: string; code: number } {
  let lang: BookLocale = 'en';
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'guest-levels': { type: 'string' },
        'host-levels': { type: 'string' },
        workload: { type: 'string' },
        cost: { type: 'string', multiple: true },
        tlb: { type: 'string' },
        untagged: { type: 'boolean' },
        'walk-cache': { type: 'string' },
        'nested-tlb': { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
    if (values.lang !== undefined) {
      if (!isBookLocale(values.lang)) throw new UsageError(`--lang takes en or zh-CN (it is "${values.lang}")`);
      lang = values.lang;
    }
    if (values.help) return { out: USAGE, code: 0 };
    const [command, ...rest] = positionals;
    if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
    if (command === 'walk') {
      const g = levels(values['guest-levels'], 'guest', lang);
      const h = levels(values['host-levels'], 'host', lang);
      const nested = measureWalk('nested', g, h);
      const shadow = measureWalk('shadow', g, h);
      const lines = [
        `nested: ${nested.length} references (G(H+1)+H = ${nestedWalkReferences(g, h)})`,
        ...nested.map(describeReference),
        `shadow: ${shadow.length} references (G = ${shadowWalkReferences(g)})`,
        ...shadow.map(describeReference),
      ];
      return { out: lines.join('\n'), code: 0 };
    }
    if (command === 'compare') {
      const workload = values.workload ?? '';
      if (!isPagingWorkloadId(workload)) problem({ code: 'unknownWorkload', params: { value: workload, known: PAGING_WORKLOAD_IDS.join(', ') } }, lang);
      const costModel: Record<string, number> = { ...DEFAULT_PAGING_COST_MODEL };
      for (const item of values.cost ?? []) {
        const match = /^([A-Za-z]+)=(.*)$/.exec(item);
        const key = match?.[1] ?? item;
        if (!(PAGING_COST_KEYS as readonly string[]).includes(key)) problem({ code: 'unknownCost', params: { key, known: PAGING_COST_KEYS.join(', ') } }, lang);
        const value = match?.[2] ?? '';
        if (!/^\d+$/.test(value) || Number(value) > MAX_PAGING_COST) problem({ code: 'costOutOfRange', params: { key, value, max: MAX_PAGING_COST } }, lang);
        costModel[key] = Number(value);
      }
      const options: PagingRunOptions = {
        costModel: costModel as unknown as PagingCostModel,
        ...(values.tlb === undefined ? {} : { tlbEntries: count(values.tlb, 'tlb', 65_536) }),
        ...(values.untagged ? { tlbTagged: false } : {}),
        ...(values['walk-cache'] === undefined ? {} : { pageWalkCacheEntries: count(values['walk-cache'], 'walk-cache', 4096) }),
        ...(values['nested-tlb'] === undefined ? {} : { nestedTlbEntries: count(values['nested-tlb'], 'nested-tlb', 65_536) }),
      };
      const results = comparePagingModes(workload, options);
      const rows = PAGING_MODES.map((mode) => {
        const r = results[mode];
        const exits = EXIT_REASONS.filter((e) => r.counters.exits[e]).map((e) => `${e} ${r.counters.exits[e]}`).join(', ') || '0';
        return `| ${wordMessage(pagingModeWordings, { code: mode }, lang)} | ${r.counters.accesses} | ${r.counters.tlbMisses} | ${r.referencesPerAccess.toFixed(2)} | ${exits} | ${r.cycles} | ${(r.cycles / results.native.cycles).toFixed(2)}× |`;
      });
      const winner = fasterVirtualizedMode(results);
      const head = lang === 'zh-CN'
        ? ['| 方式 | 访问 | TLB 未命中 | 每次访问的内存引用 | VM 退出 | 周期 | 相对原生 |', `更快的虚拟化方式：${wordMessage(pagingModeWordings, { code: winner }, lang)}`]
        : ['| way | accesses | TLB misses | references per access | VM exits | cycles | vs native |', `faster virtualized way: ${wordMessage(pagingModeWordings, { code: winner }, lang)}`];
      const legend = EXIT_REASONS.map((e) => `  ${e}: ${wordMessage(exitReasonWordings, { code: e }, lang)}`);
      return {
        out: [wordMessage(pagingWorkloadWordings, { code: workload }, lang), '', head[0]!, '|---|---:|---:|---:|---|---:|---:|', ...rows, '', head[1]!, ...legend].join('\n'),
        code: 0,
      };
    }
    throw new UsageError(command === undefined ? 'a command is needed: walk or compare' : `unknown command "${command}" (walk or compare)`);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      return { out: `paging: ${(error as Error).message}\n${USAGE}`, code: 2 };
    }
    throw error;
  }
}

if (import.meta.main) {
  const { out, code } = runPagingCli(process.argv.slice(2));
  (code === 0 ? process.stdout : process.stderr).write(out + '\n');
  process.exitCode = code;
}
