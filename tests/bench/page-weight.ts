import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname, posix } from 'node:path';

/**
 * The JavaScript a page makes the browser load on first view, following static imports: its
 * module scripts, inline scripts, and each island's component and renderer (Astro hydrates those
 * on load). Dynamic import() chunks (v86, xterm, CodeMirror… loaded when the reader asks) are not
 * counted. Sizes are gzipped, per file, as a static host would send them.
 */
export function firstLoadScripts(distDir: string, pageHtml: string): { files: string[]; inlineBytes: number } {
  const files = new Set<string>();
  const queue: string[] = [];
  const add = (url: string) => {
    if (!url.startsWith('/') || !url.endsWith('.js')) return;
    if (!files.has(url)) {
      files.add(url);
      queue.push(url);
    }
  };
  for (const m of pageHtml.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) add(m[1]);
  for (const m of pageHtml.matchAll(/\b(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g)) add(m[1]);
  for (const m of pageHtml.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) add(m[1]);
  let inlineBytes = 0;
  for (const m of pageHtml.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (!/\bsrc=/.test(m[1]) && !/application\/(ld\+)?json/.test(m[1])) inlineBytes += gzipSync(m[2]).length;
  }
  while (queue.length) {
    const url = queue.pop()!;
    const path = join(distDir, url);
    if (!existsSync(path)) continue;
    const code = readFileSync(path, 'utf8');
    // static imports only: `import … from "./x.js"` and bare `import "./x.js"`, not import("…")
    for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
      add(posix.join(posix.dirname(url), m[1]));
    }
  }
  return { files: [...files].sort(), inlineBytes };
}

export function gzippedSize(distDir: string, url: string): number {
  return gzipSync(readFileSync(join(distDir, url))).length;
}

export function pageJavaScriptBytes(distDir: string, pagePath: string): { total: number; files: Map<string, number> } {
  const html = readFileSync(join(distDir, pagePath, 'index.html'), 'utf8');
  const { files, inlineBytes } = firstLoadScripts(distDir, html);
  const sizes = new Map(files.map((f) => [f, gzippedSize(distDir, f)]));
  let total = inlineBytes;
  for (const n of sizes.values()) total += n;
  return { total, files: sizes };
}

export const _internal = { dirname };
