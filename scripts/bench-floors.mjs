// What the 1.5× target for the time to the first question would take (a benchmark, not a test):
// three variants of the built index.html, each with no download between its shell and its first
// question, timed interleaved with the same static baseline as bench.mjs:
// - `inline-js`: a script at the end of index.html writes the app's own first-question markup
//   (copied from the real first screen) into #app: what any first screen can reach when it needs
//   neither a download nor a wasm: the floor of index.html itself.
// - `inline-compile`: the same, after decoding the first screen's wasm from base64 inlined in
//   index.html and compiling it (not running it): what carrying today's first screen in the
//   page costs before any of its code runs.
// - `inline-wasm`: the first screen itself (glue, wasm in base64 and the bank's prompts) inlined
//   into index.html and run synchronously at the end of the page; so no round trip after the
//   shell's paint.
// Used by scripts/bench.mjs; the variants are built in a temporary folder from `dist`.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliBytes, median } from '../tests/e2e/first-load.mjs';
import { copyDist } from './bench-interaction.mjs';

/** The module script trunk's loader became (scripts/post-build.mjs, step 4). */
const LOADER = /<script type=module>[^<]*window\.pyprepBoot[\s\S]*?<\/script>/;

/** The glue (an ES module) as a classic script's function body returning `{ initSync }`. */
function classicGlue(js) {
  const m = /export\s*\{([^}]*)\}\s*;?\s*$/.exec(js);
  const local = m && /(?:^|,)\s*([\w$]+)\s+as\s+initSync\b/.exec(m[1]);
  const name = local ? local[1] : m && /(?:^|,)\s*initSync\s*(?:,|$)/.test(m[1]) ? 'initSync' : null;
  if (!name) throw new Error('bench-floors: no initSync export in the glue');
  return js.slice(0, m.index).replace(/import\.meta\.url/g, 'document.baseURI') + `;return{initSync:${name}};`;
}

/** `dist` copied to `dir` with its index.html's loader replaced by `script` (at the end of body). */
function variant(dist, dir, script) {
  copyDist(dist, dir);
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  if (!LOADER.test(html)) throw new Error("bench-floors: the first screen's loader is not in index.html");
  const safe = script.replace(/<\/(script)/gi, '<\\/$1');
  writeFileSync(join(dir, 'index.html'), html.replace(LOADER, '').replace('</body>', () => `<script>${safe}</script></body>`));
  return brotliBytes(readFileSync(join(dir, 'index.html')));
}

/**
 * Builds the three variants of `dist` (see the top of this file), serves them with `serve` (the
 * tests' static server, compressed) and times each `runs` times, interleaved with `baseUrl` and
 * the real app (`suffix`: the quiz link), using `timeToQuestion(url) → { t }`; `screenUrl`: a
 * static page of the first screen's own markup, timed in the same runs (a second baseline).
 * `markup`: the real first screen's #app markup at its first question. `lighthouse(dir)`, if
 * given, is run on the `inline-wasm` variant's folder; its result is returned as `lighthouse`.
 */
export async function measureFloors({ dist, serve, timeToQuestion, baseUrl, screenUrl, suffix, markup, runs, lighthouse = null }) {
  const root = mkdtempSync(join(tmpdir(), 'pyprep-floors-'));
  try {
    const files = readdirSync(dist);
    const glue = files.find((f) => /^pyprep-[0-9a-f]+\.js$/.test(f));
    const wasm = files.find((f) => /^pyprep-[0-9a-f]+_bg\.wasm$/.test(f));
    const b64 = readFileSync(join(dist, wasm)).toString('base64');
    const decode = `var s=${JSON.stringify(b64)};var bytes=Uint8Array.fromBase64?Uint8Array.fromBase64(s):Uint8Array.from(atob(s),function(c){return c.charCodeAt(0)});`;
    const show = `var shell=document.getElementById('shell');if(shell)shell.remove();document.getElementById('app').innerHTML=${JSON.stringify(markup)};`;
    const bank = readFileSync(join(dist, 'questions.json'), 'utf8');
    const sizes = {
      'inline-js': variant(dist, join(root, 'inline-js'), `(function(){${show}})();`),
      'inline-compile': variant(dist, join(root, 'inline-compile'), `(function(){${decode}new WebAssembly.Module(bytes);${show}})();`),
      'inline-wasm': variant(dist, join(root, 'inline-wasm'), `window.pyprepBoot={bank:Promise.resolve({status:200,text:${JSON.stringify(bank)}})};
(function(){${decode}var glue=(function(){${classicGlue(readFileSync(join(dist, glue), 'utf8'))}})();glue.initSync({module:new WebAssembly.Module(bytes)});})();`),
    };
    const server = await serve(Object.fromEntries(Object.keys(sizes).map((k) => [`/${k}/`, join(root, k)])), { compress: true });
    try {
      const names = Object.keys(sizes);
      const urls = names.map((k) => `${server.url}/${k}/${suffix}`);
      for (const u of urls) await timeToQuestion(u); // warm-up
      const times = Object.fromEntries(names.map((k) => [k, []]));
      const base = [], screen = [];
      for (let i = 0; i < runs; i++) {
        base.push((await timeToQuestion(baseUrl)).t);
        screen.push((await timeToQuestion(screenUrl)).t);
        for (let j = 0; j < names.length; j++) times[names[j]].push((await timeToQuestion(urls[j])).t);
      }
      const mBase = median(base), mScreen = median(screen);
      return {
        base: mBase,
        screen: mScreen,
        lighthouse: lighthouse && (await lighthouse(join(root, 'inline-wasm'))),
        rows: names.map((k) => ({ name: k, br: sizes[k], t: median(times[k]), ratio: median(times[k]) / mBase, toScreen: median(times[k]) / mScreen })),
      };
    } finally {
      await server.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
