import { describe, expect, it } from 'vitest';
import { checkIfcfgFiles, formatFinding, hasErrors, IFCFG_RULES, wordFinding, type Finding } from '../../../lib/ifcfg/index.ts';
import { BR0, CASES, pair, replace } from './rule-cases.ts';

const rulesOf = (findings: Finding[]) => findings.map((f) => f.rule);

describe('the canonical pair', () => {
  it('has no findings', () => {
    expect(checkIfcfgFiles(pair())).toEqual([]);
  });
});

describe('rules', () => {
  for (const c of CASES) {
    it(`${c.rule} (${c.severity}) trips on the bad files and not on the good ones`, () => {
      const bad = checkIfcfgFiles(c.bad).filter((f) => f.rule === c.rule);
      expect(bad.length, `expected ${c.rule} in ${JSON.stringify(checkIfcfgFiles(c.bad).map(formatFinding))}`).toBeGreaterThan(0);
      expect(bad.map((f) => f.severity)).toContain(c.severity);
      if (c.key) expect(bad.map((f) => f.key)).toContain(c.key);
      for (const f of bad) {
        const words = wordFinding(f, 'en');
        expect(words.initscripts.length).toBeGreaterThan(0);
        expect(words.networkManager.length).toBeGreaterThan(0);
        if (f.key) expect(words.message).toContain(f.key);
      }
      expect(rulesOf(checkIfcfgFiles(c.good))).not.toContain(c.rule);
    });
  }

  it('every documented rule is exercised', () => {
    const tested = new Set(CASES.map((c) => c.rule));
    expect(IFCFG_RULES.filter((r) => !tested.has(r.id)).map((r) => r.id)).toEqual([]);
    expect(IFCFG_RULES.length).toBeGreaterThanOrEqual(20);
  });

  it('points at the line and column of the key', () => {
    const [f] = checkIfcfgFiles(pair(replace(BR0, 'TYPE=Bridge', 'TYPE=bridge')));
    expect(f).toMatchObject({ file: 'ifcfg-br0', line: 3, column: 1, key: 'TYPE', rule: 'type-case', severity: 'error' });
    expect(formatFinding(f!)).toMatch(/^ifcfg-br0:3: error: \[type-case\] TYPE=bridge/);
  });

  it('a CRLF file is reported once, not once per value', () => {
    const findings = checkIfcfgFiles(pair(BR0.replace(/\n/g, '\r\n')));
    expect(rulesOf(findings)).toEqual(['crlf']);
  });

  it('accepts harmless variations both tools read the same way', () => {
    const br0 = `# Bridge for KVM guests
DEVICE="br0"
TYPE='Bridge'
BOOTPROTO=static
IPADDR="192.168.1.10"
NETMASK=255.255.255.0   # /24
GATEWAY=192.168.1.1
ONBOOT=yes
DELAY=0
NM_CONTROLLED=no
ZONE=public
`;
    const eth0 = `TYPE=Ethernet
PROXY_METHOD=none
BROWSER_ONLY=no
BOOTPROTO=none
DEVICE=eth0
ONBOOT=yes
IPV6INIT=no
BRIDGE="br0"
NM_CONTROLLED=no
UUID=7c2b6a9e-1f3d-4c5e-8a9b-0c1d2e3f4a5b
`;
    const findings = checkIfcfgFiles(pair(br0, eth0));
    expect(findings.map(formatFinding)).toEqual([]);
    expect(hasErrors(findings)).toBe(false);
  });

  it('judges the source article\'s fragment (a port with BRIDGE but the bridge missing)', () => {
    const findings = checkIfcfgFiles([{ path: 'ifcfg-ens33', text: 'TYPE=Ethernet\nBOOTPROTO=static\nDEVICE=ens33\nONBOOT=yes\nBRIDGE=br0\n' }]);
    expect(hasErrors(findings)).toBe(true);
    expect(rulesOf(findings)).toContain('bridge-not-found');
  });
});

describe('a line bash would execute', () => {
  for (const [line, shown] of [['eval touch /tmp/x', 'eval touch /tmp/x'], ['$(touch /tmp/x)', '$(touch /tmp/x)']] as const) {
    it(`says that bash would execute ${line}, in both editions`, () => {
      const findings = checkIfcfgFiles([{ path: 'ifcfg-br0', text: `DEVICE=br0\nTYPE=Bridge\nBOOTPROTO=dhcp\n${line}\n` }]);
      const finding = findings.find((f) => f.line === 4)!;
      expect(finding.severity).toBe('error');
      expect(finding.code).toBe('line-runs-command');
      expect(wordFinding(finding, 'en').message).toBe(`this line runs a command, it is not a plain assignment: ${shown}`);
      expect(wordFinding(finding, 'en').initscripts).toBe(`bash would execute "${shown}" every time it reads the file (ifup sources the file as root)`);
      expect(wordFinding(finding, 'zh-CN').message).toBe(`这一行会运行命令，不是普通赋值：${shown}`);
      expect(wordFinding(finding, 'zh-CN').initscripts).toBe(`bash 每次读取这个文件都会执行“${shown}”（ifup 以 root 身份 source 这个文件）`);
      expect(formatFinding(finding)).not.toContain('command not found');
    });
  }
});
