// Lighthouse benchmark (not a test): the default (mobile, simulated throttling) config, all four
// categories, on the home screen and on a quiz link, each run a cold first visit (a fresh Chromium
// with its own temporary profile per run), served under /pyprep/ with brotli and caching like a CDN.
// Lighthouse is benchmark-only and not in package.json; scripts/bench.sh installs it on demand:
//   npm install --no-save --no-audit --no-fund lighthouse@13.5.0
// Usage: node scripts/lighthouse.mjs [dist] [runs]   (defaults: dist, 3)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serve } from '../tests/e2e/server.mjs';

const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const PAGES = [
  ['home', '/pyprep/'],
  ['quiz link', '/pyprep/#/quiz/core?n=5&seed=lighthouse'],
];
// Audits that are not pass/fail (no score, or informational only).
const UNSCORED = new Set(['notApplicable', 'informative', 'manual', 'error']);

const pct = (score) => (score == null ? null : Math.round(score * 100));
const ms = (audit) => (audit?.numericValue == null ? null : Math.round(audit.numericValue));

/**
 * The audits with a score below 1 in any of `categories`: { failing: all their ids, weighted ones
 * first; costing: the ids of those that carry weight (the ones that cost points) }.
 */
function failingAudits(lhr) {
  const found = new Map(); // id → highest weight in any category
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score == null || audit.score >= 1 || UNSCORED.has(audit.scoreDisplayMode)) continue;
      found.set(ref.id, Math.max(found.get(ref.id) ?? 0, ref.weight));
    }
  }
  const sorted = [...found].sort((a, b) => b[1] - a[1]);
  return { failing: sorted.map(([id]) => id), costing: sorted.filter(([, w]) => w > 0).map(([id]) => id) };
}

/** The LCP element's selector/snippet and its subparts (ttfb, load delay, …), when reported. */
function lcpDetails(lhr) {
  const audit = lhr.audits['largest-contentful-paint-element'] ?? lhr.audits['lcp-breakdown-insight'];
  const parts = audit?.details?.type === 'list' ? audit.details.items : [audit?.details].filter(Boolean);
  let element = null;
  const breakdown = {};
  for (const part of parts) {
    if (part.type === 'node') element = part;
    for (const item of part.items ?? []) {
      if (item.node) element = item.node;
      else if (item.type === 'node') element = item;
      else if (item.subpart) breakdown[item.subpart] = Math.round(item.duration);
    }
  }
  return { lcpElement: element ? { selector: element.selector, snippet: element.snippet } : null, lcpBreakdown: breakdown };
}

/** One Lighthouse run of `url` in a fresh Chromium (a new temporary profile): a cold first visit. */
async function runOnce(url) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS });
  try {
    const result = await lighthouse(url, {
      port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES,
    });
    if (!result?.lhr) throw new Error(`Lighthouse returned no result for ${url}`);
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

/**
 * Runs Lighthouse `runs` times in a row on the home screen and on a quiz link of `dist`. Returns
 * [{ page, run, performance, accessibility, bestPractices, seo (0–100), lcpMs, fcpMs, tbtMs, cls,
 * speedIndexMs, failing: [ids of audits scored below 1, weighted ones first], costing: [those of
 * them that carry weight], lcpElement: {selector, snippet} | null (null when Lighthouse could not
 * resolve the node, e.g. replaced at the hand-over), lcpBreakdown: {subpart: ms} (observed, not
 * throttled), runtimeError }].
 */
export async function lighthouseRuns(dist, { runs = 3 } = {}) {
  const server = await serve({ '/pyprep/': resolve(dist) }, { compress: true, cache: 'public, max-age=600' });
  const results = [];
  try {
    for (const [page, path] of PAGES) {
      for (let run = 1; run <= runs; run++) {
        const lhr = await runOnce(server.url + path);
        const a = lhr.audits;
        results.push({
          page, run,
          performance: pct(lhr.categories.performance?.score),
          accessibility: pct(lhr.categories.accessibility?.score),
          bestPractices: pct(lhr.categories['best-practices']?.score),
          seo: pct(lhr.categories.seo?.score),
          lcpMs: ms(a['largest-contentful-paint']),
          fcpMs: ms(a['first-contentful-paint']),
          tbtMs: ms(a['total-blocking-time']),
          cls: a['cumulative-layout-shift']?.numericValue == null ? null : Number(a['cumulative-layout-shift'].numericValue.toFixed(3)),
          speedIndexMs: ms(a['speed-index']),
          ...failingAudits(lhr),
          ...lcpDetails(lhr),
          runtimeError: lhr.runtimeError?.message ?? null,
        });
      }
    }
  } finally {
    await server.close();
  }
  return results;
}

/** A markdown table of `results` (page, run, scores, LCP, FCP, TBT, CLS) and the audits short of 100. */
export function lighthouseMarkdown(results) {
  const cell = (v) => (v == null ? '–' : String(v));
  const lines = [
    '| page | run | perf | a11y | best practices | SEO | LCP (ms) | FCP (ms) | TBT (ms) | CLS |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.page} | ${r.run} | ${[r.performance, r.accessibility, r.bestPractices, r.seo,
      r.lcpMs, r.fcpMs, r.tbtMs, r.cls].map(cell).join(' | ')} |`),
  ];
  const costing = [...new Set(results.flatMap((r) => r.costing))];
  const unweighted = [...new Set(results.flatMap((r) => r.failing))].filter((id) => !costing.includes(id));
  const ids = (list) => list.map((id) => `\`${id}\``).join(', ');
  lines.push('', (costing.length ? `Audits that kept a score from 100: ${ids(costing)}.` : 'No audit kept a score from 100.')
    + (unweighted.length ? ` Also below 1 but weightless: ${ids(unweighted)}.` : ''));
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = process.argv[2] || 'dist';
  const runs = Math.max(1, Number(process.argv[3]) || 3);
  const results = await lighthouseRuns(dist, { runs });
  console.log(lighthouseMarkdown(results));
  console.log('\n' + JSON.stringify(results, null, 2));
}
