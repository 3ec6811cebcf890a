// One run of the userspace monitor, stepped: assemble the guest with lib/trap's assembler, start the
// monitor of hello-vmm.ts on a fresh /dev/kvm, and advance it one `yield` at a time. What a lab shows
// beside the code comes from here: the step just taken, the exits KVM_RUN returned, the serial output
// and where the guest is.

import { assembleProgram } from '../trap/index.ts';
import type { AssemblyError } from '../trap/index.ts';
import { encodeGuestImage } from './guest-image.ts';
import { helloVmm, GUEST_ADDRESS } from './hello-vmm.ts';
import type { VmmOutcome, VmmStep } from './hello-vmm.ts';
import { KVM_EXIT_INTERNAL_ERROR, KVM_EXIT_IO, KVM_EXIT_MMIO, KvmDevice } from './kvm.ts';
import type { KvmRegs, KvmRun } from './kvm.ts';

/** What one KVM_RUN returned: exit_reason and the kvm_run fields that go with it, copied. */
export type ExitRecord =
  | { readonly exit_reason: typeof KVM_EXIT_IO; readonly io: { direction: number; size: number; port: number; count: number; data_offset: number }; readonly data: number }
  | { readonly exit_reason: typeof KVM_EXIT_MMIO; readonly mmio: { phys_addr: number; data: readonly number[]; len: number; is_write: number } }
  | { readonly exit_reason: typeof KVM_EXIT_INTERNAL_ERROR; readonly internal: { suberror: number; ndata: number; data: readonly number[] } }
  | { readonly exit_reason: number };

export interface VmmSnapshot {
  /** The step just taken (null before the first). */
  readonly step: VmmStep | null;
  readonly steps: number;
  readonly outcome: VmmOutcome | null;
  readonly exits: readonly ExitRecord[];
  readonly serial: readonly number[];
  /** The vCPU's registers, once it exists. */
  readonly regs: KvmRegs | null;
  /** The source line of the guest instruction at rip (0 when rip is not at an instruction). */
  readonly guestLine: number;
  readonly guestInstructions: number;
}

export type VmmSessionStart =
  | { readonly ok: true; readonly session: VmmSession }
  | { readonly ok: false; readonly errors: readonly AssemblyError[] };

/** Assemble the guest and get the monitor ready to step. */
export function startVmmSession(guestSource: string): VmmSessionStart {
  const assembled = assembleProgram(guestSource);
  if (!assembled.ok) return { ok: false, errors: assembled.errors };
  return { ok: true, session: new VmmSession(assembled.program) };
}

export class VmmSession {
  private readonly device = new KvmDevice();
  private readonly serial: number[] = [];
  private readonly monitor: Generator<VmmStep, VmmOutcome, void>;
  private readonly lineAt: ReadonlyMap<number, number>;
  private readonly exits: ExitRecord[] = [];
  private lastStep: VmmStep | null = null;
  private stepCount = 0;
  private outcome: VmmOutcome | null = null;

  constructor(program: Parameters<typeof helloVmm>[1]) {
    this.monitor = helloVmm(this.device, program, this.serial);
    this.lineAt = encodeGuestImage(program, GUEST_ADDRESS).lineAt;
  }

  get finished(): boolean {
    return this.outcome !== null;
  }

  /** Advance the monitor to its next `yield`; false once it has returned. */
  step(): boolean {
    if (this.outcome) return false;
    const next = this.monitor.next();
    if (next.done) {
      this.outcome = next.value;
      return false;
    }
    this.stepCount++;
    this.lastStep = next.value;
    if (next.value === 'run') this.recordExit(false);
    else if (next.value === 'serial-in' || next.value === 'mmio') this.recordExit(true);
    return true;
  }

  /** Step until the monitor returns or `maxSteps` steps have been taken; the steps taken. */
  runToEnd(maxSteps: number): number {
    let taken = 0;
    while (taken < maxSteps && this.step()) taken++;
    return taken;
  }

  snapshot(): VmmSnapshot {
    const vcpu = this.device.vcpus().at(-1);
    const regs = vcpu ? vcpu.getRegs() : null;
    return {
      step: this.lastStep,
      steps: this.stepCount,
      outcome: this.outcome,
      exits: [...this.exits],
      serial: [...this.serial],
      regs,
      guestLine: regs ? (this.lineAt.get(regs.rip) ?? 0) : 0,
      guestInstructions: vcpu?.instructions ?? 0,
    };
  }

  /** Copy the exit KVM_RUN returned; `answered`: the monitor has just filled in its data, replace the copy. */
  private recordExit(answered: boolean): void {
    const vcpu = this.device.vcpus().at(-1);
    if (!vcpu) return;
    if (answered) this.exits.pop();
    this.exits.push(copyExit(vcpu.kvmRun));
  }
}

function copyExit(run: Readonly<KvmRun>): ExitRecord {
  switch (run.exit_reason) {
    case KVM_EXIT_IO:
      return { exit_reason: KVM_EXIT_IO, io: { ...run.io }, data: run.page[run.io.data_offset]! | (run.page[run.io.data_offset + 1]! << 8) };
    case KVM_EXIT_MMIO:
      return { exit_reason: KVM_EXIT_MMIO, mmio: { ...run.mmio, data: [...run.mmio.data.subarray(0, run.mmio.len)] } };
    case KVM_EXIT_INTERNAL_ERROR:
      return { exit_reason: KVM_EXIT_INTERNAL_ERROR, internal: { ...run.internal, data: [...run.internal.data] } };
    default:
      return { exit_reason: run.exit_reason };
  }
}
