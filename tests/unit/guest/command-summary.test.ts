import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { commandSummary } from '../../../lib/guest/command-summary.ts';

describe('commandSummary', () => {
  test('a one-line command is shown as it is', () => {
    expect(commandSummary('uname -a')).toBe('uname -a');
  });

  test('the first non-empty line, with "..." when more follow', () => {
    expect(commandSummary('\n  \nfor n in 1 2; do\n  echo $n\ndone\n')).toBe('for n in 1 2; do ...');
  });

  test('a long line is cut', () => {
    expect(commandSummary('echo ' + 'x'.repeat(100), 20)).toBe('echo ' + 'x'.repeat(15) + ' ...');
  });

  test('tabs and other control characters become spaces', () => {
    expect(commandSummary('printf\t"a\\tb"\u001b[2J')).toBe('printf "a\\tb" [2J');
  });

  test('a trailing backslash is dropped', () => {
    expect(commandSummary('echo a \\')).toBe('echo a');
  });

  test('nothing to show for an empty command', () => {
    expect(commandSummary(' \n\t\n')).toBe('');
  });

  test('never a control character or a line break, never too long, never ends in a backslash', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 1, max: 80 }), (command, max) => {
        const summary = commandSummary(command, max);
        expect(summary).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        expect(Array.from(summary).length).toBeLessThanOrEqual(max + 4);
        expect(summary.endsWith('\\')).toBe(false);
      }),
    );
  });
});
