import { expect, test } from 'vitest';
import { EXERCISES, generateProblem } from '../../../lib/exercises/index.ts';
import { decodeShareHash } from '../../../lib/pcode/index.ts';
import { decodeJitLabHash } from '../../../lib/jit/index.ts';
import { decodeLabSetupHash } from '../../../lib/trap/index.ts';
import { decodeDensityHash } from '../../../lib/density/index.ts';
import { decodePagingLabHash } from '../../../lib/paging/index.ts';

/** Words that send the reader to a lab to check the answer. */
const SENDS_TO_A_LAB = /\bin the (P-code|JIT|trap|paging) lab\b|\bdensity calculator\b/i;

test('every exercise that sends the reader to a lab links to that lab, set up for the problem', () => {
  const linked = new Set<string>();
  for (const exercise of EXERCISES) {
    for (const seed of [1, 2, 3, 17]) {
      const result = generateProblem(exercise.id, seed);
      if (!result.ok) throw new Error(JSON.stringify(result));
      const { prompt, explanation, labLink } = result.problem;
      if (!SENDS_TO_A_LAB.test(`${prompt} ${explanation}`) && !exercise.id.startsWith('jit-')) continue;
      expect(labLink, `${exercise.id} seed ${seed}`).toBeDefined();
      linked.add(exercise.id);
      const hash = labLink!.hash;
      const opens = {
        'pcode-lab': () => decodeShareHash(hash).kind === 'state',
        'jit-lab': () => decodeJitLabHash(hash).kind === 'state',
        'trap-lab': () => decodeLabSetupHash(hash) !== null,
        'paging-lab': () => decodePagingLabHash(hash) !== undefined,
        'density-calculator': () => decodeDensityHash(hash) !== undefined,
      }[labLink!.lab];
      expect(opens(), `${exercise.id} seed ${seed}`).toBe(true);
    }
  }
  expect([...linked].sort()).toEqual(['density-containers', 'density-vms', 'jit-cache-hits', 'jit-interpreted', 'jit-translations', 'paging-walk', 'paging-winner', 'pcode-steps', 'trap-count']);
});
