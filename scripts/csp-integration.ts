import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy, inlineScriptHashes, securityHeaders } from '../lib/book/content-security-policy.ts';
import { cacheControlRules, headersFileText } from '../lib/book/cache-control.ts';

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}

/**
 * After the build, hash every inline script of every page into one site-wide policy and write it to
 * dist/_headers (the format Netlify and Cloudflare Pages read; scripts/serve.ts reads it too),
 * together with the WebAssembly MIME type and how long each part of the site may be cached
 * (lib/book/cache-control.ts).
 */
export function contentSecurityPolicyIntegration(): AstroIntegration {
  return {
    name: 'book:content-security-policy',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const hashes = new Set<string>();
        for (const file of await htmlFiles(root)) {
          for (const h of inlineScriptHashes(await readFile(file, 'utf8'))) hashes.add(h);
        }
        const headers = securityHeaders(contentSecurityPolicy(hashes));
        const topLevel = (await readdir(root, { withFileTypes: true })).map((e) => ({ name: e.name, directory: e.isDirectory() }));
        const rules = [
          { pattern: '/*', headers },
          { pattern: '/*.wasm', headers: { 'Content-Type': 'application/wasm' } },
          ...cacheControlRules(topLevel),
        ];
        await writeFile(join(root, '_headers'), headersFileText(rules));
        logger.info(`wrote _headers: ${hashes.size} inline script hashes, no 'unsafe-eval'; /_astro/* cached for a year, the rest revalidated`);
      },
    },
  };
}
