/**
 * A reader's progress through the book, kept in their own browser: which exercises they answered
 * right (with the seeds), which lab VM steps showed what they expect, and which labs they ran. Pure data and functions;
 * components/progress keeps it in localStorage, and a reader can export it as a file and import it on
 * another machine. Nothing here leaves the machine.
 */
import type { ExpectedEntry, ProgressProblem } from './progress-wordings.ts';

export const PROGRESS_FORMAT = 'hands-on-virtualization/progress';
export const PROGRESS_VERSION = 1;

export type SolvedExercise = { chapter: string; seeds: number[]; firstSolved: string };
export type VerifiedStep = { chapter: string; title: string; verified: string };
/** A lab (lib/progress/book-labs.ts) the reader has run at least once. */
export type LabRun = { chapter: string; firstRun: string };

export type Progress = {
  format: typeof PROGRESS_FORMAT;
  version: typeof PROGRESS_VERSION;
  exercises: Record<string, SolvedExercise>;
  steps: Record<string, VerifiedStep>;
  /** Added within version 1: a file without it (written before labs were counted) reads as no lab run. */
  labs: Record<string, LabRun>;
};

export function emptyProgress(): Progress {
  return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exercises: {}, steps: {}, labs: {} };
}

/** The progress with one more exercise answered right (a seed counts once). */
export function withSolvedExercise(progress: Progress, chapter: string, exerciseId: string, seed: number, at: Date): Progress {
  const old = progress.exercises[exerciseId];
  const seeds = old ? [...new Set([...old.seeds, seed])].sort((a, b) => a - b) : [seed];
  return {
    ...progress,
    exercises: { ...progress.exercises, [exerciseId]: { chapter, seeds, firstSolved: old?.firstSolved ?? at.toISOString() } },
  };
}

/** The progress with one more lab VM step verified (the first time counts). */
export function withVerifiedStep(progress: Progress, chapter: string, stepId: string, title: string, at: Date): Progress {
  if (progress.steps[stepId]) return progress;
  return { ...progress, steps: { ...progress.steps, [stepId]: { chapter, title, verified: at.toISOString() } } };
}

/** The progress with one more lab run (the first run counts). */
export function withLabRun(progress: Progress, chapter: string, labId: string, at: Date): Progress {
  if (progress.labs[labId]) return progress;
  return { ...progress, labs: { ...progress.labs, [labId]: { chapter, firstRun: at.toISOString() } } };
}

/** Both records together: every exercise and step in either, seeds joined, the earlier date kept. */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const merged: Progress = { ...emptyProgress(), exercises: { ...a.exercises }, steps: { ...a.steps }, labs: { ...a.labs } };
  for (const [id, solved] of Object.entries(b.exercises)) {
    const old = merged.exercises[id];
    merged.exercises[id] = old
      ? { chapter: old.chapter, seeds: [...new Set([...old.seeds, ...solved.seeds])].sort((x, y) => x - y), firstSolved: old.firstSolved < solved.firstSolved ? old.firstSolved : solved.firstSolved }
      : solved;
  }
  for (const [id, step] of Object.entries(b.steps)) {
    const old = merged.steps[id];
    merged.steps[id] = old && old.verified <= step.verified ? old : step;
  }
  for (const [id, run] of Object.entries(b.labs)) {
    const old = merged.labs[id];
    merged.labs[id] = old && old.firstRun <= run.firstRun ? old : run;
  }
  return merged;
}

/** How far a reader is in one chapter. */
export type ChapterProgress = { solved: string[]; verifiedSteps: VerifiedStep[]; labsRun: string[] };

export function chapterProgress(progress: Progress, chapter: string, exerciseIds: readonly string[], labIds: readonly string[] = []): ChapterProgress {
  return {
    solved: exerciseIds.filter((id) => progress.exercises[id]),
    verifiedSteps: Object.values(progress.steps).filter((step) => step.chapter === chapter),
    labsRun: labIds.filter((id) => progress.labs[id]),
  };
}

/** What a chapter holds that counts: its exercises' ids, how many lab VM steps can be verified, its labs' ids. */
export type ChapterContents = { exercises: readonly string[]; steps: number; labs: readonly string[] };

/**
 * One number pair for a chapter (the sidebar's "3/7"): exercises answered right, steps verified (no
 * more than the chapter has; a step id from an older edition does not count twice) and labs run, out
 * of all three together.
 */
export function chapterTally(progress: Progress, chapter: string, contents: ChapterContents): { done: number; total: number } {
  const mine = chapterProgress(progress, chapter, contents.exercises, contents.labs);
  return {
    done: mine.solved.length + Math.min(mine.verifiedSteps.length, contents.steps) + mine.labsRun.length,
    total: contents.exercises.length + contents.steps + contents.labs.length,
  };
}

/** The progress as the file "Export" writes. */
export function progressFileText(progress: Progress): string {
  return `${JSON.stringify(progress, null, 2)}\n`;
}

/** The line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** Where JSON.parse stopped, from its message (V8 says "position N" or "line L column C"). */
function syntaxErrorPlace(text: string, message: string): { line: number; column: number } {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  if (position) return lineAndColumn(text, Number(position[1]));
  return lineAndColumn(text, text.length);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isDate = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value));

export type ParsedProgress = { ok: true; progress: Progress } | { ok: false; problem: ProgressProblem };

/** A progress file read back, every entry checked; the first problem says where it is. */
export function parseProgressFile(text: string): ParsedProgress {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: { code: 'notJson', params: syntaxErrorPlace(text, error instanceof Error ? error.message : '') } };
  }
  if (!isObject(data) || data.format !== PROGRESS_FORMAT) return { ok: false, problem: { code: 'notProgress' } };
  if (typeof data.version === 'number' && data.version > PROGRESS_VERSION) {
    return { ok: false, problem: { code: 'newerVersion', params: { version: data.version } } };
  }
  const bad = (key: string, expected: ExpectedEntry): ParsedProgress => ({ ok: false, problem: { code: 'badEntry', params: { key, expected } } });
  const progress = emptyProgress();
  const exercises = data.exercises ?? {};
  if (!isObject(exercises)) return bad('exercises', 'object');
  for (const [id, entry] of Object.entries(exercises)) {
    if (!isObject(entry)) return bad(`exercises.${id}`, 'object');
    if (typeof entry.chapter !== 'string') return bad(`exercises.${id}.chapter`, 'text');
    if (!Array.isArray(entry.seeds) || !entry.seeds.every((seed) => Number.isSafeInteger(seed) && seed >= 1)) {
      return bad(`exercises.${id}.seeds`, 'seeds');
    }
    if (!isDate(entry.firstSolved)) return bad(`exercises.${id}.firstSolved`, 'date');
    progress.exercises[id] = { chapter: entry.chapter, seeds: [...(entry.seeds as number[])], firstSolved: entry.firstSolved as string };
  }
  const steps = data.steps ?? {};
  if (!isObject(steps)) return bad('steps', 'object');
  for (const [id, entry] of Object.entries(steps)) {
    if (!isObject(entry)) return bad(`steps.${id}`, 'object');
    if (typeof entry.chapter !== 'string') return bad(`steps.${id}.chapter`, 'text');
    if (typeof entry.title !== 'string') return bad(`steps.${id}.title`, 'text');
    if (!isDate(entry.verified)) return bad(`steps.${id}.verified`, 'date');
    progress.steps[id] = { chapter: entry.chapter, title: entry.title, verified: entry.verified as string };
  }
  const labs = data.labs ?? {};
  if (!isObject(labs)) return bad('labs', 'object');
  for (const [id, entry] of Object.entries(labs)) {
    if (!isObject(entry)) return bad(`labs.${id}`, 'object');
    if (typeof entry.chapter !== 'string') return bad(`labs.${id}.chapter`, 'text');
    if (!isDate(entry.firstRun)) return bad(`labs.${id}.firstRun`, 'date');
    progress.labs[id] = { chapter: entry.chapter, firstRun: entry.firstRun as string };
  }
  return { ok: true, progress };
}

/** A short stable id for a lab VM step: the page's slug and a hash (FNV-1a) of its command. */
export function stepIdOf(chapter: string, command: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(command)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${chapter}:${hash.toString(16).padStart(8, '0')}`;
}
