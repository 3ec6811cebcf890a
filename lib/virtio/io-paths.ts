/**
 * What each I/O path costs per request, in VM exits, trips to host user space, host system calls
 * and guest interrupts, for the same requests.
 *
 * - 'emulated': a 16550A UART emulated by QEMU under KVM. Every guest access to one of its
 *   registers is an IN or OUT instruction, which exits (KVM_EXIT_IO) to QEMU in user space.
 *   The counts follow Linux's 8250 driver (drivers/tty/serial/8250/8250_port.c): one THR write
 *   per byte; a transmit interrupt per FIFO load (tx_loadsz = 16 for a 16550A); per interrupt the
 *   handler reads IIR, LSR and MSR and reads IIR again to find nothing pending; per request it
 *   turns the transmit interrupt on and off in IER and checks LSR once. Chapter 4 measured this
 *   device in the lab VM (lib/trap/io-measurement.ts): one host callback per byte.
 * - 'virtio-user': virtio with QEMU as the back end. A notification is one write to the notify
 *   register: one exit, which KVM turns into an eventfd signal (ioeventfd) that wakes QEMU's I/O
 *   thread; QEMU serves the ring, does the I/O with a system call and signals an irqfd.
 * - 'vhost': the same virtqueue served by a host kernel thread (vhost-net, vhost-scsi): the same
 *   exit per notification, but no trip to user space and no system call (drivers/vhost/vhost.c,
 *   VHOST_SET_VRING_KICK / VHOST_SET_VRING_CALL).
 * - 'assigned': the device itself (an SR-IOV virtual function that speaks virtio, or any device
 *   given to the guest with VFIO) reads the ring by DMA through the IOMMU; the guest's doorbell
 *   write goes straight to the device's BAR, mapped into the guest: no exit on the data path.
 *
 * Interrupts: without APICv, injecting into a running vCPU takes an exit (KVM kicks the vCPU with
 * an IPI; for an assigned device, the device's MSI lands on the host first) and the guest's EOI
 * write to its local APIC is another. With APICv's virtual-interrupt delivery and posted
 * interrupts (Intel SDM Vol. 3C, chapter "APIC Virtualization and Virtual Interrupts", §29.6 "Posted-Interrupt Processing"; VT-d posted interrupts for
 * assigned devices) neither exits. The vCPU is assumed running (the guest is busy sending).
 */
import type { VirtioCounts } from './virtio-session.ts';

export type IoPath = 'emulated' | 'virtio-user' | 'vhost' | 'assigned';
export const IO_PATHS: readonly IoPath[] = ['emulated', 'virtio-user', 'vhost', 'assigned'];

export interface IoPathCosts {
  readonly vmExits: number;
  readonly userspaceTrips: number;
  readonly hostSyscalls: number;
  readonly guestInterrupts: number;
}
export type IoCostMetric = keyof IoPathCosts;
export const IO_COST_METRICS: readonly IoCostMetric[] = ['vmExits', 'userspaceTrips', 'hostSyscalls', 'guestInterrupts'];

export interface InterruptHardware {
  /** APICv virtual-interrupt delivery with posted interrupts (and VT-d posted interrupts). */
  readonly apicv: boolean;
}

/** The 16550A as Linux's 8250 driver drives it (8250_port.c: uart_config[PORT_16550A].tx_loadsz). */
export const UART_MODEL = {
  fifoBytes: 16,
  registerReadsPerInterrupt: 4,
  registerAccessesPerRequest: 3,
} as const;

/** Exits to inject one interrupt into a running vCPU and take its EOI. */
export function exitsPerInterrupt(hw: InterruptHardware): number {
  return hw.apicv ? 0 : 2;
}

/** The emulated UART carrying `requests` writes of `bytesPerRequest` bytes. */
export function emulatedUartCosts(requests: number, bytesPerRequest: number, hw: InterruptHardware): IoPathCosts {
  const interrupts = requests * Math.ceil(bytesPerRequest / UART_MODEL.fifoBytes);
  const registerExits = requests * (bytesPerRequest + UART_MODEL.registerAccessesPerRequest) + interrupts * UART_MODEL.registerReadsPerInterrupt;
  return {
    vmExits: registerExits + interrupts * exitsPerInterrupt(hw),
    userspaceTrips: registerExits,
    // QEMU returns from KVM_RUN once per register exit, and writes each byte to its character back end.
    hostSyscalls: registerExits + requests * bytesPerRequest,
    guestInterrupts: interrupts,
  };
}

/** A virtqueue path, from the counts of a run of the ring (virtio-session.ts). */
export function virtqueuePathCosts(path: Exclude<IoPath, 'emulated'>, counts: VirtioCounts, hw: InterruptHardware): IoPathCosts {
  const interruptExits = counts.interruptsSent * exitsPerInterrupt(hw);
  switch (path) {
    case 'virtio-user':
      return {
        vmExits: counts.notificationsSent + interruptExits,
        // Each notification wakes QEMU's I/O thread (a busy one keeps going without being woken).
        userspaceTrips: counts.notificationsSent,
        // Per wake-up: the poll returns and the ioeventfd is read; per request one I/O call; per interrupt one irqfd write.
        hostSyscalls: 2 * counts.notificationsSent + counts.requests + counts.interruptsSent,
        guestInterrupts: counts.interruptsSent,
      };
    case 'vhost':
      return { vmExits: counts.notificationsSent + interruptExits, userspaceTrips: 0, hostSyscalls: 0, guestInterrupts: counts.interruptsSent };
    case 'assigned':
      return { vmExits: interruptExits, userspaceTrips: 0, hostSyscalls: 0, guestInterrupts: counts.interruptsSent };
  }
}

export type PathCostTable = Readonly<Record<IoPath, IoPathCosts | undefined>>;

/**
 * Every path for the same run. The emulated path is modelled for the console only (a UART); a
 * block device's emulated twin (IDE, AHCI) is another story, so it is undefined for 'blk'.
 */
export function ioPathCosts(device: 'console' | 'blk', counts: VirtioCounts, bytesPerRequest: number, hw: InterruptHardware): PathCostTable {
  return {
    emulated: device === 'console' ? emulatedUartCosts(counts.requests, bytesPerRequest, hw) : undefined,
    'virtio-user': virtqueuePathCosts('virtio-user', counts, hw),
    vhost: virtqueuePathCosts('vhost', counts, hw),
    assigned: virtqueuePathCosts('assigned', counts, hw),
  };
}

/** A cost divided by the number of requests. */
export function perRequest(costs: IoPathCosts, requests: number): IoPathCosts {
  const n = Math.max(1, requests);
  return { vmExits: costs.vmExits / n, userspaceTrips: costs.userspaceTrips / n, hostSyscalls: costs.hostSyscalls / n, guestInterrupts: costs.guestInterrupts / n };
}

/** What each path gives up, as codes the edge words (the chapter explains each). */
export interface IoPathTraits {
  readonly dataPathExits: boolean;
  readonly liveMigration: 'yes' | 'device-support';
  readonly isolation: 'vmm-process' | 'host-kernel' | 'iommu';
}

export const IO_PATH_TRAITS: Readonly<Record<IoPath, IoPathTraits>> = {
  emulated: { dataPathExits: true, liveMigration: 'yes', isolation: 'vmm-process' },
  'virtio-user': { dataPathExits: true, liveMigration: 'yes', isolation: 'vmm-process' },
  vhost: { dataPathExits: true, liveMigration: 'yes', isolation: 'host-kernel' },
  assigned: { dataPathExits: false, liveMigration: 'device-support', isolation: 'iommu' },
};
