import { describe, expect, test } from 'vitest';
import { decodeSerialText, SerialRecorder } from '../../../lib/guest/index.ts';

const push = (recorder: SerialRecorder, text: string) => {
  for (const byte of new TextEncoder().encode(text)) recorder.push(byte);
};

describe('SerialRecorder', () => {
  test('waitFor resolves once the text matches, from a mark', async () => {
    const recorder = new SerialRecorder();
    push(recorder, 'old prompt# ');
    const mark = recorder.length;
    const waiting = recorder.waitFor((text) => text.endsWith('# '), 1000, 'prompt', mark);
    push(recorder, 'output\r\nnew prompt# ');
    await expect(waiting).resolves.toBe('output\r\nnew prompt# ');
  });

  test('waitFor rejects with what it waited for after the timeout', async () => {
    const recorder = new SerialRecorder();
    await expect(recorder.waitFor(() => false, 20, 'the moon')).rejects.toMatchObject({ problem: { code: 'timedOut', params: { ms: 20, what: 'the moon' } } });
  });

  test('close rejects pending waits', async () => {
    const recorder = new SerialRecorder();
    const waiting = recorder.waitFor(() => false, 10_000, 'anything');
    recorder.close('gone');
    await expect(waiting).rejects.toThrow('gone');
  });

  test('keeps at most its limit, with absolute marks still working', () => {
    const recorder = new SerialRecorder(100);
    push(recorder, 'x'.repeat(150));
    const mark = recorder.length;
    push(recorder, 'tail');
    expect(recorder.length).toBe(154);
    expect(recorder.text(mark)).toBe('tail');
    expect(recorder.text().length).toBeLessThanOrEqual(100);
  });

  test('decodeSerialText turns bytes back into UTF-8 text', () => {
    const recorder = new SerialRecorder();
    push(recorder, 'ü ✓');
    expect(decodeSerialText(recorder.text())).toBe('ü ✓');
  });
});
