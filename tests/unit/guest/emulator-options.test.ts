import { describe, expect, test } from 'vitest';
import { emulatorOptions, LAB_MACHINE, manifestProblem, manifestProblemWordings } from '../../../lib/guest/index.ts';
import { wordMessage } from '../../../lib/book/localized-text.ts';

const manifestProblemInEnglish = (value: unknown) => {
  const problem = manifestProblem(value);
  return problem ? wordMessage(manifestProblemWordings, problem, 'en') : null;
};

const bios = { buffer: new ArrayBuffer(8) };

describe('emulatorOptions', () => {
  test('a restore repeats the machine and boots nothing', () => {
    const options = emulatorOptions(LAB_MACHINE, { bios, state: { url: '/guest/state.bin.zst' } });
    expect(options).toMatchObject({
      memory_size: LAB_MACHINE.memorySize,
      vga_memory_size: LAB_MACHINE.vgaMemorySize,
      virtio_console: true,
      virtio_balloon: true,
      uart1: true,
      net_device: { type: 'ne2k' },
      filesystem: {},
      disable_keyboard: true,
      disable_mouse: true,
      disable_speaker: true,
      initial_state: { url: '/guest/state.bin.zst' },
    });
    expect(options.bzimage).toBeUndefined();
    expect(options.cmdline).toBeUndefined();
  });

  test('a cold boot passes kernel, initramfs and command line', () => {
    const options = emulatorOptions(LAB_MACHINE, { bios, bzimage: { url: 'k' }, initrd: { url: 'i' } });
    expect(options.bzimage).toEqual({ url: 'k' });
    expect(options.initrd).toEqual({ url: 'i' });
    expect(options.cmdline).toContain('console=ttyS0');
    expect(options.cmdline).toContain('init_on_free=1');
  });

  test('the machine has room for the initramfs above 64 MiB', () => {
    expect(LAB_MACHINE.memorySize).toBeGreaterThanOrEqual(96 * 1024 * 1024);
  });
});

describe('manifestProblem', () => {
  test('accepts a complete manifest and explains what is wrong otherwise', () => {
    const file = { name: 'x', bytes: 1, sha256: '' };
    const good = { format: 1, machine: LAB_MACHINE, files: { state: { ...file, rawBytes: 2 }, bios: file, bzimage: file, initrd: file } };
    expect(manifestProblemInEnglish(good)).toBeNull();
    expect(manifestProblemInEnglish(null)).toMatch(/not an object/);
    expect(manifestProblemInEnglish({ ...good, format: 2 })).toMatch(/format 2/);
    expect(manifestProblemInEnglish({ ...good, files: {} })).toMatch(/state, BIOS/);
  });
});
