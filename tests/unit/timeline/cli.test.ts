import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { filterEvents, formatTimelineTable, timelineEvents, type TimelineEvent } from '../../../lib/timeline/index.ts';

const runCli = (...args: string[]) => spawnSync(process.execPath, ['lib/timeline/cli.ts', ...args], { encoding: 'utf8' });

describe('formatTimelineTable', () => {
  it('prints a header and one row per event', () => {
    const precursors = filterEvents(timelineEvents, ['precursors']);
    const lines = formatTimelineTable(precursors).trimEnd().split('\n');
    expect(lines[0]).toBe('| Date | Category | Event | Summary | Source |');
    expect(lines).toHaveLength(precursors.length + 2);
    expect(lines[3]).toContain('| December 1962 | precursors | Atlas: the first virtual memory |');
    expect(lines[3]).toContain('(https://en.wikipedia.org/wiki/Atlas_(computer))');
  });

  it('escapes pipes so a cell cannot break the table', () => {
    const event: TimelineEvent = { ...timelineEvents[0]!, title: 'a | b', summary: 'one\ntwo' };
    const row = formatTimelineTable([event]).split('\n')[2]!;
    expect(row).toContain('a \\| b');
    expect(row).toContain('one two');
  });
});

describe('node lib/timeline/cli.ts', () => {
  it('prints the chosen categories as Markdown', () => {
    const result = runCli('containers');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('| 15 March 2013 | containers | Docker shown at PyCon |');
    expect(result.stdout).not.toContain('| system-vm |');
  });

  it('prints JSON that round-trips to the data', () => {
    const result = runCli('--json');
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as TimelineEvent[]).map((e) => e.id)).toEqual(timelineEvents.map((e) => e.id));
  });

  it('checks the data', () => {
    const result = runCli('--check');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${timelineEvents.length} events, all well formed`);
  });

  it('rejects an unknown category with a usage message', () => {
    const result = runCli('mainframes');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown category "mainframes"');
    expect(result.stderr).toContain('categories: precursors, system-vm, process-vm, containers, hardware, cloud');
  });
});

describe('node lib/timeline/cli.ts --help', () => {
  it('prints the usage and the options on stdout', { timeout: 30_000 }, () => {
    const result = runCli('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('usage: npm run timeline');
    expect(result.stdout).toMatch(/--json +print the events as JSON/);
  });
});
