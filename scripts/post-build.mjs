// trunk post_build hook, release builds only (TRUNK_PROFILE=release):
// 1. Minifies wasm-bindgen's JS glue with terser. trunk's own minifier can't parse the glue's
//    `export { … as default }` (its "Failed to minify JS" warning) and leaves it; this saves
//    ~1.5 KB brotli of the first load. embed.js stays readable.
// 2. Gives the app module (pyprep-app.js + pyprep-app_bg.wasm, which trunk names without a
//    hash because it builds them as a "worker") content-hashed names like the app's, and points
//    index.html's loader at them, so a cache can never pair an old app module with a new first screen or an
//    old glue with a new wasm.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

if (process.env.TRUNK_PROFILE === 'release') {
  const dir = process.env.TRUNK_STAGING_DIR;
  const path = (name) => join(dir, name);

  for (const name of readdirSync(dir).filter((f) => /^pyprep.*\.js$/.test(f))) {
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
