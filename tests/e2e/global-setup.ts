import type { TestProject } from 'vitest/node';
import { existsSync } from 'node:fs';
import { serveBook } from '../../scripts/serve.ts';

/** Serves the built book (dist/, or $BOOK_DIST) for the browser tests; `npm test` builds it first. */
export default async function setup(project: TestProject) {
  const dir = process.env.BOOK_DIST ?? 'dist';
  if (!existsSync(`${dir}/index.html`)) throw new Error(`${dir}/ is missing: run \`npm run build\` (or \`npm test\`, which builds first)`);
  const { server, url } = await serveBook({ dir });
  project.provide('baseURL', url);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
