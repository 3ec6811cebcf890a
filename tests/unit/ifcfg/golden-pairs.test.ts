import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Pairs judged through the CLI, the way the real tools would judge them: exit status 1 when at least
// one tool would not build the bridge as written, 0 otherwise, and the rule that explains why.
const CLI = join(import.meta.dirname, '../../../lib/ifcfg/cli.ts');
const PAIRS = join(import.meta.dirname, '../../golden/ifcfg/pairs');

describe('golden pairs through `npm run ifcfg -- check`', () => {
  for (const name of readdirSync(PAIRS).sort()) {
    const dir = join(PAIRS, name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { exit: number; rules: string[] };
    it(`${name}: exit ${expected.exit}${expected.rules.length ? `, ${expected.rules.join(', ')}` : ''}`, () => {
      const files = readdirSync(dir).filter((f) => f.startsWith('ifcfg-')).map((f) => join(dir, f));
      const result = spawnSync(process.execPath, [CLI, 'check', ...files], { encoding: 'utf8' });
      expect(result.status, result.stdout).toBe(expected.exit);
      const lines = result.stdout.split('\n').filter(Boolean);
      for (const line of lines) expect(line).toMatch(/^.+:\d+: (error|warning): \[[a-z0-9-]+\] \S/);
      for (const rule of expected.rules) expect(result.stdout).toMatch(new RegExp(`: error: \\[${rule}\\]`));
      if (expected.exit === 0) expect(result.stdout).not.toContain(': error: ');
    });
  }
});
