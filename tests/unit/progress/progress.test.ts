import { describe, expect, test } from 'vitest';
import {
  BOOK_LABS, chapterProgress, chapterTally, emptyProgress, labsOfChapter, mergeProgress, parseProgressFile, progressFileText, progressProblemWordings,
  stepIdOf, withLabRun, withSolvedExercise, withVerifiedStep,
} from '../../../lib/progress/index.ts';
import { bookPages } from '../../../lib/book/chapters.ts';
import { wordMessage } from '../../../lib/book/localized-text.ts';

const day = (n: number) => new Date(Date.UTC(2026, 11, n));

describe('a reader’s progress', () => {
  test('an exercise counts once per seed; a step counts from its first verification', () => {
    let p = withSolvedExercise(emptyProgress(), 'jit', 'jit-interpreted', 7, day(1));
    p = withSolvedExercise(p, 'jit', 'jit-interpreted', 3, day(2));
    p = withSolvedExercise(p, 'jit', 'jit-interpreted', 7, day(3));
    expect(p.exercises['jit-interpreted']).toEqual({ chapter: 'jit', seeds: [3, 7], firstSolved: day(1).toISOString() });
    const id = stepIdOf('containers', 'echo hi');
    p = withVerifiedStep(p, 'containers', id, 'Hello', day(4));
    p = withVerifiedStep(p, 'containers', id, 'Hello', day(5));
    expect(p.steps[id]!.verified).toBe(day(4).toISOString());
    expect(chapterProgress(p, 'jit', ['jit-interpreted', 'jit-other'])).toEqual({ solved: ['jit-interpreted'], verifiedSteps: [], labsRun: [] });
    expect(chapterProgress(p, 'containers', []).verifiedSteps).toHaveLength(1);
  });

  test('export then import gives the same progress; merging two machines keeps both', () => {
    const a = withVerifiedStep(withSolvedExercise(emptyProgress(), 'p-code', 'pcode-a', 1, day(2)), 'kvm-bridge', 'kvm-bridge:1', 'Bridge', day(3));
    const b = withSolvedExercise(withSolvedExercise(emptyProgress(), 'p-code', 'pcode-a', 5, day(1)), 'origins', 'origins-b', 2, day(1));
    const read = parseProgressFile(progressFileText(a));
    expect(read).toEqual({ ok: true, progress: a });
    const merged = mergeProgress(a, b);
    expect(merged.exercises['pcode-a']).toEqual({ chapter: 'p-code', seeds: [1, 5], firstSolved: day(1).toISOString() });
    expect(Object.keys(merged.exercises).sort()).toEqual(['origins-b', 'pcode-a']);
    expect(Object.keys(merged.steps)).toEqual(['kvm-bridge:1']);
  });

  test('a lab counts from its first run; the chapter tally adds exercises, steps (no more than the page has) and labs', () => {
    let p = withLabRun(emptyProgress(), 'jit', 'jit-lab', day(2));
    p = withLabRun(p, 'jit', 'jit-lab', day(3));
    expect(p.labs).toEqual({ 'jit-lab': { chapter: 'jit', firstRun: day(2).toISOString() } });
    p = withSolvedExercise(p, 'jit', 'jit-a', 1, day(1));
    p = withVerifiedStep(p, 'jit', 'jit:1', 'One', day(1));
    p = withVerifiedStep(p, 'jit', 'jit:2', 'Two (a step of an older edition)', day(1));
    expect(chapterTally(p, 'jit', { exercises: ['jit-a', 'jit-b'], steps: 1, labs: ['jit-lab'] })).toEqual({ done: 3, total: 4 });
    expect(chapterTally(p, 'origins', { exercises: ['o'], steps: 0, labs: ['timeline'] })).toEqual({ done: 0, total: 2 });
    const merged = mergeProgress(withLabRun(emptyProgress(), 'jit', 'jit-lab', day(1)), p);
    expect(merged.labs['jit-lab']!.firstRun).toBe(day(1).toISOString());
    expect(parseProgressFile(progressFileText(p))).toEqual({ ok: true, progress: p });
  });

  test('a file written before labs were counted reads as no lab run; a bad lab entry is named', () => {
    const old = JSON.stringify({ format: 'hands-on-virtualization/progress', version: 1, exercises: {}, steps: {} });
    expect(parseProgressFile(old)).toEqual({ ok: true, progress: emptyProgress() });
    const bad = JSON.stringify({ format: 'hands-on-virtualization/progress', version: 1, labs: { 'jit-lab': { chapter: 'jit', firstRun: 'soon' } } });
    expect(parseProgressFile(bad)).toEqual({ ok: false, problem: { code: 'badEntry', params: { key: 'labs.jit-lab.firstRun', expected: 'date' } } });
  });

  test('every lab belongs to a numbered chapter, and every chapter but none has one', () => {
    const chapters = bookPages.filter((page) => page.numbered).map((page) => page.slug);
    for (const chapter of Object.values(BOOK_LABS)) expect(chapters).toContain(chapter);
    expect(chapters.filter((chapter) => labsOfChapter(chapter).length === 0)).toEqual([]);
    expect(labsOfChapter('memory-and-devices')).toEqual(['paging-lab', 'balloon-lab', 'virtio-lab', 'migration-lab']);
  });

  test('a file that is not JSON says where, in both editions', () => {
    const result = parseProgressFile('{\n  "format": "hands-on-virtualization/progress",\n  "version": 1,\n  "exercises": {,\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toEqual({ code: 'notJson', params: { line: 4, column: 17 } });
    expect(wordMessage(progressProblemWordings, result.problem, 'en')).toMatch(/^line 4, column 17: this is not JSON/);
    expect(wordMessage(progressProblemWordings, result.problem, 'zh-CN')).toMatch(/^第 4 行第 17 列/);
  });

  test('wrong entries are named by their key', () => {
    const file = (body: object) => JSON.stringify({ format: 'hands-on-virtualization/progress', version: 1, ...body });
    expect(parseProgressFile('{"a": 1}')).toEqual({ ok: false, problem: { code: 'notProgress' } });
    expect(parseProgressFile(file({ version: 2 }))).toEqual({ ok: false, problem: { code: 'newerVersion', params: { version: 2 } } });
    expect(parseProgressFile(file({ exercises: { x: { chapter: 'jit', seeds: [0], firstSolved: day(1).toISOString() } } }))).toEqual({
      ok: false,
      problem: { code: 'badEntry', params: { key: 'exercises.x.seeds', expected: 'seeds' } },
    });
    expect(parseProgressFile(file({ steps: { s: { chapter: 'jit', title: 'T', verified: 'yesterday' } } }))).toEqual({
      ok: false,
      problem: { code: 'badEntry', params: { key: 'steps.s.verified', expected: 'date' } },
    });
  });

  test('a step id is stable and differs with the command', () => {
    expect(stepIdOf('containers', 'uname -a')).toBe(stepIdOf('containers', 'uname -a'));
    expect(stepIdOf('containers', 'uname -a')).not.toBe(stepIdOf('containers', 'uname -r'));
    expect(stepIdOf('containers', 'uname -a')).toMatch(/^containers:[0-9a-f]{8}$/);
  });
});

describe('how many lab VM steps a chapter can verify', () => {
  test('every <ContainerStep> and every <RunInVM> with `expected`, even when a command holds a ">"', async () => {
    const { verifiableStepCount } = await import('../../../components/progress/verifiable-steps.ts');
    const mdx = [
      '<ContainerStep step={pidInside} />',
      '<RunInVM title="a" command={"echo hi > /tmp/x"} expect="hi" expected="hi is printed" />',
      '<RunInVM title="b" command="uname -a" expect="i686" />',
      '<RunInVMButton />',
      '<RunInVM\n  command="ls"\n  expected="a listing"\n  expect="."\n/>',
    ].join('\n');
    expect(verifiableStepCount(mdx)).toBe(3);
  });

  test('a <LabCheck> is a step the chapter can verify', async () => {
    const { verifiableStepCount } = await import('../../../components/progress/verifiable-steps.ts');
    expect(verifiableStepCount('<LabVM />\n<LabCheck check="bridge-br0" title="t" what="w" />')).toBe(1);
  });

  test('chapter 5’s balloon and migration labs are one verifiable step each; its simulations are none', async () => {
    const { verifiableStepCount } = await import('../../../components/progress/verifiable-steps.ts');
    expect(verifiableStepCount('<PagingLab />\n<BalloonLab />\n<VirtioLab />\n<MigrationLab />')).toBe(2);
  });
});
