/**
 * The answers an LMS short-answer question should accept for a list or set key. An LMS compares
 * strings, not token lists, so each accepted spelling is listed: tokens joined by ", ", "," or " ";
 * for a set, every order too while there are few enough (n ≤ 4, 24 orders); past that only the
 * key's own order, and the question says "in this order" is not required but typed as given.
 */
import { answerTokens } from './exercise.ts';
import type { Problem } from './exercise.ts';

const SEPARATORS = [', ', ',', ' '];

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

export function acceptedAnswers(problem: Pick<Problem, 'answerKind' | 'answer'>): string[] {
  if (problem.answerKind !== 'list' && problem.answerKind !== 'set') return [problem.answer];
  const tokens = answerTokens(problem.answer);
  if (tokens.length === 0 || (tokens.length === 1 && tokens[0] === 'NONE')) return ['none'];
  const orders = problem.answerKind === 'set' && tokens.length <= 4 ? permutations(tokens) : [tokens];
  const out = new Set<string>();
  for (const order of orders) for (const separator of SEPARATORS) out.add(order.join(separator));
  return [...out];
}
