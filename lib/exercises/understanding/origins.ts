import type { ChapterUnderstanding } from './understanding-question.ts';

export const originsUnderstanding: ChapterUnderstanding = {
  chapter: 'origins',
  questions: [],
};
