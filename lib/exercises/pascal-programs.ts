/** Small Pascal programs made from a seed, for the P-code and JIT exercises. */
import type { LocalizedText } from '../book/localized-text.ts';
import { localizedText } from '../book/localized-text.ts';
import type { SeededRandom } from './seeded-random.ts';

export interface SeededProgram {
  readonly source: string;
  /** One line on what the program does, for worked solutions, in both editions. */
  readonly description: LocalizedText;
}

/** A program of one of three shapes (a for loop, a while loop, a procedure with if), with seeded constants. */
export function seededPascalProgram(random: SeededRandom, loopScale = 1): SeededProgram {
  const shape = random.int(0, 2);
  if (shape === 0) {
    const start = random.int(0, 9);
    const count = random.int(2, 5) * loopScale;
    const factor = random.int(2, 5);
    return {
      source: [
        'program Sum;',
        'var i, s: integer;',
        'begin',
        `  s := ${start};`,
        `  for i := 1 to ${count} do`,
        `    s := s + i * ${factor};`,
        '  writeln(s)',
        'end.',
        '',
      ].join('\n'),
      description: localizedText(
        `s starts at ${start} and adds i * ${factor} for i = 1..${count}.`,
        `s 从 ${start} 开始，对 i = 1..${count} 依次加上 i * ${factor}。`,
      ),
    };
  }
  if (shape === 1) {
    const start = random.int(20, 90) * loopScale;
    const divisor = random.int(2, 4);
    return {
      source: [
        'program Halve;',
        'var n, k: integer;',
        'begin',
        `  n := ${start};`,
        '  k := 0;',
        '  while n > 1 do',
        '  begin',
        `    n := n div ${divisor};`,
        '    k := k + 1',
        '  end;',
        '  writeln(k, n)',
        'end.',
        '',
      ].join('\n'),
      description: localizedText(
        `n starts at ${start} and is divided by ${divisor} (integer division) until it is at most 1; k counts the divisions.`,
        `n 从 ${start} 开始，反复除以 ${divisor}（整数除法），直到不大于 1；k 记录除了几次。`,
      ),
    };
  }
  const a = random.int(1, 20);
  const b = random.int(1, 20);
  const times = random.int(2, 4) * loopScale;
  return {
    source: [
      'program Bigger;',
      'var x, y, j: integer;',
      '',
      'procedure Swap;',
      'var t: integer;',
      'begin',
      '  t := x;',
      '  x := y;',
      '  y := t',
      'end;',
      '',
      'begin',
      `  x := ${a};`,
      `  y := ${b};`,
      `  for j := 1 to ${times} do`,
      '  begin',
      '    if x < y then Swap;',
      '    x := x - 1',
      '  end;',
      '  writeln(x, y)',
      'end.',
      '',
    ].join('\n'),
    description: localizedText(
      `x = ${a}, y = ${b}; ${times} times: swap them if x < y, then decrement x.`,
      `x = ${a}，y = ${b}；重复 ${times} 次：如果 x < y 就交换两者，然后 x 减 1。`,
    ),
  };
}
