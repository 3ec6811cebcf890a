// Change one key in an ifcfg file's text and keep everything else: comments, blank lines, unknown
// keys and the author's order. The last definition of the key is rewritten (it is the one both tools
// use); earlier duplicates are left alone. A new key is appended at the end.

import { escapeShvarValue } from './escape-shvar-value.ts';
import { parseShvar } from './parse-shvar.ts';

/** Set `key` to `value` (escaped as needed), or delete every definition of it when value is undefined. */
export function setIfcfgValue(text: string, key: string, value: string | undefined): string {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split('\n');
  const trailingNewline = text === '' || text.endsWith('\n');
  if (trailingNewline && lines[lines.length - 1] === '') lines.pop();
  const defined = parseShvar(text).assignments.filter((a) => a.key === key);
  if (value === undefined) {
    const drop = new Set(defined.map((a) => a.line - 1));
    const kept = lines.filter((_, index) => !drop.has(index));
    return kept.length === 0 ? '' : kept.join('\n') + (trailingNewline ? '\n' : '');
  }
  const escaped = escapeShvarValue(value);
  const last = defined[defined.length - 1];
  if (last) {
    const index = last.line - 1;
    const original = lines[index]!;
    const cr = original.endsWith('\r') ? '\r' : '';
    // Keep a trailing "# comment" if the old value had one.
    const comment = /\s+#[^'"]*$/.exec(original.slice(last.valueColumn - 1).replace(/\r$/, ''));
    lines[index] = original.slice(0, last.valueColumn - 1) + escaped + (comment && last.value !== null ? comment[0] : '') + cr;
    return lines.join('\n') + (trailingNewline ? '\n' : '');
  }
  const cr = newline === '\r\n' ? '\r' : '';
  lines.push(`${key}=${escaped}${cr}`);
  return lines.join('\n') + '\n';
}
