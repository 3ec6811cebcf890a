import { describe, expect, test } from 'vitest';
import {
  decodeShareHash,
  defaultFiles,
  encodeShareHash,
  fileTooLongForLink,
  keepEditedFiles,
  MAX_LINK_TEXT,
  readSavedFiles,
} from '../../../components/bridge-editor/bridgeEditorState.ts';

const long = (n: number) => '#'.repeat(n);

describe('what the bridge editor keeps', () => {
  test('saved files of any length come back, a renamed-to-empty file included', () => {
    const files = [{ name: 'ifcfg-br0', text: long(40_000) }, { name: '', text: 'DEVICE=eth0\n' }];
    expect(readSavedFiles(JSON.stringify(files))).toEqual(files);
    expect(readSavedFiles(null)).toBeNull();
  });

  test('storage that is not a pair of files is "unreadable", never a silent reset', () => {
    for (const stored of ['{', '[]', '"x"', JSON.stringify([{ name: 'a/b', text: '' }, { name: 'c', text: '' }]), JSON.stringify([{ name: 'x', text: '' }])]) {
      expect(readSavedFiles(stored), stored).toBe('unreadable');
    }
  });

  test('a file the reader changed before the saved ones loaded keeps its text; the others load', () => {
    const defaults = defaultFiles();
    const typed = [{ ...defaults[0]!, text: defaults[0]!.text + 'MTU=9000\n' }, defaults[1]!];
    const saved = [{ name: 'ifcfg-br1', text: 'DEVICE=br1\n' }, { name: 'ifcfg-eth1', text: 'DEVICE=eth1\n' }];
    expect(keepEditedFiles(typed, defaults, saved)).toEqual([typed[0], saved[1]]);
    expect(keepEditedFiles(defaults, defaults, saved)).toEqual(saved);
  });

  test('a share link carries files up to the limit; a longer one is named, not cut', () => {
    const fits = [{ name: 'ifcfg-br0', text: long(MAX_LINK_TEXT) }, { name: 'ifcfg-eth0', text: 'x' }];
    expect(fileTooLongForLink(fits)).toBeUndefined();
    expect(decodeShareHash(encodeShareHash(fits))).toEqual(fits);
    const tooLong = [fits[0]!, { name: 'ifcfg-eth0', text: long(MAX_LINK_TEXT + 1) }];
    expect(fileTooLongForLink(tooLong)?.name).toBe('ifcfg-eth0');
    expect(decodeShareHash(encodeShareHash(tooLong))).toBe('invalid');
  });
});
