/**
 * Fuzzing: 10,000 random and mutated programs must never crash the compiler or the machine.
 * The compiler answers with a program or with diagnostics; the machine halts, runs out of its
 * budget, or stops with one of its runtime errors. The generator is seeded, so a failure names
 * the seed and program that reproduce it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProgram, formatDiagnostic } from '../../../lib/pascal/index.ts';
import { PMachine } from '../../../lib/pcode/index.ts';
import type { RuntimeError } from '../../../lib/pcode/index.ts';
import { seededRandom as random } from '../../seeded-random.ts';


/** The runtime errors a compiled program may stop with (the others are for hand-written P-code). */
const KNOWN_RUNTIME_ERRORS: readonly RuntimeError['code'][] = [
  'indexOutOfRange', 'divisionByZero', 'modNotPositive', 'stackOverflow', 'noMatchingCase', 'readPastEnd', 'invalidInteger',
];

/** Compiles and runs; returns what happened, or throws (which fails the test) if anything crashed. */
function exercise(source: string, input: string): 'compile-error' | 'halted' | 'budget' | 'error' {
  const result = compileProgram(source);
  if (!result.program) {
    expect(result.diagnostics.length).toBeGreaterThan(0);
    for (const d of result.diagnostics) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(d.code).not.toBe('internalError');
    }
    return 'compile-error';
  }
  expect(result.diagnostics).toEqual([]);
  const machine = new PMachine(result.program, { input, stackSize: 8192 });
  const outcome = machine.run(20_000);
  expect(machine.sp).toBeGreaterThanOrEqual(machine.bp - 1);
  if (outcome === 'error') {
    expect(KNOWN_RUNTIME_ERRORS).toContain(machine.error!.code);
    machine.frames();
  }
  expect(outcome).not.toBe('breakpoint');
  return outcome as 'halted' | 'budget' | 'error';
}

/** Random, type-correct programs over a fixed set of declarations. */
function generateProgram(rand: () => number): string {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const intVars = ['i', 'j', 'k', 'a[1]', 'a[j mod 5 + 1]', 'r.x', 'm[1, 2]'];
  const intExpr = (d: number): string => {
    if (d <= 0 || rand() < 0.3) return pick([String(int(-20, 100)), ...intVars, 'maxint', 'ord(c)', 'f(2)']);
    switch (int(0, 7)) {
      case 0: return `${intExpr(d - 1)} ${pick(['+', '-', '*'])} ${intExpr(d - 1)}`;
      case 1: return `${intExpr(d - 1)} ${pick(['div', 'mod'])} ${intExpr(d - 1)}`;
      case 2: return `(${intExpr(d - 1)})`;
      case 3: return `${pick(['abs', 'sqr', 'succ', 'pred'])}(${intExpr(d - 1)})`;
      case 4: return `-${intExpr(d - 1)}`;
      case 5: return `f(${intExpr(d - 1)} mod 4)`;
      case 6: return `ord(${boolExpr(d - 1)})`;
      default: return `a[${intExpr(d - 1)}]`;
    }
  };
  const charExpr = (d: number): string =>
    d <= 0 || rand() < 0.5 ? pick(["'x'", 'c', "'A'", "''''"]) : pick([`chr(${int(32, 126)})`, `succ(${charExpr(d - 1)})`, `chr(ord(${charExpr(d - 1)}) + 1)`]);
  const boolExpr = (d: number): string => {
    if (d <= 0 || rand() < 0.3) return pick(['true', 'false', 'b', 'r.f', 'eof', 'eoln']);
    switch (int(0, 5)) {
      case 0: return `${intExpr(d - 1)} ${pick(['=', '<>', '<', '<=', '>', '>='])} ${intExpr(d - 1)}`;
      case 1: return `(${boolExpr(d - 1)}) ${pick(['and', 'or'])} (${boolExpr(d - 1)})`;
      case 2: return `not (${boolExpr(d - 1)})`;
      case 3: return `odd(${intExpr(d - 1)})`;
      case 4: return `${charExpr(d - 1)} ${pick(['=', '<'])} ${charExpr(d - 1)}`;
      default: return `(${boolExpr(d - 1)})`;
    }
  };
  const statement = (d: number): string => {
    if (d <= 0) return `${pick(['i', 'j', 'k'])} := ${intExpr(1)}`;
    switch (int(0, 12)) {
      case 0: return `${pick(intVars)} := ${intExpr(2)}`;
      case 1: return `b := ${boolExpr(2)}`;
      case 2: return `c := ${charExpr(2)}`;
      case 3: return `if ${boolExpr(2)} then ${statement(d - 1)} else ${statement(d - 1)}`;
      case 4: return `while ${boolExpr(1)} do begin ${statement(d - 1)}; k := k + 1 end`;
      case 5: return `for q${d} := ${intExpr(1)} ${pick(['to', 'downto'])} ${intExpr(1)} do ${statement(d - 1)}`;
      case 6: return `repeat ${statement(d - 1)}; j := j + 1 until ${boolExpr(1)}`;
      case 7: return `case ${intExpr(1)} mod 3 of 0: ${statement(d - 1)}; 1, 2: ${statement(d - 1)}; -2..-1: k := 0 end`;
      case 8: return `writeln(${intExpr(2)}:${int(0, 8)}, ' ', ${boolExpr(1)}, ${charExpr(1)}, 'txt':${int(0, 5)})`;
      case 9: return `p(${intExpr(1)}, ${pick(['i', 'j', 'a[2]', 'r.x'])})`;
      case 10: return `begin ${statement(d - 1)}; ${statement(d - 1)} end`;
      case 11: return `read(${pick(['i', 'c', 'a[3]'])})`;
      default: return `begin s := t; t.x := ${intExpr(1)} end`;
    }
  };
  const body = Array.from({ length: int(1, 6) }, () => statement(3)).join(';\n  ');
  return `program fuzz(input, output);
type rec = record x: integer; f: boolean end;
var i, j, k, q0, q1, q2, q3: integer; b: boolean; c: char;
    a: array[1..5] of integer; r, s, t: rec; m: array[0..2, 1..3] of integer;
function f(n: integer): integer;
begin if n <= 0 then f := 1 else f := n * f(n - 1) end;
procedure p(n: integer; var out: integer);
var local: integer;
begin local := n; if n > 0 then p(n - 1, local); out := out + local end;
begin
  ${body}
end.
`;
}

const golden = join(import.meta.dirname, '../../golden/pascal');
const seeds = readdirSync(golden)
  .filter((f) => f.endsWith('.pas'))
  .map((f) => readFileSync(join(golden, f), 'utf8'));
const FRAGMENTS = [';', 'begin', 'end', '(', ')', '[', ']', ':=', '..', 'var', 'if', 'then', 'else', 'x', '1', "'", '{', '*)', '.', ',', 'case', 'of', 'array', 'record', 'function', 'procedure', '-', 'div', 'not', '999999999999', 'integer', 'char', ':'];

function mutate(source: string, rand: () => number): string {
  let text = source;
  const edits = 1 + Math.floor(rand() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * (text.length + 1));
    const len = 1 + Math.floor(rand() * 12);
    switch (Math.floor(rand() * 5)) {
      case 0: text = text.slice(0, at) + text.slice(at + len); break; // delete
      case 1: text = text.slice(0, at) + ` ${FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)]} ` + text.slice(at); break; // insert
      case 2: { // duplicate a chunk elsewhere
        const from = Math.floor(rand() * text.length);
        text = text.slice(0, at) + text.slice(from, from + len * 3) + text.slice(at);
        break;
      }
      case 3: text = text.slice(0, at) + String.fromCharCode(32 + Math.floor(rand() * 95)) + text.slice(at + 1); break; // replace a char
      default: { // swap two words
        const words = text.split(/(\s+)/);
        const x = Math.floor(rand() * words.length);
        const y = Math.floor(rand() * words.length);
        [words[x], words[y]] = [words[y]!, words[x]!];
        text = words.join('');
      }
    }
  }
  return text;
}

const CHUNKS = 10;
const PER_CHUNK = 500; // 10 chunks × 500 × (generated + mutated) = 10,000 programs

describe('fuzzing the compiler and the machine', () => {
  for (let chunk = 0; chunk < CHUNKS; chunk++) {
    it(`generated programs, seeds ${chunk * PER_CHUNK}..${(chunk + 1) * PER_CHUNK - 1}, all compile and run without crashing`, () => {
      const outcomes = { halted: 0, budget: 0, error: 0, 'compile-error': 0 };
      for (let s = chunk * PER_CHUNK; s < (chunk + 1) * PER_CHUNK; s++) {
        const source = generateProgram(random(s));
        const compiled = compileProgram(source);
        if (!compiled.program) throw new Error(`seed ${s}: generated program did not compile:\n${compiled.diagnostics.map(formatDiagnostic).join('\n')}\n${source}`);
        try {
          outcomes[exercise(source, '3 x\n-7\n')]++;
        } catch (e) {
          throw new Error(`seed ${s}: ${e instanceof Error ? e.message : String(e)}\n${source}`);
        }
      }
      expect(outcomes['compile-error']).toBe(0);
      expect(outcomes.halted).toBeGreaterThan(0);
    }, 60_000);

    it(`mutated golden programs, seeds ${chunk * PER_CHUNK}..${(chunk + 1) * PER_CHUNK - 1}, give diagnostics or run`, () => {
      const outcomes = { halted: 0, budget: 0, error: 0, 'compile-error': 0 };
      for (let s = chunk * PER_CHUNK; s < (chunk + 1) * PER_CHUNK; s++) {
        const rand = random(1_000_000 + s);
        const source = mutate(seeds[s % seeds.length]!, rand);
        try {
          outcomes[exercise(source, '12 18\nab\n')]++;
        } catch (e) {
          throw new Error(`mutation seed ${s}: ${e instanceof Error ? e.message : String(e)}\n${source}`);
        }
      }
      expect(outcomes['compile-error']).toBeGreaterThan(0);
    }, 60_000);
  }
});
