/**
 * Every finding code reaches the reader in both editions: each code of findingWordings is produced
 * by real files as a code and its params (a finding carries no sentence), and its three sentences
 * (what is wrong, what initscripts does, what NetworkManager does) are worded in English and in
 * Chinese, with no parameter left unfilled ("undefined", "null", "[object …]").
 */
import { describe, expect, it } from 'vitest';
import { checkIfcfgFiles, findingWordings, formatFindingIn, wordFinding, type Finding, type FindingCode } from '../../../lib/ifcfg/index.ts';
import { BR0, ETH0, pair, replace, type Files } from './rule-cases.ts';

const CJK = /[\u4e00-\u9fff]/;
/** What a parameter that did not fill in leaves behind. */
const UNFILLED = /undefined|\bnull\b|\[object|NaN/;

const withoutAddress = (text: string) => replace(replace(replace(text, 'IPADDR=192.168.1.10\n', ''), 'PREFIX=24\n', ''), 'GATEWAY=192.168.1.1\n', '');
const UUID = '0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b';

/** Files that produce each code (a code missing here does not compile). */
const producers: Record<FindingCode, Files> = {
  'crlf': pair(BR0.replace(/\n/g, '\r\n')),
  'unquoted-space': pair(replace(BR0, 'NAME=br0', 'NAME=My Bridge')),
  'expansion-in-double-quotes': pair(replace(BR0, 'GATEWAY=192.168.1.1', 'GATEWAY="$GW"')),
  'shell-expansion': pair(replace(BR0, 'NAME=br0', 'NAME=$HOSTNAME')),
  'line-runs-command': pair(BR0 + 'eval touch /tmp/x\n'),
  'bash-cannot-source': pair(replace(BR0, 'NAME=br0', 'NAME="br0')),
  'declaring-builtin': pair(replace(BR0, 'ONBOOT=yes', 'export ONBOOT=yes')),
  'not-key-value': pair(BR0 + 'export ZONE\n'),
  'value-networkmanager-cannot-read': pair(BR0 + 'ZONE=home; ZONE2=work\n'),
  'duplicate-key': pair(BR0 + 'STP=yes\nDELAY=2\n'),
  'key-case': pair(replace(BR0, 'ONBOOT=yes', 'OnBoot=yes')),
  'file-name-prefix': [{ path: 'br0', text: BR0 }, { path: 'ifcfg-eth0', text: ETH0 }],
  'backup-file-name': [{ path: 'ifcfg-br0', text: BR0 }, { path: 'ifcfg-eth0-copy', text: ETH0 }],
  'device-missing': pair(replace(BR0, 'DEVICE=br0\n', '')),
  'device-name': [{ path: 'ifcfg-x', text: 'DEVICE=a/b\nTYPE=Ethernet\n' }],
  'device-file-mismatch': pair(BR0, replace(ETH0, 'DEVICE=eth0', 'DEVICE=ens3')),
  'boolean-value': pair(replace(BR0, 'IPV6INIT=no', 'IPV6INIT=maybe')),
  'bootproto-case': pair(replace(BR0, 'BOOTPROTO=none', 'BOOTPROTO=Static')),
  'bootproto-unknown': pair(replace(BR0, 'BOOTPROTO=none', 'BOOTPROTO=shared')),
  'ipaddr-with-prefix': pair(replace(replace(BR0, 'IPADDR=192.168.1.10', 'IPADDR=192.168.1.10/24'), 'PREFIX=24\n', '')),
  'invalid-address': pair(replace(BR0, 'DNS1=192.168.1.1', 'DNS1=dns.example')),
  'bad-prefix': pair(replace(BR0, 'PREFIX=24', 'PREFIX=33')),
  'bad-netmask': pair(replace(BR0, 'PREFIX=24', 'NETMASK=255.0.255.0')),
  'missing-prefix': pair(replace(BR0, 'PREFIX=24\n', '')),
  'static-without-address': pair('DEVICE=br0\nTYPE=Bridge\nBOOTPROTO=static\n'),
  'address-settings-without-address': pair(replace(BR0, 'IPADDR=192.168.1.10\n', '')),
  'bridge-without-address': pair(withoutAddress(BR0)),
  'dhcp-with-address': pair(replace(BR0, 'BOOTPROTO=none', 'BOOTPROTO=dhcp')),
  'gateway-outside-subnet': pair(replace(BR0, 'GATEWAY=192.168.1.1', 'GATEWAY=192.168.2.1')),
  'invalid-mac': pair(BR0 + 'MACADDR=52:54:00\n'),
  'bridge-type-missing': pair(replace(BR0, 'TYPE=Bridge\n', '')),
  'bridge-type-other': pair(replace(BR0, 'TYPE=Bridge', 'TYPE=Ethernet')),
  'type-case': pair(replace(BR0, 'TYPE=Bridge', 'TYPE=bridge')),
  'bridge-in-bridge-file': pair(BR0 + 'BRIDGE=br1\n'),
  'hwaddr-on-bridge': pair(BR0 + 'HWADDR=52:54:00:12:34:56\n'),
  'nic-not-a-port': pair(BR0, replace(ETH0, 'BRIDGE=br0\n', '')),
  'bridge-without-port': [{ path: 'ifcfg-br0', text: BR0 }],
  'bridge-onboot-no': pair(replace(BR0, 'ONBOOT=yes', 'ONBOOT=no')),
  'stp-value': pair(replace(BR0, 'STP=no', 'STP=1')),
  'delay-not-a-number': pair(BR0 + 'DELAY=two\n'),
  'stp-delay-range': pair(replace(BR0, 'STP=no', 'STP=on\nDELAY=0')),
  'stp-default-delay': pair(replace(BR0, 'STP=no', 'STP=yes')),
  'bridging-option-unknown': pair(BR0, ETH0 + 'BRIDGING_OPTS="priorty=100"\n'),
  'bridging-option-time': pair(BR0 + 'BRIDGING_OPTS="forward_delay=200"\n'),
  'bridging-option-initscripts-only': pair(BR0 + 'BRIDGING_OPTS="multicast_router=2"\n'),
  'bridge-not-found': [{ path: 'ifcfg-eth0', text: ETH0 }],
  'port-ip-settings': pair(withoutAddress(BR0), ETH0 + 'IPADDR=192.168.1.10\nPREFIX=24\n'),
  'port-ip-option': pair(BR0, ETH0 + 'DOMAIN=example.com\n'),
  'port-type-bridge': pair(BR0, replace(ETH0, 'TYPE=Ethernet', 'TYPE=Bridge')),
  'wireless-port': [{ path: 'ifcfg-br0', text: BR0 }, { path: 'ifcfg-wlp2s0', text: 'DEVICE=wlp2s0\nBRIDGE=br0\nONBOOT=yes\nNM_CONTROLLED=yes\n' }],
  'nm-controlled-mismatch': pair(BR0, replace(ETH0, 'NM_CONTROLLED=yes', 'NM_CONTROLLED=no')),
  'mtu-mismatch': pair(BR0 + 'MTU=1500\n', ETH0 + 'MTU=9000\n'),
  'port-onboot-no': pair(BR0, replace(ETH0, 'ONBOOT=yes', 'ONBOOT=no')),
  'invalid-uuid': pair(BR0 + 'UUID=1234\n'),
  'duplicate-uuid': pair(BR0 + `UUID=${UUID}\n`, ETH0 + `UUID=${UUID}\n`),
};

/** Both editions of a finding's three sentences: worded, filled in, and each in its own language. */
function expectWordedInBothEditions(f: Finding, what: string) {
  const en = wordFinding(f, 'en');
  const zh = wordFinding(f, 'zh-CN');
  for (const sentence of ['message', 'initscripts', 'networkManager'] as const) {
    expect(en[sentence].trim().length, `${what}: English ${sentence}`).toBeGreaterThan(0);
    expect(en[sentence], `${what}: English ${sentence}`).not.toMatch(UNFILLED);
    expect(en[sentence], `${what}: English ${sentence}`).not.toMatch(CJK);
    expect(zh[sentence], `${what}: Chinese ${sentence}`).toMatch(CJK);
    expect(zh[sentence], `${what}: Chinese ${sentence}`).not.toMatch(UNFILLED);
  }
  expect(formatFindingIn(f, 'zh-CN')).toContain(zh.message);
}

describe('finding codes in both editions', () => {
  it('has files for every code of the catalogue', () => {
    expect(Object.keys(producers).sort()).toEqual(Object.keys(findingWordings).sort());
  });

  for (const [code, files] of Object.entries(producers) as [FindingCode, Files][]) {
    it(`${code}: real files produce it as a code and params, worded in English and in Chinese`, () => {
      const findings = checkIfcfgFiles(files);
      const found = findings.filter((f) => f.code === code);
      expect(found.length, `${code} not among: ${findings.map((f) => f.code).join(', ')}`).toBeGreaterThan(0);
      for (const f of found) {
        // A finding is its place, its code and its params: no sentence travels with it.
        expect(Object.keys(f).sort()).toEqual(['code', 'column', 'file', 'key', 'line', 'rule', 'severity', ...('params' in f ? ['params'] : [])].sort());
        expectWordedInBothEditions(f, code);
      }
      // Every finding of these files, not just the one under test.
      for (const other of findings) expectWordedInBothEditions(other, `${other.code} beside ${code}`);
    });
  }

  it('names a port without DEVICE= by its file, not "undefined"', () => {
    const findings = checkIfcfgFiles([{ path: 'ifcfg-br0', text: BR0 }, { path: 'eth0', text: 'BRIDGE=br0\nIPADDR=10.0.0.5\nTYPE=Bridge\n' }]);
    const onPort = findings.filter((f) => f.code === 'port-ip-settings' || f.code === 'port-type-bridge');
    expect(onPort.map((f) => f.code).sort()).toEqual(['port-ip-settings', 'port-type-bridge']);
    for (const f of onPort) {
      expectWordedInBothEditions(f, f.code);
      expect(wordFinding(f, 'en').message).toContain('eth0');
    }
  });

  it('names the address a gateway is outside of when only IPADDR2 is set, not "undefined"', () => {
    const [f] = checkIfcfgFiles([{ path: 'ifcfg-eth1', text: 'DEVICE=eth1\nBOOTPROTO=none\nIPADDR2=10.0.0.5\nPREFIX=24\nGATEWAY=10.1.0.1\n' }])
      .filter((x) => x.code === 'gateway-outside-subnet');
    expectWordedInBothEditions(f!, 'gateway-outside-subnet');
    expect(wordFinding(f!, 'en').message).toBe('GATEWAY=10.1.0.1 is outside 10.0.0.5/24; the gateway must be in the same subnet');
  });
});
