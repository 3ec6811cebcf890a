import { describe, expect, test } from 'vitest';
import { normaliseModuleName, readModuleInfo } from '../../../scripts/guest/modinfo.ts';

/** A minimal 32-bit little-endian ELF with a .shstrtab and a .modinfo section. */
function elfWithModinfo(modinfo: string): Uint8Array {
  const encoder = new TextEncoder();
  const names = encoder.encode('\0.shstrtab\0.modinfo\0');
  const info = encoder.encode(modinfo);
  const headerSize = 52;
  const namesOffset = headerSize;
  const infoOffset = namesOffset + names.length;
  const sectionOffset = infoOffset + info.length + ((4 - ((infoOffset + info.length) % 4)) % 4);
  const out = new Uint8Array(sectionOffset + 3 * 40);
  const view = new DataView(out.buffer);
  out.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1], 0);
  view.setUint32(32, sectionOffset, true);
  view.setUint16(46, 40, true);
  view.setUint16(48, 3, true);
  view.setUint16(50, 1, true);
  out.set(names, namesOffset);
  out.set(info, infoOffset);
  const section = (index: number, name: number, offset: number, size: number) => {
    const base = sectionOffset + index * 40;
    view.setUint32(base, name, true);
    view.setUint32(base + 16, offset, true);
    view.setUint32(base + 20, size, true);
  };
  section(1, 1, namesOffset, names.length);
  section(2, 11, infoOffset, info.length);
  return out;
}

describe('readModuleInfo', () => {
  test('reads name and depends', () => {
    const info = readModuleInfo(elfWithModinfo('license=GPL\0depends=llc,stp\0name=bridge\0'));
    expect(info).toEqual({ name: 'bridge', depends: ['llc', 'stp'] });
  });

  test('an empty depends= means no dependencies', () => {
    expect(readModuleInfo(elfWithModinfo('depends=\0name=llc\0')).depends).toEqual([]);
  });

  test('rejects files that are not 32-bit ELF', () => {
    expect(() => readModuleInfo(new TextEncoder().encode('not an elf file at all, really'))).toThrow(/not an ELF/);
    const elf64 = elfWithModinfo('name=x\0');
    elf64[4] = 2;
    expect(() => readModuleInfo(elf64)).toThrow(/32-bit/);
  });
});

test('module names treat - and _ alike', () => {
  expect(normaliseModuleName('kvm-intel')).toBe('kvm_intel');
  expect(normaliseModuleName('ne2k-pci')).toBe(normaliseModuleName('ne2k_pci'));
});
