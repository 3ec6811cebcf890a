/**
 * Seeded exercises on the command line, in the style of OSTEP's homework simulators:
 *
 *   npm run exercises -- --list                                  every exercise, by chapter
 *   npm run exercises -- --chapter 2 --seed 7                    the chapter's problems for seed 7
 *   npm run exercises -- --chapter 2 --seed 7 --answers          … with the answers and worked solutions
 *   npm run exercises -- --exercise pcode-output --seed 7 [-c]   one exercise (-c is --answers)
 *   npm run exercises -- --exercise pcode-output --seeds 1-20 --csv    a problem set as CSV (or --markdown)
 *   npm run exercises -- --chapter 2 --seed 7 --lang zh-CN       the same problems in the Chinese edition
 *   npm run exercises -- --export qti --chapter 2 --seeds 1-30 > quiz.zip     a quiz for Canvas (QTI 1.2);
 *                        --export moodle (Moodle XML) and --export gift (GIFT) for Moodle
 *
 * Exit codes: 0 success, 64 usage error (one line on stderr; --help lists every option).
 */
import {
  EXERCISE_CHAPTERS, MAX_SEED, exerciseById, exercisesOfChapter, generateProblem, problemErrorWordings, problemSetExportWordings, problemSetToCsv,
  problemSetToGift, problemSetToMarkdown, problemSetToMoodleXml, problemSetToQtiPackage,
} from './index.ts';
import type { Problem } from './index.ts';
import { bookLocales, textIn, wordMessage, wordings } from '../book/localized-text.ts';
import {
  CommandLineError, isEntryPoint, parseCommandLine, quoted, runCommandLineTool,
  type CommandLineSpec, type CommandOutput,
} from '../book/command-line.ts';
import type { BookLocale } from '../book/localized-text.ts';

/** The CLI's own words around the problems. */
const cliWordings = {
  chapter: wordings((p: { n: number; slug: string }) => `Chapter ${p.n} (${p.slug})`, (p) => `第 ${p.n} 章（${p.slug}）`),
  heading: wordings(
    (p: { title: string; exercise: string; seed: number; version: number }) => `${p.title} (${p.exercise}, seed ${p.seed}, version ${p.version})`,
    (p) => `${p.title}（${p.exercise}，种子 ${p.seed}，版本 ${p.version}）`,
  ),
  answerFormat: wordings((p: { format: string }) => `Answer format: ${p.format}.`, (p) => `答案格式：${p.format}。`),
  answer: wordings((p: { answer: string }) => `ANSWER: ${p.answer}`, (p) => `答案：${p.answer}`),
};

export const exercisesCommandLine = {
  name: 'exercises',
  usageExitCode: 64,
  usage: `usage: npm run exercises -- --list
       npm run exercises -- --chapter N --seed S [--answers]
       npm run exercises -- --exercise ID --seed S [--answers] [--version V]
       npm run exercises -- --exercise ID --seeds A-B [--markdown | --csv] [--answers]
       npm run exercises -- --export qti|moodle|gift (--chapter N | --exercise ID) --seeds A-B > FILE
       (add --lang zh-CN for the Chinese edition; English is the default)`,
  options: {
    list: { type: 'flag', help: 'list every exercise, by chapter' },
    chapter: { type: 'integer', min: 1, max: EXERCISE_CHAPTERS.length, value: 'N', help: "the chapter's exercises" },
    exercise: {
      type: 'text',
      value: 'ID',
      help: 'one exercise (--list shows the ids)',
      check: (id) => (exerciseById(id) ? undefined : 'an exercise id from --list'),
    },
    seed: { type: 'integer', short: 's', min: 1, max: MAX_SEED, value: 'S', help: 'the seed that picks the problem (default 1)' },
    seeds: {
      type: 'text',
      value: 'A-B',
      help: 'a range of seeds for a problem set, at most 10000',
      check: (range) => {
        const m = /^(\d+)-(\d+)$/.exec(range);
        const [a, b] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
        return m && a >= 1 && b <= MAX_SEED && a <= b && b - a <= 9999 ? undefined : `a range of seeds such as 1-20 (from 1 to ${MAX_SEED}, at most 10000 seeds)`;
      },
    },
    version: { type: 'integer', min: 1, max: 1000, value: 'V', help: 'the generator version (default: the newest)' },
    answers: { type: 'flag', short: 'c', help: 'print the answers and worked solutions' },
    markdown: { type: 'flag', help: 'print the problems as a Markdown problem set' },
    csv: { type: 'flag', help: 'print the problems as CSV' },
    export: {
      type: 'choice',
      choices: ['qti', 'moodle', 'gift'],
      help: 'a quiz for a learning management system: qti (a .zip for Canvas), moodle (Moodle XML) or gift (GIFT)',
    },
    lang: { type: 'choice', choices: bookLocales, help: 'the edition: en (default) or zh-CN' },
  },
} as const satisfies CommandLineSpec;

function usageError(message: string): never {
  throw new CommandLineError(message, 64);
}

function printProblem(p: Problem, answers: boolean, lang: BookLocale, io: CommandOutput): void {
  const out = [
    `== ${wordMessage(cliWordings, { code: 'heading', params: { title: p.title, exercise: p.exercise, seed: p.seed, version: p.version } }, lang)}`,
    '',
    p.prompt,
  ];
  if (p.figure) out.push('', p.figure);
  if (p.choices) out.push('', ...p.choices.map((c) => `  ${c.key}) ${c.label}`));
  out.push('', wordMessage(cliWordings, { code: 'answerFormat', params: { format: p.answerFormat } }, lang));
  if (answers) out.push('', wordMessage(cliWordings, { code: 'answer', params: { answer: p.answer } }, lang), '', p.explanation);
  io.out(`${out.join('\n')}\n\n`);
}

/** The whole CLI: arguments in, exit status out (argument mistakes are thrown as CommandLineError). */
export function exercisesMain(argv: string[], io: CommandOutput): number {
  const { options, positionals } = parseCommandLine(exercisesCommandLine, argv);
  if (positionals.length > 0) usageError(`unexpected argument ${quoted(positionals[0]!)} (options start with --; --help lists them)`);
  const lang: BookLocale = options.lang ?? 'en';
  const chosen = (['list', 'chapter', 'exercise'] as const).filter((k) => (k === 'list' ? options.list : options[k] !== undefined));
  if (chosen.length === 0) usageError('give --list, --chapter N or --exercise ID');
  if (chosen.length > 1) usageError(`give one of --list, --chapter N and --exercise ID, not --${chosen[0]} and --${chosen[1]}`);
  const formats = (['markdown', 'csv', 'export'] as const).filter((k) => (k === 'export' ? options.export !== undefined : options[k]));
  if (formats.length > 1) usageError(`give one of --markdown, --csv and --export, not --${formats[0]} and --${formats[1]}`);
  if (options.list) {
    const stray = (['seed', 'seeds', 'version', 'export'] as const).find((k) => options[k] !== undefined) ?? (['answers', 'markdown', 'csv'] as const).find((k) => options[k]);
    if (stray) usageError(`--${stray} does not apply to --list`);
    EXERCISE_CHAPTERS.forEach((chapter, i) => {
      io.out(`${wordMessage(cliWordings, { code: 'chapter', params: { n: i + 1, slug: chapter } }, lang)}\n`);
      for (const e of exercisesOfChapter(chapter)) io.out(`  ${e.id.padEnd(20)} v${e.versions.join(',v')}  ${textIn(e.wording.summary, lang)}\n`);
    });
    return 0;
  }
  if (options.seed !== undefined && options.seeds !== undefined) usageError('give --seed S or --seeds A-B, not both');
  if (options.version !== undefined && options.chapter !== undefined) usageError('--version applies to one --exercise (each exercise has its own versions)');
  const exercises = options.chapter !== undefined ? exercisesOfChapter(options.chapter) : [exerciseById(options.exercise!)!];

  let seeds: number[];
  if (options.seeds !== undefined) {
    const [a, b] = options.seeds.split('-').map(Number) as [number, number];
    seeds = Array.from({ length: b - a + 1 }, (_, i) => a + i);
  } else seeds = [options.seed ?? 1];

  const problems: Problem[] = [];
  for (const e of exercises) {
    for (const seed of seeds) {
      const result = generateProblem(e.id, seed, options.version, lang);
      if (!result.ok) usageError(wordMessage(problemErrorWordings, result, lang));
      else problems.push(result.problem);
    }
  }
  const category = lang === 'zh-CN' ? '动手学虚拟化' : 'Hands-on Virtualization';
  if (options.export === 'qti') {
    if (!io.outBytes) usageError('--export qti writes a .zip: send the output to a file');
    io.outBytes(problemSetToQtiPackage(problems, { title: category }));
  } else if (options.export === 'moodle') io.out(problemSetToMoodleXml(problems, { category }));
  else if (options.export === 'gift') io.out(problemSetToGift(problems, { category }));
  else if (options.csv) io.out(problemSetToCsv(problems, { locale: lang }));
  else if (options.markdown) {
    const title = wordMessage(problemSetExportWordings, { code: 'problemSet' }, lang);
    io.out(problemSetToMarkdown(problems, { title, answers: options.answers, locale: lang }));
  } else for (const p of problems) printProblem(p, options.answers, lang, io);
  return 0;
}

// `npm run exercises -- … | head` closes the pipe early: the tool stops quietly (lib/book/command-line.ts).
if (isEntryPoint(import.meta.url)) runCommandLineTool(exercisesCommandLine, exercisesMain);
