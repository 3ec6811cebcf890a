import type { ChapterUnderstanding } from './understanding-question.ts';

export const kvmBridgeUnderstanding: ChapterUnderstanding = {
  chapter: 'kvm-bridge',
  questions: [],
};
