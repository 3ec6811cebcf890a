/**
 * A small static server for the built book (dist/), with the headers a real host must send:
 * the Content-Security-Policy from dist/_headers, application/wasm for WebAssembly, and
 * directory URLs served from their index.html. Used by `npm start` and by the browser tests.
 *
 *   node scripts/serve.ts [--port 4321] [--host 127.0.0.1] [--dir dist]
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Headers for every path from a Netlify-style `_headers` file ("/*" blocks only, plus "/*.ext"). */
export function readHeadersFile(dir: string): { all: Record<string, string>; byExtension: Record<string, Record<string, string>> } {
  const all: Record<string, string> = {};
  const byExtension: Record<string, Record<string, string>> = {};
  const file = join(dir, '_headers');
  if (!existsSync(file)) return { all, byExtension };
  let target: Record<string, string> | undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim();
      if (pattern === '/*') target = all;
      else if (pattern.startsWith('/*.')) target = byExtension[pattern.slice(2)] ??= {};
      else target = undefined;
      continue;
    }
    const i = line.indexOf(':');
    if (target && i > 0) target[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return { all, byExtension };
}

export function serveBook(options: { dir?: string; port?: number; host?: string } = {}): Promise<{ server: Server; url: string }> {
  const dir = resolve(options.dir ?? 'dist');
  const headers = readHeadersFile(dir);
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
      const common = { ...headers.all, ...(headers.byExtension[ext] ?? {}) };
      if (!info?.isFile()) {
        // The nearest 404 page up the tree: /zh-cn/… gets the Chinese one, as on hosts that do the same.
        const notFound = await readNearestNotFoundPage(dir, url.pathname);
        res.writeHead(404, { ...common, 'Content-Type': 'text/html; charset=utf-8' }).end(notFound);
        return;
      }
      const body = await readFile(path);
      res.writeHead(200, {
        ...common,
        'Content-Type': common['Content-Type'] ?? contentTypes[ext] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
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
