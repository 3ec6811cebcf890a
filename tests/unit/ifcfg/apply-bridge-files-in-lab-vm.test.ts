import { describe, expect, it } from 'vitest';
import { applyBridgeFilesInLabVM, generateBridgePair, inspectionCommands, type LabVMLike } from '../../../lib/ifcfg/index.ts';

/** A stand-in for the lab VM that records what it is asked to do. */
function recordingVm() {
  const log: string[] = [];
  const vm: LabVMLike = {
    async writeFile(path, data) {
      log.push(`write ${path} (${data.length} bytes)`);
    },
    async run(command) {
      log.push(`run ${command}`);
      return { output: `ran ${command}`, status: 0 };
    },
  };
  return { vm, log };
}

describe('applyBridgeFilesInLabVM', () => {
  it('resets, copies the files over the share, runs ifup-lab, then inspects the bridge', async () => {
    const { vm, log } = recordingVm();
    const files = generateBridgePair({ bridge: 'br0', port: 'eth0', address: '192.168.1.10/24' });
    const seen: string[] = [];
    const steps = await applyBridgeFilesInLabVM(vm, files, 'br0', (s) => seen.push(s.command));
    expect(log.map((l) => l.replace(/\(\d+ bytes\)/, '(n)'))).toEqual([
      'run ifup-lab --reset; rm -rf /mnt/host/bridge-lab; mkdir -p /mnt/host/bridge-lab',
      'write bridge-lab/ifcfg-br0 (n)',
      'write bridge-lab/ifcfg-eth0 (n)',
      'run ifup-lab --from /mnt/host/bridge-lab',
      'run ip -d link show br0',
      'run brctl show',
      'run ip addr show br0',
    ]);
    expect(steps.map((s) => s.command)).toEqual(seen);
  });

  it('refuses file names that are not ifcfg-<name>, before touching the VM', async () => {
    const { vm, log } = recordingVm();
    const steps = await applyBridgeFilesInLabVM(vm, [{ name: 'ifcfg-br0; reboot', text: '' }], 'br0');
    expect(log).toEqual([]);
    expect(steps[0]!.status).toBe(1);
    expect(steps[0]!.note).toEqual({ code: 'badFileNames', params: { names: '"ifcfg-br0; reboot"' } });
    expect(steps[0]!.output).toBe('');
  });

  it('never puts an unsafe bridge name on a command line', () => {
    expect(inspectionCommands('br0; rm -rf /')).toEqual(['ip -d link show br0', 'brctl show', 'ip addr show br0']);
  });
});
