/** `npm run pcode -- run` on a program that runs for a long time: it says so once, in-process with a test clock. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pcodeCommandLine, pcodeMain, type PcodeEnvironment } from '../../../lib/pcode/cli.ts';
import { inputFromText } from '../../../lib/pcode/input-on-demand.ts';
import { runMain } from '../../../lib/book/command-line.ts';

const dir = mkdtempSync(join(tmpdir(), 'pcode-long-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('an endless loop without --max-steps', { timeout: 30_000 }, () => {
  function environment(): PcodeEnvironment & { stderr: () => string } {
    let err = '';
    let now = 0;
    return {
      io: { out: () => {}, err: (t) => void (err += t) },
      input: inputFromText(''),
      lineBuffered: false,
      handleSignals: false,
      stillRunningAfterMs: 5000,
      clock: () => (now += 1000), // every look at the clock is a second later
      stderr: () => err,
    };
  }
  const long = file('long.pas', 'program g;\nvar i: integer;\nbegin\n  i := 0;\n  while i < 4000000 do i := i + 1\nend.\n');

  it('says once on stderr that it is still running and how to stop it', async () => {
    const env = environment();
    expect(await runMain(pcodeCommandLine, (a) => pcodeMain(a, env), ['run', long], env.io)).toBe(0);
    const notices = env.stderr().split('\n').filter((l) => l.includes('still running'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^pcode: still running after \d+ s \(\d+ P-instructions so far, now at source line 5\); Ctrl-C stops it, --max-steps N bounds a run$/);
  });

  it('says nothing with --max-steps', async () => {
    const env = environment();
    expect(await runMain(pcodeCommandLine, (a) => pcodeMain(a, env), ['run', '--max-steps', '100000000', long], env.io)).toBe(0);
    expect(env.stderr()).toBe('');
  });
});
