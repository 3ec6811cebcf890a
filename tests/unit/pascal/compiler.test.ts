import { describe, expect, it } from 'vitest';
import { PASCAL_EXAMPLES, compileProgram, formatDiagnostic, tokenize } from '../../../lib/pascal/index.ts';
import type { Diagnostic } from '../../../lib/pascal/index.ts';
import { Op, PMachine, disassemble, formatListing, instructionCount } from '../../../lib/pcode/index.ts';

function run(source: string, input = ''): string {
  const result = compileProgram(source);
  expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
  const machine = new PMachine(result.program!, { input });
  expect(machine.run(10_000_000)).toBe('halted');
  return machine.output;
}

function errors(source: string): string[] {
  const result = compileProgram(source);
  expect(result.program).toBeUndefined();
  return result.diagnostics.map(formatDiagnostic);
}

describe('lexer', () => {
  it('reads keywords case-insensitively, numbers, strings with doubled quotes, and both comment forms', () => {
    const diagnostics: Diagnostic[] = [];
    const tokens = tokenize("BEGIN x := 12 { c } (* d *) 'it''s' <= .. End", diagnostics);
    expect(diagnostics).toEqual([]);
    expect(tokens.map((t) => `${t.kind}:${t.text}`)).toEqual([
      'keyword:begin', 'identifier:x', 'symbol::=', 'integer:12', "string:it's", 'symbol:<=', 'symbol:..', 'keyword:end', 'eof:end of file',
    ]);
    expect(tokens[3]).toMatchObject({ line: 1, column: 12, value: 12 });
  });

  it('reports an unexpected character with its position', () => {
    const diagnostics: Diagnostic[] = [];
    tokenize('x\n  # y', diagnostics);
    expect(diagnostics).toEqual([
      { line: 2, column: 3, code: 'unexpectedCharacter', params: { character: '#' } },
    ]);
  });
});

describe('compiler', () => {
  it('compiles hello world to WRS and WLN', () => {
    const { program } = compileProgram("program hello; begin writeln('hi') end.");
    expect(program).toBeDefined();
    expect(disassemble(program!)).toContain('WRS 0');
    expect(run("program hello; begin writeln('hi') end.")).toBe('hi\n');
  });

  it('keeps names case-insensitive', () => {
    expect(run('program P; VAR Total: Integer; Begin total := 3; WriteLn(TOTAL:1) End.')).toBe('3\n');
  });

  it('uses static links: a nested procedure updates a variable two levels out', () => {
    const source = `program s;
      procedure a; var x: integer;
        procedure b; procedure c; begin x := x + 1 end; begin c; c end;
      begin x := 40; b; writeln(x:1) end;
      begin a end.`;
    expect(run(source)).toBe('42\n');
    const { program } = compileProgram(source);
    // c reaches x with a level difference of 2 (c -> b -> a).
    expect(disassemble(program!)).toMatch(/LOD 2, 3/);
  });

  it('passes var parameters by address and value parameters by copy (records too)', () => {
    const source = `program v; type r = record a, b: integer end; var x, y: r;
      procedure byvalue(p: r); begin p.a := 99 end;
      procedure byref(var p: r); begin p.b := 77 end;
      begin x.a := 1; x.b := 2; byvalue(x); byref(x); y := x; y.a := 5;
      writeln(x.a:1, ' ', x.b:1, ' ', y.a:1, ' ', y.b:1) end.`;
    expect(run(source)).toBe('1 77 5 77\n');
  });

  it('evaluates and/or with short-circuit, as Free Pascal does', () => {
    const source = `program sc; var a: array[1..3] of integer; i: integer;
      begin a[1] := 1; a[2] := 2; a[3] := 3; i := 1;
      while (i <= 3) and (a[i] <> 7) do i := i + 1;
      writeln(i:1) end.`;
    expect(run(source)).toBe('4\n');
  });

  it('evaluates a for loop limit once and leaves the variable at the limit', () => {
    expect(run('program f; var i, n: integer; begin n := 3; for i := 1 to n do n := n + 1; writeln(i:1, n:2) end.')).toBe('3 6\n');
    expect(run('program f; var i: integer; begin for i := maxint - 2 to maxint do write(i - maxint:3); writeln end.')).toBe(' -2 -1  0\n');
  });

  it('applies a leading minus to the whole term (-7 mod 3 = -1) and mod is never negative', () => {
    expect(run('program m; var x: integer; begin x := -7; writeln(-7 mod 3:3, x mod 3:3, x div 2:3) end.')).toBe(' -1  2 -3\n');
  });

  it('reads integers across lines and a line break as a space', () => {
    expect(run('program r; var a, b: integer; c: char; begin read(a); read(c); read(b); writeln(a + b:1, ord(c):3) end.', '5\n  6\n')).toBe('11 32\n');
  });

  it('passes over a first argument that names the standard file: write(output, …), read(input, …)', () => {
    const source = "program io(input, output);\nvar a, b: integer;\nbegin\n  read(input, a, b);\n  readln(input);\n  write(output, a + b, ' ');\n  writeln(output, 'done');\n  writeln(output)\nend.";
    expect(run(source, '4 5\n')).toBe("          9 done\n\n");
    expect(errors("program p(input, output);\nvar b: boolean;\nbegin\n  read(input, b)\nend.")).toEqual([
      '4:15: cannot read a value of type boolean: only integers and chars can be read',
    ]);
  });

  it('maps every instruction to a source line, and the listing interleaves them', () => {
    const source = 'program l;\nvar x: integer;\nbegin\n  x := 1;\n  writeln(x)\nend.\n';
    const { program } = compileProgram(source);
    expect(Array.from(program!.lines).every((l) => l >= 1 && l <= 6)).toBe(true);
    const listing = formatListing(program!, source);
    expect(listing).toMatch(/4 \|   x := 1;\n\s+\d+: LIT 1\n\s+\d+: STO 0, 3/);
  });

  it('describes routines and variables for the debugger', () => {
    const { program } = compileProgram('program d; var g: integer; function f(n: integer; var m: integer): integer; var k: char; begin f := n end; begin g := f(1, g) end.');
    const f = program!.routines.find((r) => r.name === 'f')!;
    expect(f).toMatchObject({ kind: 'function', level: 1, parameterWords: 2, localWords: 1 });
    expect(f.variables.map((v) => `${v.name}:${v.kind}:${v.offset}`)).toEqual(['f:result:-3', 'n:value-parameter:-2', 'm:var-parameter:-1', 'k:variable:3']);
    expect(program!.code[program!.entry * 4]).toBe(Op.ENT);
    expect(instructionCount(program!)).toBeGreaterThan(5);
  });

  it('supports forward declarations for mutual recursion', () => {
    const source = `program fw; function odd2(n: integer): boolean; forward;
      function even2(n: integer): boolean; begin if n = 0 then even2 := true else even2 := odd2(n - 1) end;
      function odd2; begin if n = 0 then odd2 := false else odd2 := even2(n - 1) end;
      begin writeln(even2(10), odd2(7)) end.`;
    expect(run(source)).toBe(' true true\n');
  });

  it('reports several errors in one compile, in source order', () => {
    expect(errors('program e;\nvar x: integer;\nbegin\n  x := true;\n  y := 1;\n  x := x + \'a\'\nend.')).toEqual([
      '4:8: type mismatch: cannot assign boolean to integer',
      '5:3: unknown identifier y',
      "6:10: operator + needs integer operands, found char",
    ]);
  });

  it('never throws on deeply nested input', () => {
    const deep = `program d; var x: integer; begin x := ${'('.repeat(5000)}1${')'.repeat(5000)} end.`;
    const result = compileProgram(deep);
    expect(result.program).toBeUndefined();
    expect(result.diagnostics[0]!.code).toMatch(/nestedTooDeeply/i);
  });
});

describe('the lab examples', () => {
  it.each(PASCAL_EXAMPLES.filter((e) => e.id !== 'runaway'))('$id compiles and halts', (example) => {
    const { program, diagnostics } = compileProgram(example.source);
    expect(diagnostics).toEqual([]);
    const machine = new PMachine(program!, { input: example.input });
    expect(machine.run(1_000_000)).toBe('halted');
    expect(machine.output.length).toBeGreaterThan(0);
  });

  it('the runaway loop runs until its budget ends', () => {
    const example = PASCAL_EXAMPLES.find((e) => e.id === 'runaway')!;
    const machine = new PMachine(compileProgram(example.source).program!);
    expect(machine.run(100_000)).toBe('budget');
    expect(machine.steps).toBe(100_000);
  });

  it('covers the examples the chapter promises', () => {
    expect(PASCAL_EXAMPLES.map((e) => e.id)).toEqual(expect.arrayContaining(['hello', 'factorial', 'hanoi', 'sieve', 'static-links', 'records']));
  });
});
