/**
 * The site's public address, given at build time as SITE (`SITE=https://book.example.edu npm run build`).
 * It makes the canonical URLs, the hreflang alternates and the sitemap. A build without it has none of
 * them (a guessed address would send search engines and readers to the wrong host); the snippets a
 * page shows for copying (iframe embeds, the citation) use the address the page is read at in any case.
 */
export function siteAddress(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`SITE="${text}" is not an address: write it with its scheme, e.g. SITE=https://book.example.edu`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE="${text}" must start with https:// or http://, not ${url.protocol}`);
  }
  if (url.search || url.hash) throw new Error(`SITE="${text}" must not have a ?query or #fragment`);
  // Astro takes the site's origin (the base path goes to `base`), written without a trailing slash.
  if (url.pathname !== '/') throw new Error(`SITE="${text}" must be an origin only (https://host[:port]), without the path ${url.pathname}`);
  return url.origin;
}
