// A userspace monitor for the teaching ISA, step for step the C program guest/kvm-hello/kvm-hello.c
// on the real /dev/kvm. Each `yield` hands control back to whoever steps it; its name is the step,
// and the same name in brackets marks the C line that does the same thing.
import type { Program } from '../trap/index.ts';
import { encodeGuestImage } from './guest-image.ts';
import {
  KVM_API_VERSION, KVM_EXIT_HLT, KVM_EXIT_INTERNAL_ERROR, KVM_EXIT_IO, KVM_EXIT_IO_IN, KVM_EXIT_IO_OUT, KVM_EXIT_MMIO,
  KVM_EXIT_SHUTDOWN,
} from './kvm.ts';
import type { KvmDevice, KvmProblem } from './kvm.ts';

export const GUEST_ADDRESS = 0x00;
export const GUEST_MEMORY_WORDS = 0x80;
export const SERIAL_DATA = 0x3f8;
export const SERIAL_LINE_STATUS = 0x3fd;
export const LINE_STATUS_EMPTY = 0x60;

export type VmmStep =
  | 'open' | 'api-version' | 'create-vm' | 'memory' | 'load' | 'set-region' | 'create-vcpu' | 'mmap-size'
  | 'map-run' | 'set-regs' | 'run' | 'serial-out' | 'serial-in' | 'mmio' | 'hlt' | 'shutdown'
  | 'internal-error' | 'other';

/** How the monitor ended: what the C program's exit status and last line say. */
export type VmmOutcome =
  | { readonly code: 'halted' }
  | { readonly code: 'apiVersion'; readonly params: { version: number } }
  | { readonly code: 'guestTooLarge'; readonly params: { words: number; room: number } }
  | { readonly code: 'ioctlFailed'; readonly params: { ioctl: string; errno: string; problem: KvmProblem } }
  | { readonly code: 'unhandledIo'; readonly params: { direction: number; port: number } }
  | { readonly code: 'shutdown' }
  | { readonly code: 'internalError'; readonly params: { suberror: number } }
  | { readonly code: 'unexpectedExit'; readonly params: { exitReason: number } };

export function* helloVmm(dev: KvmDevice, guest: Program, serial: number[]): Generator<VmmStep, VmmOutcome, void> {
  const kvm = dev.open(); yield 'open';
  const version = kvm.getApiVersion(); yield 'api-version';
  if (version !== KVM_API_VERSION) return { code: 'apiVersion', params: { version } };

  const vm = kvm.createVm(0); yield 'create-vm';
  if (!vm.ok) return { code: 'ioctlFailed', params: { ioctl: 'KVM_CREATE_VM', errno: vm.errno, problem: vm.problem } };

  const mem = new Uint16Array(GUEST_MEMORY_WORDS); yield 'memory';
  const image = encodeGuestImage(guest, GUEST_ADDRESS);
  if (image.words.length > mem.length) return { code: 'guestTooLarge', params: { words: image.words.length, room: mem.length } };
  mem.set(image.words); yield 'load';
  const region = vm.value.setUserMemoryRegion({ slot: 0, flags: 0, guest_phys_addr: GUEST_ADDRESS, memory_size: mem.length, userspace_addr: mem }); yield 'set-region';
  if (!region.ok) return { code: 'ioctlFailed', params: { ioctl: 'KVM_SET_USER_MEMORY_REGION', errno: region.errno, problem: region.problem } };

  const vcpu = vm.value.createVcpu(0); yield 'create-vcpu';
  if (!vcpu.ok) return { code: 'ioctlFailed', params: { ioctl: 'KVM_CREATE_VCPU', errno: vcpu.errno, problem: vcpu.problem } };
  const mmapSize = kvm.getVcpuMmapSize(); yield 'mmap-size';
  const mapped = vcpu.value.mmapRun(mmapSize); yield 'map-run';
  if (!mapped.ok) return { code: 'ioctlFailed', params: { ioctl: 'mmap', errno: mapped.errno, problem: mapped.problem } };
  const run = mapped.value;

  vcpu.value.setRegs({ r: [2, 2, 0, 0], rip: GUEST_ADDRESS, rsp: GUEST_ADDRESS + mem.length, rflags: 0x2 }); yield 'set-regs';

  for (;;) {
    const ran = vcpu.value.run(); yield 'run';
    if (!ran.ok && ran.errno !== 'EINTR') return { code: 'ioctlFailed', params: { ioctl: 'KVM_RUN', errno: ran.errno, problem: ran.problem } };
    if (!ran.ok) continue; // a signal interrupted KVM_RUN: call it again
    switch (run.exit_reason) {
      case KVM_EXIT_IO: {
        const data = run.page.subarray(run.io.data_offset);
        if (run.io.direction === KVM_EXIT_IO_OUT && run.io.port === SERIAL_DATA && run.io.count === 1) {
          serial.push(data[0]!); yield 'serial-out';
        } else if (run.io.direction === KVM_EXIT_IO_IN && run.io.port === SERIAL_LINE_STATUS && run.io.count === 1) {
          data[0] = LINE_STATUS_EMPTY; yield 'serial-in';
        } else {
          return { code: 'unhandledIo', params: { direction: run.io.direction, port: run.io.port } };
        }
        break;
      }
      case KVM_EXIT_MMIO:
        if (!run.mmio.is_write) run.mmio.data.fill(0xff); yield 'mmio';
        break;
      case KVM_EXIT_HLT:
        yield 'hlt'; return { code: 'halted' };
      case KVM_EXIT_SHUTDOWN:
        yield 'shutdown'; return { code: 'shutdown' };
      case KVM_EXIT_INTERNAL_ERROR:
        yield 'internal-error'; return { code: 'internalError', params: { suberror: run.internal.suberror } };
      default:
        yield 'other'; return { code: 'unexpectedExit', params: { exitReason: run.exit_reason } };
    }
  }
}
