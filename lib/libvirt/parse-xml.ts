/**
 * A small XML 1.0 parser that keeps positions: every element, attribute and text node knows its line
 * and column, and every well-formedness problem says where it is. It reads the subset a libvirt
 * domain uses (elements, attributes, text, the five predefined entities and character references,
 * comments, processing instructions, CDATA, a bare DOCTYPE) and refuses a DOCTYPE with an internal
 * subset: that could define entities, and a libvirt document never has one (xmllint would accept it).
 *
 * It never recurses (a document nested a million deep is a loop, not a stack overflow), reads each
 * character a bounded number of times, and stops at the first well-formedness error, as an XML
 * parser must (XML 1.0 §1.2, "fatal error").
 */

import { lineAndColumnIn } from '../book/line-and-column.ts';

export interface XmlPosition {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units (what an editor's cursor counts). */
  readonly column: number;
  /** 0-based offset into the text. */
  readonly offset: number;
}

export interface XmlAttribute {
  readonly name: string;
  readonly value: string;
  readonly at: XmlPosition;
  /** Where the value starts (just after the opening quote). */
  readonly valueAt: XmlPosition;
}

export interface XmlElement {
  readonly kind: 'element';
  readonly name: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlNode[];
  /** Where `<` of the start tag is. */
  readonly at: XmlPosition;
}

export interface XmlText {
  readonly kind: 'text';
  readonly text: string;
  readonly at: XmlPosition;
}

export type XmlNode = XmlElement | XmlText;

export type XmlProblemCode =
  | 'emptyDocument'
  | 'textOutsideRoot'
  | 'secondRoot'
  | 'unclosedElement'
  | 'mismatchedEndTag'
  | 'unexpectedEndTag'
  | 'endTagNotClosed'
  | 'badName'
  | 'duplicateAttribute'
  | 'attributeWithoutValue'
  | 'unquotedAttribute'
  | 'ltInAttribute'
  | 'unterminated'
  | 'badEntity'
  | 'badCharacter'
  | 'doctypeNotAllowed'
  | 'badXmlDeclaration'
  | 'tooDeep'
  | 'tooLarge'
  | 'doubleHyphenInComment'
  | 'cdataEndInText';

export interface XmlProblem {
  readonly code: XmlProblemCode;
  readonly at: XmlPosition;
  /** The name, entity or text the problem is about, when there is one. */
  readonly detail?: string;
  /** For mismatchedEndTag and unclosedElement: the element still open, and where it started. */
  readonly open?: { readonly name: string; readonly at: XmlPosition };
}

export interface XmlParse {
  readonly root?: XmlElement;
  /** At most one: parsing stops at the first well-formedness error. */
  readonly problem?: XmlProblem;
}

/** The most characters the parser reads (a domain XML is a few kilobytes). */
export const MAX_XML_CHARACTERS = 1 << 20;
/** The deepest nesting it accepts (libvirt's own documents are under 10 deep). */
export const MAX_XML_DEPTH = 256;

const NAME_START = /[A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\uD800-\uDBFF]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\uD800-\uDFFF]/;
// Characters XML 1.0 forbids anywhere (C0 controls other than tab, newline, carriage return; U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

const textLineEnds = (part: string) => part.replace(/\r\n?/g, '\n');
const attributeWhitespace = (part: string) => part.replace(/\r\n|[\r\n\t]/g, ' ');

class XmlStop extends Error {
  readonly problem: XmlProblem;
  constructor(problem: XmlProblem) {
    super(problem.code);
    this.problem = problem;
  }
}

interface OpenElement {
  name: string;
  attributes: XmlAttribute[];
  children: XmlNode[];
  at: XmlPosition;
}

/** Parses `text` as an XML document; never throws. */
export function parseXml(text: string): XmlParse {
  const lineAndColumn = lineAndColumnIn(text);
  const position = (offset: number): XmlPosition => ({ ...lineAndColumn(offset), offset });
  const stop = (code: XmlProblemCode, offset: number, extra: Partial<Pick<XmlProblem, 'detail' | 'open'>> = {}): never => {
    throw new XmlStop({ code, at: position(Math.min(offset, text.length)), ...extra });
  };

  if (text.length > MAX_XML_CHARACTERS) return { problem: { code: 'tooLarge', at: position(MAX_XML_CHARACTERS), detail: String(MAX_XML_CHARACTERS) } };
  const forbidden = FORBIDDEN_CHARACTER.exec(text);

  let i = 0;
  const stack: OpenElement[] = [];
  let root: XmlElement | undefined;

  const readName = (): string => {
    const start = i;
    if (i >= text.length || !NAME_START.test(text[i]!)) stop('badName', i, { detail: text.slice(i, i + 1) });
    i++;
    while (i < text.length && NAME_CHAR.test(text[i]!)) i++;
    return text.slice(start, i);
  };
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  /**
   * Replaces entity and character references in text between `from` and `to`; the literal parts are
   * normalised first (line ends to \n in text, XML 1.0 §2.11; whitespace to a space in an attribute, §3.3.3).
   */
  const decode = (from: number, to: number, literal: (part: string) => string): string => {
    let out = '';
    let k = from;
    while (k < to) {
      const amp = text.indexOf('&', k);
      if (amp < 0 || amp >= to) {
        out += literal(text.slice(k, to));
        break;
      }
      out += literal(text.slice(k, amp));
      const semi = text.slice(amp, Math.min(to, amp + 12)).indexOf(';') + amp;
      if (semi < amp) stop('badEntity', amp, { detail: text.slice(amp, Math.min(to, amp + 12)) });
      const body = text.slice(amp + 1, semi);
      let char: string | undefined;
      if (/^#[0-9]+$/.test(body) || /^#x[0-9A-Fa-f]+$/.test(body)) {
        const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
        if (allowed) char = String.fromCodePoint(code);
      } else {
        char = PREDEFINED[body];
      }
      if (char === undefined) stop('badEntity', amp, { detail: `&${body};` });
      out += char;
      k = semi + 1;
    }
    return out;
  };
  const addChild = (node: XmlNode) => {
    const parent = stack.at(-1);
    if (parent) parent.children.push(node);
  };
  /** Text (or whitespace) between markup: inside the root it is content; outside only whitespace may be. */
  const readText = () => {
    const start = i;
    const next = text.indexOf('<', i);
    const end = next < 0 ? text.length : next;
    i = end;
    if (stack.length === 0) {
      const nonSpace = text.slice(start, end).search(/[^ \t\r\n]/);
      if (nonSpace >= 0) stop('textOutsideRoot', start + nonSpace, { detail: text.slice(start + nonSpace, start + nonSpace + 20) });
      return;
    }
    const cdataEnd = text.slice(start, end).indexOf(']]>');
    if (cdataEnd >= 0) stop('cdataEndInText', start + cdataEnd);
    addChild({ kind: 'text', text: decode(start, end, textLineEnds), at: position(start) });
  };

  try {
    if (forbidden) stop('badCharacter', forbidden.index, { detail: `U+${forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` });
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    if (text.startsWith('<?xml', i) && /[\s?]/.test(text[i + 5] ?? '')) {
      const close = text.indexOf('?>', i);
      if (close < 0) stop('unterminated', i, { detail: '<?xml' });
      if (!/^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*$/.test(text.slice(i, close))) {
        stop('badXmlDeclaration', i);
      }
      i = close + 2;
    }
    while (i < text.length) {
      if (text[i] !== '<') {
        readText();
        continue;
      }
      const start = i;
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        if (close < 0) stop('unterminated', start, { detail: '<!--' });
        const dashes = text.indexOf('--', i + 4);
        if (dashes < close) stop('doubleHyphenInComment', dashes);
        i = close + 3;
        continue;
      }
      if (text.startsWith('<![CDATA[', i)) {
        if (stack.length === 0) stop('textOutsideRoot', start, { detail: '<![CDATA[' });
        const close = text.indexOf(']]>', i + 9);
        if (close < 0) stop('unterminated', start, { detail: '<![CDATA[' });
        addChild({ kind: 'text', text: text.slice(i + 9, close).replace(/\r\n?/g, '\n'), at: position(start) });
        i = close + 3;
        continue;
      }
      if (text.startsWith('<!DOCTYPE', i)) {
        // A bare <!DOCTYPE name> is harmless; an internal subset could define entities, which this parser does not expand.
        const close = text.indexOf('>', i);
        if (stack.length > 0 || root || close < 0 || !/^<!DOCTYPE\s+[^\s[>]+(\s+(SYSTEM|PUBLIC)\s+("[^"]*"|'[^']*')(\s+("[^"]*"|'[^']*'))?)?\s*$/.test(text.slice(i, close))) {
          stop('doctypeNotAllowed', start);
        }
        i = close + 1;
        continue;
      }
      if (text.startsWith('<?', i)) {
        i += 2;
        const target = readName();
        if (target.toLowerCase() === 'xml') stop('badXmlDeclaration', start);
        const close = text.indexOf('?>', i);
        if (close < 0) stop('unterminated', start, { detail: `<?${target}` });
        i = close + 2;
        continue;
      }
      if (text[i + 1] === '/') {
        i += 2;
        const name = readName();
        skipSpace();
        if (text[i] !== '>') stop(i >= text.length ? 'unterminated' : 'endTagNotClosed', i, { detail: `</${name}` });
        i++;
        const open = stack.pop();
        if (!open) stop('unexpectedEndTag', start, { detail: name });
        if (open!.name !== name) stop('mismatchedEndTag', start, { detail: name, open: { name: open!.name, at: open!.at } });
        const element: XmlElement = { kind: 'element', name, attributes: open!.attributes, children: open!.children, at: open!.at };
        if (stack.length === 0) root = element;
        else addChild(element);
        continue;
      }
      // A start tag.
      i++;
      if (stack.length === 0 && root) stop('secondRoot', start, { detail: text.slice(start + 1).match(/^[^\s/>]*/)![0] });
      const name = readName();
      const attributes: XmlAttribute[] = [];
      const attributeNames = new Set<string>();
      for (;;) {
        const beforeSpace = i;
        skipSpace();
        if (i >= text.length) stop('unterminated', start, { detail: `<${name}` });
        if (text[i] === '>' || text.startsWith('/>', i)) break;
        if (i === beforeSpace) stop('badName', i, { detail: text.slice(i, i + 1) });
        const attributeStart = i;
        const attributeName = readName();
        skipSpace();
        if (text[i] !== '=') stop('attributeWithoutValue', attributeStart, { detail: attributeName });
        i++;
        skipSpace();
        const quote = text[i];
        if (quote !== '"' && quote !== "'") stop(i >= text.length ? 'unterminated' : 'unquotedAttribute', i, { detail: attributeName });
        const valueStart = i + 1;
        const close = text.indexOf(quote!, valueStart);
        if (close < 0) stop('unterminated', i, { detail: `${attributeName}=${quote}` });
        const lt = text.slice(valueStart, close).indexOf('<');
        if (lt >= 0) stop('ltInAttribute', valueStart + lt, { detail: attributeName });
        if (attributeNames.has(attributeName)) stop('duplicateAttribute', attributeStart, { detail: attributeName });
        attributeNames.add(attributeName);
        const value = decode(valueStart, close, attributeWhitespace);
        attributes.push({ name: attributeName, value, at: position(attributeStart), valueAt: position(valueStart) });
        i = close + 1;
      }
      const selfClosing = text[i] === '/';
      i += selfClosing ? 2 : 1;
      if (stack.length >= MAX_XML_DEPTH) stop('tooDeep', start, { detail: String(MAX_XML_DEPTH) });
      if (selfClosing) {
        const element: XmlElement = { kind: 'element', name, attributes, children: [], at: position(start) };
        if (stack.length === 0) root = element;
        else addChild(element);
      } else {
        stack.push({ name, attributes, children: [], at: position(start) });
      }
    }
    if (stack.length > 0) {
      const open = stack.at(-1)!;
      stop('unclosedElement', text.length, { detail: open.name, open: { name: open.name, at: open.at } });
    }
    if (!root) stop('emptyDocument', text.length);
    return { root: root! };
  } catch (error) {
    if (error instanceof XmlStop) return { problem: error.problem };
    throw error;
  }
}

/** The child elements of an element. */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => c.kind === 'element' && (name === undefined || c.name === name));
}

/** The value of an attribute, or undefined. */
export function attributeOf(element: XmlElement, name: string): XmlAttribute | undefined {
  return element.attributes.find((a) => a.name === name);
}

/** The text content directly inside an element (its text children joined). */
export function textOf(element: XmlElement): string {
  return element.children.map((c) => (c.kind === 'text' ? c.text : '')).join('');
}
