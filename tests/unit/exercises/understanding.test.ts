/**
 * "Check your understanding": every chapter ends with 5–8 conceptual questions, each with a model
 * answer, in both editions. The chapter pages show the questions; the answer-key page the answers
 * (tests/e2e/understanding.test.ts checks the built pages).
 */
import { describe, expect, test } from 'vitest';
import { EXERCISE_CHAPTERS, UNDERSTANDING, understandingOf } from '../../../lib/exercises/index.ts';
import { bookLocales } from '../../../lib/book/localized-text.ts';
import { englishRuns } from '../../english-runs.ts';

const CJK = /[\u4e00-\u9fff]/;

describe('Check your understanding', () => {
  test('every chapter with exercises has its list, once, in reading order', () => {
    expect(UNDERSTANDING.map((u) => u.chapter)).toEqual([...EXERCISE_CHAPTERS]);
  });

  describe.each(UNDERSTANDING.map((u) => [u.chapter, u] as const))('%s', (chapter, understanding) => {
    test('has 5 to 8 questions', () => {
      expect(understanding.questions.length).toBeGreaterThanOrEqual(5);
      expect(understanding.questions.length).toBeLessThanOrEqual(8);
    });

    test('ids are unique, lower-case words joined by hyphens', () => {
      const ids = understanding.questions.map((q) => q.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(understandingOf(chapter)).toBe(understanding);
    });

    test('every question and answer is written in both editions, the Chinese in Chinese', () => {
      for (const q of understanding.questions) {
        for (const locale of bookLocales) {
          expect(q.question[locale].trim(), `${q.id} question (${locale})`).not.toBe('');
          expect(q.answer[locale].trim(), `${q.id} answer (${locale})`).not.toBe('');
          // Backticks pair up, so code is set as code and nothing else is.
          expect(q.question[locale].split('`').length % 2, `${q.id} question backticks (${locale})`).toBe(1);
          expect(q.answer[locale].split('`').length % 2, `${q.id} answer backticks (${locale})`).toBe(1);
        }
        expect(q.question['zh-CN'], q.id).toMatch(CJK);
        expect(q.answer['zh-CN'], q.id).toMatch(CJK);
        const prose = (text: string) => text.replace(/`[^`]*`/g, '');
        expect(englishRuns(prose(q.question['zh-CN'])), `${q.id} question`).toEqual([]);
        expect(englishRuns(prose(q.answer['zh-CN'])), `${q.id} answer`).toEqual([]);
      }
    });

    test('a model answer is more than its question restated', () => {
      for (const q of understanding.questions) {
        for (const locale of bookLocales) expect(q.answer[locale], q.id).not.toBe(q.question[locale]);
      }
    });
  });
});
