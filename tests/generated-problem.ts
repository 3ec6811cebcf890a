import { generateProblem, type Problem } from '../lib/exercises/index.ts';

/** The exercise `id` made from `seed` in `locale`; a generator that fails fails the test with its reason. */
export function generatedProblem(id: string, seed: number, locale: 'en' | 'zh-CN' = 'en'): Problem {
  const r = generateProblem(id, seed, undefined, locale);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.problem;
}
