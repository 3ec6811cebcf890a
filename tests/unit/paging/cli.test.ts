import { describe, expect, test } from 'vitest';
import { runPagingCli } from '../../../lib/paging/cli.ts';

describe('npm run paging', () => {
  test('walk prints the references of both ways', () => {
    const { out, code } = runPagingCli(['walk', '--guest-levels', '4', '--host-levels', '4']);
    expect(code).toBe(0);
    expect(out).toMatch(/^nested: 24 references/m);
    expect(out).toMatch(/^shadow: 4 references/m);
  });

  test('compare prints the three ways and the winner, in either edition', () => {
    expect(runPagingCli(['compare', '--workload', 'tlb-misses']).out).toContain('faster virtualized way: shadow paging');
    expect(runPagingCli(['compare', '--workload', 'context-switches', '--lang', 'zh-CN']).out).toContain('更快的虚拟化方式：嵌套页表');
  });

  test('bad arguments say what is wrong and exit 2', () => {
    for (const args of [
      ['walk', '--guest-levels', '0', '--host-levels', '4'],
      ['walk', '--guest-levels', '4'],
      ['compare', '--workload', 'nope'],
      ['compare', '--workload', 'tlb-misses', '--cost', 'vmExit=1e9'],
      ['compare', '--workload', 'tlb-misses', '--cost', 'bogus=1'],
      ['compare', '--workload', 'tlb-misses', '--tlb', 'x'],
      ['fly'],
      [],
      ['walk', '--frobnicate'],
    ]) {
      const { out, code } = runPagingCli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(out.split('\n')[0], args.join(' ')).toMatch(/^paging: /);
    }
  });

  test('--help exits 0 with the usage', () => {
    expect(runPagingCli(['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('usage: npm run paging') });
  });
});
