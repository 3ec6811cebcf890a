import { describe, expect, it } from 'vitest';
import { compileProgram, formatDiagnostic } from '../../../lib/pascal/index.ts';
import { INSTRUCTIONS, Op, PMachine, assemble, wordAssemblyError, wordRuntimeError } from '../../../lib/pcode/index.ts';
import type { PProgram } from '../../../lib/pcode/index.ts';

function asm(text: string): PProgram {
  const result = assemble(text);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}: ${wordAssemblyError(e)}`).join('\n'));
  return result.program;
}

function compiled(source: string): PProgram {
  const result = compileProgram(source);
  if (!result.program) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
  return result.program;
}

const counting = `
  ENT 1, 4
  LIT 0
  STO 0, 3
loop:
  LOD 0, 3
  LIT 5
  LT
  JPF done
  LOD 0, 3
  INC 1
  STO 0, 3
  JMP loop
done:
  LOD 0, 3
  LIT 1
  WRI
  HLT`;

describe('instruction set table', () => {
  it('is indexed by opcode, with unique names and a meaning for each', () => {
    INSTRUCTIONS.forEach((info, k) => {
      expect(info.code).toBe(k);
      expect(Op[info.name as keyof typeof Op]).toBe(k);
      expect(info.meaning.length).toBeGreaterThan(5);
    });
    expect(new Set(INSTRUCTIONS.map((i) => i.name)).size).toBe(INSTRUCTIONS.length);
  });
});

describe('PMachine', () => {
  it('runs to HLT, counting every executed instruction', () => {
    const machine = new PMachine(asm(counting));
    expect(machine.run(1000)).toBe('halted');
    expect(machine.output).toBe('5');
    // ENT, LIT, STO, then 5 iterations of 8, the final test (4), then LOD LIT WRI HLT.
    expect(machine.steps).toBe(3 + 5 * 8 + 4 + 4);
    expect(machine.status).toBe('halted');
    expect(machine.run(10)).toBe('halted');
    expect(machine.steps).toBe(51);
  });

  it('stops at the end of its budget and resumes where it stopped', () => {
    const machine = new PMachine(asm(counting));
    expect(machine.run(10)).toBe('budget');
    expect(machine.steps).toBe(10);
    // ENT LIT STO, then LOD LIT LT JPF LOD INC STO: the next one is JMP loop (instruction 10).
    expect(machine.pc).toBe(10);
    expect(machine.stack[3]).toBe(1);
    expect(machine.run(1000)).toBe('halted');
    expect(machine.steps).toBe(51);
    expect(machine.output).toBe('5');
  });

  it('steps one instruction at a time with visible registers', () => {
    const machine = new PMachine(asm(counting));
    expect([machine.pc, machine.bp, machine.sp]).toEqual([0, 0, 2]);
    machine.step(); // ENT 1
    expect([machine.pc, machine.sp]).toEqual([1, 3]);
    machine.step(); // LIT 0
    expect(machine.sp).toBe(4);
    expect(machine.stack[4]).toBe(0);
    machine.step(); // STO 0,3
    expect(machine.sp).toBe(3);
    expect(machine.steps).toBe(3);
  });

  it('stops before a breakpoint, and continuing from it runs past it', () => {
    const machine = new PMachine(asm(counting));
    machine.setBreakpoint(8, true); // LOD 0,3 in the loop body
    expect(machine.run(1000)).toBe('breakpoint');
    expect(machine.pc).toBe(8);
    const first = machine.steps;
    expect(machine.run(1000)).toBe('breakpoint');
    expect(machine.steps - first).toBe(8);
    expect(machine.stack[3]).toBe(1);
    machine.setBreakpoint(8, false);
    expect(machine.breakpoints).toEqual([]);
    expect(machine.run(1000)).toBe('halted');
  });

  it('steps over a call in one go', () => {
    const program = compiled('program s; var x: integer; procedure p; begin x := x + 1; x := x * 10 end; begin x := 1; p; writeln(x:1) end.');
    const machine = new PMachine(program);
    while (program.code[machine.pc * 4] !== Op.CAL) machine.step();
    const before = machine.steps;
    expect(machine.stepOver(1000)).toBe('budget');
    expect(program.code[(machine.pc - 1) * 4]).toBe(Op.CAL);
    expect(machine.steps - before).toBeGreaterThan(5);
    expect(machine.run(100)).toBe('halted');
    expect(machine.output).toBe('20\n');
  });

  it('delivers output through the callback and reads input from a string', () => {
    const chunks: string[] = [];
    const program = compiled('program io; var a, b: integer; begin read(a, b); writeln(a * b:1) end.');
    const machine = new PMachine(program, { input: '6 7', onOutput: (t) => chunks.push(t) });
    expect(machine.run(1000)).toBe('halted');
    expect(chunks.join('')).toBe('42\n');
    machine.reset('2 3\n');
    expect(machine.steps).toBe(0);
    expect(machine.run(1000)).toBe('halted');
    expect(machine.output).toBe('6\n');
  });

  it('shows frames with static and dynamic links and variables by name', () => {
    const program = compiled(`program f; var g: integer;
      procedure outer(n: integer); var a: integer;
        procedure inner(var r: integer); begin r := n * 2; g := 99 end;
      begin a := 0; inner(a) end;
      begin g := 1; outer(21) end.`);
    const machine = new PMachine(program);
    // Run until g is set inside inner (the STO to g).
    while (machine.status === 'ready' && machine.frames()[0]!.name !== 'inner') machine.step();
    for (let k = 0; k < 6; k++) machine.step();
    const frames = machine.frames();
    expect(frames.map((f) => f.name)).toEqual(['inner', 'outer', 'f']);
    const [inner, outer, main] = frames;
    expect(inner!.staticLink).toBe(outer!.bp);
    expect(inner!.dynamicLink).toBe(outer!.bp);
    expect(outer!.staticLink).toBe(main!.bp);
    expect(inner!.variables.find((v) => v.name === 'r')).toMatchObject({ kind: 'var-parameter', value: '42', refersTo: outer!.bp + 3 });
    expect(outer!.variables.map((v) => `${v.name}=${v.value}`)).toEqual(['n=21', 'a=42']);
  });

  it.each([
    ['index out of range', 'program e; var a: array[1..3] of integer; i: integer; begin i := 4; a[i] := 1 end.', 'index 4 out of range 1..3', 1],
    ['division by zero', 'program e; var i: integer; begin i := 0; i := 5 div i end.', 'division by zero', 1],
    ['mod by a negative number', 'program e; var i: integer; begin i := -2; i := 5 mod i end.', 'mod by -2: the divisor must be positive', 1],
    ['no matching case', 'program e; var i: integer; begin i := 3; case i of 1: i := 0 end end.', 'no case label matches the value 3', 1],
    ['reading past the input', 'program e; var i: integer; begin read(i) end.', 'read past the end of the input', 1],
    ['stack overflow', 'program e; procedure p; begin p end; begin p end.', 'stack overflow (recursion too deep?)', 1],
  ])('stops on %s with the P-code address, the source line and a post-mortem', (_, source, message) => {
    const program = compiled(source);
    const machine = new PMachine(program, { stackSize: 4096 });
    let outcome = machine.run(1_000_000);
    while (outcome === 'budget') outcome = machine.run(1_000_000);
    expect(outcome).toBe('error');
    expect(machine.status).toBe('error');
    expect(wordRuntimeError(machine.error!)).toBe(message);
    expect(machine.error!.pc).toBe(machine.pc);
    expect(machine.error!.line).toBe(1);
    const report = machine.errorReport();
    expect(report).toContain(`runtime error at P-code address ${machine.pc}, source line 1: ${message}`);
    expect(report).toMatch(/program e at line 1 \(BP=0\)/);
    // A faulting instruction is not counted and does not move PC.
    const steps = machine.steps;
    expect(machine.step()).toBe('error');
    expect(machine.steps).toBe(steps);
  });

  it('reports an invalid opcode and a jump outside the program as runtime errors', () => {
    const bad = asm('LIT 1\nHLT');
    (bad.code as Int32Array)[0] = 99;
    const m1 = new PMachine(bad);
    expect(m1.run(10)).toBe('error');
    expect(m1.error).toMatchObject({ code: 'invalidInstruction', params: { opcode: 99 } });
    expect(wordRuntimeError(m1.error!)).toBe('invalid instruction (opcode 99)');
    const m2 = new PMachine(asm('JMP 1\nJMP 0'));
    (m2.code as Int32Array)[4 + 1] = 50;
    expect(m2.run(10)).toBe('error');
    expect(m2.error).toMatchObject({ code: 'pcOutOfRange' });
    expect(wordRuntimeError(m2.error!)).toBe('jump outside the program');
  });
});
