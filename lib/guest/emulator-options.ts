import type { GuestMachine } from './manifest.ts';

/** The machine every lab VM state is built with. Changing it makes old states incompatible. */
export const LAB_MACHINE: GuestMachine = {
  memorySize: 128 * 1024 * 1024,
  vgaMemorySize: 2 * 1024 * 1024,
  cmdline: [
    'console=ttyS0,115200',
    'tsc=reliable',
    'mitigations=off',
    'random.trust_cpu=on',
    'init_on_free=1',
    'audit=0',
    'nowatchdog',
  ].join(' '),
  netDevice: 'ne2k',
  virtioConsole: true,
  virtioBalloon: true,
  uart1: true,
  acpi: false,
};

/** v86 image: bytes already in memory, or a URL (in Node an absolute file path). */
export type EmulatorImage = { buffer: ArrayBuffer } | { url: string };

export type EmulatorImages = {
  bios: EmulatorImage;
  /** A saved state: restore it instead of booting. */
  state?: EmulatorImage;
  /** Kernel and initramfs for a cold boot (ignored when `state` is given). */
  bzimage?: EmulatorImage;
  initrd?: EmulatorImage;
};

/**
 * The v86 constructor options for a machine. The same function serves the build (cold boot,
 * then save) and every restore, so the two cannot drift apart.
 */
export function emulatorOptions(machine: GuestMachine, images: EmulatorImages): Record<string, unknown> {
  const options: Record<string, unknown> = {
    memory_size: machine.memorySize,
    vga_memory_size: machine.vgaMemorySize,
    bios: images.bios,
    filesystem: {},
    net_device: { type: machine.netDevice },
    virtio_console: machine.virtioConsole,
    virtio_balloon: machine.virtioBalloon === true,
    uart1: machine.uart1,
    acpi: machine.acpi,
    autostart: true,
    disable_keyboard: true,
    disable_mouse: true,
    disable_speaker: true,
    log_level: 0,
  };
  if (images.state) {
    options.initial_state = images.state;
  } else {
    options.bzimage = images.bzimage;
    options.initrd = images.initrd;
    options.cmdline = machine.cmdline;
  }
  return options;
}
