import { describe, expect, it } from 'vitest';
import { defaultChoiceTexts, defaultState, hostBridgeList, readChoices, readSavedState } from '../../../components/libvirt-editor/libvirtEditorState.ts';

describe('the libvirt editor state', () => {
  it('reads back what it saved, and keeps the text as typed', () => {
    const state = { ...defaultState(), xml: '<domain', hostBridges: 'br0, br1' };
    expect(readSavedState(JSON.stringify(state))).toEqual(state);
    expect(hostBridgeList(state.hostBridges)).toEqual(['br0', 'br1']);
    expect(hostBridgeList(' , ')).toBeUndefined();
  });

  it('takes only strings from storage: anything else is the default for that field, or unreadable', () => {
    expect(readSavedState(null)).toBeNull();
    expect(readSavedState('{')).toBe('unreadable');
    expect(readSavedState('[1,2]')).toBe('unreadable');
    expect(readSavedState(JSON.stringify({ xml: 1, hostBridges: '' }))).toBe('unreadable');
    const saved = readSavedState(JSON.stringify({ xml: 'x', hostBridges: '', choices: { name: 'web1', memoryMiB: 4096, __proto__: { polluted: 'yes' } } }));
    expect(saved).not.toBe('unreadable');
    expect(saved && saved !== 'unreadable' && saved.choices).toEqual({ ...defaultChoiceTexts(), name: 'web1' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says what is wrong with a half-typed number in the words the reader typed', () => {
    const { problems } = readChoices({ ...defaultChoiceTexts(), memoryMiB: '20x', vcpus: '' });
    expect(problems.map((p) => [p.field, p.params.value])).toEqual([
      ['memoryMiB', '20x'],
      ['vcpus', ''],
    ]);
    expect(readChoices(defaultChoiceTexts()).problems).toEqual([]);
  });
});
