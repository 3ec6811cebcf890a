import { describe, expect, it } from 'vitest';
import { parseShvar, shvarErrorWordings, shvarValue, unescapeShvarValue } from '../../../lib/ifcfg/index.ts';
import { wordMessage } from '../../../lib/book/localized-text.ts';

// NetworkManager's svUnescape test vectors (test-ifcfg-rh.c test_svUnescape) and cases derived
// from shvar.c: value after "KEY=" → result, or null where NetworkManager reports an error.
const VECTORS: [string, string | null][] = [
  ["'x'", 'x'],
  ['"\\""', '"'],
  ['"\\a"', '\\a'],
  ['\\a', 'a'],
  ['a;   #', 'a'],
  ['; ;', null],
  ['a#b', 'a#b'],
  ['Bob outside LAN', null],
  ['x""b', 'xb'],
  ["$'\\n'", '\n'],
  ["$'\\'", null],
  ['"\\~~"', '\\~~'],
  ['"b\\~b"', 'b~b'],
  ['ab\r', 'ab'],
  ['', ''],
  ["'", null],
  ['"', null],
  ['""', ''],
  ["''", ''],
  ['a', 'a'],
  ['a b', null],
  ['a ', 'a'],
  ['a\t', 'a'],
  ['  ', ''],
  ['a #comment', 'a'],
  ['a#comment', 'a#comment'],
  [' #comment', ''],
  [';', ''],
  ['a;', 'a'],
  ['b ; #hallo', 'b'],
  ['a;b', null],
  ['"a b"', 'a b'],
  ["'a b'", 'a b'],
  ['"a\'b"', "a'b"],
  ["'a\"b'", 'a"b'],
  ['"\\$"', '$'],
  ['"\\`"', '`'],
  ['"\\\\"', '\\'],
  ['"$HOME"', null],
  ['"`date`"', null],
  ['$HOME', '$HOME'],
  ['`date`', '`date`'],
  ['a|b', null],
  ['a&b', null],
  ['(a)', null],
  ['a<b', null],
  ['a>b', null],
  ["x'y'z", 'xyz'],
  ['x"y"z', 'xyz'],
  ['\\ ', ' '],
  ['a\\ b', 'a b'],
  ['\\', null],
  ['"abc', null],
  ["'abc", null],
  ["$'a\\tb'", 'a\tb'],
  ["$'\\x41'", 'A'],
  ["$'\\101'", 'A'],
  ["$'\\u00e9'", 'é'],
  ["$'\\U0001F600'", '😀'],
  ["$'\\xZ'", '\\xZ'],
  ["$'\\q'", '\\q'],
  ["$'\\''", "'"],
  ["$'a'b", 'ab'],
  ['"\\\'"', "'"],
  ['"a\\\'b c"', "a'b c"],
  ['"a\\\'b"c', "a\\'bc"],
  ['ESSID', 'ESSID'],
  ['"foo\\"bar\\\\"', 'foo"bar\\'],
  ['192.168.1.10', '192.168.1.10'],
  ['"192.168.1.10"', '192.168.1.10'],
];

describe('unescapeShvarValue (NetworkManager svUnescape)', () => {
  for (const [input, expected] of VECTORS) {
    it(`${JSON.stringify(input)} → ${expected === null ? 'error' : JSON.stringify(expected)}`, () => {
      const result = unescapeShvarValue(input);
      if (expected === null) expect(result.ok).toBe(false);
      else expect(result).toEqual({ ok: true, value: expected });
    });
  }

  it('explains an error with a position', () => {
    const result = unescapeShvarValue('My Bridge');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('textAfterSpace');
      expect(wordMessage(shvarErrorWordings, result, 'en')).toMatch(/space/);
      expect(result.column).toBe(3);
    }
  });
});

describe('parseShvar (one assignment per line)', () => {
  it('records each key with its line and columns', () => {
    const p = parseShvar('# comment\n\nDEVICE=br0\n  TYPE="Bridge"\n');
    expect(p.assignments.map((a) => [a.key, a.value, a.line, a.column, a.valueColumn])).toEqual([
      ['DEVICE', 'br0', 3, 1, 8],
      ['TYPE', 'Bridge', 4, 3, 8],
    ]);
    expect(p.invalidLines).toEqual([]);
  });

  it('the last definition wins, even when it is badly quoted', () => {
    const p = parseShvar('IPADDR=l4x\nIPADDR2=ok\nIPADDR2="bad\n');
    expect(shvarValue(p, 'IPADDR')).toBe('l4x');
    expect(shvarValue(p, 'IPADDR2')).toBeUndefined();
  });

  it('treats an empty value as unset', () => {
    expect(shvarValue(parseShvar("METRIC1=''\n"), 'METRIC1')).toBeUndefined();
  });

  it('ignores lines that are not KEY=value', () => {
    const p = parseShvar('export ONBOOT=yes\nKEY = value\nA=1 B=2\n9X=1\n');
    expect(p.invalidLines.map((l) => l.line)).toEqual([1, 2, 4]);
    expect(p.assignments).toHaveLength(1);
    expect(p.assignments[0]!.value).toBeNull();
  });

  it('has no line continuation or multi-line quotes', () => {
    const p = parseShvar("NAME='multi\nline'\nNEXT=1\n");
    expect(p.assignments[0]!.value).toBeNull();
    expect(p.invalidLines.map((l) => l.text)).toEqual(["line'"]);
    expect(shvarValue(p, 'NEXT')).toBe('1');
  });

  it('reads CRLF files (\\r is whitespace)', () => {
    const p = parseShvar('TYPE=Bridge\r\nDEVICE=br0\r\n\r\n');
    expect(shvarValue(p, 'TYPE')).toBe('Bridge');
    expect(p.invalidLines).toEqual([]);
  });

  it('keys are case-sensitive', () => {
    const p = parseShvar('onboot=no\n');
    expect(shvarValue(p, 'ONBOOT')).toBeUndefined();
    expect(shvarValue(p, 'onboot')).toBe('no');
  });

  it('accepts trailing spaces after a quoted value', () => {
    expect(shvarValue(parseShvar('DEVICE="vlan201"  \n'), 'DEVICE')).toBe('vlan201');
  });

  it('treats unterminated quotes as empty (NAME=" and ZONE=\')', () => {
    const p = parseShvar('NAME="\nZONE=\'\n');
    expect(shvarValue(p, 'NAME')).toBeUndefined();
    expect(shvarValue(p, 'ZONE')).toBeUndefined();
  });

  it('reads a file without a final newline', () => {
    expect(shvarValue(parseShvar('A=1\nB=2'), 'B')).toBe('2');
  });
});
