import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateBridgePair } from '../../../lib/ifcfg/index.ts';
import { DEFAULT_DOMAIN_CHOICES, generateDomainXml } from '../../../lib/libvirt/index.ts';

const CLI = join(import.meta.dirname, '../../../lib/libvirt/cli.ts');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('npm run libvirt', { timeout: 30_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'libvirt-cli-'));
  const ifcfg = generateBridgePair({ bridge: 'br0', port: 'eth0', address: '192.168.1.10/24' }).map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.text);
    return path;
  });

  it("domain prints the issue's example as the generator writes it", () => {
    const result = run('domain', '--name', 'vm1', '--bridge', 'br0', '--memory', '2048', '--vcpus', '2', '--disk', '/var/lib/libvirt/images/vm1.qcow2');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(generateDomainXml(DEFAULT_DOMAIN_CHOICES));
  });

  it('domain takes the format from a .img name, and virt-install prints the command for the same guest', () => {
    expect(run('domain', '--disk', '/srv/vm2.img').stdout).toContain('<driver name="qemu" type="raw"/>');
    const command = run('virt-install', '--name', 'vm2', '--model', 'e1000e', '--graphics', 'vnc');
    expect(command.status).toBe(0);
    expect(command.stdout).toContain('virt-install \\\n  --name vm2 \\\n');
    expect(command.stdout).toContain('--network bridge=br0,model=e1000e');
    expect(command.stdout).toContain('--graphics vnc');
  });

  it('bad choices are one line on stderr naming the option, in the edition asked for, exit 2', () => {
    const en = run('domain', '--name', 'bad name', '--mac', '01:00:00:00:00:00');
    expect(en.status).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toBe('libvirt: --name: "bad name" is not a usable domain name: 1 to 64 letters, digits, _ . + -, not starting with -; --mac: "01:00:00:00:00:00" is a multicast address (its first byte is odd); a NIC needs a unicast one such as 52:54:00:…\n');
    const zh = run('domain', '--bridge', 'this-name-is-too-long', '--lang', 'zh-CN');
    expect(zh.status).toBe(2);
    expect(zh.stderr).toBe('libvirt: --bridge: “this-name-is-too-long”不是合法的 Linux 接口名：应为 1 到 15 个字母、数字或 _ . -\n');
    expect(run('domain', '--memory', '10').stderr).toBe('libvirt: --memory takes a whole number from 64 to 4194304, not "10"\n');
    expect(run('domain', 'extra').stderr).toMatch(/^libvirt: domain takes options only, not "extra"\n$/);
    expect(run('check', '--bridge', 'br0', 'x.xml').stderr).toBe('libvirt: --bridge only applies to domain and virt-install\n');
    expect(run('frobnicate').status).toBe(2);
  });

  it('check: no findings and exit 0 for a good domain on the bridge the ifcfg files make', () => {
    const file = join(dir, 'vm1.xml');
    writeFileSync(file, generateDomainXml(DEFAULT_DOMAIN_CHOICES));
    const result = run('check', file, ...ifcfg);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${file}: no findings\n`);
  });

  it('check: FILE:LINE:COLUMN findings, exit 1 on an error, both editions', () => {
    const file = join(dir, 'vm2.xml');
    writeFileSync(file, generateDomainXml(DEFAULT_DOMAIN_CHOICES).replace('bridge="br0"', 'bridge="br1"'));
    const result = run('check', file, ...ifcfg);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(`${file}:31:23: error: [bridgeNotOnHost] the bridge "br1" is not one the host's ifcfg files make (br0): virsh start fails, as there is no such device to add the tap to (/domain/devices/interface/source/@bridge)\n`);
    const zh = run('check', '--lang', 'zh-CN', file, ...ifcfg);
    expect(zh.stdout).toBe(`${file}:31:23: 错误: [bridgeNotOnHost] 网桥“br1”不是宿主机 ifcfg 文件建立的网桥（br0）：virsh start 会失败，因为没有这个设备可以挂接 tap (/domain/devices/interface/source/@bridge)\n`);
    // Without ifcfg files the bridge is not judged.
    expect(run('check', file).status).toBe(0);
  });

  it('check: a broken XML is an error at its line and column', () => {
    const file = join(dir, 'broken.xml');
    writeFileSync(file, '<domain type="kvm">\n  <name>vm1</name\n</domain>\n');
    const result = run('check', file);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3:1: error: \\[xml\\] not well-formed XML: </name is not closed with ">"`));
  });

  it('check: a disk image that exists here is judged by its first bytes', () => {
    const image = join(dir, 'disk.img');
    writeFileSync(image, Buffer.from([0x51, 0x46, 0x49, 0xfb, 0, 0, 0, 3]));
    const file = join(dir, 'vm3.xml');
    writeFileSync(file, generateDomainXml({ ...DEFAULT_DOMAIN_CHOICES, diskPath: image, diskFormat: 'raw' }));
    const result = run('check', file);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('error: [diskFormatMismatch]');
    expect(result.stdout).toContain('its first bytes say so');
  });

  it('check: an unreadable file is one line and exit 2', () => {
    const result = run('check', join(dir, 'missing.xml'));
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`libvirt: ${join(dir, 'missing.xml')}: cannot read the domain XML: no such file or directory\n`);
    expect(run('check').stderr).toBe('libvirt: check needs a domain XML file (and optionally the ifcfg files of the host)\n');
  });

  it('--help lists every option', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    for (const option of ['--name', '--bridge', '--memory', '--vcpus', '--disk', '--format', '--mac', '--model', '--graphics', '--machine', '--cpu', '--lang']) {
      expect(result.stdout).toContain(option);
    }
  });
});

describe('npm run libvirt check on a hostile domain', { timeout: 30_000 }, () => {
  it('does not open a disk "image" that is a FIFO or a device (it would wait for ever), and judges it by its name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'libvirt-fifo-'));
    const fifo = join(dir, 'image.qcow2');
    spawnSync('mkfifo', [fifo]);
    const file = join(dir, 'vm.xml');
    writeFileSync(file, generateDomainXml({ ...DEFAULT_DOMAIN_CHOICES, diskPath: fifo, diskFormat: 'raw' }));
    const result = spawnSync(process.execPath, [CLI, 'check', file], { encoding: 'utf8', timeout: 10_000 });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('warning: [diskFormatMismatch]');
    expect(result.stdout).toContain('(by its name)');
  });
});
