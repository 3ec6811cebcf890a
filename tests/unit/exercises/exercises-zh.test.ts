import { describe, expect, test } from 'vitest';
import {
  EXERCISES, answerTokens, checkAnswer, checkFeedbackIn, checkWordings, generateLocalizedProblem, generateProblem, problemIn,
  problemErrorWordings, problemSetToCsv, problemSetToMarkdown,
} from '../../../lib/exercises/index.ts';
import type { CheckResult, LocalizedProblem, Problem } from '../../../lib/exercises/index.ts';
import { textIn, wordMessage } from '../../../lib/book/localized-text.ts';
import { timelineEvents, chineseEventText } from '../../../lib/timeline/index.ts';
import { englishRuns as englishRunsIn } from '../../english-runs.ts';

const SEEDS = Array.from({ length: 50 }, (_, i) => i + 1);
const CJK = /[\u4e00-\u9fff]/;

function localized(id: string, seed: number): LocalizedProblem {
  const r = generateLocalizedProblem(id, seed);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.problem;
}

function flat(id: string, seed: number, locale: 'en' | 'zh-CN'): Problem {
  const r = generateProblem(id, seed, undefined, locale);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.problem;
}

/**
 * Titles of cited sources stay in their original language (a reference is cited as it was
 * published), and so does an event the Chinese timeline names by a paper's title ("Xen and the
 * Art of Virtualization").
 */
const CITATIONS = [
  ...new Set([
    ...timelineEvents.map((e) => e.source.title),
    ...timelineEvents.filter((e) => chineseEventText(e)?.title === e.title).map((e) => e.title),
  ]),
].sort((a, b) => b.length - a.length);

/** English runs in a Chinese text, with cited titles (which stay in their own language) taken out first. */
function englishRuns(text: string): string[] {
  let rest = text;
  for (const title of CITATIONS) rest = rest.split(title).join(' ');
  return englishRunsIn(rest);
}

describe('the English-run detector used below', () => {
  test('finds prose and ignores code, keys and single terms', () => {
    expect(englishRuns('这是 English left behind 的句子')).toEqual(['English left behind']);
    expect(englishRuns('ifcfg-br0 里写着 IPADDR=10.0.0.1 和 VM exit 次数')).toEqual([]);
  });
});

describe.each(EXERCISES.map((e) => e.id))('exercise %s in Chinese', (id) => {
  const exercise = EXERCISES.find((e) => e.id === id)!;

  test('its title and summary are Chinese', () => {
    expect(exercise.wording.title['zh-CN']).toMatch(CJK);
    expect(exercise.wording.summary['zh-CN']).toMatch(CJK);
    expect(englishRuns(exercise.wording.summary['zh-CN'])).toEqual([]);
    // The English title and summary existing callers read are the English wording, not a copy.
    expect(exercise.title).toBe(exercise.wording.title.en);
    expect(exercise.summary).toBe(exercise.wording.summary.en);
    expect(exercise.title).not.toMatch(CJK);
  });

  test('seeds 1..50: every sentence is Chinese, and the numbers and key are those of the English problem', () => {
    for (const seed of SEEDS) {
      const zh = flat(id, seed, 'zh-CN');
      const en = flat(id, seed, 'en');
      const where = `${id} seed ${seed}`;
      expect(zh.locale).toBe('zh-CN');
      expect(en.locale).toBe('en');
      // Same seed, same problem: the key, the kind, the choice keys and any code figure.
      expect(zh.answer, where).toBe(en.answer);
      expect(zh.answerKind).toBe(en.answerKind);
      expect(zh.choices?.map((c) => c.key)).toEqual(en.choices?.map((c) => c.key));
      const both = localized(id, seed);
      if (typeof both.figure === 'string') expect(zh.figure).toBe(en.figure);
      expect(problemIn(both, 'zh-CN')).toEqual(zh);
      expect(problemIn(both, 'en')).toEqual(en);
      // A numeric key is worked out in the Chinese solution as in the English one.
      if (en.answerKind === 'number') {
        expect(en.explanation, where).toMatch(new RegExp(`(?<!\\d)${en.answer}(?!\\d)`));
        expect(zh.explanation, where).toMatch(new RegExp(`(?<!\\d)${en.answer}(?!\\d)`));
      }
      // Chinese, with no English sentence left.
      for (const field of ['title', 'prompt', 'answerFormat', 'hint', 'explanation'] as const) {
        expect(zh[field], `${where} ${field}`).toMatch(CJK);
        expect(englishRuns(zh[field]), `${where} ${field}: ${zh[field]}`).toEqual([]);
      }
      for (const c of zh.choices ?? []) {
        expect(c.label, where).toMatch(CJK);
        expect(englishRuns(c.label)).toEqual([]);
      }
      if (zh.figure !== undefined && typeof both.figure !== 'string') {
        expect(zh.figure, `${where} figure`).toMatch(CJK);
        expect(englishRuns(zh.figure), `${where} figure: ${zh.figure}`).toEqual([]);
      }
      // The key checks in both editions, and a wrong answer is told off in Chinese.
      expect(checkAnswer(zh, zh.answer).correct).toBe(true);
    }
  });
});

describe('the checker speaks Chinese', () => {
  const base = { choices: [{ key: 'A', label: '甲' }, { key: 'B', label: '乙' }] };
  /** Every code of checkWordings, each produced by a real answer. */
  const cases: [keyof typeof checkWordings, CheckResult][] = [
    ['empty', checkAnswer({ answerKind: 'number', answer: '3' }, '  ')],
    ['correct', checkAnswer({ answerKind: 'number', answer: '3' }, '3')],
    ['notQuite', checkAnswer({ answerKind: 'number', answer: '3' }, '4')],
    ['notANumber', checkAnswer({ answerKind: 'number', answer: '3' }, 'three')],
    ['pickOne', checkAnswer({ ...base, answerKind: 'choice', answer: 'A' }, 'C')],
    ['wrongLength', checkAnswer({ answerKind: 'list', answer: 'A, B, C' }, 'A B')],
    ['inPlace', checkAnswer({ answerKind: 'list', answer: 'A, B, C' }, 'A C B')],
    ['missingExtra', checkAnswer({ answerKind: 'set', answer: 'A, B' }, 'A, C')],
  ];
  test('every code of the catalogue comes from a real answer', () => {
    expect(cases.map(([code]) => code).sort()).toEqual(Object.keys(checkWordings).sort());
  });
  test.each(cases)('%s is worded in Chinese and in English', (code, result) => {
    expect(result.code).toBe(code);
    const zh = checkFeedbackIn(result, 'zh-CN');
    expect(zh).toMatch(CJK);
    expect(englishRuns(zh)).toEqual([]);
    expect(checkFeedbackIn(result, 'en')).not.toMatch(CJK);
  });
  test('a wrong answer to a real problem gets a Chinese sentence', () => {
    const p = flat('pcode-output', 5, 'zh-CN');
    const r = checkAnswer(p, '12345');
    expect(r.correct).toBe(false);
    expect(checkFeedbackIn(r, 'zh-CN')).toMatch(/^(答案共有 \d+ 项，你填了 1 项。|1 项中有 0 项位置正确。)$/);
    expect(checkFeedbackIn(checkAnswer(p, ''), 'zh-CN')).toBe('请先填写答案。');
    expect(checkFeedbackIn(checkAnswer(flat('ifcfg-prefix', 3, 'zh-CN'), '二十四'), 'zh-CN')).toBe('“二十四”不是整数。');
  });
  test('Chinese punctuation and 无 are accepted as a Chinese reader types them', () => {
    expect(answerTokens('B，D、A；C')).toEqual(['B', 'D', 'A', 'C']);
    expect(checkAnswer({ answerKind: 'list', answer: 'B, D, A, C' }, 'B，D，A，C').correct).toBe(true);
    expect(checkAnswer({ answerKind: 'set', answer: 'POPF, SIDT' }, 'SIDT、POPF').correct).toBe(true);
    expect(checkAnswer({ answerKind: 'set', answer: 'none' }, '无').correct).toBe(true);
    expect(checkAnswer({ answerKind: 'number', answer: '24' }, '２４').correct).toBe(true);
  });
});

describe('problems that cannot be made say why in Chinese', () => {
  test('every code of the error catalogue, from a real request', () => {
    const results = [generateProblem('nope', 1, undefined, 'zh-CN'), generateProblem('pcode-output', 0, undefined, 'zh-CN'), generateProblem('pcode-output', 1, 99, 'zh-CN')];
    const codes = results.map((r) => (r.ok ? 'ok' : r.code));
    expect(codes.sort()).toEqual(Object.keys(problemErrorWordings).sort());
    for (const r of results) if (!r.ok) expect(wordMessage(problemErrorWordings, r, 'zh-CN')).toMatch(CJK);
    const v = generateProblem('pcode-output', 1, 99, 'zh-CN');
    expect(v.ok ? '' : wordMessage(problemErrorWordings, v, 'zh-CN')).toBe('练习“pcode-output”没有第 99 版生成器；本书有的版本是 1。');
  });
});

describe('engine messages inside problems are worded by their engines', () => {
  test('ifcfg-mistakes explains each flagged line with lib/ifcfg\'s Chinese finding', () => {
    for (const seed of SEEDS.slice(0, 10)) {
      const zh = flat('ifcfg-mistakes', seed, 'zh-CN');
      const lines = zh.explanation.split('\n');
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line, line).toMatch(/^ifcfg-[\w-]+:\d+（(错误|警告)，[\w-]+）：.*[\u4e00-\u9fff]/);
    }
  });
  test('trap-classify shows lib/trap\'s Chinese instruction summaries', () => {
    const zh = flat('trap-classify', 1, 'zh-CN');
    for (const line of zh.figure!.split('\n')) expect(line).toMatch(/^\d\. [A-Z]+ +.*[\u4e00-\u9fff]/);
  });
});

describe('the problem set in Chinese', () => {
  const problems = [flat('ifcfg-prefix', 1, 'zh-CN'), flat('pcode-output', 2, 'zh-CN'), flat('namespace-isolates', 3, 'zh-CN')];
  test('CSV has Chinese column headers and the same keys as the English CSV', () => {
    const csv = problemSetToCsv(problems);
    expect(csv.split('\r\n')[0]).toBe('练习,种子,版本,章,题目,附图,选项,答案');
    const english = problemSetToCsv(problems.map((p) => flat(p.exercise, p.seed, 'en')));
    expect(english.split('\r\n')[0]).toBe('exercise,seed,version,chapter,question,figure,choices,answer');
    const keys = (text: string) => text.trimEnd().split('\r\n').slice(1).map((l) => l.split(',').at(-1));
    expect(keys(csv)).toEqual(keys(english));
  });
  test('CSV keeps the program and the choices a question needs', () => {
    const withFigure = flat('pcode-output', 2, 'en');
    const withChoices = flat('namespace-isolates', 3, 'en');
    const csv = problemSetToCsv([withFigure, withChoices]);
    expect(withFigure.figure).toBeTruthy();
    expect(csv).toContain(`"${withFigure.figure!.replace(/"/g, '""')}"`);
    for (const c of withChoices.choices ?? []) expect(csv).toContain(`${c.key}) ${c.label}`);
    expect(withChoices.choices?.length).toBeGreaterThan(1);
  });
  test('Markdown words its own labels in Chinese', () => {
    const md = problemSetToMarkdown(problems, { title: '第 3 周', answers: true });
    expect(md).toContain('## 把 NETMASK 换算成 PREFIX（练习 ifcfg-prefix，种子 1，版本 1）');
    expect(md).toContain(`**答案：** ${problems[0]!.answer}`);
    expect(md).toContain('答案格式：0 到 32 之间的一个数。');
    expect(md).not.toMatch(/Answer format|\*\*Answer:\*\*|exercise ifcfg-prefix/);
    expect(textIn(EXERCISES[0]!.wording.title, 'zh-CN')).toBe('给事件排序');
  });
});
