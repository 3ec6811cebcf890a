/**
 * Every island's messages.ts has the one shape the README describes: an interface, an `en` and a
 * `zh` object of that interface, and one MessageCatalogues<…> = { en, 'zh-CN': zh }; a string with
 * values is a function of them (no `{name}` template syntax of the island's own), and the island
 * takes the book's own BookLocale (no per-island alias of it).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const components = join(import.meta.dirname, '..', '..', '..', 'components');
const messageFiles = readdirSync(components)
  .map((dir) => join(components, dir, 'messages.ts'))
  .filter((path) => existsSync(path));

describe('every messages.ts has the one shape', () => {
  test('there are messages files to check', () => {
    expect(messageFiles.length).toBeGreaterThan(15);
  });

  for (const path of messageFiles) {
    const name = path.slice(components.length + 1);
    test(name, () => {
      const text = readFileSync(path, 'utf8');
      const iface = /^export interface (\w+Messages) \{/m.exec(text)?.[1];
      expect(iface, 'an exported interface named …Messages').toBeDefined();
      expect(text).toMatch(new RegExp(`^export const en: ${iface} = \\{`, 'm'));
      expect(text).toMatch(new RegExp(`^export const zh: ${iface} = \\{`, 'm'));
      expect(text).toMatch(new RegExp(`^export const \\w+Catalogues: MessageCatalogues<${iface}> = \\{ en, 'zh-CN': zh \\};`, 'm'));
      expect(text, 'no catalogue typed by its English object').not.toMatch(/typeof en\b/);
      expect(text, 'no per-island alias of BookLocale').not.toMatch(/export type \w+Locale = BookLocale/);
      // '{name}' inside a quoted string is template syntax; `${…}` in a function's template literal is not.
      const templates = [...text.matchAll(/'[^'\n]*(?<!\$)\{\w+\}[^'\n]*'/g)].map((m) => m[0]);
      expect(templates, 'strings with values are functions of them').toEqual([]);
    });
  }
});
