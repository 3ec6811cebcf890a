/**
 * Output and field widths: the machine delivers every character through `onOutput` and keeps only
 * a bounded tail in `output` (with a count of the lines it no longer shows); a field width beyond
 * `MAX_FIELD_WIDTH` is a runtime error with its source line on both engines, after the earlier
 * output has been delivered.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProgram, formatDiagnostic } from '../../../lib/pascal/index.ts';
import { DEFAULT_KEPT_OUTPUT, MAX_FIELD_WIDTH, PMachine } from '../../../lib/pcode/index.ts';
import type { PProgram } from '../../../lib/pcode/index.ts';
import { JitMachine } from '../../../lib/jit/index.ts';

function compiled(source: string): PProgram {
  const result = compileProgram(source);
  if (!result.program) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
  return result.program;
}

const lines = (count: number) =>
  compiled(`program lines;
var i: integer;
begin
  for i := 1 to ${count} do writeln(i:7)
end.`);

describe('output', () => {
  it('keeps the last keepOutput characters, whole lines, and counts the lines it dropped', () => {
    let delivered = '';
    const m = new PMachine(lines(1000), { keepOutput: 100, onOutput: (text) => (delivered += text) });
    expect(m.run(1e7)).toBe('halted');
    expect(delivered).toBe(Array.from({ length: 1000 }, (_, k) => `${String(k + 1).padStart(7)}\n`).join(''));
    expect(m.output.length).toBeLessThanOrEqual(125);
    expect(m.output.endsWith('   1000\n')).toBe(true);
    expect(delivered.endsWith(m.output)).toBe(true);
    // Whole lines only, and the count says how many came before them.
    expect(m.output.length % 8).toBe(0);
    expect(m.outputLinesNotShown).toBe(1000 - m.output.length / 8);
    m.reset();
    expect(m.output).toBe('');
    expect(m.outputLinesNotShown).toBe(0);
  });

  it('keeps 1 MiB by default, however much is written', () => {
    const m = new PMachine(lines(300_000)); // 2.4 MB of output
    expect(m.run(1e8)).toBe('halted');
    expect(m.output.length).toBeLessThanOrEqual(DEFAULT_KEPT_OUTPUT * 1.25);
    expect(m.output.length).toBeGreaterThanOrEqual(DEFAULT_KEPT_OUTPUT - 8);
    expect(m.outputLinesNotShown + m.output.length / 8).toBe(300_000);
  });

  it('keeps nothing with keepOutput 0 (a CLI streams it all), and a line cut in the middle counts', () => {
    let delivered = 0;
    const m = new PMachine(lines(5000), { keepOutput: 0, onOutput: (text) => (delivered += text.length) });
    m.run(1e7);
    expect(delivered).toBe(40_000);
    expect(m.output).toBe('');
    expect(m.outputLinesNotShown).toBe(5000);
    const oneLongLine = compiled("program long;\nvar i: integer;\nbegin\n  for i := 1 to 100 do write('abcdefghij')\nend.");
    const cut = new PMachine(oneLongLine, { keepOutput: 50 });
    cut.run(1e6);
    expect(cut.output).toBe('abcdefghij'.repeat(5));
    expect(cut.outputLinesNotShown).toBe(1);
  });

  it('the JIT keeps the same tail', async () => {
    const program = lines(300_000);
    const m = new PMachine(program, { keepOutput: 1000 });
    m.run(1e8);
    const jit = new JitMachine({ ...program, code: program.code.slice() }, { keepOutput: 1000, instantiate: 'sync', threshold: 5 });
    await jit.runToEnd();
    expect(jit.machine.output).toBe(m.output);
    expect(jit.machine.outputLinesNotShown).toBe(m.outputLinesNotShown);
  });
});

describe('field widths', () => {
  const source = `program wide;
begin
  writeln('before');
  writeln(1:2000000000)
end.`;

  it(`a width over ${MAX_FIELD_WIDTH} is a runtime error at its line, after the earlier output`, async () => {
    const program = compiled(source);
    const m = new PMachine(program);
    expect(m.run(1000)).toBe('error');
    expect(m.output).toBe('before\n');
    expect(m.error).toMatchObject({ code: 'fieldWidthTooLarge', params: { width: 2000000000, limit: MAX_FIELD_WIDTH }, line: 4 });
    expect(m.errorReport('en')).toMatch(/source line 4: field width 2000000000 is too large \(at most 100000\)/);
    expect(m.errorReport('zh-CN')).toMatch(/第 4 行：字段宽度 2000000000 太大/);
    const jit = new JitMachine({ ...program, code: program.code.slice() }, { instantiate: 'sync', threshold: 1 });
    expect(await jit.runToEnd()).toBe('error');
    expect(jit.machine.output).toBe('before\n');
    expect(jit.machine.error).toEqual(m.error);
  });

  it('every kind of write checks its width; the widest allowed one works', () => {
    for (const write of ["'x'", "'xy'", 'true', '7']) {
      const m = new PMachine(compiled(`program w;\nbegin\n  write(${write}:${MAX_FIELD_WIDTH + 1})\nend.`));
      expect(m.run(100)).toBe('error');
      expect(m.error?.code).toBe('fieldWidthTooLarge');
    }
    const m = new PMachine(compiled(`program w;\nbegin\n  write(7:${MAX_FIELD_WIDTH})\nend.`));
    expect(m.run(100)).toBe('halted');
    expect(m.output).toBe(`${' '.repeat(MAX_FIELD_WIDTH - 1)}7`);
  });
});

describe('the CLI streams what the machine writes', () => {
  const cli = join(import.meta.dirname, '../../../lib/pcode/cli.ts');
  const dir = mkdtempSync(join(tmpdir(), 'pcode-output-'));
  const run = (source: string, ...args: string[]) => {
    const file = join(dir, 'prog.pas');
    writeFileSync(file, source);
    return spawnSync(process.execPath, [cli, 'run', ...args, file], { encoding: 'utf8', maxBuffer: 1 << 26 });
  };

  for (const engine of ['interp', 'jit']) {
    it(`--engine ${engine}: every line of a long output, and a huge width as a one-line runtime error`, { timeout: 60_000 }, () => {
      const long = run('program lines;\nvar i: integer;\nbegin\n  for i := 1 to 300000 do writeln(i:1)\nend.\n', '--engine', engine);
      expect(long.status).toBe(0);
      const lines = long.stdout.split('\n');
      expect(lines).toHaveLength(300_001);
      expect(lines[299_999]).toBe('300000');
      const wide = run("program wide;\nbegin\n  writeln('before');\n  writeln(1:2000000000)\nend.\n", '--engine', engine);
      expect(wide.status).toBe(2);
      expect(wide.stdout).toBe('before\n');
      expect(wide.stderr.split('\n')[0]).toBe('runtime error at P-code address 6, source line 4: field width 2000000000 is too large (at most 100000)');
      expect(wide.stderr).not.toMatch(/RangeError|    at /);
    });
  }
});
