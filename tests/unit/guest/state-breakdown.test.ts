import { describe, expect, it } from 'vitest';
import { zstdCompressSync } from 'node:zlib';
import { classifyPages, kernelImageRanges, largestSlabCaches, meminfoFigures, PAGE_CLASSES, ramBreakdown, readV86State, stateSections } from '../../../scripts/guest/state-breakdown.ts';

/** A v86 format-6 state with 16 pages of RAM (pages 1 and 3 non-zero), VGA and 9p buffers. */
function fakeState(): Uint8Array {
  const page1 = new Uint8Array(4096).fill(1);
  const page3 = new Uint8Array(4096).fill(3);
  const packed = new Uint8Array(8192);
  packed.set(page1, 0);
  packed.set(page3, 4096);
  const bitmap = new Uint8Array([0b00001010, 0]);
  const vga = new Uint8Array(100);
  const share = new Uint8Array(7);
  const buffers = [vga, share, packed, bitmap];
  const ref = (id: number) => ({ __state_type__: 'Uint8Array', buffer_id: id });
  const state: unknown[] = new Array(85).fill(0);
  state[52] = [1, ref(0)];
  state[45] = [[{ __state_type__: 'Map', args: [[1, ref(1)]] }]];
  state[77] = ref(2);
  state[78] = ref(3);
  const infos: { offset: number; length: number }[] = [];
  let offset = 0;
  for (const buffer of buffers) {
    infos.push({ offset, length: buffer.length });
    offset = (offset + buffer.length + 3) & ~3;
  }
  const info = new TextEncoder().encode(JSON.stringify({ buffer_infos: infos, state }));
  const base = (16 + info.length + 3) & ~3;
  const out = new Uint8Array(base + offset);
  const header = new DataView(out.buffer);
  header.setUint32(0, 0x86768676, true);
  header.setInt32(4, 6, true);
  header.setInt32(8, out.length, true);
  header.setInt32(12, info.length, true);
  out.set(info, 16);
  buffers.forEach((buffer, index) => out.set(buffer, base + infos[index].offset));
  return out;
}

describe('v86 state breakdown', () => {
  it('finds RAM, VGA and the 9p share in a raw or zstd state', () => {
    for (const file of [fakeState(), new Uint8Array(zstdCompressSync(fakeState()))]) {
      const state = readV86State(file);
      expect(state.ram.pageCount).toBe(16);
      expect([1, 3].every((page) => state.ram.stored(page))).toBe(true);
      expect(state.ram.stored(2)).toBe(false);
      expect(state.ram.pageBytes(3)![0]).toBe(3);
      const sections = Object.fromEntries(stateSections(state).map(({ name, bytes }) => [name, bytes]));
      expect(sections['RAM, non-zero pages']).toBe(8192);
      expect(sections['VGA memory']).toBe(100);
      expect(sections['9p file system (host share)']).toBe(7);
      expect(Object.values(sections).reduce((a, b) => a + b, 0)).toBe(state.rawBytes);
    }
  });

  it('rejects a file that is not a v86 state', () => {
    expect(() => readV86State(new Uint8Array(32))).toThrow(/not a v86 state/);
  });

  it('classes pages from /proc/kpageflags and the kernel image ranges of /proc/iomem', () => {
    const iomem = '00100000-07feffff : System RAM\n  00001000-00001fff : Kernel code\n  00002000-00002fff : Kernel bss\n';
    const ranges = kernelImageRanges(iomem);
    expect(ranges).toEqual([[0x1000, 0x1fff], [0x2000, 0x2fff]]);
    const flags = new BigUint64Array(16);
    flags[3] = 1n << 7n; // slab
    flags[4] = 1n << 10n; // buddy
    flags[5] = (1n << 14n) | (1n << 5n); // shmem on the LRU: tmpfs
    flags[6] = (1n << 12n) | (1n << 14n) | (1n << 5n); // anonymous
    flags[7] = 1n << 5n; // page cache
    flags[8] = 1n << 32n; // reserved
    const classes = classifyPages(new Uint8Array(flags.buffer), ranges, 16);
    expect(classes.slice(1, 9)).toEqual([
      PAGE_CLASSES[0], PAGE_CLASSES[0], PAGE_CLASSES[4], PAGE_CLASSES[6], PAGE_CLASSES[1], PAGE_CLASSES[3], PAGE_CLASSES[2], PAGE_CLASSES[8],
    ]);
    expect(classes[9]).toBe(PAGE_CLASSES[9]);
    const figures = ramBreakdown(readV86State(fakeState()), classes, 1);
    const image = figures.find((row) => row.name === PAGE_CLASSES[0])!;
    expect(image).toMatchObject({ pages: 2, storedPages: 1 });
    expect(image.zstdBytes).toBeGreaterThan(0);
    expect(figures.find((row) => row.name === PAGE_CLASSES[4])).toMatchObject({ pages: 1, storedPages: 1 });
  });

  it('reads the largest slab caches and chosen meminfo lines', () => {
    const slabinfo = [
      'slabinfo - version: 2.1',
      '# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>',
      'dentry              5000   5100    128   32    1 : tunables    0    0    0 : slabdata    160    160      0',
      'inode_cache         3000   3000    600   13    2 : tunables    0    0    0 : slabdata    231    231      0',
    ].join('\n');
    expect(largestSlabCaches(slabinfo)).toEqual([{ name: 'inode_cache', bytes: 231 * 2 * 4096 }, { name: 'dentry', bytes: 160 * 4096 }]);
    expect(meminfoFigures('MemTotal:  97652 kB\nMemFree: 100 kB\nBogus: 1 kB\n')).toEqual([{ name: 'MemTotal', kB: 97652 }, { name: 'MemFree', kB: 100 }]);
  });
});
