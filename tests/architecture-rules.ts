/**
 * The rules that keep the layers of DESIGN.md, as functions over source texts so that a test can
 * run them on the project and on made-up files alike:
 *
 * - nothing in lib/ imports components/, React or Astro (engines have no UI and no framework);
 * - an engine imports another engine only through its index.ts (lib/book is the shared layer every
 *   engine may use), and an island imports an engine through its faces: index.ts, or a face named in
 *   ENGINE_FACES for one environment;
 * - no import cycles among the source files of lib/ and components/, type-only imports included;
 * - an engine that returns codes words none of them in English when it makes them: outside its
 *   catalogues (`*-wordings.ts`) and its CLI, no `wordMessage(…, 'en')`, `textIn(…, 'en')` or `…Wordings[code].en(…)`.
 */
import { posix } from 'node:path';

/** Faces besides index.ts, each for one environment, and why it exists. */
export const ENGINE_FACES: Readonly<Record<string, string>> = {
  'lib/exercises/client.ts': 'the exercise widget loads only its chapter generators, after the page',
  'lib/guest/web.ts': "the lab VM's browser adapter (as v86's src/browser)",
  'lib/guest/manifest.ts': "the guest manifest's shape, read by the browser adapter",
  'lib/kvm-api/vmm-sources.ts': "the monitors' source text, imported with Vite's ?raw (the browser build and Vitest only)",
};

const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

export function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(IMPORT)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

/** Where a relative import of `from` points, as a path from the project's root. */
function resolve(from: string, specifier: string): string {
  return posix.normalize(posix.join(posix.dirname(from), specifier));
}

const engineOf = (path: string) => (path.startsWith('lib/') ? path.split('/')[1] : undefined);

export function layerViolations(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [path, source] of files) {
    for (const specifier of importsOf(source)) {
      const inLib = path.startsWith('lib/');
      if (inLib && (/^(react|react-dom)(\/|$)/.test(specifier) || /^(astro|@astrojs\/)/.test(specifier) || specifier.endsWith('.astro'))) {
        problems.push(`${path} imports ${specifier}: an engine uses no UI framework`);
      }
      if (!specifier.startsWith('.')) continue;
      const target = resolve(path, specifier);
      if (inLib && target.startsWith('components/')) problems.push(`${path} imports ${target}: lib/ never imports components/`);
      const from = engineOf(path);
      const to = engineOf(target);
      if (to === undefined || to === 'book' || to === from) continue;
      if (target === `lib/${to}/index.ts`) continue;
      if (!inLib && ENGINE_FACES[target]) continue;
      problems.push(`${path} imports ${target}: use lib/${to}/index.ts${inLib ? '' : ' (or a face listed in ENGINE_FACES)'}`);
    }
  }
  return problems;
}

/** Every import cycle, each once, as the files on it in order (type-only imports count). */
export function importCycles(files: ReadonlyMap<string, string>): string[][] {
  const graph = new Map<string, string[]>();
  for (const [path, source] of files) {
    graph.set(path, importsOf(source).filter((s) => s.startsWith('.')).map((s) => resolve(path, s)).filter((t) => files.has(t)));
  }
  const cycles = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        cycles.set([...cycle].sort().join(' '), cycle);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return [...cycles.values()];
}

/**
 * The engines whose values carry `{ code, params }` and no English copy; an engine joins the list
 * once it has been converted (whoever shows a message words it for the reader's locale).
 */
export const ENGINES_THAT_RETURN_CODES: readonly string[] = ['lib/pascal', 'lib/pcode', 'lib/trap'];

/** A message worded in English by the code that makes it: `wordMessage(catalogue, message, 'en')`, `textIn(text, 'en')`, `catalogue[code].en(…)`. */
const WORDED_IN_ENGLISH = /\b(?:wordMessage|textIn)\((?:[^;()]|\([^;()]*\))*?,\s*'en'\s*\)|\b\w+Wordings(?:\[[^\]]*\]|\.\w+)\.en\(/g;

/** Where an engine of ENGINES_THAT_RETURN_CODES words a message in English for itself, as `file:line: call`. */
export function englishWordedByEngines(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [path, source] of files) {
    if (!ENGINES_THAT_RETURN_CODES.some((engine) => path.startsWith(`${engine}/`))) continue;
    if (/-wordings\.ts$|\/cli\.ts$/.test(path)) continue;
    for (const m of source.matchAll(WORDED_IN_ENGLISH)) {
      const line = source.slice(0, m.index).split('\n').length;
      problems.push(`${path}:${line}: ${m[0].replace(/\s+/g, ' ')}: return the code and let whoever shows it word it`);
    }
  }
  return problems;
}
