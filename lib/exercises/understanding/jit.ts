import type { ChapterUnderstanding } from './understanding-question.ts';

export const jitUnderstanding: ChapterUnderstanding = {
  chapter: 'jit',
  questions: [],
};
