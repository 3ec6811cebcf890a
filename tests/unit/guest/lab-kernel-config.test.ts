import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfigFragment, unmetSymbols } from '../../../scripts/guest/lab-kernel.ts';

describe('lab kernel config fragment', () => {
  it('reads set and unset symbols and skips comments', () => {
    const fragment = parseConfigFragment('# a comment\nCONFIG_NET=y\nCONFIG_VETH=m\n# CONFIG_SMP is not set\nCONFIG_LOCALVERSION="-lab"\n\n');
    expect([...fragment]).toEqual([['CONFIG_NET', 'y'], ['CONFIG_VETH', 'm'], ['CONFIG_SMP', 'n'], ['CONFIG_LOCALVERSION', '"-lab"']]);
  });

  it('says which line is not a config line', () => {
    expect(() => parseConfigFragment('CONFIG_NET=y\nNET=y\n')).toThrow(/line 2: "NET=y"/);
  });

  it('lists the symbols Kconfig dropped', () => {
    const fragment = parseConfigFragment('CONFIG_KVM=m\nCONFIG_NET=y\n# CONFIG_SMP is not set\n');
    const final = 'CONFIG_NET=y\n# CONFIG_KVM is not set\n# CONFIG_SMP is not set\nCONFIG_HZ=250\n';
    expect(unmetSymbols(fragment, final)).toEqual(['CONFIG_KVM=m (got n)']);
  });

  it('guest/kernel/lab.config parses and asks for the modules chapters load', () => {
    const fragment = parseConfigFragment(readFileSync('guest/kernel/lab.config', 'utf8'));
    for (const symbol of ['CONFIG_KVM_INTEL', 'CONFIG_BRIDGE', 'CONFIG_VETH', 'CONFIG_NE2K_PCI', 'CONFIG_VIRTIO_BALLOON', 'CONFIG_9P_FS']) {
      expect(fragment.get(symbol), symbol).toBe('m');
    }
    for (const symbol of ['CONFIG_MEMCG', 'CONFIG_NET_NS', 'CONFIG_PID_NS', 'CONFIG_USER_NS', 'CONFIG_SERIAL_8250', 'CONFIG_PROC_PAGE_MONITOR']) {
      expect(fragment.get(symbol), symbol).toBe('y');
    }
  });
});
