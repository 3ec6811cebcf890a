import { describe, expect, test } from 'vitest';
import { extractRunOutput } from '../../../lib/guest/index.ts';

const latin1 = (text: string) => String.fromCharCode(...new TextEncoder().encode(text));

describe('extractRunOutput', () => {
  test('takes what lies between the markers, without the echoed command line', () => {
    const recorded = "lab_run '/mnt/host/.lab/run-1.sh'\r\n\x1b]6973;B\x07hello\r\nworld\r\n\x1b]6973;E0\x07root@lab:~# ";
    expect(extractRunOutput(recorded)).toEqual({ output: 'hello\nworld\n', status: 0 });
  });

  test('reads the exit status', () => {
    expect(extractRunOutput('\x1b]6973;B\x07\x1b]6973;E127\x07').status).toBe(127);
  });

  test('the echo of the printf format never counts as a marker', () => {
    const echoed = "printf '\\033]6973;E%d\\007' $?\r\n";
    expect(extractRunOutput(echoed).status).toBe(-1);
  });

  test('decodes UTF-8 from the raw bytes', () => {
    expect(extractRunOutput(latin1('\x1b]6973;B\x07ünï ✓\n\x1b]6973;E0\x07')).output).toBe('ünï ✓\n');
  });
});
