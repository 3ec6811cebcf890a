import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildVersion, precacheUrls, serviceWorkerSource, type BuiltFile } from '../lib/offline/index.ts';

async function builtFiles(root: string, dir = root): Promise<BuiltFile[]> {
  const out: BuiltFile[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await builtFiles(root, path)));
    else out.push({ path: relative(root, path).split(sep).join('/'), sha256: createHash('sha256').update(await readFile(path)).digest('hex') });
  }
  return out;
}

/** Writes the book's service worker for the files in `root` (a built site) to root/sw.js. */
export async function writeServiceWorker(root: string, base = '/'): Promise<{ version: string; urls: number }> {
  const files = (await builtFiles(root)).filter((file) => file.path !== 'sw.js');
  const version = await buildVersion(files);
  const urls = precacheUrls(files, base);
  const code = await readFile(new URL('./offline/service-worker.js', import.meta.url), 'utf8');
  await writeFile(join(root, 'sw.js'), serviceWorkerSource(code, { version, urls, base }));
  return { version, urls: urls.length };
}

/**
 * After the build (and after Starlight has written the search index), writes dist/sw.js: the worker
 * that keeps the book readable offline (lib/offline/precache.ts says what it keeps).
 */
export function offlineIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'book:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { version, urls } = await writeServiceWorker(fileURLToPath(dir), base);
        logger.info(`wrote sw.js: build ${version}, ${urls} files precached for reading offline`);
      },
    },
  };
}
