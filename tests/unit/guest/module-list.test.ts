import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseModuleList } from '../../../scripts/guest/initramfs.ts';

describe('parseModuleList', () => {
  test('reads names and when to load them, ignoring comments', () => {
    expect(parseModuleList('# comment\nbridge boot # Linux bridge\n\nkvm ship\nveth\n')).toEqual([
      { name: 'bridge', when: 'boot' },
      { name: 'kvm', when: 'ship' },
      { name: 'veth', when: 'boot' },
    ]);
  });

  test('names the line of a bad entry', () => {
    expect(() => parseModuleList('bridge boot\nveth later\n')).toThrow('guest/modules.txt:2');
  });

  test("the recipe's list has what the chapters need", () => {
    const modules = parseModuleList(readFileSync(new URL('../../../guest/modules.txt', import.meta.url), 'utf8'));
    const byName = new Map(modules.map((module) => [module.name.replace(/-/g, '_'), module.when]));
    for (const name of ['bridge', 'veth', 'virtio_pci', '9pnet_virtio', '9p', 'virtio_console', 'ne2k_pci']) expect(byName.get(name)).toBe('boot');
    for (const name of ['kvm', 'kvm_intel', 'virtio_net']) expect(byName.get(name)).toBe('ship');
  });
});
