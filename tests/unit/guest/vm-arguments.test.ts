import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { parseVmArguments } from '../../../lib/guest/vm-arguments.ts';

describe('npm run vm: arguments', () => {
  test('--exec, --cold and --timeout', () => {
    expect(parseVmArguments(['--exec', 'uname -a', '--cold', '--timeout', '7.5'])).toEqual({
      ok: true,
      options: { exec: 'uname -a', cold: true, timeoutSeconds: 7.5, help: false },
    });
    expect(parseVmArguments(['--timeout=30'])).toMatchObject({ ok: true, options: { timeoutSeconds: 30 } });
  });

  test.each(['abc', '0', '-1', '', 'Infinity', '1e999'])('--timeout %j is refused with a message that names it', (value) => {
    const parsed = parseVmArguments(['--exec', 'true', '--timeout', value]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(value === '' ? /--timeout needs a number of seconds$/ : new RegExp(`--timeout .*"${value}"`));
  });

  test('a missing value is refused', () => {
    expect(parseVmArguments(['--timeout'])).toEqual({ ok: false, problem: '--timeout needs a number of seconds' });
    expect(parseVmArguments(['--exec'])).toEqual({ ok: false, problem: '--exec needs a command' });
  });

  test('the CLI says what is wrong, exits with status 2 and starts no VM', () => {
    const run = spawnSync(process.execPath, ['lib/guest/cli.ts', '--exec', 'true', '--timeout', 'abc'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toContain('vm: --timeout needs a number of seconds greater than 0, not "abc"');
    expect(run.stderr).not.toMatch(/NaN/);
    expect(run.status).toBe(2);
  });
});
