import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { assembleProgram } from '../../../lib/trap/index.ts';
import {
  KVM_EXIT_HLT, KVM_EXIT_IO, KVM_EXIT_MMIO, KVM_EXIT_NAMES,
  KVM_EXIT_SHUTDOWN, KVM_ENOSYS, KVM_MEM_READONLY, KvmDevice, encodeGuestImage, startVmmSession,
} from '../../../lib/kvm-api/index.ts';
import { HELLO_VMM_TS_SOURCE, KVM_HELLO_C_SOURCE, cLineOfStep, typeScriptLineOfStep } from '../../../lib/kvm-api/vmm-sources.ts';
import type { ExitRecord, VmmSession, VmmStep } from '../../../lib/kvm-api/index.ts';
import { defaultGuestSource } from '../../../components/vmm-loop-lab/messages.ts';

function session(source: string): VmmSession {
  const started = startVmmSession(source);
  if (!started.ok) throw new Error(JSON.stringify(started.errors));
  return started.session;
}

/** An exit as the C program kvm-hello prints it, for the teaching ISA's exits (word-sized). */
function exitLine(exit: ExitRecord): string {
  const name = KVM_EXIT_NAMES[exit.exit_reason] ?? `exit_reason ${exit.exit_reason}`;
  if ('io' in exit) {
    const byte = (exit.data & 0xff).toString(16).padStart(2, '0');
    return `${name}: ${exit.io.direction === 1 ? 'out' : 'in'} ${exit.io.direction === 1 ? 'data' : 'answer'} 0x${byte}`;
  }
  if ('mmio' in exit) return `${name}: ${exit.mmio.is_write ? 'write' : 'read'} data 0x${exit.mmio.data[0]!.toString(16).padStart(2, '0')}`;
  return name;
}

/** The same, from a line the C program printed: drop what differs by machine (port numbers, sizes, addresses). */
function cExitLine(line: string): string | undefined {
  const io = /^(KVM_EXIT_IO): (out|in) port 0x[0-9a-f]+ size \d+ count 1 (data|answer) (0x[0-9a-f]{2})$/.exec(line);
  if (io) return `${io[1]}: ${io[2]} ${io[3]} ${io[4]}`;
  const mmio = /^(KVM_EXIT_MMIO): (write|read) phys_addr 0x[0-9a-f]+ len \d+ data (0x[0-9a-f]{2})$/.exec(line);
  if (mmio) return `${mmio[1]}: ${mmio[2]} data ${mmio[3]}`;
  return /^KVM_EXIT_[A-Z_]+$/.test(line) ? line : undefined;
}

/** The C program's output as the page records it (the first ```text block after the "kvm-hello-output" mark). */
function recordedOutput(page: string): string {
  const m = /kvm-hello-output[^\n]*\n+```text\n([\s\S]*?)```/.exec(readFileSync(page, 'utf8'));
  if (!m) throw new Error(`${page}: no recorded kvm-hello output`);
  return m[1]!;
}

function serialText(s: VmmSession): string {
  return String.fromCharCode(...s.snapshot().serial.map((w) => w & 0xff));
}

describe('the VMM loop on the KVM-shaped teaching vCPU', () => {
  test('the default guest: two port writes, a port read, an MMIO write, then HLT; the serial port shows "4\\n"', () => {
    const s = session(defaultGuestSource.en);
    s.runToEnd(200);
    const snap = s.snapshot();
    expect(snap.outcome).toEqual({ code: 'halted' });
    expect(snap.exits.map((e) => e.exit_reason)).toEqual([KVM_EXIT_IO, KVM_EXIT_IO, KVM_EXIT_IO, KVM_EXIT_MMIO, KVM_EXIT_HLT]);
    expect(serialText(s)).toBe('4\n');
    const [out1, , input, mmio] = snap.exits;
    expect(out1).toMatchObject({ io: { direction: 1, port: 0x3f8, count: 1, size: 2 }, data: 0x34 });
    expect(input).toMatchObject({ io: { direction: 0, port: 0x3fd }, data: 0x60 });
    expect(mmio).toMatchObject({ mmio: { phys_addr: 0xf0, is_write: 1, len: 2, data: [0x60, 0] } });
  });

  test('the Chinese default guest is the same program', () => {
    const strip = (src: string) => src.split('\n').map((l) => l.replace(/;.*/, '').trim()).filter(Boolean);
    expect(strip(defaultGuestSource.zh)).toEqual(strip(defaultGuestSource.en));
  });

  test('an MMIO read is finished on the next KVM_RUN with the data the monitor put in mmio.data', () => {
    const s = session('LOAD r2, [0xf0]\nOUT 0x3f8, r2\nHLT');
    s.runToEnd(200);
    const snap = s.snapshot();
    expect(snap.exits.map((e) => e.exit_reason)).toEqual([KVM_EXIT_MMIO, KVM_EXIT_IO, KVM_EXIT_HLT]);
    expect(snap.exits[0]).toMatchObject({ mmio: { phys_addr: 0xf0, is_write: 0, data: [0xff, 0xff] } });
    expect(snap.serial).toEqual([0xff]); // the monitor keeps the byte at data_offset, as a serial port would
  });

  test('memory the slot covers needs no exit: a store and a load round-trip inside the guest', () => {
    const s = session('MOVI r0, 65\nSTORE r0, [0x70]\nMOVI r0, 0\nLOAD r1, [0x70]\nPUSH r1\nPOP r2\nOUT 0x3f8, r2\nHLT');
    s.runToEnd(200);
    expect(s.snapshot().exits.map((e) => e.exit_reason)).toEqual([KVM_EXIT_IO, KVM_EXIT_HLT]);
    expect(serialText(s)).toBe('A');
  });

  test('a port the monitor has no device for ends it with unhandledIo', () => {
    const s = session('OUT 0x80, r0\nHLT');
    s.runToEnd(200);
    expect(s.snapshot().outcome).toEqual({ code: 'unhandledIo', params: { direction: 1, port: 0x80 } });
  });

  test('SYSCALL with no interrupt table shuts the vCPU down; running off the end of memory is an internal error', () => {
    const shut = session('SYSCALL');
    shut.runToEnd(200);
    expect(shut.snapshot().exits.map((e) => e.exit_reason)).toEqual([KVM_EXIT_SHUTDOWN]);
    expect(shut.snapshot().outcome).toEqual({ code: 'shutdown' });
    const off = session('JMP 0x40');
    off.runToEnd(200);
    expect(off.snapshot().outcome).toEqual({ code: 'internalError', params: { suberror: 1 } });
  });

  test('a guest that never exits: KVM_RUN returns EINTR and the monitor calls it again', () => {
    const s = session('spin: JMP spin');
    s.runToEnd(20);
    const snap = s.snapshot();
    expect(snap.outcome).toBeNull();
    expect(snap.exits.length).toBeGreaterThan(1);
    expect(new Set(snap.exits.map((e) => KVM_EXIT_NAMES[e.exit_reason]))).toEqual(new Set(['KVM_EXIT_INTR']));
  });

  test('a guest with a mistake gives line:column errors', () => {
    const started = startVmmSession('MOVI r0, 1\nOUT 0x3f8, r9');
    expect(started.ok).toBe(false);
    if (!started.ok) expect(started.errors[0]).toMatchObject({ line: 2, column: 12, code: 'expectedRegister' });
  });

  test('the ioctls refuse what KVM refuses: overlapping slots, a second vCPU 0, a machine type', () => {
    const kvm = new KvmDevice().open();
    expect(kvm.createVm(1)).toMatchObject({ ok: false, errno: 'EINVAL' });
    const vm = kvm.createVm(0);
    if (!vm.ok) throw new Error('createVm');
    const mem = new Uint16Array(0x40);
    expect(vm.value.setUserMemoryRegion({ slot: 0, flags: 0, guest_phys_addr: 0, memory_size: 0x40, userspace_addr: mem }).ok).toBe(true);
    expect(vm.value.setUserMemoryRegion({ slot: 1, flags: 0, guest_phys_addr: 0x20, memory_size: 0x40, userspace_addr: new Uint16Array(0x40) }))
      .toMatchObject({ ok: false, errno: 'EEXIST', problem: { code: 'regionOverlap' } });
    expect(vm.value.setUserMemoryRegion({ slot: 1, flags: 0, guest_phys_addr: 0xf0, memory_size: 0x40, userspace_addr: new Uint16Array(0x40) }))
      .toMatchObject({ ok: false, errno: 'EINVAL', problem: { code: 'regionOutside' } });
    expect(vm.value.createVcpu(0).ok).toBe(true);
    expect(vm.value.createVcpu(0)).toMatchObject({ ok: false, errno: 'EEXIST' });
  });

  test('a write to a KVM_MEM_READONLY slot is an MMIO exit; a HYPERCALL stays in the kernel and returns -KVM_ENOSYS', () => {
    const kvm = new KvmDevice().open();
    const vm = kvm.createVm(0);
    if (!vm.ok) throw new Error('createVm');
    const assembled = assembleProgram('HYPERCALL 9\nSTORE r0, [0x50]\nHLT');
    if (!assembled.ok) throw new Error('assemble');
    const code = new Uint16Array(0x40);
    code.set(encodeGuestImage(assembled.program, 0).words);
    expect(vm.value.setUserMemoryRegion({ slot: 0, flags: 0, guest_phys_addr: 0, memory_size: 0x40, userspace_addr: code }).ok).toBe(true);
    const rom = new Uint16Array(0x10);
    expect(vm.value.setUserMemoryRegion({ slot: 1, flags: KVM_MEM_READONLY, guest_phys_addr: 0x50, memory_size: 0x10, userspace_addr: rom }).ok).toBe(true);
    const vcpu = vm.value.createVcpu(0);
    if (!vcpu.ok) throw new Error('createVcpu');
    expect(vcpu.value.run().ok).toBe(true);
    const run = vcpu.value.kvmRun;
    expect(run.exit_reason).toBe(KVM_EXIT_MMIO);
    expect(run.mmio.phys_addr).toBe(0x50);
    expect(run.mmio.is_write).toBe(1);
    expect(run.mmio.data[0] | (run.mmio.data[1]! << 8)).toBe(-KVM_ENOSYS & 0xffff);
    expect(rom[0]).toBe(0);
    expect(vcpu.value.run().ok).toBe(true);
    expect(vcpu.value.kvmRun.exit_reason).toBe(KVM_EXIT_HLT);
  });

  test('every step the monitor yields has its line in the TypeScript, and the C program marks the same steps', () => {
    const steps: VmmStep[] = ['open', 'api-version', 'create-vm', 'memory', 'load', 'set-region', 'create-vcpu', 'mmap-size',
      'map-run', 'set-regs', 'run', 'serial-out', 'serial-in', 'mmio', 'hlt', 'shutdown', 'internal-error', 'other'];
    for (const step of steps) {
      expect(typeScriptLineOfStep(HELLO_VMM_TS_SOURCE, step), step).toBeGreaterThan(0);
      expect(cLineOfStep(KVM_HELLO_C_SOURCE, step), step).toBeGreaterThan(0);
    }
    expect(KVM_HELLO_C_SOURCE).toContain('KVM_SET_USER_MEMORY_REGION');
  });
});

describe('the C program beside it (guest/kvm-hello/kvm-hello.c)', () => {
  const pages = ['content/docs/kvm-bridge.mdx', 'content/docs/zh-cn/kvm-bridge.mdx'];

  test('both editions record the same output, and the teaching VMM makes the same exits in the same order', () => {
    const [en, zh] = pages.map(recordedOutput);
    expect(zh).toBe(en);
    const lines = en!.trim().split('\n');
    expect(lines[0]).toBe('KVM_GET_API_VERSION: 12');
    const s = session(defaultGuestSource.en);
    s.runToEnd(200);
    expect(s.snapshot().exits.map(exitLine)).toEqual(lines.map(cExitLine).filter((l) => l !== undefined));
    expect(lines.at(-1)).toBe(`serial: ${JSON.stringify(serialText(s))}`);
  });

  const kvmUsable = (() => {
    try {
      accessSync('/dev/kvm', constants.R_OK | constants.W_OK);
      execFileSync('gcc', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  test.skipIf(!kvmUsable)('compiled and run on /dev/kvm, it prints what the page records (skipped without a readable and writable /dev/kvm and gcc)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kvm-hello-'));
    const binary = join(dir, 'kvm-hello');
    execFileSync('gcc', ['-Wall', '-Wextra', '-Werror', '-O2', '-o', binary, 'guest/kvm-hello/kvm-hello.c']);
    const printed = execFileSync(binary, { encoding: 'utf8' });
    for (const page of pages) expect(printed, page).toBe(recordedOutput(page));
  });
});
