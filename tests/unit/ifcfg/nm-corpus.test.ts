import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBridgeModel, checkIfcfgFiles, hasErrors, parseIfcfgFile, wordFinding } from '../../../lib/ifcfg/index.ts';

// Files from NetworkManager's own ifcfg-rh test corpus (tests/network-scripts/), with the result
// NetworkManager's tests expect.
const dir = join(import.meta.dirname, '../../golden/ifcfg/nm-corpus');
const load = (name: string) => ({ path: name, text: readFileSync(join(dir, name), 'utf8') });

describe('NetworkManager test corpus', () => {
  it('ifcfg-test-bridge-main + ifcfg-test-bridge-component: a working bridge (warnings only)', () => {
    const inputs = [load('ifcfg-test-bridge-main'), load('ifcfg-test-bridge-component')];
    const findings = checkIfcfgFiles(inputs);
    expect(hasErrors(findings)).toBe(false);
    expect(findings.filter((f) => f.rule === 'bridging-opts').map((f) => wordFinding(f).message)).toEqual([
      expect.stringContaining('hello_time=7'),
      expect.stringContaining('max_age=39'),
      expect.stringContaining('ageing_time=235352'),
    ]);
    const model = buildBridgeModel(inputs.map((i) => parseIfcfgFile(i.path, i.text)));
    expect(model.bridges).toHaveLength(1);
    const br0 = model.bridges[0]!;
    expect(br0).toMatchObject({ name: 'br0', stp: true, forwardDelay: 2, onBoot: false, macAddress: '00:16:41:11:22:33' });
    expect(br0.ipv4.method).toBe('auto');
    expect(br0.ports.map((p) => [p.device, p.hwaddr])).toEqual([['eth0', '00:22:15:59:62:97']]);
  });

  it('ifcfg-netmask-1: NETMASK 255.254.0.0 is /15, and the gateway is outside it', () => {
    const findings = checkIfcfgFiles([load('ifcfg-netmask-1')]);
    const model = buildBridgeModel([parseIfcfgFile('ifcfg-netmask-1', load('ifcfg-netmask-1').text)]);
    expect(model.interfaces[0]!.role).toBe('plain');
    expect(findings.map((f) => f.rule)).toContain('gateway-outside-subnet');
    expect(wordFinding(findings.find((f) => f.rule === 'gateway-outside-subnet')!).message).toContain('102.0.2.2/15');
  });
});
