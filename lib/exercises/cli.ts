/**
 * Seeded exercises on the command line, in the style of OSTEP's homework simulators:
 *
 *   npm run exercises -- --list                                  every exercise, by chapter
 *   npm run exercises -- --chapter 2 --seed 7                    the chapter's problems for seed 7
 *   npm run exercises -- --chapter 2 --seed 7 --answers          … with the answers and worked solutions
 *   npm run exercises -- --exercise pcode-output --seed 7 [-c]   one exercise (-c is --answers)
 *   npm run exercises -- --exercise pcode-output --seeds 1-20 --csv    a problem set as CSV (or --markdown)
 *
 * Exit codes: 0 success, 64 usage error.
 */
import {
  EXERCISES, EXERCISE_CHAPTERS, exerciseById, exercisesOfChapter, generateProblem, problemSetToCsv, problemSetToMarkdown,
} from './index.ts';
import type { Problem } from './index.ts';

const USAGE = `usage: npm run exercises -- --list
       npm run exercises -- --chapter N --seed S [--answers]
       npm run exercises -- --exercise ID --seed S [--answers] [--version V]
       npm run exercises -- --exercise ID --seeds A-B [--markdown | --csv] [--answers]
`;

function usage(message: string): number {
  process.stderr.write(`${message}\n${USAGE}`);
  return 64;
}

function printProblem(p: Problem, answers: boolean): void {
  const out = [`== ${p.title} (${p.exercise}, seed ${p.seed}, version ${p.version})`, '', p.prompt];
  if (p.figure) out.push('', p.figure);
  if (p.choices) out.push('', ...p.choices.map((c) => `  ${c.key}) ${c.label}`));
  out.push('', `Answer format: ${p.answerFormat}.`);
  if (answers) out.push('', `ANSWER: ${p.answer}`, '', p.explanation);
  process.stdout.write(`${out.join('\n')}\n\n`);
}

function main(argv: string[]): number {
  const flags = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (['--list', '--answers', '-c', '--markdown', '--csv', '--help', '-h'].includes(arg)) switches.add(arg === '-c' ? '--answers' : arg);
    else if (['--chapter', '--seed', '--seeds', '--exercise', '--version', '-s'].includes(arg)) {
      const value = argv[++i];
      if (value === undefined) return usage(`${arg} needs a value`);
      flags.set(arg === '-s' ? '--seed' : arg, value);
    } else return usage(`unknown argument: ${arg}`);
  }
  if (switches.has('--help') || switches.has('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (switches.has('--list')) {
    EXERCISE_CHAPTERS.forEach((chapter, i) => {
      process.stdout.write(`Chapter ${i + 1} (${chapter})\n`);
      for (const e of exercisesOfChapter(chapter)) process.stdout.write(`  ${e.id.padEnd(20)} v${e.versions.join(',v')}  ${e.summary}\n`);
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
      const result = generateProblem(e.id, seed, version);
      if (!result.ok) return usage(result.error);
      problems.push(result.problem);
    }
  }
  const answers = switches.has('--answers');
  if (switches.has('--csv')) process.stdout.write(problemSetToCsv(problems));
  else if (switches.has('--markdown')) process.stdout.write(problemSetToMarkdown(problems, { title: 'Problem set', answers }));
  else for (const p of problems) printProblem(p, answers);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
