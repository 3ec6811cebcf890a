/**
 * The site's numbers: build time and the JavaScript each page loads on first view (gzipped).
 * "Ours" is what a page loads beyond the JavaScript of a page with no lab (Starlight's own).
 */
import { spawnSync } from 'node:child_process';
import { bookPages } from '../../lib/book/chapters.ts';
import { pageJavaScriptBytes } from './page-weight.ts';

const start = performance.now();
const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  encoding: 'utf8',
});
const buildSeconds = (performance.now() - start) / 1000;
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  process.exit(1);
}

const kb = (n: number) => (n / 1024).toFixed(1);
const pages = ['', ...bookPages.map((p) => p.slug)];
const weights = pages.map((slug) => ({ slug, ...pageJavaScriptBytes('dist', slug) }));
// Starlight's own scripts: the JavaScript every page shares.
const shared = weights.map((w) => new Set(w.files.keys())).reduce((a, b) => new Set([...a].filter((f) => b.has(f))));

console.log('## Site\n');
console.log(`| measure | value |\n|---|---|\n| \`astro build\` (${pages.length * 2} pages + search index) | ${buildSeconds.toFixed(1)} s |\n`);
console.log('## JavaScript on first load, per page (gzipped)\n');
console.log('| page | total | beyond Starlight\'s own | files |\n|---|---:|---:|---:|');
for (const w of weights) {
  let ours = 0;
  for (const [f, n] of w.files) if (!shared.has(f)) ours += n;
  console.log(`| /${w.slug}${w.slug ? '/' : ''} | ${kb(w.total)} KB | ${kb(ours)} KB | ${w.files.size} |`);
}
