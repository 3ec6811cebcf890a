import { describe, expect, it } from 'vitest';
import { escapeShvarValue, parseShvar, setIfcfgValue, shvarValue, unescapeShvarValue, parseBash, bashValue } from '../../../lib/ifcfg/index.ts';

describe('setIfcfgValue keeps the author\'s file', () => {
  const text = '# my bridge\nDEVICE=br0\n\nTYPE=Bridge  # keep me\nCUSTOM_KEY=1\n';

  it('rewrites a value in place, keeping comments, blank lines, unknown keys and order', () => {
    expect(setIfcfgValue(text, 'TYPE', 'Bridge')).toBe(text);
    expect(setIfcfgValue(text, 'DEVICE', 'br1')).toBe('# my bridge\nDEVICE=br1\n\nTYPE=Bridge  # keep me\nCUSTOM_KEY=1\n');
    expect(setIfcfgValue(text, 'TYPE', 'Ethernet')).toBe('# my bridge\nDEVICE=br0\n\nTYPE=Ethernet  # keep me\nCUSTOM_KEY=1\n');
  });

  it('appends a new key and deletes every definition of a removed one', () => {
    expect(setIfcfgValue(text, 'STP', 'no')).toBe(text + 'STP=no\n');
    expect(setIfcfgValue('A=1\nB=2\nA=3\n', 'A', undefined)).toBe('B=2\n');
  });

  it('rewrites the last definition (the one both tools use)', () => {
    expect(setIfcfgValue('A=1\nA=2\n', 'A', '9')).toBe('A=1\nA=9\n');
  });

  it('quotes values that need it', () => {
    const out = setIfcfgValue('', 'NAME', 'My Bridge');
    expect(out).toBe('NAME="My Bridge"\n');
  });

  it('keeps CRLF line endings if the file has them', () => {
    expect(setIfcfgValue('A=1\r\nB=2\r\n', 'B', '3')).toBe('A=1\r\nB=3\r\n');
  });
});

describe('escapeShvarValue', () => {
  const values = ['plain', 'My Bridge', 'a"b', 'a$b', 'back`tick', 'x\\y', "it's", 'tab\there', 'new\nline', '~home', 'a;b', '', '#x'];
  for (const v of values) {
    it(`${JSON.stringify(v)} reads back the same in NetworkManager and in bash`, () => {
      const escaped = escapeShvarValue(v);
      expect(unescapeShvarValue(escaped)).toEqual({ ok: true, value: v });
      expect(shvarValue(parseShvar(`K=${escaped}\n`), 'K') ?? '').toBe(v);
      expect(bashValue(parseBash(`K=${escaped}\n`), 'K')).toBe(v);
    });
  }
});
