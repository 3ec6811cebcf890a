// The virtio lab from a terminal:
//
//   npm run virtio -- exits [options]             exits per request on every I/O path (the default command)
//   npm run virtio -- trace [options] [--steps N] the ring step by step: who writes what, who notifies whom
//
// Options set the run: --device console|blk, --requests N, --bytes N, --queue-size N, --batch N,
// --budget N, --suppression none|flags|event-idx, --interrupt-every N, --indirect, --apicv,
// --lang en|zh-CN. Exit status: 0 done, 1 the ring stalled or a chain was malformed, 2 usage error.

import {
  DEFAULT_VIRTIO_SCENARIO, IO_COST_METRICS, IO_PATHS, NOTIFICATION_SUPPRESSIONS, VIRTIO_DEVICE_KINDS, VIRTIO_LIMITS, VirtioSession,
  checkScenario, ioCostMetricWordings, ioPathCosts, ioPathWordings, perRequest, suppressionWordings, virtioProblemWordings,
  wordVirtioEvent,
} from './index.ts';
import type { VirtioProblem, VirtioScenario } from './index.ts';
import { bookLocales, wordMessage } from '../book/localized-text.ts';
import type { BookLocale } from '../book/localized-text.ts';
import {
  CommandLineError, isEntryPoint, parseCommandLine, processOutput, quoted, runCommandLineTool, runMain, type CommandLineSpec, type CommandOutput,
} from '../book/command-line.ts';

const COMMANDS = ['exits', 'trace'] as const;
const d = DEFAULT_VIRTIO_SCENARIO;
const L = VIRTIO_LIMITS;

export const virtioCommandLine = {
  name: 'virtio',
  usageExitCode: 2,
  usage: `usage: npm run virtio -- [exits] [options]            exits per request on every I/O path
       npm run virtio -- trace [options] [--steps N]    the virtqueue step by step
defaults: chapter 4's measurement, ${d.requests} console writes of ${d.bytesPerRequest} bytes (256 KiB)`,
  options: {
    device: { type: 'choice', choices: VIRTIO_DEVICE_KINDS, value: 'DEVICE', help: `console or blk (default ${d.device})` },
    requests: { type: 'integer', ...L.requests, help: `requests in the run (default ${d.requests})` },
    bytes: { type: 'integer', ...L.bytesPerRequest, help: `bytes per request (default ${d.bytesPerRequest})` },
    'queue-size': { type: 'integer', min: 1, max: 1024, help: `descriptors in the queue, a power of 2 (default ${d.queueSize})` },
    batch: { type: 'integer', ...L.batch, help: `buffers the driver adds per notification decision (default ${d.batch})` },
    budget: { type: 'integer', ...L.deviceBudget, help: `buffers the device serves each time it runs (default ${d.deviceBudget})` },
    suppression: { type: 'choice', choices: NOTIFICATION_SUPPRESSIONS, value: 'MODE', help: `none, flags or event-idx (default ${d.suppression})` },
    'interrupt-every': { type: 'integer', ...L.interruptEvery, help: 'interrupt coalescing with event-idx: one interrupt per N completions (default 1)' },
    indirect: { type: 'flag', help: 'each request in an indirect descriptor table' },
    apicv: { type: 'flag', help: 'APICv with posted interrupts: no exit to deliver an interrupt or take its EOI' },
    steps: { type: 'integer', min: 1, max: 100_000, help: 'with trace: how many steps to print (default 60)' },
    lang: { type: 'choice', choices: bookLocales, help: 'the language of the output (default en)' },
  },
} as const satisfies CommandLineSpec;

function usageError(message: string): never {
  throw new CommandLineError(message, 2);
}

function problem(p: VirtioProblem, lang: BookLocale): never {
  usageError(wordMessage(virtioProblemWordings, p, lang));
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(2);
}

/** The whole CLI: arguments in, exit status out (argument mistakes are thrown as CommandLineError). */
export function virtioMain(argv: string[], io: CommandOutput): number {
  const { options, positionals } = parseCommandLine(virtioCommandLine, argv);
  const lang: BookLocale = options.lang ?? 'en';
  const [command = 'exits', ...rest] = positionals;
  if (!(COMMANDS as readonly string[]).includes(command)) usageError(`unknown command ${quoted(command)} (exits or trace)`);
  if (rest.length > 0) usageError(`unexpected argument ${quoted(rest[0]!)}`);
  if (options.steps !== undefined && command !== 'trace') usageError('--steps applies to trace');
  const suppression = options.suppression ?? d.suppression;
  if (options['interrupt-every'] !== undefined && options['interrupt-every'] > 1 && suppression !== 'event-idx') problem({ code: 'coalescingNeedsEventIdx' }, lang);
  const scenario: VirtioScenario = {
    device: options.device ?? d.device,
    requests: options.requests ?? d.requests,
    bytesPerRequest: options.bytes ?? d.bytesPerRequest,
    queueSize: options['queue-size'] ?? d.queueSize,
    batch: options.batch ?? d.batch,
    deviceBudget: options.budget ?? d.deviceBudget,
    suppression,
    interruptEvery: options['interrupt-every'] ?? 1,
    indirect: options.indirect,
  };
  const bad = checkScenario(scenario);
  if (bad) problem(bad, lang);
  const zh = lang === 'zh-CN';
  const session = new VirtioSession(scenario);
  if (command === 'trace') {
    const limit = options.steps ?? 60;
    for (let i = 1; i <= limit && !session.done; i++) io.out(`${String(i).padStart(4)}  ${wordVirtioEvent(session.step(), scenario.suppression, lang)}\n`);
    if (!session.done) io.out(zh ? `……（只显示前 ${limit} 步；--steps N 显示更多）\n` : `… (first ${limit} steps; --steps N shows more)\n`);
    const last = session.last;
    return last?.kind === 'stalled' || last?.kind === 'device-error' ? 1 : 0;
  }
  const last = session.run();
  if (last.kind !== 'done') {
    io.err(`virtio: ${wordVirtioEvent(last, scenario.suppression, lang)}\n`);
    return 1;
  }
  const counts = session.totals();
  const hw = { apicv: options.apicv };
  const table = ioPathCosts(scenario.device, counts, scenario.bytesPerRequest, hw);
  const head = IO_COST_METRICS.map((m) => wordMessage(ioCostMetricWordings, { code: m }, lang));
  const lines = [
    zh
      ? `${scenario.requests} 个请求，每个 ${scenario.bytesPerRequest} 字节；${wordMessage(suppressionWordings, { code: scenario.suppression }, lang)}；每批 ${scenario.batch} 个，设备每次处理 ${scenario.deviceBudget} 个${scenario.interruptEvery > 1 ? `，每 ${scenario.interruptEvery} 个完成一次中断` : ''}${hw.apicv ? '；APICv 与 posted interrupt' : '；没有 APICv'}`
      : `${scenario.requests} requests of ${scenario.bytesPerRequest} bytes; ${wordMessage(suppressionWordings, { code: scenario.suppression }, lang)}; batches of ${scenario.batch}, device serves ${scenario.deviceBudget} per run${scenario.interruptEvery > 1 ? `, one interrupt per ${scenario.interruptEvery} completions` : ''}${hw.apicv ? '; APICv with posted interrupts' : '; no APICv'}`,
    zh
      ? `环：通知 ${counts.notificationsSent} 次（抑制 ${counts.notificationsSuppressed} 次），中断 ${counts.interruptsSent} 次（抑制 ${counts.interruptsSuppressed} 次），设备运行 ${counts.deviceRuns} 次，不等中断收回 ${counts.polledReaps} 次`
      : `ring: ${plural(counts.notificationsSent, 'notification')} (${counts.notificationsSuppressed} suppressed), ${plural(counts.interruptsSent, 'interrupt')} (${counts.interruptsSuppressed} suppressed), ${plural(counts.deviceRuns, 'device run')}, ${plural(counts.polledReaps, 'reap')} without an interrupt`,
    '',
    `| ${zh ? '路径' : 'path'} | ${head.map((h) => `${h}${zh ? '/请求' : ' per request'}`).join(' | ')} | ${zh ? 'VM 退出合计' : 'VM exits in all'} |`,
    `|---|${IO_COST_METRICS.map(() => '---:').join('|')}|---:|`,
  ];
  for (const path of IO_PATHS) {
    const costs = table[path];
    const name = wordMessage(ioPathWordings, { code: path }, lang);
    if (!costs) {
      lines.push(`| ${name} | ${IO_COST_METRICS.map(() => '—').join(' | ')} | — |`);
      continue;
    }
    const each = perRequest(costs, counts.requests);
    lines.push(`| ${name} | ${IO_COST_METRICS.map((m) => formatNumber(each[m])).join(' | ')} | ${formatNumber(costs.vmExits)} |`);
  }
  if (!table.emulated) lines.push('', zh ? '（完全模拟的路径只对控制台建模：一个 16550A UART。）' : '(The emulated path is modelled for the console only: a 16550A UART.)');
  io.out(lines.join('\n') + '\n');
  return 0;
}


/** Runs the CLI with the given output: always a status, never an exception. */
export function runVirtioCli(argv: string[], io: CommandOutput = processOutput): Promise<number> {
  return runMain(virtioCommandLine, virtioMain, argv, io);
}

if (isEntryPoint(import.meta.url)) runCommandLineTool(virtioCommandLine, virtioMain);
