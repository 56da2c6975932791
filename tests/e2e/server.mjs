// A tiny static server for tests and benchmarks: serves a folder under a URL prefix (a sub-path,
// like a project page on a static host), with the right MIME types. By default uncompressed and
// uncached; `compress` and `cache` make it behave like a CDN (brotli on the fly, cacheable).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompress, constants } from 'node:zlib';
import { promisify } from 'node:util';

const brotli = promisify(brotliCompress);

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
  '.zip': 'application/zip', '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `mounts` ({ '/pyprep/': '/path/to/dist' }) on 127.0.0.1 at `port` (0: any free port).
 * `log` (an array) receives every requested path. `compress: true` brotli-compresses every
 * response to a client that accepts it (quality 5, like a CDN compressing on the fly; cached in
 * memory per file); `cache` is the files' Cache-Control (default `no-store`).
 * Resolves to { server, url, port, close }.
 */
export async function serve(mounts, { port = 0, log = null, pages = {}, compress = false, cache = 'no-store' } = {}) {
  const compressed = new Map(); // file → Promise<Buffer> (brotli)
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (log) log.push(path);
    if (pages[path] !== undefined) {
      const headers = { 'content-type': TYPES['.html'], 'cache-control': 'no-store' };
      let body = Buffer.from(pages[path]);
      if (compress && /\bbr\b/.test(req.headers['accept-encoding'] || '')) {
        body = await brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
        headers['content-encoding'] = 'br';
      }
      res.writeHead(200, headers);
      res.end(body);
      return;
    }
    const first = Object.keys(mounts)[0];
    if (path === '/' && first && first !== '/') {
      res.writeHead(302, { location: first });
      res.end();
      return;
    }
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      let file = resolve(dir, '.' + normalize('/' + path.slice(prefix.length)));
      if (!file.startsWith(resolve(dir))) break;
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        let body = await readFile(file);
        const headers = {
          'content-type': TYPES[extname(file)] || 'application/octet-stream',
          'cache-control': cache,
          // As GitHub Pages does: lets a sandboxed (opaque-origin) iframe load the widget.
          'access-control-allow-origin': '*',
        };
        if (compress && /\bbr\b/.test(req.headers['accept-encoding'] || '')) {
          if (!compressed.has(file)) {
            const params = { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length };
            compressed.set(file, brotli(body, { params }));
          }
          body = await compressed.get(file);
          headers['content-encoding'] = 'br';
          headers.vary = 'Accept-Encoding';
        }
        headers['content-length'] = body.length;
        res.writeHead(200, headers);
        res.end(body);
        return;
      } catch {
        break;
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const p = server.address().port;
  return {
    server,
    port: p,
    url: `http://127.0.0.1:${p}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
