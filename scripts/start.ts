/**
 * `npm start`: everything a reader needs to open the book locally with every lab working. Builds the
 * lab VM's guest when it is missing or stale, builds the site, and serves it with the right headers.
 */
import { existsSync } from 'node:fs';
import { runCommand } from './run-command.ts';
import { serveBook } from './serve.ts';

if (existsSync('scripts/build-guest.ts')) {
  if ((await runCommand(process.execPath, ['scripts/build-guest.ts', '--if-stale'])) !== 0) {
    console.error('The lab VM guest could not be built; the book will open, but its VM labs will say the guest is missing.');
  }
}
if ((await runCommand(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { env: { ASTRO_TELEMETRY_DISABLED: '1' } })) !== 0) {
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';
const { url } = await serveBook({ dir: 'dist', port, host });
console.log(`\nHands-on Virtualization is at ${url}/  (Ctrl-C to stop)`);
