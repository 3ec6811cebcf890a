/** The labs that have an /embed/<id>/ page, for the embed route and the instructors' snippets. */
export interface EmbeddableLab {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly chapterNumber: number;
  readonly chapterPath: string;
  /** A good iframe height in pixels. */
  readonly height: number;
}

const lab = (id: string, title: string, chapterNumber: number, chapterPath: string, height: number): EmbeddableLab => ({
  id, title, description: `${title}, from Hands-on Virtualization chapter ${chapterNumber}.`, chapterNumber, chapterPath, height,
});

export const EMBEDDABLE_LABS: readonly EmbeddableLab[] = [
  lab('timeline', 'The virtualization timeline', 1, '/origins/', 900),
  lab('pcode-lab', 'The P-code lab', 2, '/p-code/', 1000),
  lab('jit-lab', 'The JIT lab', 3, '/jit/', 1000),
  lab('trap-lab', 'The trap lab', 4, '/full-virtualization/', 1100),
  lab('isa-quiz', 'Which instructions are sensitive?', 4, '/full-virtualization/', 800),
  lab('density-calculator', 'The density calculator', 5, '/containers/', 900),
  lab('bridge-editor', 'The bridge editor', 6, '/kvm-bridge/', 1100),
  lab('exercises-origins', 'Exercises: Origins', 1, '/origins/', 700),
  lab('exercises-p-code', 'Exercises: P-code', 2, '/p-code/', 900),
  lab('exercises-jit', 'Exercises: binary translation and JIT', 3, '/jit/', 800),
  lab('exercises-full-virtualization', 'Exercises: full virtualization', 4, '/full-virtualization/', 700),
  lab('exercises-containers', 'Exercises: hypervisors vs containers', 5, '/containers/', 700),
  lab('exercises-kvm-bridge', 'Exercises: KVM with a bridge', 6, '/kvm-bridge/', 900),
];

/** The iframe snippet for a lab on a site at `origin`. */
export function embedSnippet(lab: EmbeddableLab, origin: string): string {
  return `<iframe src="${origin}/embed/${lab.id}/" title="${lab.title}" width="100%" height="${lab.height}" style="border:0" loading="lazy"></iframe>`;
}
