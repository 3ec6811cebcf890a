// A KVM-shaped interface to chapter 4's teaching ISA: /dev/kvm, a VM, a memory slot, a vCPU and
// KVM_RUN with the exits of struct kvm_run, and a userspace monitor that loops on it, step by step
// the C program guest/kvm-hello/kvm-hello.c does with the real ioctls.

export {
  KvmDevice, KvmSystem, KvmVm, KvmVcpu, KVM_API_VERSION, KVM_EXIT_UNKNOWN, KVM_EXIT_IO, KVM_EXIT_HLT, KVM_EXIT_MMIO,
  KVM_EXIT_SHUTDOWN, KVM_EXIT_INTR, KVM_EXIT_INTERNAL_ERROR, KVM_EXIT_IO_IN, KVM_EXIT_IO_OUT,
  KVM_INTERNAL_ERROR_EMULATION, KVM_MEM_READONLY, KVM_ENOSYS, KVM_EXIT_NAMES, GUEST_PHYSICAL_WORDS, MAX_MEMORY_SLOTS,
  MAX_VCPUS, VCPU_MMAP_SIZE, PIO_DATA_OFFSET, RUN_INSTRUCTION_BUDGET,
} from './kvm.ts';
export type { KvmResult, KvmProblem, UserMemoryRegion, KvmRegs, KvmRun } from './kvm.ts';
export { encodeGuestImage, decodeInstruction, WORDS_PER_INSTRUCTION } from './guest-image.ts';
export type { GuestImage, DecodedInstruction } from './guest-image.ts';
export {
  helloVmm, GUEST_ADDRESS, GUEST_MEMORY_WORDS, SERIAL_DATA, SERIAL_LINE_STATUS, LINE_STATUS_EMPTY,
} from './hello-vmm.ts';
export type { VmmStep, VmmOutcome } from './hello-vmm.ts';
export { VmmSession, startVmmSession } from './vmm-session.ts';
export type { ExitRecord, VmmSnapshot, VmmSessionStart } from './vmm-session.ts';
// The two monitors as text (vmm-sources.ts) are a face of their own: they are imported with Vite's
// ?raw, which the CLIs and other engines in plain Node cannot load.
export { kvmProblemWordings, vmmOutcomeWordings } from './vmm-wordings.ts';
export type { VmmOutcomeMessage, KvmProblemMessage } from './vmm-wordings.ts';
