// trunk post_build hook.
// Every profile (`trunk serve` runs it too):
// 0. Copies the live-coding Python worker (python-worker.js) and the part of Pyodide it needs
//    (node_modules/pyodide → pyodide/) next to index.html, and writes pyodide/manifest.json:
//    the raw byte size of each file the worker downloads (its progress bar counts decoded bytes
//    against these, whatever a server's Content-Encoding) and the lock file's `info` (so the
//    worker hands Pyodide an empty lock file instead of downloading 119 KB of package index).
//    Nothing here is part of the first load: the worker is created by the live-coding view.
// 1. Splits the staged questions.json (scripts/split-bank.mjs): the prompts stay, the answers go
//    to answers.json (fetched with the app module once the first question is on view), the
//    challenges' runnable parts to challenges.json (fetched by the app). The first question needs
//    only its prompt: 3 KB brotli instead of 62. What a site owner puts inline in questions.json
//    still works.
// Release builds only (TRUNK_PROFILE=release):
// 2. Minifies wasm-bindgen's JS glue with terser. trunk's own minifier can't parse the glue's
//    `export { … as default }` (its "Failed to minify JS" warning) and leaves it; this saves
//    ~1.5 KB brotli of the first load. embed.js stays readable.
// 3. Gives the app module (pyprep-app.js + pyprep-app_bg.wasm, which trunk names without a
//    hash because it builds them as a "worker") content-hashed names like the app's, and points
//    index.html's loader at them, so a cache can never pair an old app module with a new first screen or an
//    old glue with a new wasm.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitBank } from './split-bank.mjs';

// The npm packages (`npm ci`, which scripts/setup.sh runs) are optional here, so a bare
// `trunk build --release --offline` on a fresh clone works: without terser the JS glue stays
// unminified (~1.5 KB more brotli), without pyodide the deploy has no Python runtime (the
// challenge view then says so in place of Run). Each says what it skipped.
const minify = await import('terser').then(
  (m) => m.minify,
  () => {
    console.warn('post-build: npm package terser not installed (run `npm ci`): JS glue left unminified');
    return null;
  },
);

{
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dir = process.env.TRUNK_STAGING_DIR;
  const from = join(root, 'node_modules', 'pyodide');
  const to = join(dir, 'pyodide');
  rmSync(to, { recursive: true, force: true });
  copyFileSync(join(root, 'python-worker.js'), join(dir, 'python-worker.js'));
  if (!existsSync(join(from, 'package.json'))) {
    console.warn('post-build: npm package pyodide not installed (run `npm ci`): no Python runtime in this build');
  } else {
    // The worker loads exactly these (measured in Chromium: tests/e2e/python.test.mjs); no
    // pyodide-lock.json, pyodide.js, source maps or consoles.
    const FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip'];
    const DOWNLOADED = FILES.slice(1); // pyodide.mjs is imported before the progress bar starts
    mkdirSync(to);
    for (const name of FILES) {
      if (name.endsWith('.mjs')) {
        // Drop the source-map comment: the maps aren't deployed (DevTools would 404 on them).
        const text = readFileSync(join(from, name), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
        writeFileSync(join(to, name), text);
      } else {
        copyFileSync(join(from, name), join(to, name));
      }
    }
    const pkg = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8'));
    const lock = JSON.parse(readFileSync(join(from, 'pyodide-lock.json'), 'utf8'));
    const manifest = {
      pyodide: pkg.version,
      python: lock.info.python,
      lockInfo: lock.info,
      sizes: Object.fromEntries(DOWNLOADED.map((name) => [name, readFileSync(join(to, name)).length])),
    };
    writeFileSync(join(to, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  }
}

splitBank(process.env.TRUNK_STAGING_DIR);

if (process.env.TRUNK_PROFILE === 'release') {
  const dir = process.env.TRUNK_STAGING_DIR;
  const path = (name) => join(dir, name);

  for (const name of readdirSync(dir).filter((f) => minify && /^pyprep.*\.js$/.test(f))) {
    const { code } = await minify(readFileSync(path(name), 'utf8'), { module: true, compress: true, mangle: true });
    writeFileSync(path(name), code);
  }

  const [js, wasm] = ['pyprep-app.js', 'pyprep-app_bg.wasm'];
  const glue = readFileSync(path(js), 'utf8');
  const hash = createHash('sha256').update(glue).update(readFileSync(path(wasm))).digest('hex').slice(0, 16);
  const named = (file) => file.replace('pyprep-app', `pyprep-app-${hash}`);
  replaceOnce(js, wasm, named(wasm), glue);
  renameSync(path(js), path(named(js)));
  renameSync(path(wasm), path(named(wasm)));
  replaceOnce('index.html', `./${js}`, `./${named(js)}`);

  // Replaces `from` (which must occur exactly once) in the staged file `name`.
  function replaceOnce(name, from, to, text = readFileSync(path(name), 'utf8')) {
    const parts = text.split(from);
    if (parts.length !== 2) {
      console.error(`post-build: expected ${from} once in ${name}, found it ${parts.length - 1} times`);
      process.exit(1);
    }
    writeFileSync(path(name), parts.join(to));
  }
}

// Every profile:
// 4. The first screen starts once index.html's shell is painted, and shows its question as soon
//    as its files are there: trunk's loader (a module script importing the glue, then
//    fetching and instantiating the wasm, with the glue and wasm preloaded before the first
//    paint) is replaced by one that
//    - waits for the first frame (at most 100 ms, so a background tab still starts): the page
//      paints its heading and intro with nothing in flight (Lighthouse's LCP is that paint);
//    - starts the three downloads together: the wasm, compiled as it arrives
//      (`pyprepBoot.wasm`, a WebAssembly.Module), the bank (`pyprepBoot.bank`, a promise of
//      `{ status, text }`: web::first takes it, so reading it costs no task of its own) and
//      the glue (an import);
//    - instantiates the compiled wasm synchronously (`initSync`), which runs the first screen.
//    A failed download of the wasm or the glue rejects the module script: index.html's shell
//    says so, with "Try again"; a failed bank download is the first screen's to report.
{
  const file = join(process.env.TRUNK_STAGING_DIR, 'index.html');
  let html = readFileSync(file, 'utf8');
  const loader = /import init, \* as bindings from '(\.\/pyprep-[^']+\.js)';\s*const wasm = await init\(\{ module_or_path: '(\.\/pyprep-[^']+_bg\.wasm)' \}\);/;
  const m = loader.exec(html);
  const preloads = /<link\b[^>]*\brel="?(?:modulepreload|preload)"?[^>]*>/g;
  if (!m || (html.match(preloads) ?? []).length !== 2) {
    console.error("post-build: trunk's loader or its two preloads not found in index.html");
    process.exit(1);
  }
  const [, js, wasm] = m;
  html = html.replace(preloads, '').replace(loader, () => `await new Promise((go) => { requestAnimationFrame(() => setTimeout(go)); setTimeout(go, 100); });
window.pyprepBoot = {
  wasm: fetch('${wasm}').then((r) => {
    if (!r.ok) throw new Error(\`${wasm.slice(2)} did not load (HTTP \${r.status})\`);
    return WebAssembly.compileStreaming && /^application\\/wasm\\b/.test(r.headers.get('content-type'))
      ? WebAssembly.compileStreaming(r)
      : r.arrayBuffer().then((b) => WebAssembly.compile(b));
  }),
  bank: fetch('questions.json').then((r) => r.ok ? r.text().then((text) => ({ status: r.status, text })) : { status: r.status }),
};
pyprepBoot.bank.catch(() => {});
const bindings = await import('${js}');
const wasm = bindings.initSync({ module: await pyprepBoot.wasm });`);
  writeFileSync(file, html);
}

// Every profile, last (after the app module got its hashed name):
// 5. Offline and installable: copies manifest.webmanifest and icons/ (PNG, SVG) next to
//    index.html, and writes sw.js (the service worker index.html registers once the page has
//    loaded) with this build's file list on its BUILD line: every file of the folder but
//    pyodide/ (cached by the worker once used), embed.js and embed.html (for host pages) and
//    sw.js itself; the hashed files index.html names (the worker only keeps an index.html that
//    still names them); a version hashed from the files' contents and the worker's own text
//    (a new build is a new sw.js, so browsers install it); and the Pyodide version.
{
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dir = process.env.TRUNK_STAGING_DIR;
  copyFileSync(join(root, 'manifest.webmanifest'), join(dir, 'manifest.webmanifest'));
  rmSync(join(dir, 'icons'), { recursive: true, force: true });
  mkdirSync(join(dir, 'icons'));
  for (const name of readdirSync(join(root, 'icons')).filter((f) => /\.(png|svg)$/.test(f))) {
    copyFileSync(join(root, 'icons', name), join(dir, 'icons', name));
  }
  const SKIP = new Set(['sw.js', 'embed.js', 'embed.html', 'pyodide']);
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1).split('\\').join('/'))
    .filter((f) => !SKIP.has(f.split('/')[0]))
    .sort();
  const template = readFileSync(join(root, 'sw.js'), 'utf8');
  const hash = createHash('sha256').update(template);
  for (const f of files) hash.update(`${f}\0`).update(readFileSync(join(dir, f))).update('\0');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const pins = files.filter((f) => /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/.test(f) && html.includes(f));
  const pyodide = existsSync(join(dir, 'pyodide', 'manifest.json'))
    ? JSON.parse(readFileSync(join(dir, 'pyodide', 'manifest.json'), 'utf8')).pyodide
    : null;
  const build = { version: hash.digest('hex').slice(0, 16), files, pins, pyodide };
  const line = /^const BUILD = .*$/m;
  if (!line.test(template) || !files.includes('index.html') || !pins.length) {
    console.error('post-build: sw.js has no BUILD line, or the build has no index.html or hashed files');
    process.exit(1);
  }
  writeFileSync(join(dir, 'sw.js'), template.replace(line, `const BUILD = ${JSON.stringify(build)};`));
}
