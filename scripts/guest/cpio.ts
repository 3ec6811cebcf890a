/**
 * A writer for the "newc" cpio format the Linux kernel unpacks as an initramfs
 * (Documentation/driver-api/early-userspace/buffer-format.rst).
 */

export type CpioEntry =
  | { kind: 'file'; path: string; data: Uint8Array; mode: number }
  | { kind: 'dir'; path: string; mode: number }
  | { kind: 'symlink'; path: string; target: string }
  | { kind: 'chardev'; path: string; mode: number; major: number; minor: number };

const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const S_IFCHR = 0o020000;

function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

function pad4(length: number): number {
  return (4 - (length % 4)) % 4;
}

/** Serialises entries (in order) into one newc archive ending with the TRAILER!!! record. */
export function writeNewcArchive(entries: readonly CpioEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let inode = 1;
  const push = (name: string, mode: number, body: Uint8Array, rdev: { major: number; minor: number } = { major: 0, minor: 0 }) => {
    const nameBytes = encoder.encode(name + '\0');
    const header =
      '070701' +
      hex8(name === 'TRAILER!!!' ? 0 : inode++) +
      hex8(mode) +
      hex8(0) + // uid
      hex8(0) + // gid
      hex8(1) + // nlink
      hex8(0) + // mtime: 0 keeps the archive reproducible
      hex8(body.length) +
      hex8(0) + hex8(0) + // dev major/minor
      hex8(rdev.major) + hex8(rdev.minor) +
      hex8(nameBytes.length) +
      hex8(0); // check
    const headerBytes = encoder.encode(header);
    chunks.push(headerBytes, nameBytes, new Uint8Array(pad4(headerBytes.length + nameBytes.length)));
    chunks.push(body, new Uint8Array(pad4(body.length)));
  };
  for (const entry of entries) {
    const path = entry.path.replace(/^\/+/, '');
    if (path === '') continue;
    switch (entry.kind) {
      case 'file':
        push(path, S_IFREG | (entry.mode & 0o7777), entry.data);
        break;
      case 'dir':
        push(path, S_IFDIR | (entry.mode & 0o7777), new Uint8Array(0));
        break;
      case 'symlink':
        push(path, S_IFLNK | 0o777, encoder.encode(entry.target));
        break;
      case 'chardev':
        push(path, S_IFCHR | (entry.mode & 0o7777), new Uint8Array(0), entry);
        break;
    }
  }
  push('TRAILER!!!', 0, new Uint8Array(0));
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Reads a newc archive back (used by the tests and to list an initramfs). */
export function readNewcArchive(archive: Uint8Array): { path: string; mode: number; data: Uint8Array }[] {
  const decoder = new TextDecoder();
  const out: { path: string; mode: number; data: Uint8Array }[] = [];
  let offset = 0;
  for (;;) {
    const header = decoder.decode(archive.subarray(offset, offset + 110));
    if (!header.startsWith('070701')) throw new Error(`bad cpio magic at byte ${offset}`);
    const field = (index: number) => parseInt(header.slice(6 + index * 8, 14 + index * 8), 16);
    const mode = field(1);
    const fileSize = field(6);
    const nameSize = field(11);
    const nameStart = offset + 110;
    const path = decoder.decode(archive.subarray(nameStart, nameStart + nameSize - 1));
    const dataStart = nameStart + nameSize + pad4(110 + nameSize);
    if (path === 'TRAILER!!!') return out;
    out.push({ path, mode, data: archive.subarray(dataStart, dataStart + fileSize) });
    offset = dataStart + fileSize + pad4(fileSize);
  }
}
