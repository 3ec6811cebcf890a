/** "Check your understanding" for every chapter, in reading order. */
import type { ChapterSlug } from '../exercise.ts';
import type { ChapterUnderstanding } from './understanding-question.ts';
import { originsUnderstanding } from './origins.ts';
import { pCodeUnderstanding } from './p-code.ts';
import { jitUnderstanding } from './jit.ts';
import { fullVirtualizationUnderstanding } from './full-virtualization.ts';
import { memoryAndDevicesUnderstanding } from './memory-and-devices.ts';
import { containersUnderstanding } from './containers.ts';
import { kvmBridgeUnderstanding } from './kvm-bridge.ts';

export type { ChapterUnderstanding, UnderstandingQuestion } from './understanding-question.ts';

export const UNDERSTANDING: readonly ChapterUnderstanding[] = [
  originsUnderstanding,
  pCodeUnderstanding,
  jitUnderstanding,
  fullVirtualizationUnderstanding,
  memoryAndDevicesUnderstanding,
  containersUnderstanding,
  kvmBridgeUnderstanding,
];

export function understandingOf(chapter: ChapterSlug): ChapterUnderstanding | undefined {
  return UNDERSTANDING.find((u) => u.chapter === chapter);
}
