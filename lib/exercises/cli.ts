/**
 * Seeded exercises on the command line, in the style of OSTEP's homework simulators:
 *
 *   npm run exercises -- --list                                  every exercise, by chapter
 *   npm run exercises -- --chapter 2 --seed 7                    the chapter's problems for seed 7
 *   npm run exercises -- --chapter 2 --seed 7 --answers          … with the answers and worked solutions
 *   npm run exercises -- --exercise pcode-output --seed 7 [-c]   one exercise (-c is --answers)
 *   npm run exercises -- --exercise pcode-output --seeds 1-20 --csv    a problem set as CSV (or --markdown)
 *   npm run exercises -- --chapter 2 --seed 7 --lang zh-CN       the same problems in the Chinese edition
 *
 * Exit codes: 0 success, 64 usage error.
 */
import {
  EXERCISES, EXERCISE_CHAPTERS, exerciseById, exercisesOfChapter, generateProblem, problemSetExportWordings, problemSetToCsv,
  problemSetToMarkdown,
} from './index.ts';
import type { Problem } from './index.ts';
import { isBookLocale, textIn, wordMessage, wordings } from '../book/localized-text.ts';
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

const USAGE = `usage: npm run exercises -- --list
       npm run exercises -- --chapter N --seed S [--answers]
       npm run exercises -- --exercise ID --seed S [--answers] [--version V]
       npm run exercises -- --exercise ID --seeds A-B [--markdown | --csv] [--answers]
       (add --lang zh-CN for the Chinese edition; English is the default)
`;

function usage(message: string): number {
  process.stderr.write(`${message}\n${USAGE}`);
  return 64;
}

function printProblem(p: Problem, answers: boolean, lang: BookLocale): void {
  const out = [
    `== ${wordMessage(cliWordings, { code: 'heading', params: { title: p.title, exercise: p.exercise, seed: p.seed, version: p.version } }, lang)}`,
    '',
    p.prompt,
  ];
  if (p.figure) out.push('', p.figure);
  if (p.choices) out.push('', ...p.choices.map((c) => `  ${c.key}) ${c.label}`));
  out.push('', wordMessage(cliWordings, { code: 'answerFormat', params: { format: p.answerFormat } }, lang));
  if (answers) out.push('', wordMessage(cliWordings, { code: 'answer', params: { answer: p.answer } }, lang), '', p.explanation);
  process.stdout.write(`${out.join('\n')}\n\n`);
}

function main(argv: string[]): number {
  const flags = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (['--list', '--answers', '-c', '--markdown', '--csv', '--help', '-h'].includes(arg)) switches.add(arg === '-c' ? '--answers' : arg);
    else if (['--chapter', '--seed', '--seeds', '--exercise', '--version', '-s', '--lang'].includes(arg)) {
      const value = argv[++i];
      if (value === undefined) return usage(`${arg} needs a value`);
      flags.set(arg === '-s' ? '--seed' : arg, value);
    } else return usage(`unknown argument: ${arg}`);
  }
  if (switches.has('--help') || switches.has('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const langFlag = flags.get('--lang') ?? 'en';
  if (!isBookLocale(langFlag)) return usage(`--lang takes en or zh-CN, not "${langFlag}"`);
  const lang: BookLocale = langFlag;
  if (switches.has('--list')) {
    EXERCISE_CHAPTERS.forEach((chapter, i) => {
      process.stdout.write(`${wordMessage(cliWordings, { code: 'chapter', params: { n: i + 1, slug: chapter } }, lang)}\n`);
      for (const e of exercisesOfChapter(chapter)) process.stdout.write(`  ${e.id.padEnd(20)} v${e.versions.join(',v')}  ${textIn(e.wording.summary, lang)}\n`);
    });
    return 0;
  }
  let exercises = EXERCISES;
  if (flags.has('--chapter')) {
    const n = Number(flags.get('--chapter'));
    if (!Number.isInteger(n) || n < 1 || n > EXERCISE_CHAPTERS.length) return usage(`--chapter takes 1 to ${EXERCISE_CHAPTERS.length}`);
    exercises = exercisesOfChapter(n);
  } else if (flags.has('--exercise')) {
    const e = exerciseById(flags.get('--exercise')!);
    if (!e) return usage(`no exercise "${flags.get('--exercise')}"; see --list`);
    exercises = [e];
  } else return usage('give --list, --chapter N or --exercise ID');

  let seeds: number[];
  if (flags.has('--seeds')) {
    const m = /^(\d+)-(\d+)$/.exec(flags.get('--seeds')!);
    if (!m || Number(m[2]) < Number(m[1]) || Number(m[2]) - Number(m[1]) > 9999) return usage('--seeds takes a range such as 1-20 (at most 10000 seeds)');
    seeds = Array.from({ length: Number(m[2]) - Number(m[1]) + 1 }, (_, i) => Number(m[1]) + i);
  } else seeds = [flags.has('--seed') ? Number(flags.get('--seed')) : 1];
  const version = flags.has('--version') ? Number(flags.get('--version')) : undefined;

  const problems: Problem[] = [];
  for (const e of exercises) {
    for (const seed of seeds) {
      const result = generateProblem(e.id, seed, version, lang);
      if (!result.ok) return usage(result.error);
      problems.push(result.problem);
    }
  }
  const answers = switches.has('--answers');
  if (switches.has('--csv')) process.stdout.write(problemSetToCsv(problems, { locale: lang }));
  else if (switches.has('--markdown')) {
    const title = wordMessage(problemSetExportWordings, { code: 'problemSet' }, lang);
    process.stdout.write(problemSetToMarkdown(problems, { title, answers, locale: lang }));
  } else for (const p of problems) printProblem(p, answers, lang);
  return 0;
}

// `npm run exercises -- … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = main(process.argv.slice(2));
