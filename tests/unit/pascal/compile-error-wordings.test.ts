/**
 * Every compile error reaches the reader in both editions: each code in the catalogue is produced
 * by a real bad program as a code and its parameters (no English sentence: a diagnostic carries
 * none), its English wording is English, and its Chinese wording is Chinese (CJK characters, not
 * the English sentence).
 */
import { describe, expect, it } from 'vitest';
import {
  PASCAL_EXAMPLES,
  compileErrorWordings,
  compileProgram,
  formatDiagnostic,
  formatDiagnosticIn,
  wordDiagnostic,
} from '../../../lib/pascal/index.ts';
import type { CompileErrorCode, Diagnostic } from '../../../lib/pascal/index.ts';

const CJK = /[\u4e00-\u9fff]/;

/** A whole program around some declarations and a statement part. */
const program = (declarations: string, body: string) => `program p(input, output);\n${declarations}\nbegin\n${body}\nend.\n`;

/** One bad program for every code a reader can meet. */
const producers: Record<Exclude<CompileErrorCode, (typeof unreachable)[number]>, string> = {
  commentNotClosed: program('', '  writeln(1) { never closed'),
  stringNotClosed: program('', "  writeln('open"),
  unexpectedCharacter: program('', '  writeln(1) # 2'),
  expectedSymbol: program('var x: integer;', '  if x = 1 writeln(x)'),
  expectedIdentifier: program('procedure 1;\nbegin\nend;', ''),
  expectedProgramEnd: 'program p(output);\nbegin\n  writeln(1)\nend',
  textAfterEnd: 'program p(output);\nbegin\n  writeln(1)\nend.\nwriteln(2)\n',
  programHeading: 'begin\n  writeln(1)\nend.\n',
  expectedResultType: program('function f;\nbegin\nend;', ''),
  expectedTypeName: program('procedure q(x: 1..10);\nbegin\nend;', ''),
  expectedConstant: program('const c = ;', ''),
  unexpectedToken: program('var x: integer;', '  x := 1;\n  then'),
  expectedSemicolonBetweenStatements: program('var x: integer;', '  x := 1\n  x := 2'),
  expectedToOrDownto: program('var i: integer;', '  for i := 1 upto 3 do writeln(i)'),
  expectedCaseSeparator: program('var x: integer;', '  case x of\n    1: writeln(1)\n    2: writeln(2)\n  end'),
  expectedValue: program('var x: integer;', '  x := * 2'),
  useColonEquals: program('var x: integer;', '  x = 1'),
  nestedTooDeeplyToCompile: program(`var a: ${'array[1..2] of '.repeat(50_000)}integer;`, ''),
  statementsNestedTooDeeply: program('var x: integer;', `  ${'begin '.repeat(200)}x := 1${' end'.repeat(200)}`),
  expressionNestedTooDeeply: program('var x: integer;', `  x := ${'('.repeat(200)}1${')'.repeat(200)}`),
  constantNestedTooDeeply: program(`const c = ${'('.repeat(200)}1${')'.repeat(200)};`, ''),
  tooManyVariables: program('var a: array[1..5000000] of integer;\n    b: array[1..5000000] of integer;', ''),
  arrayTooLarge: program('var a: array[1..100000] of array[1..100000] of integer;', ''),
  recordTooLarge: program('var r: record a, b: array[1..5000000] of integer end;', ''),
  arrayIndexTooLarge: program('var a: array[integer] of integer;', ''),
  labelsNotSupported: program('label 1;', ''),
  gotoNotSupported: program('', '  goto 1'),
  withNotSupported: program('var r: record a: integer end;', '  with r do a := 1'),
  routineParametersNotSupported: program('procedure q(procedure r);\nbegin\nend;', ''),
  typeKindNotSupported: program('var s: set of char;', ''),
  enumeratedTypesNotSupported: program('type colour = (red, green);', ''),
  variantRecordsNotSupported: program('type v = record case b: boolean of true: (x: integer) end;', ''),
  typeNotSupported: program('var r: real;', ''),
  realNotSupported: program('var x: integer;', '  x := 1.5'),
  realDivisionNotSupported: program('var x: integer;', '  x := 4 / 2'),
  decimalPlacesNotSupported: program('', '  writeln(1:5:2)'),
  pointersNotSupported: program('var x: integer;', '  x := nil'),
  setsNotSupported: program('var b: boolean;', "  b := 'a' in ['a']"),
  alreadyDeclared: program('var x: integer;\n    x: char;', ''),
  functionResultType: program('type t = array[1..2] of integer;\nfunction f: t;\nbegin\nend;', ''),
  parameterTypeName: program('procedure q(x: array[1..2] of integer);\nbegin\nend;', ''),
  notAType: program('var x: integer;\n    y: x;', ''),
  unknownType: program('var x: colour;', ''),
  subrangeBoundsType: program("var x: 'ab'..'c';", ''),
  subrangeBoundsDiffer: program("var x: 1..'z';", ''),
  subrangeEmpty: program('var x: array[10..1] of integer;', ''),
  arrayIndexOrdinal: program('type r = record a: integer end;\nvar x: array[r] of integer;', ''),
  fieldDeclaredTwice: program('var r: record a: integer; a: char end;', ''),
  constantSignNeedsInteger: program("const c = -'a';", ''),
  constantOperatorNeedsIntegers: program("const c = 'a' + 1;", ''),
  constantOutOfRange: program('const c = 2147483647 + 1;', ''),
  constantDivisionByZero: program('const c = 1 div 0;', ''),
  constantModNegative: program('const m = -2;\n      c = 7 mod m;', ''),
  notAConstant: program('var x: integer;\nconst c = x;', ''),
  unknownIdentifier: program('', '  y := 1'),
  notAVariable: program('const c = 1;', '  for c := 1 to 2 do writeln(c)'),
  notVariableOrProcedure: program('', '  integer := 1'),
  typeNotValue: program('var x: integer;', '  x := integer'),
  fileNotValue: program('var x: integer;', '  x := input'),
  procedureHasNoValue: program('var x: integer;\nprocedure q;\nbegin\nend;', '  x := q'),
  stringConstantValue: program("const s = 'hello';\nvar x: char;", '  x := s'),
  conditionNotBoolean: program('', '  while 1 do writeln(1)'),
  forControlVariable: program('var b: array[1..2] of integer;\nprocedure q(var i: integer);\nbegin\n  for i := 1 to 2 do writeln(i)\nend;', ''),
  forStartType: program('var i: integer;', "  for i := 'a' to 2 do writeln(i)"),
  forLimitType: program('var i: integer;', "  for i := 1 to 'z' do writeln(i)"),
  caseSelectorType: program('var a: array[1..2] of integer;', '  case a of\n    1: writeln(1)\n  end'),
  caseLabelType: program('var x: integer;', "  case x of\n    'a': writeln(1)\n  end"),
  duplicateCaseLabel: program('var x: integer;', '  case x of\n    1: writeln(1);\n    1: writeln(2)\n  end'),
  emptyCaseRange: program('var x: integer;', '  case x of\n    5..1: writeln(1)\n  end'),
  functionAsStatement: program('function f: integer;\nbegin\n  f := 1\nend;', '  f'),
  builtinFunctionAsStatement: program('', '  odd(1)'),
  assignToConstant: program('const c = 1;', '  c := 2'),
  assignToForControl: program('var i: integer;', '  for i := 1 to 3 do i := 5'),
  typeMismatchAssign: program('var x: integer;', "  x := 'a'"),
  assignFunctionOutside: program('function f: integer;\nbegin\n  f := 1\nend;', '  f := 2'),
  tooManyArguments: program('procedure q(a: integer);\nbegin\nend;', '  q(1, 2)'),
  tooFewArguments: program('procedure q(a, b: integer);\nbegin\nend;', '  q(1)'),
  needsArguments: program('procedure q(a: integer);\nbegin\nend;', '  q'),
  varArgumentNeedsVariable: program('procedure q(var a: integer);\nbegin\nend;', '  q(1)'),
  varArgumentType: program('var c: char;\nprocedure q(var a: integer);\nbegin\nend;', '  q(c)'),
  argumentType: program('procedure q(a: integer);\nbegin\nend;', "  q('x')"),
  builtinArgument: program('var x: integer;', "  x := abs('a')"),
  fileArgumentOnlyInput: program('var b: boolean; x: integer;', '  b := eof(x)'),
  notAnArray: program('var x: integer;', '  x[1] := 2'),
  arrayIndexType: program('var a: array[1..3] of integer;', "  a['x'] := 2"),
  notARecord: program('var x: integer;', '  x.f := 2'),
  noSuchField: program('var r: record a: integer end;', '  r.b := 2'),
  writeNeedsValue: program('', '  write'),
  cannotWriteType: program('var a: array[1..2] of integer;', '  writeln(a)'),
  fieldWidthType: program('', "  writeln(1:'a')"),
  readNeedsVariables: program('', '  read(1)'),
  readNeedsVariable: program('', '  read'),
  cannotReadType: program('var b: boolean;', '  read(b)'),
  comparisonOperands: program('var a: array[1..2] of integer; b: boolean;', '  b := a < a'),
  cannotCompare: program('var b: boolean;', "  b := 1 = 'a'"),
  signNeedsInteger: program('var x: integer;', "  x := -'a'"),
  operatorOperands: program('var x: integer;', '  x := 1 + true'),
  notNeedsBoolean: program('var b: boolean;', '  b := not 1'),
  integerTooLarge: program('var x: integer;', '  x := 3000000000'),
  multiCharacterString: program('var c: char;', "  c := 'ab'"),
};

/** The one code no program can produce on purpose: an internal error is a bug in the compiler. */
const unreachable = ['internalError'] as const;

function diagnosticsOf(source: string): readonly Diagnostic[] {
  return compileProgram(source).diagnostics;
}

describe('compile errors in both editions', () => {
  it('lists a producing program for every code but the unreachable ones', () => {
    const covered = [...Object.keys(producers), ...unreachable].sort();
    expect(covered).toEqual(Object.keys(compileErrorWordings).sort());
  });

  for (const [code, source] of Object.entries(producers)) {
    it(`${code}: a real program produces it, worded in English and in Chinese`, () => {
      const diagnostics = diagnosticsOf(source);
      const found = diagnostics.find((d) => d.code === code);
      expect(found, `${code} not among: ${diagnostics.map(formatDiagnostic).join(' | ')}`).toBeDefined();
      const d = found!;
      expect(Object.keys(d).sort()).toEqual(['code', 'column', 'line', ...('params' in d ? ['params'] : [])].sort());
      const en = wordDiagnostic(d, 'en');
      expect(en).not.toMatch(CJK);
      const zh = wordDiagnostic(d, 'zh-CN');
      expect(zh).toMatch(CJK);
      expect(zh).not.toBe(en);
      // Every diagnostic of the program, not just the one under test, has Chinese words.
      for (const other of diagnostics) expect(wordDiagnostic(other, 'zh-CN')).toMatch(CJK);
    });
  }

  it('words the unreachable codes in both editions too', () => {
    for (const code of unreachable) {
      const entry = compileErrorWordings[code] as { 'zh-CN': (p: { detail: string }) => string; en: (p: { detail: string }) => string };
      expect(entry['zh-CN']({ detail: 'x' })).toMatch(CJK);
      expect(entry.en({ detail: 'x' })).not.toMatch(CJK);
    }
  });

  it('tells a Chinese reader what the parser found, in Chinese', () => {
    const [missingThen] = diagnosticsOf(program('var x: integer;', '  if x = 1 writeln(x)'));
    expect(formatDiagnostic(missingThen!)).toBe("4:12: expected 'then', found identifier writeln");
    expect(formatDiagnosticIn(missingThen!, 'zh-CN')).toBe("4:12: 这里应为 'then'，却遇到了标识符 writeln");
    const [atEnd] = diagnosticsOf('program p(output);\nbegin\n  writeln(1)\n');
    expect(wordDiagnostic(atEnd!, 'zh-CN')).toBe("这里应为 'end'，却遇到了文件结尾");
    const [mismatch] = diagnosticsOf(program('var x: integer;', "  x := 'a'"));
    expect(wordDiagnostic(mismatch!, 'zh-CN')).toBe('类型不匹配：不能把 char 赋给 integer');
  });

  it('words a diagnostic as the CLI and the golden tests show it', () => {
    const [d] = diagnosticsOf(program('procedure q(a: integer);\nbegin\nend;', '  q'));
    expect(wordDiagnostic(d!)).toBe('q needs 1 argument');
    expect(wordDiagnostic(d!, 'zh-CN')).toBe('q 需要 1 个实参');
  });
});

describe('the examples in both editions', () => {
  it('titles every P-code lab example in English and in Chinese', () => {
    for (const e of PASCAL_EXAMPLES) {
      expect(e.title).toBe(e.titles.en);
      expect(e.titles.en).not.toMatch(CJK);
      expect(e.titles['zh-CN'], e.id).toMatch(CJK);
    }
  });
});
