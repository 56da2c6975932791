// A tiny static server for tests and benchmarks: serves a folder under a URL prefix (a sub-path,
// like a project page on a static host), with the right MIME types and optional compression off.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `mounts` ({ '/pyprep/': '/path/to/dist' }) on 127.0.0.1 at `port` (0: any free port).
 * `log` (an array) receives every requested path. Resolves to { server, url, port, close }.
 */
export async function serve(mounts, { port = 0, log = null, pages = {} } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (log) log.push(path);
    if (pages[path] !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      res.end(pages[path]);
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
        const body = await readFile(file);
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] || 'application/octet-stream',
          'cache-control': 'no-store',
          // As GitHub Pages does: lets a sandboxed (opaque-origin) iframe load the widget.
          'access-control-allow-origin': '*',
        });
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
