/**
 * The site's numbers: build time and the JavaScript each page loads on first view (gzipped).
 */
import { spawnSync } from 'node:child_process';
import { bookPages } from '../../lib/book/chapters.ts';
import { pageJavaScript } from './page-weight.ts';

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
const weights = pages.map((slug) => ({ slug, ...pageJavaScript('dist', slug) }));

console.log('## Site\n');
console.log(`| measure | value |\n|---|---|\n| \`astro build\` (${pages.length} pages in each of 2 languages + search index) | ${buildSeconds.toFixed(1)} s |\n`);
console.log('## JavaScript on first load, per page (gzipped)\n');
console.log('"Islands" is what the page\'s labs add (React and the lab); the rest is Starlight\'s own. Code loaded when the reader asks (v86, xterm.js, CodeMirror, the guest) is not counted.\n');
console.log('| page | total | islands | files |\n|---|---:|---:|---:|');
for (const w of weights) {
  console.log(`| /${w.slug}${w.slug ? '/' : ''} | ${kb(w.total)} KB | ${kb(w.islands)} KB | ${w.files} |`);
}
