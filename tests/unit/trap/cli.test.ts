import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { compareStrategies, formatComparisonTable } from '../../../lib/trap/index.ts';

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['lib/trap/cli.ts', ...args], { encoding: 'utf8' });
}

describe('the trap CLI', () => {
  it('prints the comparison as a Markdown table, with the settings applied', () => {
    const run = cli('io', '--pv-batch', '64');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('### io');
    // 64 words in one DISK_WRITE, then DISK_COMMIT, CONSOLE_WRITE, SHUTDOWN.
    expect(run.stdout).toMatch(/\| paravirtualization \| yes \| \d+ \| [\d.]+× \| 0 \| 0 \| 4 \|/);
    expect(run.stdout).not.toContain('### timer');
  });

  it('shows the trap-and-emulate bug, and its fix with --trap POPF', () => {
    expect(cli('timer').stdout).toContain('| trap-and-emulate | no: races = 19 (bare metal: 0) |');
    expect(cli('timer', '--trap', 'POPF').stdout).toMatch(/\| trap-and-emulate \| yes \|/);
  });

  it('words the table in the Chinese edition with --lang zh-CN', () => {
    const run = cli('timer', '--lang', 'zh-CN');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('| 策略 | 与裸机一致 |');
    expect(run.stdout).toMatch(/\| trap-and-emulate \| 否：竞争 = 19（裸机：0） \|/);
    expect(run.stdout).toMatch(/\| bare-metal \| 是 \|/);
  });

  it('prints a workload source, and rejects bad arguments with exit status 2', () => {
    expect(cli('--source', 'io', '--paravirtual').stdout).toContain('HYPERCALL HC_DISK_WRITE');
    const bad = cli('--cost', 'trap=lots');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^trap: --cost takes KEY=CYCLES with KEY one of instruction, .* not "trap=lots"\n$/);
  });

  it('formats exactly one row per strategy', () => {
    const rows = compareStrategies('syscalls');
    if (!Array.isArray(rows)) throw new Error('engine failed');
    expect(formatComparisonTable(rows).split('\n')).toHaveLength(2 + 5);
  });
});

describe('the trap CLI checks its arguments', () => {
  it('a cost is KEY=CYCLES with at most the lab\'s 1000000 cycles', { timeout: 30_000 }, () => {
    for (const pair of ['trap=1=2', 'trap=1e23', 'trap=1000001', 'warp=5']) {
      const run = cli('--cost', pair);
      expect({ pair, status: run.status, stdout: run.stdout }).toEqual({ pair, status: 2, stdout: '' });
      expect(run.stderr).toMatch(new RegExp(`^trap: --cost takes KEY=CYCLES .* not "${pair}"\\n$`));
    }
    expect(cli('io', '--cost', 'trap=1000000').status).toBe(0);
  });

  it('--help prints the usage and the options', { timeout: 30_000 }, () => {
    const run = cli('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('usage: npm run trap');
    expect(run.stdout).toMatch(/--pv-batch N +words per para-virtual disk hypercall \(default 8\) \(1, 2, 4, 8, 16, 32 or 64\)/);
  });
});
