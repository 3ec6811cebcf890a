/**
 * What counts in each chapter's progress, known at build time: its exercises, how many lab VM
 * steps its page can verify, its labs. The progress page and the sidebar's marks both use it.
 */
import { EXERCISE_CHAPTERS, exercisesOfChapter, type ChapterSlug } from '../../lib/exercises/index.ts';
import { labsOfChapter, type ChapterContents } from '../../lib/progress/index.ts';
import { verifiableStepCount } from './verifiable-steps.ts';

/** A chapter's contents, from its slug and the English page's MDX (both editions have the same steps). */
export function chapterContents(slug: string, mdx: string): ChapterContents {
  const exercises = (EXERCISE_CHAPTERS as readonly string[]).includes(slug) ? exercisesOfChapter(slug as ChapterSlug).map((exercise) => exercise.id) : [];
  return { exercises, steps: verifiableStepCount(mdx), labs: labsOfChapter(slug) };
}
