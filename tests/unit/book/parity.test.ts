/**
 * The 简体中文 edition mirrors the English one: every English page under content/docs/ has a twin
 * under content/docs/zh-cn/ with the same slug, and the twins embed the same labs with the same
 * props, in the same order. Prose, headings and Starlight components may differ; labs may not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bookPages } from '../../../lib/book/chapters.ts';

const docs = 'content/docs';
const zhDocs = join(docs, 'zh-cn');

/** Slugs of the English pages: content/docs/<slug>.mdx (or .md), the Chinese folder excluded. */
function englishSlugs(): string[] {
  return readdirSync(docs, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
    .map((entry) => entry.name.replace(/\.mdx?$/, ''))
    .sort();
}

function pageFile(folder: string, slug: string): string | undefined {
  return [`${slug}.mdx`, `${slug}.md`].map((name) => join(folder, name)).find((path) => existsSync(path));
}

/** The MDX without its frontmatter, fenced code blocks and inline code (a `<Tag` in code is not a tag). */
function markupOf(mdx: string): string {
  return mdx
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^(\s*)(```|~~~)[^\n]*\n[\s\S]*?^\1\2\s*$/gm, '')
    .replace(/`[^`\n]*`/g, '');
}

/** Local names of the components a page imports from the book's own components/ folder (its labs). */
function labImports(markup: string): Map<string, string> {
  const labs = new Map<string, string>();
  const pattern = /^import\s+(?:(\w+)|\{([^}]*)\})\s+from\s+['"]((?:\.\.\/)+components\/[^'"]+)['"]/gm;
  for (const match of markup.matchAll(pattern)) {
    const module = match[3]!.replace(/^(\.\.\/)+/, '');
    if (match[1]) labs.set(match[1], module);
    for (const name of (match[2] ?? '').split(',')) {
      const local = name.trim().split(/\s+as\s+/).at(-1);
      if (local) labs.set(local, module);
    }
  }
  return labs;
}

/**
 * Props that carry words for the reader (a box's title, a caption): each twin writes them in its own
 * language, so only their presence is compared. Every other prop must be identical.
 */
const translatedProps = new Set(['title', 'label', 'caption', 'description', 'summary', 'hint', 'expected']);

/** One embedded lab: its module, and its props as written (whitespace collapsed, sorted by name). */
interface LabEmbed {
  module: string;
  props: string;
}

/** The JSX attributes of a tag, balanced over {…} and "…", as "name=value" strings. */
function attributesOf(source: string, from: number): { attributes: string[]; end: number } {
  const attributes: string[] = [];
  let i = from;
  while (i < source.length) {
    while (/\s/.test(source[i] ?? '')) i++;
    if (source.startsWith('/>', i) || source[i] === '>') return { attributes, end: i };
    const name = /^[\w:.-]+|^\{\.\.\.[^}]*\}/.exec(source.slice(i))?.[0];
    if (!name) return { attributes, end: i };
    i += name.length;
    if (source[i] !== '=') {
      attributes.push(name);
      continue;
    }
    i++;
    let value = '';
    if (source[i] === '"' || source[i] === "'") {
      const close = source.indexOf(source[i]!, i + 1);
      value = source.slice(i, close + 1);
      i = close + 1;
    } else if (source[i] === '{') {
      let depth = 0;
      const start = i;
      do {
        if (source[i] === '{') depth++;
        else if (source[i] === '}') depth--;
        i++;
      } while (depth > 0 && i < source.length);
      value = source.slice(start, i);
    }
    attributes.push(translatedProps.has(name) ? `${name}=…` : `${name}=${value.replace(/\s+/g, ' ')}`);
  }
  return { attributes, end: i };
}

/** Every lab a page embeds, in page order. */
function labEmbeds(mdx: string): LabEmbed[] {
  const markup = markupOf(mdx);
  const labs = labImports(markup);
  const embeds: LabEmbed[] = [];
  for (const match of markup.matchAll(/<([A-Z][\w.]*)(?=[\s/>])/g)) {
    const module = labs.get(match[1]!);
    if (!module) continue;
    const { attributes } = attributesOf(markup, match.index + match[0].length);
    embeds.push({ module: `${match[1]} (${module})`, props: attributes.sort().join(' ') });
  }
  return embeds;
}

/** The names of all components a page uses, labs and Starlight's alike, as a sorted set. */
function componentNames(mdx: string): string[] {
  const markup = markupOf(mdx);
  return [...new Set([...markup.matchAll(/<([A-Z][\w.]*)(?=[\s/>])/g)].map((m) => m[1]!))].sort();
}

const describeEmbed = (embed: LabEmbed) => `<${embed.module.split(' ')[0]}${embed.props ? ` ${embed.props}` : ''} />`;

/** The differences between an English page and its Chinese twin, one readable line each. */
function twinDifferences(english: string, chinese: string): string[] {
  const problems: string[] = [];
  const en = labEmbeds(english);
  const zh = labEmbeds(chinese);
  const count = Math.max(en.length, zh.length);
  for (let i = 0; i < count; i++) {
    const a = en[i];
    const b = zh[i];
    if (a && b && a.module === b.module && a.props === b.props) continue;
    if (a && !b) problems.push(`lab ${i + 1}: English embeds ${describeEmbed(a)}, the Chinese twin has nothing there`);
    else if (!a && b) problems.push(`lab ${i + 1}: the Chinese twin embeds ${describeEmbed(b)}, English has nothing there`);
    else if (a && b) problems.push(`lab ${i + 1}: English embeds ${describeEmbed(a)}, the Chinese twin ${describeEmbed(b)}`);
  }
  const enNames = componentNames(english);
  const zhNames = componentNames(chinese);
  for (const name of enNames.filter((n) => !zhNames.includes(n))) problems.push(`component <${name}> is used in English only`);
  for (const name of zhNames.filter((n) => !enNames.includes(n))) problems.push(`component <${name}> is used in the Chinese twin only`);
  return problems;
}

/** Links from a Chinese page to English pages of the book (`](/p-code/)`, `href="/about/"`). */
function linksOutOfEdition(mdx: string, slugs: readonly string[]): string[] {
  const markup = markupOf(mdx);
  const found: string[] = [];
  for (const match of markup.matchAll(/(?:\]\(|href=["'{`]+|link:\s*)(\/[^)"'`\s#]*)/g)) {
    const path = match[1]!;
    const slug = path.replace(/^\/+|\/+$/g, '');
    if (path === '/' || slugs.includes(slug)) found.push(path);
  }
  return found;
}

describe('the parity checker itself', () => {
  const english = [
    '---\ntitle: X\n---',
    "import PcodeLab from '../../components/pcode-lab/PcodeLab.astro';",
    "import { Aside } from '@astrojs/starlight/components';",
    'Text `<PcodeLab />` in code is not a lab.',
    '```mdx\n<PcodeLab example="nope" />\n```',
    '<PcodeLab example="gcd" input={[1, 2]} />',
  ].join('\n\n');

  it('sees labs, their props, and ignores code', () => {
    expect(labEmbeds(english)).toEqual([{ module: 'PcodeLab (components/pcode-lab/PcodeLab.astro)', props: 'example="gcd" input={[1, 2]}' }]);
  });

  it('accepts a twin that imports the same lab from one folder deeper', () => {
    const twin = english.replace("'../../components", "'../../../components").replace('Text', '文字');
    expect(twinDifferences(english, twin)).toEqual([]);
  });

  it('reports a missing lab, a changed prop and an extra component readably', () => {
    const missing = english.replace('<PcodeLab example="gcd" input={[1, 2]} />', '');
    expect(twinDifferences(english, missing)).toEqual([
      'lab 1: English embeds <PcodeLab example="gcd" input={[1, 2]} />, the Chinese twin has nothing there',
      'component <PcodeLab> is used in English only',
    ]);
    const changed = english.replace('example="gcd"', 'example="sum"');
    expect(twinDifferences(english, changed)).toEqual([
      'lab 1: English embeds <PcodeLab example="gcd" input={[1, 2]} />, the Chinese twin <PcodeLab example="sum" input={[1, 2]} />',
    ]);
    expect(twinDifferences(english, `${english}\n\n<Aside>注意</Aside>`)).toEqual(['component <Aside> is used in the Chinese twin only']);
  });

  it('lets the words of a title differ, but not its presence or any other prop', () => {
    const withTitle = "import RunInVM from '../../components/vm/RunInVM.astro';\n\n<RunInVM title=\"Which machine?\" command=\"uname -a\" />";
    expect(twinDifferences(withTitle, withTitle.replace('Which machine?', '这是哪台机器？'))).toEqual([]);
    expect(twinDifferences(withTitle, withTitle.replace('uname -a', 'uname -r'))).toHaveLength(1);
    expect(twinDifferences(withTitle, withTitle.replace(' title="Which machine?"', ''))).toHaveLength(1);
  });

  it('finds links that leave the Chinese edition', () => {
    expect(linksOutOfEdition('见[P-code](/p-code/)和[这里](/zh-cn/jit/)，`[x](/about/)` 不算。', ['p-code', 'jit', 'about'])).toEqual(['/p-code/']);
  });
});

const slugs = englishSlugs();

describe('the 简体中文 edition', () => {
  it('has every page of the table of contents in both languages', () => {
    const missing = bookPages.flatMap((p) => [
      ...(pageFile(docs, p.slug) ? [] : [`${docs}/${p.slug}.mdx`]),
      ...(pageFile(zhDocs, p.slug) ? [] : [`${zhDocs}/${p.slug}.mdx`]),
    ]);
    expect(missing).toEqual([]);
  });

  it('has no Chinese page without an English original', () => {
    const orphans = readdirSync(zhDocs)
      .filter((name) => /\.mdx?$/.test(name))
      .map((name) => name.replace(/\.mdx?$/, ''))
      .filter((slug) => !slugs.includes(slug));
    expect(orphans).toEqual([]);
  });

  describe.each(slugs)('%s', (slug) => {
    const english = readFileSync(pageFile(docs, slug)!, 'utf8');
    const twinPath = pageFile(zhDocs, slug);

    it('has a Chinese twin', () => {
      expect(twinPath, `${zhDocs}/${slug}.mdx is missing`).toBeDefined();
    });

    it('embeds the same labs with the same props as its twin', () => {
      if (!twinPath) expect.fail(`${zhDocs}/${slug}.mdx is missing, so its labs cannot be compared`);
      expect(twinDifferences(english, readFileSync(twinPath, 'utf8'))).toEqual([]);
    });

    it('is written in Chinese, and its links stay in the Chinese edition', () => {
      if (!twinPath) expect.fail(`${zhDocs}/${slug}.mdx is missing`);
      const chinese = readFileSync(twinPath, 'utf8');
      const title = /^title:\s*(.+)$/m.exec(chinese)?.[1] ?? '';
      expect(title, 'title').toMatch(/[\u4e00-\u9fff]|^P-code$/);
      expect(title, 'titles carry no number').not.toMatch(/^\s*["']?\d+\./);
      const body = markupOf(chinese);
      const han = body.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
      expect(han, 'Chinese characters in the body').toBeGreaterThan(100);
      expect(linksOutOfEdition(chinese, slugs)).toEqual([]);
    });
  });
});
