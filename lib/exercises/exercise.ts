/**
 * What every exercise shares: the problem a generator makes from a seed, and the checker that
 * compares a reader's answer with the key. Problems are plain text (no markup), so a page can
 * show them without interpreting anything a link carries.
 */
import type { SeededRandom } from './seeded-random.ts';

export type ChapterSlug = 'origins' | 'p-code' | 'jit' | 'full-virtualization' | 'containers' | 'kvm-bridge';

/**
 * How an answer is written and compared:
 * - number: one integer.
 * - choice: the key of one of `choices`.
 * - list: tokens separated by commas or spaces, in order ("B, D, A, C").
 * - set: tokens separated by commas or spaces, in any order; "none" for the empty set.
 * - text: free text, compared with runs of white space collapsed and ends trimmed.
 */
export type AnswerKind = 'number' | 'choice' | 'list' | 'set' | 'text';

export interface Choice {
  readonly key: string;
  readonly label: string;
}

export interface Problem {
  readonly exercise: string;
  readonly chapter: ChapterSlug;
  readonly seed: number;
  readonly version: number;
  readonly title: string;
  /** The question, in plain text. */
  readonly prompt: string;
  /** A program, a listing or files to show in a monospace block (plain text), if any. */
  readonly figure?: string;
  readonly answerKind: AnswerKind;
  readonly choices?: readonly Choice[];
  /** How to write the answer, e.g. "letters in order, e.g. B, A, C, D". */
  readonly answerFormat: string;
  /** The key, in the same form a reader types it. */
  readonly answer: string;
  readonly hint: string;
  /** The worked solution. */
  readonly explanation: string;
}

/** The part of a problem a generator writes; the catalogue adds exercise, chapter, seed and version. */
export type GeneratedProblem = Omit<Problem, 'exercise' | 'chapter' | 'seed' | 'version' | 'title'>;

export interface ExerciseType {
  readonly id: string;
  readonly chapter: ChapterSlug;
  readonly title: string;
  /** One sentence: what the exercise trains. */
  readonly summary: string;
  /** The generator versions this build can still produce (old links keep their meaning). */
  readonly versions: readonly number[];
  readonly generate: (random: SeededRandom, version: number) => GeneratedProblem;
}

export interface CheckResult {
  readonly correct: boolean;
  /** One sentence for the reader. */
  readonly message: string;
}

/** Tokens of a list or set answer: split on commas and white space, upper-cased. */
export function answerTokens(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((t) => t.trim().toUpperCase())
    .filter((t) => t !== '');
}

function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Compares a reader's answer with the problem's key. */
export function checkAnswer(problem: Problem, given: string): CheckResult {
  const trimmed = given.trim();
  if (trimmed === '') return { correct: false, message: 'Type an answer first.' };
  switch (problem.answerKind) {
    case 'number': {
      if (!/^[+-]?\d+$/.test(trimmed.replace(/[_\s,]/g, ''))) {
        return { correct: false, message: `"${trimmed}" is not a whole number.` };
      }
      const value = Number(trimmed.replace(/[_\s,]/g, ''));
      return value === Number(problem.answer)
        ? { correct: true, message: 'Correct.' }
        : { correct: false, message: 'Not quite: try again, or ask for a hint.' };
    }
    case 'choice': {
      const key = trimmed.toUpperCase();
      const choices = problem.choices ?? [];
      if (!choices.some((c) => c.key.toUpperCase() === key)) {
        return { correct: false, message: `Pick one of ${choices.map((c) => c.key).join(', ')}.` };
      }
      return key === problem.answer.toUpperCase()
        ? { correct: true, message: 'Correct.' }
        : { correct: false, message: 'Not quite: try again, or ask for a hint.' };
    }
    case 'list': {
      const want = answerTokens(problem.answer);
      const got = answerTokens(trimmed);
      if (got.length !== want.length) {
        return { correct: false, message: `The answer has ${want.length} items; you gave ${got.length}.` };
      }
      const right = got.filter((t, i) => t === want[i]).length;
      return right === want.length
        ? { correct: true, message: 'Correct.' }
        : { correct: false, message: `${right} of ${want.length} in the right place.` };
    }
    case 'set': {
      const norm = (tokens: string[]) => new Set(tokens.filter((t) => t !== 'NONE'));
      const want = norm(answerTokens(problem.answer));
      const got = norm(answerTokens(trimmed));
      const missing = [...want].filter((t) => !got.has(t)).length;
      const extra = [...got].filter((t) => !want.has(t)).length;
      if (missing === 0 && extra === 0) return { correct: true, message: 'Correct.' };
      return { correct: false, message: `${missing} missing, ${extra} that should not be there.` };
    }
    case 'text':
      return normalizeText(trimmed) === normalizeText(problem.answer)
        ? { correct: true, message: 'Correct.' }
        : { correct: false, message: 'Not quite: try again, or ask for a hint.' };
  }
}
