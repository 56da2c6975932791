// Benchmarks (not tests): dist/ sizes and time to the first visible question, written to
// BENCHMARKS.md. Timings are medians of interleaved runs, reported as a ratio to a static HTML
// page holding the same question, served the same way in the same run (this machine is noisy).
// Usage: node scripts/bench.mjs [runs]   (after `trunk build --release --offline`)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/server.mjs';

const DIST = 'dist';
const RUNS = Math.max(5, Number(process.argv[2]) || 9);
const BUDGET_KB = 200;
const kb = (n) => (n / 1024).toFixed(1);

// ---- sizes -------------------------------------------------------------------------------
const files = readdirSync(DIST).filter((f) => statSync(join(DIST, f)).isFile()).sort();
const rows = files.map((f) => {
  const buf = readFileSync(join(DIST, f));
  return {
    f,
    raw: buf.length,
    gz: gzipSync(buf, { level: 9 }).length,
    br: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
// The first load: everything index.html pulls in before the first question shows.
const firstLoad = rows.filter((r) => !r.f.startsWith('embed.') && /\.(html|js|wasm|css|json)$/.test(r.f));
const sum = (rs, k) => rs.reduce((s, r) => s + r[k], 0);

// ---- timings -----------------------------------------------------------------------------
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const pages = {};
const server = await serve({ '/pyprep/': DIST }, { pages });
const appUrl = `${server.url}/pyprep/#/quiz/core?n=5&seed=bench`;

async function timeToQuestion(url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('h1.prompt').waitFor({ state: 'visible' });
  const t = await page.evaluate(() => performance.now());
  const prompt = await page.locator('h1.prompt').textContent();
  await context.close();
  return { t, prompt };
}

const first = await timeToQuestion(appUrl); // warm-up; also tells the baseline what to show
const css = readFileSync(join(DIST, files.find((f) => f.endsWith('.css'))), 'utf8');
pages['/baseline/'] = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>baseline</title>
<style>${css}</style></head><body><div class="app"><main class="quiz"><article class="card question">
<h1 class="prompt">${first.prompt.replace(/</g, '&lt;')}</h1><button class="button primary">Reveal answer</button>
</article></main></div></body></html>`;
const baseUrl = `${server.url}/baseline/`;
await timeToQuestion(baseUrl);

const app = [], base = [];
for (let i = 0; i < RUNS; i++) {
  base.push((await timeToQuestion(baseUrl)).t);
  app.push((await timeToQuestion(appUrl)).t);
}
await browser.close();
await server.close();

const mApp = median(app), mBase = median(base);
const total = sum(firstLoad, 'br');
const md = `# Benchmarks

Written by \`node scripts/bench.mjs\` (after \`trunk build --release --offline\`); do not edit by hand.
Measured ${new Date().toISOString().slice(0, 10)} on this project's 2-core machine, headless Chromium
(${RUNS} interleaved runs per page, median).

## Size of \`dist/\`

| file | raw | gzip -9 | brotli 11 |
|---|---:|---:|---:|
${rows.map((r) => `| \`${r.f.replace(/-[0-9a-f]{16}/, '-…')}\` | ${kb(r.raw)} KB | ${kb(r.gz)} KB | ${kb(r.br)} KB |`).join('\n')}
| **total** | ${kb(sum(rows, 'raw'))} KB | ${kb(sum(rows, 'gz'))} KB | ${kb(sum(rows, 'br'))} KB |

Whole first load (index.html, JS, wasm, CSS, questions.json): **${kb(total)} KB brotli**
(budget ${BUDGET_KB} KB: ${total <= BUDGET_KB * 1024 ? 'within' : `over by ${kb(total - BUDGET_KB * 1024)} KB`}).
\`embed.js\` and \`embed.html\` are not part of the widget's load (a host page loads \`embed.js\` only).

Where the wasm goes (one-off experiment, 2026-11-24, not rerun by this script): building the
same app with \`markdown::to_html\` stubbed out shrinks the wasm from 184 KB to 132 KB brotli, so
pulldown-cmark (parser, HTML entity table, HTML writer) costs about 52 KB of the first load;
Yew, serde_json and the app's own code make up the rest. \`opt-level = "s"\` was 21 KB larger than
\`"z"\`; wasm-opt \`-Oz\`, \`-Os\`, \`--converge\` differ by under 1 KB. \`questions.json\` (49 answers) is
62 KB brotli whether pretty-printed or minified.

## Time to the first question

From navigation start to the first question's heading being visible, for the quiz link
\`#/quiz/core?n=5&seed=bench\` on a cold context (no cache), served from loopback.

| page | median | ratio |
|---|---:|---:|
| static HTML page with the same question (baseline) | ${mBase.toFixed(0)} ms | 1.00 |
| PyPrep (wasm + questions.json) | ${mApp.toFixed(0)} ms | **${(mApp / mBase).toFixed(2)}×** |

Raw runs (ms) — baseline: ${base.map((x) => x.toFixed(0)).join(', ')}; PyPrep: ${app.map((x) => x.toFixed(0)).join(', ')}.
Absolute times say little on a shared machine; the ratio, measured side by side, is the number to watch.
`;
writeFileSync('BENCHMARKS.md', md);
console.log(md);
