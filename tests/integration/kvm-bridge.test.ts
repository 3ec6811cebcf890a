// Chapter 7 in the lab VM: generate the canonical pair, apply it with the guest's ifup-lab, and check
// that br0 exists, carries the address, and has eth0 as its port. Then a broken pair (TYPE=bridge)
// shows what the EL7 scripts would do: no bridge of that type is configured and br0 has no address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabVM } from '../../lib/guest/index.ts';
import { startNodeLabVM } from '../../lib/guest/node.ts';
import { applyBridgeFilesInLabVM, checkIfcfgFiles, generateBridgePair } from '../../lib/ifcfg/index.ts';

let vm: LabVM;

beforeAll(async () => {
  vm = await startNodeLabVM();
});

afterAll(async () => {
  await vm?.destroy();
});

describe('kvm-bridge: ifcfg files applied in the lab VM', () => {
  it('generate → apply → br0 exists with the address and eth0 as its port', async () => {
    const files = generateBridgePair({ bridge: 'br0', port: 'eth0', address: '192.168.1.10/24', gateway: '192.168.1.1', dns: ['192.168.1.1'] });
    expect(checkIfcfgFiles(files.map((f) => ({ path: f.name, text: f.text })))).toEqual([]);
    const steps = await applyBridgeFilesInLabVM(vm, files, 'br0');
    const ifup = steps.find((s) => s.command.startsWith('ifup-lab --from'))!;
    expect(ifup.status).toBe(0);

    const copied = await vm.run('cat /etc/sysconfig/network-scripts/ifcfg-br0');
    expect(copied.output).toContain('TYPE=Bridge');

    const link = await vm.run('ip -d link show br0');
    expect(link.status).toBe(0);
    expect(link.output).toMatch(/\bbridge\b.*stp_state 0/);

    const master = await vm.run('cat /sys/class/net/eth0/master/uevent; ls /sys/class/net/br0/brif');
    expect(master.output).toContain('INTERFACE=br0');
    expect(master.output.split(/\s+/)).toContain('eth0');

    const addr = await vm.run('ip -4 addr show br0');
    expect(addr.output).toContain('inet 192.168.1.10/24');
    const eth0 = await vm.run('ip -4 addr show eth0');
    expect(eth0.output).not.toContain('inet ');

    const route = await vm.run('ip route show default');
    expect(route.output).toContain('default via 192.168.1.1 dev br0');
  });

  it('a broken pair (TYPE=bridge) shows the EL7 failure in the guest', async () => {
    const files = generateBridgePair({ bridge: 'br0', port: 'eth0', address: '192.168.1.10/24', gateway: '192.168.1.1' });
    files[0].text = files[0].text.replace('TYPE=Bridge', 'TYPE=bridge');
    const steps = await applyBridgeFilesInLabVM(vm, files, 'br0');
    const ifup = steps.find((s) => s.command.startsWith('ifup-lab --from'))!;
    expect(ifup.output).toContain('Device br0 does not seem to be present, delaying initialization.');
    const addr = await vm.run('ip -4 addr show br0');
    expect(addr.output).not.toContain('192.168.1.10');
  });
});
