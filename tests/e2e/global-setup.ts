import type { TestProject } from 'vitest/node';
import { existsSync } from 'node:fs';
import { serveBook } from '../../scripts/serve.ts';

/** Serves the built book (dist/) for the browser tests; `npm test` builds it first. */
export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` (or `npm test`, which builds first)');
  const { server, url } = await serveBook({ dir: 'dist' });
  project.provide('baseURL', url);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
