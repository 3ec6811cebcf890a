/**
 * Readers for the LMS exports, for round-trip tests: a small XML reader (elements, attributes,
 * text with the five entities and numeric references), a GIFT reader after Moodle's own grammar
 * (questions split on blank lines, \-escapes, {…} answer blocks with =, ~, # and ####), and a
 * reader for stored ZIP archives.
 */
import { execFileSync } from 'node:child_process';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const decode = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );

export function readXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const re = /<\?[^]*?\?>|<!--[^]*?-->|<!\[CDATA\[([^]*?)\]\]>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (const m of xml.matchAll(re)) {
    const top = stack[stack.length - 1]!;
    if (m[1] !== undefined) top.text += m[1];
    else if (m[2]) {
      if (top.name !== m[2]) throw new Error(`</${m[2]}> closes <${top.name}>`);
      stack.pop();
    } else if (m[3]) {
      const attributes: Record<string, string> = {};
      for (const a of (m[4] ?? '').matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes[a[1]!] = decode(a[2] ?? a[3] ?? '');
      const el: XmlElement = { name: m[3], attributes, children: [], text: '' };
      top.children.push(el);
      if (!m[5]) stack.push(el);
    } else if (m[6] !== undefined) top.text += decode(m[6]);
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`);
  return root;
}

export function all(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      visit(c);
    }
  };
  visit(el);
  return out;
}

export function first(el: XmlElement, name: string): XmlElement | undefined {
  return all(el, name)[0];
}

/** xmllint's verdict on well-formedness: '' when well-formed, else its complaint. */
export function xmllintProblems(xml: string): string {
  try {
    execFileSync('xmllint', ['--noout', '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

export function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface GiftQuestion {
  category: string;
  comments: string[];
  title: string;
  format: string;
  text: string;
  answers: { right: boolean; text: string }[];
  numeric?: { value: string; tolerance: string };
  generalFeedback: string;
}

const unescapeGift = (s: string) => s.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));

/** Splits at unescaped `char`s. */
function splitUnescaped(s: string, test: (c: string, i: number) => boolean): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (test(s[i]!, i)) return i;
  }
  return -1;
}

export function readGift(gift: string): GiftQuestion[] {
  const out: GiftQuestion[] = [];
  let category = '';
  for (const block of gift.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    const comments: string[] = [];
    const body: string[] = [];
    for (const line of lines) {
      if (line.startsWith('$CATEGORY:')) category = line.slice('$CATEGORY:'.length).trim();
      else if (line.startsWith('//')) comments.push(line.slice(2).trim());
      else body.push(line);
    }
    if (!body.length) continue;
    let rest = body.join('\n');
    let title = '';
    if (rest.startsWith('::')) {
      const end = splitUnescaped(rest.slice(2), (c, i) => c === ':' && rest[i + 3] === ':');
      title = unescapeGift(rest.slice(2, end + 2));
      rest = rest.slice(end + 4);
    }
    let format = 'moodle';
    const f = /^\[(\w+)\]/.exec(rest);
    if (f) {
      format = f[1]!;
      rest = rest.slice(f[0].length);
    }
    const open = splitUnescaped(rest, (c) => c === '{');
    const close = splitUnescaped(rest, (c) => c === '}');
    if (open < 0 || close < open) throw new Error(`no answer block in: ${rest.slice(0, 80)}`);
    if (splitUnescaped(rest.slice(close + 1), (c) => c === '{' || c === '}') >= 0) throw new Error('a second answer block');
    const text = unescapeGift(rest.slice(0, open));
    let answerText = rest.slice(open + 1, close);
    let generalFeedback = '';
    const fb = answerText.indexOf('####');
    if (fb >= 0) {
      generalFeedback = unescapeGift(answerText.slice(fb + 4));
      answerText = answerText.slice(0, fb);
    }
    const q: GiftQuestion = { category, comments, title, format, text, answers: [], generalFeedback };
    if (answerText.startsWith('#')) {
      const [value, tolerance] = answerText.slice(1).split(':');
      q.numeric = { value: value!.trim(), tolerance: (tolerance ?? '0').trim() };
    } else {
      let s = answerText.trim();
      while (s) {
        const mark = s[0]!;
        if (mark !== '=' && mark !== '~') throw new Error(`an answer starts with ${mark}`);
        const next = splitUnescaped(s.slice(1), (c) => c === '=' || c === '~');
        const piece = next < 0 ? s.slice(1) : s.slice(1, next + 1);
        q.answers.push({ right: mark === '=', text: unescapeGift(piece.trim()) });
        s = next < 0 ? '' : s.slice(next + 1).trim();
      }
    }
    out.push(q);
  }
  return out;
}

/** The files of a ZIP archive whose entries are stored (not compressed). */
export function readStoredZip(zip: Uint8Array): Map<string, string> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out = new Map<string, string>();
  let at = 0;
  const decoder = new TextDecoder();
  while (view.getUint32(at, true) === 0x04034b50) {
    if (view.getUint16(at + 8, true) !== 0) throw new Error('compressed entry');
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extra = view.getUint16(at + 28, true);
    const name = decoder.decode(zip.subarray(at + 30, at + 30 + nameLength));
    const start = at + 30 + nameLength + extra;
    out.set(name, decoder.decode(zip.subarray(start, start + size)));
    at = start + size;
  }
  return out;
}
