import type { MessageCatalogues } from '../book/locale.ts';

/** The guest the lab starts with: the teaching-ISA twin of the 19 bytes of x86 in kvm-hello.c. */
export const defaultGuestSource = {
  en: `; The guest, in the teaching ISA of chapter 4.
; Before the first KVM_RUN the monitor sets r0 = 2 and r1 = 2
; (the C program sets rax = 2 and rbx = 2).
        ADD   r0, r1       ; 2 + 2
        ADDI  r0, 48       ; + '0'
        OUT   0x3f8, r0    ; serial data port: KVM_EXIT_IO, out
        MOVI  r0, 10       ; '\\n'
        OUT   0x3f8, r0    ; KVM_EXIT_IO, out
        IN    r0, 0x3fd    ; line status: KVM_EXIT_IO, in
        STORE r0, [0xf0]   ; no memory slot covers 0xf0: KVM_EXIT_MMIO
        HLT                ; KVM_EXIT_HLT
`,
  zh: `; 客户机程序，用第 4 章的教学指令集写成。
; 第一次 KVM_RUN 之前，监控器把 r0 和 r1 都设为 2
; （C 程序里是 rax = 2、rbx = 2）。
        ADD   r0, r1       ; 2 + 2
        ADDI  r0, 48       ; 加上 '0'
        OUT   0x3f8, r0    ; 串口数据端口：KVM_EXIT_IO，输出
        MOVI  r0, 10       ; '\\n'
        OUT   0x3f8, r0    ; KVM_EXIT_IO，输出
        IN    r0, 0x3fd    ; 线路状态寄存器：KVM_EXIT_IO，输入
        STORE r0, [0xf0]   ; 0xf0 不在任何内存槽里：KVM_EXIT_MMIO
        HLT                ; KVM_EXIT_HLT
`,
};

/** Every string the VMM loop lab shows, one catalogue per edition of the book. */
export interface VmmLoopLabMessages {
  regionLabel: string;
  intro: string;
  guestHeading: string;
  guestLabel: string;
  guestNote: string;
  step: string;
  run: string;
  reset: string;
  restoreDefault: string;
  tsHeading: string;
  tsLabel: string;
  tsNote: string;
  cHeading: string;
  cLabel: string;
  cNote: string;
  exitHeading: string;
  noExitYet: string;
  exitField: string;
  exitValue: string;
  serialHeading: string;
  serialEmpty: string;
  registersHeading: string;
  notCreated: string;
  guestAt: (line: number) => string;
  status: (steps: number, step: string | null) => string;
  notStarted: string;
  stillRunning: (steps: number) => string;
  assemblyErrorsHeading: string;
  errorAt: (line: number, column: number, message: string) => string;
  finished: (outcome: string) => string;
  exitCount: (n: number) => string;
}

export const en: VmmLoopLabMessages = {
  regionLabel: 'VMM loop lab',
  intro: 'The monitor in TypeScript drives the teaching ISA through a KVM-shaped interface; beside it (below it on a narrow screen) is the same monitor in C for the real /dev/kvm, shown as text. Step runs the TypeScript up to its next yield.',
  guestHeading: 'Guest program (teaching ISA)',
  guestLabel: 'Guest program in the teaching ISA',
  guestNote: 'Edits are kept in this browser. Reset assembles the program again.',
  step: 'Step',
  run: 'Run',
  reset: 'Reset',
  restoreDefault: 'Restore the example',
  tsHeading: 'The monitor, TypeScript (teaching ISA)',
  tsLabel: 'TypeScript monitor; the highlighted line ran last',
  tsNote: 'This code runs in the page; the highlighted line is the one that ran last.',
  cHeading: 'The same monitor in C (real /dev/kvm, not run here)',
  cLabel: 'C monitor for the real KVM API; the highlighted line does what the TypeScript line did',
  cNote: 'Text only: compile and run it on your own Linux. Its real output is below the lab.',
  exitHeading: 'The exit KVM_RUN returned',
  noExitYet: 'No KVM_RUN yet.',
  exitField: 'field',
  exitValue: 'value',
  serialHeading: 'Serial output (what the monitor wrote for the guest)',
  serialEmpty: '(nothing yet)',
  registersHeading: 'vCPU registers',
  notCreated: 'No vCPU yet.',
  guestAt: (line) => (line > 0 ? `the guest's next instruction: line ${line}` : 'the guest is outside its program'),
  status: (steps, step) => `${steps} steps; last: ${step ?? '–'}`,
  notStarted: 'Not started: press Step.',
  stillRunning: (steps) => `Still running after ${steps} steps; Run again to go on.`,
  assemblyErrorsHeading: 'The guest program does not assemble',
  errorAt: (line, column, message) => `line ${line}:${column}: ${message}`,
  finished: (outcome) => `The monitor returned: ${outcome}`,
  exitCount: (n) => `${n} exits so far`,
};

export const zh: VmmLoopLabMessages = {
  regionLabel: 'VMM 循环实验',
  intro: '用 TypeScript 写的监控器通过仿 KVM 的接口驱动教学指令集；旁边（窄屏上在下方）是同一个监控器的 C 版本，面向真正的 /dev/kvm，只作文本展示。“单步”让 TypeScript 运行到下一个 yield。',
  guestHeading: '客户机程序（教学指令集）',
  guestLabel: '用教学指令集写的客户机程序',
  guestNote: '修改会保存在本浏览器中。“重置”会重新汇编程序。',
  step: '单步',
  run: '运行',
  reset: '重置',
  restoreDefault: '恢复示例',
  tsHeading: '监控器，TypeScript（教学指令集）',
  tsLabel: 'TypeScript 监控器；高亮的是刚执行的一行',
  tsNote: '这段代码就在本页运行；高亮的是刚执行的一行。',
  cHeading: '同一个监控器的 C 版本（真正的 /dev/kvm，不在这里运行）',
  cLabel: '面向真实 KVM API 的 C 监控器；高亮行与 TypeScript 高亮行做同一件事',
  cNote: '仅为文本：请在你自己的 Linux 上编译运行。它的真实输出在实验下方。',
  exitHeading: 'KVM_RUN 返回的退出',
  noExitYet: '还没有调用 KVM_RUN。',
  exitField: '字段',
  exitValue: '值',
  serialHeading: '串口输出（监控器替客户机写出的内容）',
  serialEmpty: '（暂无）',
  registersHeading: 'vCPU 寄存器',
  notCreated: '还没有 vCPU。',
  guestAt: (line) => (line > 0 ? `客户机的下一条指令：第 ${line} 行` : '客户机已不在程序范围内'),
  status: (steps, step) => `已走 ${steps} 步；最后一步：${step ?? '–'}`,
  notStarted: '尚未开始：请按“单步”。',
  stillRunning: (steps) => `走了 ${steps} 步仍在运行；再按“运行”继续。`,
  assemblyErrorsHeading: '客户机程序无法汇编',
  errorAt: (line, column, message) => `第 ${line} 行第 ${column} 列：${message}`,
  finished: (outcome) => `监控器已返回：${outcome}`,
  exitCount: (n) => `目前共 ${n} 次退出`,
};

export const vmmLoopLabCatalogues: MessageCatalogues<VmmLoopLabMessages> = { en, 'zh-CN': zh };
