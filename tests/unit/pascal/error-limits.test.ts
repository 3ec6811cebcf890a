/**
 * Limits on what the compiler reports: the lexer's errors are capped like the parser's (at
 * MAX_ERRORS), and statements nested too deeply are reported as such, at their line:column,
 * not as a deep expression.
 */
import { describe, expect, it } from 'vitest';
import { MAX_ERRORS, compileProgram, formatDiagnostic, formatDiagnosticIn } from '../../../lib/pascal/index.ts';

describe('error limits', () => {
  it('a file of a million stray characters gets MAX_ERRORS errors, not a million', () => {
    const result = compileProgram('#'.repeat(1_000_000));
    expect(result.program).toBeUndefined();
    expect(result.diagnostics).toHaveLength(MAX_ERRORS);
    expect(MAX_ERRORS).toBe(30);
    expect(formatDiagnostic(result.diagnostics[0]!)).toMatch(/^1:1: /);
  });

  it('stray characters inside a program: lexer and parser errors together stop at MAX_ERRORS', () => {
    const body = Array.from({ length: 100 }, () => '  x := 1 # 2;').join('\n');
    const result = compileProgram(`program p;\nvar x: integer;\nbegin\n${body}\n  y := 3\nend.`);
    expect(result.program).toBeUndefined();
    expect(result.diagnostics.length).toBeLessThanOrEqual(MAX_ERRORS);
    expect(result.diagnostics.length).toBeGreaterThan(0);
  });

  it('unclosed comments and strings count towards the cap too', () => {
    const result = compileProgram(`${'#'.repeat(MAX_ERRORS)}\n'open string\n{ open comment`);
    expect(result.diagnostics).toHaveLength(MAX_ERRORS);
  });

  it('deeply nested ifs are statements nested too deeply, at the statement that is too deep', () => {
    const depth = 400;
    const lines = Array.from({ length: depth }, (_, k) => `${' '.repeat(k)}if x > ${k} then`);
    const source = `program p;\nvar x: integer;\nbegin\n${lines.join('\n')}\n  x := 1\nend.`;
    const result = compileProgram(source);
    expect(result.program).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    const d = result.diagnostics[0]!;
    expect(d.code).toBe('statementsNestedTooDeeply');
    // The 101st nested `if` is the statement one level too deep: line 4 + 100, its column.
    expect(formatDiagnostic(d)).toBe('104:101: statements are nested too deeply');
    expect(formatDiagnosticIn(d, 'zh-CN')).toBe('104:101: 语句嵌套太深');
  });

  it('a hundred nested ifs still compile, and a deep expression is still an expression', () => {
    const lines = Array.from({ length: 99 }, (_, k) => `if x > ${k} then`);
    expect(compileProgram(`program p;\nvar x: integer;\nbegin\n${lines.join('\n')}\nx := 1\nend.`).program).toBeDefined();
    const deep = compileProgram(`program p;\nvar x: integer;\nbegin\n  x := ${'('.repeat(200)}1${')'.repeat(200)}\nend.`);
    expect(deep.diagnostics.map((d) => d.code)).toEqual(['expressionNestedTooDeeply']);
  });
});
