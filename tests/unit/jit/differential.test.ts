/**
 * The JIT never changes what a program does: the golden programs and 1,000 seeded random programs
 * give the same output, runtime errors (message, address, line, post-mortem) and instruction count
 * on the interpreter and on the JIT, in both modes and at several thresholds.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { compileProgram } from '../../../lib/pascal/index.ts';
import type { JitMode } from '../../../lib/jit/index.ts';
import { generateRandomProgram } from './random-program.ts';
import { runInterpreter, runJit } from './run-both.ts';

const goldenDir = 'tests/golden/pascal';
const golden = existsSync(goldenDir) ? readdirSync(goldenDir).filter((f) => f.endsWith('.pas')).sort() : [];

describe('golden programs: interpreter and JIT agree', () => {
  test('there are golden programs to compare', () => {
    expect(golden.length).toBeGreaterThan(10);
  });

  for (const file of golden) {
    test(file, async () => {
      const source = readFileSync(`${goldenDir}/${file}`, 'utf8');
      const inputFile = `${goldenDir}/${file.replace(/\.pas$/, '.in')}`;
      const input = existsSync(inputFile) ? readFileSync(inputFile, 'utf8') : '';
      const { program } = compileProgram(source);
      expect(program).toBeDefined();
      const expected = runInterpreter(program!, input, 50_000_000, 1 << 18);
      for (const [threshold, mode] of [
        [1, 'dispatcher'],
        [1, 'chaining'],
        [4, 'dispatcher'],
        [4, 'chaining'],
        [50, 'chaining'],
      ] as const) {
        const got = await runJit(program!, input, 50_000_000, 1 << 18, { threshold, mode, instantiate: 'sync' });
        expect({ ...got, jit: undefined }, `${mode} at threshold ${threshold}`).toEqual({ ...expected, jit: undefined });
      }
    });
  }
});

describe('1,000 random programs: interpreter and JIT agree', () => {
  const modes: JitMode[] = ['dispatcher', 'chaining'];
  const thresholds = [1, 2, 7];
  for (let chunk = 0; chunk < 10; chunk++) {
    test(`seeds ${chunk * 100 + 1}..${chunk * 100 + 100}`, async () => {
      let compiled = 0;
      let translatedSome = 0;
      for (let seed = chunk * 100 + 1; seed <= chunk * 100 + 100; seed++) {
        const { program, diagnostics } = compileProgram(generateRandomProgram(seed));
        expect(diagnostics, `seed ${seed}`).toEqual([]);
        compiled++;
        const expected = runInterpreter(program!, '', 200_000, 4096);
        // Each program runs twice: in both modes, at two different thresholds.
        for (const variant of [0, 1]) {
          const got = await runJit(program!, '', 200_000, 4096, {
            threshold: thresholds[(seed + variant) % thresholds.length]!,
            mode: modes[(seed + variant) % 2]!,
            instantiate: seed % 10 === variant ? 'async' : 'sync',
            sliceBudget: seed % 10 === variant ? 200 : 5000,
          });
          if (got.jit.stats().tiers.interpreter < got.steps) translatedSome++;
          expect({ ...got, jit: undefined }, `seed ${seed}, variant ${variant}`).toEqual({ ...expected, jit: undefined });
        }
      }
      expect(compiled).toBe(100);
      // The comparison means something only if compiled code actually ran.
      expect(translatedSome).toBeGreaterThan(100);
    });
  }
});
