import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  EXERCISES, acceptedAnswers, generateProblem, questionName, giftText, problemSetToGift, problemSetToMoodleXml, problemSetToQtiFiles, problemSetToQtiPackage,
} from '../../../lib/exercises/index.ts';
import type { Problem } from '../../../lib/exercises/index.ts';
import { all, first, hasXmllint, readGift, readStoredZip, readXml, xmllintProblems } from './lms-readers.ts';

function problemSet(locale: 'en' | 'zh-CN'): Problem[] {
  const out: Problem[] = [];
  for (const e of EXERCISES) {
    for (const seed of [1, 2, 3]) {
      const r = generateProblem(e.id, seed, undefined, locale);
      if (!r.ok) throw new Error(JSON.stringify(r));
      out.push(r.problem);
    }
  }
  return out;
}

const HOSTILE: Problem = {
  exercise: 'hostile-text',
  chapter: 'p-code',
  seed: 99,
  version: 1,
  locale: 'en',
  title: 'Hostile ::title:: {=x} </name>',
  prompt: 'A prompt with </text></questiontext><question type="x"> ]]> & {=evil ~wrong} #3 :: \\n and a\n\nblank line',
  figure: 'program { end. }\n\n$CATEGORY: $course$/top/evil\n// [id:evil]\n::x::y{=z}',
  answerKind: 'choice',
  choices: [
    { key: 'A', label: 'right = {yes} ~ <b>' },
    { key: 'B', label: 'wrong # : ' },
  ],
  answerFormat: 'one letter',
  answer: 'A',
  hint: 'none',
  explanation: 'Because ]]> </pre> {#1} ####not feedback',
};

/** The problem's question text, as the exports write it before escaping. */
function expectedQuestionHtml(p: Problem): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  let html = `<p>${esc(`${p.prompt}\n${p.answerFormat}`).replace(/\n/g, '<br>')}</p>`;
  if (p.figure) html += `<pre>${esc(p.figure)}</pre>`;
  if (p.choices && p.answerKind !== 'choice') html += `<ul>${p.choices.map((c) => `<li><b>${esc(c.key)}</b>: ${esc(c.label)}</li>`).join('')}</ul>`;
  return html;
}

function rightAnswers(p: Problem): string[] {
  if (p.answerKind === 'choice') return [`${p.answer}. ${p.choices!.find((c) => c.key === p.answer)!.label}`];
  return acceptedAnswers(p);
}

describe.each(['en', 'zh-CN'] as const)('LMS exports (%s)', (locale) => {
  const problems = [...problemSet(locale), HOSTILE];

  test('Moodle XML: well-formed, one category per exercise, every problem back with its key, seed and version', () => {
    const xml = problemSetToMoodleXml(problems, { category: 'Hands-on Virtualization' });
    if (hasXmllint() || process.env.CI) expect(xmllintProblems(xml)).toBe('');
    const quiz = first(readXml(xml), 'quiz')!;
    const questions = quiz.children.filter((q) => q.attributes.type !== 'category');
    const categories = quiz.children.filter((q) => q.attributes.type === 'category');
    expect(categories).toHaveLength(new Set(problems.map((p) => p.exercise)).size);
    expect(questions).toHaveLength(problems.length);
    questions.forEach((q, i) => {
      const p = problems[i]!;
      expect(first(q, 'idnumber')!.text).toBe(`${p.exercise}-s${p.seed}-v${p.version}`);
      expect(first(first(q, 'questiontext')!, 'text')!.text).toBe(expectedQuestionHtml(p));
      const right = all(q, 'answer').filter((a) => a.attributes.fraction === '100').map((a) => first(a, 'text')!.text);
      expect(right).toEqual(rightAnswers(p));
      expect(q.attributes.type).toBe({ number: 'numerical', choice: 'multichoice', list: 'shortanswer', set: 'shortanswer', text: 'shortanswer' }[p.answerKind]);
    });
  });

  test('GIFT: every problem back with its text, key and worked solution; reserved characters escaped', () => {
    const gift = problemSetToGift(problems, { category: 'Hands-on Virtualization' });
    const questions = readGift(gift);
    expect(questions).toHaveLength(problems.length);
    questions.forEach((q, i) => {
      const p = problems[i]!;
      expect(q.title).toBe(questionName(p));
      expect(q.format).toBe('html');
      expect(q.text).toBe(expectedQuestionHtml(p));
      expect(q.comments[0]).toContain(`[id:${p.exercise}-s${p.seed}-v${p.version}]`);
      expect(q.generalFeedback).toContain(p.explanation.split('\n')[0]!.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
      if (p.answerKind === 'number') expect(q.numeric).toEqual({ value: p.answer, tolerance: '0' });
      else expect(q.answers.filter((a) => a.right).map((a) => a.text)).toEqual(rightAnswers(p));
    });
    expect(giftText('~=#{}:\\')).toBe('\\~\\=\\#\\{\\}\\:\\\\');
  });

  test('QTI 1.2: the manifest lists every assessment file, each well-formed, with every item and its key', () => {
    const zip = problemSetToQtiPackage(problems, { title: 'Hands-on Virtualization' });
    const files = readStoredZip(zip);
    expect([...files.keys()]).toEqual(problemSetToQtiFiles(problems, { title: 'Hands-on Virtualization' }).map((f) => f.path));
    const manifest = readXml(files.get('imsmanifest.xml')!);
    const hrefs = all(manifest, 'file').map((f) => f.attributes.href!);
    expect(hrefs.sort()).toEqual([...files.keys()].filter((k) => k !== 'imsmanifest.xml').sort());
    expect(all(manifest, 'resource').every((r) => r.attributes.type === 'imsqti_xmlv1p2')).toBe(true);
    const items = hrefs.flatMap((href) => {
      if (hasXmllint() || process.env.CI) expect(xmllintProblems(files.get(href)!)).toBe('');
      return all(readXml(files.get(href)!), 'item');
    });
    expect(items).toHaveLength(problems.length);
    for (const p of problems) {
      const item = items.find((it) => it.attributes.title === questionName(p) && all(it, 'fieldentry').some((f) => f.text === String(p.seed)))!;
      expect(item, `${p.exercise} ${p.seed}`).toBeDefined();
      const fields = Object.fromEntries(all(item, 'qtimetadatafield').map((f) => [first(f, 'fieldlabel')!.text, first(f, 'fieldentry')!.text]));
      expect(fields).toMatchObject({ hov_exercise: p.exercise, hov_seed: String(p.seed), hov_version: String(p.version) });
      expect(first(first(item, 'presentation')!, 'mattext')!.text).toBe(expectedQuestionHtml(p));
      const equal = all(first(item, 'resprocessing')!, 'varequal').map((v) => v.text);
      if (p.answerKind === 'choice') expect(equal).toEqual([`hov_${p.answer}`]);
      else if (p.answerKind === 'number') expect(equal).toEqual([p.answer]);
      else expect(equal).toEqual(acceptedAnswers(p));
    }
  });
});

describe('LMS exports', () => {
  test('a set answer is accepted in any order and spelling; a list only in its order', () => {
    expect(acceptedAnswers({ answerKind: 'set', answer: 'B, A' })).toEqual(expect.arrayContaining(['A, B', 'B,A', 'A B']));
    expect(acceptedAnswers({ answerKind: 'list', answer: 'B, A' })).not.toContain('A, B');
    expect(acceptedAnswers({ answerKind: 'number', answer: '42' })).toEqual(['42']);
  });

  test('the QTI package is a ZIP that unzip accepts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hov-qti-'));
    try {
      const path = join(dir, 'quiz.zip');
      writeFileSync(path, problemSetToQtiPackage(problemSet('en'), { title: 'Hands-on Virtualization' }));
      const listing = execFileSync('python3', ['-c', 'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("\\n".join(z.namelist()))', path], { encoding: 'utf8' });
      expect(listing.split('\n')).toContain('imsmanifest.xml');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
