import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { runVirtioCli } from '../../../lib/virtio/cli.ts';
import { DEFAULT_VIRTIO_SCENARIO, ioPathCosts, perRequest, runVirtioScenario } from '../../../lib/virtio/index.ts';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const status = await runVirtioCli(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { status, out, err };
}

describe('the virtio CLI', () => {
  it('prints exits per request on every path, from the engine\'s run of the ring', async () => {
    const run = await cli('--batch', '8', '--budget', '4');
    expect(run.status).toBe(0);
    const { counts } = runVirtioScenario({ ...DEFAULT_VIRTIO_SCENARIO, batch: 8, deviceBudget: 4 });
    const vhost = perRequest(ioPathCosts('console', counts, 4096, { apicv: false }).vhost!, counts.requests);
    expect(counts.notificationsSent).toBe(1);
    expect(run.out).toContain(`ring: 1 notification (${counts.notificationsSuppressed} suppressed), ${counts.interruptsSent} interrupts`);
    expect(run.out).toMatch(new RegExp(`\\| vhost \\(back end in the host kernel\\) \\| ${vhost.vmExits.toFixed(2).replace('.', '\\.')} \\| 0 \\| 0 \\|`));
    expect(run.out).toMatch(/\| emulated device \(16550A UART in QEMU\) \| 5,635 \| 5,123 \|/);
  });

  it('speaks Chinese with --lang zh-CN', async () => {
    const run = await cli('--lang', 'zh-CN', '--apicv');
    expect(run.out).toContain('| 设备直通（IOMMU，SR-IOV VF） | 0 | 0 | 0 | 1 | 0 |');
    expect(run.out).toMatch(/^64 个请求，每个 4096 字节/);
  });

  it('traces the ring step by step', async () => {
    const run = await cli('trace', '--device', 'blk', '--queue-size', '8', '--requests', '2', '--bytes', '512');
    expect(run.status).toBe(0);
    const lines = run.out.trimEnd().split('\n');
    expect(lines[0]).toBe('   1  Driver: request 0 goes into descriptors 0, 1, 2; its head 0 into avail.ring[0]. The device cannot see it yet.');
    expect(lines.at(-1)).toMatch(/Every request is done and taken back\.$/);
  });

  it('rejects bad arguments with one line and status 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--batch', '0'], /^virtio: --batch takes a whole number from 1 to 256, not "0"\n$/],
      [['--queue-size', '6'], /^virtio: the queue size must be a power of 2 from 1 to 1024 \(it is 6\)\n$/],
      [['--suppression', 'flags', '--interrupt-every', '4'], /^virtio: interrupt coalescing needs VIRTIO_F_EVENT_IDX/],
      [['--device', 'net'], /^virtio: --device takes console or blk, not "net"\n$/],
      [['--device', 'blk', '--queue-size', '2'], /^virtio: a request takes 3 descriptors, more than the queue's 2\n$/],
      [['frobnicate'], /^virtio: unknown command "frobnicate" \(exits or trace\)\n$/],
      [['--steps', '5'], /^virtio: --steps applies to trace\n$/],
      [['--lang', 'zh-CN', '--queue-size', '6'], /^virtio: 队列大小必须是 1 到 1024 之间的 2 的幂（现在是 6）\n$/],
    ];
    for (const [args, message] of cases) {
      const run = await cli(...args);
      expect({ args, status: run.status, out: run.out }).toEqual({ args, status: 2, out: '' });
      expect(run.err).toMatch(message);
    }
  });

  it('runs as npm run virtio does, with --help', { timeout: 30_000 }, () => {
    const run = spawnSync(process.execPath, ['lib/virtio/cli.ts', '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('usage: npm run virtio --');
    expect(run.stdout).toContain('--suppression');
  });
});
