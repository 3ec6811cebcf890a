/**
 * Reads the `.modinfo` section of a 32-bit little-endian ELF kernel module (.ko), so the
 * build can resolve module dependencies without the host's kmod tools.
 */

export type ModuleInfo = { name: string; depends: string[] };

export function readModuleInfo(elf: Uint8Array): ModuleInfo {
  const view = new DataView(elf.buffer, elf.byteOffset, elf.byteLength);
  if (view.getUint32(0, false) !== 0x7f454c46) throw new Error('not an ELF file');
  if (elf[4] !== 1 || elf[5] !== 1) throw new Error('not a 32-bit little-endian ELF file');
  const sectionHeaderOffset = view.getUint32(32, true);
  const sectionHeaderSize = view.getUint16(46, true);
  const sectionCount = view.getUint16(48, true);
  const namesIndex = view.getUint16(50, true);
  const section = (index: number) => {
    const base = sectionHeaderOffset + index * sectionHeaderSize;
    return { name: view.getUint32(base, true), offset: view.getUint32(base + 16, true), size: view.getUint32(base + 20, true) };
  };
  const names = section(namesIndex);
  const decoder = new TextDecoder();
  const sectionName = (nameOffset: number) => {
    let end = names.offset + nameOffset;
    while (elf[end] !== 0) end++;
    return decoder.decode(elf.subarray(names.offset + nameOffset, end));
  };
  for (let index = 0; index < sectionCount; index++) {
    const header = section(index);
    if (sectionName(header.name) !== '.modinfo') continue;
    const fields = decoder.decode(elf.subarray(header.offset, header.offset + header.size)).split('\0');
    const value = (key: string) => fields.find((field) => field.startsWith(key + '='))?.slice(key.length + 1);
    const depends = value('depends') ?? '';
    return { name: value('name') ?? '', depends: depends === '' ? [] : depends.split(',') };
  }
  throw new Error('no .modinfo section');
}

/** Kernel module names treat '-' and '_' as the same character. */
export function normaliseModuleName(name: string): string {
  return name.replace(/-/g, '_');
}
