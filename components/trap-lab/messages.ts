import type { MessageCatalogues } from '../book/locale.ts';
import { wordMessage } from '../../lib/book/localized-text.ts';
import { exitReasonWordings, instructionSummaryWordings, trapFaultWordings, workloadNames } from '../../lib/trap/index.ts';
import type {
  Actor, CostModel, MachineEvent, StrategyId, TrapFault, VmcsControls, WorkloadId, MachineSnapshot, Opcode,
} from '../../lib/trap/index.ts';

/** Every string the trap lab and the virtualizability quiz show, one catalogue per locale of the book. */
export interface TrapLabMessages {
  regionLabel: string;
  setupLegend: string;
  workloadLabel: string;
  workloads: Record<WorkloadId, { name: string; blurb: string; outputs: readonly string[] }>;
  strategyLegend: string;
  strategies: Record<StrategyId, { name: string; blurb: string }>;
  step: string;
  run: string;
  stop: string;
  finish: string;
  reset: string;
  stepHint: string;
  actors: Record<Actor, string>;
  modeNow: string;
  hardwareModeLabel: string;
  hardwareModes: Record<MachineSnapshot['hardwareMode'], string>;
  interruptsLabel: string;
  interruptsState: (enabled: boolean) => string;
  believesLabel: string;
  mismatch: string;
  sourceLabel: (strategy: StrategyId) => string;
  sourceModifiedNote: (lines: number) => string;
  registersLabel: string;
  countersLabel: string;
  counterNames: {
    guestInstructions: string;
    traps: string;
    interruptsToMonitor: string;
    injected: string;
    vmExits: string;
    hypercalls: string;
    callouts: string;
    translated: string;
    silentFailures: string;
    cycles: string;
  };
  eventsLabel: string;
  noEvents: string;
  describeEvent: (event: MachineEvent) => string;
  timelineLabel: string;
  timelineLegend: string;
  consoleLabel: string;
  consoleEmpty: string;
  consoleWhat: string;
  consoleThisRun: string;
  bareMetalSays: string;
  verdictRunning: string;
  verdictEquivalent: string;
  verdictDifferent: string;
  verdictFault: (fault: TrapFault, line: number) => string;
  verdictStepLimit: string;
  resourceControlLost: string;
  translationCacheLabel: string;
  translationCacheEmpty: string;
  blockAt: (line: number, count: number) => string;
  comparisonLabel: (workload: string) => string;
  comparisonCaption: string;
  columns: {
    strategy: string;
    equivalent: string;
    cycles: string;
    slowdown: string;
    traps: string;
    exits: string;
    hypercalls: string;
    callouts: string;
    translated: string;
    kernelChanged: string;
  };
  yes: string;
  no: string;
  noControl: string;
  settingsLabel: string;
  costLegend: string;
  costNames: Record<keyof CostModel, string>;
  costReset: string;
  pvBatchLabel: string;
  vmcsLegend: string;
  vmcsNames: Record<keyof VmcsControls, string>;
  isaLegend: string;
  isaHint: string;
  makeTrap: (op: Opcode) => string;
  shareLabel: string;
  shareButton: string;
  shareCopied: string;
  shareHint: string;
  resetSetup: string;
  // The quiz
  quizLabel: string;
  quizIntro: string;
  quizInstruction: string;
  quizSummary: string;
  /** What each instruction does, in the quiz. */
  opSummary: (op: Opcode) => string;
  quizSensitive: string;
  quizTraps: string;
  quizCheck: string;
  quizClear: string;
  quizShowAnswers: string;
  quizScore: (correct: number, total: number) => string;
  quizRight: string;
  quizWrong: (what: string) => string;
  quizReadersVerdict: (virtualizable: boolean, offenders: readonly string[]) => string;
  quizActualVerdict: (virtualizable: boolean, offenders: readonly string[]) => string;
  quizSensitiveWord: string;
  quizTrapsWord: string;
  listJoin: (items: readonly string[]) => string;
}

const join = (items: readonly string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

const onOff = (enabled: boolean) => (enabled ? 'on' : 'off');

export const en: TrapLabMessages = {
  regionLabel: 'Trap lab: four ways to run a guest kernel',
  setupLegend: 'What to run',
  workloadLabel: 'Workload',
  workloads: {
    timer: {
      name: workloadNames.timer.en,
      blurb: 'A tick every 17 instructions; the kernel turns interrupts off with POPF around a critical section, and its timer handler counts ticks that land inside it (races).',
      outputs: ['races', 'work done'],
    },
    syscalls: {
      name: workloadNames.syscalls.en,
      blurb: 'A user program makes 50 system calls and prints their sum (1275).',
      outputs: ['sum'],
    },
    io: {
      name: workloadNames.io.en,
      blurb: 'The kernel writes 64 words to a disk, one OUT instruction per word.',
      outputs: ['words the disk received'],
    },
    'boot-check': {
      name: workloadNames['boot-check'].en,
      blurb: 'The kernel sets its status word and interrupt table, then reads both back and prints them (1 and 8).',
      outputs: ['status word', 'interrupt table address'],
    },
  },
  strategyLegend: 'How to run the guest kernel',
  strategies: {
    'bare-metal': { name: 'Bare metal', blurb: 'No monitor: the reference every strategy is compared with.' },
    'trap-and-emulate': {
      name: 'Trap-and-emulate',
      blurb: 'The kernel runs deprivileged; privileged instructions trap to the monitor, which emulates them.',
    },
    'binary-translation': {
      name: 'Binary translation',
      blurb: 'Kernel code is translated block by block; sensitive instructions become calls into the monitor (VMware, 1999).',
    },
    paravirtualization: {
      name: 'Para-virtualization',
      blurb: 'A modified kernel calls the monitor with hypercalls, batching its I/O (named by Denali, 2002; made mainstream by Xen, 2003).',
    },
    'hardware-assist': {
      name: 'Hardware assist',
      blurb: 'The kernel runs in VMX non-root mode; the VMCS decides which events cause VM exits (VT-x 2005, AMD-V 2006).',
    },
  },
  step: 'Step',
  run: 'Run',
  stop: 'Stop',
  finish: 'Run to the end',
  reset: 'Restart',
  stepHint: 'Step executes one guest instruction together with whatever the monitor does around it.',
  actors: { user: 'guest user', kernel: 'guest kernel', monitor: 'monitor' },
  modeNow: 'Last step ran in',
  hardwareModeLabel: 'Processor runs guest code in',
  hardwareModes: {
    kernel: 'kernel mode',
    user: 'user mode (deprivileged)',
    'non-root kernel': 'VMX non-root, kernel mode',
    'non-root user': 'VMX non-root, user mode',
  },
  interruptsLabel: 'Interrupts (as the monitor sees them)',
  interruptsState: onOff,
  believesLabel: 'The guest kernel believes',
  mismatch: 'mismatch: the guest is wrong about its own interrupt flag',
  sourceLabel: (strategy) => (strategy === 'paravirtualization' ? 'Guest kernel (para-virtualized source)' : 'Guest kernel (unmodified source)'),
  sourceModifiedNote: (lines) => `Para-virtualization needed ${lines} kernel line${lines === 1 ? '' : 's'} changed (comments show what each replaced).`,
  registersLabel: 'Registers',
  countersLabel: 'Counters',
  counterNames: {
    guestInstructions: 'Guest instructions',
    traps: 'Traps to the monitor',
    interruptsToMonitor: 'Timer interrupts to the monitor',
    injected: 'Interrupts injected',
    vmExits: 'VM exits',
    hypercalls: 'Hypercalls',
    callouts: 'Callouts from translated code',
    translated: 'Instructions translated',
    silentFailures: 'Silent failures',
    cycles: 'Simulated cycles',
  },
  eventsLabel: 'Traps, exits and other events',
  noEvents: 'Nothing yet. Step or run the guest.',
  describeEvent: (e) => {
    switch (e.kind) {
      case 'trap': return `${e.op} trapped to the monitor, which emulated it`;
      case 'vm-exit':
        return `VM exit (${wordMessage(exitReasonWordings, { code: e.reason }, 'en')}); the monitor handled it and re-entered the guest`;
      case 'hypercall': return `hypercall ${e.call}`;
      case 'callout': return `translated code called the monitor to emulate ${e.op}`;
      case 'translate': return `translated a block of ${e.count} kernel instruction${e.count === 1 ? '' : 's'}`;
      case 'direct-syscall': return 'system call went straight to the guest kernel (no monitor)';
      case 'timer': return e.delivery === 'delivered' ? 'timer tick' : 'timer tick held pending: interrupts are off';
      case 'inject': return 'the monitor injected a timer interrupt into the guest';
      case 'ignored':
        return `POPF asked for interrupts ${onOff(e.wanted)}; in user mode the processor ignored it without a trap. They stay ${onOff(e.actual)}.`;
      case 'leak': return `${e.op} ran without a trap and showed the monitor's value ${e.got} instead of the guest's ${e.expected}`;
      case 'violation':
        return e.what === 'haltedProcessor'
          ? 'the guest halted the real processor: the monitor lost control'
          : e.what === 'touchedDevice'
            ? 'the guest wrote to a real device port: the monitor lost control of the device'
            : "the host's timer interrupt went to the guest: the monitor lost control of the processor";
      case 'halt': return 'the guest halted';
      case 'fault': return `fault: ${wordMessage(trapFaultWordings, e, 'en')}`;
    }
  },
  timelineLabel: 'Who ran, step by step (most recent on the right)',
  timelineLegend: 'Each bar is one step: guest user, guest kernel, or monitor.',
  consoleLabel: 'Guest console',
  consoleEmpty: '–',
  consoleWhat: 'Printed',
  consoleThisRun: 'This run',
  bareMetalSays: 'Bare metal',
  verdictRunning: 'Still running.',
  verdictEquivalent: 'Behaved exactly as on bare metal.',
  verdictDifferent: 'Did NOT behave as on bare metal: compare the console with bare metal’s.',
  verdictFault: (fault, line) => `The guest stopped with a fault at line ${line}: ${wordMessage(trapFaultWordings, fault, 'en')}.`,
  verdictStepLimit: 'The guest did not finish within the step limit.',
  resourceControlLost: 'The monitor lost control of the machine (see the events).',
  translationCacheLabel: 'Translation cache',
  translationCacheEmpty: 'Empty: nothing translated yet.',
  blockAt: (line, count) => `Block at line ${line} (${count} instruction${count === 1 ? '' : 's'})`,
  comparisonLabel: (workload) => `All strategies on “${workload}”`,
  comparisonCaption: 'Each row runs the same workload to the end under the current cost model. Slowdown is cycles divided by bare metal’s.',
  columns: {
    strategy: 'Strategy',
    equivalent: 'As bare metal?',
    cycles: 'Cycles',
    slowdown: 'Slowdown',
    traps: 'Traps',
    exits: 'VM exits',
    hypercalls: 'Hypercalls',
    callouts: 'Callouts',
    translated: 'Translated',
    kernelChanged: 'Kernel lines changed',
  },
  yes: 'yes',
  no: 'no',
  noControl: 'yes, but the monitor lost control',
  settingsLabel: 'Settings: cost model, batching, VMCS controls, ISA redesign',
  costLegend: 'Cost model (cycles)',
  costNames: {
    instruction: 'Direct instruction',
    interrupt: 'Hardware interrupt / direct system call',
    trap: 'Trap into the monitor and back',
    emulate: 'Monitor work per event',
    translate: 'Translating one instruction',
    callout: 'Callout from translated code',
    hypercall: 'Hypercall and back',
    vmExit: 'VM exit and VM entry',
  },
  costReset: 'Default costs',
  pvBatchLabel: 'Para-virtual I/O: words per hypercall',
  vmcsLegend: 'VMCS execution controls (hardware assist)',
  vmcsNames: {
    hltExiting: 'HLT exiting',
    ioExiting: 'I/O exiting (IN, OUT)',
    descriptorTableExiting: 'Descriptor-table exiting (LIDT, SIDT)',
    cr0Exiting: 'CR0 guest/host mask (LMSW exits)',
    externalInterruptExiting: 'External-interrupt exiting',
  },
  isaLegend: 'Redesign the ISA',
  isaHint: 'Make a sensitive instruction trap in user mode, then run trap-and-emulate again.',
  makeTrap: (op) => `${op} traps in user mode`,
  shareLabel: 'Share link',
  shareButton: 'Copy a link to this setup',
  shareCopied: 'Link copied.',
  shareHint: 'The link carries the workload, strategy and settings in its # part.',
  resetSetup: 'Reset all settings',
  quizLabel: 'Is this ISA virtualizable?',
  quizIntro: 'For each instruction of the lab’s ISA, decide: is it sensitive (does it read or change the mode, the interrupt flag, the interrupt table, the status word or a device)? Does it trap when a user-mode program executes it?',
  quizInstruction: 'Instruction',
  quizSummary: 'What it does',
  opSummary: (op) => wordMessage(instructionSummaryWordings, { code: op }, 'en'),
  quizSensitive: 'Sensitive',
  quizTraps: 'Traps in user mode',
  quizCheck: 'Check my answers',
  quizClear: 'Clear',
  quizShowAnswers: 'Show the answers',
  quizScore: (correct, total) => `${correct} of ${total} instructions classified correctly.`,
  quizRight: 'right',
  quizWrong: (what) => `wrong: ${what}`,
  quizReadersVerdict: (v, offenders) =>
    v
      ? 'By your answers every sensitive instruction traps, so trap-and-emulate would work.'
      : `By your answers, ${join(offenders)} ${offenders.length === 1 ? 'is' : 'are'} sensitive but ${offenders.length === 1 ? 'does' : 'do'} not trap, so trap-and-emulate would fail.`,
  quizActualVerdict: (v, offenders) =>
    v
      ? 'In fact, with your redesign every sensitive instruction traps: the Popek–Goldberg condition holds.'
      : `In fact, ${join(offenders)} ${offenders.length === 1 ? 'is' : 'are'} sensitive but not privileged: the Popek–Goldberg condition fails, as it did for x86 before VT-x and AMD-V.`,
  quizSensitiveWord: 'sensitive',
  quizTrapsWord: 'traps',
  listJoin: join,
};

const zhJoin = (items: readonly string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;

/** Instruction names in a Chinese sentence: a space between them and the Chinese around them. */
const zhJoinCodes = (items: readonly string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('、')} 和 ${items[items.length - 1]}`;

const zhOnOff = (enabled: boolean) => (enabled ? '开' : '关');


/** 简体中文. */
export const zh: TrapLabMessages = {
  regionLabel: '陷入实验：运行客户机内核的四种方法',
  setupLegend: '运行什么',
  workloadLabel: '工作负载',
  workloads: {
    timer: {
      name: workloadNames.timer['zh-CN'],
      blurb: '每 17 条指令来一次时钟滴答；内核在临界区前后用 POPF 关、开中断，它的时钟处理程序统计落在临界区内的滴答（竞争）。',
      outputs: ['竞争', '完成的工作'],
    },
    syscalls: {
      name: workloadNames.syscalls['zh-CN'],
      blurb: '一个用户程序发起 50 次系统调用，并打印它们的和（1275）。',
      outputs: ['和'],
    },
    io: {
      name: workloadNames.io['zh-CN'],
      blurb: '内核向磁盘写入 64 个字，每个字一条 OUT 指令。',
      outputs: ['磁盘收到的字数'],
    },
    'boot-check': {
      name: workloadNames['boot-check']['zh-CN'],
      blurb: '内核设置自己的状态字和中断表，然后把两者读回来打印（1 和 8）。',
      outputs: ['状态字', '中断表地址'],
    },
  },
  strategyLegend: '怎样运行客户机内核',
  strategies: {
    'bare-metal': { name: '裸机', blurb: '没有监控器：其他每种方法都拿它作比较的基准。' },
    'trap-and-emulate': {
      name: '陷入并模拟',
      blurb: '内核以降低的特权运行；特权指令陷入监控器，由监控器模拟。',
    },
    'binary-translation': {
      name: '二进制翻译',
      blurb: '内核代码被逐块翻译；敏感指令变成对监控器的调用（VMware，1999 年）。',
    },
    paravirtualization: {
      name: '半虚拟化',
      blurb: '修改过的内核用超级调用来调用监控器，并把 I/O 成批提交（Denali 2002 年提出这个名称，Xen 2003 年使它普及）。',
    },
    'hardware-assist': {
      name: '硬件辅助',
      blurb: '内核运行在 VMX non-root 模式；由 VMCS 决定哪些事件引起 VM exit（VT-x 2005 年，AMD-V 2006 年）。',
    },
  },
  step: '单步',
  run: '运行',
  stop: '停止',
  finish: '运行到结束',
  reset: '重新开始',
  stepHint: '“单步”执行一条客户机指令，连同监控器围绕它所做的一切。',
  actors: { user: '客户机用户态', kernel: '客户机内核', monitor: '监控器' },
  modeNow: '上一步运行于',
  hardwareModeLabel: '客户机代码运行在',
  hardwareModes: {
    kernel: '内核态',
    user: '用户态（降低特权）',
    'non-root kernel': 'VMX non-root，内核态',
    'non-root user': 'VMX non-root，用户态',
  },
  interruptsLabel: '中断（监控器看到的）',
  interruptsState: zhOnOff,
  believesLabel: '客户机内核以为',
  mismatch: '不一致：客户机弄错了自己的中断标志',
  sourceLabel: (strategy) => (strategy === 'paravirtualization' ? '客户机内核（半虚拟化后的源代码）' : '客户机内核（未修改的源代码）'),
  sourceModifiedNote: (lines) => `半虚拟化需要修改内核的 ${lines} 行（注释说明了每一行替换了什么）。`,
  registersLabel: '寄存器',
  countersLabel: '计数器',
  counterNames: {
    guestInstructions: '客户机指令',
    traps: '陷入监控器',
    interruptsToMonitor: '交给监控器的时钟中断',
    injected: '注入的中断',
    vmExits: 'VM exit',
    hypercalls: '超级调用',
    callouts: '译码调用监控器（callout）',
    translated: '翻译的指令',
    silentFailures: '静默失败',
    cycles: '模拟周期',
  },
  eventsLabel: '陷入、VM exit 和其他事件',
  noEvents: '还没有事件。单步执行或运行客户机。',
  describeEvent: (e) => {
    switch (e.kind) {
      case 'trap': return `${e.op} 陷入监控器，由监控器模拟`;
      case 'vm-exit': return `VM exit（${wordMessage(exitReasonWordings, { code: e.reason }, 'zh-CN')}）；监控器处理后重新进入客户机`;
      case 'hypercall': return `超级调用 ${e.call}`;
      case 'callout': return `翻译后的代码调用监控器来模拟 ${e.op}`;
      case 'translate': return `翻译了一个含 ${e.count} 条内核指令的块`;
      case 'direct-syscall': return '系统调用直接进入客户机内核（不经过监控器）';
      case 'timer': return e.delivery === 'delivered' ? '时钟滴答' : '时钟滴答被挂起：中断处于关闭状态';
      case 'inject': return '监控器向客户机注入了一次时钟中断';
      case 'ignored':
        return `POPF 要求把中断设为${zhOnOff(e.wanted)}；在用户态下，处理器不陷入，直接忽略了它。中断仍然是${zhOnOff(e.actual)}。`;
      case 'leak': return `${e.op} 没有陷入就执行了，显示的是监控器的值 ${e.got}，而不是客户机的 ${e.expected}`;
      case 'violation':
        return e.what === 'haltedProcessor'
          ? '客户机让真实的处理器停机了：监控器失去了控制'
          : e.what === 'touchedDevice'
            ? '客户机写了一个真实的设备端口：监控器失去了对设备的控制'
            : '宿主机的时钟中断交给了客户机：监控器失去了对处理器的控制';
      case 'halt': return '客户机停机';
      case 'fault': return `故障：${wordMessage(trapFaultWordings, e, 'zh-CN')}`;
    }
  },
  timelineLabel: '逐步显示谁在运行（最近的在右边）',
  timelineLegend: '每一条代表一步：客户机用户态、客户机内核或监控器。',
  consoleLabel: '客户机控制台',
  consoleEmpty: '–',
  consoleWhat: '输出项',
  consoleThisRun: '本次运行',
  bareMetalSays: '裸机',
  verdictRunning: '仍在运行。',
  verdictEquivalent: '行为与在裸机上完全相同。',
  verdictDifferent: '行为与在裸机上不同：请把控制台与裸机的对比一下。',
  verdictFault: (fault, line) => `客户机在第 ${line} 行因故障停止：${wordMessage(trapFaultWordings, fault, 'zh-CN')}。`,
  verdictStepLimit: '客户机没有在步数上限之内结束。',
  resourceControlLost: '监控器失去了对机器的控制（见事件列表）。',
  translationCacheLabel: '翻译缓存',
  translationCacheEmpty: '空：还没有翻译任何代码。',
  blockAt: (line, count) => `第 ${line} 行处的块（${count} 条指令）`,
  comparisonLabel: (workload) => `所有方法运行“${workload}”`,
  comparisonCaption: '每一行在当前成本模型下把同一个工作负载运行到结束。减速倍数是周期数除以裸机的周期数。',
  columns: {
    strategy: '方法',
    equivalent: '与裸机相同？',
    cycles: '周期',
    slowdown: '减速倍数',
    traps: '陷入',
    exits: 'VM exit',
    hypercalls: '超级调用',
    callouts: 'callout',
    translated: '已翻译',
    kernelChanged: '修改的内核行数',
  },
  yes: '是',
  no: '否',
  noControl: '是，但监控器失去了控制',
  settingsLabel: '设置：成本模型、批量提交、VMCS 控制、重新设计指令集',
  costLegend: '成本模型（周期）',
  costNames: {
    instruction: '直接执行一条指令',
    interrupt: '硬件中断 / 直接系统调用',
    trap: '陷入监控器并返回',
    emulate: '监控器处理每个事件的工作',
    translate: '翻译一条指令',
    callout: '翻译后的代码调用监控器',
    hypercall: '超级调用并返回',
    vmExit: 'VM exit 和 VM entry',
  },
  costReset: '默认成本',
  pvBatchLabel: '半虚拟化 I/O：每次超级调用提交的字数',
  vmcsLegend: 'VMCS 执行控制（硬件辅助）',
  vmcsNames: {
    hltExiting: 'HLT 引起 exit',
    ioExiting: 'I/O 引起 exit（IN、OUT）',
    descriptorTableExiting: '描述符表引起 exit（LIDT、SIDT）',
    cr0Exiting: 'CR0 客户机/宿主机掩码（LMSW 引起 exit）',
    externalInterruptExiting: '外部中断引起 exit',
  },
  isaLegend: '重新设计指令集',
  isaHint: '让一条敏感指令在用户态下陷入，然后再运行一次陷入并模拟。',
  makeTrap: (op) => `${op} 在用户态下陷入`,
  shareLabel: '分享链接',
  shareButton: '复制这套设置的链接',
  shareCopied: '链接已复制。',
  shareHint: '链接的 # 部分携带工作负载、方法和设置。',
  resetSetup: '恢复所有默认设置',
  quizLabel: '这套指令集可以虚拟化吗？',
  quizIntro: '对实验指令集中的每条指令作出判断：它是敏感指令吗（它是否读取或改变模式、中断标志、中断表、状态字或某个设备）？用户态程序执行它时会陷入吗？',
  quizInstruction: '指令',
  quizSummary: '作用',
  opSummary: (op) => wordMessage(instructionSummaryWordings, { code: op }, 'zh-CN'),
  quizSensitive: '敏感',
  quizTraps: '用户态下陷入',
  quizCheck: '检查我的答案',
  quizClear: '清除',
  quizShowAnswers: '显示答案',
  quizScore: (correct, total) => `${total} 条指令中分类正确 ${correct} 条。`,
  quizRight: '正确',
  quizWrong: (what) => `错误：${what}`,
  quizReadersVerdict: (v, offenders) =>
    v
      ? '按照你的答案，每条敏感指令都会陷入，所以陷入并模拟可行。'
      : `按照你的答案，${zhJoinCodes(offenders)} 是敏感指令却不陷入，所以陷入并模拟会失败。`,
  quizActualVerdict: (v, offenders) =>
    v
      ? '实际上，经过你的重新设计，每条敏感指令都会陷入：Popek–Goldberg 条件成立。'
      : `实际上，${zhJoinCodes(offenders)} 是敏感指令但不是特权指令：Popek–Goldberg 条件不成立，正如 VT-x 和 AMD-V 出现之前的 x86。`,
  quizSensitiveWord: '敏感',
  quizTrapsWord: '陷入',
  listJoin: zhJoin,
};

export const trapLabCatalogues: MessageCatalogues<TrapLabMessages> = { en, 'zh-CN': zh };
