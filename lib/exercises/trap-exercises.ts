/** Chapter 4: classify instructions and count traps, answered by lib/trap's ISA, checker and machine. */
import {
  INSTRUCTION_SET, SENSITIVE_UNPRIVILEGED, STRATEGY_IDS, WORKLOAD_IDS, checkPopekGoldberg, classifyInstruction, instructionInfo, runWorkload,
} from '../trap/index.ts';
import type { InstructionKind, Opcode, StrategyId } from '../trap/index.ts';
import type { ExerciseType } from './exercise.ts';

const KIND_CODES: Record<InstructionKind, string> = {
  innocuous: 'I',
  trap: 'T',
  privileged: 'P',
  'sensitive-unprivileged': 'S',
};

export const trapClassify: ExerciseType = {
  id: 'trap-classify',
  chapter: 'full-virtualization',
  title: 'Classify instructions',
  summary: 'Sort instructions of the lab ISA into innocuous, trap, privileged and sensitive-but-unprivileged.',
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
    return {
      prompt:
        'Classify each instruction of the trap lab\'s ISA: I = innocuous, T = traps on purpose (a system call or hypercall), ' +
        'P = privileged (traps in user mode), S = sensitive but unprivileged (touches privileged state, does not trap).',
      figure: picked.map((i, n) => `${n + 1}. ${i.op.padEnd(9)} ${i.summary}`).join('\n'),
      answerKind: 'list',
      answerFormat: `one letter per instruction, in order, e.g. ${picked.map(() => 'I').join(', ')}`,
      answer: picked.map((i) => KIND_CODES[i.kind]).join(', '),
      hint: 'Ask two questions: does it read or change the mode, the interrupt flag, IDTR, the status word or a device (sensitive)? Does it trap in user mode?',
      explanation: picked
        .map((i, n) => {
          const c = classifyInstruction(i.op);
          return `${n + 1}. ${i.op}: ${KIND_CODES[i.kind]} (${i.kind}; sensitive ${c.sensitive ? 'yes' : 'no'}, traps in user mode ${c.trapsInUserMode ? 'yes' : 'no'}; modelled on x86 ${i.x86})`;
        })
        .join('\n'),
    };
  },
};

export const trapVirtualizable: ExerciseType = {
  id: 'trap-virtualizable',
  chapter: 'full-virtualization',
  title: 'Popek and Goldberg',
  summary: 'After a redesign that makes some sensitive instructions trap, name the ones that still break trap-and-emulate.',
  versions: [1],
  generate(random) {
    const fixed = random.sample(SENSITIVE_UNPRIVILEGED, random.int(0, SENSITIVE_UNPRIVILEGED.length));
    const verdict = checkPopekGoldberg((op: Opcode) => classifyInstruction(op, fixed));
    return {
      prompt:
        `A redesign of the lab ISA makes these instructions trap in user mode: ${fixed.length ? fixed.join(', ') : '(none)'}. ` +
        'Which instructions still stop the ISA from being virtualizable by trap-and-emulate (Popek and Goldberg\'s Theorem 1)?',
      answerKind: 'set',
      answerFormat: 'opcodes in any order, e.g. POPF, SIDT; or "none"',
      answer: verdict.offenders.length ? verdict.offenders.join(', ') : 'none',
      hint: `The unmodified ISA has ${SENSITIVE_UNPRIVILEGED.length} sensitive instructions that do not trap: ${SENSITIVE_UNPRIVILEGED.join(', ')}.`,
      explanation: verdict.virtualizable
        ? 'Every sensitive instruction now traps, so the sensitive set is a subset of the privileged set: the ISA is virtualizable.'
        : `Sensitive but still not trapping: ${verdict.offenders.join(', ')}. Each one lets a deprivileged guest kernel read or change privileged state without the monitor noticing, so the ISA is not virtualizable by trap-and-emulate.`,
    };
  },
};

const STRATEGY_NAMES: Record<StrategyId, string> = {
  'bare-metal': 'bare metal',
  'trap-and-emulate': 'trap-and-emulate',
  'binary-translation': 'binary translation',
  paravirtualization: 'para-virtualization',
  'hardware-assist': 'hardware assist (VT-x)',
};

export const trapCount: ExerciseType = {
  id: 'trap-count',
  chapter: 'full-virtualization',
  title: 'Count the trips to the monitor',
  summary: 'Run a workload under a strategy and count the traps, VM exits and hypercalls.',
  versions: [1],
  generate(random) {
    const workload = random.pick(WORKLOAD_IDS);
    const strategy = random.pick(STRATEGY_IDS.filter((s) => s !== 'bare-metal'));
    const report = runWorkload(workload, strategy);
    if (!('counters' in report)) throw new Error(`the ${workload} workload does not assemble`);
    const c = report.counters;
    const total = c.traps + c.vmExits + c.hypercalls;
    return {
      prompt:
        `In the trap lab, run the "${workload}" workload under ${STRATEGY_NAMES[strategy]} with the default settings. ` +
        'How many times does control pass from the guest to the monitor (traps + VM exits + hypercalls)?',
      answerKind: 'number',
      answerFormat: 'one integer',
      answer: String(total),
      hint:
        strategy === 'trap-and-emulate'
          ? 'Every privileged instruction of the deprivileged kernel traps; the sensitive-unprivileged ones do not.'
          : strategy === 'binary-translation'
            ? 'Translated kernel code calls the monitor directly (callouts, not traps); only user-mode system calls still trap.'
            : strategy === 'paravirtualization'
              ? 'The para-virtualized kernel asks the monitor with hypercalls instead of executing privileged instructions.'
              : 'With VT-x, only the events the VMCS controls select cause VM exits.',
      explanation:
        `Under ${STRATEGY_NAMES[strategy]} the ${workload} workload runs ${c.guestInstructions} guest instructions with ${c.traps} traps, ` +
        `${c.vmExits} VM exits and ${c.hypercalls} hypercalls (total ${total}); ${c.callouts} callouts, ${c.translated} instructions translated, ` +
        `${report.slowdown.toFixed(2)}× the cycles of bare metal; ${report.equivalent ? 'it behaves exactly as on bare metal' : 'it does NOT behave as on bare metal'}.`,
    };
  },
};
