import type { Problem } from './exercise.ts';

/** Problems grouped by exercise, in the order each exercise first appears: one category, bank or quiz per exercise. */
export function problemsByExercise(problems: readonly Problem[]): Map<string, Problem[]> {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    const group = groups.get(p.exercise);
    if (group) group.push(p);
    else groups.set(p.exercise, [p]);
  }
  return groups;
}
