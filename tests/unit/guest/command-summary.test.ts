import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { commandSummary } from '../../../lib/guest/command-summary.ts';

/** Commands and the one-line summaries shown for them. */
const examples: { name: string; command: string; maxLength?: number; summary: string }[] = [
  { name: 'a one-line command is shown as it is', command: 'uname -a', summary: 'uname -a' },
  { name: 'the first non-empty line, with "..." when more follow', command: '\n  \nfor n in 1 2; do\n  echo $n\ndone\n', summary: 'for n in 1 2; do ...' },
  { name: 'a long line is cut', command: 'echo ' + 'x'.repeat(100), maxLength: 20, summary: 'echo ' + 'x'.repeat(15) + ' ...' },
  { name: 'tabs and other control characters become spaces', command: 'printf\t"a\\tb"\u001b[2J', summary: 'printf "a\\tb" [2J' },
  { name: 'a trailing backslash is dropped', command: 'echo a \\', summary: 'echo a' },
  { name: 'nothing to show for an empty command', command: ' \n\t\n', summary: '' },
];

describe('commandSummary', () => {
  for (const { name, command, maxLength, summary } of examples) {
    test(name, () => {
      expect(commandSummary(command, maxLength)).toBe(summary);
    });
  }

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
