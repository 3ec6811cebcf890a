import { describe, expect, test } from 'vitest';
import { PromptQueryFilter } from '../../../lib/guest/index.ts';

function shown(text: string): string {
  const filter = new PromptQueryFilter();
  const out: number[] = [];
  for (const char of text) out.push(...filter.push(char.charCodeAt(0)));
  return String.fromCharCode(...out);
}

describe('PromptQueryFilter', () => {
  test('takes the line editor’s cursor query after a prompt out of what a terminal is shown', () => {
    expect(shown('root@lab:~# \x1b[6n')).toBe('root@lab:~# ');
    expect(shown('\r\nroot@lab:/tmp$ \x1b[6nls\r\n> \x1b[6n')).toBe('\r\nroot@lab:/tmp$ ls\r\n> ');
  });

  test('passes a query a program makes in the middle of its output, and every other escape', () => {
    expect(shown('row?\x1b[6n')).toBe('row?\x1b[6n');
    expect(shown('# \x1b[1;32mgreen\x1b[0m \x1b\x1b[6x')).toBe('# \x1b[1;32mgreen\x1b[0m \x1b\x1b[6x');
  });
});
