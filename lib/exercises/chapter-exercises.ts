/**
 * One chapter's exercise types, loaded on demand, so a chapter's widget downloads only the engines
 * its own exercises run (chapter 1 must not pay for the P-machine, the JIT, the paging machine or the ifcfg rules).
 */
import type { ChapterSlug, ExerciseType } from './exercise.ts';

export function loadChapterExercises(chapter: ChapterSlug): Promise<ExerciseType[]> {
  switch (chapter) {
    case 'origins':
      return import('./timeline-exercises.ts').then((m) => [m.timelineOrder, m.timelineYear, m.timelineBefore]);
    case 'p-code':
      return import('./pcode-exercises.ts').then((m) => [m.pcodeOutput, m.pcodeTopOfStack, m.pcodeSteps]);
    case 'jit':
      return import('./jit-exercises.ts').then((m) => [m.jitTranslations, m.jitCacheHits, m.jitInterpreted]);
    case 'full-virtualization':
      return import('./trap-exercises.ts').then((m) => [m.trapClassify, m.trapVirtualizable, m.trapCount]);
    case 'memory-and-devices':
      return import('./memory-exercises.ts').then((m) => [m.pagingWalk, m.pagingWinner, m.migrationPreCopy]);
    case 'containers':
      return import('./container-exercises.ts').then((m) => [m.namespaceIsolates, m.densityVms, m.densityContainers]);
    case 'kvm-bridge':
      return Promise.all([import('./bridge-exercises.ts'), import('./libvirt-exercises.ts'), import('./vmm-exit-exercises.ts')]).then(([m, l, v]) => [
        m.ifcfgMistakes, m.ifcfgPrefix, m.ifcfgGateway, m.ifcfgToKeyfile, l.libvirtMistakes, v.vmmExits,
      ]);
  }
}
