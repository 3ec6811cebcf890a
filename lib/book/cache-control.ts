/**
 * How long browsers and CDNs may keep each part of the built site.
 *
 * - `/_astro/*`: Vite puts a hash of the contents in every file name there, so a changed file is a new
 *   URL. Kept for a year and never asked for again (`immutable`).
 * - Everything else (pages, the lab VM's guest files, v86, the search index): `no-cache`, which lets a
 *   browser keep a copy but makes it ask the server first; the server answers `304 Not Modified`, with
 *   no body, while the ETag or Last-Modified still match. So a second visit to the lab VM downloads no
 *   guest bytes, and a new build is seen at once.
 *
 * The `_headers` file (Netlify, Cloudflare Pages) gets one Cache-Control rule per top-level entry of
 * dist/: both hosts apply every rule whose pattern matches a path, and Cloudflare joins two values of one
 * header with a comma, so no path may match two Cache-Control rules.
 */
export const CACHE_FOREVER = 'public, max-age=31536000, immutable';
export const CACHE_REVALIDATE = 'no-cache';

/** The folder of content-hashed files Astro writes (its `build.assets` default). */
export const HASHED_ASSETS_FOLDER = '_astro';

/** One block of a `_headers` file: a path pattern ('*' matches any run of characters) and its headers. */
export type HeaderRule = { pattern: string; headers: Record<string, string> };

/** What dist/ holds at its top level. */
export type TopLevelEntry = { name: string; directory: boolean };

/** The Cache-Control rules for a built site whose top level holds `entries`; the root page included. */
export function cacheControlRules(entries: readonly TopLevelEntry[]): HeaderRule[] {
  const rules: HeaderRule[] = [{ pattern: '/', headers: { 'Cache-Control': CACHE_REVALIDATE } }];
  const served = entries.filter((e) => e.name === HASHED_ASSETS_FOLDER || !e.name.startsWith('_')).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of served) {
    const pattern = entry.directory ? `/${entry.name}/*` : `/${entry.name}`;
    rules.push({ pattern, headers: { 'Cache-Control': entry.name === HASHED_ASSETS_FOLDER && entry.directory ? CACHE_FOREVER : CACHE_REVALIDATE } });
  }
  return rules;
}

/** Rules as the text of a `_headers` file. */
export function headersFileText(rules: readonly HeaderRule[]): string {
  return rules.map((rule) => [rule.pattern, ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`), ''].join('\n')).join('\n');
}

/** The rules of a `_headers` file (comments and blank lines skipped). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  let current: HeaderRule | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = { pattern: line.trim(), headers: {} };
      rules.push(current);
      continue;
    }
    const colon = line.indexOf(':');
    if (current && colon > 0) current.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

function patternMatches(pattern: string, pathname: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(pathname);
}

/** The rules whose pattern matches a URL path, in file order. */
export function rulesForPath(rules: readonly HeaderRule[], pathname: string): HeaderRule[] {
  return rules.filter((rule) => patternMatches(rule.pattern, pathname));
}

/** The headers a host reading these rules sends for a URL path (every matching rule, later ones last). */
export function headersForPath(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  return Object.assign({}, ...rulesForPath(rules, pathname).map((rule) => rule.headers)) as Record<string, string>;
}
