/** Chapter 4: classify instructions and count traps, answered by lib/trap's ISA, checker and machine. */
import {
  DEFAULT_LAB_SETUP, INSTRUCTION_SET, SENSITIVE_UNPRIVILEGED, encodeLabSetupHash, STRATEGY_IDS, WORKLOAD_IDS, checkPopekGoldberg, classifyInstruction, instructionInfo,
  instructionSummaryWordings, runWorkload, workloadNames,
} from '../trap/index.ts';
import type { InstructionInfo, InstructionKind, Opcode, StrategyId } from '../trap/index.ts';
import { messageText } from '../book/localized-text.ts';
import type { LocalizedText } from '../book/localized-text.ts';
import { localizedText } from '../book/localized-text.ts';
import { defineExercise } from './exercise.ts';

const KIND_CODES: Record<InstructionKind, string> = {
  innocuous: 'I',
  trap: 'T',
  privileged: 'P',
  'sensitive-unprivileged': 'S',
};

const ZH_KIND_NAMES: Record<InstructionKind, string> = {
  innocuous: '无害指令',
  trap: '有意陷入',
  privileged: '特权指令',
  'sensitive-unprivileged': '敏感但非特权',
};

const summaryOf = (i: InstructionInfo): LocalizedText => messageText(instructionSummaryWordings, { code: i.op });

const yesNo = (value: boolean): LocalizedText => (value ? localizedText('yes', '是') : localizedText('no', '否'));

export const trapClassify = defineExercise({
  id: 'trap-classify',
  chapter: 'full-virtualization',
  title: localizedText('Classify instructions', '给指令分类'),
  summary: localizedText(
    'Sort instructions of the lab ISA into innocuous, trap, privileged and sensitive-but-unprivileged.',
    '把实验指令集中的指令分成无害、有意陷入、特权、敏感但非特权四类。',
  ),
  versions: [1],
  generate(random) {
    const privileged = INSTRUCTION_SET.filter((i) => i.kind === 'privileged');
    const chosen = [
      ...random.sample(privileged, 2),
      ...random.sample(SENSITIVE_UNPRIVILEGED.map(instructionInfo), 2),
      random.pick(INSTRUCTION_SET.filter((i) => i.kind === 'innocuous' || i.kind === 'trap')),
    ];
    chosen.push(random.pick(INSTRUCTION_SET.filter((i) => !chosen.includes(i))));
    const picked = random.shuffle(chosen);
    const row = (i: InstructionInfo, n: number, summary: string) => `${n + 1}. ${i.op.padEnd(9)} ${summary}`;
    return {
      prompt: localizedText(
        'Classify each instruction of the trap lab\'s ISA: I = innocuous, T = traps on purpose (a system call or hypercall), ' +
          'P = privileged (traps in user mode), S = sensitive but unprivileged (touches privileged state, does not trap).',
        '给陷入实验指令集中的每条指令分类：I = 无害；T = 有意陷入（系统调用或超级调用）；' +
          'P = 特权指令（在用户态会陷入）；S = 敏感但非特权（触及特权状态，却不陷入）。',
      ),
      figure: localizedText(
        picked.map((i, n) => row(i, n, summaryOf(i).en)).join('\n'),
        picked.map((i, n) => row(i, n, summaryOf(i)['zh-CN'])).join('\n'),
      ),
      answerKind: 'list',
      answerFormat: localizedText(
        `one letter per instruction, in order, e.g. ${picked.map(() => 'I').join(', ')}`,
        `每条指令一个字母，按顺序写，例如 ${picked.map(() => 'I').join(', ')}`,
      ),
      answer: picked.map((i) => KIND_CODES[i.kind]).join(', '),
      hint: localizedText(
        'Ask two questions: does it read or change the mode, the interrupt flag, IDTR, the status word or a device (sensitive)? Does it trap in user mode?',
        '问两个问题：它是否读取或修改运行模式、中断标志、IDTR、状态字或设备（即是否敏感）？它在用户态会不会陷入？',
      ),
      explanation: localizedText(
        picked
          .map((i, n) => {
            const c = classifyInstruction(i.op);
            return `${n + 1}. ${i.op}: ${KIND_CODES[i.kind]} (${i.kind}; sensitive ${yesNo(c.sensitive).en}, traps in user mode ${yesNo(c.trapsInUserMode).en}; modelled on x86 ${i.x86})`;
          })
          .join('\n'),
        picked
          .map((i, n) => {
            const c = classifyInstruction(i.op);
            return `${n + 1}. ${i.op}：${KIND_CODES[i.kind]}（${ZH_KIND_NAMES[i.kind]}；敏感：${yesNo(c.sensitive)['zh-CN']}，用户态下陷入：${yesNo(c.trapsInUserMode)['zh-CN']}；仿照 x86 的 ${i.x86}）`;
          })
          .join('\n'),
      ),
    };
  },
});

export const trapVirtualizable = defineExercise({
  id: 'trap-virtualizable',
  chapter: 'full-virtualization',
  title: localizedText('Popek and Goldberg', 'Popek 与 Goldberg'),
  summary: localizedText(
    'After a redesign that makes some sensitive instructions trap, name the ones that still break trap-and-emulate.',
    '重新设计指令集、让一部分敏感指令陷入之后，指出哪些指令仍然破坏陷入并模拟。',
  ),
  versions: [1],
  generate(random) {
    const fixed = random.sample(SENSITIVE_UNPRIVILEGED, random.int(0, SENSITIVE_UNPRIVILEGED.length));
    const verdict = checkPopekGoldberg((op: Opcode) => classifyInstruction(op, fixed));
    const offenders = verdict.offenders.join(', ');
    return {
      prompt: localizedText(
        `A redesign of the lab ISA makes these instructions trap in user mode: ${fixed.length ? fixed.join(', ') : '(none)'}. ` +
          'Which instructions still stop the ISA from being virtualizable by trap-and-emulate (Popek and Goldberg\'s Theorem 1)?',
        `重新设计后的实验指令集让这些指令在用户态陷入：${fixed.length ? fixed.join(', ') : '（无）'}。` +
          '哪些指令仍然使这个指令集无法用陷入并模拟来虚拟化（Popek 与 Goldberg 的定理 1）？',
      ),
      answerKind: 'set',
      answerFormat: localizedText('opcodes in any order, e.g. POPF, SIDT; or "none"', '操作码，顺序不限，例如 POPF, SIDT；一个都没有就填“无”（或 none）'),
      answer: verdict.offenders.length ? offenders : 'none',
      hint: localizedText(
        `The unmodified ISA has ${SENSITIVE_UNPRIVILEGED.length} sensitive instructions that do not trap: ${SENSITIVE_UNPRIVILEGED.join(', ')}.`,
        `未修改的指令集中有 ${SENSITIVE_UNPRIVILEGED.length} 条不陷入的敏感指令：${SENSITIVE_UNPRIVILEGED.join(', ')}。`,
      ),
      explanation: verdict.virtualizable
        ? localizedText(
            'Every sensitive instruction now traps, so the sensitive set is a subset of the privileged set: the ISA is virtualizable.',
            '现在每条敏感指令都会陷入，敏感指令集合是特权指令集合的子集：这个指令集可以虚拟化。',
          )
        : localizedText(
            `Sensitive but still not trapping: ${offenders}. Each one lets a deprivileged guest kernel read or change privileged state without the monitor noticing, so the ISA is not virtualizable by trap-and-emulate.`,
            `敏感却仍然不陷入的指令：${offenders}。每一条都能让降低了特权的客户机内核在监控器毫不知情的情况下读取或修改特权状态，所以这个指令集无法用陷入并模拟来虚拟化。`,
          ),
    };
  },
});

const STRATEGY_NAMES: Record<StrategyId, LocalizedText> = {
  'bare-metal': localizedText('bare metal', '裸机'),
  'trap-and-emulate': localizedText('trap-and-emulate', '陷入并模拟'),
  'binary-translation': localizedText('binary translation', '二进制翻译'),
  paravirtualization: localizedText('para-virtualization', '半虚拟化'),
  'hardware-assist': localizedText('hardware assist (VT-x)', '硬件辅助（VT-x）'),
};

const STRATEGY_HINTS: Record<Exclude<StrategyId, 'bare-metal'>, LocalizedText> = {
  'trap-and-emulate': localizedText(
    'Every privileged instruction of the deprivileged kernel traps; the sensitive-unprivileged ones do not.',
    '降低了特权的内核每执行一条特权指令都会陷入；敏感但非特权的指令则不会。',
  ),
  'binary-translation': localizedText(
    'Translated kernel code calls the monitor directly (callouts, not traps); only user-mode system calls still trap.',
    '翻译后的内核代码直接调用监控器（是调出，不是陷入）；只有用户态的系统调用仍然陷入。',
  ),
  paravirtualization: localizedText(
    'The para-virtualized kernel asks the monitor with hypercalls instead of executing privileged instructions.',
    '半虚拟化的内核不执行特权指令，而是用超级调用请监控器代劳。',
  ),
  'hardware-assist': localizedText(
    'With VT-x, only the events the VMCS controls select cause VM exits.',
    '有了 VT-x，只有 VMCS 控制项选中的事件才会引起 VM exit。',
  ),
};

export const trapCount = defineExercise({
  id: 'trap-count',
  chapter: 'full-virtualization',
  title: localizedText('Count the trips to the monitor', '数一数进入监控器的次数'),
  summary: localizedText(
    'Run a workload under a strategy and count the traps, VM exits and hypercalls.',
    '用某种方法运行一个工作负载，数一数陷入、VM exit 和超级调用的次数。',
  ),
  versions: [1],
  generate(random) {
    const workload = random.pick(WORKLOAD_IDS);
    const strategy = random.pick(STRATEGY_IDS.filter((s): s is Exclude<StrategyId, 'bare-metal'> => s !== 'bare-metal'));
    const report = runWorkload(workload, strategy);
    if (!('counters' in report)) throw new Error(`the ${workload} workload does not assemble`);
    const c = report.counters;
    const total = c.traps + c.vmExits + c.hypercalls;
    const name = STRATEGY_NAMES[strategy];
    const zhWorkload = workloadNames[workload]['zh-CN'];
    return {
      prompt: localizedText(
        `In the trap lab, run the "${workload}" workload under ${name.en} with the default settings. ` +
          'How many times does control pass from the guest to the monitor (traps + VM exits + hypercalls)?',
        `在陷入实验里，用默认设置、以“${name['zh-CN']}”方式运行“${zhWorkload}”（${workload}）工作负载。` +
          '控制权一共从客户机转到监控器多少次（陷入 + VM exit + 超级调用）？',
      ),
      answerKind: 'number',
      answerFormat: localizedText('one integer', '一个整数'),
      answer: String(total),
      hint: STRATEGY_HINTS[strategy],
      explanation: localizedText(
        `Under ${name.en} the ${workload} workload runs ${c.guestInstructions} guest instructions with ${c.traps} traps, ` +
          `${c.vmExits} VM exits and ${c.hypercalls} hypercalls (total ${total}); ${c.callouts} callouts, ${c.translated} instructions translated, ` +
          `${report.slowdown.toFixed(2)}× the cycles of bare metal; ${report.equivalent ? 'it behaves exactly as on bare metal' : 'it does NOT behave as on bare metal'}.`,
        `以${name['zh-CN']}方式运行时，“${zhWorkload}”工作负载执行 ${c.guestInstructions} 条客户机指令，其中陷入 ${c.traps} 次、` +
          `VM exit ${c.vmExits} 次、超级调用 ${c.hypercalls} 次（共 ${total} 次）；调出 ${c.callouts} 次，翻译了 ${c.translated} 条指令，` +
          `周期数是裸机的 ${report.slowdown.toFixed(2)} 倍；${report.equivalent ? '它的行为与在裸机上完全一样' : '它的行为与在裸机上并不一样'}。`,
      ),
      labLink: { lab: 'trap-lab', hash: encodeLabSetupHash({ ...DEFAULT_LAB_SETUP, workload, strategy }) },
    };
  },
});
