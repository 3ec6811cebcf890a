import type { MessageCatalogues } from '../book/locale.ts';

/** Every string the exercise widgets and the answer-key page show, one catalogue per locale of the book. */
export interface ExerciseMessages {
  loading: string;
  regionLabel: (chapterNumber: number) => string;
  heading: string;
  intro: string;
  exerciseLabel: string;
  seedLabel: string;
  newProblem: string;
  answerLabel: string;
  answerFormat: (format: string) => string;
  check: string;
  hint: string;
  showSolution: string;
  hideSolution: string;
  solutionsHidden: string;
  answerIs: string;
  linkLabel: string;
  linkWithoutSolutions: string;
  /** A link that opens the chapter's lab set up for this problem. */
  openInLab: {
    'pcode-lab': string;
    'jit-lab': string;
    'trap-lab': string;
    'paging-lab': string;
    'density-calculator': string;
  };
  badSeed: (max: number) => string;
  version: (v: number) => string;
  keysHeading: string;
  fromSeed: string;
  toSeed: string;
  withSolutions: string;
  downloadMarkdown: string;
  downloadCsv: string;
  lmsExportLabel: string;
  lmsCategory: string;
  downloadQti: string;
  downloadMoodle: string;
  downloadGift: string;
  keyTableCaption: (title: string, from: number, to: number) => string;
  columnSeed: string;
  columnQuestion: string;
  columnAnswer: string;
  columnLink: string;
  open: string;
  showProblem: string;
  tooMany: (max: number) => string;
  seedMeta: (seed: number, version: string) => string;
  chapterGroup: (n: number) => string;
  /** The option of an exercise in the answer-key page's list. */
  exerciseOption: (title: string, id: string) => string;
  /** The heading each chapter's MDX writes above the questions (its anchor is this text, slugged). */
  understandingHeading: string;
  understandingListLabel: (chapterNumber: number) => string;
  understandingForInstructors: string;
  understandingKeysLink: string;
  understandingKeysHeading: string;
  understandingKeysIntro: string;
  understandingChapter: (chapterNumber: number, title: string) => string;
  understandingModelAnswer: string;
  understandingNoQuestions: string;
}

export const en: ExerciseMessages = {
  loading: 'Loading the exercise…',
  regionLabel: (chapterNumber: number) => `Exercises for chapter ${chapterNumber}`,
  heading: 'Exercises',
  intro: 'Each problem is made from a seed: the same seed gives everyone the same problem, with a link to share it.',
  exerciseLabel: 'Exercise',
  seedLabel: 'Seed',
  newProblem: 'New problem',
  answerLabel: 'Your answer',
  answerFormat: (format: string) => `Answer with ${format}.`,
  check: 'Check',
  hint: 'Hint',
  showSolution: 'Show the solution',
  hideSolution: 'Hide the solution',
  solutionsHidden: 'Solutions are hidden for this class.',
  answerIs: 'Answer:',
  linkLabel: 'Link to this problem',
  linkWithoutSolutions: 'Link without solutions',
  /** A link that opens the chapter's lab set up for this problem. */
  openInLab: { 'pcode-lab': 'Open this program in the P-code lab', 'jit-lab': 'Open this run in the JIT lab', 'trap-lab': 'Open this setup in the trap lab', 'paging-lab': 'Open this in the paging lab', 'density-calculator': 'Open these numbers in the density calculator' },
  badSeed: (max: number) => `The seed is a whole number from 1 to ${max}.`,
  version: (v: number) => `generator version ${v}`,
  // Answer-key page
  keysHeading: 'Answer keys',
  fromSeed: 'From seed',
  toSeed: 'To seed',
  withSolutions: 'Include the worked solutions in the Markdown',
  downloadMarkdown: 'Download Markdown',
  downloadCsv: 'Download CSV',
  lmsExportLabel: 'Quizzes for a learning management system',
  lmsCategory: 'Hands-on Virtualization',
  downloadQti: 'QTI 1.2 package (Canvas)',
  downloadMoodle: 'Moodle XML',
  downloadGift: 'GIFT (Moodle)',
  keyTableCaption: (title: string, from: number, to: number) => `Answer key: ${title}, seeds ${from} to ${to}`,
  columnSeed: 'Seed',
  columnQuestion: 'Question',
  columnAnswer: 'Answer',
  columnLink: 'Student link',
  open: 'open',
  showProblem: 'the program, files or list',
  tooMany: (max: number) => `Up to ${max} seeds at a time.`,
  seedMeta: (seed: number, version: string) => `(seed ${seed}, ${version})`,
  chapterGroup: (n: number) => `Chapter ${n}`,
  /** The option of an exercise in the answer-key page's list. */
  exerciseOption: (title: string, id: string) => `${title} (${id})`,
  // "Check your understanding": on a chapter page, and its model answers on the answer-key page
  /** The heading each chapter's MDX writes above the questions (its anchor is this text, slugged). */
  understandingHeading: 'Check your understanding',
  understandingListLabel: (chapterNumber: number) => `Questions to check your understanding of chapter ${chapterNumber}`,
  understandingForInstructors: 'For instructors: model answers are in the',
  understandingKeysLink: 'answer keys',
  understandingKeysHeading: 'Check your understanding: model answers',
  understandingKeysIntro:
    'The conceptual questions that end each chapter, with a model answer to grade against. The chapter pages show only the questions.',
  understandingChapter: (chapterNumber: number, title: string) => `Chapter ${chapterNumber}. ${title}`,
  understandingModelAnswer: 'Model answer:',
  understandingNoQuestions: 'No questions yet.',
};

/** 简体中文. */
export const zh: ExerciseMessages = {
  loading: '正在加载练习…',
  regionLabel: (chapterNumber) => `第 ${chapterNumber} 章的练习`,
  heading: '练习',
  intro: '每道题都由一个种子生成：同一个种子给每个人生成同一道题，并附有分享它的链接。',
  exerciseLabel: '练习',
  seedLabel: '种子',
  newProblem: '换一道题',
  answerLabel: '你的答案',
  answerFormat: (format) => `答案格式：${format}。`,
  check: '检查',
  hint: '提示',
  showSolution: '显示解答',
  hideSolution: '隐藏解答',
  solutionsHidden: '本班的解答已被隐藏。',
  answerIs: '答案：',
  linkLabel: '这道题的链接',
  linkWithoutSolutions: '不含解答的链接',
  openInLab: { 'pcode-lab': '在 P-code 实验里打开这个程序', 'jit-lab': '在即时编译实验里重现这次运行', 'trap-lab': '在陷入实验里打开这组设置', 'paging-lab': '在分页实验里打开', 'density-calculator': '在密度计算器里打开这组数字' },
  badSeed: (max) => `种子是 1 到 ${max} 之间的整数。`,
  version: (v) => `生成器版本 ${v}`,
  keysHeading: '答案',
  fromSeed: '起始种子',
  toSeed: '结束种子',
  withSolutions: '在 Markdown 中包含完整解答',
  downloadMarkdown: '下载 Markdown',
  downloadCsv: '下载 CSV',
  lmsExportLabel: '导入学习管理系统的测验',
  lmsCategory: '动手学虚拟化',
  downloadQti: 'QTI 1.2 包（Canvas）',
  downloadMoodle: 'Moodle XML',
  downloadGift: 'GIFT（Moodle）',
  keyTableCaption: (title, from, to) => `答案：${title}，种子 ${from} 到 ${to}`,
  columnSeed: '种子',
  columnQuestion: '题目',
  columnAnswer: '答案',
  columnLink: '学生链接',
  open: '打开',
  showProblem: '程序、文件或列表',
  tooMany: (max) => `一次最多 ${max} 个种子。`,
  seedMeta: (seed, version) => `（种子 ${seed}，${version}）`,
  chapterGroup: (n) => `第 ${n} 章`,
  exerciseOption: (title, id) => `${title}（${id}）`,
  understandingHeading: '检验你的理解',
  understandingListLabel: (chapterNumber) => `第 ${chapterNumber} 章的思考题`,
  understandingForInstructors: '教师请看：参考答案在',
  understandingKeysLink: '练习答案页',
  understandingKeysHeading: '检验你的理解：参考答案',
  understandingKeysIntro: '每章末尾的思考题，附可据以评分的参考答案。章节页面上只有题目。',
  understandingChapter: (chapterNumber, title) => `第 ${chapterNumber} 章　${title}`,
  understandingModelAnswer: '参考答案：',
  understandingNoQuestions: '暂无题目。',
};

export const exerciseCatalogues: MessageCatalogues<ExerciseMessages> = { en, 'zh-CN': zh };
