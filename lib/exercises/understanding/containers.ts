import type { ChapterUnderstanding } from './understanding-question.ts';

export const containersUnderstanding: ChapterUnderstanding = {
  chapter: 'containers',
  questions: [],
};
