import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_VIRTIO_SCENARIO, IO_PATHS, NOTIFICATION_SUPPRESSIONS, UART_MODEL, VIRTIO_BLK_S_OK, VirtioSession, checkScenario,
  VIRTQ_AVAIL_F_NO_INTERRUPT, emulatedUartCosts, ioPathCosts, payloadByte, runVirtioScenario, vringNeedEvent, wordVirtioEvent,
} from '../../../lib/virtio/index.ts';
import type { VirtioEvent, VirtioScenario } from '../../../lib/virtio/index.ts';

const scenarioArbitrary = fc.record({
  device: fc.constantFrom('console' as const, 'blk' as const),
  requests: fc.integer({ min: 1, max: 60 }),
  bytesPerRequest: fc.integer({ min: 1, max: 700 }),
  queueSize: fc.constantFrom(4, 8, 16, 32),
  // queue size 4 with blk (3 descriptors) leaves one free: the driver must wait for the device.
  batch: fc.integer({ min: 1, max: 12 }),
  deviceBudget: fc.integer({ min: 1, max: 12 }),
  suppression: fc.constantFrom(...NOTIFICATION_SUPPRESSIONS),
  interruptEvery: fc.integer({ min: 1, max: 10 }),
  indirect: fc.boolean(),
  initialIndex: fc.integer({ min: 0, max: 0xffff }),
});

describe('a driver and a device running a scenario', () => {
  it('the device consumes exactly what the driver made available, in order, and each side decides as the spec says (property)', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (raw) => {
        const scenario: VirtioScenario = { ...raw, interruptEvery: raw.suppression === 'event-idx' ? raw.interruptEvery : 1 };
        const session = new VirtioSession(scenario);
        const added: number[] = [];
        const used: number[] = [];
        const blkStatuses: number[] = [];
        let event: VirtioEvent;
        let steps = 0;
        do {
          event = session.step();
          if (event.kind === 'driver-add') added.push(event.head);
          if (event.kind === 'device-use') {
            used.push(event.head);
            if (event.status !== undefined) blkStatuses.push(event.status);
          }
          if (event.kind === 'driver-kick' && event.availEvent !== undefined && scenario.suppression === 'event-idx') {
            expect(event.notify).toBe(vringNeedEvent(event.availEvent, event.newIdx, event.oldIdx));
          }
          if (event.kind === 'device-publish' && event.usedEvent !== undefined && scenario.suppression === 'event-idx') {
            expect(event.interrupt).toBe(vringNeedEvent(event.usedEvent, event.newIdx, event.oldIdx));
          }
          steps++;
        } while (!session.done && steps < 100_000);
        expect(event.kind).toBe('done');
        expect(used).toEqual(added);
        expect(session.completedRequests).toBe(scenario.requests);
        const totals = session.totals();
        expect(totals.notificationsSent + totals.notificationsSuppressed).toBe(totals.publications);
        if (scenario.device === 'console') {
          const expected: number[] = [];
          for (let n = 0; n < scenario.requests; n++) for (let i = 0; i < scenario.bytesPerRequest; i++) expected.push(payloadByte(n, i));
          expect(session.backend.consoleOutput).toEqual(expected);
        } else {
          expect(blkStatuses.every((s) => s === VIRTIO_BLK_S_OK)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('virtio-blk reads back what it wrote, through the writable segments of the chain', () => {
    const session = new VirtioSession({ ...DEFAULT_VIRTIO_SCENARIO, device: 'blk', requests: 2, bytesPerRequest: 1024, queueSize: 8 });
    const uses: Extract<VirtioEvent, { kind: 'device-use' }>[] = [];
    while (!session.done) {
      const e = session.step();
      if (e.kind === 'device-use') uses.push(e);
    }
    // Write: header + data read, status written. Read: header read, data + status written.
    expect(uses.map((u) => [u.readBytes, u.writtenBytes, u.status])).toEqual([[16 + 1024, 1, VIRTIO_BLK_S_OK], [16, 1025, VIRTIO_BLK_S_OK]]);
    const readBack = session.memory.read(session.arena.base + session.arena.slotBytes + 16, 1024);
    expect([...readBack]).toEqual(Array.from({ length: 1024 }, (_, i) => payloadByte(0, i)));
  });

  it('batching and suppression cut notifications; coalescing cuts interrupts', () => {
    const base = { ...DEFAULT_VIRTIO_SCENARIO };
    const one = runVirtioScenario(base).counts;
    expect(one).toMatchObject({ notificationsSent: 64, interruptsSent: 64 });
    const busy = runVirtioScenario({ ...base, batch: 8, deviceBudget: 4 }).counts;
    expect(busy.notificationsSent).toBeLessThan(busy.publications);
    const none = runVirtioScenario({ ...base, batch: 8, deviceBudget: 4, suppression: 'none' }).counts;
    expect(none.notificationsSent).toBe(none.publications);
    const coalesced = runVirtioScenario({ ...base, batch: 8, deviceBudget: 4, interruptEvery: 16 }).counts;
    expect(coalesced.interruptsSent).toBeLessThan(busy.interruptsSent);
  });

  it('flags: the driver sets NO_INTERRUPT while it still has requests to send, and clears it for the last ones', () => {
    const session = new VirtioSession({ ...DEFAULT_VIRTIO_SCENARIO, suppression: 'flags' });
    const publishes: Extract<VirtioEvent, { kind: 'device-publish' }>[] = [];
    while (!session.done) {
      const e = session.step();
      if (e.kind === 'device-publish') publishes.push(e);
    }
    expect(publishes.slice(0, -1).every((p) => p.availFlags === VIRTQ_AVAIL_F_NO_INTERRUPT && !p.interrupt)).toBe(true);
    expect(publishes.at(-1)).toMatchObject({ availFlags: 0, interrupt: true });
    expect(session.completedRequests).toBe(64);
  });

  it('checks a scenario before running it', () => {
    expect(checkScenario({ ...DEFAULT_VIRTIO_SCENARIO, queueSize: 12 })).toEqual({ code: 'badQueueSize', params: { value: 12 } });
    expect(checkScenario({ ...DEFAULT_VIRTIO_SCENARIO, batch: 0 })).toMatchObject({ code: 'outOfRange', params: { field: 'batch' } });
    expect(checkScenario({ ...DEFAULT_VIRTIO_SCENARIO, device: 'blk', queueSize: 2 })).toMatchObject({ code: 'chainTooLong' });
    expect(checkScenario({ ...DEFAULT_VIRTIO_SCENARIO, device: 'blk', queueSize: 2, indirect: true })).toMatchObject({ code: 'chainTooLong' });
    expect(checkScenario({ ...DEFAULT_VIRTIO_SCENARIO, device: 'blk', queueSize: 4, indirect: true })).toBeUndefined();
  });

  it('words every step in both editions', () => {
    const session = new VirtioSession({ ...DEFAULT_VIRTIO_SCENARIO, requests: 3, batch: 2, deviceBudget: 1 });
    while (!session.done) {
      const e = session.step();
      expect(wordVirtioEvent(e, 'event-idx', 'en')).toMatch(/^[A-Z]/);
      expect(wordVirtioEvent(e, 'event-idx', 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('exits per request on each I/O path', () => {
  it('the emulated UART: one exit per byte written, plus the register reads of each FIFO interrupt', () => {
    const c = emulatedUartCosts(1, 4096, { apicv: true });
    const interrupts = 4096 / UART_MODEL.fifoBytes;
    expect(c.guestInterrupts).toBe(interrupts);
    expect(c.vmExits).toBe(4096 + UART_MODEL.registerAccessesPerRequest + interrupts * UART_MODEL.registerReadsPerInterrupt);
    expect(emulatedUartCosts(1, 4096, { apicv: false }).vmExits).toBe(c.vmExits + 2 * interrupts);
  });

  it('virtio in QEMU and vhost exit alike; only QEMU goes to user space; assignment exits only for interrupts, and not at all with posted interrupts', () => {
    const { counts } = runVirtioScenario(DEFAULT_VIRTIO_SCENARIO);
    const t = ioPathCosts('console', counts, 4096, { apicv: false });
    expect(t['virtio-user']!.vmExits).toBe(t.vhost!.vmExits);
    expect(t['virtio-user']!.userspaceTrips).toBeGreaterThan(0);
    expect(t.vhost!.userspaceTrips).toBe(0);
    expect(t.assigned!.vmExits).toBe(2 * counts.interruptsSent);
    const posted = ioPathCosts('console', counts, 4096, { apicv: true });
    expect(posted.assigned!.vmExits).toBe(0);
    expect(posted.vhost!.vmExits).toBe(counts.notificationsSent);
    // Chapter 4's 256 KiB: the UART takes over a thousand times the exits of virtio.
    expect(t.emulated!.vmExits / t['virtio-user']!.vmExits).toBeGreaterThan(1000);
    expect(ioPathCosts('blk', counts, 4096, { apicv: false }).emulated).toBeUndefined();
    expect(IO_PATHS).toHaveLength(4);
  });
});
