// The names and messages the trap lab's engine and its wordings share: the opcodes of the teaching
// ISA, the reasons for a VM exit, the workloads, and the codes the machine and its runs return. A
// leaf module (it imports nothing of the engine), so the modules that make these codes never import
// the catalogue that words them (trap-wordings.ts): only the engine's edge does (index.ts, the CLI).

export type Opcode =
  | 'MOVI' | 'MOV' | 'ADD' | 'ADDI' | 'LOAD' | 'STORE' | 'JMP' | 'JNZ' | 'PUSH' | 'POP'
  | 'SYSCALL' | 'HYPERCALL'
  | 'CLI' | 'STI' | 'HLT' | 'IN' | 'OUT' | 'LIDT' | 'LMSW' | 'IRET'
  | 'PUSHF' | 'POPF' | 'SMSW' | 'SIDT';

export type ExitReason = 'HLT' | 'I/O' | 'LIDT' | 'SIDT' | 'LMSW' | 'VMCALL' | 'external interrupt' | 'interrupt window';

export type WorkloadId = 'timer' | 'syscalls' | 'io' | 'boot-check';

/** Why the trap machine stopped a guest with a fault (trapFaultWordings words each code). */
export type TrapFault =
  | { readonly code: 'ranPastEnd'; readonly params: { readonly address: number } }
  | { readonly code: 'userModeForbidden'; readonly params: { readonly op: Opcode } }
  | { readonly code: 'guestUserModeForbidden'; readonly params: { readonly op: Opcode } }
  | { readonly code: 'hypercallOnBareMetal'; readonly params?: undefined }
  | { readonly code: 'hypercallFromUnmodifiedKernel'; readonly params?: undefined }
  | { readonly code: 'vmcallFromUnmodifiedKernel'; readonly params?: undefined }
  | { readonly code: 'noSuchHypercall'; readonly params: { readonly number: number } };

/** A number a workload prints on its console, by name (consoleOutputWordings words each code). */
export type ConsoleOutputCode = 'races' | 'work' | 'sum' | 'wordsWritten' | 'statusWord' | 'tableAddress';
export type ConsoleOutput = { readonly [K in ConsoleOutputCode]: { readonly code: K; readonly params?: undefined } }[ConsoleOutputCode];

/**
 * How a run under a strategy differs from the same workload on bare metal (runDifferenceWordings
 * words each code). A run that faulted differs by its fault: the fault's own code and params.
 */
export type RunDifference =
  | TrapFault
  | { readonly code: 'didNotFinish'; readonly params?: undefined }
  | { readonly code: 'consoleValue'; readonly params: { readonly output: ConsoleOutput; readonly got: number | null; readonly want: number | null } }
  | { readonly code: 'consoleDiffers'; readonly params?: undefined }
  | { readonly code: 'diskDiffers'; readonly params?: undefined };
