/**
 * What every exercise shares: the problem a generator makes from a seed, and the checker that
 * compares a reader's answer with the key. Problems are plain text (no markup), so a page can
 * show them without interpreting anything a link carries.
 *
 * A generator writes every sentence in both editions of the book side by side (a LocalizedText),
 * from the numbers it drew once: the same seed gives the same numbers, the same key and the same
 * worked solution in English and in Chinese. `problemIn(problem, locale)` gives the flat,
 * one-language Problem that widgets, exports and the CLI show.
 */
import { textIn, wordMessage, wordings } from '../book/localized-text.ts';
import type { BookLocale, LocalizedText, MessageOf } from '../book/localized-text.ts';
import type { SeededRandom } from './seeded-random.ts';

export type ChapterSlug = 'origins' | 'p-code' | 'jit' | 'full-virtualization' | 'memory-and-devices' | 'containers' | 'kvm-bridge';

/**
 * How an answer is written and compared:
 * - number: one integer.
 * - choice: the key of one of `choices`.
 * - list: tokens separated by commas or spaces, in order ("B, D, A, C").
 * - set: tokens separated by commas or spaces, in any order; "none" for the empty set.
 * - text: free text, compared with runs of white space collapsed and ends trimmed.
 *
 * Keys are the same in both editions: letters, numbers, opcodes, file:line places. A Chinese
 * reader may separate tokens with Chinese punctuation (，、；) and write 无 for "none". A 'text'
 * answer is meant for things a reader types verbatim at a machine (a command, a file name, a
 * key=value line), which are code and the same in every edition; an exercise whose answer were
 * a sentence would have to be a choice instead, so that no edition grades another's wording.
 */
export type AnswerKind = 'number' | 'choice' | 'list' | 'set' | 'text';

/** The labs an exercise can open, set up for its problem. */
export type ExerciseLab = 'pcode-lab' | 'jit-lab' | 'trap-lab' | 'paging-lab' | 'density-calculator';

/**
 * A link that opens the chapter's lab set up as the problem describes: the lab, and the URL hash
 * that carries the setup (`#pcode=…`, `#jit=…`, `#trap=…`, `#paging=…`; the same in every edition). A page puts
 * it after the address of the chapter that holds the lab.
 */
export interface LabLink {
  readonly lab: ExerciseLab;
  readonly hash: string;
}

export interface Choice {
  readonly key: string;
  readonly label: string;
}

export interface LocalizedChoice {
  readonly key: string;
  readonly label: LocalizedText;
}

/** A problem as one edition shows it: every field plain text in `locale`. */
export interface Problem {
  readonly exercise: string;
  readonly chapter: ChapterSlug;
  readonly seed: number;
  readonly version: number;
  /** The edition the text is in (absent means English). */
  readonly locale?: BookLocale;
  readonly title: string;
  /** The question, in plain text. */
  readonly prompt: string;
  /** A program, a listing or files to show in a monospace block (plain text), if any. */
  readonly figure?: string;
  readonly answerKind: AnswerKind;
  readonly choices?: readonly Choice[];
  /** How to write the answer, e.g. "letters in order, e.g. B, A, C, D". */
  readonly answerFormat: string;
  /** The key, in the same form a reader types it (the same in every edition). */
  readonly answer: string;
  readonly hint: string;
  /** The worked solution. */
  readonly explanation: string;
  /** Where to check the answer in a lab, if a lab can show it. */
  readonly labLink?: LabLink;
}

/**
 * What a generator writes: prose in both editions; a figure that is code (a program, a listing,
 * ifcfg files) is one string, a figure that is prose (events, a table of inputs) is bilingual.
 * The catalogue adds exercise, chapter, seed, version and title.
 */
export interface GeneratedProblem {
  readonly prompt: LocalizedText;
  readonly figure?: string | LocalizedText;
  readonly answerKind: AnswerKind;
  readonly choices?: readonly LocalizedChoice[];
  readonly answerFormat: LocalizedText;
  readonly answer: string;
  readonly hint: LocalizedText;
  readonly explanation: LocalizedText;
  readonly labLink?: LabLink;
}

/** A problem in both editions. */
export interface LocalizedProblem extends GeneratedProblem {
  readonly exercise: string;
  readonly chapter: ChapterSlug;
  readonly seed: number;
  readonly version: number;
  readonly title: LocalizedText;
}

/** An exercise type as its file writes it: title and summary in both editions. */
export interface ExerciseSpec {
  readonly id: string;
  readonly chapter: ChapterSlug;
  readonly title: LocalizedText;
  /** One sentence: what the exercise trains. */
  readonly summary: LocalizedText;
  /** The generator versions this build can still produce (old links keep their meaning). */
  readonly versions: readonly number[];
  readonly generate: (random: SeededRandom, version: number) => GeneratedProblem;
}

export interface ExerciseType extends Omit<ExerciseSpec, 'title' | 'summary'> {
  /** The title in English (`wording.title` has every edition). */
  readonly title: string;
  /** What the exercise trains, in English (`wording.summary` has every edition). */
  readonly summary: string;
  readonly wording: { readonly title: LocalizedText; readonly summary: LocalizedText };
}

/** An exercise type from its spec; its English title and summary are derived from the bilingual ones. */
export function defineExercise(spec: ExerciseSpec): ExerciseType {
  const { title, summary, ...rest } = spec;
  return { ...rest, title: title.en, summary: summary.en, wording: { title, summary } };
}

/** The flat problem of one edition. */
export function problemIn(problem: LocalizedProblem, locale: BookLocale | string = 'en'): Problem {
  const lang: BookLocale = locale === 'zh-CN' ? 'zh-CN' : 'en';
  const { figure, choices } = problem;
  return {
    exercise: problem.exercise,
    chapter: problem.chapter,
    seed: problem.seed,
    version: problem.version,
    locale: lang,
    title: textIn(problem.title, lang),
    prompt: textIn(problem.prompt, lang),
    ...(figure === undefined ? {} : { figure: typeof figure === 'string' ? figure : textIn(figure, lang) }),
    answerKind: problem.answerKind,
    ...(choices === undefined ? {} : { choices: choices.map((c) => ({ key: c.key, label: textIn(c.label, lang) })) }),
    answerFormat: textIn(problem.answerFormat, lang),
    answer: problem.answer,
    hint: textIn(problem.hint, lang),
    explanation: textIn(problem.explanation, lang),
    ...(problem.labLink === undefined ? {} : { labLink: problem.labLink }),
  };
}

/** What the checker tells the reader, in both editions. */
export const checkWordings = {
  empty: wordings(() => 'Type an answer first.', () => '请先填写答案。'),
  correct: wordings(() => 'Correct.', () => '正确。'),
  notQuite: wordings(() => 'Not quite: try again, or ask for a hint.', () => '还不对：再试一次，或者看看提示。'),
  notANumber: wordings((p: { given: string }) => `"${p.given}" is not a whole number.`, (p) => `“${p.given}”不是整数。`),
  pickOne: wordings((p: { keys: string }) => `Pick one of ${p.keys}.`, (p) => `请从 ${p.keys} 中选一个。`),
  wrongLength: wordings(
    (p: { want: number; got: number }) => `The answer has ${p.want} items; you gave ${p.got}.`,
    (p) => `答案共有 ${p.want} 项，你填了 ${p.got} 项。`,
  ),
  inPlace: wordings(
    (p: { right: number; total: number }) => `${p.right} of ${p.total} in the right place.`,
    (p) => `${p.total} 项中有 ${p.right} 项位置正确。`,
  ),
  missingExtra: wordings(
    (p: { missing: number; extra: number }) => `${p.missing} missing, ${p.extra} that should not be there.`,
    (p) => `漏了 ${p.missing} 项，多了 ${p.extra} 项不该有的。`,
  ),
};

export type CheckMessage = MessageOf<typeof checkWordings>;

/** Whether an answer is right, and what to tell the reader: a message of `checkWordings`, worded in the page's locale. */
export type CheckResult = CheckMessage & { readonly correct: boolean };

/** Words a checker result in a locale. */
export function checkFeedbackIn(result: CheckResult, locale: BookLocale | string = 'en'): string {
  return wordMessage(checkWordings, result, locale);
}

/** Tokens of a list or set answer: split on commas (also ，、；) and white space, upper-cased. */
export function answerTokens(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[\s,;、]+/)
    .map((t) => t.trim().toUpperCase())
    .filter((t) => t !== '');
}

/** What a reader may write for the empty set, in either edition. */
const NONE_TOKENS = new Set(['NONE', '无', '没有']);

function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function result(correct: boolean, feedback: CheckMessage): CheckResult {
  return { ...feedback, correct };
}

/** Compares a reader's answer with the problem's key (the key is the same in every edition). */
export function checkAnswer(problem: Pick<Problem, 'answerKind' | 'answer' | 'choices'>, given: string): CheckResult {
  // NFKC turns full-width digits, letters and commas (as a Chinese input method types them) into ASCII.
  const trimmed = given.normalize('NFKC').trim();
  if (trimmed === '') return result(false, { code: 'empty' });
  const verdict = (ok: boolean) => result(ok, ok ? { code: 'correct' } : { code: 'notQuite' });
  switch (problem.answerKind) {
    case 'number': {
      if (!/^[+-]?\d+$/.test(trimmed.replace(/[_\s,]/g, ''))) return result(false, { code: 'notANumber', params: { given: trimmed } });
      return verdict(Number(trimmed.replace(/[_\s,]/g, '')) === Number(problem.answer));
    }
    case 'choice': {
      const key = trimmed.toUpperCase();
      const choices = problem.choices ?? [];
      if (!choices.some((c) => c.key.toUpperCase() === key)) {
        return result(false, { code: 'pickOne', params: { keys: choices.map((c) => c.key).join(', ') } });
      }
      return verdict(key === problem.answer.toUpperCase());
    }
    case 'list': {
      const want = answerTokens(problem.answer);
      const got = answerTokens(trimmed);
      if (got.length !== want.length) return result(false, { code: 'wrongLength', params: { want: want.length, got: got.length } });
      const right = got.filter((t, i) => t === want[i]).length;
      return right === want.length ? verdict(true) : result(false, { code: 'inPlace', params: { right, total: want.length } });
    }
    case 'set': {
      const norm = (tokens: string[]) => new Set(tokens.filter((t) => !NONE_TOKENS.has(t)));
      const want = norm(answerTokens(problem.answer));
      const got = norm(answerTokens(trimmed));
      const missing = [...want].filter((t) => !got.has(t)).length;
      const extra = [...got].filter((t) => !want.has(t)).length;
      if (missing === 0 && extra === 0) return verdict(true);
      return result(false, { code: 'missingExtra', params: { missing, extra } });
    }
    case 'text':
      return verdict(normalizeText(trimmed) === normalizeText(problem.answer));
  }
}
