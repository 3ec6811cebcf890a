import { instructionInfo } from '../../lib/trap/index.ts';
import type {
  Actor, CostModel, MachineEvent, StrategyId, VmcsControls, WorkloadId, MachineSnapshot, Opcode,
} from '../../lib/trap/index.ts';

/** Every string the trap lab and the virtualizability quiz show. A 简体中文 catalogue will sit next to `en`. */
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
  verdictFault: (message: string, line: number) => string;
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
      name: 'Timer interrupts',
      blurb: 'A tick every 17 instructions; the kernel turns interrupts off with POPF around a critical section, and its timer handler counts ticks that land inside it (races).',
      outputs: ['races', 'work done'],
    },
    syscalls: {
      name: 'System calls',
      blurb: 'A user program makes 50 system calls and prints their sum (1275).',
      outputs: ['sum'],
    },
    io: {
      name: 'Disk I/O',
      blurb: 'The kernel writes 64 words to a disk, one OUT instruction per word.',
      outputs: ['words the disk received'],
    },
    'boot-check': {
      name: 'Boot check (SMSW, SIDT)',
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
      blurb: 'A modified kernel calls the monitor with hypercalls, batching its I/O (Xen, 2003).',
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
      case 'vm-exit': return `VM exit (${e.reason}); the monitor handled it and re-entered the guest`;
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
        return e.what === 'halted the processor'
          ? 'the guest halted the real processor: the monitor lost control'
          : e.what === 'touched a real device'
            ? 'the guest wrote to a real device port: the monitor lost control of the device'
            : "the host's timer interrupt went to the guest: the monitor lost control of the processor";
      case 'halt': return 'the guest halted';
      case 'fault': return `fault: ${e.message}`;
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
  verdictFault: (message, line) => `The guest stopped with a fault at line ${line}: ${message}.`,
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
  opSummary: (op) => instructionInfo(op).summary,
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

export const trapLabCatalogues = { en } as const;
export type TrapLabLocale = keyof typeof trapLabCatalogues;
