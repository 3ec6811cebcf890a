import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../../lib/ifcfg/cli.ts');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('npm run ifcfg', { timeout: 30_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ifcfg-cli-'));

  it('generate writes the pair, prints what it wrote, and never overwrites without --force', () => {
    const first = run('generate', '--bridge', 'br0', '--port', 'eth0', '--ip', '192.168.1.10/24', '--gateway', '192.168.1.1', '--dir', dir);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(`wrote ${join(dir, 'ifcfg-br0')}\nwrote ${join(dir, 'ifcfg-eth0')}\n`);
    expect(readFileSync(join(dir, 'ifcfg-br0'), 'utf8')).toContain('IPADDR=192.168.1.10\n');
    const again = run('generate', '--bridge', 'br0', '--port', 'eth0', '--ip', '10.0.0.2/8', '--dir', dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exist.*--force/);
    expect(readFileSync(join(dir, 'ifcfg-br0'), 'utf8')).toContain('IPADDR=192.168.1.10\n');
    const forced = run('generate', '--bridge', 'br0', '--port', 'eth0', '--ip', '10.0.0.2/8', '--dir', dir, '--force');
    expect(forced.status).toBe(0);
    expect(readFileSync(join(dir, 'ifcfg-br0'), 'utf8')).toContain('IPADDR=10.0.0.2\n');
  });

  it('check exits 0 on the generated pair and 1 with FILE:LINE: error lines on a broken one', () => {
    run('generate', '--ip', '192.168.1.10/24', '--dir', dir, '--force');
    const ok = run('check', join(dir, 'ifcfg-br0'), join(dir, 'ifcfg-eth0'));
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('');
    const broken = join(dir, 'ifcfg-br0');
    writeFileSync(broken, readFileSync(broken, 'utf8').replace('TYPE=Bridge', 'TYPE=bridge'));
    const bad = run('check', broken, join(dir, 'ifcfg-eth0'));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:4: error: \\[type-case\\] TYPE=bridge`));
  });

  it('check exits 0 when there are only warnings', () => {
    const p = join(dir, 'ifcfg-br9');
    writeFileSync(p, 'DEVICE=br9\nTYPE=Bridge\nBOOTPROTO=dhcp\nONBOOT=on\n');
    const r = run('check', p);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/warning: \[boolean-value\] ONBOOT=on/);
  });

  it('commands, brctl, nmcli and keyfile print translations', () => {
    run('generate', '--ip', '192.168.1.10/24', '--dir', dir, '--force');
    const files = [join(dir, 'ifcfg-br0'), join(dir, 'ifcfg-eth0')];
    expect(execFileSync(process.execPath, [CLI, 'commands', ...files], { encoding: 'utf8' })).toContain('ip link set dev eth0 master br0');
    expect(execFileSync(process.execPath, [CLI, 'brctl', ...files], { encoding: 'utf8' })).toContain('brctl addif br0 eth0');
    expect(execFileSync(process.execPath, [CLI, 'nmcli', ...files], { encoding: 'utf8' })).toContain('nmcli con add type bridge ');
    expect(execFileSync(process.execPath, [CLI, 'keyfile', ...files], { encoding: 'utf8' })).toContain('type=bridge');
  });

  it('reports an unreadable file and a bad command', () => {
    expect(run('check', join(dir, 'missing')).status).toBe(2);
    expect(run('frobnicate').status).toBe(2);
    expect(run('explain', 'STP').stdout).toMatch(/^STP: /);
  });

  it('--lang zh-CN words findings, key help and choice errors in Chinese; an unknown language is refused', () => {
    const p = join(dir, 'ifcfg-br7');
    writeFileSync(p, 'DEVICE=br7\nTYPE=bridge\nBOOTPROTO=dhcp\n');
    const zh = run('check', '--lang', 'zh-CN', p);
    expect(zh.status).toBe(1);
    expect(zh.stdout).toContain(`${p}:2: error: [type-case] TYPE=bridge：initscripts 要求一字不差的 TYPE=Bridge`);
    expect(run('explain', 'STP', '--lang=zh-CN').stdout).toMatch(/^STP：网桥上的生成树协议/);
    expect(run('generate', '--lang', 'zh-CN', '--bridge', 'br0', '--port', 'br0', '--ip', 'dhcp', '--dir', dir).stderr).toBe('ifcfg: --port: 端口必须是与网桥不同的接口\n');
    expect(run('check', '--lang', 'fr', p).status).toBe(2);
  });
});

describe('npm run ifcfg: every mistake is one line and a non-zero exit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ifcfg-cli-errors-'));
  const bounded = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20_000, cwd: dir });
  const oneLine = (text: string) => expect(text).toMatch(/^ifcfg: [^\n]+\n$/);

  it('generate --dir under /proc and --dir on a file fail at once with one line', { timeout: 30_000 }, () => {
    const proc = bounded('generate', '--ip', 'dhcp', '--dir', '/proc/nope');
    expect(proc.status).toBe(1);
    oneLine(proc.stderr);
    writeFileSync(join(dir, 'a-file'), 'x');
    const onFile = bounded('generate', '--ip', 'dhcp', '--dir', join(dir, 'a-file'));
    expect(onFile.status).toBe(1);
    expect(onFile.stderr).toBe(`ifcfg: --dir ${join(dir, 'a-file')}: ${join(dir, 'a-file')} is not a directory; nothing written\n`);
  });

  it('generate checks every option: --delay a number from 2 to 30 and only with --stp, --nm-controlled yes or no', { timeout: 30_000 }, () => {
    const cases: [string[], string][] = [
      [['--stp', '--delay', 'abc'], 'ifcfg: --delay takes a whole number from 2 to 30, not "abc"\n'],
      [['--delay', '5'], 'ifcfg: --delay only applies with --stp (without STP the bridge forwards at once); add --stp or leave --delay out\n'],
      [['--nm-controlled', 'maybe'], 'ifcfg: --nm-controlled takes yes or no, not "maybe"\n'],
      [['--stp=yes'], 'ifcfg: --stp takes no value (it is a switch), but was given "yes"\n'],
      [['--bridge'], 'ifcfg: --bridge needs a value (NAME)\n'],
    ];
    for (const [args, stderr] of cases) {
      const r = bounded('generate', '--ip', 'dhcp', '--dir', join(dir, 'out'), ...args);
      expect({ args, status: r.status, stderr: r.stderr }).toEqual({ args, status: 2, stderr });
    }
    expect(bounded('generate', '--ip', 'dhcp', '--dir', join(dir, 'out'), '--stp', '--delay', '4').status).toBe(0);
    expect(readFileSync(join(dir, 'out', 'ifcfg-br0'), 'utf8')).toContain('DELAY=4\n');
  });

  it('prints no commands for a file whose DEVICE fails the check', { timeout: 30_000 }, () => {
    writeFileSync(join(dir, 'ifcfg-br0'), 'DEVICE=br0\nTYPE=Bridge\nBOOTPROTO=dhcp\nONBOOT=yes\n');
    writeFileSync(join(dir, 'ifcfg-eth0'), "DEVICE='eth0; touch /tmp/x'\nTYPE=Ethernet\nBRIDGE=br0\nONBOOT=yes\n");
    for (const command of ['commands', 'brctl', 'nmcli', 'keyfile']) {
      const r = bounded(command, join(dir, 'ifcfg-br0'), join(dir, 'ifcfg-eth0'));
      expect({ command, status: r.status, stdout: r.stdout }).toEqual({ command, status: 1, stdout: '' });
      expect(r.stderr).toMatch(/ifcfg-eth0:1: error: \[device-name\] DEVICE=eth0; touch \/tmp\/x is not a valid interface name.*\[no (commands|keyfiles) printed\]\n$/);
    }
  });

  it('--help prints the usage and every option; an unknown option is one line', { timeout: 30_000 }, () => {
    const help = bounded('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('usage: npm run ifcfg');
    expect(help.stdout).toMatch(/--delay SECONDS +generate, with --stp: the forward delay in whole seconds \(2 to 30\)/);
    const unknown = bounded('check', '--frob', 'x');
    expect(unknown.status).toBe(2);
    oneLine(unknown.stderr);
  });
});

describe('npm run ifcfg on a file far too large to be an ifcfg file', () => {
  it('refuses it in one line instead of checking for minutes', { timeout: 30_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'ifcfg-cli-large-'));
    const path = join(dir, 'ifcfg-br0');
    writeFileSync(path, 'DEVICE=br0\nTYPE=Bridge\n' + Array.from({ length: 100_000 }, (_, i) => `K${i}="v$(x)"`).join('\n'));
    const r = spawnSync(process.execPath, [CLI, 'check', path], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^ifcfg: .*ifcfg-br0: \d+ characters is too large for an ifcfg file \(the limit is 262144\)\n$/);
  });
});
