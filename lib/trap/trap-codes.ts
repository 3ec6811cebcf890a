// The names the trap lab's engine and its wordings share: the opcodes of the teaching ISA, the
// reasons for a VM exit, and the workloads. A leaf module (it imports nothing), so the catalogue
// that words them (trap-wordings.ts) and the modules that produce them never import each other.

export type Opcode =
  | 'MOVI' | 'MOV' | 'ADD' | 'ADDI' | 'LOAD' | 'STORE' | 'JMP' | 'JNZ' | 'PUSH' | 'POP'
  | 'SYSCALL' | 'HYPERCALL'
  | 'CLI' | 'STI' | 'HLT' | 'IN' | 'OUT' | 'LIDT' | 'LMSW' | 'IRET'
  | 'PUSHF' | 'POPF' | 'SMSW' | 'SIDT';

export type ExitReason = 'HLT' | 'I/O' | 'LIDT' | 'SIDT' | 'LMSW' | 'VMCALL' | 'external interrupt' | 'interrupt window';

export type WorkloadId = 'timer' | 'syscalls' | 'io' | 'boot-check';
