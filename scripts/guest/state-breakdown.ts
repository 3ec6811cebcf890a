/**
 * Where the bytes of a saved lab VM state go.
 *
 * A v86 state (format 6) is a 16-byte header (magic, version, length, info length), a JSON info
 * block ({ buffer_infos, state }) and the typed arrays it refers to. The CPU's state array holds
 * RAM as two of them: the bitmap of non-zero 4 KiB pages (index 78) and those pages packed
 * (index 77); VGA memory hangs under index 52 and the 9p file system under index 45.
 *
 * Each RAM page is then put in one class from the guest kernel's own view of it
 * (/proc/kpageflags and the "Kernel code/rodata/data/bss" ranges of /proc/iomem), and every class
 * is measured: pages, pages stored (non-zero), and its stored pages compressed alone.
 *
 *   node scripts/guest/state-breakdown.ts [GUEST_DIR]     (default: public/guest)
 */
import { zstdCompressSync, zstdDecompressSync, constants as zlibConstants } from 'node:zlib';

const STATE_MAGIC = 0x86768676;
const STATE_VERSION = 6;
const PAGE = 4096;

/** Indices into the CPU's saved state array (v86 src/cpu.js get_state). */
const CPU_STATE_INDEX = { packedMemory: 77, memoryBitmap: 78, vga: 52, virtio9p: 45 } as const;

type SavedBuffer = { offset: number; length: number };
type BufferRef = { __state_type__: string; buffer_id: number };

export type V86State = {
  /** Bytes of the whole raw (decompressed) state. */
  rawBytes: number;
  infoBytes: number;
  buffers: Uint8Array[];
  /** Buffer ids reachable from a subtree of the CPU state. */
  bufferIdsUnder(index: number): number[];
  /** RAM as saved: page count, which pages are stored, and the stored pages. */
  ram: { pageCount: number; stored: (page: number) => boolean; pageBytes: (page: number) => Uint8Array | null };
};

/** Decompresses (zstd) if needed and parses a v86 state. */
export function readV86State(file: Uint8Array): V86State {
  const raw = new DataView(file.buffer, file.byteOffset, 4).getUint32(0, true) === 0xfd2fb528 ? new Uint8Array(zstdDecompressSync(file)) : file;
  const header = new DataView(raw.buffer, raw.byteOffset, 16);
  if (header.getUint32(0, true) !== STATE_MAGIC) throw new Error('not a v86 state (bad magic)');
  if (header.getInt32(4, true) !== STATE_VERSION) throw new Error(`v86 state version ${header.getInt32(4, true)}, this reader knows ${STATE_VERSION}`);
  const infoBytes = header.getInt32(12, true);
  const info = JSON.parse(new TextDecoder().decode(raw.subarray(16, 16 + infoBytes))) as { buffer_infos: SavedBuffer[]; state: unknown[] };
  const base = (16 + infoBytes + 3) & ~3;
  const buffers = info.buffer_infos.map(({ offset, length }) => raw.subarray(base + offset, base + offset + length));
  const idsUnder = (node: unknown, into: number[]): number[] => {
    if (Array.isArray(node)) node.forEach((child) => idsUnder(child, into));
    else if (node && typeof node === 'object') {
      const ref = node as Partial<BufferRef> & { args?: unknown };
      if (typeof ref.buffer_id === 'number') into.push(ref.buffer_id);
      if (ref.args) idsUnder(ref.args, into);
    }
    return into;
  };
  const bufferOf = (index: number) => {
    const ref = info.state[index] as BufferRef | undefined;
    if (!ref || typeof ref.buffer_id !== 'number') throw new Error(`v86 state: CPU state[${index}] is not a buffer`);
    return buffers[ref.buffer_id];
  };
  const bitmap = bufferOf(CPU_STATE_INDEX.memoryBitmap);
  const packed = bufferOf(CPU_STATE_INDEX.packedMemory);
  const pageCount = bitmap.length * 8;
  const packedIndex = new Int32Array(pageCount).fill(-1);
  let next = 0;
  for (let page = 0; page < pageCount; page++) if ((bitmap[page >> 3] >> (page & 7)) & 1) packedIndex[page] = next++;
  if (next * PAGE !== packed.length) throw new Error(`v86 state: bitmap has ${next} pages, packed memory ${packed.length / PAGE}`);
  return {
    rawBytes: raw.length,
    infoBytes,
    buffers,
    bufferIdsUnder: (index) => idsUnder(info.state[index], []),
    ram: {
      pageCount,
      stored: (page) => packedIndex[page] >= 0,
      pageBytes: (page) => (packedIndex[page] >= 0 ? packed.subarray(packedIndex[page] * PAGE, (packedIndex[page] + 1) * PAGE) : null),
    },
  };
}

/** The raw state's parts: RAM pages, the page bitmap, VGA memory, the 9p file system, the rest. */
export function stateSections(state: V86State): { name: string; bytes: number }[] {
  const sum = (ids: number[]) => ids.reduce((total, id) => total + state.buffers[id].length, 0);
  const ram = sum(state.bufferIdsUnder(CPU_STATE_INDEX.packedMemory));
  const bitmap = sum(state.bufferIdsUnder(CPU_STATE_INDEX.memoryBitmap));
  const vga = sum(state.bufferIdsUnder(CPU_STATE_INDEX.vga));
  const share = sum(state.bufferIdsUnder(CPU_STATE_INDEX.virtio9p));
  return [
    { name: 'RAM, non-zero pages', bytes: ram },
    { name: 'RAM page bitmap', bytes: bitmap },
    { name: 'VGA memory', bytes: vga },
    { name: '9p file system (host share)', bytes: share },
    { name: 'CPU, devices, info block', bytes: state.rawBytes - ram - bitmap - vga - share },
  ];
}

/** /proc/kpageflags bits (Documentation/admin-guide/mm/pagemap.rst). */
const KPF = { SLAB: 7, BUDDY: 10, ANON: 12, SWAPBACKED: 14, LRU: 5, NOPAGE: 20, OFFLINE: 23, PGTABLE: 26, RESERVED: 32 } as const;

export const PAGE_CLASSES = [
  'kernel image (code, rodata, data, bss)',
  'tmpfs files (the root file system)',
  'page cache (other files)',
  'process memory (anonymous)',
  'slab (kernel objects)',
  'page tables',
  'free (buddy allocator)',
  'balloon (given back to the host)',
  'reserved (BIOS, memmap, early allocations)',
  'other kernel (vmalloc, modules, stacks)',
] as const;
export type PageClass = (typeof PAGE_CLASSES)[number];

/** Physical address ranges of the kernel image, from /proc/iomem (needs root for real addresses). */
export function kernelImageRanges(iomem: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const line of iomem.split('\n')) {
    const match = /^\s*([0-9a-f]+)-([0-9a-f]+) : Kernel (?:code|rodata|data|bss)\s*$/.exec(line);
    if (match) ranges.push([parseInt(match[1], 16), parseInt(match[2], 16)]);
  }
  return ranges;
}

/** The class of every physical page, from the kernel's page flags and image ranges. */
export function classifyPages(kpageflags: Uint8Array, kernelImage: [number, number][], pageCount: number): PageClass[] {
  const view = new DataView(kpageflags.buffer, kpageflags.byteOffset, kpageflags.byteLength);
  const classes: PageClass[] = [];
  for (let page = 0; page < pageCount; page++) {
    const address = page * PAGE;
    if (kernelImage.some(([start, end]) => address + PAGE > start && address <= end)) {
      classes.push(PAGE_CLASSES[0]);
      continue;
    }
    const offset = page * 8;
    const flags = offset + 8 <= view.byteLength ? view.getBigUint64(offset, true) : 1n << BigInt(KPF.NOPAGE);
    const has = (bit: number) => ((flags >> BigInt(bit)) & 1n) === 1n;
    if (has(KPF.SLAB)) classes.push(PAGE_CLASSES[4]);
    else if (has(KPF.PGTABLE)) classes.push(PAGE_CLASSES[5]);
    else if (has(KPF.BUDDY)) classes.push(PAGE_CLASSES[6]);
    else if (has(KPF.OFFLINE)) classes.push(PAGE_CLASSES[7]);
    else if (has(KPF.ANON)) classes.push(PAGE_CLASSES[3]);
    else if (has(KPF.SWAPBACKED)) classes.push(PAGE_CLASSES[1]);
    else if (has(KPF.LRU)) classes.push(PAGE_CLASSES[2]);
    else if (has(KPF.RESERVED) || has(KPF.NOPAGE)) classes.push(PAGE_CLASSES[8]);
    else classes.push(PAGE_CLASSES[9]);
  }
  return classes;
}

export type ClassFigures = { name: PageClass; pages: number; storedPages: number; zstdBytes: number };

/** Pages, stored pages and zstd size (the class's stored pages compressed alone) per class. */
export function ramBreakdown(state: V86State, classes: PageClass[], zstdLevel = 19): ClassFigures[] {
  return PAGE_CLASSES.map((name) => {
    const pages = classes.flatMap((pageClass, page) => (pageClass === name ? [page] : []));
    const stored = pages.filter((page) => state.ram.stored(page));
    const bytes = new Uint8Array(stored.length * PAGE);
    stored.forEach((page, index) => bytes.set(state.ram.pageBytes(page)!, index * PAGE));
    const zstdBytes = stored.length === 0 ? 0 : zstdCompressSync(bytes, { params: { [zlibConstants.ZSTD_c_compressionLevel]: zstdLevel } }).length;
    return { name, pages: pages.length, storedPages: stored.length, zstdBytes };
  });
}

/** The largest slab caches by memory (/proc/slabinfo 2.1: name active num objsize objperslab pagesperslab ...). */
export function largestSlabCaches(slabinfo: string, count = 8): { name: string; bytes: number }[] {
  const caches: { name: string; bytes: number }[] = [];
  for (const line of slabinfo.split('\n')) {
    if (line.startsWith('#') || line.startsWith('slabinfo')) continue;
    const fields = line.trim().split(/\s+/);
    const slabs = /: slabdata\s+\d+\s+(\d+)/.exec(line);
    if (fields.length < 6 || !slabs) continue;
    caches.push({ name: fields[0], bytes: Number(slabs[1]) * Number(fields[5]) * PAGE });
  }
  return caches.sort((a, b) => b.bytes - a.bytes).slice(0, count);
}

/** Chosen /proc/meminfo lines, in kB. */
export function meminfoFigures(meminfo: string): { name: string; kB: number }[] {
  const wanted = ['MemTotal', 'MemFree', 'Shmem', 'Cached', 'AnonPages', 'Slab', 'KernelStack', 'PageTables', 'VmallocUsed', 'Percpu'];
  const values = new Map<string, number>();
  for (const line of meminfo.split('\n')) {
    const match = /^(\w+):\s+(\d+) kB/.exec(line);
    if (match) values.set(match[1], Number(match[2]));
  }
  return wanted.filter((name) => values.has(name)).map((name) => ({ name, kB: values.get(name)! }));
}

export type StateReport = {
  stateFileBytes: number;
  sections: { name: string; bytes: number }[];
  /** Null when the guest kernel has no /proc/kpageflags. */
  classes: ClassFigures[] | null;
  meminfo: { name: string; kB: number }[];
  slabs: { name: string; bytes: number }[];
};

/**
 * Reads a built guest's state, restores it in Node and asks the guest how its pages are used.
 * The page flags are read a moment after the restore, so a few pages may have changed class.
 */
export async function measureState(guestDir: string): Promise<StateReport> {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { readGuestManifest, startNodeLabVM } = await import('../../lib/guest/node.ts');
  const manifest = readGuestManifest(guestDir);
  const file = new Uint8Array(readFileSync(join(guestDir, manifest.files.state.name)));
  const state = readV86State(file);
  const vm = await startNodeLabVM({ guestDir });
  try {
    const text = async (command: string) => (await vm.run(command, { timeoutMs: 60_000 })).output;
    const meminfo = await text('cat /proc/meminfo');
    const slabinfo = await text('cat /proc/slabinfo 2>/dev/null');
    const iomem = await text('cat /proc/iomem');
    const copied = await vm.run('cat /proc/kpageflags > /mnt/host/.lab/kpageflags 2>/dev/null', { timeoutMs: 60_000 });
    let classes: ClassFigures[] | null = null;
    if (copied.status === 0) {
      const flags = await vm.readFile('.lab/kpageflags');
      if (flags.length > 0) classes = ramBreakdown(state, classifyPages(flags, kernelImageRanges(iomem), state.ram.pageCount));
    }
    return { stateFileBytes: file.length, sections: stateSections(state), classes, meminfo: meminfoFigures(meminfo), slabs: largestSlabCaches(slabinfo) };
  } finally {
    await vm.destroy();
  }
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

/** The report as Markdown tables. */
export function formatStateReport(report: StateReport): string {
  const lines = [`State file: ${mb(report.stateFileBytes)} zstd`, '', '| raw state part | bytes |', '|---|---|'];
  for (const section of report.sections) lines.push(`| ${section.name} | ${mb(section.bytes)} |`);
  lines.push('');
  if (report.classes) {
    lines.push('| RAM pages by use | pages | stored (non-zero) | stored MB | zstd -19 alone |', '|---|---|---|---|---|');
    for (const row of report.classes) {
      lines.push(`| ${row.name} | ${row.pages} | ${row.storedPages} | ${mb(row.storedPages * PAGE)} | ${mb(row.zstdBytes)} |`);
    }
    const total = report.classes.reduce((sum, row) => ({ pages: sum.pages + row.pages, stored: sum.stored + row.storedPages, zstd: sum.zstd + row.zstdBytes }), { pages: 0, stored: 0, zstd: 0 });
    lines.push(`| all | ${total.pages} | ${total.stored} | ${mb(total.stored * PAGE)} | ${mb(total.zstd)} |`, '');
  } else {
    lines.push('(the guest kernel has no /proc/kpageflags: no per-page breakdown)', '');
  }
  lines.push('| /proc/meminfo after restore | kB |', '|---|---|');
  for (const row of report.meminfo) lines.push(`| ${row.name} | ${row.kB} |`);
  if (report.slabs.length > 0) {
    lines.push('', '| largest slab caches | bytes |', '|---|---|');
    for (const slab of report.slabs) lines.push(`| ${slab.name} | ${mb(slab.bytes)} |`);
  }
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const { resolve } = await import('node:path');
  const { DEFAULT_GUEST_DIR } = await import('../../lib/guest/node.ts');
  const guestDir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_GUEST_DIR;
  process.stdout.write(formatStateReport(await measureState(guestDir)));
}

if (process.argv[1] && import.meta.filename === (await import('node:path')).resolve(process.argv[1])) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`state breakdown: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
