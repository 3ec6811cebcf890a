/** Runs a program on the interpreter and on the JIT and returns what a reader can observe of each. */
import { PMachine } from '../../../lib/pcode/index.ts';
import type { PProgram } from '../../../lib/pcode/index.ts';
import { JitMachine } from '../../../lib/jit/index.ts';
import type { JitMode } from '../../../lib/jit/index.ts';

export interface Observed {
  outcome: string;
  output: string;
  steps: number;
  error: string | null;
  pc: number;
}

function clone(p: PProgram): PProgram {
  return { ...p, code: p.code.slice() };
}

export function runInterpreter(program: PProgram, input: string, maxSteps: number, stackSize: number): Observed {
  const m = new PMachine(clone(program), { input, stackSize });
  const outcome = m.run(maxSteps);
  return { outcome, output: m.output, steps: m.steps, error: m.error ? m.errorReport() : null, pc: m.pc };
}

export async function runJit(
  program: PProgram,
  input: string,
  maxSteps: number,
  stackSize: number,
  options: { threshold: number; mode: JitMode; instantiate: 'sync' | 'async'; sliceBudget?: number },
): Promise<Observed & { jit: JitMachine }> {
  const jit = new JitMachine(clone(program), { input, stackSize, ...options });
  const outcome = await jit.runToEnd({ maxSteps, sliceBudget: options.sliceBudget ?? 5000 });
  const m = jit.machine;
  return { outcome, output: m.output, steps: m.steps, error: m.error ? m.errorReport() : null, pc: m.pc, jit };
}
