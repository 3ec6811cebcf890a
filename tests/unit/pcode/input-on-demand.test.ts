/** The P-machine's input taken from a source as the program reads, not before. */
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../../lib/pascal/index.ts';
import { PMachine } from '../../../lib/pcode/index.ts';
import { readInputOnDemand, type InputSource } from '../../../lib/pcode/input-on-demand.ts';

function pieces(...chunks: string[]): InputSource & { reads: number } {
  const source = {
    reads: 0,
    read: () => {
      source.reads++;
      return chunks.shift() ?? null;
    },
  };
  return source;
}

function run(source: string, input: InputSource): { output: string; outcome: string } {
  const program = compileProgram(source).program!;
  let output = '';
  const machine = new PMachine(program, { onOutput: (t) => (output += t) });
  readInputOnDemand(machine, input);
  const outcome = machine.run(10_000_000);
  return { output, outcome };
}

describe('readInputOnDemand', () => {
  it('a program that never reads never asks the source', () => {
    const source = pieces('1 2\n');
    expect(run("program p(output);\nbegin\n  writeln('hi')\nend.\n", source)).toEqual({ output: 'hi\n', outcome: 'halted' });
    expect(source.reads).toBe(0);
  });

  it('an integer cut between two reads is read whole, and only the lines needed are taken', () => {
    const source = pieces('4', '0 2\n', '99\n');
    const sum = 'program s(input, output);\nvar a, b: integer;\nbegin\n  read(a, b);\n  writeln(a + b)\nend.\n';
    expect(run(sum, source)).toEqual({ output: '         42\n', outcome: 'halted' });
    expect(source.reads).toBe(2);
  });

  it('eof waits for the next piece; a \\r\\n split across pieces is one line break', () => {
    const count = 'program c(input, output);\nvar ch: char; n, l: integer;\nbegin\n  n := 0; l := 0;\n  while not eof do begin\n    if eoln then l := l + 1;\n    read(ch); n := n + 1\n  end;\n  writeln(n, l)\nend.\n';
    expect(run(count, pieces('ab\r', '\ncd\r\n', 'e'))).toEqual({ output: '          7          2\n', outcome: 'halted' });
  });
});
