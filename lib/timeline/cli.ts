/**
 * The virtualization timeline on the command line.
 *
 *   node lib/timeline/cli.ts                          every event, as a Markdown table
 *   node lib/timeline/cli.ts containers hardware      only these categories
 *   node lib/timeline/cli.ts --json                   the data as JSON
 *   node lib/timeline/cli.ts --check                  validate the data; exit 1 on problems
 */
import { categories, filterEvents, isTimelineCategory, sortEvents, timelineEvents, validateTimelineEvents } from './index.ts';
import { formatTimelineTable } from './formatTimelineTable.ts';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const names = args.filter((a) => !a.startsWith('--'));

const unknownFlags = [...flags].filter((f) => !['--json', '--check', '--help'].includes(f));
const unknownNames = names.filter((n) => !isTimelineCategory(n));
if (flags.has('--help') || unknownFlags.length > 0 || unknownNames.length > 0) {
  for (const f of unknownFlags) console.error(`unknown option ${f}`);
  for (const n of unknownNames) console.error(`unknown category "${n}"`);
  console.error(`usage: node lib/timeline/cli.ts [--json | --check] [category ...]\ncategories: ${categories.join(', ')}`);
  process.exit(flags.has('--help') && unknownFlags.length === 0 && unknownNames.length === 0 ? 0 : 2);
}

if (flags.has('--check')) {
  const issues = validateTimelineEvents(timelineEvents);
  for (const issue of issues) console.error(`${issue.event}: ${issue.field}: ${issue.message}`);
  console.log(issues.length === 0 ? `${timelineEvents.length} events, all well formed` : `${issues.length} problem(s)`);
  process.exit(issues.length === 0 ? 0 : 1);
}

const selected = names.length > 0 ? names.filter(isTimelineCategory) : categories;
const events = sortEvents(filterEvents(timelineEvents, selected));
process.stdout.write(flags.has('--json') ? JSON.stringify(events, null, 2) + '\n' : formatTimelineTable(events));
