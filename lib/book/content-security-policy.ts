import { createHash } from 'node:crypto';

/**
 * The site's Content-Security-Policy. No 'unsafe-eval' anywhere: the JIT lab and v86 compile
 * WebAssembly, which needs only 'wasm-unsafe-eval'; v86 runs its timer in a blob: worker.
 * Inline scripts (Starlight's theme and sidebar scripts, Astro's island loader) are allowed by
 * their SHA-256 hashes. Styles allow 'unsafe-inline' because syntax-highlighted code carries
 * style attributes; style cannot run code.
 */
export function contentSecurityPolicy(inlineScriptHashes: Iterable<string>): string {
  const hashes = [...new Set(inlineScriptHashes)].sort().map((h) => `'${h}'`);
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The sha256-… source expressions of every inline <script> (one without src) in an HTML page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
  for (const m of html.matchAll(re)) {
    const attrs = m[1];
    if (/\bsrc\s*=/.test(attrs)) continue;
    if (/\btype\s*=\s*["']?(application\/(ld\+)?json|importmap)/i.test(attrs)) continue;
    hashes.push(`sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}`);
  }
  return hashes;
}

/** The headers every response of the site should carry (the static server and the `_headers` file use these). */
export function securityHeaders(policy: string): Record<string, string> {
  return {
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
}
