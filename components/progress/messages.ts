import type { MessageCatalogues } from '../book/locale.ts';

// Every string the progress page shows, one catalogue per edition.
export const en = {
  tableCaption: 'Your progress, chapter by chapter',
  chapter: 'Chapter',
  exercises: 'Exercises answered right',
  steps: 'Lab VM steps that showed what they expect',
  ofTotal: '{done} of {total}',
  none: '—',
  solvedList: 'Answered right: {list}',
  seeds: 'seeds {seeds}',
  stepsList: 'Verified: {list}',
  nothingYet: 'Nothing recorded yet in this browser. Answer an exercise or run a lab VM step, and it shows here.',
  export: 'Export to a file',
  importLabel: 'Import a progress file',
  imported: 'Imported {file}: {exercises} exercises and {steps} steps, added to what this browser had.',
  importFailed: '{file}: {problem}. Nothing was changed.',
  reset: 'Forget my progress in this browser',
  resetConfirm: 'Forget every exercise and step recorded in this browser? Export first if you want to keep them.',
  resetDone: 'Forgotten.',
};
export type ProgressMessages = typeof en;

export const zh: ProgressMessages = {
  tableCaption: '你的学习进度（按章）',
  chapter: '章',
  exercises: '答对的练习',
  steps: '得到预期结果的实验虚拟机步骤',
  ofTotal: '{done} / {total}',
  none: '—',
  solvedList: '已答对：{list}',
  seeds: '种子 {seeds}',
  stepsList: '已验证：{list}',
  nothingYet: '这个浏览器里还没有任何记录。做一道练习或运行一个实验虚拟机步骤，就会显示在这里。',
  export: '导出为文件',
  importLabel: '导入进度文件',
  imported: '已导入 {file}：{exercises} 道练习、{steps} 个步骤，已与这个浏览器原有的记录合并。',
  importFailed: '{file}：{problem}。没有做任何改动。',
  reset: '清除这个浏览器里的学习进度',
  resetConfirm: '要清除这个浏览器里记录的所有练习和步骤吗？想保留的话，请先导出。',
  resetDone: '已清除。',
};

export const progressMessages: MessageCatalogues<ProgressMessages> = { en, 'zh-CN': zh };
