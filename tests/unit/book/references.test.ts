/**
 * The book cites primary sources (the paper at its publisher or author's page, the vendor's or
 * project's own document, kernel.org, the project's repository) or reputable secondary ones. It
 * never cites a copy: no mirror of Wikipedia or of another site, no unauthorized copy of a book or
 * paper, and no document served from a bare IP address. This test scans every page of both editions
 * and every TypeScript file under lib/ (the timeline's sources live there) for such links.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { filesUnder } from '../../source-files.ts';

/** Sites that republish other sites' text (Wikipedia mirrors, scraped Q&A, aggregated encyclopedias). */
const MIRROR_DOMAINS = [
  'wikiwand.com', 'everybodywiki.com', 'wikizero.com', 'wikimili.com', 'wiki2.org', 'wikibrief.org', 'wikiless.org',
  'infogalactic.com', 'justapedia.org', 'liquisearch.com', 'absoluteastronomy.com', 'nationmaster.com',
  'encyclopedia.pub', 'dbpedia.org', 'thefreedictionary.com', 'enacademic.com', 'academic.ru', 'wikiqube.net',
  'alchetron.com', 'dictionary.sensagent.com', 'probsee.com', 'clateway.com', 'itecnotes.com', 'newbedev.com',
  'stackoverflow.pixelbin.io', 'codegrepper.com',
];

/** Sites that host copies of books and papers without their publishers' leave. */
const PIRACY_DOMAINS = [
  'z-lib.org', 'z-library.se', 'z-lib.io', 'zlibrary.to', 'singlelogin.re', 'b-ok.cc', 'b-ok.org', 'booksc.org', '1lib.net',
  'libgen.is', 'libgen.rs', 'libgen.li', 'libgen.st', 'libgen.org', 'gen.lib.rus.ec', 'library.lol', 'sci-hub.se', 'sci-hub.ru',
  'sci-hub.st', 'annas-archive.org', 'vdoc.pub', 'epdf.pub', 'epdf.tips', 'dokumen.pub', 'dokumen.tips', 'pdfcoffee.com',
  'studylib.net', 'scribd.com', 'ebin.pub', 'pdfroom.com', 'pdfdrive.com', 'doku.pub', 'kupdf.net', 'idoc.pub', 'silo.pub',
  'vdocuments.mx', 'vdocuments.net', 'documents.pub', 'ebookreading.net', 'it-ebooks.info', 'allitebooks.com',
  'dl.ebooksworld.ir', 'pdfslide.net', 'fdocuments.in', 'doczz.net', 'yumpu.com', 'coursehero.com',
];

const BLOCKED = [...MIRROR_DOMAINS.map((d) => [d, 'a mirror of another site'] as const), ...PIRACY_DOMAINS.map((d) => [d, 'an unauthorized copy'] as const)];


interface Link {
  file: string;
  line: number;
  url: string;
}

/** Every http(s) link in a text, with its line. Markdown's closing ")" and trailing punctuation are not part of it. */
export function linksIn(file: string, text: string): Link[] {
  const links: Link[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/https?:\/\/[^\s<>"'`)\]}]+/g)) {
      links.push({ file, line: i + 1, url: m[0].replace(/[.,;:!?。，；：]+$/, '') });
    }
  });
  return links;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Why a link may not be cited, or undefined when it may. */
export function objectionTo(url: string): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return 'not a valid URL';
  }
  if (IPV4.test(host) || host.startsWith('[')) return 'a bare IP address: cite the document at its publisher’s own name';
  for (const [domain, what] of BLOCKED) {
    if (host === domain || host.endsWith(`.${domain}`)) return `${domain} is ${what}: cite the primary source`;
  }
  return undefined;
}

/** Files to scan: every page of both editions, and every TypeScript file of the engines. */
const FILES = [...filesUnder('content/docs', /\.mdx?$/).sort(), ...filesUnder('lib', /\.ts$/).sort()];

describe('references', () => {
  test('the objection rules recognise mirrors, copies and bare IP hosts, and pass primary sources', () => {
    expect(objectionTo('http://38.142.81.21:8001/manual/red-hat/page-11.html')).toMatch(/bare IP/);
    expect(objectionTo('http://[2001:db8::1]/paper.pdf')).toMatch(/bare IP/);
    expect(objectionTo('https://www.wikiwand.com/en/Hypervisor')).toMatch(/mirror/);
    expect(objectionTo('https://www.liquisearch.com/hypervisor/history')).toMatch(/mirror/);
    expect(objectionTo('https://en.libgen.is/book/index.php?md5=0')).toMatch(/unauthorized copy/);
    expect(objectionTo('https://www.usenix.org/legacy/event/osdi02/tech/whitaker.html')).toBeUndefined();
    expect(objectionTo('https://docs.kernel.org/virt/kvm/api.html')).toBeUndefined();
    expect(objectionTo('https://en.wikipedia.org/wiki/Hypervisor')).toBeUndefined();
    // A name that merely ends like a blocked one is not blocked.
    expect(objectionTo('https://notscribd.com/')).toBeUndefined();
  });

  test('links are found with their lines, without Markdown’s closing parenthesis', () => {
    expect(linksIn('x.mdx', 'a\nsee [p](https://www.usenix.org/a.pdf).\n')).toEqual([{ file: 'x.mdx', line: 2, url: 'https://www.usenix.org/a.pdf' }]);
  });

  test.each(FILES)('%s cites no mirror, copy or bare IP address', (file) => {
    const objections = linksIn(file, readFileSync(file, 'utf8'))
      .map((link) => ({ link, why: objectionTo(link.url) }))
      // In code, text that only looks like the start of an address (an error message's "http://") is no citation.
      .filter((o) => o.why !== undefined && !(file.endsWith('.ts') && o.why === 'not a valid URL'))
      .map((o) => `${o.link.file}:${o.link.line} ${o.link.url} (${o.why})`);
    expect(objections).toEqual([]);
  });
});
