// The machine of chapter 4 and the four ways a monitor can run a guest kernel on it.
//
// One processor, one guest. "guest" below is the guest's privileged state as the guest should see it
// (mode, interrupt flag, IDTR, MSW). On bare metal it IS the processor's state. Under trap-and-emulate,
// binary translation and para-virtualization the guest runs deprivileged: the processor is really in
// user mode with the monitor's interrupt flag, IDTR and MSW, and the monitor keeps `guest` as the
// virtual copy. Under hardware assist the processor runs the guest in VMX non-root mode against the
// guest state held in the control structure (VMCS), and exits to the monitor when a control says so.
//
// Everything is deterministic: the timer counts guest instructions, not wall-clock time.

import {
  FLAGS_FIXED, FLAG_IF, MEMORY_WORDS, MODE_WORD_KERNEL, MODE_WORD_USER, MONITOR_IDTR, MONITOR_MSW,
  PORT_CONSOLE, PORT_DISK_COMMIT, PORT_DISK_DATA, PORT_DISK_STATUS, PORT_TIMER, PV_VIRQ_MASK, PV_VIRQ_PENDING,
  REGISTER_COUNT, VECTOR_SYSCALL, VECTOR_TIMER, WORD_MASK, hypercallName, instructionInfo,
} from './isa.ts';
import type { HypercallName, Opcode } from './isa.ts';
import type { Instruction, Operand, Program } from './assembler.ts';
import type { CostModel } from './cost-model.ts';
import type { TrapFault } from './trap-codes.ts';

export type StrategyId =
  | 'bare-metal'
  | 'trap-and-emulate'
  | 'binary-translation'
  | 'paravirtualization'
  | 'hardware-assist';

/** The four ways to run a guest kernel (bare metal is the reference, not a strategy). */
export const STRATEGY_IDS: readonly StrategyId[] = [
  'trap-and-emulate', 'binary-translation', 'paravirtualization', 'hardware-assist',
];

export function isStrategyId(value: unknown): value is StrategyId {
  return value === 'bare-metal' || (STRATEGY_IDS as readonly unknown[]).includes(value);
}

export type GuestMode = 'kernel' | 'user';
/** Who was executing: the guest's user program, the guest's kernel, or the monitor. */
export type Actor = 'user' | 'kernel' | 'monitor';

/** The VMCS execution controls the reader can switch (hardware assist). */
export interface VmcsControls {
  /** HLT causes a VM exit. Off: the guest halts the real processor. */
  readonly hltExiting: boolean;
  /** IN/OUT cause VM exits. Off: the guest drives the real devices. */
  readonly ioExiting: boolean;
  /** LIDT/SIDT cause VM exits. Off: they use the guest's IDTR in the VMCS, which is still correct. */
  readonly descriptorTableExiting: boolean;
  /** LMSW causes a VM exit (the CR0 guest/host mask). SMSW always reads the guest's read shadow. */
  readonly cr0Exiting: boolean;
  /** Timer interrupts cause VM exits. Off: the host's interrupts go to the guest. */
  readonly externalInterruptExiting: boolean;
}

export const DEFAULT_VMCS_CONTROLS: VmcsControls = {
  hltExiting: true,
  ioExiting: true,
  descriptorTableExiting: false,
  cr0Exiting: true,
  externalInterruptExiting: true,
};

export const VMCS_CONTROL_KEYS: readonly (keyof VmcsControls)[] = [
  'hltExiting', 'ioExiting', 'descriptorTableExiting', 'cr0Exiting', 'externalInterruptExiting',
];

export interface MachineOptions {
  readonly strategy: StrategyId;
  readonly cost: CostModel;
  readonly vmcs: VmcsControls;
  /** A redesigned ISA: these sensitive-but-unprivileged instructions trap in user mode too. */
  readonly trappingSensitive: readonly Opcode[];
}

import type { ExitReason } from './trap-codes.ts';

export type { ExitReason } from './trap-codes.ts';

export type MachineEvent =
  | { readonly kind: 'trap'; readonly step: number; readonly pc: number; readonly op: Opcode }
  | { readonly kind: 'vm-exit'; readonly step: number; readonly pc: number; readonly reason: ExitReason }
  | { readonly kind: 'hypercall'; readonly step: number; readonly pc: number; readonly call: HypercallName }
  | { readonly kind: 'callout'; readonly step: number; readonly pc: number; readonly op: Opcode }
  | { readonly kind: 'translate'; readonly step: number; readonly pc: number; readonly count: number }
  | { readonly kind: 'direct-syscall'; readonly step: number; readonly pc: number }
  | { readonly kind: 'timer'; readonly step: number; readonly delivery: 'delivered' | 'pending' }
  | { readonly kind: 'inject'; readonly step: number; readonly vector: number }
  /** A sensitive instruction ran deprivileged and did not do what the guest asked, without a trap. */
  | { readonly kind: 'ignored'; readonly step: number; readonly pc: number; readonly op: Opcode; readonly wanted: boolean; readonly actual: boolean }
  /** A sensitive instruction ran deprivileged and showed the guest the monitor's state instead of its own. */
  | { readonly kind: 'leak'; readonly step: number; readonly pc: number; readonly op: Opcode; readonly expected: number; readonly got: number }
  /** The monitor lost control of a resource (hardware assist with an exit control switched off). */
  | { readonly kind: 'violation'; readonly step: number; readonly pc: number; readonly what: ResourceViolation }
  | { readonly kind: 'halt'; readonly step: number; readonly pc: number }
  /** Why the guest stopped (`code` and `params`, worded by trapFaultWordings in every edition). */
  | (TrapFault & { readonly kind: 'fault'; readonly step: number; readonly pc: number });

export interface Counters {
  /** Guest instructions executed (directly, translated, or emulated). */
  guestInstructions: number;
  /** Traps into the monitor caused by an instruction (trap-and-emulate, and user-mode traps under BT/PV). */
  traps: number;
  /** Timer interrupts the monitor had to field. */
  interruptsToMonitor: number;
  /** Virtual interrupts the monitor injected into the guest. */
  injected: number;
  vmExits: number;
  hypercalls: number;
  callouts: number;
  /** Guest instructions translated (binary translation). */
  translated: number;
  /** Sensitive instructions that silently misbehaved or leaked the monitor's state. */
  silentFailures: number;
  cycles: number;
}

export interface TranslatedBlock {
  readonly start: number;
  readonly entries: readonly { readonly pc: number; readonly text: string; readonly callout: boolean }[];
}

export interface StepRecord {
  readonly step: number;
  readonly pc: number;
  readonly line: number;
  readonly text: string;
  readonly op: Opcode;
  /** Where the instruction itself ran. */
  readonly actor: Actor;
  /** Did the monitor run at any point during this step? */
  readonly enteredMonitor: boolean;
  readonly events: readonly MachineEvent[];
  readonly cycles: number;
}

/** What the guest did to a resource the monitor should have kept: halted the real processor, touched a real device port, or took the host's timer interrupt. */
export type ResourceViolation = 'haltedProcessor' | 'touchedDevice' | 'tookHostInterrupt';

export type HaltState =
  | { readonly reason: 'halted' }
  /** Why the guest stopped (`code` and `params`, worded by trapFaultWordings in every edition) and at which source line. */
  | (TrapFault & { readonly reason: 'fault'; readonly line: number })
  | { readonly reason: 'step-limit' };

export interface MachineSnapshot {
  readonly strategy: StrategyId;
  readonly pc: number;
  readonly line: number;
  readonly registers: readonly number[];
  readonly sp: number;
  readonly guestMode: GuestMode;
  /** The virtual interrupt flag: what the monitor will honour. */
  readonly interruptsEnabled: boolean;
  /** What the guest kernel believes, from the instructions it executed. */
  readonly guestBelievesInterruptsEnabled: boolean;
  /** Where the processor really runs guest code. */
  readonly hardwareMode: 'kernel' | 'user' | 'non-root kernel' | 'non-root user';
  readonly idtr: number;
  readonly msw: number;
  readonly timerPending: boolean;
  readonly counters: Readonly<Counters>;
  readonly console: readonly number[];
  readonly disk: readonly number[];
  readonly diskCommits: number;
  readonly halt: HaltState | null;
  readonly translatedBlocks: readonly TranslatedBlock[];
  readonly kernelModified: boolean;
}

interface PrivilegedState {
  interruptsEnabled: boolean;
  mode: GuestMode;
  idtr: number;
  msw: number;
}

type Outcome =
  | { readonly kind: 'done' }
  | { readonly kind: 'halt' }
  | { readonly kind: 'syscall' }
  | { readonly kind: 'hypercall'; readonly number: number };

const CONTROL_TRANSFERS = new Set<Opcode>(['JMP', 'JNZ', 'IRET', 'HLT', 'SYSCALL', 'HYPERCALL']);
const MAX_EVENTS_KEPT = 400;

export class TrapMachine {
  readonly program: Program;
  readonly options: MachineOptions;
  private readonly registers: number[] = new Array<number>(REGISTER_COUNT).fill(0);
  private sp = 0;
  private pc = 0;
  private readonly memory: number[] = new Array<number>(MEMORY_WORDS).fill(0);
  private readonly guest: PrivilegedState = { interruptsEnabled: false, mode: 'kernel', idtr: 0, msw: 0 };
  private believedInterruptsEnabled = false;
  private readonly consoleOut: number[] = [];
  private readonly diskWords: number[] = [];
  private diskCommits = 0;
  private timerPeriod = 0;
  private timerCountdown = 0;
  private timerPending = false;
  private interruptWindowArmed = false;
  private halt: HaltState | null = null;
  private readonly translatedPcs = new Set<number>();
  private readonly blocks: TranslatedBlock[] = [];
  private readonly counters: Counters = {
    guestInstructions: 0, traps: 0, interruptsToMonitor: 0, injected: 0, vmExits: 0, hypercalls: 0,
    callouts: 0, translated: 0, silentFailures: 0, cycles: 0,
  };
  private readonly eventLog: MachineEvent[] = [];
  private stepEvents: MachineEvent[] = [];
  private stepEnteredMonitor = false;

  constructor(program: Program, options: MachineOptions) {
    this.program = program;
    this.options = options;
    // The para-virtual monitor starts its guest with virtual interrupts masked (as the processor
    // starts with its interrupt flag clear).
    if (options.strategy === 'paravirtualization') this.memory[PV_VIRQ_MASK] = 1;
  }

  get halted(): HaltState | null {
    return this.halt;
  }

  get events(): readonly MachineEvent[] {
    return this.eventLog;
  }

  snapshot(): MachineSnapshot {
    const strategy = this.options.strategy;
    const deprivileged = strategy !== 'bare-metal' && strategy !== 'hardware-assist';
    let hardwareMode: MachineSnapshot['hardwareMode'];
    if (strategy === 'hardware-assist') hardwareMode = this.guest.mode === 'kernel' ? 'non-root kernel' : 'non-root user';
    else if (deprivileged) hardwareMode = 'user';
    else hardwareMode = this.guest.mode;
    return {
      strategy,
      pc: this.pc,
      line: this.program.instructions[this.pc]?.line ?? 0,
      registers: [...this.registers],
      sp: this.sp,
      guestMode: this.guest.mode,
      interruptsEnabled: this.virtualInterruptsEnabled(),
      guestBelievesInterruptsEnabled: this.believedInterruptsEnabled,
      hardwareMode,
      idtr: this.guest.idtr,
      msw: this.guest.msw,
      timerPending: this.timerPending,
      counters: { ...this.counters },
      console: [...this.consoleOut],
      disk: [...this.diskWords],
      diskCommits: this.diskCommits,
      halt: this.halt,
      translatedBlocks: [...this.blocks],
      kernelModified: strategy === 'paravirtualization',
    };
  }

  /** Execute one guest instruction, with whatever the monitor does around it. */
  step(): StepRecord | null {
    if (this.halt) return null;
    const pc = this.pc;
    const instruction = this.program.instructions[pc];
    const stepNo = this.counters.guestInstructions;
    this.stepEvents = [];
    this.stepEnteredMonitor = false;
    const cyclesBefore = this.counters.cycles;
    if (!instruction) {
      this.fault({ code: 'ranPastEnd', params: { address: pc } }, 0);
      return null;
    }
    const actor = this.execute(instruction);
    this.counters.guestInstructions++;
    if (!this.halt) this.tickTimer();
    if (!this.halt) this.deliverAtBoundary();
    return {
      step: stepNo,
      pc,
      line: instruction.line,
      text: instruction.text,
      op: instruction.op,
      actor,
      enteredMonitor: this.stepEnteredMonitor,
      events: this.stepEvents,
      cycles: this.counters.cycles - cyclesBefore,
    };
  }

  /** Run until the guest halts or faults, or `maxSteps` guest instructions have run. */
  run(maxSteps = 100_000): HaltState {
    for (let i = 0; i < maxSteps && !this.halt; i++) this.step();
    if (!this.halt) this.halt = { reason: 'step-limit' };
    return this.halt;
  }

  // ---- the strategies -------------------------------------------------------------------------

  private execute(instruction: Instruction): Actor {
    switch (this.options.strategy) {
      case 'bare-metal': return this.executeBareMetal(instruction);
      case 'trap-and-emulate': return this.executeDeprivileged(instruction);
      case 'binary-translation':
        return this.guest.mode === 'kernel' ? this.executeTranslated(instruction) : this.executeDeprivileged(instruction);
      case 'paravirtualization': return this.executeDeprivileged(instruction);
      case 'hardware-assist': return this.executeNonRoot(instruction);
    }
  }

  private trapsInUserMode(op: Opcode): boolean {
    return instructionInfo(op).trapsInUserMode || this.options.trappingSensitive.includes(op);
  }

  private executeBareMetal(instruction: Instruction): Actor {
    const actor: Actor = this.guest.mode;
    if (this.guest.mode === 'user' && this.trapsInUserMode(instruction.op)) {
      if (instruction.op === 'SYSCALL') {
        this.pc++;
        this.spend('interrupt');
        this.enterKernel(VECTOR_SYSCALL, false);
        return actor;
      }
      this.fault({ code: 'userModeForbidden', params: { op: instruction.op } }, instruction.line);
      return actor;
    }
    if (instruction.op === 'HYPERCALL') {
      this.fault({ code: 'hypercallOnBareMetal' }, instruction.line);
      return actor;
    }
    this.spend('instruction');
    this.trackBelief(instruction);
    const outcome = this.perform(instruction, this.guest);
    if (outcome.kind === 'halt') this.stop(instruction);
    else if (outcome.kind === 'syscall') this.enterKernel(VECTOR_SYSCALL, false);
    return actor;
  }

  /** Direct execution of a deprivileged guest: trap-and-emulate, BT's user mode, para-virtualization. */
  private executeDeprivileged(instruction: Instruction): Actor {
    const op = instruction.op;
    const guestActor: Actor = this.guest.mode;
    const strategy = this.options.strategy;

    if (op === 'HYPERCALL') {
      if (strategy !== 'paravirtualization') {
        this.fault({ code: 'hypercallFromUnmodifiedKernel' }, instruction.line);
        return guestActor;
      }
      this.pc++;
      this.spend('hypercall');
      this.spend('emulate');
      this.counters.hypercalls++;
      this.enterMonitor();
      const number = instruction.operands[0]!.kind === 'imm' ? instruction.operands[0].value : 0;
      const name = hypercallName(number);
      if (!name) {
        this.fault({ code: 'noSuchHypercall', params: { number } }, instruction.line);
        return 'monitor';
      }
      this.emit({ kind: 'hypercall', step: this.counters.guestInstructions, pc: this.pc - 1, call: name });
      this.serviceHypercall(name, instruction);
      if (!this.halt) this.deliverPendingFromMonitor();
      return 'monitor';
    }

    if (op === 'SYSCALL' && strategy === 'paravirtualization' && this.guest.mode === 'user' && this.guest.idtr !== 0) {
      // Xen's fast system-call path: the trap table registered by the kernel sends INT 0x80 straight to
      // the guest kernel, without entering the monitor.
      this.pc++;
      this.spend('interrupt');
      this.emit({ kind: 'direct-syscall', step: this.counters.guestInstructions, pc: this.pc - 1 });
      this.enterKernel(VECTOR_SYSCALL, false);
      return guestActor;
    }

    if (this.trapsInUserMode(op)) {
      this.spend('trap');
      this.counters.traps++;
      this.enterMonitor();
      this.emit({ kind: 'trap', step: this.counters.guestInstructions, pc: this.pc, op });
      if (op === 'SYSCALL') {
        // Reflect the system call into the guest kernel.
        this.pc++;
        this.spend('emulate');
        this.enterKernel(VECTOR_SYSCALL, false);
      } else if (this.guest.mode === 'user') {
        this.fault({ code: 'guestUserModeForbidden', params: { op } }, instruction.line);
      } else {
        this.spend('emulate');
        this.trackBelief(instruction);
        const outcome = this.perform(instruction, this.guest);
        if (outcome.kind === 'halt') this.stop(instruction);
      }
      if (!this.halt) this.deliverPendingFromMonitor();
      return 'monitor';
    }

    // Runs directly on the processor, which is in user mode with the monitor's privileged state.
    this.spend('instruction');
    const real: PrivilegedState = { interruptsEnabled: true, mode: 'user', idtr: MONITOR_IDTR, msw: MONITOR_MSW };
    if (this.guest.mode === 'kernel') this.noticeSilentMisbehaviour(instruction, real);
    this.trackBelief(instruction);
    this.perform(instruction, real);
    return guestActor;
  }

  /** Binary translation of guest-kernel code: sensitive instructions become calls into the monitor. */
  private executeTranslated(instruction: Instruction): Actor {
    if (!this.translatedPcs.has(this.pc)) this.translateBlock(this.pc);
    const info = instructionInfo(instruction.op);
    if (info.kind === 'innocuous') {
      this.spend('instruction');
      this.perform(instruction, { interruptsEnabled: true, mode: 'user', idtr: MONITOR_IDTR, msw: MONITOR_MSW });
      return 'kernel';
    }
    if (instruction.op === 'HYPERCALL') {
      this.fault({ code: 'hypercallFromUnmodifiedKernel' }, instruction.line);
      return 'kernel';
    }
    this.spend('callout');
    this.spend('emulate');
    this.counters.callouts++;
    this.enterMonitor();
    this.emit({ kind: 'callout', step: this.counters.guestInstructions, pc: this.pc, op: instruction.op });
    this.trackBelief(instruction);
    const outcome = this.perform(instruction, this.guest);
    if (outcome.kind === 'halt') this.stop(instruction);
    else if (outcome.kind === 'syscall') this.enterKernel(VECTOR_SYSCALL, false);
    if (!this.halt) this.deliverPendingFromMonitor();
    return 'monitor';
  }

  private translateBlock(start: number): void {
    const entries: { pc: number; text: string; callout: boolean }[] = [];
    for (let pc = start; pc < this.program.instructions.length; pc++) {
      if (this.translatedPcs.has(pc)) break;
      const instruction = this.program.instructions[pc]!;
      const callout = instructionInfo(instruction.op).kind !== 'innocuous';
      entries.push({ pc, text: callout ? `CALL monitor.emulate_${instruction.op.toLowerCase()}` : instruction.text, callout });
      this.translatedPcs.add(pc);
      if (CONTROL_TRANSFERS.has(instruction.op)) break;
    }
    this.blocks.push({ start, entries });
    this.counters.translated += entries.length;
    this.counters.cycles += entries.length * this.options.cost.translate;
    this.enterMonitor();
    this.emit({ kind: 'translate', step: this.counters.guestInstructions, pc: start, count: entries.length });
  }

  /** Hardware assist: the guest runs in VMX non-root mode on its own privileged state. */
  private executeNonRoot(instruction: Instruction): Actor {
    const op = instruction.op;
    const controls = this.options.vmcs;
    const guestActor: Actor = this.guest.mode;
    if (this.guest.mode === 'user' && this.trapsInUserMode(op)) {
      if (op === 'SYSCALL') {
        // Handled inside the guest: user → guest kernel through the guest's own interrupt table.
        this.pc++;
        this.spend('interrupt');
        this.enterKernel(VECTOR_SYSCALL, false);
        return guestActor;
      }
      this.fault({ code: 'guestUserModeForbidden', params: { op } }, instruction.line);
      return guestActor;
    }
    let exit: ExitReason | null = null;
    if (op === 'HYPERCALL') exit = 'VMCALL';
    else if (op === 'HLT' && controls.hltExiting) exit = 'HLT';
    else if ((op === 'IN' || op === 'OUT') && controls.ioExiting) exit = 'I/O';
    else if ((op === 'LIDT' || op === 'SIDT') && controls.descriptorTableExiting) exit = op;
    else if (op === 'LMSW' && controls.cr0Exiting) exit = 'LMSW';

    if (exit) {
      this.vmExit(exit);
      if (op === 'HYPERCALL') {
        this.fault({ code: 'vmcallFromUnmodifiedKernel' }, instruction.line);
        return 'monitor';
      }
      this.spend('emulate');
      this.trackBelief(instruction);
      const outcome = this.perform(instruction, this.guest);
      if (outcome.kind === 'halt') this.stop(instruction);
      return 'monitor';
    }

    this.spend('instruction');
    if (op === 'HLT') this.violation('haltedProcessor');
    if (op === 'IN' || op === 'OUT') this.violation('touchedDevice');
    this.trackBelief(instruction);
    const outcome = this.perform(instruction, this.guest);
    if (outcome.kind === 'halt') this.stop(instruction);
    return guestActor;
  }

  private vmExit(reason: ExitReason): void {
    this.spend('vmExit');
    this.counters.vmExits++;
    this.enterMonitor();
    this.emit({ kind: 'vm-exit', step: this.counters.guestInstructions, pc: this.pc, reason });
  }

  // ---- para-virtual interface -----------------------------------------------------------------

  private serviceHypercall(name: HypercallName, instruction: Instruction): void {
    const r = this.registers;
    switch (name) {
      case 'SET_TRAP_TABLE':
        this.guest.idtr = r[0]! & 0xff;
        return;
      case 'SET_TIMER':
        this.programTimer(r[0]!);
        return;
      case 'CONSOLE_WRITE':
        this.consoleOut.push(r[0]!);
        return;
      case 'DISK_WRITE': {
        const address = r[0]!;
        const count = r[1]!;
        for (let i = 0; i < count; i++) this.diskWords.push(this.memory[(address + i) & 0xff]!);
        return;
      }
      case 'DISK_COMMIT':
        this.diskCommits++;
        r[0] = this.diskWords.length & WORD_MASK;
        return;
      case 'IRET':
        this.returnFromInterrupt();
        return;
      case 'SHUTDOWN':
        this.stop(instruction);
        return;
      case 'CHECK_EVENTS':
        // Nothing to do here: every hypercall ends with the monitor delivering what is pending.
        return;
    }
  }

  // ---- interrupts -----------------------------------------------------------------------------

  private virtualInterruptsEnabled(): boolean {
    if (this.options.strategy === 'paravirtualization') return this.memory[PV_VIRQ_MASK] === 0;
    return this.guest.interruptsEnabled;
  }

  private setVirtualInterruptsEnabled(enabled: boolean): void {
    if (this.options.strategy === 'paravirtualization') this.memory[PV_VIRQ_MASK] = enabled ? 0 : 1;
    else this.guest.interruptsEnabled = enabled;
  }

  private flagsWord(interruptsEnabled: boolean): number {
    return FLAGS_FIXED | (interruptsEnabled ? FLAG_IF : 0);
  }

  /** Push an interrupt frame on the guest stack and enter the guest kernel through its table. */
  private enterKernel(vector: number, clearsInterruptFlag: boolean): void {
    this.push(this.flagsWord(this.virtualInterruptsEnabled()));
    this.push(this.pc);
    this.push(this.guest.mode === 'kernel' ? MODE_WORD_KERNEL : MODE_WORD_USER);
    this.guest.mode = 'kernel';
    if (clearsInterruptFlag) {
      this.setVirtualInterruptsEnabled(false);
      this.believedInterruptsEnabled = false;
    }
    this.pc = this.memory[(this.guest.idtr + vector) & 0xff]!;
  }

  private returnFromInterrupt(): void {
    const mode = this.pop();
    this.pc = this.pop();
    const flags = this.pop();
    this.guest.mode = mode === MODE_WORD_KERNEL ? 'kernel' : 'user';
    const enabled = (flags & FLAG_IF) !== 0;
    this.setVirtualInterruptsEnabled(enabled);
    this.believedInterruptsEnabled = enabled;
  }

  private programTimer(period: number): void {
    this.timerPeriod = period;
    this.timerCountdown = period;
  }

  private tickTimer(): void {
    if (this.timerPeriod <= 0) return;
    this.timerCountdown--;
    if (this.timerCountdown > 0) return;
    this.timerCountdown = this.timerPeriod;
    const strategy = this.options.strategy;
    const step = this.counters.guestInstructions;
    if (strategy === 'bare-metal' || (strategy === 'hardware-assist' && !this.options.vmcs.externalInterruptExiting)) {
      if (strategy === 'hardware-assist') this.violation('tookHostInterrupt');
      this.timerPending = true;
      this.emit({ kind: 'timer', step, delivery: this.guest.interruptsEnabled ? 'delivered' : 'pending' });
      return; // delivered at the boundary, by the processor itself
    }
    if (strategy === 'hardware-assist') {
      this.vmExit('external interrupt');
      this.spend('emulate');
      this.timerPending = true;
      this.emit({ kind: 'timer', step, delivery: this.guest.interruptsEnabled ? 'delivered' : 'pending' });
      if (this.guest.interruptsEnabled) this.inject();
      else this.interruptWindowArmed = true; // exit as soon as the guest can take it
      return;
    }
    // Deprivileged strategies: the real interrupt goes to the monitor.
    this.spend('trap');
    this.spend('emulate');
    this.counters.interruptsToMonitor++;
    this.enterMonitor();
    this.timerPending = true;
    if (strategy === 'paravirtualization') this.memory[PV_VIRQ_PENDING] = 1;
    this.emit({ kind: 'timer', step, delivery: this.virtualInterruptsEnabled() ? 'delivered' : 'pending' });
    this.deliverPendingFromMonitor();
  }

  /** The processor checks for interrupts between instructions. */
  private deliverAtBoundary(): void {
    if (!this.timerPending) return;
    const strategy = this.options.strategy;
    const native = strategy === 'bare-metal' || (strategy === 'hardware-assist' && !this.options.vmcs.externalInterruptExiting);
    if (native && this.guest.interruptsEnabled) {
      this.timerPending = false;
      this.spend('interrupt');
      this.enterKernel(VECTOR_TIMER, true);
      return;
    }
    if (strategy === 'hardware-assist' && this.interruptWindowArmed && this.guest.interruptsEnabled) {
      this.vmExit('interrupt window');
      this.spend('emulate');
      this.inject();
    }
  }

  /** The monitor has control: inject a pending virtual interrupt if the guest has them enabled. */
  private deliverPendingFromMonitor(): void {
    if (this.timerPending && this.virtualInterruptsEnabled()) this.inject();
  }

  private inject(): void {
    this.timerPending = false;
    if (this.options.strategy === 'paravirtualization') this.memory[PV_VIRQ_PENDING] = 0;
    this.interruptWindowArmed = false;
    this.counters.injected++;
    this.emit({ kind: 'inject', step: this.counters.guestInstructions, vector: VECTOR_TIMER });
    this.enterKernel(VECTOR_TIMER, true);
  }

  // ---- instruction semantics ------------------------------------------------------------------

  /** What the guest kernel believes about its interrupt flag after this instruction (as on bare metal). */
  private trackBelief(instruction: Instruction): void {
    if (this.guest.mode !== 'kernel') return;
    switch (instruction.op) {
      case 'CLI': this.believedInterruptsEnabled = false; break;
      case 'STI': this.believedInterruptsEnabled = true; break;
      case 'POPF': this.believedInterruptsEnabled = (this.peek() & FLAG_IF) !== 0; break;
      case 'IRET': this.believedInterruptsEnabled = (this.peek(2) & FLAG_IF) !== 0; break;
      case 'STORE': {
        // A para-virtual kernel "believes" what it writes into its shared mask.
        const target = instruction.operands[1]!;
        if (this.options.strategy === 'paravirtualization' && target.kind === 'mem-abs' && target.address === PV_VIRQ_MASK) {
          this.believedInterruptsEnabled = this.read(instruction.operands[0]!) === 0;
        }
        break;
      }
      default: break;
    }
  }

  /** Report a sensitive instruction that, run deprivileged, does something other than what the guest expects. */
  private noticeSilentMisbehaviour(instruction: Instruction, real: PrivilegedState): void {
    const step = this.counters.guestInstructions;
    const pc = this.pc;
    switch (instruction.op) {
      case 'POPF': {
        const wanted = (this.peek() & FLAG_IF) !== 0;
        if (wanted !== this.guest.interruptsEnabled) {
          this.counters.silentFailures++;
          this.emit({ kind: 'ignored', step, pc, op: 'POPF', wanted, actual: this.guest.interruptsEnabled });
        }
        return;
      }
      case 'PUSHF': {
        const expected = this.flagsWord(this.guest.interruptsEnabled);
        const got = this.flagsWord(real.interruptsEnabled);
        if (expected !== got) this.leak('PUSHF', expected, got);
        return;
      }
      case 'SMSW':
        if (this.guest.msw !== real.msw) this.leak('SMSW', this.guest.msw, real.msw);
        return;
      case 'SIDT':
        if (this.guest.idtr !== real.idtr) this.leak('SIDT', this.guest.idtr, real.idtr);
        return;
      default:
        return;
    }
  }

  private leak(op: Opcode, expected: number, got: number): void {
    this.counters.silentFailures++;
    this.emit({ kind: 'leak', step: this.counters.guestInstructions, pc: this.pc, op, expected, got });
  }

  /**
   * Execute one instruction as the hardware would, with `state` as the processor's privileged state.
   * The caller has already decided that it does not trap.
   */
  private perform(instruction: Instruction, state: PrivilegedState): Outcome {
    const [a, b] = instruction.operands;
    const r = this.registers;
    let next = this.pc + 1;
    let outcome: Outcome = { kind: 'done' };
    switch (instruction.op) {
      case 'MOVI': r[reg(a)] = this.read(b!); break;
      case 'MOV': r[reg(a)] = r[reg(b)]!; break;
      case 'ADD': r[reg(a)] = (r[reg(a)]! + r[reg(b)]!) & WORD_MASK; break;
      case 'ADDI': r[reg(a)] = (r[reg(a)]! + this.read(b!)) & WORD_MASK; break;
      case 'LOAD': r[reg(a)] = this.memory[this.address(b!)]!; break;
      case 'STORE': this.memory[this.address(b!)] = r[reg(a)]!; break;
      case 'JMP': next = this.read(a!); break;
      case 'JNZ': if (r[reg(a)] !== 0) next = this.read(b!); break;
      case 'PUSH': this.push(r[reg(a)]!); break;
      case 'POP': r[reg(a)] = this.pop(); break;
      case 'SYSCALL': outcome = { kind: 'syscall' }; break;
      case 'HYPERCALL': outcome = { kind: 'hypercall', number: this.read(a!) }; break;
      case 'CLI': this.setState(state, false); break;
      case 'STI': this.setState(state, true); break;
      case 'HLT': outcome = { kind: 'halt' }; break;
      case 'IN': r[reg(a)] = this.readPort(this.read(b!)); break;
      case 'OUT': this.writePort(this.read(a!), r[reg(b)]!); break;
      case 'LIDT': state.idtr = r[reg(a)]! & 0xff; break;
      case 'LMSW': state.msw = r[reg(a)]! & WORD_MASK; break;
      case 'IRET': {
        const mode = this.pop();
        next = this.pop();
        const flags = this.pop();
        state.mode = mode === MODE_WORD_KERNEL ? 'kernel' : 'user';
        this.setState(state, (flags & FLAG_IF) !== 0);
        break;
      }
      case 'PUSHF': this.push(this.flagsWord(state.interruptsEnabled)); break;
      case 'POPF': {
        const flags = this.pop();
        // In user mode the processor silently leaves the interrupt flag alone (x86: IOPL < CPL).
        if (state.mode === 'kernel') this.setState(state, (flags & FLAG_IF) !== 0);
        break;
      }
      case 'SMSW': r[reg(a)] = state.msw; break;
      case 'SIDT': r[reg(a)] = state.idtr; break;
    }
    this.pc = next;
    return outcome;
  }

  private setState(state: PrivilegedState, interruptsEnabled: boolean): void {
    if (state === this.guest) this.setVirtualInterruptsEnabled(interruptsEnabled);
    else state.interruptsEnabled = interruptsEnabled;
  }

  private read(operand: Operand): number {
    switch (operand.kind) {
      case 'reg': return this.registers[operand.reg]!;
      case 'imm': return operand.value;
      case 'mem-abs': return this.memory[operand.address]!;
      case 'mem-reg': return this.memory[this.registers[operand.reg]! & 0xff]!;
    }
  }

  private address(operand: Operand): number {
    if (operand.kind === 'mem-abs') return operand.address;
    if (operand.kind === 'mem-reg') return this.registers[operand.reg]! & 0xff;
    return 0;
  }

  private push(value: number): void {
    this.sp = (this.sp - 1) & 0xff;
    this.memory[this.sp] = value & WORD_MASK;
  }

  private pop(): number {
    const value = this.memory[this.sp]!;
    this.sp = (this.sp + 1) & 0xff;
    return value;
  }

  private peek(depth = 0): number {
    return this.memory[(this.sp + depth) & 0xff]!;
  }

  private readPort(port: number): number {
    if (port === PORT_DISK_STATUS) return this.diskWords.length & WORD_MASK;
    return 0;
  }

  private writePort(port: number, value: number): void {
    if (port === PORT_CONSOLE) this.consoleOut.push(value);
    else if (port === PORT_TIMER) this.programTimer(value);
    else if (port === PORT_DISK_DATA) this.diskWords.push(value);
    else if (port === PORT_DISK_COMMIT) this.diskCommits++;
  }

  // ---- bookkeeping ----------------------------------------------------------------------------

  private spend(what: keyof CostModel): void {
    this.counters.cycles += this.options.cost[what];
  }

  private enterMonitor(): void {
    this.stepEnteredMonitor = true;
  }

  private emit(event: MachineEvent): void {
    this.stepEvents.push(event);
    this.eventLog.push(event);
    if (this.eventLog.length > MAX_EVENTS_KEPT) this.eventLog.splice(0, this.eventLog.length - MAX_EVENTS_KEPT);
  }

  private violation(what: ResourceViolation): void {
    this.emit({ kind: 'violation', step: this.counters.guestInstructions, pc: this.pc, what });
  }

  private stop(instruction: Instruction): void {
    this.halt = { reason: 'halted' };
    this.emit({ kind: 'halt', step: this.counters.guestInstructions, pc: this.program.instructions.indexOf(instruction) });
  }

  private fault(fault: TrapFault, line: number): void {
    this.halt = { ...fault, reason: 'fault', line };
    this.emit({ ...fault, kind: 'fault', step: this.counters.guestInstructions, pc: this.pc });
  }
}

function reg(operand: Operand | undefined): number {
  return operand && operand.kind === 'reg' ? operand.reg : 0;
}

