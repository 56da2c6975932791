// What the first load is, measured in the browser rather than assumed: the files a page fetches
// before its first question is on view, and those it fetches after. Shared by load.test.mjs
// (the budget as a test) and scripts/bench.mjs (the numbers in BENCHMARKS.md).
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';

// #12 asked for 150 KB; the first screen without Yew is about 102 KB, and the guard keeps most of
// that gain: a feature that needs more loads after the first question.
export const BUDGET_KB = 120;

/** Brotli (quality 11, as a static host precompresses) size of `buf`, in bytes. */
export function brotliBytes(buf) {
  return brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/** Brotli (quality 11) size of a file, in bytes. */
export function brotliSize(path) {
  return brotliBytes(readFileSync(path));
}

/** The median of `xs` (the upper one of an even count; NaN when empty). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
}

// An init script: notes in `window.__firstQuestion` when the first question is on view: the
// first animation frame after its heading enters the page (for a static page, after the parser
// inserts it).
export const MARK_FIRST_QUESTION = `new MutationObserver((_, observer) => {
  if (document.querySelector('h1.prompt')) {
    observer.disconnect();
    requestAnimationFrame(() => { window.__firstQuestion = performance.now(); });
  }
}).observe(document, { childList: true, subtree: true });`;

/**
 * Opens `url` (a quiz link under `prefix`) in a fresh context, waits for the first question and
 * then for the app module, and returns the files (paths below `prefix`, query stripped)
 * fetched `before` and `after` the first question was on view, and that moment in ms.
 */
export async function measureFirstLoad(browser, url, prefix) {
  const context = await browser.newContext();
  try {
    await context.addInitScript(MARK_FIRST_QUESTION);
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('h1.prompt').waitFor({ state: 'visible' });
    await page.waitForFunction(() => window.__firstQuestion !== undefined);
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((e) => /pyprep-app[^/]*_bg\.wasm/.test(e.name)),
    );
    const { entries, firstQuestion } = await page.evaluate(() => ({
      firstQuestion: window.__firstQuestion,
      entries: performance
        .getEntriesByType('resource')
        .map((e) => ({ name: e.name, start: e.startTime })),
    }));
    const file = (name) => {
      const path = decodeURIComponent(new URL(name).pathname);
      return path.startsWith(prefix) ? path.slice(prefix.length) : path;
    };
    return {
      firstQuestion,
      before: ['index.html', ...entries.filter((e) => e.start < firstQuestion).map((e) => file(e.name))],
      after: entries.filter((e) => e.start >= firstQuestion).map((e) => file(e.name)),
    };
  } finally {
    await context.close();
  }
}

/** Brotli sizes of `files` in `dist`: [{ file, br }], plus their total. */
export function sizes(dist, files) {
  const rows = files.map((file) => ({ file, br: brotliSize(join(dist, file)) }));
  return { rows, total: rows.reduce((s, r) => s + r.br, 0) };
}
