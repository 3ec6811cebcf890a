/**
 * `npm test`: the whole suite. Builds the lab VM's guest if it is missing or stale, builds the site,
 * then runs the unit, integration (lab VM) and end-to-end (Chromium) tests with Vitest, and ends with
 * one line "tests: N passed, N failed".
 *
 * Without a Chromium outside CI, the e2e tests are skipped with a loud notice; under CI=true a missing
 * browser is a failure. Extra arguments go to Vitest (e.g. `npm test -- --project unit`).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { runCommand } from './run-command.ts';
import { findChromium } from '../tests/e2e/find-chromium.ts';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const extra = process.argv.slice(2);
let failedSetup = false;

if (existsSync('scripts/build-guest.ts')) {
  console.log('\n== lab VM guest (built when missing or stale) ==');
  if ((await runCommand(process.execPath, ['scripts/build-guest.ts', '--if-stale'])) !== 0) {
    console.error('The guest build failed: the integration tests will fail too.');
    failedSetup = true;
  }
}

console.log('\n== site build ==');
if ((await runCommand(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { env: { ASTRO_TELEMETRY_DISABLED: '1' } })) !== 0) {
  console.error('The site did not build.');
  process.exit(1);
}

const projects = ['unit', 'integration'];
if (findChromium()) {
  projects.push('e2e');
} else if (ci) {
  console.error('\nCI=true but no Chromium was found: install it with `apt-get install -y chromium` (or set CHROMIUM_PATH).');
  failedSetup = true;
} else {
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n  END-TO-END TESTS SKIPPED: no Chromium on this machine.\n  Install it with:  sudo apt-get install -y chromium   (or set CHROMIUM_PATH)\n${bar}\n`);
}

mkdirSync('test-results', { recursive: true });
const selected = extra.some((a) => a.startsWith('--project')) ? [] : projects.flatMap((p) => ['--project', p]);
console.log(`\n== tests: ${projects.join(', ')} ==`);
const code = await runCommand(process.execPath, [
  'node_modules/vitest/vitest.mjs',
  'run',
  ...selected,
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
  ...extra,
]);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  // A test file that fails to load has no failed tests of its own: count it as one failure.
  const brokenFiles = (report.testResults ?? []).filter((f: { status: string; assertionResults?: unknown[] }) => f.status === 'failed' && !f.assertionResults?.length).length;
  failed += brokenFiles;
  skipped = report.numPendingTests + report.numTodoTests;
} catch {
  failed = Math.max(1, failed);
}
if (!findChromium() && !ci) console.warn('(end-to-end tests were skipped: no Chromium)');
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(code !== 0 || failedSetup || failed > 0 ? 1 : 0);
