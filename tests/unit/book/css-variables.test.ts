/**
 * Every CSS custom property the book uses is defined somewhere: in our own styles (CSS files,
 * <style> blocks of .astro files, style objects and setProperty calls in islands) or in Starlight's
 * stylesheets. A var() whose property nobody defines silently falls back (to its fallback, or to
 * the inherited value), which is how the labs lost their monospace font to `var(--sl-font-mono)`.
 *
 * Policy for fallbacks: `var(--x, fallback)` counts as a use of --x like any other, so --x must be
 * defined too. A fallback is a safety net, not a definition; we want the value we name. The only
 * exceptions are listed in `optionalHooks` below, each with the reason its fallback is what we want.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { filesUnder } from '../../source-files.ts';

const root = join(import.meta.dirname, '..', '..', '..');

/** Properties used with a fallback that is intended; the property is a hook for others to set. */
const optionalHooks: Record<string, string> = {
  '--vscode-scrollbar-shadow':
    "xterm.js's own stylesheet (kept verbatim in LabVMTerminal.css) uses this VS Code theme hook; its fallback #000 is xterm's default shadow",
};

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '');
}

/** Custom properties a piece of CSS or script defines: `--x:` in CSS, `'--x':` in style objects, setProperty('--x'. */
export function definedProperties(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/(?:^|[\s;{(,])(--[\w-]+)\s*:/g)) names.add(match[1]);
  for (const match of text.matchAll(/['"](--[\w-]+)['"]\s*[:\]]/g)) names.add(match[1]);
  for (const match of text.matchAll(/setProperty\(\s*['"`](--[\w-]+)/g)) names.add(match[1]);
  return names;
}

/** Custom properties used: var(--x…) anywhere, and getPropertyValue('--x') reads in islands. */
export function usedProperties(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/var\(\s*(--[\w-]+)/g)) names.add(match[1]);
  for (const match of text.matchAll(/getPropertyValue\(\s*['"`](--[\w-]+)/g)) names.add(match[1]);
  return names;
}

const ourFiles = [
  ...filesUnder(join(root, 'components'), /\.(css|astro|tsx|ts)$/),
  ...filesUnder(join(root, 'pages'), /\.astro$/),
];
const starlightFiles = filesUnder(join(root, 'node_modules', '@astrojs', 'starlight'), /\.(css|astro)$/);

describe('CSS custom properties', () => {
  test('the scanners read definitions and uses', () => {
    expect([...definedProperties(':root { --a: 1; --b-c:2 } x { color: var(--a) }')]).toEqual(['--a', '--b-c']);
    expect([...definedProperties("style={{ '--tl-colour': c }}")]).toEqual(['--tl-colour']);
    expect([...usedProperties('a { font: var(--x, var(--y)) } getPropertyValue("--z")')]).toEqual(['--x', '--y', '--z']);
  });

  test('every property our styles and islands use is defined by us or by Starlight', () => {
    const defined = new Set<string>();
    for (const file of [...ourFiles, ...starlightFiles]) {
      for (const name of definedProperties(withoutComments(readFileSync(file, 'utf8')))) defined.add(name);
    }
    // Starlight's own font variables must be among them, or the scan is reading the wrong files.
    expect(defined).toContain('--__sl-font-mono');
    expect(defined).toContain('--sl-color-gray-5');

    const undefinedUses: string[] = [];
    for (const file of ourFiles) {
      for (const name of usedProperties(withoutComments(readFileSync(file, 'utf8')))) {
        if (!defined.has(name) && !(name in optionalHooks)) undefinedUses.push(`${relative(root, file)}: ${name}`);
      }
    }
    expect(undefinedUses).toEqual([]);
  });
});
