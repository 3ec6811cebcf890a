import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, posix } from 'node:path';

/**
 * The JavaScript a page makes the browser load on first view, following static imports: its
 * module scripts and inline scripts (Starlight's own), and each island's component and renderer
 * (ours: Astro hydrates those). Dynamic import() chunks (v86, xterm.js, CodeMirror… loaded when the
 * reader asks) are not counted. Sizes are gzipped, per file, as a static host would send them.
 */
function staticImportClosure(distDir: string, entries: string[]): Set<string> {
  const files = new Set<string>();
  const queue = entries.filter((u) => u.startsWith('/') && u.endsWith('.js'));
  while (queue.length) {
    const url = queue.pop()!;
    if (files.has(url)) continue;
    files.add(url);
    const path = join(distDir, url);
    if (!existsSync(path)) continue;
    const code = readFileSync(path, 'utf8');
    // static imports only: `import … from "./x.js"` and bare `import "./x.js"`, not import("…")
    for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
      queue.push(posix.join(posix.dirname(url), m[1]));
    }
  }
  return files;
}

export interface PageJavaScript {
  /** gzipped bytes of everything loaded on first view */
  total: number;
  /** gzipped bytes loaded only because of the page's islands */
  islands: number;
  files: number;
}

export function pageJavaScript(distDir: string, pagePath: string): PageJavaScript {
  const html = readFileSync(join(distDir, pagePath, 'index.html'), 'utf8');
  const scriptTags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
  const islandEntries = [...html.matchAll(/\b(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g)].map((m) => m[1]);
  const site = staticImportClosure(distDir, scriptTags);
  const islands = [...staticImportClosure(distDir, islandEntries)].filter((f) => !site.has(f));
  const size = (url: string) => (existsSync(join(distDir, url)) ? gzipSync(readFileSync(join(distDir, url))).length : 0);
  let inline = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (!/\bsrc=/.test(m[1]) && !/application\/(ld\+)?json/.test(m[1])) inline += gzipSync(m[2]).length;
  }
  const islandBytes = islands.reduce((n, f) => n + size(f), 0);
  const siteBytes = [...site].reduce((n, f) => n + size(f), 0);
  return { total: inline + siteBytes + islandBytes, islands: islandBytes, files: site.size + islands.length };
}
