/** The labs that have an /embed/<id>/ page, for the embed route and the instructors' snippets. */
export interface EmbeddableLab {
  readonly id: string;
  readonly title: string;
  /** The title in the 简体中文 edition (/zh-cn/embed/<id>/). */
  readonly zhTitle: string;
  readonly description: string;
  readonly chapterNumber: number;
  readonly chapterPath: string;
  /** A good iframe height in pixels. */
  readonly height: number;
}

const lab = (id: string, title: string, chapterNumber: number, chapterPath: string, height: number, zhTitle: string): EmbeddableLab => ({
  id, title, zhTitle, description: `${title}, from Hands-on Virtualization chapter ${chapterNumber}.`, chapterNumber, chapterPath, height,
});

export const EMBEDDABLE_LABS: readonly EmbeddableLab[] = [
  lab('timeline', 'The virtualization timeline', 1, '/origins/', 900, '虚拟化时间线'),
  lab('pcode-lab', 'The P-code lab', 2, '/p-code/', 1000, 'P-code 实验'),
  lab('jit-lab', 'The JIT lab', 3, '/jit/', 1000, '即时编译实验'),
  lab('trap-lab', 'The trap lab', 4, '/full-virtualization/', 1100, '陷入实验'),
  lab('isa-quiz', 'Which instructions are sensitive?', 4, '/full-virtualization/', 800, '哪些指令是敏感指令？'),
  lab('density-calculator', 'The density calculator', 5, '/containers/', 900, '密度计算器'),
  lab('bridge-editor', 'The bridge editor', 6, '/kvm-bridge/', 1100, '网桥编辑器'),
  lab('vmm-loop', 'A VMM loop you can step', 6, '/kvm-bridge/', 1300, '可以单步执行的 VMM 循环'),
  lab('exercises-origins', 'Exercises: Origins', 1, '/origins/', 700, '练习：起源'),
  lab('exercises-p-code', 'Exercises: P-code', 2, '/p-code/', 900, '练习：P-code'),
  lab('exercises-jit', 'Exercises: binary translation and JIT', 3, '/jit/', 800, '练习：二进制翻译与即时编译'),
  lab('exercises-full-virtualization', 'Exercises: full virtualization', 4, '/full-virtualization/', 700, '练习：全虚拟化'),
  lab('exercises-containers', 'Exercises: hypervisors vs containers', 5, '/containers/', 700, '练习：虚拟机监控器与容器'),
  lab('exercises-kvm-bridge', 'Exercises: KVM with a bridge', 6, '/kvm-bridge/', 900, '练习：KVM 与网桥'),
];
