/** Chapter 2: predict what the P-machine does; the key comes from compiling and running the program. */
import { compileProgram } from '../pascal/index.ts';
import { PMachine, formatInstruction, formatListing } from '../pcode/index.ts';
import type { PProgram } from '../pcode/index.ts';
import type { ExerciseType } from './exercise.ts';
import { seededPascalProgram } from './pascal-programs.ts';

const MAX_STEPS = 1_000_000;

/** Compiles one of the seeded programs; they are fixed shapes, so a failure is a bug in this file. */
export function compileSeeded(source: string): PProgram {
  const result = compileProgram(source);
  if (!result.program) {
    throw new Error(`a generated program does not compile: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  }
  return result.program;
}

function runToHalt(program: PProgram): PMachine {
  const machine = new PMachine(program);
  machine.run(MAX_STEPS);
  return machine;
}

export const pcodeOutput: ExerciseType = {
  id: 'pcode-output',
  chapter: 'p-code',
  title: 'Predict the output',
  summary: 'Read a short Pascal program and say what it prints.',
  versions: [1],
  generate(random) {
    const { source, description } = seededPascalProgram(random);
    const machine = runToHalt(compileSeeded(source));
    const numbers = machine.output.trim().split(/\s+/);
    return {
      prompt: 'What does this program print? (writeln prints each integer right-aligned in 11 columns; give just the numbers.)',
      figure: source.trimEnd(),
      answerKind: 'list',
      answerFormat: 'the numbers printed, separated by spaces, e.g. 12 3',
      answer: numbers.join(' '),
      hint: description,
      explanation: `${description}\nThe P-machine halts after ${machine.steps} instructions and prints:\n${machine.output.trimEnd()}`,
    };
  },
};

export const pcodeTopOfStack: ExerciseType = {
  id: 'pcode-top-of-stack',
  chapter: 'p-code',
  title: 'The stack after N steps',
  summary: 'Step the P-machine by hand and give the value on top of the stack.',
  versions: [1],
  generate(random) {
    const { source } = seededPascalProgram(random);
    const program = compileSeeded(source);
    const steps = random.int(6, 14);
    const machine = new PMachine(program);
    const trace: string[] = [];
    for (let i = 0; i < steps && machine.status === 'ready'; i++) {
      const pc = machine.pc;
      machine.step();
      trace.push(`${String(i + 1).padStart(2)}. ${formatInstruction(program, pc).padEnd(12)} SP=${machine.sp}  top=${machine.stack[machine.sp]}`);
    }
    return {
      prompt: `Start the P-machine on this program and execute ${steps} instructions. What value is then on top of the stack (the word at SP)?`,
      figure: formatListing(program, source).trimEnd(),
      answerKind: 'number',
      answerFormat: 'one integer',
      answer: String(machine.stack[machine.sp]),
      hint: 'ENT makes room for the variables (they start at 0); LIT pushes a constant; STO pops into a variable; LOD pushes a copy of one.',
      explanation: `Step by step (the instruction executed, then SP and the word at SP):\n${trace.join('\n')}`,
    };
  },
};

export const pcodeSteps: ExerciseType = {
  id: 'pcode-steps',
  chapter: 'p-code',
  title: 'Count the instructions',
  summary: 'Count how many P-code instructions a run executes, HLT included.',
  versions: [1],
  generate(random) {
    const { source, description } = seededPascalProgram(random);
    const program = compileSeeded(source);
    const machine = runToHalt(program);
    return {
      prompt: 'How many P-code instructions does the P-machine execute from the start of this program until it halts (HLT counts)?',
      figure: formatListing(program, source).trimEnd(),
      answerKind: 'number',
      answerFormat: 'one integer',
      answer: String(machine.steps),
      hint: `${description} Count the instructions before the loop, the ones in one pass through the loop, and the ones after it.`,
      explanation: `Running the program on the P-machine executes ${machine.steps} instructions and prints ${machine.output.trim().split(/\s+/).join(' ')}. Check it in the P-code lab: paste the program, press Run, and read the step counter.`,
    };
  },
};
