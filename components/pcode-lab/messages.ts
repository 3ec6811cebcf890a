import type { BookLocale, MessageCatalogues } from '../book/locale.ts';
import { PASCAL_EXAMPLES } from '../../lib/pascal/index.ts';
import { instructionMeaningsInChinese } from '../../lib/pcode/index.ts';
import { textIn } from '../../lib/book/localized-text.ts';

/** An example's title in a locale (its titles are in lib/pascal/examples.ts). */
function exampleTitleIn(id: string, locale: BookLocale): string | undefined {
  const example = PASCAL_EXAMPLES.find((e) => e.id === id);
  return example && textIn(example.titles, locale);
}

/** Every string the P-code lab shows, one catalogue per locale of the book. */
export interface PcodeLabMessages {
  regionLabel: string;
  examplesLabel: string;
  examplesPlaceholder: string;
  loadedExample: (title: string) => string;
  editorLabel: string;
  editorLoading: string;
  inputLabel: string;
  inputHint: string;
  listingLabel: string;
  listingHint: string;
  listingEmpty: string;
  breakpointOn: (pc: number) => string;
  sourceLineOf: (line: number) => string;
  compileErrorsTitle: (count: number) => string;
  controlsLabel: string;
  run: string;
  continue: string;
  step: string;
  stepTitle: string;
  stepOver: string;
  stepOverTitle: string;
  stop: string;
  reset: string;
  speedLabel: string;
  speeds: Record<SpeedId, string>;
  registersLabel: string;
  counterLabel: string;
  statusLabel: string;
  status: Record<'ready' | 'running' | 'paused' | 'breakpoint' | 'halted' | 'error' | 'not-compiled', string>;
  nextInstruction: string;
  stackLabel: string;
  stackHint: string;
  staticLink: string;
  dynamicLink: string;
  returnAddress: string;
  returnAddressValue: (pc: number) => string;
  topOfProgram: string;
  linkTo: (bp: number) => string;
  evaluationStack: string;
  emptyEvaluationStack: string;
  framesOmitted: (count: number) => string;
  frameTitle: (kind: string, name: string, bp: number) => string;
  kinds: Record<'program' | 'procedure' | 'function', string>;
  variableKinds: Record<'variable' | 'value-parameter' | 'var-parameter' | 'result', string>;
  refersTo: (address: number) => string;
  legendStatic: string;
  legendDynamic: string;
  outputLabel: string;
  outputEmpty: string;
  runtimeErrorTitle: string;
  shareButton: string;
  shareCopied: string;
  shareUrlLabel: string;
  shareInvalid: (reason: string) => string;
  /** Share refused: the link would not open again (over the size limit). */
  shareRefused: (reason: string, maxChars: number) => string;
  sharedLoaded: string;
  restorePrevious: string;
  dismiss: string;
  /** Heads the output once its beginning is no longer kept. */
  earlierLinesNotShown: (count: number) => string;
  /** An example's title, by its id (`title`: the English one, for anything that is not an example). */
  exampleTitle: (id: string, title: string) => string;
  /** What an instruction does (lib/pcode's table is written in English). */
  instructionMeaning: (name: string, meaning: string) => string;
  isaColumns: { code: string; instruction: string; meaning: string };
  /** CodeMirror's own words (screen-reader announcements, panel labels), by their English text. */
  editorPhrases: Record<string, string>;
}

export type SpeedId = 'slow' | 'medium' | 'fast' | 'max';

export const en: PcodeLabMessages = {
  regionLabel: 'P-code lab',
  examplesLabel: 'Example',
  examplesPlaceholder: 'Load an example…',
  loadedExample: (title) => `Loaded “${title}”. Undo in the editor (Ctrl+Z) brings back what was there.`,
  editorLabel: 'Pascal program',
  editorLoading: 'Loading the editor…',
  inputLabel: 'Input',
  inputHint: 'What read and readln read. Each run from the start reads what this box holds at that moment.',
  listingLabel: 'P-code',
  listingHint: 'Arrow keys move, Enter or B toggles a breakpoint, clicking a line links it to the source.',
  listingEmpty: 'Fix the compile errors to see the P-code.',
  breakpointOn: (pc) => `Breakpoint at ${pc}`,
  sourceLineOf: (line) => `line ${line}`,
  compileErrorsTitle: (count) => (count === 1 ? '1 compile error' : `${count} compile errors`),
  controlsLabel: 'Machine controls',
  run: 'Run',
  continue: 'Continue',
  step: 'Step',
  stepTitle: 'Execute one P-code instruction',
  stepOver: 'Step over',
  stepOverTitle: 'Execute one instruction; a call (CAL) runs until it returns',
  stop: 'Stop',
  reset: 'Reset',
  speedLabel: 'Speed',
  speeds: {
    slow: '2 instructions/s',
    medium: '20 instructions/s',
    fast: '3,000 instructions/s',
    max: 'As fast as possible',
  },
  registersLabel: 'Registers',
  counterLabel: 'Instructions executed',
  statusLabel: 'Status',
  status: {
    ready: 'ready',
    running: 'running',
    paused: 'paused',
    breakpoint: 'stopped at a breakpoint',
    halted: 'halted',
    error: 'runtime error',
    'not-compiled': 'not compiled',
  },
  nextInstruction: 'Next instruction',
  stackLabel: 'Stack',
  stackHint: 'Top of the stack first. Each frame: locals, return address, links, parameters.',
  staticLink: 'SL',
  dynamicLink: 'DL',
  returnAddress: 'RA',
  returnAddressValue: (pc) => `return to ${pc}`,
  topOfProgram: 'none (main program)',
  linkTo: (bp) => `→ frame at ${bp}`,
  evaluationStack: 'evaluation stack',
  emptyEvaluationStack: 'evaluation stack: empty',
  framesOmitted: (count) => `… ${count} frames not shown …`,
  frameTitle: (kind, name, bp) => `${kind} ${name}, BP = ${bp}`,
  kinds: { program: 'program', procedure: 'procedure', function: 'function' },
  variableKinds: { variable: 'local', 'value-parameter': 'parameter', 'var-parameter': 'var parameter', result: 'result' },
  refersTo: (address) => `(at ${address})`,
  legendStatic: 'static link (SL): the frame of the enclosing routine',
  legendDynamic: 'dynamic link (DL): the frame of the caller',
  outputLabel: 'Output',
  outputEmpty: 'No output yet.',
  runtimeErrorTitle: 'Runtime error',
  shareButton: 'Copy share link',
  shareCopied: 'Link copied. It carries the program and its input.',
  shareUrlLabel: 'Share link',
  shareInvalid: (reason) => `This page’s link could not be opened: ${reason}. Your own program is shown instead.`,
  shareRefused: (reason, maxChars) =>
    `No link made: ${reason}. A link carries at most ${maxChars.toLocaleString('en')} characters of program and as many of input; your program stays here and is saved in this browser.`,
  sharedLoaded: 'Opened the program from the link.',
  restorePrevious: 'Restore my previous program',
  dismiss: 'Dismiss',
  earlierLinesNotShown: (count) => `… ${count.toLocaleString('en')} earlier line${count === 1 ? '' : 's'} not shown`,
  exampleTitle: (_id, title) => title,
  instructionMeaning: (_name, meaning) => meaning,
  isaColumns: { code: 'Code', instruction: 'Instruction', meaning: 'Meaning' },
  editorPhrases: {},
};


/** 简体中文. */
export const zh: PcodeLabMessages = {
  regionLabel: 'P-code 实验',
  examplesLabel: '示例',
  examplesPlaceholder: '载入一个示例…',
  loadedExample: (title) => `已载入“${title}”。在编辑器里撤销（Ctrl+Z）可以找回原来的内容。`,
  editorLabel: 'Pascal 程序',
  editorLoading: '正在加载编辑器…',
  inputLabel: '输入',
  inputHint: 'read 和 readln 读取的内容。每次从头运行，读的都是此刻框里的内容。',
  listingLabel: 'P-code',
  listingHint: '方向键移动，Enter 或 B 切换断点，点击一行可以找到对应的源代码。',
  listingEmpty: '修正编译错误后才能看到 P-code。',
  breakpointOn: (pc) => `断点位于 ${pc}`,
  sourceLineOf: (line) => `第 ${line} 行`,
  compileErrorsTitle: (count) => `${count} 个编译错误`,
  controlsLabel: '机器控制',
  run: '运行',
  continue: '继续',
  step: '单步',
  stepTitle: '执行一条 P-code 指令',
  stepOver: '单步跳过',
  stepOverTitle: '执行一条指令；遇到调用（CAL）则一直运行到它返回',
  stop: '停止',
  reset: '重置',
  speedLabel: '速度',
  speeds: {
    slow: '每秒 2 条指令',
    medium: '每秒 20 条指令',
    fast: '每秒 3,000 条指令',
    max: '尽可能快',
  },
  registersLabel: '寄存器',
  counterLabel: '已执行指令数',
  statusLabel: '状态',
  status: {
    ready: '就绪',
    running: '运行中',
    paused: '已暂停',
    breakpoint: '停在断点处',
    halted: '已停机',
    error: '运行时错误',
    'not-compiled': '未编译',
  },
  nextInstruction: '下一条指令',
  stackLabel: '栈',
  stackHint: '栈顶在最上面。每一帧：局部变量、返回地址、链、参数。',
  staticLink: 'SL',
  dynamicLink: 'DL',
  returnAddress: 'RA',
  returnAddressValue: (pc) => `返回到 ${pc}`,
  topOfProgram: '无（主程序）',
  linkTo: (bp) => `→ 位于 ${bp} 的帧`,
  evaluationStack: '求值栈',
  emptyEvaluationStack: '求值栈：空',
  framesOmitted: (count) => `… 省略了 ${count} 帧 …`,
  frameTitle: (kind, name, bp) => `${kind} ${name}，BP = ${bp}`,
  kinds: { program: '程序', procedure: '过程', function: '函数' },
  variableKinds: { variable: '局部变量', 'value-parameter': '值参数', 'var-parameter': 'var 参数', result: '结果' },
  refersTo: (address) => `（位于 ${address}）`,
  legendStatic: '静态链（SL）：包围本例程的那个例程的帧',
  legendDynamic: '动态链（DL）：调用者的帧',
  outputLabel: '输出',
  outputEmpty: '还没有输出。',
  runtimeErrorTitle: '运行时错误',
  shareButton: '复制分享链接',
  shareCopied: '链接已复制。它包含程序及其输入。',
  shareUrlLabel: '分享链接',
  shareInvalid: (reason) => `无法打开本页链接中的程序：${reason}。下面显示的是你自己的程序。`,
  shareRefused: (reason, maxChars) =>
    `没有生成链接：${reason}。链接里的程序最多 ${maxChars.toLocaleString('zh-CN')} 个字符，输入也一样；你的程序仍在这里，并已保存在本浏览器中。`,
  sharedLoaded: '已打开链接中的程序。',
  restorePrevious: '恢复我之前的程序',
  dismiss: '关闭',
  earlierLinesNotShown: (count) => `… 前面还有 ${count} 行未显示`,
  exampleTitle: (id, title) => exampleTitleIn(id, 'zh-CN') ?? title,
  instructionMeaning: (name, meaning) => (instructionMeaningsInChinese as Readonly<Record<string, string>>)[name] ?? meaning,
  isaColumns: { code: '编码', instruction: '指令', meaning: '含义' },
  editorPhrases: {
    'Selection deleted': '已删除选中内容',
    'Control character': '控制字符',
    Diagnostics: '诊断',
    'No diagnostics': '没有诊断',
    close: '关闭',
    'folded code': '折叠的代码',
    unfold: '展开',
    to: '至',
  },
};


export const pcodeLabCatalogues: MessageCatalogues<PcodeLabMessages> = { en, 'zh-CN': zh };
