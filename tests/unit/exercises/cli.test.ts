import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { problemSetToCsv } from '../../../lib/exercises/index.ts';
import { generatedProblem } from '../../generated-problem.ts';

const runCli = (...args: string[]) => spawnSync(process.execPath, ['lib/exercises/cli.ts', ...args], { encoding: 'utf8' });

describe('npm run exercises', () => {
  test('English is the default', () => {
    const run = runCli('--exercise', 'ifcfg-prefix', '--seed', '3', '--answers');
    expect(run.status).toBe(0);
    const p = generatedProblem('ifcfg-prefix', 3, 'en');
    expect(run.stdout).toContain(`== ${p.title} (ifcfg-prefix, seed 3, version 1)`);
    expect(run.stdout).toContain(p.prompt);
    expect(run.stdout).toContain(`ANSWER: ${p.answer}`);
  });

  test('--lang zh-CN prints the Chinese problem, with the same key', () => {
    const run = runCli('--exercise', 'ifcfg-prefix', '--seed', '3', '--answers', '--lang', 'zh-CN');
    expect(run.status).toBe(0);
    const p = generatedProblem('ifcfg-prefix', 3, 'zh-CN');
    expect(run.stdout).toContain(`== 把 NETMASK 换算成 PREFIX（ifcfg-prefix，种子 3，版本 1）`);
    expect(run.stdout).toContain(p.prompt);
    expect(run.stdout).toContain(`答案格式：${p.answerFormat}。`);
    expect(run.stdout).toContain(`答案：${generatedProblem('ifcfg-prefix', 3, 'en').answer}`);
    expect(run.stdout).toContain(p.explanation);
    expect(run.stdout).not.toContain('Answer format');
  });

  test('--lang zh-CN --csv exports Chinese headers and questions', () => {
    const run = runCli('--exercise', 'trap-count', '--seeds', '1-5', '--csv', '--lang', 'zh-CN');
    expect(run.status).toBe(0);
    const problems = [1, 2, 3, 4, 5].map((seed) => generatedProblem('trap-count', seed, 'zh-CN'));
    expect(run.stdout).toBe(problemSetToCsv(problems));
    expect(run.stdout.split('\r\n')[0]).toBe('练习,种子,版本,章,题目,附图,选项,答案');
  });

  test('--list --lang zh-CN lists Chinese chapters and summaries', () => {
    const run = runCli('--list', '--lang', 'zh-CN');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('第 2 章（p-code）');
    expect(run.stdout).toContain('读一个简短的 Pascal 程序，说出它打印什么。');
  });

  test('an unknown --lang is a usage error', () => {
    const run = runCli('--list', '--lang', 'fr');
    expect(run.status).toBe(64);
    expect(run.stderr).toContain('--lang takes en or zh-CN');
  });
});

describe('npm run exercises: arguments are checked, one line each', { timeout: 30_000 }, () => {
  const cases: [string[], string][] = [
    [['--exercise', 'pcode-output', '--version', 'abc'], 'exercises: --version takes a whole number from 1 to 1000, not "abc"\n'],
    [['--chapter', '2', '--exercise', 'nope'], 'exercises: --exercise takes an exercise id from --list, not "nope"\n'],
    [['--chapter', '2', '--exercise', 'pcode-output'], 'exercises: give one of --list, --chapter N and --exercise ID, not --chapter and --exercise\n'],
    [['--chapter', '2', '--seed', '0x10'], 'exercises: --seed takes a whole number from 1 to 2147483647, not "0x10"\n'],
    [['--chapter', '2', '--seed', '1e3'], 'exercises: --seed takes a whole number from 1 to 2147483647, not "1e3"\n'],
  ];
  for (const [args, stderr] of cases) {
    test(args.join(' '), () => {
      const run = runCli(...args);
      expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 64, stdout: '', stderr });
    });
  }

  test('--help lists every option', () => {
    const run = runCli('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/-s, --seed S +the seed that picks the problem \(default 1\) \(1 to 2147483647\)/);
  });
});
