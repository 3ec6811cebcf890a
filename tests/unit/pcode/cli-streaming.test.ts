/**
 * `npm run pcode -- run`: input read only when the program reads, output that shows as it is
 * written, a stop on a signal that keeps the output, and one line for every mistake.
 * These run the CLI as a process, because stdin, stdout and signals are the point.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = join(import.meta.dirname, '../../../lib/pcode/cli.ts');
const dir = mkdtempSync(join(tmpdir(), 'pcode-stream-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const hello = file('hello.pas', "program hello(output);\nbegin\n  writeln('hello')\nend.\n");
const sum = file('sum.pas', "program sum(input, output);\nvar a, b: integer;\nbegin\n  write('a b? ');\n  read(a, b);\n  writeln(a + b)\nend.\n");
const startedThenLoops = file('loop.pas', "program l(output);\nvar i: integer;\nbegin\n  writeln('started');\n  i := 0;\n  while true do i := i + 1\nend.\n");
const printsForever = file('spam.pas', "program s(output);\nbegin\n  while true do writeln('spam spam spam')\nend.\n");

/** A running CLI: its output so far, a way to wait for some of it, and its exit. */
function start(args: string[]) {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters: (() => void)[] = [];
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    waiters.splice(0).forEach((w) => w());
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  // Never wait for ever: a CLI that hangs is killed, and the test sees that.
  const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
  void exited.then(() => clearTimeout(guard));
  const output = async (text: string) => {
    while (!stdout.includes(text)) {
      const closed = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => waiters.push(() => r(false)))]);
      if (closed && !stdout.includes(text)) return false;
    }
    return true;
  };
  return { child, exited, output, stdout: () => stdout, stderr: () => stderr };
}

describe('npm run pcode -- run: input and output as a terminal program has them', { timeout: 30_000 }, () => {
  it('a program that never reads does not wait for stdin to end', async () => {
    const run = start(['run', hello]); // stdin stays open, as a terminal's does
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.stdout()).toBe('hello\n');
    run.child.stdin.destroy();
  });

  it('reads stdin when the program reads, after showing the prompt', async () => {
    const run = start(['run', sum]);
    expect(await run.output('a b? ')).toBe(true);
    run.child.stdin.write('40 2\n'); // stdin is not closed: the line is enough
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.stdout()).toBe('a b?          42\n');
    run.child.stdin.destroy();
  });

  for (const [engine, signal, status, said] of [['interp', 'SIGINT', 130, 'Ctrl-C'], ['jit', 'SIGTERM', 143, 'SIGTERM']] as const) {
    it(`shows what a program printed before it loops, and ${signal} keeps it and says where it stopped (${engine})`, async () => {
      const run = start(['run', '--engine', engine, startedThenLoops]);
      expect(await run.output('started\n')).toBe(true);
      run.child.kill(signal);
      expect(await run.exited).toEqual({ code: status, signal: null });
      expect(run.stdout()).toBe('started\n');
      expect(run.stderr()).toMatch(new RegExp(`^\\npcode: stopped by ${said} after \\d+ P-instructions, at source line 6\\n$`));
    });
  }

  it('a reader that closes the pipe early (| head -c 10) ends the run quietly', async () => {
    const run = start(['run', printsForever]);
    expect(await run.output('spam')).toBe(true);
    run.child.stdout.destroy();
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.stderr()).toBe('');
  });

  it('run-asm on a missing file or a directory is one line and exit 1', async () => {
    for (const path of [join(dir, 'missing.pcode'), dir]) {
      const run = start(['run-asm', path]);
      expect((await run.exited).code).toBe(1);
      expect(run.stderr()).toBe(`pcode: ${path}: cannot read: ${path === dir ? 'it is a directory' : 'no such file or directory'}\n`);
    }
  });

  it('stdout on a full disk (/dev/full) is one line and exit 74, for every CLI', () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const [tool, args] of [['pcode', ['run', hello]], ['pcode', ['--help']], ['ifcfg', ['explain', 'STP']], ['exercises', ['--list']], ['trap', ['io']], ['timeline', []]] as const) {
        const script = join(import.meta.dirname, `../../../lib/${tool}/cli.ts`);
        const r = spawnSync(process.execPath, [script, ...args], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
        expect({ tool, status: r.status, stderr: r.stderr }).toEqual({ tool, status: 74, stderr: `${tool}: cannot write the output: no space left on the device\n` });
      }
    } finally {
      closeSync(full);
    }
  });
});
