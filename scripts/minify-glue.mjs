// trunk post_build hook: minifies wasm-bindgen's JS glue in release builds. trunk's own
// minifier can't parse the glue's `export { … as default }` and leaves it as is (its "Failed to
// minify JS" warning); terser saves ~1.5 KB brotli of the first load. embed.js stays readable.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

if (process.env.TRUNK_PROFILE === 'release') {
  const dir = process.env.TRUNK_STAGING_DIR;
  for (const name of readdirSync(dir).filter((f) => /^pyprep.*\.js$/.test(f))) {
    const path = join(dir, name);
    const { code } = await minify(readFileSync(path, 'utf8'), { module: true, compress: true, mangle: true });
    writeFileSync(path, code);
  }
}
