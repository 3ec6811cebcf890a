import { describe, expect, test } from 'vitest';
import {
  EXERCISES, EXERCISE_CHAPTERS, answerTokens, checkAnswer, checkFeedbackIn, createSeededRandom, exerciseLinkQuery, exercisesOfChapter, generateProblem,
  problemSetToCsv, problemSetToMarkdown, readExerciseLink,
} from '../../../lib/exercises/index.ts';
import type { Problem } from '../../../lib/exercises/index.ts';
import { compileProgram } from '../../../lib/pascal/index.ts';
import { PMachine } from '../../../lib/pcode/index.ts';
import { buildBridgeModel, checkIfcfgFiles, nmValueOf, parseIfcfgFile, toKeyfiles } from '../../../lib/ifcfg/index.ts';
import { instructionInfo } from '../../../lib/trap/index.ts';
import type { Opcode } from '../../../lib/trap/index.ts';
import { generatedProblem } from '../../generated-problem.ts';

const SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);

/** A wrong answer of the same kind as the key. */
function wrongAnswer(p: Problem): string {
  switch (p.answerKind) {
    case 'number':
      return String(Number(p.answer) + 1);
    case 'choice':
      return p.choices!.find((c) => c.key !== p.answer)!.key;
    case 'list': {
      const tokens = answerTokens(p.answer);
      return tokens.length > 1 && new Set(tokens).size > 1 ? [...tokens].reverse().join(', ') === tokens.join(', ') ? `${tokens.join(', ')}, X` : [...tokens.slice(1), tokens[0]].join(', ') : `${tokens.join(' ')}9`;
    }
    case 'set':
      return p.answer === 'none' ? 'WRONG' : `${p.answer}, WRONG`;
    case 'text':
      return `${p.answer} wrong`;
  }
}

describe('the seeded random generator', () => {
  test('the same seed gives the same sequence; different seeds differ', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const c = createSeededRandom(43);
    const seqA = Array.from({ length: 20 }, () => a.int(0, 1_000_000));
    expect(Array.from({ length: 20 }, () => b.int(0, 1_000_000))).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.int(0, 1_000_000))).not.toEqual(seqA);
  });
  test('int stays in range and sample returns distinct items', () => {
    const r = createSeededRandom(7);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
    const s = r.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(s).size).toBe(4);
  });
});

describe('the catalogue', () => {
  test('has at least three exercise types in every chapter', () => {
    for (const chapter of EXERCISE_CHAPTERS) expect(exercisesOfChapter(chapter).length, chapter).toBeGreaterThanOrEqual(3);
    expect(exercisesOfChapter(2).map((e) => e.chapter)).toEqual(['p-code', 'p-code', 'p-code']);
  });
  test('rejects unknown exercises, bad seeds and unknown versions with a message', () => {
    expect(generateProblem('nope', 1)).toMatchObject({ ok: false });
    expect(generateProblem('pcode-output', 0)).toMatchObject({ ok: false });
    expect(generateProblem('pcode-output', 1.5)).toMatchObject({ ok: false });
    const v = generateProblem('pcode-output', 1, 99);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v).toMatchObject({ code: 'noSuchVersion', params: { version: 99 } });
  });
});

describe.each(EXERCISES.map((e) => e.id))('exercise %s', (id) => {
  test('is deterministic: the same seed and version give the same problem', () => {
    for (const seed of SEEDS.slice(0, 4)) expect(generatedProblem(id, seed)).toEqual(generatedProblem(id, seed));
  });
  test('different seeds give different problems', () => {
    const texts = new Set(SEEDS.map((s) => JSON.stringify({ ...generatedProblem(id, s), seed: 0 })));
    expect(texts.size).toBeGreaterThan(3);
  });
  test('the checker accepts the key and rejects a wrong answer', () => {
    for (const seed of SEEDS) {
      const p = generatedProblem(id, seed);
      expect(checkAnswer(p, p.answer).correct, `seed ${seed}`).toBe(true);
      expect(checkAnswer(p, wrongAnswer(p)).correct, `seed ${seed}: ${wrongAnswer(p)}`).toBe(false);
      expect(checkAnswer(p, '').correct).toBe(false);
      expect(p.hint.length).toBeGreaterThan(10);
      expect(p.explanation.length).toBeGreaterThan(10);
    }
  });
});

describe('answers come from the engines', () => {
  test('pcode-output: the key is what the P-machine prints for the program shown', () => {
    for (const seed of SEEDS) {
      const p = generatedProblem('pcode-output', seed);
      const machine = new PMachine(compileProgram(p.figure!).program!);
      machine.run(1_000_000);
      expect(answerTokens(p.answer)).toEqual(answerTokens(machine.output));
    }
  });
  test('ifcfg-mistakes: the key lists exactly the lines the checker flags', () => {
    for (const seed of SEEDS) {
      const p = generatedProblem('ifcfg-mistakes', seed);
      const files = p.figure!.split('\n\n').map((block) => {
        const [header, ...lines] = block.split('\n');
        return { path: header!.replace('--- ', ''), text: lines.map((l) => l.slice(4)).join('\n') + '\n' };
      });
      const flagged = new Set(checkIfcfgFiles(files).map((f) => `${f.file}:${f.line}`.toUpperCase()));
      expect(new Set(answerTokens(p.answer)), `seed ${seed}`).toEqual(flagged);
      expect(flagged.size).toBeGreaterThan(0);
    }
  });
  test('ifcfg-to-keyfile: the keyed line is in the keyfile lib/ifcfg writes for the file shown, and no other choice is', () => {
    const asked = new Set<string>();
    for (const seed of Array.from({ length: 40 }, (_, i) => i + 1)) {
      const p = generatedProblem('ifcfg-to-keyfile', seed);
      const [header, ...lines] = p.figure!.split('\n');
      const bridge = parseIfcfgFile(header!.replace('--- ', ''), lines.map((l) => l.slice(4)).join('\n') + '\n');
      const port = parseIfcfgFile('ifcfg-port', `DEVICE=eth9\nTYPE=Ethernet\nBRIDGE=${nmValueOf(bridge, 'DEVICE') ?? ''}\n`);
      const keyfile = toKeyfiles(buildBridgeModel([bridge, port]).bridges[0]!)[0]!.text.split('\n');
      const section = /\[(\w+)\]/.exec(p.prompt)![1]!;
      const inSection = keyfile.slice(keyfile.indexOf(`[${section}]`));
      const right = p.choices!.find((c) => c.key === p.answer)!.label;
      expect(inSection, `seed ${seed}`).toContain(right);
      for (const c of p.choices!) if (c.key !== p.answer) expect(keyfile, `seed ${seed}: ${c.label}`).not.toContain(c.label);
      asked.add(right.split('=')[0]!);
    }
    expect(asked.size, 'every kind of line is asked about for some seed').toBeGreaterThanOrEqual(4);
  });
  test('trap-classify: the key follows the ISA table', () => {
    const codes = { innocuous: 'I', trap: 'T', privileged: 'P', 'sensitive-unprivileged': 'S' } as const;
    for (const seed of SEEDS) {
      const p = generatedProblem('trap-classify', seed);
      const ops = p.figure!.split('\n').map((l) => l.split(/\s+/)[1] as Opcode);
      expect(answerTokens(p.answer)).toEqual(ops.map((op) => codes[instructionInfo(op).kind]));
      expect(new Set(ops).size).toBe(ops.length);
    }
  });
});

describe('the checker', () => {
  const base = { exercise: 'x', chapter: 'origins', seed: 1, version: 1, title: 't', prompt: 'p', answerFormat: 'f', hint: 'h', explanation: 'e' } as const;
  test('numbers ignore spaces and thousands separators but not the value', () => {
    const p: Problem = { ...base, answerKind: 'number', answer: '1234' };
    expect(checkAnswer(p, ' 1,234 ').correct).toBe(true);
    expect(checkAnswer(p, '1235').correct).toBe(false);
    expect(checkFeedbackIn(checkAnswer(p, 'twelve'), 'en')).toContain('not a whole number');
  });
  test('lists care about order, sets do not; "none" is the empty set', () => {
    const list: Problem = { ...base, answerKind: 'list', answer: 'B, A, C' };
    expect(checkAnswer(list, 'b a c').correct).toBe(true);
    expect(checkAnswer(list, 'A, B, C').correct).toBe(false);
    const set: Problem = { ...base, answerKind: 'set', answer: 'POPF, SIDT' };
    expect(checkAnswer(set, 'sidt popf').correct).toBe(true);
    expect(checkAnswer(set, 'sidt').correct).toBe(false);
    const empty: Problem = { ...base, answerKind: 'set', answer: 'none' };
    expect(checkAnswer(empty, 'none').correct).toBe(true);
    expect(checkAnswer(empty, 'POPF').correct).toBe(false);
  });
});

describe('exercise links', () => {
  test('round-trip exercise, seed, version and hidden solutions', () => {
    const q = exerciseLinkQuery({ exercise: 'jit-cache-hits', seed: 99, version: 1, solutions: false });
    expect(readExerciseLink(q, EXERCISES.map((e) => e.id))).toEqual({ exercise: 'jit-cache-hits', seed: 99, version: 1, solutions: false });
    expect(readExerciseLink(exerciseLinkQuery({ exercise: 'trap-count', seed: 5, version: 1 }), EXERCISES.map((e) => e.id)).solutions).toBe(true);
  });
  test.each([
    '?exercise=<script>alert(1)</script>&seed=1<b>',
    '?exercise=pcode-output&seed=<img src=x onerror=alert(1)>',
    '?exercise=pcode-output&seed=1e3&v=javascript:alert(1)',
    '?exercise=__proto__&seed=-5&v=0',
    '?seed=99999999999999999999',
  ])('a hostile link yields only known values: %s', (search) => {
    const state = readExerciseLink(search, EXERCISES.map((e) => e.id));
    expect([undefined, 'pcode-output']).toContain(state.exercise);
    expect(state.seed).toBeUndefined();
    expect(state.version).toBeUndefined();
  });
});

describe('problem-set export', () => {
  const problems = [generatedProblem('ifcfg-prefix', 1), generatedProblem('pcode-output', 2), generatedProblem('namespace-isolates', 3)];
  test('Markdown has every problem, and the answers only when asked', () => {
    const withKeys = problemSetToMarkdown(problems, { title: 'Week 3', answers: true });
    const withoutKeys = problemSetToMarkdown(problems, { title: 'Week 3', answers: false });
    for (const p of problems) {
      expect(withKeys).toContain(`seed ${p.seed}`);
      expect(withKeys).toContain(`**Answer:** ${p.answer}`);
      expect(withoutKeys).not.toContain('**Answer:**');
    }
  });
  test('CSV has a header and one quoted row per problem', () => {
    const csv = problemSetToCsv(problems);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('exercise,seed,version,chapter,question,figure,choices,answer');
    expect(lines.filter((l) => /^(ifcfg-prefix|pcode-output|namespace-isolates),/.test(l))).toHaveLength(3);
  });
  test('CSV neutralises spreadsheet formulas', () => {
    const p = { ...problems[0]!, prompt: '=HYPERLINK("http://x")' };
    expect(problemSetToCsv([p])).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});

describe('loading one chapter at a time', () => {
  test('each chapter loads exactly the exercise types the catalogue lists for it, in order', async () => {
    const { loadChapterExercises } = await import('../../../lib/exercises/index.ts');
    for (const chapter of EXERCISE_CHAPTERS) {
      const loaded = await loadChapterExercises(chapter);
      expect(loaded.map((e) => e.id), chapter).toEqual(exercisesOfChapter(chapter).map((e) => e.id));
    }
  });
});
