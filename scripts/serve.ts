/**
 * A small static server for the built book (dist/), with the headers a real host must send:
 * every rule of dist/_headers (the Content-Security-Policy, application/wasm for WebAssembly, and
 * Cache-Control: /_astro/* for a year, the rest revalidated), an ETag and Last-Modified on every
 * file with 304 Not Modified when the reader's copy is still good, and directory URLs served from
 * their index.html. Used by `npm start` and by the browser tests.
 *
 *   node scripts/serve.ts [--port 4321] [--host 127.0.0.1] [--dir dist]
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_REVALIDATE, headersForPath, parseHeadersFile, type HeaderRule } from '../lib/book/cache-control.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.zst': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

/** The rules of dist/_headers (the file Netlify and Cloudflare Pages read), or none. */
export function readHeadersFile(dir: string): HeaderRule[] {
  const file = join(dir, '_headers');
  return existsSync(file) ? parseHeadersFile(readFileSync(file, 'utf8')) : [];
}

/** A strong validator from size and modification time, as nginx makes it: a rebuilt file gets a new one. */
function entityTag(info: Stats): string {
  return `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
}

/**
 * Whether the reader's copy is still good (RFC 9110, 13.2.2): If-None-Match, when sent, decides alone
 * (weak comparison, `*` matches any file); otherwise If-Modified-Since, to the second.
 */
export function notModified(request: { ifNoneMatch?: string; ifModifiedSince?: string }, etag: string, modified: Date): boolean {
  if (request.ifNoneMatch !== undefined) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    return request.ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
  }
  if (request.ifModifiedSince !== undefined) {
    const since = Date.parse(request.ifModifiedSince);
    return !Number.isNaN(since) && Math.floor(modified.getTime() / 1000) <= Math.floor(since / 1000);
  }
  return false;
}

export function serveBook(options: { dir?: string; port?: number; host?: string } = {}): Promise<{ server: Server; url: string }> {
  const dir = resolve(options.dir ?? 'dist');
  const rules = readHeadersFile(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = normalize(join(dir, decodeURIComponent(url.pathname)));
      if (path !== dir && !path.startsWith(dir + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      let info = await stat(path).catch(() => undefined);
      if (info?.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { Location: url.pathname + '/' + url.search }).end();
          return;
        }
        path = join(path, 'index.html');
        info = await stat(path).catch(() => undefined);
      }
      const ext = extname(path);
      // What the _headers file gives this path; anything it leaves out is revalidated.
      const common: Record<string, string> = { 'Cache-Control': CACHE_REVALIDATE, ...headersForPath(rules, url.pathname) };
      if (!info?.isFile()) {
        // The nearest 404 page up the tree: /zh-cn/… gets the Chinese one, as on hosts that do the same.
        const notFound = await readNearestNotFoundPage(dir, url.pathname);
        res.writeHead(404, { ...common, 'Content-Type': 'text/html; charset=utf-8' }).end(notFound);
        return;
      }
      const etag = entityTag(info);
      const validators = { ETag: etag, 'Last-Modified': info.mtime.toUTCString() };
      const conditional = { ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] };
      if ((req.method === 'GET' || req.method === 'HEAD') && notModified(conditional, etag, info.mtime)) {
        res.writeHead(304, { ...common, ...validators }).end();
        return;
      }
      const body = await readFile(path);
      res.writeHead(200, {
        ...common,
        ...validators,
        'Content-Type': common['Content-Type'] ?? contentTypes[ext] ?? 'application/octet-stream',
        'Content-Length': body.length,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : options.port;
      resolvePromise({ server, url: `http://${options.host ?? '127.0.0.1'}:${port}` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const { url } = await serveBook({ dir: arg('dir'), port: Number(arg('port') ?? process.env.PORT ?? 4321), host: arg('host') ?? '127.0.0.1' });
  console.log(`The book is at ${url}/  (Ctrl-C to stop)`);
}

/** The 404 page nearest to a path: dir/zh-cn/404.html (or …/404/index.html) for /zh-cn/…, else dir/404.html. */
async function readNearestNotFoundPage(dir: string, pathname: string): Promise<Buffer> {
  const segments = pathname.split('/').filter((s) => s !== '' && s !== '..' && s !== '.');
  for (let n = segments.length - 1; n >= 0; n--) {
    const base = join(dir, ...segments.slice(0, n));
    for (const candidate of [join(base, '404.html'), join(base, '404', 'index.html')]) {
      const page = await readFile(candidate).catch(() => undefined);
      if (page) return page;
    }
  }
  return Buffer.from('not found');
}
