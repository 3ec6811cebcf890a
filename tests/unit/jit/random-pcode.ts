/**
 * Seeded random P-code programs (assembler text), most of them malformed on purpose: operands from
 * the edges of their ranges, stray addresses, pops from an empty stack, wild jumps, returns through
 * frames that were never built, hot loops so the JIT translates them. The assembler must reject the
 * ones outside the operand limits with errors, and the interpreter and the JIT must run the others
 * alike.
 */
import { INSTRUCTIONS } from '../../../lib/pcode/index.ts';
import { seededRandom } from '../../seeded-random.ts';

const EDGE_VALUES = [0, 1, -1, 2, 3, 4, 5, 7, 100, -100, 4095, 4096, 100_000_000, -100_000_000, 2147483647, -2147483648, 16777216, -16777216];

export function generateRandomPcode(seed: number): string {
  const rnd = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const length = int(4, 40);
  const small = () => (rnd() < 0.8 ? int(-3, 12) : pick(EDGE_VALUES));
  const lines = ['.string "s"', '.string "wide"', `ENT ${int(0, 8)}, ${int(0, 16)}`];
  const count = length + 1;
  for (let k = 1; k < length; k++) {
    // Mostly ordinary stack traffic, with every instruction (and its edge cases) now and then.
    const name =
      rnd() < 0.45
        ? pick(['LIT', 'LIT', 'LOD', 'STO', 'ADD', 'SUB', 'MUL', 'DUP', 'POP', 'JPF', 'JMP', 'LDA', 'LDI', 'STI', 'INC', 'LT', 'EQ'])
        : pick(INSTRUCTIONS).name;
    const info = INSTRUCTIONS.find((i) => i.name === name)!;
    const operands = info.operands.map((kind) => {
      switch (kind) {
        case 'target':
          return String(int(0, count - 1));
        case 'string':
          return String(rnd() < 0.95 ? int(0, 1) : 5);
        case 'level':
          return String(rnd() < 0.85 ? int(0, 2) : pick(EDGE_VALUES));
        case 'offset':
          return String(rnd() < 0.85 ? int(-4, 12) : pick(EDGE_VALUES));
        case 'count':
        case 'depth':
          return String(rnd() < 0.9 ? int(0, 6) : pick(EDGE_VALUES));
        case 'low':
          return String(int(-3, 3));
        case 'high':
          return String(rnd() < 0.9 ? int(0, 9) : pick(EDGE_VALUES));
        default:
          return String(small());
      }
    });
    lines.push(`${name} ${operands.join(', ')}`.trim());
  }
  lines.push('HLT');
  return `${lines.join('\n')}\n`;
}
