import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { GuestOs, PagingMachine, DEFAULT_PAGING_CONFIG, X86_32, X86_64 } from '../../../lib/paging/index.ts';
import type { PageTableFormat, PagingMode } from '../../../lib/paging/index.ts';

type Op =
  | { kind: 'switch'; pid: number }
  | { kind: 'access'; page: number; write: boolean }
  | { kind: 'unmap'; page: number }
  | { kind: 'exit-and-respawn'; pid: number };

const PAGES = 24;
const BASE = 0x40_0000;
const REGION_PAGES = 20; // pages 20..23 lie outside the region: segmentation faults

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('switch' as const), pid: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('access' as const), page: fc.integer({ min: 0, max: PAGES - 1 }), write: fc.boolean() }),
  fc.record({ kind: fc.constant('access' as const), page: fc.integer({ min: 0, max: PAGES - 1 }), write: fc.boolean() }),
  fc.record({ kind: fc.constant('unmap' as const), page: fc.integer({ min: 0, max: PAGES - 1 }) }),
  fc.record({ kind: fc.constant('exit-and-respawn' as const), pid: fc.integer({ min: 1, max: 6 }) }),
);

function boot(mode: PagingMode, format: PageTableFormat, cachedShadowRoots: number) {
  const machine = new PagingMachine({ ...DEFAULT_PAGING_CONFIG, mode, guestFormat: format, hostFormat: X86_64, tlbEntries: 8, cachedShadowRoots });
  const guest = new GuestOs(machine);
  const region = [{ start: BASE, end: BASE + REGION_PAGES * 4096, large: false }];
  for (let pid = 1; pid <= 6; pid++) guest.spawn(pid, region);
  guest.switchTo(1);
  const apply = (o: Op): string => {
    if (o.kind === 'switch') guest.switchTo(o.pid);
    else if (o.kind === 'unmap') guest.unmap(BASE + o.page * 4096);
    else if (o.kind === 'exit-and-respawn') {
      guest.exit(o.pid);
      guest.spawn(o.pid, region);
      if (guest.currentProcess === undefined) guest.switchTo(o.pid);
    } else return machine.access(BASE + o.page * 4096 + 8, o.write).kind;
    return '';
  };
  return { machine, apply };
}

describe('shadow tables stay consistent with the guest\'s under random updates', () => {
  test('10,000 random programs: no shadow entry says more than the guest\'s tables, and shadow paging faults where native does', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 24 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom(X86_32, X86_64), (ops, roots, format) => {
        const shadow = boot('shadow', format, roots);
        const native = boot('native', format, roots);
        for (const [i, o] of ops.entries()) {
          expect(shadow.apply(o)).toBe(native.apply(o));
          if (i % 6 === 5) expect(shadow.machine.shadowInconsistencies()).toEqual([]);
        }
        expect(shadow.machine.shadowInconsistencies()).toEqual([]);
      }),
      { numRuns: 10_000, seed: 20261203 },
    );
  }, 120_000);

  test('the check finds a shadow entry left behind when a guest write bypasses the monitor', () => {
    const { machine, apply } = boot('shadow', X86_64, 4);
    apply({ kind: 'access', page: 3, write: true });
    expect(machine.shadowInconsistencies()).toEqual([]);
    // Clear the guest's leaf entry behind the monitor's back (no write protection, no exit).
    const root = machine.currentGuestRoot;
    let table = root;
    for (let level = 4; level > 1; level--) {
      const index = Math.floor((BASE + 3 * 4096) / 2 ** (12 + 9 * (level - 1))) % 512;
      table = machine.guestMemory.read(table + index * 8) - (machine.guestMemory.read(table + index * 8) % 4096);
    }
    machine.guestMemory.write(table + ((BASE / 4096 + 3) % 512) * 8, 0);
    expect(machine.shadowInconsistencies()).toHaveLength(1);
  });
});
