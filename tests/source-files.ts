/** The project's own files, for the tests that read them all (layers, wordings, CSS variables). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The files below `dir` (every depth) whose names match `name`, in the order the folders list them. */
export function filesUnder(dir: string, name: RegExp): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, name));
    else if (name.test(entry)) found.push(path);
  }
  return found;
}

/** The text of each of those files, by its path with forward slashes. */
export function sourceTexts(dir: string, name: RegExp): Map<string, string> {
  return new Map(filesUnder(dir, name).map((path) => [path.split('\\').join('/'), readFileSync(path, 'utf8')]));
}
