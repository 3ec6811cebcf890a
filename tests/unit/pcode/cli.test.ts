/** The CLI (`npm run pcode -- …`): exit codes, stdin/stdout, diagnostics and post-mortems on stderr. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = join(import.meta.dirname, '../../../lib/pcode/cli.ts');
const dir = mkdtempSync(join(tmpdir(), 'pcode-cli-'));

function pcode(args: string[], input = '') {
  const result = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('npm run pcode', { timeout: 30_000 }, () => {
  it('words compile, assembly and runtime errors in Chinese with --lang zh-CN', () => {
    const bad = file('bad-zh.pas', 'program bad;\nbegin\n  x := 1\nend.\n');
    expect(pcode(['run', bad, '--lang', 'zh-CN'])).toEqual({ code: 1, stdout: '', stderr: `${bad}:3:3: error: 未知的标识符 x\n` });
    const div = file('div-zh.pas', 'program d(output);\nvar z: integer;\nbegin\n  z := 0;\n  writeln(1 div z)\nend.\n');
    const failed = pcode(['run', div, '--lang=zh-CN']);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/^运行时错误，位于 P-code 地址 \d+，源代码第 5 行：除以零\n调用链（最内层在前）：\n {2}程序 d，第 5 行（BP=0）\n {4}z = 0\n$/);
    const asm = file('bad-zh.pcode', 'FLY 1\n');
    expect(pcode(['run-asm', asm, '--lang', 'zh-CN']).stderr).toBe(`${asm}:1: error: 未知的指令 FLY\n${asm}:1: error: 程序里没有指令\n`);
    expect(pcode(['run', bad, '--lang', 'fr'])).toMatchObject({ code: 64, stderr: 'pcode: --lang takes en or zh-CN, not "fr"\n' });
  });

  it('runs a program with stdin as input and exits 0', () => {
    const prog = file('sum.pas', 'program sum(input, output);\nvar a, b: integer;\nbegin\n  read(a, b);\n  writeln(a + b)\nend.\n');
    expect(pcode(['run', prog], '40 2\n')).toEqual({ code: 0, stdout: '         42\n', stderr: '' });
  });

  it('prints compile errors as FILE:LINE:COL: error: … and exits 1', () => {
    const prog = file('bad.pas', 'program bad;\nbegin\n  x := 1\nend.\n');
    const result = pcode(['run', prog]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${prog}:3:3: error: unknown identifier x\n`);
  });

  it('prints a runtime error with its post-mortem and exits 2, keeping the output so far', () => {
    const prog = file('div.pas', 'program d(output);\nvar z: integer;\nbegin\n  writeln(1);\n  z := 0;\n  writeln(1 div z)\nend.\n');
    const result = pcode(['run', prog]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('          1\n');
    expect(result.stderr).toMatch(/^runtime error at P-code address \d+, source line 6: division by zero\ncall chain \(innermost first\):\n {2}program d at line 6 \(BP=0\)\n {4}z = 0\n$/);
  });

  it('bounds a run with --max-steps', () => {
    const prog = file('loop.pas', 'program l;\nbegin\n  while true do\nend.\n');
    const result = pcode(['run', prog, '--max-steps', '1000']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^stopped after 1000 P-instructions \(--max-steps 1000\)/);
  });

  it('prints the listing with source lines interleaved, and asm that run-asm runs', () => {
    const prog = file('hi.pas', "program hi;\nbegin\n  writeln('hi')\nend.\n");
    const listing = pcode(['listing', prog]);
    expect(listing.code).toBe(0);
    expect(listing.stdout).toMatch(/3 \|   writeln\('hi'\)\n\s+\d+: LIT 2\n\s+\d+: WRS 0 {4}; "hi"\n\s+\d+: WLN/);
    const asm = pcode(['asm', prog]);
    const asmFile = file('hi.pcode', asm.stdout);
    expect(pcode(['run-asm', asmFile])).toEqual({ code: 0, stdout: 'hi\n', stderr: '' });
  });

  it('explains its usage on a bad command line', () => {
    const result = pcode(['frobnicate']);
    expect(result.code).toBe(64);
    expect(result.stderr).toBe('pcode: unknown command "frobnicate" (commands: run, listing, asm, run-asm)\n');
    const help = pcode(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('usage: npm run pcode');
  });
});
