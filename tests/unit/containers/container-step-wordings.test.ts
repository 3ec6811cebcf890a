import { describe, expect, it } from 'vitest';
import { containerLabSteps, containerStepWordings, measureContainerMemory, type ContainerStepWording } from '../../../lib/containers/index.ts';
import { bookLocales } from '../../../lib/book/localized-text.ts';

const CJK = /[\u4e00-\u9fff]/;
const steps = [...containerLabSteps, measureContainerMemory];

describe('the words of the container lab’s steps', () => {
  it('every step has a title and an expectation in both editions, and a step with a check says what it looks for', () => {
    for (const step of steps) {
      const words: ContainerStepWording = containerStepWordings[step.id];
      const texts = [words.title, words.expectation, ...(step.check ? [words.check] : [])];
      for (const text of texts) {
        expect(text, step.id).toBeDefined();
        for (const locale of bookLocales) expect(text![locale].trim().length, `${step.id} ${locale}`).toBeGreaterThan(0);
        expect(text!['zh-CN'], step.id).toMatch(CJK);
      }
    }
  });

  it('has words for no step that is not there, and no check words for a step without a check', () => {
    expect(Object.keys(containerStepWordings).sort()).toEqual(steps.map((s) => s.id).sort());
    for (const step of steps) expect('check' in containerStepWordings[step.id], step.id).toBe(step.check !== undefined);
  });
});
