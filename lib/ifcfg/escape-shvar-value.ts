// NetworkManager's svEscape: how a value is written so that both NetworkManager and bash read it back
// unchanged. Plain values stay bare; spaces and shell characters get double quotes; control
// characters get $'…'.

const NEEDS_BACKSLASH = new Set(['"', '\\', '$', '`']);
const NEEDS_QUOTES = new Set([' ', "'", '~', '\t', '|', '&', ';', '(', ')', '<', '>', '#']);

function escapeAnsiC(value: string): string {
  let out = "$'";
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\v') out += '\\v';
    else if (ch === '\\' || ch === '"' || ch === "'") out += '\\' + ch;
    else if (code < 32 || code === 127) out += '\\' + code.toString(8).padStart(3, '0');
    else out += ch;
  }
  return out + "'";
}

export function escapeShvarValue(value: string): string {
  let quotes = value === '' ? false : false;
  let backslashes = false;
  for (const ch of value) {
    if (NEEDS_BACKSLASH.has(ch)) backslashes = true;
    else if (NEEDS_QUOTES.has(ch)) quotes = true;
    else if (ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127) return escapeAnsiC(value);
  }
  if (!quotes && !backslashes) return value;
  let out = '"';
  for (const ch of value) out += NEEDS_BACKSLASH.has(ch) ? '\\' + ch : ch;
  return out + '"';
}
