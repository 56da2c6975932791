// Shared pieces of the end-to-end tests: one Chromium (Debian's, never downloaded), the release
// build served from a sub-path, and a small "person at the keyboard" API over a Playwright page.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The release build under test (`PYPREP_DIST` overrides, e.g. for a build elsewhere). */
export const DIST = resolve(process.env.PYPREP_DIST || resolve(ROOT, 'dist'));
export const PREFIX = '/pyprep/';

export const KEYS = {
  progress: 'pyprep.v1.progress',
  session: 'pyprep.v1.session',
  settings: 'pyprep.v1.settings',
};

/** Button labels by grade number (1–4); points are grade − 1. */
export const GRADE_LABELS = { 1: 'Missed it', 2: 'Partly', 3: 'Got it', 4: 'Nailed it' };

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launch(extraArgs = []) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Serves dist under /pyprep/; `log` (an array) receives every requested path. */
export function serveDist(options = {}) {
  return serve({ [PREFIX]: DIST }, options);
}

/** Rounded percentage as the app defines it: points ÷ (3 × questions). */
export function expectedPercent(grades) {
  const points = grades.reduce((sum, g) => sum + (g - 1), 0);
  return { points, max: 3 * grades.length, percent: Math.round((100 * points) / (3 * grades.length)) };
}

/**
 * One browser context with one page, as one person on one device.
 * Collects uncaught page errors; `close()` fails the test if there were any.
 */
export class Visit {
  static async open(browser, baseUrl, { viewport, colorScheme, init, hasTouch, serviceWorkers } = {}) {
    const context = await browser.newContext({
      viewport: viewport ?? { width: 1280, height: 800 },
      hasTouch: Boolean(hasTouch),
      colorScheme: colorScheme ?? 'light',
      reducedMotion: 'reduce',
      serviceWorkers: serviceWorkers ?? 'allow',
    });
    if (init) await context.addInitScript(init);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.setDefaultNavigationTimeout(15_000);
    const visit = new Visit(context, page, baseUrl);
    return visit;
  }

  constructor(context, page, baseUrl) {
    this.context = context;
    this.page = page;
    this.baseUrl = baseUrl;
    this.errors = [];
    page.on('pageerror', (e) => this.errors.push(`pageerror: ${e.stack || e.message || e}`));
  }

  /** The app's address for a hash route: `url('#/quiz/core?n=5')`. */
  url(hash = '') {
    return `${this.baseUrl}${PREFIX}${hash}`;
  }

  /** Opens a hash route and waits until a screen (not the loading line) is shown. */
  async goto(hash = '#/') {
    await this.page.goto(this.url(hash));
    await this.ready();
  }

  async reload() {
    await this.page.reload();
    await this.ready();
  }

  /**
   * Waits for a rendered screen of the app module (home, quiz, summary, dashboard, study or an
   * error page): the first screen has handed over (`<html data-app="app">`), or could not load
   * the bank at all (`data-app="stuck"`, its error page).
   */
  async ready() {
    await this.page
      .locator('html[data-app="app"] #app main, html[data-app="app"] #app [role="alert"], html[data-app="stuck"] #app [role="alert"]')
      .first()
      .waitFor({ state: 'visible' });
  }

  get hash() {
    return new URL(this.page.url()).hash;
  }

  /** The query parameters of the current hash route. */
  get params() {
    const h = this.hash;
    const q = h.includes('?') ? h.slice(h.indexOf('?') + 1) : '';
    return new URLSearchParams(q);
  }

  prompt() {
    return this.page.locator('h1.prompt');
  }

  async promptText() {
    return (await this.prompt().textContent()).trim();
  }

  async counterText() {
    return (await this.page.locator('.counter').textContent()).trim();
  }

  /** `{ i, n }` from "Question i of n". */
  async position() {
    const m = /^Question (\d+) of (\d+)$/.exec(await this.counterText());
    assert.ok(m, 'counter reads "Question i of n"');
    return { i: Number(m[1]), n: Number(m[2]) };
  }

  /** Waits until the counter reads "Question i of n", or the summary shows when i > n. */
  async waitForPosition(i, n) {
    if (i > n) {
      await this.page.getByRole('heading', { name: 'Quiz complete' }).waitFor();
      return;
    }
    await this.page.waitForFunction(
      (text) => document.querySelector('.counter')?.textContent.trim() === text,
      `Question ${i} of ${n}`,
    );
  }

  /**
   * Lets the app finish reacting to what just happened (two animation frames), before asserting
   * that something did *not* happen. No fixed sleep.
   */
  settle() {
    return this.page.evaluate(
      () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))),
    );
  }

  answer() {
    return this.page.locator('section.answer');
  }

  gradeGroup() {
    return this.page.getByRole('group', { name: 'Grade your answer' });
  }

  gradeButton(g) {
    return this.gradeGroup().getByRole('button', { name: GRADE_LABELS[g], exact: true });
  }

  /** Reveals by clicking the button, as a mouse user. */
  async reveal() {
    await this.page.getByRole('button', { name: 'Reveal answer' }).click();
    await this.answerShown();
  }

  /** Waits for the model answer, rendered (or as plain text if the renderer failed). */
  async answerShown() {
    await this.answer().getByRole('heading', { name: 'Model answer' }).waitFor();
    await this.answer().locator('.prose').first().waitFor();
  }

  /** Grades (1–4) by clicking, and waits for the next question or the summary. */
  async grade(g) {
    const { i, n } = await this.position();
    await this.gradeButton(g).click();
    await this.waitForPosition(i + 1, n);
  }

  /** Reveals and grades each question in turn; returns the prompts seen, in order. */
  async answerAll(grades) {
    const prompts = [];
    for (const g of grades) {
      prompts.push(await this.promptText());
      await this.reveal();
      await this.grade(g);
    }
    return prompts;
  }

  /** Reveals and grades with `grade` until the summary shows; returns the prompts. */
  async finishWith(grade) {
    const prompts = [];
    for (;;) {
      const { i, n } = await this.position();
      prompts.push(await this.promptText());
      await this.reveal();
      await this.grade(grade);
      if (i === n) return prompts;
    }
  }

  /**
   * Walks every kind of screen once: home, a question, its revealed answer, the summary of a
   * two-question quiz, the dashboard, study mode and an error page, calling `at(name)` on each.
   */
  async tour(seed, at) {
    await this.goto('#/');
    await at('home');
    await this.goto(`#/quiz/coding?n=2&seed=${seed}`);
    await at('quiz');
    await this.reveal();
    await at('answer');
    await this.grade(3);
    await this.reveal();
    await this.grade(1);
    await this.summaryHeading().waitFor();
    await at('summary');
    await this.goto('#/progress');
    await at('dashboard');
    await this.goto('#/study/oop');
    await this.page.locator('.study-toggle').first().click();
    await at('study');
    await this.goto('#/quiz/nope');
    await this.page.getByRole('alert').waitFor();
    await at('error');
  }

  summaryHeading() {
    return this.page.getByRole('heading', { name: 'Quiz complete' });
  }

  /** Every localStorage entry (throws in the page if storage is refused). */
  storage() {
    return this.page.evaluate(() => {
      const out = {};
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        out[k] = localStorage.getItem(k);
      }
      return out;
    });
  }

  async storedJson(key) {
    const raw = await this.page.evaluate((k) => localStorage.getItem(k), key);
    return raw === null ? null : JSON.parse(raw);
  }

  /** Horizontal overflow of the whole page, in CSS pixels. */
  scrollWidth() {
    return this.page.evaluate(() => document.documentElement.scrollWidth);
  }

  /** Closes the context; fails if the page threw anything uncaught while open. */
  async close() {
    await this.context.close();
    assert.deepEqual(this.errors, [], 'no uncaught errors in the page');
  }
}

/**
 * What the page shows, for a failure's message: the module stage (`<html data-app>`), the
 * screen's text and any notices.
 */
export async function pageState(page) {
  try {
    return await page.evaluate(() => {
      const text = (sel) => [...document.querySelectorAll(sel)].map((e) => e.innerText.trim()).join(' | ');
      return `data-app=${document.documentElement.dataset.app}; #app: ${text('#app').slice(0, 500)}; notices: ${text('.notice, [role="alert"]').slice(0, 500)}`;
    });
  } catch (e) {
    return `(page state unavailable: ${e.message})`;
  }
}

/** Opens a Visit, runs `body(visit)`, and always closes it (checking for page errors). */
export async function withVisit(browser, baseUrl, options, body) {
  if (typeof options === 'function') {
    body = options;
    options = {};
  }
  const visit = await Visit.open(browser, baseUrl, options);
  let failed = false;
  try {
    return await body(visit);
  } catch (e) {
    failed = true;
    e.message += `\nPage: ${await pageState(visit.page)}`;
    if (visit.errors.length) e.message += `\nPage errors:\n${visit.errors.join('\n')}`;
    throw e;
  } finally {
    if (failed) await visit.context.close().catch(() => {});
    else await visit.close();
  }
}

/**
 * For a test file: one browser and one server of dist/ under /pyprep/, started before its tests
 * and closed after. Returns `{ browser, server, visit(options?, body) }` (filled in `before`).
 */
export function sharedBrowser(extraArgs = []) {
  const shared = {
    browser: null,
    server: null,
    visit: (options, body) => withVisit(shared.browser, shared.server.url, options, body),
  };
  before(async () => {
    [shared.browser, shared.server] = await Promise.all([launch(extraArgs), serveDist()]);
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

/** Serious and critical axe violations, printed when there are any. */
export async function seriousViolations(page, where) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((x) => x.impact === 'serious' || x.impact === 'critical');
  for (const x of bad) {
    console.log(`[axe ${where}] ${x.impact} ${x.id}: ${x.help}`);
    for (const n of x.nodes.slice(0, 5)) console.log(`    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`);
  }
  return bad.map((x) => `${where}: ${x.id} (${x.nodes.length})`);
}

