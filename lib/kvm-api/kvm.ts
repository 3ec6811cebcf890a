// A KVM-shaped interface to chapter 4's teaching ISA in hardware-assist mode: the kernel's side of
// /dev/kvm, with the ioctls a minimal monitor uses, as methods. Names, numbers and the fields of
// `struct kvm_run` follow the kernel's Documentation/virt/kvm/api.rst and include/uapi/linux/kvm.h
// (Linux 6.1); what differs is the machine underneath: 16-bit words instead of bytes, four
// registers r0..r3, and a guest-physical address space of 256 words (the ISA's addresses are 8 bits).
//
// What the teaching vCPU does with each instruction of the ISA, running the guest in non-root mode:
// - MOVI MOV ADD ADDI JMP JNZ, and LOAD STORE PUSH POP on memory a slot covers: run directly.
// - CLI STI PUSHF POPF LIDT SIDT LMSW SMSW IRET: run directly against the vCPU's own state, as VT-x
//   runs them against the guest state in the VMCS.
// - IN, OUT: KVM_EXIT_IO (no device lives in this kernel).
// - LOAD, POP on an address no slot covers, STORE, PUSH there or on a read-only slot: KVM_EXIT_MMIO.
// - HLT: KVM_EXIT_HLT (no in-kernel interrupt controller here).
// - HYPERCALL: handled in the kernel, as KVM handles VMCALL: the number is unknown, so r0 gets
//   -KVM_ENOSYS and the guest goes on.
// - SYSCALL, or a word that decodes to no instruction: an exception this vCPU cannot deliver (it
//   has no interrupt table set up), which on x86 ends in a triple fault: KVM_EXIT_SHUTDOWN.
// - Fetching an instruction from an address no slot covers: KVM_EXIT_INTERNAL_ERROR with suberror
//   KVM_INTERNAL_ERROR_EMULATION, what KVM reports when it cannot emulate such an access.
// - After a budget of instructions without an exit, KVM_RUN returns EINTR (KVM_EXIT_INTR), as it
//   does when a signal is pending: the monitor may call it again.

import { FLAG_IF } from '../trap/index.ts';
import type { Operand } from '../trap/index.ts';
import { WORDS_PER_INSTRUCTION, decodeInstruction } from './guest-image.ts';

export const KVM_API_VERSION = 12;

/** exit_reason values, from include/uapi/linux/kvm.h. */
export const KVM_EXIT_UNKNOWN = 0;
export const KVM_EXIT_IO = 2;
export const KVM_EXIT_HLT = 5;
export const KVM_EXIT_MMIO = 6;
export const KVM_EXIT_SHUTDOWN = 8;
export const KVM_EXIT_INTR = 10;
export const KVM_EXIT_INTERNAL_ERROR = 17;
export const KVM_EXIT_IO_IN = 0;
export const KVM_EXIT_IO_OUT = 1;
export const KVM_INTERNAL_ERROR_EMULATION = 1;
export const KVM_MEM_READONLY = 1 << 1;
/** What KVM puts in the guest's result register for an unknown hypercall (include/uapi/linux/kvm_para.h). */
export const KVM_ENOSYS = 1000;

export const KVM_EXIT_NAMES: Readonly<Record<number, string>> = {
  [KVM_EXIT_UNKNOWN]: 'KVM_EXIT_UNKNOWN',
  [KVM_EXIT_IO]: 'KVM_EXIT_IO',
  [KVM_EXIT_HLT]: 'KVM_EXIT_HLT',
  [KVM_EXIT_MMIO]: 'KVM_EXIT_MMIO',
  [KVM_EXIT_SHUTDOWN]: 'KVM_EXIT_SHUTDOWN',
  [KVM_EXIT_INTR]: 'KVM_EXIT_INTR',
  [KVM_EXIT_INTERNAL_ERROR]: 'KVM_EXIT_INTERNAL_ERROR',
};

/** The teaching machine's guest-physical address space, in 16-bit words. */
export const GUEST_PHYSICAL_WORDS = 256;
export const MAX_MEMORY_SLOTS = 8;
export const MAX_VCPUS = 4;
/** kvm_run, then one page for port I/O data: on x86, KVM_PIO_PAGE_OFFSET is 1. */
export const RUN_PAGE_BYTES = 4096;
export const PIO_DATA_OFFSET = RUN_PAGE_BYTES;
export const VCPU_MMAP_SIZE = 2 * RUN_PAGE_BYTES;
/** Instructions one KVM_RUN executes before it returns EINTR, like a pending signal. */
export const RUN_INSTRUCTION_BUDGET = 10_000;
const WORD_BYTES = 2;

/** An ioctl's result: the value, or the errno it fails with and why. */
export type KvmResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errno: 'EINVAL' | 'EEXIST' | 'EINTR'; readonly problem: KvmProblem };

export type KvmProblem =
  | { readonly code: 'vmType'; readonly params: { type: number } }
  | { readonly code: 'slotNumber'; readonly params: { slot: number } }
  | { readonly code: 'regionFlags'; readonly params: { flags: number } }
  | { readonly code: 'regionOutside'; readonly params: { start: number; size: number } }
  | { readonly code: 'regionBacking'; readonly params: { size: number; backing: number } }
  | { readonly code: 'regionOverlap'; readonly params: { slot: number; other: number } }
  | { readonly code: 'vcpuId'; readonly params: { id: number } }
  | { readonly code: 'vcpuExists'; readonly params: { id: number } }
  | { readonly code: 'signalPending' };

/** struct kvm_userspace_memory_region, in words; `userspace_addr` is the monitor's own array. */
export interface UserMemoryRegion {
  readonly slot: number;
  readonly flags: number;
  readonly guest_phys_addr: number;
  readonly memory_size: number;
  readonly userspace_addr: Uint16Array;
}

/** struct kvm_regs, for the teaching ISA. */
export interface KvmRegs {
  readonly r: readonly number[];
  readonly rip: number;
  readonly rsp: number;
  readonly rflags: number;
}

/** struct kvm_run: the fields a minimal monitor reads and writes (api.rst §5). */
export interface KvmRun {
  immediate_exit: number;
  exit_reason: number;
  if_flag: number;
  io: { direction: number; size: number; port: number; count: number; data_offset: number };
  mmio: { phys_addr: number; data: Uint8Array; len: number; is_write: number };
  internal: { suberror: number; ndata: number; data: number[] };
  /** The whole shared area (VCPU_MMAP_SIZE bytes); port data lives at io.data_offset. */
  readonly page: Uint8Array;
}

function ok<T>(value: T): KvmResult<T> {
  return { ok: true, value };
}

function fail<T>(errno: 'EINVAL' | 'EEXIST' | 'EINTR', problem: KvmProblem): KvmResult<T> {
  return { ok: false, errno, problem };
}

/** The /dev/kvm device node: open() gives the system handle (the fd of open("/dev/kvm")). */
export class KvmDevice {
  private readonly systems: KvmSystem[] = [];

  open(): KvmSystem {
    const system = new KvmSystem();
    this.systems.push(system);
    return system;
  }

  /** The vCPUs the kernel knows of, newest last: what a lab shows beside the monitor's code. */
  vcpus(): readonly KvmVcpu[] {
    return this.systems.flatMap((system) => system.vms.flatMap((vm) => vm.vcpus));
  }
}

/** The system handle: ioctls on the /dev/kvm fd. */
export class KvmSystem {
  readonly vms: KvmVm[] = [];

  /** KVM_GET_API_VERSION */
  getApiVersion(): number {
    return KVM_API_VERSION;
  }

  /** KVM_CREATE_VM: the machine type must be 0 (the default) here. */
  createVm(type: number): KvmResult<KvmVm> {
    if (type !== 0) return fail('EINVAL', { code: 'vmType', params: { type } });
    const vm = new KvmVm();
    this.vms.push(vm);
    return ok(vm);
  }

  /** KVM_GET_VCPU_MMAP_SIZE */
  getVcpuMmapSize(): number {
    return VCPU_MMAP_SIZE;
  }
}

/** The VM handle: ioctls on the fd KVM_CREATE_VM returned. */
export class KvmVm {
  readonly vcpus: KvmVcpu[] = [];
  private readonly slots = new Map<number, UserMemoryRegion>();

  /** KVM_SET_USER_MEMORY_REGION: create, move or (memory_size 0) delete a slot. */
  setUserMemoryRegion(region: UserMemoryRegion): KvmResult<void> {
    const { slot, flags, guest_phys_addr: start, memory_size: size, userspace_addr: backing } = region;
    if (!Number.isInteger(slot) || slot < 0 || slot >= MAX_MEMORY_SLOTS) return fail('EINVAL', { code: 'slotNumber', params: { slot } });
    if ((flags & ~KVM_MEM_READONLY) !== 0) return fail('EINVAL', { code: 'regionFlags', params: { flags } });
    if (size === 0) {
      this.slots.delete(slot);
      return ok(undefined);
    }
    if (!Number.isInteger(start) || !Number.isInteger(size) || start < 0 || size < 0 || start + size > GUEST_PHYSICAL_WORDS) {
      return fail('EINVAL', { code: 'regionOutside', params: { start, size } });
    }
    if (backing.length < size) return fail('EINVAL', { code: 'regionBacking', params: { size, backing: backing.length } });
    for (const [other, existing] of this.slots) {
      if (other === slot) continue;
      const overlaps = start < existing.guest_phys_addr + existing.memory_size && existing.guest_phys_addr < start + size;
      if (overlaps) return fail('EEXIST', { code: 'regionOverlap', params: { slot, other } });
    }
    this.slots.set(slot, { ...region });
    return ok(undefined);
  }

  /** The slot covering a guest-physical word address, and the offset into its backing array. */
  translate(address: number): { region: UserMemoryRegion; offset: number } | undefined {
    for (const region of this.slots.values()) {
      const offset = address - region.guest_phys_addr;
      if (offset >= 0 && offset < region.memory_size) return { region, offset };
    }
    return undefined;
  }

  /** KVM_CREATE_VCPU */
  createVcpu(id: number): KvmResult<KvmVcpu> {
    if (!Number.isInteger(id) || id < 0 || id >= MAX_VCPUS) return fail('EINVAL', { code: 'vcpuId', params: { id } });
    if (this.vcpus.some((vcpu) => vcpu.id === id)) return fail('EEXIST', { code: 'vcpuExists', params: { id } });
    const vcpu = new KvmVcpu(this, id);
    this.vcpus.push(vcpu);
    return ok(vcpu);
  }
}

/** An operation the guest started that the monitor must finish: its data arrives in kvm_run. */
type PendingCompletion =
  | { readonly kind: 'in'; readonly register: number; readonly nextRip: number }
  | { readonly kind: 'mmio-read'; readonly register: number; readonly nextRip: number; readonly popped: boolean };

/** The vCPU handle: ioctls on the fd KVM_CREATE_VCPU returned. */
export class KvmVcpu {
  readonly id: number;
  private readonly vm: KvmVm;
  private readonly runArea: KvmRun;
  private regs = { r: [0, 0, 0, 0], rip: 0, rsp: 0, rflags: 0x2 };
  private idtr = 0;
  private msw = 0;
  private pending: PendingCompletion | null = null;
  private stopped = false;
  /** Guest instructions executed, over every KVM_RUN. */
  instructions = 0;

  constructor(vm: KvmVm, id: number) {
    this.vm = vm;
    this.id = id;
    const page = new Uint8Array(VCPU_MMAP_SIZE);
    this.runArea = {
      immediate_exit: 0,
      exit_reason: KVM_EXIT_UNKNOWN,
      if_flag: 0,
      io: { direction: 0, size: 0, port: 0, count: 0, data_offset: 0 },
      mmio: { phys_addr: 0, data: new Uint8Array(8), len: 0, is_write: 0 },
      internal: { suberror: 0, ndata: 0, data: [] },
      page,
    };
  }

  /** The kvm_run area as the kernel holds it (what a lab shows; a monitor maps it with mmapRun). */
  get kvmRun(): Readonly<KvmRun> {
    return this.runArea;
  }

  /** mmap() of the vCPU fd: the shared kvm_run area. */
  mmapRun(size: number): KvmResult<KvmRun> {
    if (size < RUN_PAGE_BYTES) return fail('EINVAL', { code: 'regionBacking', params: { size: RUN_PAGE_BYTES, backing: size } });
    return ok(this.runArea);
  }

  /** KVM_GET_REGS */
  getRegs(): KvmRegs {
    return { ...this.regs, r: [...this.regs.r] };
  }

  /** KVM_SET_REGS */
  setRegs(regs: KvmRegs): KvmResult<void> {
    this.regs = { r: [0, 1, 2, 3].map((i) => (regs.r[i] ?? 0) & 0xffff), rip: regs.rip & 0xff, rsp: regs.rsp & 0xff, rflags: regs.rflags & 0xffff };
    return ok(undefined);
  }

  /** KVM_RUN: run the guest until it needs the monitor. */
  run(): KvmResult<void> {
    const run = this.runArea;
    this.complete();
    if (run.immediate_exit) {
      run.exit_reason = KVM_EXIT_INTR;
      return fail('EINTR', { code: 'signalPending' });
    }
    if (this.stopped) {
      // A vCPU that shut down stays down (KVM would need a reset).
      run.exit_reason = KVM_EXIT_SHUTDOWN;
      return ok(undefined);
    }
    for (let budget = RUN_INSTRUCTION_BUDGET; budget > 0; budget--) {
      if (this.execute()) {
        run.if_flag = this.regs.rflags & FLAG_IF ? 1 : 0;
        return ok(undefined);
      }
    }
    run.exit_reason = KVM_EXIT_INTR;
    return fail('EINTR', { code: 'signalPending' });
  }

  /** Finish an IN or an MMIO read with the data the monitor left in kvm_run. */
  private complete(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    const run = this.runArea;
    const source = pending.kind === 'in' ? run.page.subarray(run.io.data_offset, run.io.data_offset + WORD_BYTES) : run.mmio.data;
    this.regs.r[pending.register] = source[0]! | (source[1]! << 8);
    if (pending.kind === 'mmio-read' && pending.popped) this.regs.rsp = (this.regs.rsp + 1) & 0xff;
    this.regs.rip = pending.nextRip;
  }

  private readWord(address: number): number | undefined {
    const hit = this.vm.translate(address & 0xff);
    return hit ? hit.region.userspace_addr[hit.offset] : undefined;
  }

  /** Write a word; false when no writable slot covers the address. */
  private writeWord(address: number, value: number): boolean {
    const hit = this.vm.translate(address & 0xff);
    if (!hit || hit.region.flags & KVM_MEM_READONLY) return false;
    hit.region.userspace_addr[hit.offset] = value & 0xffff;
    return true;
  }

  private value(operand: Operand): number {
    if (operand.kind === 'reg') return this.regs.r[operand.reg]!;
    if (operand.kind === 'imm') return operand.value;
    return 0;
  }

  private address(operand: Operand): number {
    return operand.kind === 'mem-reg' ? this.regs.r[operand.reg]! & 0xff : operand.kind === 'mem-abs' ? operand.address : 0;
  }

  /** Execute one instruction; true when it exits to the monitor. */
  private execute(): boolean {
    const run = this.runArea;
    const regs = this.regs;
    const rip = regs.rip;
    const first = this.readWord(rip);
    const second = this.readWord(rip + 1);
    if (first === undefined || second === undefined) {
      run.exit_reason = KVM_EXIT_INTERNAL_ERROR;
      run.internal = { suberror: KVM_INTERNAL_ERROR_EMULATION, ndata: 1, data: [rip] };
      return true;
    }
    const instruction = decodeInstruction(first, second);
    if (!instruction) return this.shutdown();
    this.instructions++;
    const next = (rip + WORDS_PER_INSTRUCTION) & 0xff;
    const [a, b] = instruction.operands;
    const r = regs.r;
    const reg = (operand: Operand | undefined) => (operand?.kind === 'reg' ? operand.reg : 0);
    regs.rip = next;
    switch (instruction.op) {
      case 'MOVI': r[reg(a)] = this.value(b!); return false;
      case 'MOV': r[reg(a)] = r[reg(b)]!; return false;
      case 'ADD': r[reg(a)] = (r[reg(a)]! + r[reg(b)]!) & 0xffff; return false;
      case 'ADDI': r[reg(a)] = (r[reg(a)]! + this.value(b!)) & 0xffff; return false;
      case 'JMP': regs.rip = this.value(a!) & 0xff; return false;
      case 'JNZ': if (r[reg(a)] !== 0) regs.rip = this.value(b!) & 0xff; return false;
      case 'LOAD': return this.load(reg(a), this.address(b!), next, false);
      case 'POP': return this.load(reg(a), regs.rsp, next, true);
      case 'STORE': return this.store(this.address(b!), r[reg(a)]!);
      case 'PUSH':
        regs.rsp = (regs.rsp - 1) & 0xff;
        return this.store(regs.rsp, r[reg(a)]!);
      case 'OUT': return this.portIo(KVM_EXIT_IO_OUT, this.value(a!), r[reg(b)]!, 0, next);
      case 'IN': return this.portIo(KVM_EXIT_IO_IN, this.value(b!), 0, reg(a), next);
      case 'HLT':
        run.exit_reason = KVM_EXIT_HLT;
        return true;
      case 'HYPERCALL': r[0] = -KVM_ENOSYS & 0xffff; return false;
      case 'CLI': regs.rflags &= ~FLAG_IF; return false;
      case 'STI': regs.rflags |= FLAG_IF; return false;
      case 'PUSHF':
        regs.rsp = (regs.rsp - 1) & 0xff;
        return this.store(regs.rsp, regs.rflags);
      case 'POPF': {
        const flags = this.readWord(regs.rsp);
        if (flags === undefined) return this.shutdown();
        regs.rsp = (regs.rsp + 1) & 0xff;
        regs.rflags = (flags & FLAG_IF) | 0x2;
        return false;
      }
      case 'LIDT': this.idtr = r[reg(a)]! & 0xff; return false;
      case 'SIDT': r[reg(a)] = this.idtr; return false;
      case 'LMSW': this.msw = r[reg(a)]!; return false;
      case 'SMSW': r[reg(a)] = this.msw; return false;
      case 'IRET': {
        const frame = [0, 1, 2].map((i) => this.readWord(regs.rsp + i));
        if (frame.some((word) => word === undefined)) return this.shutdown();
        regs.rsp = (regs.rsp + 3) & 0xff;
        regs.rip = frame[1]! & 0xff;
        regs.rflags = (frame[2]! & FLAG_IF) | 0x2;
        return false;
      }
      case 'SYSCALL': return this.shutdown();
    }
  }

  private shutdown(): true {
    this.stopped = true;
    this.runArea.exit_reason = KVM_EXIT_SHUTDOWN;
    return true;
  }

  private load(register: number, address: number, nextRip: number, popped: boolean): boolean {
    const word = this.readWord(address);
    if (word !== undefined) {
      this.regs.r[register] = word;
      if (popped) this.regs.rsp = (this.regs.rsp + 1) & 0xff;
      return false;
    }
    // The instruction finishes on the next KVM_RUN, with the data the monitor puts in mmio.data.
    this.regs.rip = (nextRip - WORDS_PER_INSTRUCTION) & 0xff;
    this.pending = { kind: 'mmio-read', register, nextRip, popped };
    this.mmioExit(address, 0, 0);
    return true;
  }

  private store(address: number, value: number): boolean {
    if (this.writeWord(address, value)) return false;
    this.mmioExit(address, value, 1);
    return true;
  }

  private mmioExit(address: number, value: number, isWrite: number): void {
    const run = this.runArea;
    run.exit_reason = KVM_EXIT_MMIO;
    run.mmio.phys_addr = address & 0xff;
    run.mmio.len = WORD_BYTES;
    run.mmio.is_write = isWrite;
    run.mmio.data.fill(0);
    if (isWrite) {
      run.mmio.data[0] = value & 0xff;
      run.mmio.data[1] = (value >> 8) & 0xff;
    }
  }

  private portIo(direction: number, port: number, value: number, register: number, nextRip: number): boolean {
    const run = this.runArea;
    run.exit_reason = KVM_EXIT_IO;
    run.io = { direction, size: WORD_BYTES, port, count: 1, data_offset: PIO_DATA_OFFSET };
    run.page.fill(0, PIO_DATA_OFFSET, PIO_DATA_OFFSET + WORD_BYTES);
    if (direction === KVM_EXIT_IO_OUT) {
      run.page[PIO_DATA_OFFSET] = value & 0xff;
      run.page[PIO_DATA_OFFSET + 1] = (value >> 8) & 0xff;
    } else {
      this.regs.rip = (nextRip - WORDS_PER_INSTRUCTION) & 0xff;
      this.pending = { kind: 'in', register, nextRip };
    }
    return true;
  }
}
