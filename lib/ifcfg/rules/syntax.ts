// Rules about the file as text: line endings, quoting, shell syntax, keys set twice.

import { bashValueOf, type IfcfgFile } from '../parse-ifcfg-file.ts';
import type { NetworkManagerReadsLine } from '../finding-wordings.ts';
import { finding, type Context, type Finding } from './finding.ts';

/** Windows line endings, reported once per file (the other rules read the file without them). */
export function crlfFinding(file: IfcfgFile): Finding {
  const line = file.crlfLines[0]!;
  const count = file.crlfLines.length;
  const typeLine = file.text.split('\n').findIndex((l) => /^\s*TYPE=/.test(l)) + 1;
  return finding(file.path, { line, column: 1 }, {
    key: '', severity: 'error', rule: 'crlf',
    code: 'crlf', params: { count, hasTypeLine: typeLine > 0 },
  });
}

export function checkSyntax(ctx: Context): void {
  const { file } = ctx;
  // Values NetworkManager reads as "" because of an unquoted space; bash runs the rest as a command.
  for (const a of file.nm.assignments) {
    if (a.value !== null) continue;
    const bashCommand = file.bash.diagnostics.find((d) => d.kind === 'command-not-found' && d.line === a.line);
    if (a.problem?.code === 'textAfterSpace' && bashCommand) {
      const shown = a.raw.replace(/\s+#.*$/, '').trim();
      ctx.reportedLines.add(a.line);
      ctx.add({
        key: a.key, line: a.line, column: a.valueColumn, severity: 'error', rule: 'unquoted-space',
        code: 'unquoted-space', params: { key: a.key, shown, word: bashCommand.word ?? '', bash: bashCommand },
      });
      continue;
    }
    if (a.problem?.code === 'expansionInDoubleQuotes') {
      ctx.reportedLines.add(a.line);
      const bashSees = file.bash.assignments.find((b) => b.line === a.line && b.key === a.key);
      ctx.add({
        key: a.key, line: a.line, column: a.valueColumn, severity: 'error', rule: 'shell-expansion',
        code: 'expansion-in-double-quotes', params: { key: a.key, raw: a.raw.trim(), bashValue: bashSees ? bashSees.value : null },
      });
      continue;
    }
  }
  // Unquoted $VAR or `cmd`: NetworkManager keeps it literally, bash expands it.
  for (const b of file.bash.assignments) {
    if (b.expansions.length === 0 || ctx.reportedLines.has(b.line)) continue;
    const nm = file.nm.assignments.find((a) => a.line === b.line && a.key === b.key);
    if (nm && nm.value === null) continue;
    ctx.reportedLines.add(b.line);
    const runsCommand = b.expansions.some((e) => e.startsWith('$(') || e.startsWith('`'));
    ctx.add({
      key: b.key, line: b.line, column: b.valueColumn, severity: 'error', rule: 'shell-expansion',
      code: 'shell-expansion',
      params: { key: b.key, raw: b.raw, expansions: b.expansions, value: b.value, runsCommand, nmValue: nm ? nm.value : null },
    });
  }
  // Anything else bash complains about.
  for (const d of file.bash.diagnostics) {
    if (ctx.reportedLines.has(d.line)) continue;
    if (d.kind === 'command-not-found' && d.word === '\r') continue;
    ctx.reportedLines.add(d.line);
    const nmInvalid = file.nm.invalidLines.find((l) => l.line === d.line);
    const nmBad = file.nm.assignments.find((a) => a.line === d.line && a.value === null);
    const lineText = file.text.split('\n')[d.line - 1] ?? '';
    const networkManager: NetworkManagerReadsLine = nmInvalid
      ? { reads: 'invalid-line' }
      : nmBad?.problem
        ? { reads: 'badly-quoted', key: nmBad.key, problem: nmBad.problem }
        : { reads: 'line' };
    if (d.kind === 'executes') {
      const command = d.code === 'executes' ? d.params.command : '';
      const assigned = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\+?=/.exec(lineText)?.[1] ?? '';
      ctx.add({
        key: assigned, line: d.line, column: d.column, severity: 'error', rule: 'shell-syntax',
        code: 'line-runs-command', params: { key: assigned, command, bash: d, nm: networkManager },
      });
      continue;
    }
    const key = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)/.exec(lineText)?.[1] ?? '';
    const stops = d.kind === 'unterminated-quote' || d.kind === 'syntax-error';
    ctx.add({
      key, line: d.line, column: d.column, severity: 'error', rule: 'shell-syntax',
      code: 'bash-cannot-source',
      params: { key, line: d.line, bash: d, stops, commandNotFound: d.kind === 'command-not-found', nm: networkManager },
    });
  }
  // Lines NetworkManager skips that bash still runs (export KEY=..., KEY = value).
  for (const l of file.nm.invalidLines) {
    if (ctx.reportedLines.has(l.line)) continue;
    ctx.reportedLines.add(l.line);
    const exported = /^\s*(export|declare|readonly|typeset)\s+([A-Za-z_][A-Za-z0-9_]*)=/.exec(l.text);
    ctx.add({
      key: exported?.[2] ?? '', line: l.line, column: 1, severity: 'error', rule: 'shell-syntax',
      ...(exported
        ? { code: 'declaring-builtin', params: { builtin: exported[1]!, key: exported[2]! } } as const
        : { code: 'not-key-value', params: { text: l.text.trim() } } as const),
    });
  }
  // Other values NetworkManager cannot read.
  for (const a of file.nm.assignments) {
    if (a.value !== null || a.problem === null || ctx.reportedLines.has(a.line)) continue;
    ctx.reportedLines.add(a.line);
    const bashSees = bashValueOf(file, a.key);
    ctx.add({
      key: a.key, line: a.line, column: a.valueColumn, severity: 'error', rule: 'shell-syntax',
      code: 'value-networkmanager-cannot-read', params: { key: a.key, raw: a.raw, problem: a.problem, bashValue: bashSees ?? null },
    });
  }
  // Duplicates: both tools use the last one (NetworkManager before 1.6, in RHEL 7.0-7.3, used the first).
  const seen = new Map<string, number>();
  for (const a of file.nm.assignments) {
    const first = seen.get(a.key);
    if (first !== undefined && !ctx.reportedLines.has(a.line)) {
      const firstValue = file.nm.assignments.find((x) => x.line === first)?.value;
      const firstDiffers = firstValue !== undefined && firstValue !== a.value;
      ctx.add({
        key: a.key, line: a.line, column: a.column, severity: 'warning', rule: 'duplicate-key',
        code: 'duplicate-key',
        params: { key: a.key, first, line: a.line, value: a.value ?? '', differingFirstValue: firstDiffers ? (firstValue ?? '') : null },
      });
    } else if (first === undefined) seen.set(a.key, a.line);
  }
}

