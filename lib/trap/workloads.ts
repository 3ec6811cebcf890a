// The guest kernel and its workloads. Each workload exists twice: the unmodified kernel (what runs on
// bare metal, under trap-and-emulate, binary translation and hardware assist) and the para-virtualized
// kernel (rewritten to call the monitor with hypercalls). Sources are assembly, shown to the reader.

import type { ConsoleOutput } from './trap-codes.ts';

import type { WorkloadId } from './trap-codes.ts';

export type { WorkloadId } from './trap-codes.ts';

export const WORKLOAD_IDS: readonly WorkloadId[] = ['timer', 'syscalls', 'io', 'boot-check'];

export interface WorkloadSettings {
  /** Para-virtual I/O: how many words one DISK_WRITE hypercall carries (a divisor of IO_WORDS). */
  readonly pvBatchSize: number;
}

export const IO_WORDS = 64;
export const PV_BATCH_SIZES: readonly number[] = [1, 2, 4, 8, 16, 32, 64];
export const DEFAULT_WORKLOAD_SETTINGS: WorkloadSettings = { pvBatchSize: 8 };

export interface Workload {
  readonly id: WorkloadId;
  /** The numbers the guest prints on its console, in order (consoleOutputWordings words them). */
  readonly consoleOutputs: readonly ConsoleOutput[];
  readonly nativeSource: (settings: WorkloadSettings) => string;
  readonly paravirtualSource: (settings: WorkloadSettings) => string;
}

const LAYOUT = `; memory layout shared by every workload
.equ IDT 8            ; interrupt table: vector 0 = timer, vector 1 = system call
.equ BUSY 16          ; 1 while the kernel is inside its critical section
.equ RACES 17         ; timer interrupts that arrived inside the critical section
.equ TICKS 18
.equ COUNT 19
.equ KERNEL_MSW 20    ; para-virtual kernel: its own copy of the status word
.equ KERNEL_IDT 21    ; para-virtual kernel: where its trap table is
.equ BUF 32           ; I/O buffer
.equ VIRQ_MASK 224    ; para-virtual kernel: 1 = virtual interrupts masked (shared with the monitor)
.equ VIRQ_PENDING 225 ; para-virtual kernel: 1 = the monitor holds an interrupt for us
`;

const TIMER_NATIVE = `${LAYOUT}.equ ITERATIONS 20
boot:
    MOVI r0, timer
    STORE r0, [IDT]       ; vector 0: the timer handler
    MOVI r0, IDT
    LIDT r0               ; privileged: load the interrupt table
    MOVI r0, 17
    OUT 2, r0             ; program the timer: a tick every 17 instructions
    STI                   ; interrupts on
    MOVI r1, ITERATIONS
loop:
    PUSHF                 ; save the flags (interrupts are on)
    POP r3
    MOVI r0, 2            ; a flags word with the interrupt flag clear
    PUSH r0
    POPF                  ; interrupts off (so the kernel believes)
    MOVI r0, 1
    STORE r0, [BUSY]      ; critical section begins
    ADDI r2, 1
    ADDI r2, 1
    MOVI r0, 0
    STORE r0, [BUSY]      ; critical section ends
    PUSH r3
    POPF                  ; restore the saved flags: interrupts on
    ADDI r1, -1
    JNZ r1, loop
    CLI
    LOAD r0, [RACES]
    OUT 1, r0             ; print: races (0 on real hardware)
    OUT 1, r2             ; print: work done
    HLT
timer:
    PUSH r0
    LOAD r0, [TICKS]
    ADDI r0, 1
    STORE r0, [TICKS]
    LOAD r0, [BUSY]
    JNZ r0, race          ; a tick inside the critical section is a bug
    POP r0
    IRET
race:
    LOAD r0, [RACES]
    ADDI r0, 1
    STORE r0, [RACES]
    POP r0
    IRET
`;

const TIMER_PARAVIRTUAL = `${LAYOUT}.equ ITERATIONS 20
boot:
    MOVI r0, timer
    STORE r0, [IDT]
    MOVI r0, IDT
    HYPERCALL HC_SET_TRAP_TABLE   ; was LIDT
    MOVI r0, 17
    HYPERCALL HC_SET_TIMER        ; was OUT 2
    MOVI r0, 0
    STORE r0, [VIRQ_MASK]         ; was STI: unmask virtual interrupts
    MOVI r1, ITERATIONS
loop:
    LOAD r3, [VIRQ_MASK]          ; was PUSHF; POP r3
    MOVI r0, 1
    STORE r0, [VIRQ_MASK]         ; was POPF: mask virtual interrupts
    MOVI r0, 1
    STORE r0, [BUSY]
    ADDI r2, 1
    ADDI r2, 1
    MOVI r0, 0
    STORE r0, [BUSY]
    STORE r3, [VIRQ_MASK]         ; was POPF: restore the mask
    LOAD r0, [VIRQ_PENDING]       ; did a tick arrive while masked?
    JNZ r0, take_pending
resume:
    ADDI r1, -1
    JNZ r1, loop
    MOVI r0, 1
    STORE r0, [VIRQ_MASK]         ; was CLI
    LOAD r0, [RACES]
    HYPERCALL HC_CONSOLE_WRITE    ; was OUT 1
    MOV r0, r2
    HYPERCALL HC_CONSOLE_WRITE
    HYPERCALL HC_SHUTDOWN         ; was HLT
take_pending:
    HYPERCALL HC_CHECK_EVENTS     ; let the monitor deliver it now (Linux on Xen does the same)
    JMP resume
timer:
    PUSH r0
    LOAD r0, [TICKS]
    ADDI r0, 1
    STORE r0, [TICKS]
    LOAD r0, [BUSY]
    JNZ r0, race
    POP r0
    HYPERCALL HC_IRET             ; was IRET
race:
    LOAD r0, [RACES]
    ADDI r0, 1
    STORE r0, [RACES]
    POP r0
    HYPERCALL HC_IRET
`;

const SYSCALLS_NATIVE = `${LAYOUT}.equ CALLS 50
boot:
    MOVI r0, syscall
    STORE r0, [IDT+1]     ; vector 1: the system-call handler
    MOVI r0, IDT
    LIDT r0
    MOVI r0, 0x202
    PUSH r0               ; frame: flags (interrupts on)
    MOVI r0, user_main
    PUSH r0               ; frame: where to continue
    MOVI r0, 3
    PUSH r0               ; frame: mode 3 = user
    IRET                  ; drop to user mode
user_main:
    MOVI r1, CALLS
    MOVI r2, 0
next:
    MOVI r0, 1
    SYSCALL               ; sys_next: returns 1, 2, 3, ... in r0
    ADD r2, r0
    ADDI r1, -1
    JNZ r1, next
    MOVI r0, 2
    SYSCALL               ; sys_print r2
    MOVI r0, 0
    SYSCALL               ; sys_exit
syscall:
    JNZ r0, not_exit
    HLT                   ; sys_exit: power off
not_exit:
    ADDI r0, -1
    JNZ r0, sys_print
    LOAD r0, [COUNT]      ; sys_next
    ADDI r0, 1
    STORE r0, [COUNT]
    IRET
sys_print:
    OUT 1, r2
    IRET
`;

const SYSCALLS_PARAVIRTUAL = `${LAYOUT}.equ CALLS 50
boot:
    MOVI r0, syscall
    STORE r0, [IDT+1]
    MOVI r0, IDT
    HYPERCALL HC_SET_TRAP_TABLE   ; was LIDT; system calls now go straight to the kernel
    MOVI r0, 0x202
    PUSH r0
    MOVI r0, user_main
    PUSH r0
    MOVI r0, 3
    PUSH r0
    HYPERCALL HC_IRET             ; was IRET
user_main:
    MOVI r1, CALLS
    MOVI r2, 0
next:
    MOVI r0, 1
    SYSCALL
    ADD r2, r0
    ADDI r1, -1
    JNZ r1, next
    MOVI r0, 2
    SYSCALL
    MOVI r0, 0
    SYSCALL
syscall:
    JNZ r0, not_exit
    HYPERCALL HC_SHUTDOWN         ; was HLT
not_exit:
    ADDI r0, -1
    JNZ r0, sys_print
    LOAD r0, [COUNT]
    ADDI r0, 1
    STORE r0, [COUNT]
    HYPERCALL HC_IRET             ; was IRET
sys_print:
    MOV r0, r2
    HYPERCALL HC_CONSOLE_WRITE    ; was OUT 1
    HYPERCALL HC_IRET             ; was IRET
`;

function ioFill(): string {
  return `boot:
    MOVI r1, BUF
    MOVI r2, WORDS
    MOVI r3, 1
fill:
    STORE r3, [r1]        ; buffer[i] = 3i + 1
    ADDI r3, 3
    ADDI r1, 1
    ADDI r2, -1
    JNZ r2, fill
`;
}

const IO_NATIVE = () => `${LAYOUT}.equ WORDS ${IO_WORDS}
${ioFill()}    MOVI r1, BUF
    MOVI r2, WORDS
write:
    LOAD r0, [r1]
    OUT 3, r0             ; one port access per word
    ADDI r1, 1
    ADDI r2, -1
    JNZ r2, write
    OUT 4, r2             ; commit the block
    IN r0, 5
    OUT 1, r0             ; print: words the disk received
    HLT
`;

const IO_PARAVIRTUAL = (settings: WorkloadSettings) => `${LAYOUT}.equ WORDS ${IO_WORDS}
.equ BATCH ${settings.pvBatchSize}
.equ BATCHES ${IO_WORDS / settings.pvBatchSize}
${ioFill()}    MOVI r2, BUF
    MOVI r3, BATCHES
write:
    MOV r0, r2            ; was a loop of OUT 3: hand the monitor
    MOVI r1, BATCH        ; a whole batch of words at once
    HYPERCALL HC_DISK_WRITE
    ADDI r2, BATCH
    ADDI r3, -1
    JNZ r3, write
    HYPERCALL HC_DISK_COMMIT      ; was OUT 4; returns the word count in r0
    HYPERCALL HC_CONSOLE_WRITE    ; was IN r0, 5; OUT 1, r0
    HYPERCALL HC_SHUTDOWN         ; was HLT
`;

const BOOT_CHECK_NATIVE = `${LAYOUT}boot:
    MOVI r0, IDT
    LIDT r0               ; privileged: traps when deprivileged
    MOVI r0, 1
    LMSW r0               ; privileged: protection on
    SMSW r1               ; sensitive but NOT privileged: reads the real status word
    OUT 1, r1             ; print: the status word (1 on real hardware)
    SIDT r1               ; sensitive but NOT privileged: reads the real table register
    OUT 1, r1             ; print: where the interrupt table is (8)
    HLT
`;

const BOOT_CHECK_PARAVIRTUAL = `${LAYOUT}boot:
    MOVI r0, IDT
    HYPERCALL HC_SET_TRAP_TABLE   ; was LIDT
    STORE r0, [KERNEL_IDT]        ; the kernel remembers its own table
    MOVI r0, 1
    STORE r0, [KERNEL_MSW]        ; was LMSW: the monitor owns the real status word
    LOAD r0, [KERNEL_MSW]         ; was SMSW
    HYPERCALL HC_CONSOLE_WRITE    ; was OUT 1
    LOAD r0, [KERNEL_IDT]         ; was SIDT
    HYPERCALL HC_CONSOLE_WRITE
    HYPERCALL HC_SHUTDOWN         ; was HLT
`;

function workload(
  id: WorkloadId,
  outputs: readonly ConsoleOutput['code'][],
  nativeSource: (settings: WorkloadSettings) => string,
  paravirtualSource: (settings: WorkloadSettings) => string,
): Workload {
  const consoleOutputs = outputs.map((code) => ({ code }) as ConsoleOutput);
  return {
    id,
    consoleOutputs,
    nativeSource,
    paravirtualSource,
  };
}

export const WORKLOADS: readonly Workload[] = [
  workload('timer', ['races', 'work'], () => TIMER_NATIVE, () => TIMER_PARAVIRTUAL),
  workload('syscalls', ['sum'], () => SYSCALLS_NATIVE, () => SYSCALLS_PARAVIRTUAL),
  workload('io', ['wordsWritten'], IO_NATIVE, IO_PARAVIRTUAL),
  workload('boot-check', ['statusWord', 'tableAddress'], () => BOOT_CHECK_NATIVE, () => BOOT_CHECK_PARAVIRTUAL),
];

export function getWorkload(id: WorkloadId): Workload {
  return WORKLOADS.find((w) => w.id === id)!;
}

export function isWorkloadId(value: unknown): value is WorkloadId {
  return typeof value === 'string' && (WORKLOAD_IDS as readonly string[]).includes(value);
}

/** Lines of kernel code that differ between the unmodified and the para-virtualized kernel (LCS diff). */
export function countChangedLines(nativeSource: string, paravirtualSource: string): number {
  const code = (s: string) =>
    s.split('\n').map((l) => l.replace(/;.*$/, '').trim().replace(/\s+/g, ' ')).filter((l) => l !== '');
  const a = code(nativeSource);
  const b = code(paravirtualSource);
  const table: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const common = table[0]![0]!;
  // Lines removed from the native kernel plus lines added to the para-virtual one.
  return a.length - common + (b.length - common);
}
