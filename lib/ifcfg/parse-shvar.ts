// NetworkManager's ifcfg-rh reader (shvar.c, NetworkManager 1.6 and later, as shipped in RHEL 7.4+).
// A file is split on "\n" only; each physical line is parsed alone. A key line is optional
// whitespace, a shell name, and "=" right after it. The value is unescaped with a subset of bash
// quoting; anything NetworkManager cannot read is an error and the value counts as "" (unset).
// The last occurrence of a key wins.

import type { ShvarError } from './shvar-error-wordings.ts';

export interface ShvarAssignment {
  key: string;
  /** 1-based line number. */
  line: number;
  /** 1-based column of the key's first character. */
  column: number;
  /** 1-based column of the first character after "=". */
  valueColumn: number;
  /** The value exactly as written (without the trailing "\n"). */
  raw: string;
  /** The unescaped value, or null when NetworkManager cannot read it ("badly quoted", treated as ""). */
  value: string | null;
  /** Why the value is unreadable, when value is null: a message of shvarErrorWordings. */
  problem: ShvarError | null;
}

export interface ShvarInvalidLine {
  line: number;
  text: string;
}

export interface ShvarParse {
  assignments: ShvarAssignment[];
  /** Non-blank, non-comment lines that are not KEY=value: NetworkManager ignores them. */
  invalidLines: ShvarInvalidLine[];
}

/** The value, or why NetworkManager cannot read it: a message of shvarErrorWordings and where reading stopped. */
export type UnescapeResult = { ok: true; value: string } | (ShvarError & { ok: false; column: number });

/** g_ascii_isspace: space, \t, \n, \v, \f, \r. */
export function isAsciiSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\v' || ch === '\f' || ch === '\r';
}

function isAlpha(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

function isAlnum(ch: string | undefined): boolean {
  return isAlpha(ch) || (ch !== undefined && ch >= '0' && ch <= '9');
}

function isOctal(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '7';
}

function isHex(ch: string | undefined): boolean {
  return ch !== undefined && /^[0-9a-fA-F]$/.test(ch);
}

const REQUIRES_ESCAPE_OLD = new Set(['"', '\\', "'", '$', '`', '~']);

/** shvar.c _looks_like_old_svescaped: the whole value is "…" with old-style backslash escapes. */
function looksLikeOldSvEscaped(value: string): boolean {
  if (value[0] !== '"') return false;
  for (let k = 1; ; k++) {
    const ch = value[k];
    if (ch === undefined) return false;
    if (!REQUIRES_ESCAPE_OLD.has(ch)) continue;
    if (ch === '"') return k + 1 === value.length;
    if (ch === '\\') {
      k++;
      if (value[k] === undefined || !REQUIRES_ESCAPE_OLD.has(value[k]!)) return false;
    } else return false;
  }
}

const ANSI_C_SIMPLE: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  '?': '?', '"': '"', '\\': '\\', "'": "'",
};

function fail(problem: ShvarError, index: number): UnescapeResult {
  return { ...problem, ok: false, column: index };
}

/** The message of a failed unescape, without where it stopped. */
function shvarProblem(result: ShvarError): ShvarError {
  return (result.params === undefined ? { code: result.code } : { code: result.code, params: result.params }) as ShvarError;
}

/**
 * NetworkManager's svUnescape: `value` is everything after "KEY=" on one line.
 * On error, `column` is the 0-based index in `value` where reading stopped.
 */
export function unescapeShvarValue(value: string): UnescapeResult {
  let out = '';
  let i = 0;
  let oldEscaped: boolean | null = null;
  for (;;) {
    const ch = value[i];
    if (ch === undefined) break;
    if (isAsciiSpace(ch) || ch === ';') {
      let hasSemicolon = ch === ';';
      let j = i + 1;
      while (j < value.length) {
        const c = value[j];
        if (isAsciiSpace(c)) j++;
        else if (!hasSemicolon && c === ';') { hasSemicolon = true; j++; }
        else break;
      }
      if (j < value.length && value[j] !== '#') {
        return fail({ code: ch === ';' ? 'textAfterSemicolon' : 'textAfterSpace' }, j);
      }
      break;
    }
    if (ch === '\\') {
      i++;
      if (i >= value.length) return fail({ code: 'trailingBackslash' }, i - 1);
      out += value[i];
      i++;
      continue;
    }
    if (ch === "'") {
      const end = value.indexOf("'", i + 1);
      if (end < 0) return fail({ code: 'unterminatedSingleQuote' }, i);
      out += value.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      const start = i;
      i++;
      for (;;) {
        const c = value[i];
        if (c === '"') { i++; break; }
        if (c === undefined) return fail({ code: 'unterminatedDoubleQuote' }, start);
        if (c === '$' || c === '`') return fail({ code: 'expansionInDoubleQuotes', params: { char: c } }, i);
        if (c === '\\') {
          i++;
          const e = value[i];
          if (e === undefined) return fail({ code: 'trailingBackslash' }, i - 1);
          if (e === '$' || e === '`' || e === '"' || e === '\\') {
            // backslash dropped
          } else if (e === "'" || e === '~') {
            if (oldEscaped === null) oldEscaped = looksLikeOldSvEscaped(value);
            if (!oldEscaped) out += '\\';
          } else out += '\\';
          out += e;
          i++;
          continue;
        }
        out += c;
        i++;
      }
      continue;
    }
    if (ch === '$' && value[i + 1] === "'") {
      const start = i;
      i += 2;
      for (;;) {
        const c = value[i];
        if (c === "'") { i++; break; }
        if (c === undefined) return fail({ code: 'unterminatedAnsiCQuote' }, start);
        if (c !== '\\') { out += c; i++; continue; }
        i++;
        const e = value[i];
        if (e === undefined) return fail({ code: 'trailingBackslash' }, i - 1);
        const simple = ANSI_C_SIMPLE[e];
        if (simple !== undefined) { out += simple; i++; continue; }
        if (isOctal(e)) {
          let v = 0;
          for (let n = 0; n < 3 && isOctal(value[i]); n++) { v = v * 8 + Number(value[i]); i++; }
          out += String.fromCharCode(v & 0xff);
          continue;
        }
        if (e === 'x' || e === 'u' || e === 'U') {
          let maxDigits = e === 'x' ? 2 : e === 'u' ? 4 : 8;
          i++;
          if (!isHex(value[i])) { out += '\\' + e; continue; }
          let v = 0;
          while (maxDigits-- > 0 && isHex(value[i])) { v = v * 16 + parseInt(value[i]!, 16); i++; }
          if (e === 'x') out += String.fromCharCode(v);
          else out += v <= 0x10ffff ? String.fromCodePoint(v) : '\ufffd';
          continue;
        }
        out += '\\' + e;
        i++;
      }
      continue;
    }
    if ('|&()<>'.includes(ch)) return fail({ code: 'metacharacter', params: { char: ch } }, i);
    out += ch;
    i++;
  }
  // glib strings end at the first NUL: a value that starts with NUL is empty.
  const nul = out.indexOf('\0');
  if (nul >= 0) out = out.slice(0, nul);
  return { ok: true, value: out };
}

/** Parse a whole file the way NetworkManager's ifcfg-rh plugin reads it. */
export function parseShvar(text: string): ShvarParse {
  const assignments: ShvarAssignment[] = [];
  const invalidLines: ShvarInvalidLine[] = [];
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((lineText, index) => {
    const lineNumber = index + 1;
    let k = 0;
    while (k < lineText.length && isAsciiSpace(lineText[k])) k++;
    if (isAlpha(lineText[k]) || lineText[k] === '_') {
      let e = k + 1;
      while (e < lineText.length && (isAlnum(lineText[e]) || lineText[e] === '_')) e++;
      if (lineText[e] === '=') {
        const raw = lineText.slice(e + 1);
        const result = unescapeShvarValue(raw);
        assignments.push({
          key: lineText.slice(k, e),
          line: lineNumber,
          column: k + 1,
          valueColumn: e + 2,
          raw,
          value: result.ok ? result.value : null,
          problem: result.ok ? null : shvarProblem(result),
        });
        return;
      }
    }
    const rest = lineText.slice(k);
    if (rest === '' || rest.startsWith('#') || /^[\s]*$/.test(rest)) return;
    invalidLines.push({ line: lineNumber, text: lineText });
  });
  return { assignments, invalidLines };
}

/**
 * What NetworkManager's svGetValueStr returns: the last definition wins; a badly quoted value
 * counts as "" and "" counts as unset.
 */
export function shvarValue(parse: ShvarParse, key: string): string | undefined {
  for (let n = parse.assignments.length - 1; n >= 0; n--) {
    const a = parse.assignments[n]!;
    if (a.key === key) return a.value === null || a.value === '' ? undefined : a.value;
  }
  return undefined;
}

