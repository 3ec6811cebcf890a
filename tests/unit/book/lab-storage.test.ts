import { afterEach, describe, expect, it } from 'vitest';
import {
  keepUnreadableText, labStorageKey, readStoredText, readStoredValue, removeStoredText, storedItem, unreadableKey, writeStoredText,
  type TextStorage,
} from '../../../components/book/lab-storage.ts';
import { startingValue } from '../../../components/book/usePersistentState.ts';
import { addressWithHash } from '../../../components/book/useShareLink.ts';
import { PCODE_LAB_PREVIOUS_PROGRAM, PCODE_LAB_PROGRAM, parseSavedProgram, readSavedProgram, saveProgram } from '../../../components/pcode-lab/program-store.ts';

/** A Map-backed stand-in for localStorage; `refuse` makes every call throw, as a blocked storage does. */
function memoryStorage(entries: Record<string, string> = {}, refuse = false): TextStorage & { map: Map<string, string> } {
  const map = new Map(Object.entries(entries));
  const guard = () => {
    if (refuse) throw new DOMException('blocked', 'SecurityError');
  };
  return {
    map,
    getItem: (key) => (guard(), map.get(key) ?? null),
    setItem: (key, value) => (guard(), void map.set(key, value)),
    removeItem: (key) => (guard(), void map.delete(key)),
  };
}

const numberCodec = {
  parse: (text: string) => (/^\d+$/.test(text) ? Number(text) : undefined),
  serialize: (value: number) => String(value),
};

describe('one storage key scheme', () => {
  it('builds every key as hov:<lab>:<what>', () => {
    expect(labStorageKey('pcode-lab', 'program')).toBe('hov:pcode-lab:program');
    expect(storedItem('trap-lab', 'setup').key).toBe('hov:trap-lab:setup');
  });

  it('refuses parts that would make keys ambiguous', () => {
    expect(() => labStorageKey('pcode:lab', 'program')).toThrow(/lower-case/);
    expect(() => labStorageKey('PcodeLab', 'program')).toThrow(/lower-case/);
  });
});

describe('a text saved under an old key is read once and moved', () => {
  const item = storedItem('pcode-lab', 'program', ['hov.pcode-lab.v1']);

  it('moves the old text to the new key and removes the old one', () => {
    const storage = memoryStorage({ 'hov.pcode-lab.v1': 'my program' });
    expect(readStoredText(item, storage)).toBe('my program');
    expect(storage.map.get('hov:pcode-lab:program')).toBe('my program');
    expect(storage.map.has('hov.pcode-lab.v1')).toBe(false);
    // The second read finds it under the new key.
    expect(readStoredText(item, storage)).toBe('my program');
  });

  it('prefers the new key when both are there, and leaves the old one alone', () => {
    const storage = memoryStorage({ 'hov.pcode-lab.v1': 'old', 'hov:pcode-lab:program': 'new' });
    expect(readStoredText(item, storage)).toBe('new');
    expect(storage.map.get('hov.pcode-lab.v1')).toBe('old');
  });

  it('reads nothing when storage is blocked or absent, and says a write was refused', () => {
    expect(readStoredText(item, memoryStorage({ 'hov.pcode-lab.v1': 'x' }, true))).toBeNull();
    expect(readStoredText(item, undefined)).toBeNull();
    expect(writeStoredText(item, 'x', memoryStorage({}, true))).toBe(false);
    expect(writeStoredText(item, 'x', undefined)).toBe(false);
    const storage = memoryStorage();
    expect(writeStoredText(item, 'x', storage)).toBe(true);
    expect(storage.map.get(item.key)).toBe('x');
  });

  it('forgets both the new key and the old one', () => {
    const storage = memoryStorage({ 'hov.pcode-lab.v1': 'old', 'hov:pcode-lab:program': 'new' });
    removeStoredText(item, storage);
    expect(storage.map.size).toBe(0);
  });
});

describe('stored values are validated, and an unreadable text is kept aside', () => {
  const item = storedItem('test-lab', 'count');

  it('returns the parsed value', () => {
    expect(readStoredValue(item, numberCodec, memoryStorage({ 'hov:test-lab:count': '42' }))).toBe(42);
  });

  it('returns undefined for a text its lab cannot read, copied to the unreadable key once', () => {
    const storage = memoryStorage({ 'hov:test-lab:count': 'forty-two' });
    expect(readStoredValue(item, numberCodec, storage)).toBeUndefined();
    expect(storage.map.get(unreadableKey(item))).toBe('forty-two');
    // A later unreadable text does not replace the first one kept.
    storage.map.set(item.key, 'other');
    keepUnreadableText(item, storage);
    expect(storage.map.get(unreadableKey(item))).toBe('forty-two');
  });

  it('treats a parser that throws as unreadable', () => {
    const storage = memoryStorage({ 'hov:test-lab:count': '{' });
    const throwing = { parse: (text: string) => JSON.parse(text) as number, serialize: String };
    expect(readStoredValue(item, throwing, storage)).toBeUndefined();
    expect(storage.map.get(unreadableKey(item))).toBe('{');
  });
});

describe('usePersistentState starts from the link, then storage, then the default', () => {
  const fromHash = (hash: string) => (hash.startsWith('#n=') ? Number(hash.slice(3)) : undefined);

  it('takes a share link over what was saved', () => {
    expect(startingValue('#n=7', () => 3, 0, fromHash)).toBe(7);
  });
  it('takes what was saved when the hash holds no state', () => {
    expect(startingValue('#other', () => 3, 0, fromHash)).toBe(3);
    expect(startingValue('', () => 3, 0)).toBe(3);
  });
  it('falls back to the default, also when decoding the hash throws', () => {
    expect(startingValue('', () => undefined, 0, fromHash)).toBe(0);
    expect(startingValue('#n=7', () => 5, 0, () => { throw new Error('damaged'); })).toBe(5);
  });
});

describe('useShareLink', () => {
  it('puts the hash on the page address, replacing any hash', () => {
    const location = { origin: 'https://book.example', pathname: '/trap/', search: '?x=1' };
    expect(addressWithHash(location, '#trap=abc')).toBe('https://book.example/trap/?x=1#trap=abc');
    expect(addressWithHash(location, 'trap=abc')).toBe('https://book.example/trap/?x=1#trap=abc');
    expect(addressWithHash(location, '')).toBe('https://book.example/trap/?x=1');
  });
});

describe('the P-code lab program store', () => {
  const globals = globalThis as { window?: unknown };
  afterEach(() => {
    delete globals.window;
  });

  it('keeps a program a reader saved under the old key (hov.pcode-lab.v1): nothing typed is lost', () => {
    const storage = memoryStorage({
      'hov.pcode-lab.v1': JSON.stringify({ source: 'program mine; begin writeln(1) end.', input: '5', fromLink: false }),
      'hov.pcode-lab.v1.previous': JSON.stringify({ source: 'program older; begin end.', input: '' }),
    });
    globals.window = { localStorage: storage };
    expect(readSavedProgram(PCODE_LAB_PROGRAM)).toEqual({ source: 'program mine; begin writeln(1) end.', input: '5', fromLink: false });
    expect(readSavedProgram(PCODE_LAB_PREVIOUS_PROGRAM)?.source).toBe('program older; begin end.');
    expect([...storage.map.keys()].sort()).toEqual(['hov:pcode-lab:previous-program', 'hov:pcode-lab:program']);
  });

  it('saves under the new key and reads it back', () => {
    const storage = memoryStorage();
    globals.window = { localStorage: storage };
    expect(saveProgram(PCODE_LAB_PROGRAM, { source: 'program p; begin end.', input: '' })).toBe(true);
    expect(readSavedProgram(PCODE_LAB_PROGRAM)).toEqual({ source: 'program p; begin end.', input: '', fromLink: false });
  });

  it('refuses a stored text that is not a program, and keeps it aside', () => {
    expect(parseSavedProgram('{"input":"1"}')).toBeUndefined();
    expect(parseSavedProgram('null')).toBeUndefined();
    const storage = memoryStorage({ 'hov:pcode-lab:program': 'not json' });
    globals.window = { localStorage: storage };
    expect(readSavedProgram(PCODE_LAB_PROGRAM)).toBeUndefined();
    expect(storage.map.get('hov:pcode-lab:program:unreadable')).toBe('not json');
  });
});
