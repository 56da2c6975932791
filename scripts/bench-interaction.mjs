// Benchmarks (not tests) of responsiveness, for BENCHMARKS.md: how long the quiz takes to answer
// a click or a key (reveal, grade → next question, grade → summary), and how PyPrep copes with a
// generated bank of 5,000 questions (time to the first question against the shipped bank, a
// keystroke in the study page's search, opening the dashboard with a history of 1,000 questions).
//
// How an interaction is timed (INTERACTION_MARKS, an init script), the same for every action:
//   input:<kind>    the input event's own timestamp (`event.timeStamp` of the click, keydown or
//                   hashchange), noted by a capture-phase listener on window before any handler;
//   dom:<kind>      the first DOM mutation after it that the action makes (a MutationObserver;
//                   its callback runs once the microtask in which Yew rendered ends, so this is
//                   after the app's handlers and Yew's patch of the DOM, and after whatever
//                   layout they forced, e.g. by focus()). For the dashboard: once its "Your
//                   progress" heading is in the page. A keystroke that changes no DOM (the same
//                   matches as before) ends here at the bubbling `input` listener on window,
//                   after the app's handler and render;
//   frame:<kind>    the start of the next animation frame after that (a requestAnimationFrame
//                   callback queued from the observer);
//   painted:<kind>  the first task after that frame (scheduler.postTask, user-blocking, queued
//                   from the frame callback, so it runs ahead of timers such as Yew's
//                   continuation after a render over 16 ms): the frame's style, layout, paint
//                   and commit are done on the main thread.
// The measure `<kind>` spans input → painted: input delay, handlers, Yew's render, the wait for
// the frame and that frame's style/layout/paint; what the Event Timing API (INP) measures, minus
// the compositor's presentation of the pixels, which the page can't observe. While an action is
// timed nothing of Playwright's runs in the page (the driver asks for the sample before sending
// the input and is answered by a promise, no polling).
//
// Usage: node scripts/bench-interaction.mjs [dist]   (default dist: 'dist'; prints markdown)
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/server.mjs';
import { MARK_FIRST_QUESTION, firstQuestionSeen, median } from '../tests/e2e/first-load.mjs';
import { splitBank } from './split-bank.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PROGRESS_KEY = 'pyprep.v1.progress'; // src/progress.rs PROGRESS_KEY
const TARGET = { interaction: 16, ratio: 2, keystroke: 50, dashboard: 50 };
const GRADES = { 1: 'Missed it', 2: 'Partly', 3: 'Got it', 4: 'Nailed it' };

const stats = (xs) => ({ median: median(xs), max: Math.max(...xs), samples: xs });

// ---- the marks ---------------------------------------------------------------------------
// Before an action the driver sets `window.__arm = { kind, on, until }`: `on` the event type that
// starts it (click, keydown or hashchange), `until` an optional selector + text the DOM must show.
// Each completed action is pushed to `window.__interactions` ({ kind, input, dom, frame, painted }),
// and recorded as a performance measure named `kind` (input → painted) with those marks.
export const INTERACTION_MARKS = `(() => {
  window.__interactions = [];
  const waiters = [];
  // Resolves with sample n once it is recorded: the driver asks before sending the input, so
  // nothing of Playwright's runs in the page while an interaction is being timed.
  window.__sample = (n) => new Promise((ok) => {
    if (window.__interactions.length > n) ok(window.__interactions[n]);
    else waiters.push({ n, ok });
  });
  let armed = null;
  const start = (event) => {
    const a = window.__arm;
    if (!a || a.on !== event.type || armed) return;
    window.__arm = null;
    armed = { ...a, input: event.timeStamp };
    performance.mark('input:' + a.kind, { startTime: event.timeStamp });
  };
  for (const type of ['click', 'keydown', 'hashchange']) {
    window.addEventListener(type, start, { capture: true });
  }
  const done = (_, __, unchanged = false) => {
    if (!armed) return;
    if (armed.until && !unchanged) {
      const el = [...document.querySelectorAll(armed.until.selector)]
        .find((e) => !armed.until.text || e.textContent.trim() === armed.until.text);
      if (!el) return;
    }
    const a = armed;
    armed = null;
    a.dom = performance.now();
    a.changed = !unchanged;
    performance.mark('dom:' + a.kind, { startTime: a.dom });
    requestAnimationFrame(() => {
      a.frame = performance.now();
      performance.mark('frame:' + a.kind, { startTime: a.frame });
      const after = () => {
        a.painted = performance.now();
        performance.mark('painted:' + a.kind, { startTime: a.painted });
        performance.measure(a.kind, { start: a.input, end: a.painted });
        window.__interactions.push({ kind: a.kind, input: a.input, dom: a.dom, frame: a.frame, painted: a.painted, changed: a.changed });
        for (const w of waiters.splice(0)) {
          if (window.__interactions.length > w.n) w.ok(window.__interactions[w.n]);
          else waiters.push(w);
        }
      };
      // The first task after this frame's rendering, ahead of timers already queued (Yew's
      // scheduler continues its work in a setTimeout when a render runs past 16 ms).
      if (window.scheduler?.postTask) scheduler.postTask(after, { priority: 'user-blocking' });
      else {
        const channel = new MessageChannel();
        channel.port1.onmessage = after;
        channel.port2.postMessage(0);
      }
    });
  };
  // A keystroke that changes no DOM (the same matches as before): the span ends at the frame
  // after the input event's handlers, Yew's render included (it runs in a microtask after the
  // app's listener, before this bubble-phase listener on window).
  window.addEventListener('input', () => { if (armed && armed.settle === 'input') done(null, null, true); });
  new MutationObserver(done).observe(document, {
    childList: true, subtree: true, attributes: true, characterData: true,
  });
})();`;

/** Arms the marks for `kind`, runs `act()` (which sends the input), waits for the sample. */
async function timed(page, kind, on, act, { until = null, settle = null } = {}) {
  const n = await page.evaluate(({ kind, on, until, settle }) => {
    window.__arm = { kind, on, until, settle };
    return window.__interactions.length;
  }, { kind, on, until, settle });
  const sample = page.evaluate((n) => window.__sample(n), n);
  sample.catch(() => {}); // if act() fails, its error is the one reported
  await act();
  let timer;
  const timeout = new Promise((_, fail) => {
    timer = setTimeout(async () => {
      const state = await page.evaluate(() => ({ hash: location.hash, arm: window.__arm, main: document.querySelector('main')?.className }))
        .catch(() => null);
      fail(new Error(`no ${kind} sample within 60 s (page: ${JSON.stringify(state)})`));
    }, 60_000);
  });
  const s = await Promise.race([sample, timeout]).finally(() => clearTimeout(timer));
  if (s.kind !== kind) throw new Error(`expected a ${kind} sample, got ${s.kind}`);
  return s;
}

const total = (s) => s.painted - s.input;

async function newContext(browser, init = []) {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: 1280, height: 800 },
    reducedMotion: 'reduce',
  });
  for (const script of init) await context.addInitScript(script);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.setDefaultNavigationTimeout(60_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

const appReady = (page) => page.locator('html[data-app="app"] #app main').first().waitFor({ state: 'visible' });

// ---- 1. the quiz: reveal, grade → next, grade → summary ------------------------------------
/**
 * `rounds` quizzes by mouse (Playwright clicks) and `keyRounds` by keyboard (Space / Enter
 * reveal, a digit grades), each in a fresh context on `${baseUrl}#/quiz/core?n=10&seed=resp<i>`
 * (a seed per quiz: each draws the questions in another order, and a reveal's time depends on
 * its answer, so one keyboard quiz's median said more about its questions than about keys).
 * Grading moves straight to the next question (there is no Next button); grading the last one
 * shows the summary ("finish"). Returns { mouse: {reveal, next, finish}, keys: {…}, questions,
 * firstReveal }: per action { median, max, samples } in ms and `parts`, the medians of
 * handlers (input → dom), wait (dom → frame) and frame (frame → painted).
 */
export async function measureInteractions(browser, baseUrl, { rounds = 5, keyRounds = 3 } = {}) {
  const raw = { mouse: { reveal: [], next: [], finish: [] }, keys: { reveal: [], next: [], finish: [] } };
  const firstReveal = []; // the first reveal of each page (the renderer's code runs for the first time)
  let questions = 0;
  for (let i = 0; i < rounds + keyRounds; i++) {
    const by = i < rounds ? 'mouse' : 'keys';
    const { context, page, errors } = await newContext(browser, [INTERACTION_MARKS]);
    try {
      await page.goto(`${baseUrl}#/quiz/core?n=10&seed=resp${i}`);
      await appReady(page);
      await page.locator('h1.prompt').first().waitFor();
      for (let k = 0; ; k++) {
        const counter = (await page.locator('.counter').textContent()).trim();
        const [, at, of] = /^Question (\d+) of (\d+)$/.exec(counter).map(Number);
        if (by === 'mouse') {
          raw[by].reveal.push(await timed(page, 'reveal', 'click',
            () => page.getByRole('button', { name: 'Reveal answer' }).click()));
        } else {
          if (k === 0) await page.locator('h1.prompt').first().focus(); // on a fresh page the body; as after a grade
          raw[by].reveal.push(await timed(page, 'reveal', 'keydown',
            () => page.keyboard.press(k % 2 ? 'Enter' : 'Space')));
        }
        if (k === 0) firstReveal.push(total(raw[by].reveal.at(-1)));
        await page.locator('section.answer .prose').first().waitFor();
        const grade = (k % 4) + 1;
        const last = at === of;
        const kind = last ? 'finish' : 'next';
        const act = by === 'mouse'
          ? () => page.getByRole('group', { name: 'Grade your answer' })
            .getByRole('button', { name: GRADES[grade], exact: true }).click()
          : () => page.keyboard.press(String(grade));
        raw[by][kind].push(await timed(page, kind, by === 'mouse' ? 'click' : 'keydown', act));
        questions++;
        if (last) {
          await page.getByRole('heading', { name: 'Quiz complete' }).waitFor();
          break;
        }
        await page.waitForFunction((t) => document.querySelector('.counter')?.textContent.trim() === t,
          `Question ${at + 1} of ${of}`);
      }
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    } finally {
      await context.close();
    }
  }
  const summarize = (samples) => ({
    ...stats(samples.map(total)),
    // medians of the parts: input → DOM patched, DOM → frame start, frame → painted
    parts: {
      handlers: median(samples.map((s) => s.dom - s.input)),
      wait: median(samples.map((s) => s.frame - s.dom)),
      frame: median(samples.map((s) => s.painted - s.frame)),
    },
  });
  const out = { questions, rounds, keyRounds, firstReveal };
  for (const by of ['mouse', 'keys']) {
    out[by] = Object.fromEntries(Object.entries(raw[by]).map(([k, v]) => [k, summarize(v)]));
  }
  return out;
}

// ---- 2. a bank of 5,000 questions --------------------------------------------------------
const BIG = 5_000;

/**
 * The source bank's categories, prep and 49 questions, cycled to `n` questions: the originals
 * first, unchanged; then copies `<id>-g<copy>` with the prompt prefixed by its number ("50. …")
 * and the same category, difficulty, answer, key points, tags and follow-ups. Copies drop
 * `challenge`: the 9 originals keep theirs (a bank of 5,000 would not hold ~900 coding
 * challenges, and their tests and starters would only inflate challenges.json).
 */
export function bigBank(source, n = BIG) {
  const qs = source.questions;
  const questions = [];
  for (let i = 0; i < n; i++) {
    const q = qs[i % qs.length];
    const copy = Math.floor(i / qs.length);
    if (copy === 0) {
      questions.push(structuredClone(q));
      continue;
    }
    const { challenge, ...rest } = structuredClone(q);
    questions.push({ ...rest, id: `${q.id}-g${copy}`, prompt: `${i + 1}. ${q.prompt}` });
  }
  return { ...source, questions };
}

/**
 * A stored progress value (`pyprep.v1.progress`, src/progress.rs: `{"version": 2, "questions":
 * {id: {seen, grades: [{grade, at, ticks?, notes?}], card?}}}`) for `count` questions of `bank`
 * (every fifth, so every category has some): 1–8 reviews each over the last 120 days, grades
 * cycling 1–4, key points ticked, notes on one review in ten. No schedule cards: the app
 * computes and stores them on start (`reschedule`), as after an import; the benchmark loads it
 * once and keeps what the app stored, cards included.
 */
export function progressFor(bank, count = 1000, now = Date.now()) {
  const DAY = 86_400_000;
  const questions = {};
  const step = Math.max(1, Math.floor(bank.questions.length / count));
  let made = 0;
  for (let i = 0; i < bank.questions.length && made < count; i += step, made++) {
    const q = bank.questions[i];
    const reviews = 1 + (i % 8);
    const of = Math.min(q.key_points.length, 32);
    const grades = [];
    for (let r = 0; r < reviews; r++) {
      const at = now - (120 - (r * 120) / reviews) * DAY + (i % 997) * 60_000;
      const review = { grade: 1 + ((i + r) % 4), at: Math.round(at), ticks: { said: (i * 7 + r) % (1 << of), of } };
      if ((i + r) % 10 === 0) review.notes = `Forgot to mention the trade-offs (${q.id}, review ${r + 1}).`;
      grades.push(review);
    }
    questions[q.id] = { seen: reviews + (i % 3), grades };
  }
  return JSON.stringify({ version: 2, questions });
}

/** Copies `dist` into `dir`, linking its `pyodide/` (13 MB) rather than copying it. */
export function copyDist(dist, dir) {
  cpSync(dist, dir, { recursive: true, filter: (src) => !src.startsWith(join(dist, 'pyodide')) });
  if (existsSync(join(dist, 'pyodide'))) symlinkSync(resolve(dist, 'pyodide'), join(dir, 'pyodide'));
}

/** A copy of `dist` with the generated bank, split as the build splits it. */
function bigDist(dist) {
  const dir = mkdtempSync(join(tmpdir(), 'pyprep-big-'));
  copyDist(dist, dir);
  const source = JSON.parse(readFileSync(join(ROOT, 'questions.json'), 'utf8'));
  writeFileSync(join(dir, 'questions.json'), JSON.stringify(bigBank(source), null, 1) + '\n');
  const sizes = splitBank(dir);
  return { dir, sizes };
}

async function firstQuestion(browser, url) {
  const { context, page } = await newContext(browser, [MARK_FIRST_QUESTION]);
  try {
    const seen = firstQuestionSeen(page);
    await page.goto(url, { waitUntil: 'commit' });
    return await seen;
  } finally {
    await context.close();
  }
}

/**
 * Serves `dist` under /pyprep/ and a copy with 5,000 questions under /big/ (one server,
 * uncompressed, uncached) and measures: the time to the first question on both (interleaved,
 * `runs` cold contexts each); a keystroke in the study page's search (`#/study`, every
 * category) typing "generator"; and opening the dashboard (`#/progress`, from home) with 1,000
 * questions' history (first visit in a page, and again). Returns { bank, small, big, ratio,
 * studyOpen, search, dashboard, dashboardAgain }, each timing as { median, max, samples } in ms.
 */
export async function measureLargeBank(browser, dist, { runs = 9 } = {}) {
  const { dir, sizes } = bigDist(dist);
  const server = await serve({ '/pyprep/': dist, '/big/': dir });
  try {
    const hash = '#/quiz/core?n=5&seed=big';
    const smallUrl = `${server.url}/pyprep/${hash}`, bigUrl = `${server.url}/big/${hash}`;
    await firstQuestion(browser, smallUrl); // warm-up (the server's and the OS's file caches)
    await firstQuestion(browser, bigUrl);
    const small = [], big = [];
    for (let i = 0; i < runs; i++) {
      small.push(await firstQuestion(browser, smallUrl));
      big.push(await firstQuestion(browser, bigUrl));
    }

    // Study: a fresh page per run; the search box once the page is on view; one sample per key.
    const QUERY = 'generator';
    const search = [], studyOpen = [];
    const studyRuns = Math.max(3, Math.ceil(runs / 3));
    let matches = '';
    for (let i = 0; i < studyRuns; i++) {
      const { context, page, errors } = await newContext(browser, [INTERACTION_MARKS]);
      try {
        await page.goto(`${server.url}/big/#/`);
        await appReady(page);
        // Opening the study page of all 5,000 (navigation → list on view + frame), by the way.
        studyOpen.push(await timed(page, 'study', 'hashchange',
          () => page.evaluate(() => { location.hash = '#/study'; }), { until: { selector: '#study-search' } }));
        const box = page.locator('#study-search');
        await box.click();
        for (const ch of QUERY) {
          search.push(await timed(page, 'keystroke', 'keydown', () => page.keyboard.type(ch), { settle: 'input' }));
        }
        matches = (await page.locator('#study-count').textContent()).trim();
        if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
      } finally {
        await context.close();
      }
    }

    // Dashboard: progress for 1,000 questions, with the cards the app computes for it.
    const bank = JSON.parse(readFileSync(join(ROOT, 'questions.json'), 'utf8'));
    let stored = progressFor(bigBank(bank), 1000);
    const seed = (value) => `(() => { if (localStorage.getItem(${JSON.stringify(PROGRESS_KEY)}) === null)
      localStorage.setItem(${JSON.stringify(PROGRESS_KEY)}, ${JSON.stringify(value)}); })();`;
    {
      const { context, page } = await newContext(browser, [seed(stored)]);
      await page.goto(`${server.url}/big/#/`);
      await appReady(page);
      await page.waitForFunction((key) => /"card"/.test(localStorage.getItem(key) ?? ''), PROGRESS_KEY);
      stored = await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY);
      await context.close();
    }
    const history = JSON.parse(stored);
    const graded = Object.keys(history.questions).length;
    const reviews = Object.values(history.questions).reduce((s, q) => s + q.grades.length, 0);
    const dashboard = [], dashboardAgain = [];
    let lede = '';
    for (let i = 0; i < runs; i++) {
      const { context, page, errors } = await newContext(browser, [seed(stored), INTERACTION_MARKS]);
      try {
        await page.goto(`${server.url}/big/#/`);
        await appReady(page);
        await page.getByRole('heading', { name: 'PyPrep', level: 1 }).waitFor();
        const open = () => timed(page, 'dashboard', 'hashchange',
          () => page.evaluate(() => { location.hash = '#/progress'; }),
          { until: { selector: 'main.dashboard h1', text: 'Your progress' } });
        dashboard.push(await open());
        lede = (await page.locator('.dashboard .lede').innerText()).trim();
        // Once more in the same page (home, then the dashboard again).
        await page.evaluate(() => { location.hash = '#/'; });
        await page.getByRole('heading', { name: 'PyPrep', level: 1 }).waitFor();
        dashboardAgain.push(await open());
        if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
      } finally {
        await context.close();
      }
    }
    const parts = (samples) => ({
      handlers: median(samples.map((s) => s.dom - s.input)),
      wait: median(samples.map((s) => s.frame - s.dom)),
      frame: median(samples.map((s) => s.painted - s.frame)),
    });
    return {
      bank: { questions: BIG, sizes, graded, reviews, storedChars: stored.length, lede, matches, query: QUERY },
      small: stats(small),
      big: stats(big),
      ratio: median(big) / median(small),
      studyOpen: { ...stats(studyOpen.map(total)), parts: parts(studyOpen) },
      search: { ...stats(search.map(total)), parts: parts(search), runs: studyRuns, unchanged: search.filter((s) => !s.changed).length },
      dashboard: { ...stats(dashboard.map(total)), parts: parts(dashboard) },
      dashboardAgain: { ...stats(dashboardAgain.map(total)), parts: parts(dashboardAgain) },
    };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- 3. markdown -------------------------------------------------------------------------
const ms = (x) => `${x.toFixed(1)} ms`;
const list = (xs) => xs.map((x) => x.toFixed(1)).join(', ');
const verdict = (x, target, strict = false) => ((strict ? x < target : x <= target) ? 'met' : '**missed**');

/**
 * Markdown sections for BENCHMARKS.md from `measureInteractions` and `measureLargeBank`
 * results: "Responsiveness" and "A bank of 5,000 questions".
 */
export function interactionMarkdown(interactions, large) {
  const parts = (s) => `${ms(s.parts.handlers)} / ${ms(s.parts.wait)} / ${ms(s.parts.frame)}`;
  const row = (label, s, target, strict = false) =>
    `| ${label} | ${ms(s.median)} | ${ms(s.max)} | ${parts(s)} | ${target ? `${verdict(s.median, target, strict)} (${strict ? '<' : '≤'} ${target} ms)` : '—'} |`;
  const m = interactions.mouse, k = interactions.keys;
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  const b = large.bank;
  const T = TARGET.interaction;
  return `## Responsiveness

From an input event to the end of the first frame that shows its result, measured in the page by
\`scripts/bench-interaction.mjs\` with performance marks (an init script):

- **start**: the event's own timestamp (\`event.timeStamp\` of the \`click\` or \`keydown\`; of the \`hashchange\`
  for a navigation), noted by a capture-phase listener on \`window\` before any of the app's handlers;
- **handlers** (start → the first DOM change the action makes, seen by a MutationObserver): input
  delay, the app's handlers, Yew's render and patch, and any layout they force (\`focus()\`);
- **wait** (→ the next \`requestAnimationFrame\` callback): waiting for the frame;
- **frame** (→ the first task after that frame, \`scheduler.postTask\` at user-blocking priority queued
  from the frame callback): the frame's style, layout, paint and commit on the main thread.

The total is the span the Event Timing API (INP) reports, less the compositor's presentation,
which a page can't observe. Headless Chromium (software rendering, 1280×800), service workers
blocked, a fresh context per quiz, real Playwright clicks and key presses; while an action is
timed nothing of Playwright's runs in the page. ${interactions.rounds} quizzes by mouse and ${interactions.keyRounds} by
keyboard on \`#/quiz/core?n=10&seed=resp<i>\`, a seed each (the category has ${interactions.questions / (interactions.rounds + interactions.keyRounds)} questions: ${interactions.questions} in all).
Grading moves straight to the next question (there is no Next button); grading the last question
shows the summary. Target: ≤ ${T} ms (one frame at 60 Hz), on the median.

| action | median | max | handlers / wait / frame (medians) | target |
|---|---:|---:|---|---|
${row('Reveal answer (click)', m.reveal, T)}
${row('Grade → next question (click)', m.next, T)}
${row('Grade → summary (click on the last question)', m.finish, T)}
${row('Reveal answer (Space / Enter)', k.reveal, T)}
${row('Grade → next question (digit key)', k.next, T)}
${row('Grade → summary (digit key)', k.finish, T)}

The first reveal in each fresh page (its answer renderer and highlighter running for the first
time) took ${list(interactions.firstReveal)} ms; those are in the samples.
Samples (ms), by mouse — reveal: ${list(m.reveal.samples)}; next: ${list(m.next.samples)}; summary: ${list(m.finish.samples)}.
By keyboard — reveal: ${list(k.reveal.samples)}; next: ${list(k.next.samples)}; summary: ${list(k.finish.samples)}.

## A bank of 5,000 questions

The source bank's 49 questions cycled to ${b.questions.toLocaleString('en')}: the originals first, then copies
\`<id>-g<n>\` with numbered prompts ("50. …") and the same category, difficulty, answer, key points,
tags and follow-ups; only the 49 originals keep a \`challenge\` (9). Written into a copy of \`dist/\`
and split as the build splits it: \`questions.json\` ${kb(b.sizes['questions.json'])}, \`answers.json\` ${kb(b.sizes['answers.json'])}, \`challenges.json\`
${kb(b.sizes['challenges.json'])} (uncompressed). The shipped and the generated bank are served by one server (\`/pyprep/\`
and \`/big/\`) from loopback, uncompressed and uncached; service workers blocked.

**Time to the first question**: navigation start to the first animation frame after the question's
heading enters the page (\`MARK_FIRST_QUESTION\`, as in "Time to the first question"), for
\`#/quiz/core?n=5&seed=big\`, ${large.small.samples.length} cold contexts per bank, interleaved. Target: the 5,000-question
bank within ${TARGET.ratio}× the shipped one (medians).

| bank | median | max | ratio of medians |
|---|---:|---:|---:|
| shipped (49 questions) | ${ms(large.small.median)} | ${ms(large.small.max)} | 1.00 |
| generated (5,000) | ${ms(large.big.median)} | ${ms(large.big.max)} | **${large.ratio.toFixed(2)}×** (${verdict(large.ratio, TARGET.ratio)}, ≤ ${TARGET.ratio}×) |

Runs (ms) — shipped: ${list(large.small.samples)}; 5,000: ${list(large.big.samples)}.

**Once the app module has taken over** (\`html[data-app="app"]\`), on the 5,000-question bank; spans as
in Responsiveness, targets on the median:

| interaction | median | max | handlers / wait / frame (medians) | target |
|---|---:|---:|---|---|
${row(`Study (\`#/study\`, all 5,000): one keystroke typing "${b.query}" in \`#study-search\`, keydown → frame (${large.search.samples.length} keys, ${large.search.runs} pages)`, large.search, TARGET.keystroke, true)}
${row(`Dashboard (\`#/progress\`) from home, first visit in the page: \`hashchange\` → its "Your progress" heading in the page → frame (${large.dashboard.samples.length} pages)`, large.dashboard, TARGET.dashboard, true)}
${row('Dashboard again in the same page (home, then back)', large.dashboardAgain, TARGET.dashboard, true)}
${row('For reference: opening the study page from home (`hashchange` → search box in the page → frame)', large.studyOpen, 0)}

Keystrokes (ms): ${list(large.search.samples)}; ${large.search.unchanged} of them changed no DOM (same matches), and
"${b.query}" ends at "${b.matches}". Dashboard (ms): ${list(large.dashboard.samples)}; again: ${list(large.dashboardAgain.samples)}.
The dashboard's history, seeded into \`${PROGRESS_KEY}\` before the page loads: ${b.graded.toLocaleString('en')} questions graded
(every fifth of the bank), ${b.reviews.toLocaleString('en')} reviews (1–8 each over the last 120 days, grades 1–4, key points
ticked, notes on one in ten), with the schedule cards the app computed and stored on a first visit
(${(b.storedChars / 1024).toFixed(0)} K characters). The dashboard reads: "${b.lede}"
`;
}

// ---- as a command ------------------------------------------------------------------------
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] || 'dist');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const server = await serve({ '/pyprep/': dist });
    let interactions;
    try {
      interactions = await measureInteractions(browser, `${server.url}/pyprep/`);
    } finally {
      await server.close();
    }
    const large = await measureLargeBank(browser, dist);
    console.log(interactionMarkdown(interactions, large));
  } finally {
    await browser.close();
  }
}
