/**
 * Chapter 5: the references of one TLB-miss walk and which of shadow and nested paging wins a
 * workload (answered by lib/paging's machine), and pre-copy rounds for a dirty rate and a link
 * (answered by lib/migration's model).
 */
import {
  DEFAULT_PAGING_COST_MODEL, DEFAULT_PAGING_LAB_SETUP, PAGING_WORKLOAD_IDS, comparePagingModes, encodePagingLabHash, measureWalk,
  pagingCycles, pagingWorkloadWordings,
} from '../paging/index.ts';
import type { PagingCostModel, PagingRunSummary, PagingWorkloadId } from '../paging/index.ts';
import { PAGES_PER_MIB, QEMU_DOWNTIME_LIMIT_SECONDS, XEN_MAX_ITERATIONS, simulatePreCopy } from '../migration/index.ts';
import { messageText } from '../book/localized-text.ts';
import type { LocalizedText } from '../book/localized-text.ts';
import { defineExercise } from './exercise.ts';
import { localizedText } from '../book/localized-text.ts';

const sizeWords = (large: boolean, en: [string, string], zh: [string, string]): LocalizedText =>
  localizedText(large ? en[1] : en[0], large ? zh[1] : zh[0]);

export const pagingWalk = defineExercise({
  id: 'paging-walk',
  chapter: 'memory-and-devices',
  title: localizedText('References per TLB miss', '一次 TLB 未命中要访问几次内存'),
  summary: localizedText(
    'Count the memory references of one TLB-miss walk under nested paging, for given guest and host levels and page sizes.',
    '给定客户机与宿主机页表的级数和页大小，数出嵌套分页下一次 TLB 未命中的页表遍历要访问几次内存。',
  ),
  versions: [1],
  generate(random) {
    const guestLevels = random.int(2, 5);
    const hostLevels = random.int(2, 5);
    const guestLargePage = random.next() < 0.4;
    const hostLargePages = random.next() < 0.4;
    const sizes = { guestLargePage, hostLargePages };
    const nested = measureWalk('nested', guestLevels, hostLevels, sizes);
    const shadow = measureWalk('shadow', guestLevels, hostLevels, sizes);
    const guestReads = nested.filter((r) => r.table === 'guest').length;
    const hostWalk = nested.filter((r) => r.table === 'host' && r.guestLevel === 0).length;
    const guestPage = sizeWords(guestLargePage, ['a 4 KiB page', 'a large page (a level-2 entry)'], ['4 KiB 的页', '大页（由第 2 级表项映射）']);
    const hostPage = sizeWords(hostLargePages, ['4 KiB pages', 'large pages (level-2 entries)'], ['4 KiB 的页', '大页（由第 2 级表项映射）']);
    return {
      prompt: localizedText(
        `A guest with ${guestLevels}-level page tables runs under nested paging (EPT/NPT) with ${hostLevels}-level host tables. ` +
          `The guest maps the data with ${guestPage.en}; the host backs guest memory with ${hostPage.en}. ` +
          'The TLB and every page-walk cache are empty. How many memory references does the hardware make to translate the address (not counting the data access itself)?',
        `客户机使用 ${guestLevels} 级页表，在嵌套分页（EPT/NPT）下运行，宿主机的表有 ${hostLevels} 级。` +
          `客户机用${guestPage['zh-CN']}映射这份数据；宿主机用${hostPage['zh-CN']}承载客户机内存。` +
          'TLB 和所有页表遍历缓存都是空的。为了翻译这个地址，硬件要访问多少次内存（不算对数据本身的那次访问）？',
      ),
      answerKind: 'number',
      answerFormat: localizedText('one integer', '一个整数'),
      answer: String(nested.length),
      hint: localizedText(
        'Every guest page-table entry the guest walk reads sits at a guest-physical address, which needs a whole host walk first; so does the final guest-physical address. A large page ends its walk one level early.',
        '客户机遍历读到的每个页表项都位于一个客户机物理地址上，读它之前先要走一遍完整的宿主机页表；最后得到的客户机物理地址也一样。大页会让所在那一维的遍历提前一级结束。',
      ),
      explanation: localizedText(
        `The guest walk reads ${guestReads} guest entries; before each, the host walk translates the entry's guest-physical address in ${hostWalk} references; ` +
          `then the data's guest-physical address takes one more host walk of ${hostWalk}. Total ${guestReads} × (${hostWalk} + 1) + ${hostWalk} = ${nested.length} ` +
          `(the closed form (G+1)(H+1) − 1 with G = ${guestReads} and H = ${hostWalk} walked levels). Shadow paging would walk ${shadow.length} shadow entries. Step the walk in the paging lab to see each reference.`,
        `客户机遍历要读 ${guestReads} 个客户机页表项；每读一个之前，宿主机遍历先用 ${hostWalk} 次访问翻译该表项的客户机物理地址；` +
          `最后，数据的客户机物理地址还要再走一遍 ${hostWalk} 次访问的宿主机遍历。合计 ${guestReads} × (${hostWalk} + 1) + ${hostWalk} = ${nested.length}` +
          `（即闭式 (G+1)(H+1) − 1，其中实际遍历的级数 G = ${guestReads}，H = ${hostWalk}）。换成影子页表，硬件只需遍历 ${shadow.length} 个影子表项。可以在分页实验里单步查看每一次访问。`,
      ),
      labLink: { lab: 'paging-lab', hash: encodePagingLabHash({ ...DEFAULT_PAGING_LAB_SETUP, guestLevels, hostLevels, guestLargePage, hostLargePages }) },
    };
  },
});

/** Each workload's counts, run once: the cost model only prices them, so any cost model reprices the same runs. */
const runsByWorkload = new Map<PagingWorkloadId, Record<'shadow' | 'nested', PagingRunSummary>>();
function runsOf(workload: PagingWorkloadId): Record<'shadow' | 'nested', PagingRunSummary> {
  let runs = runsByWorkload.get(workload);
  if (!runs) {
    const all = comparePagingModes(workload);
    runs = { shadow: all.shadow, nested: all.nested };
    runsByWorkload.set(workload, runs);
  }
  return runs;
}

const priced = (run: PagingRunSummary, cost: PagingCostModel) => pagingCycles({ ...run.counters, exits: run.exits }, cost);

export const pagingWinner = defineExercise({
  id: 'paging-winner',
  chapter: 'memory-and-devices',
  title: localizedText('Shadow or nested paging?', '影子页表还是嵌套分页？'),
  summary: localizedText(
    'Predict whether shadow or nested paging runs a workload in fewer cycles under a given cost model.',
    '给定代价模型，判断某个负载在影子页表和嵌套分页下哪一种用的周期更少。',
  ),
  versions: [1],
  generate(random) {
    const workload = random.pick(PAGING_WORKLOAD_IDS);
    const costModel: PagingCostModel = {
      ...DEFAULT_PAGING_COST_MODEL,
      vmExit: random.pick([100, 300, 1200, 3000]),
      walkReference: random.pick([5, 20, 60]),
    };
    const runs = runsOf(workload);
    const shadowCycles = priced(runs.shadow, costModel);
    const nestedCycles = priced(runs.nested, costModel);
    const winner = shadowCycles <= nestedCycles ? 'A' : 'B';
    const name = messageText(pagingWorkloadWordings, { code: workload });
    const costs = localizedText(
      `a VM exit costs ${costModel.vmExit} cycles (plus ${costModel.monitorWork} for the monitor's work), one page-walk reference ${costModel.walkReference}, a TLB hit ${costModel.tlbHit}`,
      `一次 VM exit 花 ${costModel.vmExit} 个周期（监控器的处理另加 ${costModel.monitorWork}），页表遍历的一次内存访问花 ${costModel.walkReference}，一次 TLB 命中花 ${costModel.tlbHit}`,
    );
    const line = (mode: 'shadow' | 'nested', lang: 'en' | 'zh-CN') => {
      const r = runs[mode];
      const cycles = priced(r, costModel);
      return lang === 'en'
        ? `${mode} paging: ${r.counters.tlbMisses} TLB misses, ${r.counters.walkReferences + r.counters.monitorReferences} walk references, ${r.exits} VM exits → ${cycles} cycles`
        : `${mode === 'shadow' ? '影子页表' : '嵌套分页'}：TLB 未命中 ${r.counters.tlbMisses} 次，页表遍历访问内存 ${r.counters.walkReferences + r.counters.monitorReferences} 次，VM exit ${r.exits} 次 → ${cycles} 个周期`;
    };
    return {
      prompt: localizedText(
        `In the paging lab, the workload "${name.en}" runs on a 4-level guest under 4-level host tables, with the lab's default TLB and caches. ` +
          `Suppose ${costs.en}. Which runs the workload in fewer cycles?`,
        `在分页实验里，负载“${name['zh-CN']}”运行在 4 级页表的客户机上，宿主机页表也是 4 级，TLB 和各级缓存取实验的默认值。` +
          `假设${costs['zh-CN']}。哪一种方式运行这个负载用的周期更少？`,
      ),
      answerKind: 'choice',
      choices: [
        { key: 'A', label: localizedText('shadow paging', '影子页表') },
        { key: 'B', label: localizedText('nested paging (EPT/NPT)', '嵌套分页（EPT/NPT）') },
      ],
      answerFormat: localizedText('A or B', 'A 或 B'),
      answer: winner,
      hint: localizedText(
        'Shadow paging pays VM exits when the guest switches address spaces or writes its page tables; nested paging pays a longer walk on every TLB miss. Which does this workload do more of?',
        '影子页表在客户机切换地址空间或改写页表时付出 VM exit 的代价；嵌套分页在每次 TLB 未命中时付出更长的遍历。这个负载哪一样做得多？',
      ),
      explanation: localizedText(
        `${line('shadow', 'en')}; ${line('nested', 'en')}. ${winner === 'A' ? 'Shadow paging' : 'Nested paging'} wins.`,
        `${line('shadow', 'zh-CN')}；${line('nested', 'zh-CN')}。${winner === 'A' ? '影子页表' : '嵌套分页'}胜出。`,
      ),
      labLink: { lab: 'paging-lab', hash: encodePagingLabHash({ ...DEFAULT_PAGING_LAB_SETUP, workload, costModel }) },
    };
  },
});

export const migrationPreCopy = defineExercise({
  id: 'migration-precopy',
  chapter: 'memory-and-devices',
  title: localizedText('Pre-copy rounds', '预拷贝的轮数'),
  summary: localizedText(
    'Count the pre-copy rounds of a live migration for a given memory size, dirty rate and bandwidth.',
    '给定内存大小、脏页速率和带宽，算出一次热迁移的预拷贝要进行几轮。',
  ),
  versions: [1],
  generate(random) {
    const memoryMiB = random.pick([512, 1024, 2048, 4096]);
    const bandwidthMiB = random.pick([64, 128, 256, 512]);
    const dirtyMiB = bandwidthMiB * random.pick([0.0625, 0.125, 0.25, 0.5, 0.75, 1.25]);
    const result = simulatePreCopy({
      memoryPages: memoryMiB * PAGES_PER_MIB,
      dirtiedPages: (seconds) => dirtyMiB * PAGES_PER_MIB * seconds,
      bandwidthPagesPerSecond: bandwidthMiB * PAGES_PER_MIB,
      downtimeLimitSeconds: QEMU_DOWNTIME_LIMIT_SECONDS,
      maxRounds: XEN_MAX_ITERATIONS,
    });
    const mib = (pages: number) => +(pages / PAGES_PER_MIB).toFixed(2);
    const ms = (seconds: number) => Math.round(seconds * 1000);
    const limitMs = ms(QEMU_DOWNTIME_LIMIT_SECONDS);
    const rounds = result.rounds.map((r) => ({ n: r.round, mib: mib(r.pagesSent), s: +r.seconds.toFixed(3) }));
    const endings: Record<typeof result.ending, LocalizedText> = {
      converged: localizedText(
        `what is left (${mib(result.finalPages)} MiB) can be sent within ${limitMs} ms, so the guest stops`,
        `剩下的 ${mib(result.finalPages)} MiB 能在 ${limitMs} ms 内发完，于是暂停客户机`,
      ),
      'not-shrinking': localizedText(
        `as much was dirtied during the round as it sent (the guest dirties memory as fast as the link sends it), so iterating gives up and the guest stops with ${mib(result.finalPages)} MiB left`,
        `这一轮期间弄脏的不比这一轮发送的少（客户机弄脏内存的速度赶上了链路发送的速度），于是放弃迭代，带着剩下的 ${mib(result.finalPages)} MiB 暂停客户机`,
      ),
      'round-limit': localizedText(
        `the round limit (${XEN_MAX_ITERATIONS}) is reached, so the guest stops with ${mib(result.finalPages)} MiB left`,
        `达到了轮数上限（${XEN_MAX_ITERATIONS}），于是带着剩下的 ${mib(result.finalPages)} MiB 暂停客户机`,
      ),
    };
    const ending = endings[result.ending];
    return {
      prompt: localizedText(
        `A VM with ${memoryMiB} MiB of memory is live-migrated by pre-copy over a link of ${bandwidthMiB} MiB/s while it dirties ${dirtyMiB} MiB/s of pages it has not dirtied before. ` +
          `Round 1 sends all of memory; each later round resends what was dirtied during the round before. Iterating stops after a round when what was dirtied during it could be sent within ${limitMs} ms (QEMU's default downtime limit), ` +
          `or (from round 2 on) when what was dirtied during it is at least as much as it sent, or after round ${XEN_MAX_ITERATIONS}; then the guest stops and the rest is sent. How many pre-copy rounds run while the guest is running?`,
        `一台内存为 ${memoryMiB} MiB 的虚拟机通过 ${bandwidthMiB} MiB/s 的链路做预拷贝热迁移，迁移期间它每秒弄脏 ${dirtyMiB} MiB 此前没有脏过的页。` +
          `第 1 轮发送全部内存；之后每一轮重发上一轮期间被弄脏的页。一轮结束时，如果这一轮期间弄脏的页能在 ${limitMs} ms（QEMU 默认的停机时间上限）内发完，` +
          `或者（从第 2 轮起）这一轮期间弄脏的不比这一轮发送的少，或者这已是第 ${XEN_MAX_ITERATIONS} 轮，就停止迭代，暂停客户机，把剩下的发完。客户机运行期间一共进行几轮预拷贝？`,
      ),
      answerKind: 'number',
      answerFormat: localizedText('one integer', '一个整数'),
      answer: String(result.rounds.length),
      hint: localizedText(
        'A round that takes t seconds leaves dirty-rate × t to send next. Each round is shorter than the last by the ratio of the dirty rate to the bandwidth, unless that ratio is 1 or more.',
        '一轮用时 t 秒，就给下一轮留下“脏页速率 × t”的数据。只要脏页速率与带宽之比小于 1，每一轮都比上一轮短这个比例。',
      ),
      explanation: localizedText(
        rounds.map((r) => `round ${r.n}: ${r.mib} MiB in ${r.s} s`).join('; ') +
          `. After round ${rounds.length}, ${ending.en}: ${rounds.length} rounds, a downtime of about ${ms(result.downtimeSeconds)} ms, ${+result.totalSeconds.toFixed(2)} s in all.`,
        rounds.map((r) => `第 ${r.n} 轮：${r.mib} MiB，用时 ${r.s} 秒`).join('；') +
          `。第 ${rounds.length} 轮之后，${ending['zh-CN']}：共 ${rounds.length} 轮，停机约 ${ms(result.downtimeSeconds)} ms，总计 ${+result.totalSeconds.toFixed(2)} 秒。`,
      ),
    };
  },
});
