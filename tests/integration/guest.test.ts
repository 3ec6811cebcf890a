/**
 * The lab VM as chapters 4–7 use it, on the state built by `npm run guest`.
 * One VM serves the whole file; each test cleans up what it creates.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LabVM } from '../../lib/guest/index.ts';
import { join } from 'node:path';
import { DEFAULT_GUEST_DIR, loadNodeV86, readGuestManifest, startNodeLabVM } from '../../lib/guest/node.ts';

let vm: LabVM;

beforeAll(async () => {
  vm = await startNodeLabVM();
}, 300_000);

afterAll(async () => {
  await vm?.destroy();
});

async function sh(command: string, timeoutMs = 60_000): Promise<{ output: string; status: number }> {
  const result = await vm.run(command, { timeoutMs });
  expect(result.timedOut, `"${command}" timed out; output so far:\n${result.output}`).toBeFalsy();
  return result;
}

describe('the machine', () => {
  test('starts from the saved state', () => {
    expect(vm.mode).toBe('restored');
  });

  test('is a 32-bit x86 running the kernel the build chose (Debian 686, or the lab kernel from linux-source-6.1)', async () => {
    expect((await sh('uname -m')).output).toBe('i686\n');
    const release = readGuestManifest().kernel === 'lab' ? /^6\.1\.\d+-lab-686\n$/ : /^6\.1\.0-\d+-686\n$/;
    expect((await sh('uname -r')).output).toMatch(release);
  });

  test('sleeps as long as asked: the kernel has the 32-bit time_t calls Debian’s i386 userland uses', async () => {
    const [before, after] = (await sh('cut -d" " -f1 /proc/uptime; sleep 6; cut -d" " -f1 /proc/uptime')).output.trim().split('\n').map(Number);
    expect(after - before).toBeGreaterThanOrEqual(6);
  });

  test('hostname is lab', async () => {
    expect((await sh('hostname')).output).toBe('lab\n');
  });

  test('/proc/cpuinfo names the CPU as the lab VM page does, in both editions', async () => {
    const modelName = /^model name\s*: (.+)$/m.exec((await sh('cat /proc/cpuinfo')).output)?.[1];
    expect(modelName).toBe('Pentium III (Katmai)');
    for (const page of ['content/docs/lab-vm.mdx', 'content/docs/zh-cn/lab-vm.mdx']) {
      expect(readFileSync(page, 'utf8'), page).toContain(`“${modelName}”`);
    }
  });

  test('the CPU offers no VT-x or AMD-V', async () => {
    const result = await sh("grep -c -E 'vmx|svm' /proc/cpuinfo");
    expect(result.output).toBe('0\n');
  });
});

describe('LabVM.run', () => {
  test('returns the exit status', async () => {
    expect((await sh('true')).status).toBe(0);
    expect((await sh('false')).status).toBe(1);
    expect((await sh('sh -c "exit 7"')).status).toBe(7);
  });

  test('the console shows which command ran, and its output is only the command’s', async () => {
    const result = await sh('echo shown-$((20 + 1))\necho second-line');
    expect(result.output).toBe('shown-21\nsecond-line\n');
    expect(vm.consoleText).toMatch(/lab_run '\/mnt\/host\/\.lab\/run-\d+\.sh' # echo shown-\$\(\(20 \+ 1\)\) \.\.\.\r?\n/);
  });

  test('keeps the shell state between runs', async () => {
    await sh('cd /tmp; LAB_TEST_VALUE=kept');
    expect((await sh('pwd; echo $LAB_TEST_VALUE; cd')).output).toBe('/tmp\nkept\n');
  });

  test('runs multi-line commands and keeps UTF-8', async () => {
    const result = await sh('for n in 1 2 3; do\n  echo "line $n ✓"\ndone');
    expect(result.output).toBe('line 1 ✓\nline 2 ✓\nline 3 ✓\n');
  });

  test('returns output without a trailing newline as is', async () => {
    expect((await sh('printf abc')).output).toBe('abc');
  });

  test('stops a command that runs too long', async () => {
    const result = await vm.run('sleep 30', { timeoutMs: 1500 });
    expect(result.timedOut).toBe(true);
    expect(result.status).toBe(124);
    expect((await sh('echo still-here')).output).toBe('still-here\n');
  });

  test('a command that prints a run marker of its own cannot end its run early or fake its status', async () => {
    const result = await vm.run("printf 'before\\n\\033]6973;E0\\007'; echo after; exit 5");
    expect(result.status).toBe(5);
    expect(result.output).toBe('before\n\x1b]6973;E0\x07after\n');
    await vm.waitForPrompt(30_000);
  });

  test('an interrupted command’s output ends where it was interrupted: no prompt, no terminal query', async () => {
    const result = await vm.run('echo started; sleep 30', { timeoutMs: 3000 });
    expect(result.timedOut).toBe(true);
    expect(result.output).toBe('started\n');
  });

  test('survives a command that exits the shell', async () => {
    const result = await sh('exit 3');
    expect(result.status).toBe(3);
    await vm.waitForPrompt(30_000);
    expect((await sh('echo back')).output).toBe('back\n');
  });
});

describe('the 9p share at /mnt/host', () => {
  test('a host file is readable in the guest', async () => {
    await vm.writeFile('tests/from-host.txt', 'hello from the host\n');
    expect((await sh('cat /mnt/host/tests/from-host.txt')).output).toBe('hello from the host\n');
  });

  test('a guest file is readable on the host', async () => {
    await sh('mkdir -p /mnt/host/tests && echo "hello from the guest" > /mnt/host/tests/from-guest.txt');
    expect(new TextDecoder().decode(await vm.readFile('tests/from-guest.txt'))).toBe('hello from the guest\n');
  });

  test('rewriting a file replaces its contents', async () => {
    await vm.writeFile('tests/rewrite.txt', 'first version, longer\n');
    await vm.writeFile('tests/rewrite.txt', 'second\n');
    expect((await sh('cat /mnt/host/tests/rewrite.txt')).output).toBe('second\n');
  });

  test('reading a missing file is an error that names it', async () => {
    await expect(vm.readFile('tests/no-such-file')).rejects.toThrow(/no-such-file/);
  });
});

describe('chapter 6: namespaces, cgroups, other roots', () => {
  test('a new PID namespace starts at PID 1', async () => {
    expect((await sh("unshare --pid --fork --mount-proc sh -c 'echo $$; ps -o pid,comm | tail -n +2'")).output).toMatch(/^1\n\s*1 sh/);
  });

  test('unshare --pid --fork --mount-proc: the child is PID 1 and the command exits cleanly', async () => {
    // BusyBox's unshare died with "Segmentation fault" (status 139) here once its child exited.
    const result = await sh("unshare --pid --fork --mount-proc sh -c 'echo $$'");
    expect(result.output).toBe('1\n');
    expect(result.status).toBe(0);
  });

  test('nsenter -p joins a PID namespace and exits cleanly', async () => {
    const result = await sh(
      [
        // The namespace's init blocks on a FIFO rather than sleeping for a time, so it outlives the check
        // however slow the emulated machine is, forks nothing (the joined shell is PID 2), and ends by
        // itself (status 0) when a line arrives.
        "( rm -f /tmp/pidns-go; mkfifo /tmp/pidns-go; unshare --pid --fork --mount-proc sh -c 'read line < /tmp/pidns-go' &",
        "  pid=; while [ -z \"$pid\" ]; do sleep 1; pid=$(ps -o pid,args | awk '$2 == \"sh\" && /pidns-g[o]/ { print $1 }' | tail -n 1); done",
        "  nsenter -t $pid -p -m sh -c 'echo $$; ps -o pid,args | grep -c \"^ *1 sh -c read\"'; echo status $?",
        '  echo go > /tmp/pidns-go; wait )',
      ].join('\n'),
    );
    expect(result.output).toBe('2\n1\nstatus 0\n');
  });

  test('unshare and nsenter are util-linux’s, not BusyBox’s', async () => {
    expect((await sh('unshare --version; nsenter --version')).output).toMatch(/^unshare from util-linux [\d.]+\nnsenter from util-linux [\d.]+\n$/);
  });

  test('a UTS namespace has its own hostname, and nsenter joins it', async () => {
    const result = await sh(
      // In a subshell, so the interactive shell prints no job notice when the sleeper ends.
      "( unshare --uts sh -c 'hostname inner; exec sleep 20' & pid=$!; sleep 1; nsenter -t $pid -u hostname; hostname; kill $pid )",
    );
    expect(result.output).toBe('inner\nlab\n');
  });

  test('a network namespace starts with only lo', async () => {
    expect((await sh("unshare --net ip -o link | awk -F': ' '{print $2}'")).output).toBe('lo\n');
  });

  test('a veth pair reaches into a netns and ping crosses it', async () => {
    const result = await sh(
      [
        'ip link add v0 type veth peer name v1',
        'ip netns add labtest',
        'ip link set v1 netns labtest',
        'ip addr add 10.99.0.1/24 dev v0 && ip link set v0 up',
        'ip netns exec labtest ip addr add 10.99.0.2/24 dev v1',
        'ip netns exec labtest ip link set v1 up',
        'ping -c 1 -W 5 10.99.0.2; status=$?',
        'ip link del v0; ip netns del labtest',
        'exit_status=$status; (exit $exit_status)',
      ].join('\n'),
    );
    expect(result.output).toContain('1 packets received');
    expect(result.status).toBe(0);
  });

  test('cgroup v2 memory.max makes the OOM killer act, counted in memory.events', async () => {
    const result = await sh(
      [
        'mkdir /sys/fs/cgroup/labtest',
        'echo 8M > /sys/fs/cgroup/labtest/memory.max',
        "sh -c 'echo $$ > /sys/fs/cgroup/labtest/cgroup.procs; exec dd if=/dev/zero of=/dev/null bs=48M count=1' 2>/dev/null",
        'grep oom_kill /sys/fs/cgroup/labtest/memory.events',
        'rmdir /sys/fs/cgroup/labtest',
      ].join('\n'),
    );
    expect(result.output).toMatch(/^oom_kill [1-9]/m);
  });

  test('chroot and pivot_root reach a root that says another distribution, same kernel', async () => {
    const host = (await sh('uname -r')).output;
    const chrooted = await sh("chroot /srv/otherroot sh -c '. /etc/os-release; echo $NAME; uname -r'");
    expect(chrooted.output).toBe(`Other Linux\n${host}`);
    const pivoted = await sh(
      "unshare --mount sh -c 'mount --bind /srv/otherroot /srv/otherroot && cd /srv/otherroot && pivot_root . old && . /etc/os-release && echo $NAME'",
    );
    expect(pivoted.output).toBe('Other Linux\n');
    expect((await sh('. /etc/os-release; echo $NAME')).output).toBe('Lab VM\n');
  });
});

describe('chapter 7: bridge, veth, KVM modules', () => {
  test('bridge, stp, llc and veth are loaded; kvm_intel refuses without VT-x', async () => {
    const modules = (await sh("lsmod | awk '{print $1}'")).output.split('\n');
    for (const name of ['bridge', 'stp', 'llc', 'veth', 'virtio_console', '9pnet_virtio']) expect(modules).toContain(name);
    const kvm = await vm.run('modprobe kvm_intel');
    expect(kvm.status).not.toBe(0);
    expect(kvm.output).toMatch(/kvm.intel/);
  });

  test('a bridge with eth0 as a port shows in brctl and ip -d link', async () => {
    const result = await sh(
      [
        'ip link add br0 type bridge',
        'ip link set eth0 master br0',
        'brctl show',
        'ip -d link show br0',
        'ip addr show dev br0 >/dev/null',
        'ip link set eth0 nomaster; ip link del br0',
      ].join('\n'),
    );
    expect(result.output).toMatch(/^br0\s+8000\.[0-9a-f]{12}\s+no\s+eth0$/m);
    expect(result.output).toMatch(/bridge forward_delay/);
  });

  test('eth0 is the emulated NE2000 (RTL8029) card', async () => {
    expect((await sh('cat /sys/class/net/eth0/device/uevent')).output).toContain('PCI_ID=10EC:8029');
  });

  test('/etc/sysconfig/network-scripts exists for the ifcfg files', async () => {
    expect((await sh('test -d /etc/sysconfig/network-scripts && echo yes')).output).toBe('yes\n');
  });
});

describe('chapter 4: emulated and virtio devices', () => {
  test('bytes written to hvc0 (virtio-console) reach the host', async () => {
    let received = 0;
    const listener = (bytes: Uint8Array) => {
      received += bytes.length;
    };
    vm.emulator.add_listener('virtio-console0-output-bytes', listener as (value: never) => void);
    await sh('stty -F /dev/hvc0 raw -echo; dd if=/dev/zero of=/dev/hvc0 bs=1k count=16 2>/dev/null');
    vm.emulator.remove_listener('virtio-console0-output-bytes', listener as (value: never) => void);
    expect(received).toBe(16 * 1024);
  });

  test('bytes written to ttyS1 (a 16550 UART) reach the host', async () => {
    let received = 0;
    const listener = () => {
      received += 1;
    };
    vm.emulator.add_listener('serial1-output-byte', listener as (value: never) => void);
    await sh('stty -F /dev/ttyS1 raw -echo; dd if=/dev/zero of=/dev/ttyS1 bs=1k count=4 2>/dev/null');
    vm.emulator.remove_listener('serial1-output-byte', listener as (value: never) => void);
    expect(received).toBe(4 * 1024);
  });

  test('clock-us gives microsecond time stamps that advance', async () => {
    const [first, second] = (await sh('clock-us; sleep 1; clock-us')).output.trim().split('\n').map(Number);
    expect(second - first).toBeGreaterThan(900_000);
  });
});

describe('save and restore', () => {
  test('a file the reader created survives save → change → restore', async () => {
    await sh('echo mine > /root/keep.txt');
    const state = await vm.saveState();
    await sh('rm /root/keep.txt');
    await vm.restoreState(state);
    expect((await sh('cat /root/keep.txt')).output).toBe('mine\n');
    await sh('rm /root/keep.txt');
  });
});

describe('a machine saved with a command line typed but not sent', () => {
  /** Types `line` without Enter and saves the machine once the line editor shows it. */
  async function saveWithTypedLine(line: string): Promise<ArrayBuffer> {
    vm.sendInput(line);
    await expect.poll(() => vm.consoleText.endsWith(line), { timeout: 10_000 }).toBe(true);
    const state = await vm.saveState();
    // Ctrl-E, Ctrl-U: this machine's line is dropped too.
    vm.sendInput('\x05\x15');
    return state;
  }

  test('restored into the running VM: the line is not run, and the screen is kept (the prompt comes on a new line)', async () => {
    const state = await saveWithTypedLine('touch /root/typed-not-sent');
    let shown = '';
    const stop = vm.onOutput((bytes) => (shown += new TextDecoder().decode(bytes)));
    await vm.restoreState(state);
    await vm.clockSynced;
    stop();
    expect((await sh('ls /root/typed-not-sent 2>/dev/null; echo listed')).output).toBe('listed\n');
    expect(shown).not.toMatch(/\x1b\[H|\x1b\[2J/);
    expect(shown).toMatch(/\nroot@lab:~# $/);
  });

  test('powered on from it (Resume while off): the line is not run', async () => {
    const state = await saveWithTypedLine('touch /root/typed-not-sent');
    const { V86, wasmPath } = await loadNodeV86();
    const manifest = readGuestManifest();
    const fileBuffer = (name: string) => {
      const bytes = readFileSync(join(DEFAULT_GUEST_DIR, name));
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    };
    const resumed = await LabVM.start({ V86, wasm: { path: wasmPath }, machine: manifest.machine, bios: { buffer: fileBuffer(manifest.files.bios.name) }, state });
    try {
      expect(resumed.mode).toBe('restored');
      await resumed.clockSynced;
      expect((await resumed.run('ls /root/typed-not-sent 2>/dev/null; echo listed')).output).toBe('listed\n');
    } finally {
      await resumed.destroy();
    }
  });
});

describe('the clock after a restore', () => {
  test('a command typed the moment the prompt is back runs with the host’s clock, not the snapshot’s', async () => {
    const published = readFileSync(join(DEFAULT_GUEST_DIR, readGuestManifest().files.state.name));
    await vm.restoreState(published.buffer.slice(published.byteOffset, published.byteOffset + published.byteLength) as ArrayBuffer);
    // Typed before the clock is set: it must still run after.
    vm.sendInput('date +%s > /tmp/typed-date\n');
    const guestSeconds = Number((await sh('cat /tmp/typed-date; rm /tmp/typed-date')).output);
    await vm.clockSynced;
    expect(Math.abs(guestSeconds - Date.now() / 1000)).toBeLessThan(60);
  });
});
