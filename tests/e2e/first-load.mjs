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
// inserts it), and logs FIRST_QUESTION_LOG then (see `firstQuestionSeen`).
export const FIRST_QUESTION_LOG = 'pyprep:first-question';
export const MARK_FIRST_QUESTION = `new MutationObserver((_, observer) => {
  if (document.querySelector('h1.prompt')) {
    observer.disconnect();
    requestAnimationFrame(() => {
      window.__firstQuestion = performance.now();
      console.debug('${FIRST_QUESTION_LOG}');
    });
  }
}).observe(document, { childList: true, subtree: true });`;

/**
 * The moment (ms since navigation) `page`'s first question was on view, as MARK_FIRST_QUESTION
 * noted it; call before navigating. It waits for the mark's log line instead of asking the
 * page: Playwright's selector engine, injected by the first locator or waitForFunction, parses
 * 10–17 ms of script on the page's main thread, which lands in the middle of a loading page.
 */
export async function firstQuestionSeen(page, timeout = 30_000) {
  await page.waitForEvent('console', { predicate: (m) => m.text() === FIRST_QUESTION_LOG, timeout });
  return page.evaluate(() => window.__firstQuestion);
}

/**
 * Opens `url` (a quiz link under `prefix`) in a fresh context, waits for the first question and
 * then for the app module, and returns the files (paths below `prefix`, query stripped)
 * fetched `before` and `after` the first question was on view (the favicon always before), and
 * that moment in ms.
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
    // The tab's icon counts wherever the browser's request for it fell: every first visit
    // fetches it.
    const first = (e) => e.start < firstQuestion || /\/icons\/favicon-/.test(e.name);
    return {
      firstQuestion,
      before: ['index.html', ...entries.filter(first).map((e) => file(e.name))],
      after: entries.filter((e) => !first(e)).map((e) => file(e.name)),
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
