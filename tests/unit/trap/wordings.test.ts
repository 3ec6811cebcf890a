import { describe, expect, it } from 'vitest';
import { wordMessage } from '../../../lib/book/localized-text.ts';
import type { MessageCatalogue, MessageOf } from '../../../lib/book/localized-text.ts';
import {
  DEFAULT_COST_MODEL, DEFAULT_VMCS_CONTROLS, INSTRUCTION_SET, IO_CHANNELS, STRATEGY_IDS, TrapMachine, WORKLOAD_IDS,
  assembleProgram, assemblyErrorWordings, consoleOutputWordings, createMachine, exitReasonWordings, VMCS_CONTROL_KEYS, instructionSummaryWordings, ioMeasureProblemWordings,
  measureIoChannel, runDifferenceWordings, runWorkload, trapFaultWordings, getWorkload,
} from '../../../lib/trap/index.ts';
import type { AssemblyMessage, IoMeasureTarget, ResourceViolation, RunDifference, StrategyId, TrapFault } from '../../../lib/trap/index.ts';
import { en as trapLabEn, zh as trapLabZh } from '../../../components/trap-lab/messages.ts';

const CJK = /[\u4e00-\u9fff]/;
/** Common English words: outside quoted code, a Chinese sentence has none (names like CLI or dd are fine). */
const ENGLISH_PROSE = /\b(the|a|an|is|not|no|and|of|to|in|by|was|did|has|be|may|from|this|that)\b/i;

/** Every code of a catalogue, worded in Chinese: non-empty, with Chinese characters, no English prose. */
function expectChinese<C extends MessageCatalogue>(catalogue: C, message: MessageOf<C>): string {
  const zh = wordMessage(catalogue, message, 'zh-CN');
  expect(zh, message.code).toMatch(CJK);
  expect(zh.replace(/`[^`]*`|"[^"]*"|“[^”]*”/g, ''), message.code).not.toMatch(ENGLISH_PROSE);
  expect(zh, message.code).not.toBe(wordMessage(catalogue, message, 'en'));
  return zh;
}

function faultOf(source: string, strategy: StrategyId): TrapFault {
  const assembled = assembleProgram(source);
  if (!assembled.ok) throw new Error(assembled.errors.map((e) => wordMessage(assemblyErrorWordings, e, 'en')).join('\n'));
  const machine = new TrapMachine(assembled.program, {
    strategy,
    cost: DEFAULT_COST_MODEL,
    vmcs: DEFAULT_VMCS_CONTROLS,
    trappingSensitive: [],
  });
  const halt = machine.run(1000);
  if (halt.reason !== 'fault') throw new Error(`${strategy}: no fault (${halt.reason})`);
  // The event and the halt carry the same fault as a code at their top level (as pascal's
  // diagnostics and pcode's runtime errors do), and no sentence.
  const fault = { code: halt.code, params: halt.params } as TrapFault;
  const event = machine.events.find((e) => e.kind === 'fault');
  expect(event).toEqual({ kind: 'fault', step: expect.any(Number), pc: expect.any(Number), ...fault });
  expect(halt).toEqual({ ...fault, reason: 'fault', line: expect.any(Number) });
  return fault;
}

// Enter user mode with an interrupt frame (flags, address, mode), then do something privileged.
const USER_MODE_CLI = `
    MOVI r0, 2
    PUSH r0
    MOVI r0, user
    PUSH r0
    MOVI r0, 3
    PUSH r0
    IRET
user:
    CLI
`;

describe('trap machine faults reach a Chinese reader in Chinese', () => {
  const produced: [string, TrapFault][] = [
    ['ran past the end', faultOf('MOVI r0, 1', 'bare-metal')],
    ['user mode, bare metal', faultOf(USER_MODE_CLI, 'bare-metal')],
    ['user mode, trap-and-emulate', faultOf(USER_MODE_CLI, 'trap-and-emulate')],
    ['user mode, hardware assist', faultOf(USER_MODE_CLI, 'hardware-assist')],
    ['hypercall, bare metal', faultOf('HYPERCALL 1', 'bare-metal')],
    ['hypercall, unmodified kernel', faultOf('HYPERCALL 1', 'trap-and-emulate')],
    ['VMCALL, unmodified kernel', faultOf('HYPERCALL 1', 'hardware-assist')],
    ['no such hypercall', faultOf('HYPERCALL 99', 'paravirtualization')],
  ];

  it('produces every fault code from a real program', () => {
    expect(new Set(produced.map(([, f]) => f.code))).toEqual(new Set(Object.keys(trapFaultWordings)));
  });

  it('words each of them in Chinese', () => {
    for (const [, fault] of produced) expectChinese(trapFaultWordings, fault);
  });

  it('says which instruction a user program may not execute', () => {
    const fault = faultOf(USER_MODE_CLI, 'trap-and-emulate');
    expect(wordMessage(trapFaultWordings, fault, 'zh-CN')).toBe('在客户机的用户态执行了 CLI：用户程序不允许这样做');
    expect(wordMessage(trapFaultWordings, fault, 'en')).toBe("CLI in the guest's user mode: a user program may not do that");
  });
});

describe('the trap lab words what the machine returns, in each edition', () => {
  it('a fault: the verdict and the event, from the fault code', () => {
    const fault = faultOf('HYPERCALL 99', 'paravirtualization');
    expect(trapLabEn.verdictFault(fault, 1)).toBe('The guest stopped with a fault at line 1: HYPERCALL 99: no such hypercall.');
    expect(trapLabZh.verdictFault(fault, 1)).toBe('客户机在第 1 行因故障停止：HYPERCALL 99：没有这个编号的超级调用。');
    const event = { ...fault, kind: 'fault', step: 0, pc: 0 } as const;
    expect(trapLabEn.describeEvent(event)).toBe('fault: HYPERCALL 99: no such hypercall');
    expect(trapLabZh.describeEvent(event)).toBe('故障：HYPERCALL 99：没有这个编号的超级调用');
  });

  it('a resource the monitor lost: one sentence per code, in both editions', () => {
    const codes: ResourceViolation[] = ['haltedProcessor', 'touchedDevice', 'tookHostInterrupt'];
    for (const messages of [trapLabEn, trapLabZh]) {
      const said = codes.map((what) => messages.describeEvent({ kind: 'violation', step: 0, pc: 0, what }));
      expect(new Set(said).size).toBe(codes.length);
    }
    for (const what of codes) expect(trapLabZh.describeEvent({ kind: 'violation', step: 0, pc: 0, what })).toMatch(CJK);
  });
});

describe('how a run differs from bare metal, in Chinese', () => {
  it('trap-and-emulate on the timer workload: races counted, worded in Chinese', () => {
    const report = runWorkload('timer', 'trap-and-emulate');
    if ('errors' in report) throw new Error('the workload did not assemble');
    expect(report.equivalent).toBe(false);
    const races = report.differences.find((d) => d.code === 'consoleValue');
    if (!races || races.code !== 'consoleValue') throw new Error('no console difference');
    expect(races.params.output.code).toBe('races');
    expect(wordMessage(runDifferenceWordings, races, 'zh-CN')).toBe(`竞争 = ${races.params.got}（裸机：0）`);
    expect(wordMessage(runDifferenceWordings, races, 'en')).toBe(`races = ${races.params.got} (bare metal: 0)`);
  });

  it('a run cut short by the step limit did not finish', () => {
    const report = runWorkload('syscalls', 'hardware-assist', { maxSteps: 10 });
    if ('errors' in report) throw new Error('the workload did not assemble');
    expect(report.differences[0]).toEqual({ code: 'didNotFinish' });
    expect(expectChinese(runDifferenceWordings, report.differences[0]!)).toBe('没有运行结束');
  });

  it('words every difference code in Chinese (codes no workload reaches, with sample parameters)', () => {
    const samples: RunDifference[] = [
      { code: 'ranPastEnd', params: { address: 12 } },
      { code: 'userModeForbidden', params: { op: 'CLI' } },
      { code: 'guestUserModeForbidden', params: { op: 'LIDT' } },
      { code: 'hypercallOnBareMetal' },
      { code: 'hypercallFromUnmodifiedKernel' },
      { code: 'vmcallFromUnmodifiedKernel' },
      { code: 'noSuchHypercall', params: { number: 9 } },
      { code: 'didNotFinish' },
      { code: 'consoleValue', params: { output: { code: 'sum' }, got: null, want: 1275 } },
      { code: 'consoleDiffers' },
      { code: 'diskDiffers' },
    ];
    expect(new Set(samples.map((s) => s.code))).toEqual(new Set(Object.keys(runDifferenceWordings)));
    for (const sample of samples) expectChinese(runDifferenceWordings, sample);
    expect(wordMessage(runDifferenceWordings, samples[6]!, 'zh-CN')).toBe('出现故障：HYPERCALL 9：没有这个编号的超级调用');
    expect(wordMessage(runDifferenceWordings, samples[6]!, 'en')).toBe('faulted: HYPERCALL 9: no such hypercall');
    expect(wordMessage(runDifferenceWordings, samples[8]!, 'zh-CN')).toBe('和 = 无输出（裸机：1275）');
  });

  it('every workload names its outputs in both editions', () => {
    for (const id of WORKLOAD_IDS) {
      const workload = getWorkload(id);
      expect(workload.consoleOutputs.length).toBeGreaterThan(0);
      for (const output of workload.consoleOutputs) expectChinese(consoleOutputWordings, output);
    }
  });

  it('every strategy on every workload gives differences that word in Chinese', () => {
    for (const workload of WORKLOAD_IDS) {
      for (const strategy of STRATEGY_IDS) {
        const report = runWorkload(workload, strategy);
        if ('errors' in report) throw new Error('the workload did not assemble');
        for (const difference of report.differences) expectChinese(runDifferenceWordings, difference);
      }
    }
  });
});

describe('VM exits, in Chinese', () => {
  it('names the reason of every exit hardware assist takes on the workloads', () => {
    const reasons = new Set<string>();
    for (const workload of WORKLOAD_IDS) {
      for (const on of [true, false]) {
        const vmcs = Object.fromEntries(VMCS_CONTROL_KEYS.map((key) => [key, on])) as unknown as typeof DEFAULT_VMCS_CONTROLS;
        const machine = createMachine(workload, 'hardware-assist', { vmcs });
        if (!(machine instanceof TrapMachine)) throw new Error('the workload did not assemble');
        for (let i = 0; i < 5000 && !machine.halted; i++) {
          for (const event of machine.step()?.events ?? []) {
            if (event.kind === 'vm-exit') {
              reasons.add(event.reason);
              expectChinese(exitReasonWordings, { code: event.reason });
            }
          }
        }
      }
    }
    expect(reasons).toContain('external interrupt');
    expect(wordMessage(exitReasonWordings, { code: 'interrupt window' }, 'zh-CN')).toBe('中断窗口');
    for (const code of Object.keys(exitReasonWordings) as (keyof typeof exitReasonWordings)[]) {
      expect(wordMessage(exitReasonWordings, { code }, 'zh-CN')).toMatch(CJK);
    }
  });
});

describe('the ISA, described in Chinese', () => {
  it('has an English and a Chinese summary for each of the 24 instructions of the ISA table', () => {
    expect(Object.keys(instructionSummaryWordings).sort()).toEqual(INSTRUCTION_SET.map((info) => info.op).sort());
    for (const info of INSTRUCTION_SET) {
      expect(wordMessage(instructionSummaryWordings, { code: info.op }, 'en')).toMatch(/^[A-Z].*\.$/);
      expectChinese(instructionSummaryWordings, { code: info.op });
    }
    expect(wordMessage(instructionSummaryWordings, { code: 'POPF' }, 'zh-CN')).toBe('弹出标志字，其中包括中断标志。');
  });
});

describe('assembler errors, in Chinese', () => {
  const cases: [string, string][] = [
    ['definedTwice', 'a: HLT\na: HLT'],
    ['equNeedsNameAndValue', '.equ X'],
    ['unknownInstruction', 'FROB r0'],
    ['operandCount', 'MOV r0'],
    ['missingOperand', 'MOV r0, '],
    ['expectedRegister', 'MOV r0, 5'],
    ['expectedMemory', 'LOAD r0, 5'],
    ['registerNotAllowed', 'MOVI r0, r1'],
    ['unreadable', 'MOVI r0, 1+'],
    ['unknownName', 'JMP nowhere'],
    ['noInstructions', '; nothing here'],
  ];

  it('produces every error code from a real source, and words it in Chinese', () => {
    const seen = new Set<string>();
    for (const [code, source] of cases) {
      const result = assembleProgram(source);
      expect(result.ok, source).toBe(false);
      if (result.ok) continue;
      const error = result.errors[0]!;
      expect(error.code, source).toBe(code);
      expectChinese(assemblyErrorWordings, error);
      seen.add(error.code);
    }
    expect(seen).toEqual(new Set(Object.keys(assemblyErrorWordings)));
  });

  it('names the operands an instruction takes', () => {
    const result = assembleProgram('MOV r0');
    if (result.ok) throw new Error('assembled');
    const problem: AssemblyMessage = result.errors[0]!;
    expect(wordMessage(assemblyErrorWordings, problem, 'zh-CN')).toBe('MOV 需要 2 个操作数（寄存器、寄存器），这里有 1 个');
    expect(wordMessage(assemblyErrorWordings, problem, 'en')).toBe('MOV takes 2 operands (register, register), found 1');
  });
});

describe('I/O measurement problems, in Chinese', () => {
  function failingTarget(status: number, deliver: boolean, timedOut = false): IoMeasureTarget {
    const listeners = new Set<(v: never) => void>();
    return {
      emulator: { add_listener: (_e, l) => void listeners.add(l), remove_listener: (_e, l) => void listeners.delete(l) },
      instructionCount: () => 0,
      async run() {
        if (deliver) for (const l of listeners) (l as (v: unknown) => void)(new Uint8Array(4096));
        return { output: 'dd: write error: I/O error', status, timedOut };
      },
    };
  }

  it('words every failure of a measurement in Chinese', async () => {
    const uart = IO_CHANNELS[0]!;
    const results = [
      await measureIoChannel(failingTarget(124, false, true), 'uart', 4096, { timeoutMs: 30_000 }),
      await measureIoChannel(failingTarget(1, false), 'uart', 4096),
      await measureIoChannel(failingTarget(0, false), 'uart', 4096, { drainMs: 5 }),
    ];
    const problems = results.map((r) => {
      if (r.ok) throw new Error('the measurement succeeded');
      return r;
    });
    expect(problems.map((p) => p.code)).toEqual(Object.keys(ioMeasureProblemWordings));
    for (const problem of problems) expectChinese(ioMeasureProblemWordings, problem);
    expect(wordMessage(ioMeasureProblemWordings, problems[0]!, 'zh-CN')).toBe(`${uart.device}：客户机在 30 秒内没有完成`);
    expect(wordMessage(ioMeasureProblemWordings, problems[1]!, 'zh-CN')).toBe(
      `${uart.device}：dd 失败（退出状态 1）：dd: write error: I/O error`,
    );
  });
});
