import type { ChapterUnderstanding } from './understanding-question.ts';

export const pCodeUnderstanding: ChapterUnderstanding = {
  chapter: 'p-code',
  questions: [],
};
