import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';

function pcode(args: string[], input = '') {
  const r = spawnSync(process.execPath, ['lib/pcode/cli.ts', ...args], { input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run pcode -- run --engine jit', () => {
  test('same output, exit code and instruction count as the interpreter, plus JIT statistics', () => {
    const interp = pcode(['run', '--stats', 'tests/golden/pascal/fib.pas']);
    const jit = pcode(['run', '--engine', 'jit', '--stats', 'tests/golden/pascal/fib.pas']);
    expect(jit.status).toBe(0);
    expect(jit.stdout).toBe(interp.stdout);
    expect(jit.stderr.split('\n')[0]).toBe(interp.stderr.split('\n')[0]);
    expect(jit.stderr).toMatch(/translations: [1-9]/);
    expect(jit.stderr).toMatch(/cache: \d+ hits, \d+ misses/);
    expect(jit.stderr).toMatch(/instructions per tier: interpreter \d+, tier 1 \(dispatcher\) \d+, tier 2 \(chained\) [1-9]\d*/);
  });

  test('runtime errors: same message on stderr and exit code 2', () => {
    const source = 'tests/golden/pascal/gcd.pas';
    const bad = pcode(['run', '--engine=jit', source], 'x\n');
    const ref = pcode(['run', source], 'x\n');
    expect(bad.status).toBe(ref.status);
    expect(bad.stderr).toBe(ref.stderr);
  });

  test('an unknown engine is a usage error', () => {
    expect(pcode(['run', '--engine', 'fast', 'tests/golden/pascal/hello.pas']).status).toBe(64);
  });
});
