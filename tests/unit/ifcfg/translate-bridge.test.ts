import { describe, expect, it } from 'vitest';
import { buildBridgeModel, generateBridgePair, parseIfcfgFile, toBrctlCommands, toIproute2Commands, toKeyfiles, toNmcliCommands, uuidFromName, shellQuote } from '../../../lib/ifcfg/index.ts';

const setupOf = (...args: Parameters<typeof generateBridgePair>) =>
  buildBridgeModel(generateBridgePair(...args).map((f) => parseIfcfgFile(f.name, f.text))).bridges[0]!;

describe('translators', () => {
  const staticSetup = setupOf({ bridge: 'br0', port: 'eth0', address: '192.168.1.10/24', gateway: '192.168.1.1', dns: ['192.168.1.1'] });

  it('iproute2: creates the bridge, enslaves the port, puts the address on the bridge', () => {
    const cmds = toIproute2Commands(staticSetup).filter((l) => !l.startsWith('#'));
    expect(cmds).toEqual([
      'ip link add name br0 type bridge stp_state 0 forward_delay 0',
      'ip addr flush dev eth0',
      'ip link set dev eth0 master br0',
      'ip link set dev eth0 up',
      'ip link set dev br0 up',
      'ip addr add 192.168.1.10/24 brd 192.168.1.255 dev br0',
      'ip route replace default via 192.168.1.1 dev br0',
      "printf 'nameserver 192.168.1.1\\n' > /etc/resolv.conf",
    ]);
  });

  it('iproute2: forward delay is in centiseconds', () => {
    const stp = setupOf({ bridge: 'br0', port: 'eth0', address: 'dhcp', stp: true, delay: 4 });
    expect(toIproute2Commands(stp)[1]).toBe('ip link add name br0 type bridge stp_state 1 forward_delay 400');
    const stpDefault = buildBridgeModel([parseIfcfgFile('ifcfg-br0', 'DEVICE=br0\nTYPE=Bridge\nSTP=yes\n')]).bridges[0]!;
    expect(toIproute2Commands(stpDefault)[1]).toContain('forward_delay 1500');
    expect(toIproute2Commands(stp)).toContain('dhclient -1 br0    # BOOTPROTO=dhcp');
  });

  it('brctl: the EL7 sequence, setfd in seconds', () => {
    const stp = setupOf({ bridge: 'br0', port: 'eth0', address: '10.0.0.2/8', stp: true, delay: 4 });
    expect(toBrctlCommands(stp)).toEqual([
      'brctl addbr br0',
      'brctl setfd br0 4     # seconds',
      'brctl stp br0 on',
      'ip addr flush dev eth0',
      'ip link set dev eth0 up',
      'brctl addif br0 eth0',
      'ip link set dev br0 up',
      'ip addr add 10.0.0.2/8 brd 10.255.255.255 dev br0 label br0',
      'brctl show br0',
    ]);
  });

  it('nmcli: a bridge profile and a port profile', () => {
    const cmds = toNmcliCommands(staticSetup);
    expect(cmds[0]).toBe('nmcli con add type bridge con-name br0 ifname br0 ipv4.method manual ipv4.addresses 192.168.1.10/24 ipv4.gateway 192.168.1.1 ipv4.dns 192.168.1.1 ipv6.method ignore bridge.stp no');
    expect(cmds[1]).toBe('nmcli con add type bridge-slave con-name br0-port-eth0 ifname eth0 master br0');
    expect(cmds.at(-1)).toBe('nmcli con up br0');
  });

  it('keyfile: bridge and port files', () => {
    const [bridge, port] = toKeyfiles(staticSetup);
    expect(bridge!.name).toBe('br0.nmconnection');
    expect(bridge!.text).toContain('[bridge]\nstp=false\n');
    expect(bridge!.text).toContain('address1=192.168.1.10/24\ngateway=192.168.1.1\ndns=192.168.1.1;\n');
    expect(port!.text).toContain('interface-name=eth0\nmaster=br0\nslave-type=bridge\n');
  });

  it('derives stable UUIDs', () => {
    expect(uuidFromName('br0')).toBe(uuidFromName('br0'));
    expect(uuidFromName('br0')).not.toBe(uuidFromName('br1'));
    expect(uuidFromName('br0')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('printed commands are shell-quoted', () => {
  const hostile = buildBridgeModel([
    parseIfcfgFile('ifcfg-br0', 'DEVICE=br0\nTYPE=Bridge\nBOOTPROTO=dhcp\n'),
    parseIfcfgFile('ifcfg-eth0', "DEVICE='eth0; touch /tmp/x'\nBRIDGE=br0\n"),
  ]).bridges[0]!;

  it('a device name with shell syntax stays one word in iproute2, brctl and nmcli', () => {
    expect(toIproute2Commands(hostile)).toContain("ip addr flush dev 'eth0; touch /tmp/x'");
    expect(toBrctlCommands(hostile)).toContain("brctl addif br0 'eth0; touch /tmp/x'");
    expect(toNmcliCommands(hostile)).toContain("nmcli con add type bridge-slave con-name 'br0-port-eth0; touch /tmp/x' ifname 'eth0; touch /tmp/x' master br0");
  });

  it('quotes a single quote so that it stays in the word', () => {
    expect(shellQuote("a'b")).toBe("'a'\\''b'");
    expect(shellQuote('eth0')).toBe('eth0');
    expect(shellQuote('')).toBe("''");
  });
});

describe('keyfile values are escaped', () => {
  it('a NAME with line breaks stays one id= line and adds no section', () => {
    const setup = buildBridgeModel([
      parseIfcfgFile('ifcfg-br0', "DEVICE=br0\nTYPE=Bridge\nNAME=$'x\\n[ipv4]\\nmethod=disabled'\nBOOTPROTO=dhcp\n"),
      parseIfcfgFile('ifcfg-eth0', 'DEVICE=eth0\nBRIDGE=br0\n'),
    ]).bridges[0]!;
    const text = toKeyfiles(setup)[0]!.text;
    expect(text).toContain('id=x\\n[ipv4]\\nmethod=disabled\n');
    expect(text.split('\n').filter((line) => line === '[ipv4]')).toHaveLength(1);
    expect(text).toContain('[ipv4]\nmethod=auto\n');
  });
});
