import { describe, expect, test } from 'vitest';
import { lineAndColumnIn } from '../../../lib/book/line-and-column.ts';

describe('lineAndColumnIn', () => {
  test('lines and columns count from 1; a line feed starts a new line, a carriage return does not', () => {
    const at = lineAndColumnIn('ab\ncd\r\n\nx');
    expect([0, 1, 2, 3, 5, 6, 7, 8, 9].map(at)).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 1, column: 3 },
      { line: 2, column: 1 },
      { line: 2, column: 3 },
      { line: 2, column: 4 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 4, column: 2 },
    ]);
  });

  test('an empty text has one line', () => {
    expect(lineAndColumnIn('')(0)).toEqual({ line: 1, column: 1 });
  });
});
