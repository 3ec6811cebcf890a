import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  GuestMemory, VIRTQ_DESC_F_INDIRECT, VIRTQ_DESC_F_NEXT, VIRTQ_DESC_F_WRITE, VIRTQ_USED_F_NO_NOTIFY, VirtqueueDevice, VirtqueueDriver,
  availEventAt, availIdxAt, availRingAt, splitVirtqueueLayout, usedEventAt, usedIdxAt, vringNeedEvent, writeDescriptor,
} from '../../../lib/virtio/index.ts';

function queue(size: number, eventIdx: boolean, initialIndex = 0) {
  const layout = splitVirtqueueLayout(size);
  const memory = new GuestMemory(layout.end + 64 * 1024);
  const data = Math.ceil(layout.end / 16) * 16;
  const driver = new VirtqueueDriver(memory, layout, { eventIdx, initialIndex });
  const device = new VirtqueueDevice(memory, layout, { eventIdx, initialIndex });
  return { layout, memory, data, driver, device };
}

describe('the split virtqueue layout (VIRTIO 1.2 §2.7)', () => {
  it('puts each part at its alignment with the sizes of the spec', () => {
    const l = splitVirtqueueLayout(256, 3);
    expect(l.descriptorTable).toBe(16);
    expect(l.availableRing).toBe(16 + 16 * 256);
    expect(l.usedRing % 4).toBe(0);
    expect(l.usedRing).toBeGreaterThanOrEqual(l.availableRing + 6 + 2 * 256);
    expect(l.end).toBe(l.usedRing + 6 + 8 * 256);
  });

  it('refuses a queue size that is not a power of 2 up to 32768', () => {
    expect(() => splitVirtqueueLayout(6)).toThrow(RangeError);
    expect(() => splitVirtqueueLayout(65536)).toThrow(RangeError);
    expect(splitVirtqueueLayout(32768).size).toBe(32768);
  });
});

describe('vring_need_event', () => {
  it('is true exactly when the event index lies in [old, new) modulo 2^16', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0x7fff }), (event, old, step) => {
        const next = (old + step) & 0xffff;
        let inWindow = false;
        for (let i = 0; i < step && !inWindow; i++) inWindow = ((old + i) & 0xffff) === event;
        expect(vringNeedEvent(event, next, old)).toBe(inWindow);
      }),
      { numRuns: 10_000 },
    );
  });

  it('matches the spec formula across the wrap: (u16)(new - event - 1) < (u16)(new - old)', () => {
    expect(vringNeedEvent(65535, 1, 65534)).toBe(true);
    expect(vringNeedEvent(0, 1, 65535)).toBe(true);
    expect(vringNeedEvent(1, 1, 65535)).toBe(false);
    expect(vringNeedEvent(65533, 1, 65534)).toBe(false);
  });
});

describe('chains', () => {
  it('a virtio-blk-shaped chain: readable header, writable data and status, linked by NEXT', () => {
    const q = queue(8, false);
    const added = q.driver.addBuffer([
      { addr: q.data, len: 16, writable: false },
      { addr: q.data + 16, len: 512, writable: true },
      { addr: q.data + 528, len: 1, writable: true },
    ]);
    expect(added).toEqual({ ok: true, head: 0, descriptors: [0, 1, 2] });
    expect(q.driver.descriptor(0)).toMatchObject({ flags: VIRTQ_DESC_F_NEXT, next: 1 });
    expect(q.driver.descriptor(1)).toMatchObject({ flags: VIRTQ_DESC_F_NEXT | VIRTQ_DESC_F_WRITE, next: 2 });
    expect(q.driver.descriptor(2)).toMatchObject({ flags: VIRTQ_DESC_F_WRITE });
    expect(q.device.available()).toBe(0); // not published yet
    q.driver.kick();
    const popped = q.device.pop();
    if (!popped.ok) throw new Error(popped.code);
    expect(popped.chain.readable).toEqual([{ addr: q.data, len: 16, writable: false }]);
    expect(popped.chain.writable.map((s) => s.len)).toEqual([512, 1]);
  });

  it('refuses readable after writable, and an empty buffer', () => {
    const q = queue(8, false);
    expect(q.driver.addBuffer([{ addr: q.data, len: 1, writable: true }, { addr: q.data, len: 1, writable: false }])).toEqual({ ok: false, code: 'readableAfterWritable' });
    expect(q.driver.addBuffer([])).toEqual({ ok: false, code: 'emptyBuffer' });
  });

  it('an indirect chain takes one ring descriptor, flagged INDIRECT and not NEXT', () => {
    const q = queue(8, false);
    const table = q.data + 4096;
    const segments = Array.from({ length: 6 }, (_, i) => ({ addr: q.data + 100 * i, len: 100, writable: i >= 4 }));
    const added = q.driver.addBuffer(segments, { indirectTable: table });
    expect(added).toMatchObject({ ok: true, descriptors: [0] });
    expect(q.driver.descriptor(0)).toEqual({ addr: table, len: 6 * 16, flags: VIRTQ_DESC_F_INDIRECT, next: 0 });
    expect(q.driver.freeDescriptors).toBe(7);
    q.driver.kick();
    const popped = q.device.pop();
    if (!popped.ok) throw new Error(popped.code);
    expect(popped.chain.indirectTable).toBe(table);
    expect(popped.chain.readable).toHaveLength(4);
    expect(popped.chain.writable).toHaveLength(2);
  });

  it('an indirect chain is still no longer than the queue size (§2.7.5.3.1)', () => {
    const q = queue(4, false);
    const segments = Array.from({ length: 5 }, (_, i) => ({ addr: q.data + i, len: 1, writable: false }));
    expect(q.driver.addBuffer(segments, { indirectTable: q.data + 4096 })).toEqual({ ok: false, code: 'indirectTooLong' });
  });

  it('the device reports malformed chains instead of following them', () => {
    const cases: [string, (q: ReturnType<typeof queue>) => void][] = [
      ['chainLoop', (q) => {
        writeDescriptor(q.memory, q.layout.descriptorTable, 0, { addr: q.data, len: 4, flags: VIRTQ_DESC_F_NEXT, next: 1 });
        writeDescriptor(q.memory, q.layout.descriptorTable, 1, { addr: q.data, len: 4, flags: VIRTQ_DESC_F_NEXT, next: 0 });
      }],
      ['indirectWithNext', (q) => writeDescriptor(q.memory, q.layout.descriptorTable, 0, { addr: q.data, len: 32, flags: VIRTQ_DESC_F_INDIRECT | VIRTQ_DESC_F_NEXT, next: 1 })],
      ['nestedIndirect', (q) => {
        writeDescriptor(q.memory, q.layout.descriptorTable, 0, { addr: q.data, len: 16, flags: VIRTQ_DESC_F_INDIRECT, next: 0 });
        writeDescriptor(q.memory, q.data, 0, { addr: q.data + 64, len: 16, flags: VIRTQ_DESC_F_INDIRECT, next: 0 });
      }],
      ['indirectBadLength', (q) => writeDescriptor(q.memory, q.layout.descriptorTable, 0, { addr: q.data, len: 20, flags: VIRTQ_DESC_F_INDIRECT, next: 0 })],
      ['nextOutOfRange', (q) => writeDescriptor(q.memory, q.layout.descriptorTable, 0, { addr: q.data, len: 4, flags: VIRTQ_DESC_F_NEXT, next: 9 })],
      ['outsideMemory', (q) => writeDescriptor(q.memory, q.layout.descriptorTable, 0, { addr: q.memory.size - 2, len: 4, flags: 0, next: 0 })],
    ];
    for (const [code, corrupt] of cases) {
      const q = queue(4, false);
      corrupt(q);
      q.memory.writeU16(availRingAt(q.layout, 0), 0);
      q.memory.writeU16(availIdxAt(q.layout), 1);
      expect(q.device.pop(), code).toEqual({ ok: false, code, head: 0 });
    }
  });
});

describe('free-running indices', () => {
  it('wrap at 65536: a size-4 queue runs 70,000 buffers and every index lands where the spec says', () => {
    const q = queue(4, true);
    for (let n = 0; n < 70_000; n++) {
      const added = q.driver.addBuffer([{ addr: q.data, len: 8, writable: false }]);
      if (!added.ok) throw new Error(added.code);
      q.driver.kick();
      const popped = q.device.pop();
      if (!popped.ok) throw new Error(popped.code);
      expect(popped.availIdx).toBe(n & 0xffff);
      q.device.pushUsed(popped.chain.head, 0);
      q.device.publish();
      expect(q.driver.reap()).toHaveLength(1);
    }
    expect(q.memory.readU16(availIdxAt(q.layout))).toBe(70_000 - 65_536);
    expect(q.memory.readU16(usedIdxAt(q.layout))).toBe(70_000 - 65_536);
  });

  it('a queue started just before the wrap hands over every buffer across it', () => {
    const q = queue(8, true, 65_533);
    for (let i = 0; i < 6; i++) q.driver.addBuffer([{ addr: q.data + i, len: 1, writable: false }]);
    expect(q.driver.kick()).toMatchObject({ oldIdx: 65_533, newIdx: 3 });
    expect(q.device.available()).toBe(6);
    const heads = [];
    for (let i = 0; i < 6; i++) {
      const p = q.device.pop();
      if (!p.ok) throw new Error(p.code);
      heads.push(p.chain.head);
      q.device.pushUsed(p.chain.head, 0);
    }
    expect(heads).toEqual([0, 1, 2, 3, 4, 5]);
    expect(q.device.publish()).toMatchObject({ oldIdx: 65_533, newIdx: 3, interrupt: true });
    expect(q.driver.reap().map((r) => r.head)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('notification suppression', () => {
  it('flags: NO_NOTIFY silences the driver until the device clears it', () => {
    const q = queue(8, false);
    q.device.suppressNotifications();
    expect(q.memory.readU16(q.layout.usedRing)).toBe(VIRTQ_USED_F_NO_NOTIFY);
    q.driver.addBuffer([{ addr: q.data, len: 1, writable: false }]);
    expect(q.driver.kick().notify).toBe(false);
    q.device.enableNotifications();
    q.driver.addBuffer([{ addr: q.data, len: 1, writable: false }]);
    expect(q.driver.kick().notify).toBe(true);
  });

  it('event-idx: the driver notifies exactly when avail->idx passes avail_event, the device interrupts exactly when used->idx passes used_event', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ add: fc.integer({ min: 1, max: 4 }), serve: fc.integer({ min: 0, max: 6 }), after: fc.integer({ min: 1, max: 5 }), idle: fc.boolean() }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 0xffff }), (rounds, start) => {
        const q = queue(16, true, start);
        for (const r of rounds) {
          for (let i = 0; i < r.add && q.driver.freeDescriptors > 0; i++) q.driver.addBuffer([{ addr: q.data, len: 1, writable: false }]);
          const availEvent = q.memory.readU16(availEventAt(q.layout));
          const kick = q.driver.kick();
          expect(kick.notify).toBe(kick.oldIdx !== kick.newIdx && vringNeedEvent(availEvent, kick.newIdx, kick.oldIdx));
          q.driver.requestInterruptAfter(r.after);
          const usedEvent = q.memory.readU16(usedEventAt(q.layout));
          for (let i = 0; i < r.serve; i++) {
            const p = q.device.pop();
            if (!p.ok) break;
            q.device.pushUsed(p.chain.head, 0);
          }
          const published = q.device.publish();
          expect(published.interrupt).toBe(published.oldIdx !== published.newIdx && vringNeedEvent(usedEvent, published.newIdx, published.oldIdx));
          if (r.idle) q.device.enableNotifications();
          q.driver.reap();
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
