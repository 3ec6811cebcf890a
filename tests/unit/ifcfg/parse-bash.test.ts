import { describe, expect, it } from 'vitest';
import { bashPrints, bashValue, parseBash } from '../../../lib/ifcfg/index.ts';

const value = (text: string, key: string) => bashValue(parseBash(text), key);

describe('parseBash (initscripts sources the file)', () => {
  const cases: [string, string, string | undefined][] = [
    ['A=1\n', 'A', '1'],
    ["A='x y'\n", 'A', 'x y'],
    ['A="x y"\n', 'A', 'x y'],
    ['A=x\\ y\n', 'A', 'x y'],
    ['A="a\\"b"\n', 'A', 'a"b'],
    ['A="a\\qb"\n', 'A', 'a\\qb'],
    ["A=$'a\\tb'\n", 'A', 'a\tb'],
    ['A=1 B=2\n', 'B', '2'],
    ['A=1; B=2\n', 'B', '2'],
    ['A=1 B=$A\n', 'B', '1'],
    ['A=1\nB="${A}x"\n', 'B', '1x'],
    ['B=$UNSET\n', 'B', ''],
    ['A=1 # comment\n', 'A', '1'],
    ['# A=1\n', 'A', undefined],
    ['A=a#b\n', 'A', 'a#b'],
    ['A=1\nA=2\n', 'A', '2'],
    ['export A=1\n', 'A', '1'],
    ['A=one\\\ntwo\n', 'A', 'onetwo'],
    ["A='multi\nline'\n", 'A', 'multi\nline'],
    ['A=Bridge\r\n', 'A', 'Bridge\r'],
    ['NAME=My Bridge\n', 'NAME', undefined],
    ['A= b\n', 'A', undefined],
    ['A =b\n', 'A', undefined],
    ['A=1 | cat\n', 'A', undefined],
    ['A=x&\n', 'A', undefined],
    ['(A=1)\n', 'A', undefined],
    ['A=(x y)\n', 'A', 'x'],
    ['A+=x\nA+=y\n', 'A', 'xy'],
    ['A=""\n', 'A', ''],
    ['A="x"y\'z\'\n', 'A', 'xyz'],
  ];
  for (const [text, key, expected] of cases) {
    it(`${JSON.stringify(text)}: ${key} = ${expected === undefined ? 'unset' : JSON.stringify(expected)}`, () => {
      expect(value(text, key)).toBe(expected);
    });
  }

  it('runs the word after an unquoted space as a command', () => {
    const p = parseBash('DEVICE=br0\nNAME=My Bridge\n');
    expect(p.diagnostics).toEqual([
      expect.objectContaining({ kind: 'command-not-found', line: 2, column: 9, code: 'commandNotFound', params: { word: 'Bridge' } }),
    ]);
    expect(bashPrints(p.diagnostics[0]!)).toBe('Bridge: command not found');
    expect(p.assignments.find((a) => a.key === 'NAME')).toMatchObject({ applied: false, value: 'My' });
  });

  it('reports a CRLF blank line the way bash prints it', () => {
    const p = parseBash('A=1\r\n\r\n');
    expect(p.diagnostics[0]).toMatchObject({ kind: 'command-not-found', line: 2 });
    expect(bashPrints(p.diagnostics[0]!)).toBe("$'\\r': command not found");
  });

  it('stops at an unterminated quote, keeping what came before', () => {
    const p = parseBash('A=1\nB="open\nC=3\n');
    expect(p.stoppedAtLine).toBe(2);
    expect(bashValue(p, 'A')).toBe('1');
    expect(bashValue(p, 'C')).toBeUndefined();
    expect(p.diagnostics[0]!.kind).toBe('unterminated-quote');
  });

  it('records expansions', () => {
    const p = parseBash('H=$(hostname) D=`date` V=$HOME\n');
    expect(p.assignments.map((a) => a.expansions)).toEqual([['$(hostname)'], ['`date`'], ['$HOME']]);
  });

  it('gives each assignment its line and columns', () => {
    const p = parseBash('A=1 B="x"\n  C=3\n');
    expect(p.assignments.map((a) => [a.key, a.line, a.column, a.valueColumn, a.raw])).toEqual([
      ['A', 1, 1, 3, '1'],
      ['B', 1, 5, 7, '"x"'],
      ['C', 2, 3, 5, '3'],
    ]);
  });

  it('reports a stray ";" as a syntax error', () => {
    expect(parseBash(';\n').diagnostics[0]!.kind).toBe('syntax-error');
  });
});

describe('lines bash runs as commands', () => {
  it('eval and the other builtins are run, not "command not found"', () => {
    const parse = parseBash('DEVICE=br0\neval touch /tmp/x\n');
    expect(parse.diagnostics.map((d) => [d.kind, d.line, bashPrints(d)])).toEqual([
      ['executes', 2, 'bash would execute "eval touch /tmp/x" every time it reads the file'],
    ]);
  });

  it('a line that is only a command substitution runs the command inside', () => {
    const parse = parseBash('$(touch /tmp/x)\n');
    expect(parse.diagnostics.map((d) => [d.kind, d.code, d.params])).toEqual([['executes', 'executes', { command: '$(touch /tmp/x)' }]]);
    expect(parse.diagnostics.map((d) => [d.kind, bashPrints(d)])).toEqual([['executes', 'bash would execute "$(touch /tmp/x)" every time it reads the file']]);
  });

  it('a stray word is still "command not found"', () => {
    expect(parseBash('Bridge\n').diagnostics.map((d) => bashPrints(d))).toEqual(['Bridge: command not found']);
  });
});
