/**
 * One driver and one device sharing a split virtqueue in guest memory, run step by step.
 *
 * The driver (a guest) submits `requests` requests in batches of `batch`: it adds the batch's
 * buffers, publishes avail->idx once and notifies the device if the device asked for it. The
 * device (a back end running beside the vCPU) serves at most `deviceBudget` buffers each time it
 * runs, then publishes used->idx and interrupts the driver if the driver asked for it; while it
 * still has work it keeps notifications off and comes back by itself, and when the ring is empty
 * it turns them on and looks once more (VIRTIO 1.2 §2.7.10). This is the loop vhost-net's
 * handle_tx and QEMU's virtio_queue_notify_vq run; the step-through view and the exit counts both
 * come from running it, not from a formula.
 *
 * Suppression: 'none' (every batch notifies, every publication interrupts), 'flags'
 * (VIRTQ_USED_F_NO_NOTIFY / VIRTQ_AVAIL_F_NO_INTERRUPT, §2.7.7, §2.7.10) or 'event-idx'
 * (VIRTIO_F_EVENT_IDX: avail_event and used_event; `interruptEvery` K then asks for one
 * interrupt per K completions, interrupt coalescing).
 */
import { GuestMemory } from './guest-memory.ts';
import { isValidQueueSize, snapshotSplitVirtqueue, splitVirtqueueLayout, usedEventAt } from './split-virtqueue.ts';
import type { SplitVirtqueueLayout, SplitVirtqueueSnapshot } from './split-virtqueue.ts';
import { VirtqueueDriver } from './virtqueue-driver.ts';
import { VirtqueueDevice } from './virtqueue-device.ts';
import type { ChainProblemCode } from './virtqueue-device.ts';
import { VirtioBackend, arenaEnd, bufferArena, indirectTableOf, writeRequest } from './virtio-requests.ts';
import type { BufferArena, VirtioDeviceKind } from './virtio-requests.ts';
import { DEFAULT_IO_SIZE_KIB, IO_BLOCK_BYTES } from '../trap/index.ts';

export type NotificationSuppression = 'none' | 'flags' | 'event-idx';
export const NOTIFICATION_SUPPRESSIONS: readonly NotificationSuppression[] = ['none', 'flags', 'event-idx'];

export interface VirtioScenario {
  readonly device: VirtioDeviceKind;
  readonly requests: number;
  readonly bytesPerRequest: number;
  readonly queueSize: number;
  /** Buffers the driver adds before it publishes and (maybe) notifies. */
  readonly batch: number;
  /** Buffers the device serves each time it runs. */
  readonly deviceBudget: number;
  readonly suppression: NotificationSuppression;
  /** With 'event-idx': one interrupt per this many completions (1: every one). */
  readonly interruptEvery: number;
  /** Put each request's chain in an indirect table (VIRTIO_F_INDIRECT_DESC, §2.7.5.3). */
  readonly indirect: boolean;
  /** The indices' value at the start (0 after a device reset). */
  readonly initialIndex?: number;
}

/**
 * Chapter 4's measurement (lib/trap/io-measurement.ts): its default 256 KiB written to the virtio
 * console by dd in blocks of IO_BLOCK_BYTES, one request per block.
 */
export const DEFAULT_VIRTIO_SCENARIO: VirtioScenario = {
  device: 'console',
  requests: (DEFAULT_IO_SIZE_KIB * 1024) / IO_BLOCK_BYTES,
  bytesPerRequest: IO_BLOCK_BYTES,
  queueSize: 128,
  batch: 1,
  deviceBudget: 64,
  suppression: 'event-idx',
  interruptEvery: 1,
  indirect: false,
};

/** The limits the CLI and the island hold the reader to. */
export const VIRTIO_LIMITS = {
  requests: { min: 1, max: 100_000 },
  bytesPerRequest: { min: 1, max: 65_536 },
  batch: { min: 1, max: 256 },
  deviceBudget: { min: 1, max: 256 },
  interruptEvery: { min: 1, max: 256 },
} as const;

export type ScenarioProblem =
  | { readonly code: 'outOfRange'; readonly params: { readonly field: keyof typeof VIRTIO_LIMITS; readonly value: number; readonly min: number; readonly max: number } }
  | { readonly code: 'badQueueSize'; readonly params: { readonly value: number } }
  | { readonly code: 'chainTooLong'; readonly params: { readonly queueSize: number; readonly descriptors: number } };

/** What is wrong with a scenario, or undefined when it can run. */
export function checkScenario(s: VirtioScenario): ScenarioProblem | undefined {
  for (const field of Object.keys(VIRTIO_LIMITS) as (keyof typeof VIRTIO_LIMITS)[]) {
    const { min, max } = VIRTIO_LIMITS[field];
    const value = s[field];
    if (!Number.isInteger(value) || value < min || value > max) return { code: 'outOfRange', params: { field, value, min, max } };
  }
  if (!isValidQueueSize(s.queueSize) || s.queueSize > 1024) return { code: 'badQueueSize', params: { value: s.queueSize } };
  // §2.7.5.3.1: no chain, indirect or not, may be longer than the queue size.
  const perRequest = s.device === 'blk' ? 3 : 1;
  if (perRequest > s.queueSize) return { code: 'chainTooLong', params: { queueSize: s.queueSize, descriptors: perRequest } };
  return undefined;
}

export type VirtioEvent =
  | { readonly kind: 'driver-add'; readonly request: number; readonly head: number; readonly descriptors: readonly number[]; readonly availSlot: number }
  | { readonly kind: 'driver-kick'; readonly oldIdx: number; readonly newIdx: number; readonly notify: boolean; readonly availEvent?: number; readonly usedFlags?: number }
  | { readonly kind: 'device-use'; readonly head: number; readonly availIdx: number; readonly readBytes: number; readonly writtenBytes: number; readonly usedSlot: number; readonly status?: number }
  | { readonly kind: 'device-publish'; readonly oldIdx: number; readonly newIdx: number; readonly interrupt: boolean; readonly usedEvent?: number; readonly availFlags?: number }
  | { readonly kind: 'device-busy'; readonly remaining: number }
  | { readonly kind: 'device-idle'; readonly availEvent: number; readonly foundMore: boolean }
  | { readonly kind: 'driver-reap'; readonly buffers: number; readonly byInterrupt: boolean; readonly usedEvent: number }
  | { readonly kind: 'done' }
  | { readonly kind: 'device-error'; readonly code: ChainProblemCode; readonly head: number }
  | { readonly kind: 'stalled' };

export interface VirtioCounts {
  readonly requests: number;
  readonly bytes: number;
  /** Batches published (avail->idx writes). */
  readonly publications: number;
  readonly notificationsSent: number;
  readonly notificationsSuppressed: number;
  readonly interruptsSent: number;
  readonly interruptsSuppressed: number;
  /** Times the device started serving the ring (after a notification or still busy). */
  readonly deviceRuns: number;
  /** Reaps the driver did without an interrupt, because it ran out of descriptors. */
  readonly polledReaps: number;
  readonly descriptorsUsed: number;
}

type Phase = 'driver' | 'device' | 'reap';

export class VirtioSession {
  readonly memory: GuestMemory;
  readonly layout: SplitVirtqueueLayout;
  readonly arena: BufferArena;
  readonly driver: VirtqueueDriver;
  readonly device: VirtqueueDevice;
  readonly backend: VirtioBackend;
  private phase: Phase = 'driver';
  private submitted = 0;
  private reaped = 0;
  private addedThisBatch = 0;
  private servedThisRun = 0;
  private deviceActive = false;
  /** The device published this turn's work and yields until the next turn. */
  private turnOver = false;
  private interruptPending = false;
  private finished: VirtioEvent | undefined;
  private counts = {
    publications: 0, notificationsSent: 0, notificationsSuppressed: 0, interruptsSent: 0, interruptsSuppressed: 0,
    deviceRuns: 0, polledReaps: 0, descriptorsUsed: 0, bytes: 0,
  };
  /** The last event, for a view. */
  last: VirtioEvent | undefined;

  readonly scenario: VirtioScenario;

  constructor(scenario: VirtioScenario) {
    this.scenario = scenario;
    const problem = checkScenario(scenario);
    if (problem) throw new RangeError(`bad virtio scenario: ${problem.code} ${JSON.stringify(problem.params)}`);
    this.layout = splitVirtqueueLayout(scenario.queueSize, 0);
    this.arena = bufferArena(this.layout.end, scenario.queueSize, scenario.bytesPerRequest);
    this.backend = new VirtioBackend(scenario.device, Math.max(1 << 16, 4 * scenario.bytesPerRequest));
    this.memory = new GuestMemory(arenaEnd(this.arena));
    const eventIdx = scenario.suppression === 'event-idx';
    const options = { eventIdx, ...(scenario.initialIndex === undefined ? {} : { initialIndex: scenario.initialIndex }) };
    this.driver = new VirtqueueDriver(this.memory, this.layout, options);
    this.device = new VirtqueueDevice(this.memory, this.layout, options);
  }

  get done(): boolean {
    return this.finished !== undefined;
  }

  get submittedRequests(): number {
    return this.submitted;
  }
  get completedRequests(): number {
    return this.reaped;
  }

  snapshot(): SplitVirtqueueSnapshot {
    return snapshotSplitVirtqueue(this.memory, this.layout);
  }

  totals(): VirtioCounts {
    return { requests: this.reaped, ...this.counts };
  }

  /**
   * Ask for the next interrupt. Under 'event-idx', used_event goes `interruptEvery` completions
   * ahead (coalescing). Under 'flags', the driver sets VIRTQ_AVAIL_F_NO_INTERRUPT while it still
   * has requests to send, since it takes used buffers back itself when it needs descriptors (as
   * virtio-net's transmit path does), and clears it for the last ones.
   */
  private armInterrupt(): void {
    const s = this.scenario;
    if (s.suppression === 'event-idx') this.driver.requestInterruptAfter(Math.min(s.interruptEvery, Math.max(1, this.driver.outstanding)));
    else if (s.suppression === 'flags') {
      if (this.submitted < s.requests) this.driver.suppressInterrupts();
      else this.driver.requestInterruptAfter(1);
    }
  }

  /** One thing the driver or the device does, or 'done'. */
  step(): VirtioEvent {
    if (this.finished) return this.finished;
    const event = this.advance();
    this.last = event;
    if (event.kind === 'done' || event.kind === 'stalled' || event.kind === 'device-error') this.finished = event;
    return event;
  }

  /** Run to the end (or a problem); returns the last event. */
  run(maxSteps = 50_000_000): VirtioEvent {
    let event: VirtioEvent = this.last ?? { kind: 'stalled' };
    for (let i = 0; i < maxSteps && !this.finished; i++) event = this.step();
    return event;
  }

  private advance(): VirtioEvent {
    const s = this.scenario;
    // Three phases in turn; a whole round without an event means nobody can move.
    for (let idle = 0; idle < 4; idle++) {
      if (this.phase === 'driver') {
        // Write a request's buffers only when its descriptors are free: its slot may still hold
        // an older request the device has not read yet.
        const fits = this.driver.freeDescriptors >= (s.indirect || s.device === 'console' ? 1 : 3);
        if (this.submitted < s.requests && this.addedThisBatch < s.batch && fits) {
          const plan = writeRequest(this.memory, this.arena, s.device, this.submitted, s.bytesPerRequest, this.backend.diskSectors);
          const availSlot = this.driver.nextAvailIndex % this.layout.size;
          const added = this.driver.addBuffer(plan.segments, s.indirect ? { indirectTable: indirectTableOf(this.arena, plan.number) } : {});
          if (added.ok) {
            this.submitted++;
            this.addedThisBatch++;
            this.counts.descriptorsUsed += added.descriptors.length;
            return { kind: 'driver-add', request: plan.number, head: added.head, descriptors: added.descriptors, availSlot };
          }
          // checkScenario and the free count above rule every refusal out.
          throw new Error(`the driver refused a request it had room for: ${added.code}`);
        }
        if (this.submitted < s.requests && this.addedThisBatch === 0 && !fits) {
          // Out of descriptors: take back what the device has finished, without waiting for an interrupt.
          if (this.driver.pendingUsed() > 0) {
            const buffers = this.driver.reap().length;
            this.reaped += buffers;
            this.counts.polledReaps++;
            this.armInterrupt();
            return { kind: 'driver-reap', buffers, byInterrupt: false, usedEvent: this.memory.readU16(usedEventAt(this.layout)) };
          }
        }
        this.phase = 'device';
        if (this.addedThisBatch > 0) {
          this.addedThisBatch = 0;
          this.armInterrupt();
          const kick = this.driver.kick();
          this.counts.publications++;
          if (kick.notify || s.suppression === 'none') {
            this.counts.notificationsSent++;
            this.deviceActive = true;
          } else {
            this.counts.notificationsSuppressed++;
          }
          return { kind: 'driver-kick', ...kick, notify: kick.notify || s.suppression === 'none' };
        }
        continue;
      }
      if (this.phase === 'device') {
        if (this.deviceActive) {
          if (this.turnOver) {
            // The device has used its budget for this turn; the vCPU runs again before it comes back.
            this.turnOver = false;
            if (this.device.available() > 0) {
              this.phase = 'reap';
              return { kind: 'device-busy', remaining: this.device.available() };
            }
          } else if (this.servedThisRun < s.deviceBudget && this.device.available() > 0) {
            if (this.servedThisRun === 0) {
              this.counts.deviceRuns++;
              if (s.suppression !== 'none') this.device.suppressNotifications();
            }
            const popped = this.device.pop();
            if (!popped.ok) return popped.code === 'empty' ? { kind: 'stalled' } : { kind: 'device-error', code: popped.code, head: popped.head };
            const served = this.backend.serve(this.memory, popped.chain);
            const usedSlot = this.device.nextUsedIndex % this.layout.size;
            this.device.pushUsed(popped.chain.head, served.writtenBytes);
            this.servedThisRun++;
            this.counts.bytes += s.bytesPerRequest;
            return {
              kind: 'device-use', head: popped.chain.head, availIdx: popped.availIdx, readBytes: served.readBytes, writtenBytes: served.writtenBytes,
              usedSlot, ...(served.status === undefined ? {} : { status: served.status }),
            };
          }
          if (this.servedThisRun > 0) {
            const published = this.device.publish();
            const interrupt = published.interrupt || s.suppression === 'none';
            if (interrupt) {
              this.counts.interruptsSent++;
              this.interruptPending = true;
            } else {
              this.counts.interruptsSuppressed++;
            }
            this.servedThisRun = 0;
            this.turnOver = true;
            return { kind: 'device-publish', ...published, interrupt };
          }
          if (this.device.available() === 0) {
            // §2.7.10: turn notifications back on, then look once more for a buffer added meanwhile.
            this.device.enableNotifications();
            const foundMore = this.device.available() > 0;
            if (foundMore) {
              if (s.suppression !== 'none') this.device.suppressNotifications();
            } else {
              this.deviceActive = false;
            }
            this.phase = 'reap';
            return { kind: 'device-idle', availEvent: this.device.nextAvail, foundMore };
          }
        }
        this.phase = 'reap';
        continue;
      }
      // phase 'reap'
      this.phase = 'driver';
      if (this.interruptPending) {
        this.interruptPending = false;
        const buffers = this.driver.reap().length;
        this.reaped += buffers;
        this.armInterrupt();
        return { kind: 'driver-reap', buffers, byInterrupt: true, usedEvent: this.memory.readU16(usedEventAt(this.layout)) };
      }
      if (this.reaped === s.requests) return { kind: 'done' };
      if (this.submitted === s.requests && !this.deviceActive && this.device.available() === 0 && this.driver.pendingUsed() > 0) {
        // Everything is done but the last completions raised no interrupt (coalescing asked for
        // more than were left): a real driver's timer or next send would collect them.
        const buffers = this.driver.reap().length;
        this.reaped += buffers;
        this.counts.polledReaps++;
        return { kind: 'driver-reap', buffers, byInterrupt: false, usedEvent: this.memory.readU16(usedEventAt(this.layout)) };
      }
    }
    return { kind: 'stalled' };
  }
}

/** Run a scenario to the end and return its counts (or the event that stopped it). */
export function runVirtioScenario(scenario: VirtioScenario): { counts: VirtioCounts; last: VirtioEvent; session: VirtioSession } {
  const session = new VirtioSession(scenario);
  const last = session.run();
  return { counts: session.totals(), last, session };
}
