import { describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { contentSecurityPolicy, inlineScriptHashes } from '../../../lib/book/content-security-policy.ts';

const sha = (s: string) => `sha256-${createHash('sha256').update(s).digest('base64')}`;

describe('the content security policy', () => {
  test('hashes inline scripts only, not external, JSON or import-map scripts', () => {
    const html = `<script>a()</script><script type="module">b()</script><script src="/x.js"></script>
      <script type="application/ld+json">{}</script><script type="importmap">{}</script>`;
    expect(inlineScriptHashes(html)).toEqual([sha('a()'), sha('b()')]);
  });

  test('allows WebAssembly compilation and the hashed scripts, never eval or inline scripts', () => {
    const policy = contentSecurityPolicy([sha('a()'), sha('a()')]);
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src '))!;
    expect(scriptSrc).toBe(`script-src 'self' 'wasm-unsafe-eval' '${sha('a()')}'`);
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).toContain("worker-src 'self' blob:");
    expect(policy).toContain("object-src 'none'");
  });
});
