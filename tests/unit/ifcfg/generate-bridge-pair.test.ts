import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildBridgeModel,
  checkIfcfgFiles,
  generateBridgePair,
  parseIfcfgFile,
  validateBridgeChoices,
  type BridgeChoices,
} from '../../../lib/ifcfg/index.ts';

const choicesArbitrary = fc
  .record({
    bridge: fc.constantFrom('br0', 'br1', 'virbr9', 'lan'),
    port: fc.constantFrom('eth0', 'ens3', 'enp1s0', 'em1'),
    octets: fc.tuple(fc.integer({ min: 1, max: 223 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 2, max: 254 })),
    prefix: fc.integer({ min: 8, max: 30 }),
    dhcp: fc.boolean(),
    withGateway: fc.boolean(),
    dnsCount: fc.integer({ min: 0, max: 3 }),
    stp: fc.boolean(),
    delay: fc.option(fc.integer({ min: 2, max: 30 }), { nil: undefined }),
    hwaddr: fc.option(fc.constantFrom('52:54:00:12:34:56', '52:54:00:ab:cd:ef'), { nil: undefined }),
    nmControlled: fc.boolean(),
  })
  .map((r): BridgeChoices => {
    const ip = r.octets.join('.');
    const network = r.octets.map((o, i) => (i === 3 ? 1 : o)).join('.');
    const hostBits = 32 - r.prefix;
    const addressNumber = r.octets.reduce((a, o) => a * 256 + o, 0);
    const mask = hostBits === 32 ? 0 : (0xffffffff << hostBits) >>> 0;
    const gwNumber = (((addressNumber & mask) >>> 0) + 1) >>> 0;
    const gateway = [24, 16, 8, 0].map((s) => (gwNumber >>> s) & 255).join('.');
    const c: BridgeChoices = {
      bridge: r.bridge,
      port: r.port,
      address: r.dhcp ? 'dhcp' : `${ip}/${r.prefix}`,
      stp: r.stp,
      nmControlled: r.nmControlled,
      dns: ['192.0.2.53', '198.51.100.53', network].slice(0, r.dnsCount),
    };
    if (r.withGateway && !r.dhcp && gateway !== ip) c.gateway = gateway;
    if (r.stp && r.delay !== undefined) c.delay = r.delay;
    if (r.hwaddr) c.hwaddr = r.hwaddr;
    return c;
  });

describe('generateBridgePair', () => {
  it('writes the canonical pair for the book example', () => {
    const [br0, eth0] = generateBridgePair({ bridge: 'br0', port: 'eth0', address: '192.168.1.10/24', gateway: '192.168.1.1', dns: ['192.168.1.1'] });
    expect(br0.name).toBe('ifcfg-br0');
    expect(eth0.name).toBe('ifcfg-eth0');
    expect(br0.text).toContain('TYPE=Bridge\n');
    expect(br0.text).toContain('IPADDR=192.168.1.10\nPREFIX=24\nGATEWAY=192.168.1.1\n');
    expect(eth0.text).toContain('BRIDGE=br0\n');
    expect(eth0.text).not.toMatch(/IPADDR|GATEWAY|PREFIX/);
  });

  it('round trip: output passes every rule and parses back to the same choices', () => {
    fc.assert(
      fc.property(choicesArbitrary, (choices) => {
        expect(validateBridgeChoices(choices)).toEqual([]);
        const files = generateBridgePair(choices);
        expect(checkIfcfgFiles(files.map((f) => ({ path: f.name, text: f.text })))).toEqual([]);
        const model = buildBridgeModel(files.map((f) => parseIfcfgFile(f.name, f.text)));
        expect(model.bridges).toHaveLength(1);
        const setup = model.bridges[0]!;
        expect(setup.name).toBe(choices.bridge);
        expect(setup.ports.map((p) => p.device)).toEqual([choices.port]);
        expect(setup.stp).toBe(choices.stp);
        expect(setup.forwardDelay).toBe(choices.stp ? (choices.delay ?? 2) : undefined);
        expect(setup.nmControlled).toBe(choices.nmControlled);
        expect(setup.ports[0]!.hwaddr).toBe(choices.hwaddr);
        expect(setup.ipv4.dns).toEqual(choices.dns);
        if (choices.address === 'dhcp') expect(setup.ipv4.method).toBe('auto');
        else {
          expect(setup.ipv4.method).toBe('manual');
          expect(`${setup.ipv4.address}/${setup.ipv4.prefix}`).toBe(choices.address);
          expect(setup.ipv4.gateway).toBe(choices.gateway);
        }
      }),
      { numRuns: 300, seed: 6 },
    );
  });

  it('refuses choices that cannot make a valid pair', () => {
    expect(validateBridgeChoices({ bridge: 'br0', port: 'br0', address: 'dhcp' }).map((e) => e.field)).toEqual(['port']);
    expect(validateBridgeChoices({ bridge: 'br0', port: 'eth0', address: '192.168.1.10' }).map((e) => e.field)).toEqual(['address']);
    expect(validateBridgeChoices({ bridge: 'br0', port: 'eth0', address: '192.168.1.10/24', gateway: '10.0.0.1' }).map((e) => e.field)).toEqual(['gateway']);
    expect(validateBridgeChoices({ bridge: 'br0', port: 'eth0', address: 'dhcp', stp: true, delay: 0 }).map((e) => e.field)).toEqual(['delay']);
    expect(validateBridgeChoices({ bridge: 'a-very-long-bridge-name', port: 'eth0', address: 'dhcp' }).map((e) => e.field)).toEqual(['bridge']);
  });
});
