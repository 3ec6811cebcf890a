// Engines return codes, the edge words them (DESIGN.md): outside a CLI and a wordings catalogue, no
// engine file words a message in English for a reader it does not know. The tell is a call that
// picks the English edition by name, `wordMessage(catalogue, message, 'en')` or `textIn(text, 'en')`,
// which is how an engine used to store an English copy next to a code. Nor does an engine write a
// reader's sentence inline in both editions (`localizedText(en, zh)` next to the logic, as the ifcfg
// rules once did): a message is a code, and its catalogue (`…-wordings.ts`) words it.

import { describe, expect, test } from 'vitest';
import { sourceTexts } from '../../source-files.ts';

/** Where a file may word in English by name: a CLI (its --lang defaults to English), a catalogue, the catalogue machinery. */
function mayWordInEnglish(path: string): boolean {
  return /(^|\/)cli\.ts$/.test(path) || /-wordings\.ts$/.test(path) || path === 'lib/book/localized-text.ts';
}

/** `file:line: call` for every wordMessage(…, 'en') or textIn(…, 'en') in an engine file that may not word. */
function englishWordingsInEngines(files: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [path, text] of files) {
    if (!path.startsWith('lib/') || mayWordInEnglish(path)) continue;
    const call = /\b(wordMessage|textIn)\(/g;
    for (let m = call.exec(text); m; m = call.exec(text)) {
      let depth = 1;
      let end = m.index + m[0].length;
      for (; end < text.length && depth > 0; end++) {
        if (text[end] === '(') depth++;
        else if (text[end] === ')') depth--;
      }
      const args = text.slice(m.index + m[0].length, end - 1);
      if (/,\s*(['"])en\1\s*,?\s*$/.test(args)) {
        const line = text.slice(0, m.index).split('\n').length;
        found.push(`${path}:${line}: ${m[1]}(${args.replace(/\s+/g, ' ').trim()})`);
      }
    }
  }
  return found;
}

/**
 * Where an engine may write prose in both editions inline: a catalogue (`…-wordings.ts`), the
 * LocalizedText machinery, and the exercises, whose titles, questions and answers are the book's own prose.
 */
function mayWriteProse(path: string): boolean {
  return /-wordings\.ts$/.test(path) || path === 'lib/book/localized-text.ts' || path.startsWith('lib/exercises/');
}

/** `file:line` for every localizedText(…) call in an engine file that is not a catalogue. */
function inlineProseInEngines(files: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [path, text] of files) {
    if (!path.startsWith('lib/') || mayWriteProse(path)) continue;
    const call = /\blocalizedText\s*\(/g;
    for (let m = call.exec(text); m; m = call.exec(text)) found.push(`${path}:${text.slice(0, m.index).split('\n').length}`);
  }
  return found;
}

describe('engines return codes, not English', () => {
  const findings = englishWordingsInEngines(sourceTexts('lib', /\.ts$/));

  test('no engine file words a message in English by name (CLIs and *-wordings.ts may)', () => {
    expect(findings).toEqual([]);
  });

  test('the scan finds an English copy stored next to a code, over several lines, and leaves CLIs and catalogues alone', () => {
    const files = new Map([
      ['lib/density/density-model.ts', "return { field, message: wordMessage(densityProblemWordings, problem, 'en') };"],
      ['lib/ifcfg/rules/finding.ts', 'const message = textIn(\n  f.wording.message,\n  "en",\n);'],
      ['lib/ifcfg/parse-bash.ts', 'const words = wordMessage(bashDiagnosticWordings, d, locale);'],
      ['lib/ifcfg/cli.ts', "io.out(wordMessage(choiceErrorWordings, p, 'en'));"],
      ['lib/guest/guest-wordings.ts', "(p) => `The ${wordMessage(guestDownloadWordings, p.file, 'en')} is missing`"],
      ['components/exercises/ExerciseWidget.tsx', "wordMessage(problemErrorWordings, generated, 'en')"],
    ]);
    expect(englishWordingsInEngines(files)).toEqual([
      "lib/density/density-model.ts:1: wordMessage(densityProblemWordings, problem, 'en')",
      'lib/ifcfg/rules/finding.ts:1: textIn(f.wording.message, "en",)',
    ]);
  });

  test('no engine file writes a sentence in both editions inline (catalogues and exercises may), the ifcfg rules included', () => {
    expect(inlineProseInEngines(sourceTexts('lib', /\.ts$/))).toEqual([]);
  });

  test('the scan finds a finding worded inline in a rule, and leaves catalogues and exercises alone', () => {
    const files = new Map([
      ['lib/ifcfg/rules/uuids.ts', "findings.push(finding(file.path, at, {\n  key: 'UUID', rule: 'invalid-uuid',\n  message: localizedText(`UUID=${uuid} is not a UUID`, `UUID=${uuid} 不是 UUID`),\n}));"],
      ['lib/ifcfg/rules/finding.ts', "import { localizedText } from '../../book/localized-text.ts';\nconst m = localizedText ( 'a', 'b' );"],
      ['lib/ifcfg/finding-wordings.ts', "'invalid-uuid': sentences({ message: () => localizedText('a', 'b') })"],
      ['lib/exercises/bridge-exercises.ts', "title: localizedText('Find every mistake', '找出每一处错误'),"],
      ['components/bridge-editor/BridgeEditor.tsx', "localizedText('a', 'b')"],
    ]);
    expect(inlineProseInEngines(files)).toEqual(['lib/ifcfg/rules/uuids.ts:3', 'lib/ifcfg/rules/finding.ts:2']);
  });
});
