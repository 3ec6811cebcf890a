/** The labs that have an /embed/<id>/ page, for the embed route and the instructors' snippets. */
import { bookSlug, chapterNumber as chapterNumberOf } from '../../lib/book/chapters.ts';

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

/** A lab of the chapter at `chapterPath`; its number comes from the table of contents (lib/book/chapters.ts). */
const lab = (id: string, title: string, chapterPath: string, height: number, zhTitle: string): EmbeddableLab => {
  const chapterNumber = chapterNumberOf(bookSlug(chapterPath));
  if (chapterNumber === undefined) throw new Error(`embeddable lab ${id}: ${chapterPath} is not a numbered chapter`);
  return { id, title, zhTitle, description: `${title}, from Hands-on Virtualization chapter ${chapterNumber}.`, chapterNumber, chapterPath, height };
};

export const EMBEDDABLE_LABS: readonly EmbeddableLab[] = [
  lab('timeline', 'The virtualization timeline', '/origins/', 900, '虚拟化时间线'),
  lab('pcode-lab', 'The P-code lab', '/p-code/', 1000, 'P-code 实验'),
  lab('jit-lab', 'The JIT lab', '/jit/', 1000, '即时编译实验'),
  lab('trap-lab', 'The trap lab', '/full-virtualization/', 1100, '陷入实验'),
  lab('isa-quiz', 'Which instructions are sensitive?', '/full-virtualization/', 800, '哪些指令是敏感指令？'),
  lab('paging-lab', 'The paging lab', '/memory-and-devices/', 1300, '分页实验'),
  lab('density-calculator', 'The density calculator', '/containers/', 900, '密度计算器'),
  lab('bridge-editor', 'The bridge editor', '/kvm-bridge/', 1100, '网桥编辑器'),
  lab('vmm-loop', 'A VMM loop you can step', '/kvm-bridge/', 1300, '可以单步执行的 VMM 循环'),
  lab('exercises-origins', 'Exercises: Origins', '/origins/', 700, '练习：起源'),
  lab('exercises-p-code', 'Exercises: P-code', '/p-code/', 900, '练习：P-code'),
  lab('exercises-jit', 'Exercises: binary translation and JIT', '/jit/', 800, '练习：二进制翻译与即时编译'),
  lab('exercises-full-virtualization', 'Exercises: full virtualization', '/full-virtualization/', 700, '练习：全虚拟化'),
  lab('exercises-memory-and-devices', 'Exercises: memory, devices and live migration', '/memory-and-devices/', 800, '练习：内存、设备与热迁移'),
  lab('exercises-containers', 'Exercises: hypervisors vs containers', '/containers/', 700, '练习：虚拟机监控器与容器'),
  lab('exercises-kvm-bridge', 'Exercises: KVM with a bridge', '/kvm-bridge/', 900, '练习：KVM 与网桥'),
];
