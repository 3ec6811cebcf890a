import type { MessageCatalogues } from '../book/locale.ts';
import type { BookLabId } from '../../lib/progress/index.ts';

// Every string the progress page shows, one catalogue per edition.
export interface ProgressMessages {
  tableCaption: string;
  chapter: string;
  exercises: string;
  steps: string;
  labs: string;
  labsList: (values: { list: string }) => string;
  labNames: Record<BookLabId, string>;
  /** The sidebar's mark beside a chapter, for screen readers (it shows "3/7"). */
  sidebarMark: (values: { done: number; total: number }) => string;
  ofTotal: (values: { done: string | number; total: string | number }) => string;
  none: string;
  solvedList: (values: { list: string | number }) => string;
  seeds: (values: { seeds: string | number }) => string;
  stepsList: (values: { list: string | number }) => string;
  nothingYet: string;
  export: string;
  importLabel: string;
  imported: (values: { file: string | number; exercises: string | number; steps: string | number }) => string;
  importFailed: (values: { file: string | number; problem: string | number }) => string;
  reset: string;
  resetConfirm: string;
  resetDone: string;
}

export const en: ProgressMessages = {
  tableCaption: 'Your progress, chapter by chapter',
  chapter: 'Chapter',
  exercises: 'Exercises answered right',
  steps: 'Lab VM steps that showed what they expect',
  labs: 'Labs run',
  labsList: (values) => `Run: ${values.list}`,
  labNames: {
    timeline: 'the timeline',
    'pcode-lab': 'the P-code lab',
    'jit-lab': 'the JIT lab',
    'trap-lab': 'the trap lab',
    'isa-quiz': 'which instructions are sensitive',
    'io-measure': 'emulated vs virtio I/O',
    'paging-lab': 'the paging lab',
    'balloon-lab': 'the balloon',
    'virtio-lab': 'the virtqueue lab',
    'migration-lab': 'live migration',
    'density-calculator': 'the density calculator',
    'vmm-loop': 'the VMM loop',
    'bridge-editor': 'the bridge editor',
    'libvirt-editor': 'the domain XML editor',
  },
  sidebarMark: (values) => `${values.done} of ${values.total} done`,
  ofTotal: (values) => `${values.done} of ${values.total}`,
  none: '—',
  solvedList: (values) => `Answered right: ${values.list}`,
  seeds: (values) => `seeds ${values.seeds}`,
  stepsList: (values) => `Verified: ${values.list}`,
  nothingYet: 'Nothing recorded yet in this browser. Answer an exercise, run a lab or a lab VM step, and it shows here.',
  export: 'Export to a file',
  importLabel: 'Import a progress file',
  imported: (values) => `Imported ${values.file}: ${values.exercises} exercises and ${values.steps} steps, added to what this browser had.`,
  importFailed: (values) => `${values.file}: ${values.problem}. Nothing was changed.`,
  reset: 'Forget my progress in this browser',
  resetConfirm: 'Forget every exercise and step recorded in this browser? Export first if you want to keep them.',
  resetDone: 'Forgotten.',
};

export const zh: ProgressMessages = {
  tableCaption: '你的学习进度（按章）',
  chapter: '章',
  exercises: '答对的练习',
  steps: '得到预期结果的实验虚拟机步骤',
  labs: '运行过的实验',
  labsList: (values) => `已运行：${values.list}`,
  labNames: {
    timeline: '时间线',
    'pcode-lab': 'P-code 实验',
    'jit-lab': '即时编译实验',
    'trap-lab': '陷入实验',
    'isa-quiz': '哪些指令是敏感指令',
    'io-measure': '模拟 I/O 与 virtio 的对比',
    'paging-lab': '分页实验',
    'balloon-lab': '内存气球',
    'virtio-lab': 'virtqueue 实验',
    'migration-lab': '热迁移',
    'density-calculator': '密度计算器',
    'vmm-loop': 'VMM 循环',
    'bridge-editor': '网桥编辑器',
    'libvirt-editor': '域 XML 编辑器',
  },
  sidebarMark: (values) => `已完成 ${values.done} 项，共 ${values.total} 项`,
  ofTotal: (values) => `${values.done} / ${values.total}`,
  none: '—',
  solvedList: (values) => `已答对：${values.list}`,
  seeds: (values) => `种子 ${values.seeds}`,
  stepsList: (values) => `已验证：${values.list}`,
  nothingYet: '这个浏览器里还没有任何记录。做一道练习，运行一个实验或一个实验虚拟机步骤，就会显示在这里。',
  export: '导出为文件',
  importLabel: '导入进度文件',
  imported: (values) => `已导入 ${values.file}：${values.exercises} 道练习、${values.steps} 个步骤，已与这个浏览器原有的记录合并。`,
  importFailed: (values) => `${values.file}：${values.problem}。没有做任何改动。`,
  reset: '清除这个浏览器里的学习进度',
  resetConfirm: '要清除这个浏览器里记录的所有练习和步骤吗？想保留的话，请先导出。',
  resetDone: '已清除。',
};

export const progressCatalogues: MessageCatalogues<ProgressMessages> = { en, 'zh-CN': zh };
