import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Op } from '../../../lib/pcode/index.ts';

/** The interpreter's switch: `case 1: // LIT`, `case 2: { // LOD`, as lib/pcode/machine.ts writes them. */
function caseLabels(source: string): { number: number; name: string | undefined }[] {
  const start = source.indexOf('private execute(');
  const end = source.indexOf('\n  }\n', start);
  const body = source.slice(start, end);
  return [...body.matchAll(/case (\d+):(?: \{)?(?: \/\/ (\w+))?/g)].map((m) => ({ number: Number(m[1]), name: m[2] }));
}

describe('the P-machine names every numeric case label', () => {
  const labels = caseLabels(readFileSync(new URL('../../../lib/pcode/machine.ts', import.meta.url), 'utf8'));

  test('each label carries the name of the opcode with that number', () => {
    const wrong = labels.filter((l) => l.name === undefined || Op[l.name as keyof typeof Op] !== l.number);
    expect(wrong).toEqual([]);
  });

  test('every opcode has exactly one label', () => {
    const names = labels.map((l) => l.name).sort();
    expect(names).toEqual(Object.keys(Op).sort());
  });

  test('a label whose name does not match its number is caught', () => {
    const wrong = caseLabels('  private execute() {\n        case 1: // LOD\n        case 3: { // STO\n  }\n')
      .filter((l) => Op[l.name as keyof typeof Op] !== l.number);
    expect(wrong).toEqual([{ number: 1, name: 'LOD' }]);
  });
});
