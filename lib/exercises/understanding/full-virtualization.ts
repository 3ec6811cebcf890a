import type { ChapterUnderstanding } from './understanding-question.ts';

export const fullVirtualizationUnderstanding: ChapterUnderstanding = {
  chapter: 'full-virtualization',
  questions: [],
};
