// What the trap machine and its runs say to a reader, in every edition of the book: the faults that
// stop a guest, how a run differs from bare metal, the names of what a workload prints, and what
// each instruction of the teaching ISA does. Engines return codes; whoever shows them words them.

import { wordMessage, wordings } from '../book/localized-text.ts';
import type { CatalogueOf, LocalizedText, Wordings } from '../book/localized-text.ts';
import type { ConsoleOutput, ExitReason, Opcode, RunDifference, TrapFault, WorkloadId } from './trap-codes.ts';

/** The workloads' names, as the trap lab and the exercises show them. */
export const workloadNames: Readonly<Record<WorkloadId, LocalizedText>> = {
  timer: { en: 'Timer interrupts', 'zh-CN': '时钟中断' },
  syscalls: { en: 'System calls', 'zh-CN': '系统调用' },
  io: { en: 'Disk I/O', 'zh-CN': '磁盘 I/O' },
  'boot-check': { en: 'Boot check (SMSW, SIDT)', 'zh-CN': '启动检查（SMSW、SIDT）' },
};

/** Why the trap machine stopped a guest with a fault. */
export const trapFaultWordings = {
  ranPastEnd: wordings(
    (p: { address: number }) => `the processor ran past the end of the program (address ${p.address})`,
    (p) => `处理器越过了程序的末尾（地址 ${p.address}）`,
  ),
  userModeForbidden: wordings(
    (p: { op: Opcode }) => `${p.op} in user mode: a user program may not do that`,
    (p) => `在用户态执行了 ${p.op}：用户程序不允许这样做`,
  ),
  guestUserModeForbidden: wordings(
    (p: { op: Opcode }) => `${p.op} in the guest's user mode: a user program may not do that`,
    (p) => `在客户机的用户态执行了 ${p.op}：用户程序不允许这样做`,
  ),
  hypercallOnBareMetal: wordings(
    () => 'HYPERCALL on bare metal: there is no monitor to call',
    () => '在裸机上执行了 HYPERCALL：没有可以调用的监控器',
  ),
  hypercallFromUnmodifiedKernel: wordings(
    () => 'HYPERCALL from an unmodified kernel: this monitor offers no hypercalls',
    () => '未经修改的内核执行了 HYPERCALL：这个监控器不提供超级调用',
  ),
  vmcallFromUnmodifiedKernel: wordings(
    () => 'VMCALL from an unmodified kernel: this monitor offers no hypercalls',
    () => '未经修改的内核执行了 VMCALL：这个监控器不提供超级调用',
  ),
  noSuchHypercall: wordings(
    (p: { number: number }) => `HYPERCALL ${p.number}: no such hypercall`,
    (p) => `HYPERCALL ${p.number}：没有这个编号的超级调用`,
  ),
} satisfies CatalogueOf<TrapFault>;

/** The numbers a workload prints on its console, by name. */
export const consoleOutputWordings = {
  races: wordings(() => 'races', () => '竞争'),
  work: wordings(() => 'work', () => '完成的工作'),
  sum: wordings(() => 'sum', () => '和'),
  wordsWritten: wordings(() => 'words written', () => '写入的字数'),
  statusWord: wordings(() => 'status word', () => '状态字'),
  tableAddress: wordings(() => 'table address', () => '中断表地址'),
} satisfies CatalogueOf<ConsoleOutput>;

const printed = (value: number | null, nothing: string) => (value === null ? nothing : String(value));

/** A run that stopped with a fault, worded as a difference from bare metal: "faulted: " and the fault. */
function faulted<P>(fault: Wordings<P>): Wordings<P> {
  return wordings((p: P) => `faulted: ${fault.en(p)}`, (p) => `出现故障：${fault['zh-CN'](p)}`);
}

/** How a run under a strategy differs from the same workload on bare metal. */
export const runDifferenceWordings = {
  ranPastEnd: faulted(trapFaultWordings.ranPastEnd),
  userModeForbidden: faulted(trapFaultWordings.userModeForbidden),
  guestUserModeForbidden: faulted(trapFaultWordings.guestUserModeForbidden),
  hypercallOnBareMetal: faulted(trapFaultWordings.hypercallOnBareMetal),
  hypercallFromUnmodifiedKernel: faulted(trapFaultWordings.hypercallFromUnmodifiedKernel),
  vmcallFromUnmodifiedKernel: faulted(trapFaultWordings.vmcallFromUnmodifiedKernel),
  noSuchHypercall: faulted(trapFaultWordings.noSuchHypercall),
  didNotFinish: wordings(() => 'did not finish', () => '没有运行结束'),
  consoleValue: wordings(
    (p: { output: ConsoleOutput; got: number | null; want: number | null }) =>
      `${wordMessage(consoleOutputWordings, p.output, 'en')} = ${printed(p.got, 'nothing')} (bare metal: ${printed(p.want, 'nothing')})`,
    (p) =>
      `${wordMessage(consoleOutputWordings, p.output, 'zh-CN')} = ${printed(p.got, '无输出')}（裸机：${printed(p.want, '无输出')}）`,
  ),
  consoleDiffers: wordings(() => 'console output differs', () => '控制台输出不同'),
  diskDiffers: wordings(() => 'the disk received different data', () => '磁盘收到的数据不同'),
} satisfies CatalogueOf<RunDifference>;

/** Why a guest under hardware assist exited to the monitor (instruction names stay as they are). */
export const exitReasonWordings = {
  HLT: wordings(() => 'HLT', () => 'HLT 指令'),
  'I/O': wordings(() => 'I/O', () => 'I/O 指令'),
  LIDT: wordings(() => 'LIDT', () => 'LIDT 指令'),
  SIDT: wordings(() => 'SIDT', () => 'SIDT 指令'),
  LMSW: wordings(() => 'LMSW', () => 'LMSW 指令'),
  VMCALL: wordings(() => 'VMCALL', () => 'VMCALL 指令'),
  'external interrupt': wordings(() => 'external interrupt', () => '外部中断'),
  'interrupt window': wordings(() => 'interrupt window', () => '中断窗口'),
} satisfies Record<ExitReason, unknown>;

/** What each instruction of the lab's ISA does (shown in the lab and the virtualizability quiz). */
export const instructionSummaryWordings = {
  MOVI: wordings(() => 'Load a constant into a register.', () => '把一个常数装入寄存器。'),
  MOV: wordings(() => 'Copy one register into another.', () => '把一个寄存器复制到另一个寄存器。'),
  ADD: wordings(() => 'Add the second register to the first.', () => '把第二个寄存器加到第一个上。'),
  ADDI: wordings(() => 'Add a constant (may be negative) to a register.', () => '给寄存器加上一个常数（可以是负数）。'),
  LOAD: wordings(() => 'Read a word of memory.', () => '读取内存中的一个字。'),
  STORE: wordings(() => 'Write a register to a word of memory.', () => '把寄存器写入内存中的一个字。'),
  JMP: wordings(() => 'Jump.', () => '跳转。'),
  JNZ: wordings(() => 'Jump if the register is not zero.', () => '寄存器不为零时跳转。'),
  PUSH: wordings(() => 'Push a register on the stack.', () => '把寄存器压入栈。'),
  POP: wordings(() => 'Pop the stack into a register.', () => '把栈顶弹出到寄存器。'),
  SYSCALL: wordings(() => 'Call the kernel through vector 1 of the interrupt table.', () => '通过中断表的 1 号向量调用内核。'),
  HYPERCALL: wordings(
    () => 'Call the monitor (only a para-virtualized kernel uses it).',
    () => '调用监控器（只有半虚拟化的内核使用它）。',
  ),
  CLI: wordings(() => 'Clear the interrupt flag: interrupts off.', () => '清除中断标志：关中断。'),
  STI: wordings(() => 'Set the interrupt flag: interrupts on.', () => '设置中断标志：开中断。'),
  HLT: wordings(() => 'Stop the processor.', () => '让处理器停机。'),
  IN: wordings(() => 'Read a device port.', () => '读取一个设备端口。'),
  OUT: wordings(() => 'Write a device port.', () => '写入一个设备端口。'),
  LIDT: wordings(() => 'Load the interrupt table register.', () => '装入中断表寄存器。'),
  LMSW: wordings(() => 'Load the machine status word.', () => '装入机器状态字。'),
  IRET: wordings(() => 'Return from an interrupt: pop mode, address and flags.', () => '从中断返回：弹出模式、地址和标志。'),
  PUSHF: wordings(() => 'Push the flags word, which includes the interrupt flag.', () => '压入标志字，其中包括中断标志。'),
  POPF: wordings(() => 'Pop the flags word, which includes the interrupt flag.', () => '弹出标志字，其中包括中断标志。'),
  SMSW: wordings(() => 'Read the machine status word.', () => '读取机器状态字。'),
  SIDT: wordings(() => 'Read the interrupt table register.', () => '读取中断表寄存器。'),
} satisfies Record<Opcode, unknown>;
