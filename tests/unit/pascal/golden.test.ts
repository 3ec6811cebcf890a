/**
 * Golden programs: each tests/golden/pascal/NAME.pas runs with NAME.in as input and must print
 * exactly NAME.out, which was produced by Free Pascal 3.2.2 in ISO mode (fpc -Miso).
 * errors/NAME.pas must fail to compile with exactly the diagnostics in errors/NAME.err.
 * runtime/NAME.pas must stop with the runtime error in runtime/NAME.err after printing runtime/NAME.out.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProgram, formatDiagnostic } from '../../../lib/pascal/index.ts';
import { PMachine } from '../../../lib/pcode/index.ts';

const root = join(import.meta.dirname, '../../golden/pascal');
const read = (path: string) => readFileSync(path, 'utf8');
const optional = (path: string) => (existsSync(path) ? read(path) : '');
const programs = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.pas'))
    .map((f) => f.slice(0, -4))
    .sort();

function runToEnd(source: string, input: string) {
  const result = compileProgram(source);
  expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
  const machine = new PMachine(result.program!, { input });
  let outcome = machine.run(50_000_000);
  while (outcome === 'budget') outcome = machine.run(50_000_000);
  return { machine, outcome };
}

describe('golden programs agree with Free Pascal (fpc -Miso)', () => {
  const names = programs(root);
  it('has at least 25 of them', () => {
    expect(names.length).toBeGreaterThanOrEqual(25);
  });
  for (const name of names) {
    it(name, () => {
      const { machine, outcome } = runToEnd(read(join(root, `${name}.pas`)), optional(join(root, `${name}.in`)));
      expect(machine.errorReport()).toBe('');
      expect(outcome).toBe('halted');
      expect(machine.output).toBe(read(join(root, `${name}.out`)));
    });
  }
});

describe('programs that must not compile', () => {
  const dir = join(root, 'errors');
  const names = programs(dir);
  it('has at least 15 of them', () => {
    expect(names.length).toBeGreaterThanOrEqual(15);
  });
  for (const name of names) {
    it(name, () => {
      const result = compileProgram(read(join(dir, `${name}.pas`)));
      expect(result.program).toBeUndefined();
      const expected = read(join(dir, `${name}.err`)).trimEnd().split('\n');
      expect(result.diagnostics.map(formatDiagnostic)).toEqual(expected);
    });
  }
});

describe('programs that stop with a runtime error', () => {
  const dir = join(root, 'runtime');
  for (const name of programs(dir)) {
    it(name, () => {
      const { machine, outcome } = runToEnd(read(join(dir, `${name}.pas`)), optional(join(dir, `${name}.in`)));
      expect(outcome).toBe('error');
      expect(machine.output).toBe(read(join(dir, `${name}.out`)));
      const report = machine.errorReport();
      expect(report.split('\n')[0]).toBe(read(join(dir, `${name}.err`)).trimEnd());
      // The post-mortem names the call chain, ending with the main program and its variables.
      expect(report).toContain('call chain (innermost first):');
      expect(report).toMatch(/\n {2}program \w+ at line \d+ \(BP=0\)/);
    });
  }
});
