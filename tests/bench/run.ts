/** `npm run bench`: runs every tests/bench/*.bench.ts in turn and prints their figures. */
import { readdirSync } from 'node:fs';
import { runCommand } from '../../scripts/run-command.ts';

const only = process.argv.slice(2);
const benches = readdirSync('tests/bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n# ${file.replace('.bench.ts', '')}\n`);
  if ((await runCommand(process.execPath, [`tests/bench/${file}`])) !== 0) {
    failed++;
    console.log(`(${file} failed)`);
  }
}
process.exit(failed ? 1 : 0);
