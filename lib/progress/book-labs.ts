/**
 * The labs whose runs count in a reader's progress, each with its chapter (lib/book/chapters.ts).
 * An island records a run under its id when the reader first makes it do its work (runs a
 * program, steps a machine, applies a file…); the chapter's lab VM steps count as steps, not here.
 */
export const BOOK_LABS = {
  timeline: 'origins',
  'pcode-lab': 'p-code',
  'jit-lab': 'jit',
  'trap-lab': 'full-virtualization',
  'isa-quiz': 'full-virtualization',
  'io-measure': 'full-virtualization',
  'paging-lab': 'memory-and-devices',
  'balloon-lab': 'memory-and-devices',
  'virtio-lab': 'memory-and-devices',
  'migration-lab': 'memory-and-devices',
  'density-calculator': 'containers',
  'vmm-loop': 'kvm-bridge',
  'bridge-editor': 'kvm-bridge',
  'libvirt-editor': 'kvm-bridge',
} as const satisfies Record<string, string>;

export type BookLabId = keyof typeof BOOK_LABS;

/** The ids of a chapter's labs, in the order above. */
export function labsOfChapter(chapter: string): BookLabId[] {
  return (Object.keys(BOOK_LABS) as BookLabId[]).filter((id) => BOOK_LABS[id] === chapter);
}
