/** Chapter 2: predict what the P-machine does; the key comes from compiling and running the program. */
import { compileProgram, formatDiagnostic } from '../pascal/index.ts';
import { PMachine, encodeShareHash, formatInstruction, formatListing } from '../pcode/index.ts';
import type { PProgram } from '../pcode/index.ts';
import { localizedText } from '../book/localized-text.ts';
import { defineExercise } from './exercise.ts';
import { seededPascalProgram } from './pascal-programs.ts';

const MAX_STEPS = 1_000_000;

/** Compiles one of the seeded programs; they are fixed shapes, so a failure is a bug in this file. */
export function compileSeeded(source: string): PProgram {
  const result = compileProgram(source);
  if (!result.program) {
    throw new Error(`a generated program does not compile: ${result.diagnostics.map(formatDiagnostic).join('; ')}`);
  }
  return result.program;
}

function runToHalt(program: PProgram): PMachine {
  const machine = new PMachine(program);
  machine.run(MAX_STEPS);
  return machine;
}

export const pcodeOutput = defineExercise({
  id: 'pcode-output',
  chapter: 'p-code',
  title: localizedText('Predict the output', '预测输出'),
  summary: localizedText('Read a short Pascal program and say what it prints.', '读一个简短的 Pascal 程序，说出它打印什么。'),
  versions: [1],
  generate(random) {
    const { source, description } = seededPascalProgram(random);
    const machine = runToHalt(compileSeeded(source));
    const numbers = machine.output.trim().split(/\s+/);
    return {
      prompt: localizedText(
        'What does this program print? (writeln prints each integer right-aligned in 11 columns; give just the numbers.)',
        '这个程序打印什么？（writeln 把每个整数右对齐打印在 11 列宽的位置上；只需写出数字。）',
      ),
      figure: source.trimEnd(),
      answerKind: 'list',
      answerFormat: localizedText('the numbers printed, separated by spaces, e.g. 12 3', '打印出的数字，用空格隔开，例如 12 3'),
      answer: numbers.join(' '),
      hint: description,
      explanation: localizedText(
        `${description.en}\nThe P-machine halts after ${machine.steps} instructions and prints:\n${machine.output.trimEnd()}`,
        `${description['zh-CN']}\nP 机器执行 ${machine.steps} 条指令后停机，打印：\n${machine.output.trimEnd()}`,
      ),
    };
  },
});

export const pcodeTopOfStack = defineExercise({
  id: 'pcode-top-of-stack',
  chapter: 'p-code',
  title: localizedText('The stack after N steps', '执行 N 步之后的栈'),
  summary: localizedText('Step the P-machine by hand and give the value on top of the stack.', '手动单步执行 P 机器，说出栈顶的值。'),
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
      prompt: localizedText(
        `Start the P-machine on this program and execute ${steps} instructions. What value is then on top of the stack (the word at SP)?`,
        `让 P 机器从头运行这个程序，执行 ${steps} 条指令。这时栈顶（SP 所指的字）上是什么值？`,
      ),
      figure: formatListing(program, source).trimEnd(),
      answerKind: 'number',
      answerFormat: localizedText('one integer', '一个整数'),
      answer: String(machine.stack[machine.sp]),
      hint: localizedText(
        'ENT makes room for the variables (they start at 0); LIT pushes a constant; STO pops into a variable; LOD pushes a copy of one.',
        'ENT 为变量腾出空间（初值都是 0）；LIT 把一个常数压栈；STO 弹出栈顶存入变量；LOD 把变量的值复制一份压栈。',
      ),
      explanation: localizedText(
        `Step by step (the instruction executed, then SP and the word at SP):\n${trace.join('\n')}`,
        `逐步执行（每行是执行的指令，然后是 SP 和 SP 所指的字，top 即栈顶）：\n${trace.join('\n')}`,
      ),
    };
  },
});

export const pcodeSteps = defineExercise({
  id: 'pcode-steps',
  chapter: 'p-code',
  title: localizedText('Count the instructions', '数一数指令'),
  summary: localizedText('Count how many P-code instructions a run executes, HLT included.', '数一数一次运行共执行多少条 P-code 指令（包括 HLT）。'),
  versions: [1],
  generate(random) {
    const { source, description } = seededPascalProgram(random);
    const program = compileSeeded(source);
    const machine = runToHalt(program);
    const printed = machine.output.trim().split(/\s+/).join(' ');
    return {
      prompt: localizedText(
        'How many P-code instructions does the P-machine execute from the start of this program until it halts (HLT counts)?',
        '从这个程序开始运行到停机，P 机器一共执行多少条 P-code 指令（HLT 也算）？',
      ),
      figure: formatListing(program, source).trimEnd(),
      answerKind: 'number',
      answerFormat: localizedText('one integer', '一个整数'),
      answer: String(machine.steps),
      hint: localizedText(
        `${description.en} Count the instructions before the loop, the ones in one pass through the loop, and the ones after it.`,
        `${description['zh-CN']}分别数出循环之前的指令、循环走一遍的指令和循环之后的指令。`,
      ),
      explanation: localizedText(
        `Running the program on the P-machine executes ${machine.steps} instructions and prints ${printed}. Check it in the P-code lab: open the problem there with the link, press Run, and read the step counter.`,
        `在 P 机器上运行这个程序，共执行 ${machine.steps} 条指令，打印 ${printed}。可以在 P-code 实验里验证：用链接在实验里打开这道题，按“运行”，看步数计数器。`,
      ),
      labLink: { lab: 'pcode-lab', hash: encodeShareHash({ source, input: '' }) },
    };
  },
});
