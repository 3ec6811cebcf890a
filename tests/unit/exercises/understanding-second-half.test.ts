/**
 * "Check your understanding" for chapters 4–7: each chapter has 5–8 conceptual questions with model
 * answers in both editions, and both editions of the chapter place the questions just before their
 * references.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { understandingOf } from '../../../lib/exercises/understanding/index.ts';
import { englishRuns } from '../../english-runs.ts';

const chapters = ['full-virtualization', 'memory-and-devices', 'containers', 'kvm-bridge'] as const;

describe.each(chapters)('check your understanding: %s', (chapter) => {
  const questions = understandingOf(chapter)?.questions ?? [];

  it('has five to eight questions, each with a stable id of its own', () => {
    expect(questions.length).toBeGreaterThanOrEqual(5);
    expect(questions.length).toBeLessThanOrEqual(8);
    const ids = questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('words every question and answer in both editions, code in balanced backticks', () => {
    for (const q of questions) {
      for (const text of [q.question.en, q.question['zh-CN'], q.answer.en, q.answer['zh-CN']]) {
        expect(text.trim().length, q.id).toBeGreaterThan(20);
        expect((text.match(/`/g) ?? []).length % 2, `${q.id}: ${text}`).toBe(0);
      }
      expect(q.question.en.trim().endsWith('?'), q.id).toBe(true);
      expect(/[？?]$/.test(q.question['zh-CN'].trim()), q.id).toBe(true);
    }
  });

  it('leaves no English sentences in the Chinese questions and answers', () => {
    const found = questions.flatMap((q) => [q.question['zh-CN'], q.answer['zh-CN']].flatMap((t) => englishRuns(t).map((r) => `${q.id}: ${r}`)));
    expect(found).toEqual([]);
  });

  it.each([
    [`content/docs/${chapter}.mdx`, '## Check your understanding', '## References', "'../../components/exercises/CheckYourUnderstanding.astro'"],
    [`content/docs/zh-cn/${chapter}.mdx`, '## 检验你的理解', '## 参考资料', "'../../../components/exercises/CheckYourUnderstanding.astro'"],
  ])('%s shows the questions, and nothing else, just before its references', (file, heading, references, importPath) => {
    const mdx = readFileSync(file, 'utf8');
    expect(mdx).toContain(`import CheckYourUnderstanding from ${importPath};`);
    const section = mdx.slice(mdx.indexOf(heading), mdx.indexOf(references));
    expect(mdx.indexOf(heading)).toBeGreaterThan(0);
    expect(section.replace(heading, '').trim()).toBe(`<CheckYourUnderstanding chapter="${chapter}" />`);
  });
});
