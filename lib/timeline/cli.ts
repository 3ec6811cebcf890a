/**
 * The virtualization timeline on the command line.
 *
 *   npm run timeline                          every event, as a Markdown table
 *   npm run timeline -- containers hardware   only these categories
 *   npm run timeline -- --json                the data as JSON
 *   npm run timeline -- --check               validate the data; exit 1 on problems
 *
 * Exit status: 0 done, 1 the data has problems (--check), 2 usage error (one line; --help lists the options).
 */
import { categories, filterEvents, isTimelineCategory, sortEvents, timelineEvents, timelineIssueWordings, validateTimelineEvents } from './index.ts';
import { wordMessage } from '../book/localized-text.ts';
import type { TimelineCategory } from './index.ts';
import { formatTimelineTable } from './format-timeline-table.ts';
import {
  CommandLineError, isEntryPoint, parseCommandLine, quoted, runCommandLineTool,
  type CommandLineSpec, type CommandOutput,
} from '../book/command-line.ts';

export const timelineCommandLine = {
  name: 'timeline',
  usageExitCode: 2,
  usage: `usage: npm run timeline -- [--json | --check] [category ...]
categories: ${categories.join(', ')}`,
  options: {
    json: { type: 'flag', help: 'print the events as JSON instead of a Markdown table' },
    check: { type: 'flag', help: 'validate the data; exit 1 on problems' },
  },
} as const satisfies CommandLineSpec;

/** The whole CLI: arguments in, exit status out (argument mistakes are thrown as CommandLineError). */
export function timelineMain(argv: string[], io: CommandOutput): number {
  const { options, positionals } = parseCommandLine(timelineCommandLine, argv);
  if (options.json && options.check) throw new CommandLineError('give --json or --check, not both', 2);
  const unknown = positionals.find((n) => !isTimelineCategory(n));
  if (unknown !== undefined) throw new CommandLineError(`unknown category ${quoted(unknown)} (categories: ${categories.join(', ')})`, 2);
  if (options.check) {
    if (positionals.length > 0) throw new CommandLineError('--check validates every event; give no category with it', 2);
    const issues = validateTimelineEvents(timelineEvents);
    for (const issue of issues) io.err(`${issue.event}: ${issue.field}: ${wordMessage(timelineIssueWordings, issue, 'en')}\n`);
    io.out(issues.length === 0 ? `${timelineEvents.length} events, all well formed\n` : `${issues.length} problem(s)\n`);
    return issues.length === 0 ? 0 : 1;
  }
  const selected = positionals.length > 0 ? (positionals as TimelineCategory[]) : categories;
  const events = sortEvents(filterEvents(timelineEvents, selected));
  io.out(options.json ? JSON.stringify(events, null, 2) + '\n' : formatTimelineTable(events));
  return 0;
}

if (isEntryPoint(import.meta.url)) runCommandLineTool(timelineCommandLine, timelineMain);
