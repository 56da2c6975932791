// Embedding, end to end: a host page on a second loopback port (another origin) embeds the
// release build by plain iframe and by embed.js; height sync, host events, message validation,
// a sandboxed iframe without allow-same-origin, storage that throws, and no foreign requests;
// a careers page's locked quiz, a transparent widget on a dark host, long answers capped, the
// Share panel's snippets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch, serveDist, ROOT } from './helpers.mjs';
import { serve } from './server.mjs';

// The question once the app module has taken over from the first screen (web::first).
const APP_PROMPT = 'html[data-app="app"] h1.prompt';
const SHOTS = `${ROOT}/test-results/screenshots`;
const INTRO = 'Three questions, about five minutes. Answer out loud, then grade yourself honestly.';
const DARK_HOST = '#1c1b22';
let browser, widget, host, widgetLog;
const pages = {};

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
  widgetLog = [];
  widget = await serveDist({ log: widgetLog });
  host = await serve({}, { pages }); // another port: another origin
  const app = `${widget.url}/pyprep/`;
  pages['/plain'] = `<!doctype html><html lang="en"><head><title>Blog</title><link rel="icon" href="data:,"></head><body>
    <h1>A blog post</h1><textarea id="host-notes" aria-label="host notes"></textarea>
    <iframe id="plain" src="${app}#/quiz/core?n=2&seed=plain&embed=1" title="PyPrep" width="100%" height="640" style="border:0"></iframe>
  </body></html>`;
  pages['/script'] = `<!doctype html><html lang="en"><head><title>Careers</title><link rel="icon" href="data:,"></head><body style="max-width:800px;margin:auto">
    <h1>Join us</h1>
    <div id="w1" data-pyprep data-categories="coding" data-count="2" data-theme="light"></div>
    <p>Between the widgets</p>
    <script src="${app}embed.js" data-pyprep data-categories="oop" data-count="1" data-theme="dark" data-accent="#0a7d38"></script>
    <iframe id="stranger" srcdoc="<p>not PyPrep</p>" title="other"></iframe>
    <script>
      window.hostEvents = [];
      for (const n of ['quiz-started', 'question-graded', 'quiz-finished'])
        document.addEventListener('pyprep:' + n, (e) => hostEvents.push({ n, target: e.target.id || e.target.className, detail: e.detail }));
    </script>
  </body></html>`;
  const careers = (theme, extra = '') => `<div id="careers" data-pyprep data-categories="testing,design" data-count="3"
      data-seed="acme2025" data-lock data-theme="${theme}" ${extra}
      data-title="Acme backend team: Python warm-up" data-intro="${INTRO}"></div>`;
  const listen = `<script>
      window.hostEvents = [];
      for (const n of ['quiz-started', 'question-graded', 'quiz-finished'])
        document.addEventListener('pyprep:' + n, (e) => hostEvents.push({ n, target: e.target.id, detail: e.detail }));
    </script>`;
  pages['/careers-light'] = `<!doctype html><html lang="en"><head><title>Careers</title><link rel="icon" href="data:,"></head>
    <body style="margin:0;background:#ffffff;color:#111;font-family:Georgia,serif"><main style="max-width:760px;margin:auto;padding:16px">
    <h1>Backend engineer at Acme</h1><p>Before you apply, try our short Python warm-up.</p>
    ${careers('light', 'data-accent="#0a7d38"')}<p>Questions? careers@example.com</p></main>
    ${listen}<script src="${app}embed.js" async></script></body></html>`;
  pages['/careers-dark'] = `<!doctype html><html lang="en"><head><title>Careers</title><link rel="icon" href="data:,"></head>
    <body style="margin:0;background:${DARK_HOST};color:#ece9f2;font-family:Georgia,serif"><main style="max-width:760px;margin:auto;padding:16px">
    <h1>Backend engineer at Acme</h1><p>Before you apply, try our short Python warm-up.</p>
    ${careers('dark', 'data-transparent data-accent="#f0abfc"')}
    <p>The same widget without data-transparent:</p>
    <div id="opaque" data-pyprep data-categories="core" data-count="1" data-theme="dark"></div></main>
    ${listen}<script src="${app}embed.js" async></script></body></html>`;
  pages['/sandboxed'] = `<!doctype html><html lang="en"><head><title>Sandbox</title><link rel="icon" href="data:,"></head><body>
    <iframe id="sb" sandbox="allow-scripts" src="${app}#/quiz/files?n=2&seed=sand&embed=1" title="PyPrep" style="width:100%;height:700px;border:0"></iframe>
  </body></html>`;
});

after(async () => {
  await browser?.close();
  await widget?.close();
  await host?.close();
});

async function open(path, { viewport = { width: 1280, height: 900 }, init } = {}) {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const requests = [];
  page.on('request', (r) => requests.push({ url: r.url(), frame: r.frame().url() }));
  await page.goto(host.url + path);
  return { context, page, errors, requests };
}

const heightOf = (page, sel) => page.$eval(sel, (f) => f.getBoundingClientRect().height);

/** Waits until `locator`'s element has the focus (fails on the test's timeout otherwise). */
const focusedOn = (locator) =>
  locator.evaluate((el) => new Promise((ok) => {
    const check = () => (el.ownerDocument.activeElement === el ? ok() : setTimeout(check, 20));
    check();
  }));

async function untilHeight(page, sel, pred, what) {
  await page.waitForFunction(
    ([s, src]) => new Function('h', `return ${src}`)(document.querySelector(s).getBoundingClientRect().height),
    [sel, pred],
    { timeout: 10_000 },
  ).catch(async () => assert.fail(`${what}: height ${await heightOf(page, sel)} does not satisfy ${pred}`));
}

test('plain iframe: usable at its default height, scrolls inside, completes a quiz', async () => {
  const { context, page, errors, requests } = await open('/plain');
  const frame = page.frameLocator('#plain');
  await frame.locator(APP_PROMPT).waitFor();
  assert.equal(await heightOf(page, '#plain'), 640, 'no host script: the documented height stays');
  await frame.getByRole('link', { name: /Open full site/ }).waitFor();
  for (let i = 0; i < 2; i++) {
    await frame.getByRole('button', { name: 'Reveal answer' }).click();
    await frame.getByRole('button', { name: 'Got it' }).click();
  }
  await frame.getByRole('heading', { name: 'Quiz complete' }).waitFor();
  // Keys pressed on the host page never reach the widget.
  await page.locator('#host-notes').fill('');
  await page.locator('#host-notes').type('1 2 ');
  assert.equal(await page.locator('#host-notes').inputValue(), '1 2 ');
  const widgetOrigin = new URL(widget.url).origin;
  const fromWidget = requests.filter((r) => r.frame.startsWith(widgetOrigin));
  assert.ok(fromWidget.length > 0);
  for (const r of fromWidget) {
    assert.ok(r.url.startsWith(widgetOrigin) || r.url.startsWith('data:'), `widget requested ${r.url}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('script embed: two widgets, height follows content both ways, host events, themes', async () => {
  const { context, page, errors } = await open('/script');
  const iframes = page.locator('iframe[title="PyPrep: Python interview practice"]');
  await page.waitForFunction(() => document.querySelectorAll('iframe[title^="PyPrep"]').length === 2);
  const w1 = page.frameLocator('#w1 iframe');
  await w1.locator(APP_PROMPT).waitFor();
  await untilHeight(page, '#w1 iframe', 'h > 300 && h < 1200', 'first question');
  const before = await heightOf(page, '#w1 iframe');
  // Both widgets reported and sized independently.
  await untilHeight(page, '.pyprep-embed iframe', 'h > 300 && h < 1200', 'second widget');

  await w1.getByRole('button', { name: 'Reveal answer' }).click();
  await untilHeight(page, '#w1 iframe', `h > ${before + 400}`, 'revealed a long answer: grows');
  const grown = await heightOf(page, '#w1 iframe');
  // The iframe shows all the content: no inner scrolling needed.
  const inner = await page.frame({ url: /#\/quiz\/coding/ }).evaluate(() => document.documentElement.scrollHeight);
  assert.ok(Math.abs(inner - grown) <= 2, `iframe ${grown}px vs content ${inner}px`);
  await w1.getByRole('button', { name: 'Partly' }).click();
  await untilHeight(page, '#w1 iframe', `h < ${grown - 400}`, 'next question: shrinks');

  await w1.getByRole('button', { name: 'Reveal answer' }).click();
  await w1.getByRole('button', { name: 'Nailed it' }).click();
  await w1.getByRole('heading', { name: 'Quiz complete' }).waitFor();
  await page.waitForFunction(() => hostEvents.some((e) => e.n === 'quiz-finished'));
  const events = await page.evaluate(() => hostEvents.filter((e) => e.target === 'w1'));
  assert.deepEqual(events.map((e) => e.n), ['quiz-started', 'question-graded', 'question-graded', 'quiz-finished']);
  const { results, ...finished } = events[3].detail;
  assert.deepEqual(finished, { categories: ['coding'], questions: 2, points: 4, max_points: 6, score: 67 });
  assert.deepEqual(results.map((r) => [r.category, r.grade]), [['coding', 2], ['coding', 4]]);
  const { seconds, id, ...graded } = events[1].detail;
  assert.deepEqual(graded, { categories: ['coding'], questions: 2, question: 1, grade: 2, category: 'coding' });
  assert.equal(id, results[0].id);
  assert.ok(/^coding-/.test(id), id);
  assert.equal(typeof seconds, 'number');
  const other = await page.evaluate(() => hostEvents.filter((e) => e.target === 'pyprep-embed').map((e) => e.n));
  assert.deepEqual(other, ['quiz-started'], 'the second widget reports for itself');

  // data-theme / data-accent reached the second widget.
  const w2 = page.frame({ url: /#\/quiz\/oop/ });
  assert.equal(await w2.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await w2.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()), '#0a7d38');
  await page.screenshot({ path: `${SHOTS}/embed-script-1280.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('embeds on one page each resume their own quiz after a reload, with a seed or without', async () => {
  const app = `${widget.url}/pyprep/`;
  // The third is "a new draw for every visitor": its host writes it without a seed every time.
  // The fourth has the third's categories and count with a seed of its own, and is graded
  // last: the third must still find its own quiz, not the fourth's.
  pages['/two'] = `<!doctype html><html lang="en"><head><title>Two quizzes</title><link rel="icon" href="data:,"></head><body>
    <iframe id="one" src="${app}#/quiz/core?n=3&seed=two1&embed=1" title="PyPrep core" width="100%" height="640" style="border:0"></iframe>
    <iframe id="two" src="${app}#/quiz/oop?n=3&seed=two2&embed=1" title="PyPrep OOP" width="100%" height="640" style="border:0"></iframe>
    <iframe id="three" src="${app}#/quiz/dsa?n=3&embed=1" title="PyPrep DSA" width="100%" height="640" style="border:0"></iframe>
    <iframe id="four" src="${app}#/quiz/dsa?n=3&seed=team1&embed=1" title="PyPrep DSA, the team's" width="100%" height="640" style="border:0"></iframe>
  </body></html>`;
  const { context, page, errors } = await open('/two');
  const counter = (id) => page.frameLocator(`#${id}`).locator('html[data-app="app"] .counter');
  const ids = ['one', 'two', 'three', 'four'];
  const prompts = {};
  for (const id of ids) {
    const frame = page.frameLocator(`#${id}`);
    await frame.locator(APP_PROMPT).waitFor();
    await frame.getByRole('button', { name: 'Reveal answer' }).click();
    await frame.getByRole('button', { name: 'Got it' }).click();
    await frame.getByText('Question 2 of 3').first().waitFor();
    prompts[id] = (await frame.locator(APP_PROMPT).textContent()).trim();
  }
  await page.reload();
  for (const id of ids) {
    const frame = page.frameLocator(`#${id}`);
    await frame.locator(APP_PROMPT).waitFor();
    assert.equal((await counter(id).innerText()).trim(), 'Question 2 of 3', `#${id} resumes its quiz`);
    assert.equal((await frame.locator(APP_PROMPT).textContent()).trim(), prompts[id], `#${id}: the same question`);
  }
  const three = await (await page.$('#three')).contentFrame();
  assert.doesNotMatch(three.url(), /seed=team1/, 'the seedless embed kept its own seed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed attributes that do not fit are said inside the widget, not replaced by defaults', async () => {
  const app = `${widget.url}/pyprep/`;
  pages['/garbled'] = `<!doctype html><html lang="en"><head><title>Garbled</title><link rel="icon" href="data:,"></head><body>
    <div id="count" data-pyprep data-categories="core" data-count="lots"></div>
    <div id="level" data-pyprep data-categories="core" data-level="expert" data-lock></div>
    <div id="ids" data-pyprep data-ids="oop-classes-objects,nope-nothing,also-fake" data-lock></div>
    <div id="seed" data-pyprep data-categories="testing" data-count="2" data-seed="acme-backend-team-python-warmup-2025"></div>
    <script src="${app}embed.js"></script></body></html>`;
  const { context, page, errors } = await open('/garbled');
  const frame = (id) => page.frameLocator(`#${id} iframe`);
  await frame('count').getByText('“lots” is not a question count').waitFor();
  await frame('level').getByText(/“expert”/).waitFor();
  await frame('level').getByText('Please tell the owner of this page.').waitFor();
  await frame('ids').getByText("A set of 1 question chosen for this quiz, from Object-Oriented Programming. 2 listed questions aren't in this question bank: “nope-nothing”, “also-fake”.").waitFor();
  // A long seed is a seed: the same questions for every visitor.
  await frame('seed').locator('h1.prompt').waitFor();
  const url = await (await page.$('#seed iframe')).evaluate((f) => f.src);
  assert.match(url, /seed=acme-backend-team-python-warmup-2025/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed.js ignores messages that are not from its iframes or have the wrong shape', async () => {
  const { context, page } = await open('/script');
  // Both widgets' app modules have taken over (they post quiz-started when they do).
  for (const w of ['#w1 iframe', '.pyprep-embed iframe']) await page.frameLocator(w).locator(APP_PROMPT).waitFor();
  await untilHeight(page, '#w1 iframe', 'h > 300 && h < 1200', 'first question');
  const h0 = await heightOf(page, '#w1 iframe');
  const count = () => page.evaluate(() => hostEvents.length);
  const events0 = await count();
  // From the host window itself, from a stranger iframe, and forged shapes from our own iframe.
  await page.evaluate(() => window.postMessage({ type: 'pyprep:resize', height: 5 }, '*'));
  await page.evaluate(() => window.postMessage({ type: 'pyprep:event', event: 'quiz-finished', score: 100 }, '*'));
  const stranger = page.frames().find((f) => f.url() === 'about:srcdoc');
  await stranger.evaluate(() => parent.postMessage({ type: 'pyprep:resize', height: 7 }, '*'));
  const ours = page.frame({ url: /#\/quiz\/coding/ });
  for (const forged of [
    { type: 'pyprep:resize', height: '9999' },
    { type: 'pyprep:resize', height: -1 },
    { type: 'pyprep:resize', height: 1e9 },
    { type: 'pyprep:resize' },
    { type: 'pyprep:event', event: 'evil' },
    'pyprep:resize',
    null,
  ]) {
    await ours.evaluate((m) => parent.postMessage(m, '*'), forged);
  }
  // Let the messages arrive, then check nothing changed.
  await page.evaluate(() => new Promise((ok) => setTimeout(ok, 200)));
  assert.equal(await heightOf(page, '#w1 iframe'), h0);
  assert.equal(await count(), events0);
  // A well-formed event from our iframe carries only the documented fields.
  await ours.evaluate(() => parent.postMessage({ type: 'pyprep:event', event: 'quiz-started', categories: ['x', 1], questions: 3, email: 'a@b.c' }, '*'));
  await page.waitForFunction((n) => hostEvents.length > n, events0);
  const last = await page.evaluate(() => hostEvents.at(-1));
  assert.deepEqual(last.detail, { categories: ['x'], questions: 3 });
  // The new fields are type-checked too: long strings, non-numbers and oversized lists stay out.
  const n1 = await count();
  await ours.evaluate(() => parent.postMessage({
    type: 'pyprep:event', event: 'question-graded', categories: ['oop'], questions: 2, question: 1, grade: 3,
    id: 'x'.repeat(65), category: 'oop', seconds: '12', notes: 'secret',
  }, '*'));
  await page.waitForFunction((n) => hostEvents.length > n, n1);
  assert.deepEqual(await page.evaluate(() => hostEvents.at(-1).detail),
    { categories: ['oop'], questions: 2, question: 1, grade: 3, category: 'oop' });
  await ours.evaluate(() => parent.postMessage({
    type: 'pyprep:event', event: 'quiz-finished', categories: [], questions: 1, points: 1, max_points: 3, score: 33,
    results: [{ id: 'a', category: 'oop', grade: 2, seconds: null, notes: 'secret' }, 'junk'],
  }, '*'));
  await page.waitForFunction((n) => hostEvents.length > n + 1, n1);
  assert.deepEqual(await page.evaluate(() => hostEvents.at(-1).detail.results),
    [{ id: 'a', category: 'oop', grade: 2, seconds: null }]);
  const n2 = await count();
  await ours.evaluate(() => parent.postMessage({
    type: 'pyprep:event', event: 'quiz-finished', questions: 1, results: new Array(1000).fill({ grade: 1 }),
  }, '*'));
  await ours.evaluate(() => parent.postMessage({ type: 'pyprep:event', event: 'quiz-finished', questions: 1 }, '*'));
  await page.evaluate(() => new Promise((ok) => setTimeout(ok, 200)));
  assert.equal(await count(), n2, 'quiz-finished without a valid results list is dropped');
  await context.close();
});

test('sandboxed iframe without allow-same-origin still runs the quiz, in memory, with a notice', async () => {
  const { context, page, errors } = await open('/sandboxed');
  const frame = page.frameLocator('#sb');
  await frame.locator(APP_PROMPT).waitFor();
  await frame.getByText("Progress can't be saved in this browser context").waitFor();
  await frame.getByRole('link', { name: /Open full site/ }).waitFor();
  for (let i = 0; i < 2; i++) {
    await frame.getByRole('button', { name: 'Reveal answer' }).click();
    // The renderer module loads in an opaque origin too (the host sends CORS headers).
    await frame.locator('section.answer .prose p').first().waitFor();
    assert.equal(await frame.locator('section.answer .prose.plain').count(), 0, 'answer formatted');
    await frame.getByRole('button', { name: 'Missed it' }).click();
  }
  await frame.getByRole('heading', { name: 'Quiz complete' }).waitFor();
  // The sandbox blocks downloads (no allow-downloads): the export is there to copy as well.
  await frame.getByRole('button', { name: 'Export progress' }).first().click();
  await frame.getByText('No file? Copy the data instead').click();
  const copied = JSON.parse(await frame.getByRole('textbox', { name: 'Your progress, as the exported file' }).inputValue());
  assert.equal(copied.format, 'pyprep-progress');
  assert.equal(Object.keys(copied.questions).length, 2);
  await frame.getByRole('button', { name: 'Practise the 2 you missed' }).click();
  await frame.locator(APP_PROMPT).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('storage that throws inside the embed: notice, the quiz still works', async () => {
  const init = () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  };
  const { context, page, errors } = await open('/script', { init });
  const frame = page.frameLocator('#w1 iframe');
  // In #app: while the app module renders hidden beside the first screen, both hold the notice.
  const notice = frame.locator('#app .notice', { hasText: "Progress can't be saved in this browser context" });
  await notice.waitFor();
  await frame.locator(APP_PROMPT).waitFor();
  // Small: one or two short lines above the question, not a banner that leads the page.
  const box = await notice.boundingBox();
  assert.ok(box.height <= 72, `notice is ${box.height}px tall`);
  const font = await notice.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(font <= 13.5, `notice font ${font}px`);
  const prompt = await frame.locator('h1.prompt').boundingBox();
  assert.ok(prompt.y - box.y < 260, 'the question is in the first view, right below');
  await page.screenshot({ path: `${SHOTS}/embed-storage-notice-1280.png` });
  await frame.getByRole('button', { name: 'Dismiss this notice' }).click();
  await notice.waitFor({ state: 'detached' });
  for (let i = 0; i < 2; i++) {
    await frame.getByRole('button', { name: 'Reveal answer' }).click();
    await frame.getByRole('button', { name: 'Got it' }).click();
  }
  await frame.getByRole('heading', { name: 'Quiz complete' }).waitFor();
  assert.equal(await notice.count(), 0, 'dismissed for the visit');
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed layout screenshots at 320 and 1280 px', async () => {
  for (const width of [320, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${widget.url}/pyprep/#/quiz/coding?n=1&seed=shot&embed=1`);
    await page.locator(APP_PROMPT).waitFor();
    await page.screenshot({ path: `${SHOTS}/embed-question-${width}.png`, fullPage: true });
    await page.getByRole('button', { name: 'Reveal answer' }).click();
    await page.locator('section.answer .prose').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal overflow at ${width}px (${overflow}px)`);
    await page.screenshot({ path: `${SHOTS}/embed-answer-${width}.png`, fullPage: true });
    await context.close();
  }
});

test('embed.html documents each form live', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${widget.url}/pyprep/embed.html`);
  await page.frameLocator('#demo-script iframe').locator(APP_PROMPT).waitFor();
  for (const id of ['demo-careers', 'demo-dark', 'demo-iframe']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.frameLocator(`#${id} iframe`).locator(APP_PROMPT).waitFor();
  }
  for (const id of ['snippet-script', 'snippet-inline', 'snippet-iframe', 'snippet-careers', 'snippet-listener']) {
    const text = await page.locator(`#${id}`).textContent();
    assert.ok(text.includes(`${widget.url}/pyprep/`), `${id} uses this deployment's address: ${text}`);
  }
  await page.screenshot({ path: `${SHOTS}/embed-docs-1280.png`, fullPage: true });
  await context.close();
});

/** The colour of one screen pixel of `page`, as [r, g, b]. */
async function pixel(page, x, y) {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  return page.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const canvas = new OffscreenCanvas(1, 1);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, png.toString('base64'));
}

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const near = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 2);

test('a locked careers embed: same questions for every visitor, no way out, its title, ids and seconds in events', async () => {
  const seen = [];
  for (const visitor of [1, 2]) {
    const { context, page, errors } = await open('/careers-light');
    const frame = page.frameLocator('#careers iframe');
    await frame.locator(APP_PROMPT).waitFor();
    await frame.getByText('Acme backend team: Python warm-up').waitFor();
    await frame.getByText(INTRO).waitFor();
    for (const name of ['Change categories', /Open full site/]) {
      assert.equal(await frame.getByRole('link', { name }).count(), 0, `no ${name}`);
    }
    assert.equal(await frame.locator('.embed-bar, .site-bar').count(), 0, 'no bar leading away');
    if (visitor === 1) await page.screenshot({ path: `${SHOTS}/embed-locked-light-1280.png`, fullPage: true });
    const prompts = [];
    for (const g of ['Missed it', 'Partly', 'Got it']) {
      prompts.push((await frame.locator('h1.prompt').textContent()).trim());
      await frame.getByRole('button', { name: 'Reveal answer' }).click();
      await frame.getByRole('button', { name: g, exact: true }).click();
      if (visitor === 1 && g === 'Missed it') {
        // The grade reached the host page as it was given: no Undo, by button or by key.
        await frame.getByText('Question 2 of 3').first().waitFor();
        assert.equal(await frame.getByRole('button', { name: /Undo/ }).count(), 0, 'no Undo button');
        await frame.locator('h1.prompt').press('u');
        await page.waitForTimeout(200);
        await frame.getByText('Question 2 of 3').first().waitFor();
        assert.equal(await frame.getByRole('button', { name: 'Reveal answer' }).count(), 1, 'still on question 2');
      }
      if (visitor === 2 && g === 'Missed it') {
        // Ending early is for good here: it asks first, and "Keep going" goes on.
        await frame.getByRole('button', { name: 'End the quiz here…' }).press('Enter');
        const ask = frame.getByRole('group', { name: 'End the quiz?' });
        await ask.getByText("End now? 2 questions won't be graded, and this can't be undone.").waitFor();
        // The focus goes to the safe answer, and back to the button when it is taken.
        await focusedOn(ask.getByRole('button', { name: 'Keep going' }));
        await ask.getByRole('button', { name: 'Keep going' }).press('Enter');
        await focusedOn(frame.getByRole('button', { name: 'End the quiz here…' }));
        await frame.getByText('Question 2 of 3').first().waitFor();
        assert.equal(await frame.getByRole('button', { name: 'Reveal answer' }).count(), 1);
      }
    }
    await frame.getByRole('heading', { name: 'Quiz complete' }).waitFor();
    // The end screen: honest about the score, and nothing that leaves the quiz.
    await frame.getByText(/this score is your own assessment/).waitFor();
    assert.equal(await frame.getByRole('button', { name: /^Practi[cs]e/ }).count(), 0);
    assert.equal(await frame.getByRole('button', { name: 'New quiz' }).count(), 0);
    assert.equal(await frame.getByRole('region', { name: 'Share and embed' }).count(), 0);
    assert.equal(await frame.getByRole('link', { name: 'Change categories' }).count(), 0);
    seen.push(prompts);
    if (visitor === 1) {
      await page.waitForFunction(() => hostEvents.some((e) => e.n === 'quiz-finished'));
      const events = await page.evaluate(() => hostEvents);
      const graded = events.filter((e) => e.n === 'question-graded').map((e) => e.detail);
      assert.equal(graded.length, 3);
      for (const d of graded) {
        assert.match(d.id, /^(testing|design)-/);
        assert.equal(d.category, d.id.split('-')[0]);
        assert.equal(typeof d.seconds, 'number', `seconds of ${d.id}: ${d.seconds}`);
        assert.ok(d.seconds >= 0 && d.seconds < 600);
      }
      const finished = events.find((e) => e.n === 'quiz-finished').detail;
      assert.deepEqual(finished.results.map((r) => [r.id, r.grade]), graded.map((d) => [d.id, d.grade]));
      assert.deepEqual(finished.results.map((r) => r.grade), [1, 2, 3]);
      assert.ok(finished.results.every((r) => typeof r.seconds === 'number' && r.category));
      assert.ok(!JSON.stringify(events).includes('notes'));
      await page.screenshot({ path: `${SHOTS}/embed-locked-light-summary-1280.png`, fullPage: true });
      // A reload shows the summary again and tells the host page again, so it can still show
      // what comes next.
      await page.reload();
      await page.frameLocator('#careers iframe').getByRole('heading', { name: 'Quiz complete' }).waitFor();
      await page.waitForFunction(() => hostEvents.some((e) => e.n === 'quiz-finished'));
      const again = (await page.evaluate(() => hostEvents)).find((e) => e.n === 'quiz-finished').detail;
      assert.deepEqual(again, finished);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
  assert.deepEqual(seen[0], seen[1], 'two fresh visitors get the same questions in the same order');
});

test('a transparent embed on a dark host: the host background shows through, no grey box', async () => {
  const { context, page, errors } = await open('/careers-dark');
  const frame = page.frameLocator('#careers iframe');
  await frame.locator(APP_PROMPT).waitFor();
  await page.frameLocator('#opaque iframe').locator(APP_PROMPT).waitFor();
  await untilHeight(page, '#careers iframe', 'h > 300 && h < 1500', 'sized');
  const box = await page.locator('#careers iframe').boundingBox();
  // The widget's padding, top left and bottom right: the host's own colour.
  for (const [x, y] of [[box.x + 3, box.y + 3], [box.x + box.width - 3, box.y + box.height - 3]]) {
    const got = await pixel(page, x, y);
    assert.ok(near(got, rgb(DARK_HOST)), `pixel ${got} at (${x}, ${y}) should be the host's ${rgb(DARK_HOST)}`);
  }
  // The same spot of an opaque dark widget is the widget's page colour: the check can fail.
  const opaque = await page.locator('#opaque iframe').boundingBox();
  assert.ok(near(await pixel(page, opaque.x + 3, opaque.y + 3), rgb('#0f1217')), 'the opaque widget paints its own background');
  // The quiz itself is a readable card.
  const card = await frame.locator('main.quiz').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(card, 'rgb(23, 27, 34)');
  await page.screenshot({ path: `${SHOTS}/embed-locked-dark-1280.png`, fullPage: true });
  await frame.getByRole('button', { name: 'Reveal answer' }).click();
  await frame.locator('section.answer .prose').first().waitFor();
  await page.screenshot({ path: `${SHOTS}/embed-locked-dark-answer-1280.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('locked embeds at phone width, light and dark hosts', async () => {
  for (const path of ['/careers-light', '/careers-dark']) {
    const { context, page, errors } = await open(path, { viewport: { width: 390, height: 844 } });
    const frame = page.frameLocator('#careers iframe');
    await frame.locator(APP_PROMPT).waitFor();
    await untilHeight(page, '#careers iframe', 'h > 300 && h < 1500', 'sized');
    const overflow = await page.frame({ url: /#\/quiz\/testing/ }).evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `no horizontal overflow (${overflow}px)`);
    await page.screenshot({ path: `${SHOTS}/embed-locked${path.slice(8)}-390.png`, fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('no right-edge strip: an embedded widget reserves no scrollbar gutter', async () => {
  const { context, page } = await open('/careers-light');
  await page.frameLocator('#careers iframe').locator(APP_PROMPT).waitFor();
  await untilHeight(page, '#careers iframe', 'h > 300 && h < 1500', 'sized');
  const inner = page.frame({ url: /#\/quiz\/testing/ });
  const m = await inner.evaluate(() => ({
    inner: innerWidth,
    client: document.documentElement.clientWidth,
    scroll: document.documentElement.scrollWidth,
    gutter: getComputedStyle(document.documentElement).scrollbarGutter,
    embed: document.documentElement.dataset.embed,
  }));
  assert.equal(m.embed, '1');
  assert.equal(m.gutter, 'auto');
  assert.equal(m.client, m.inner, `the document uses the iframe's whole width: ${JSON.stringify(m)}`);
  assert.equal(m.scroll, m.client);
  await context.close();
  // The site itself keeps its stable gutter (no shift between short and long screens).
  const site = await browser.newContext();
  const p = await site.newPage();
  await p.goto(`${widget.url}/pyprep/#/quiz/core?n=1&seed=gutter`);
  await p.locator(APP_PROMPT).waitFor();
  assert.equal(await p.evaluate(() => getComputedStyle(document.documentElement).scrollbarGutter), 'stable');
  await site.close();
});

test('long answers are capped in embeds, "Show the whole answer" shows it all', async () => {
  const { context, page, errors } = await open('/script');
  const frame = page.frameLocator('#w1 iframe');
  await frame.locator(APP_PROMPT).waitFor();
  await frame.getByRole('button', { name: 'Reveal answer' }).click();
  const body = frame.locator('.answer-body');
  await body.locator('.prose').first().waitFor();
  await frame.locator('.answer-body.capped').waitFor();
  const capped = await body.boundingBox();
  assert.ok(capped.height <= 24 * 16 + 1, `capped at 24rem: ${capped.height}px`);
  // The grades stay close: below the capped answer come only the key points to tick.
  const grade = await frame.getByRole('button', { name: 'Got it', exact: true }).boundingBox();
  await page.screenshot({ path: `${SHOTS}/embed-capped-answer-1280.png`, fullPage: true });
  assert.ok(grade.y - capped.y < 1000, `grades ${grade.y - capped.y}px below the answer's start`);
  const show = frame.getByRole('button', { name: 'Show the whole answer' });
  assert.equal(await show.getAttribute('aria-expanded'), 'false');
  const before = await heightOf(page, '#w1 iframe');
  await show.click();
  await frame.locator('.answer-body:not(.capped)').waitFor();
  const whole = await body.boundingBox();
  assert.ok(whole.height > capped.height + 200, `whole answer ${whole.height}px`);
  assert.equal(await frame.getByRole('button', { name: 'Show less of the answer' }).getAttribute('aria-expanded'), 'true');
  await untilHeight(page, '#w1 iframe', `h > ${before + 200}`, 'the iframe follows');
  assert.deepEqual(errors, []);
  await context.close();
  // On the site itself answers stay whole.
  const site = await browser.newContext();
  const p = await site.newPage();
  await p.goto(`${widget.url}/pyprep/#/quiz/coding?n=1&seed=whole`);
  await p.locator(APP_PROMPT).waitFor();
  await p.getByRole('button', { name: 'Reveal answer' }).click();
  await p.locator('.answer-body .prose').first().waitFor();
  assert.equal(await p.locator('.answer-body.capped').count(), 0);
  assert.equal(await p.getByRole('button', { name: 'Show the whole answer' }).count(), 0);
  await site.close();
});

test('the Share panel: snippets follow every choice, never a count above the categories, one "Copied"', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: widget.url });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // "testing" holds 4 questions; the link asks for 5.
  await page.goto(`${widget.url}/pyprep/#/quiz/testing?n=5&seed=share1`);
  await page.locator(APP_PROMPT).waitFor();
  await page.locator('.notes textarea').fill('fixtures, parametrize');
  for (let i = 0; i < 4; i++) {
    await page.getByRole('button', { name: 'Reveal answer' }).click();
    await page.getByRole('button', { name: i % 2 ? 'Partly' : 'Missed it', exact: true }).click();
  }
  await page.getByRole('heading', { name: 'Quiz complete' }).waitFor();
  // The summary: notes kept, the practice button named for what it holds, no one-row table.
  await page.getByText('fixtures, parametrize').waitFor();
  await page.getByRole('button', { name: 'Practise the 4 you missed or half-answered' }).waitFor();
  assert.equal(await page.locator('table.breakdown').count(), 0, 'one category: no table');
  const panel = page.getByRole('region', { name: 'Share and embed' });
  await panel.waitFor(); // rendered the frame after the summary's
  const snippets = () => panel.locator('pre.snippet').allTextContents();
  let [iframe, script] = await snippets();
  assert.match(script, /data-count="4"/);
  assert.doesNotMatch(script + iframe, /data-count="5"|n=5/);
  assert.match(iframe, /#\/quiz\/testing\?n=4&amp;embed=1|#\/quiz\/testing\?n=4&embed=1/);
  assert.match(iframe, /allow="clipboard-write; microphone"/);

  await panel.getByRole('radio', { name: /^These questions, in this order/ }).check();
  await panel.getByRole('radio', { name: /^Readers stay in this quiz/ }).check();
  await panel.getByRole('radio', { name: 'Dark', exact: true }).check();
  await panel.getByRole('checkbox', { name: /^Transparent background/ }).check();
  await panel.getByLabel('Title, shown instead of the categories').fill('Acme & "Co"');
  await panel.getByLabel('Intro line').fill('Five minutes.');
  await panel.locator('input[type="color"]').evaluate((el) => {
    el.value = '#0a7d38';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  [iframe, script] = await snippets();
  for (const attr of ['data-count="4"', 'data-seed="share1"', 'data-theme="dark"', 'data-accent="#0a7d38"',
    'data-transparent="1"', 'data-lock="1"', 'data-title="Acme &amp; &quot;Co&quot;"', 'data-intro="Five minutes."']) {
    assert.ok(script.includes(attr), `script snippet has ${attr}: ${script}`);
  }
  for (const param of ['seed=share1', 'theme=dark', 'accent=0a7d38', 'bg=transparent', 'lock=1', 'title=Acme%20%26%20%22Co%22', 'color-scheme:dark']) {
    assert.ok(iframe.includes(param), `iframe snippet has ${param}: ${iframe}`);
  }
  const link = await panel.locator('.link-text').textContent();
  assert.ok(link.includes('lock=1') && link.includes('seed=share1') && !link.includes('embed=1'), link);
  await panel.getByText('Preview the embed').click();
  const src = await panel.locator('iframe.preview-frame').getAttribute('src');
  assert.ok(src.includes('lock=1') && src.includes('bg=transparent') && src.includes('embed=1'), src);
  await page.frameLocator('iframe.preview-frame').getByText('Acme & "Co"').waitFor();
  assert.match(await panel.getByRole('link', { name: 'All embed options' }).getAttribute('href'), /\/pyprep\/embed\.html$/);

  // Only the last copied button says "Copied".
  await panel.getByRole('button', { name: 'Copy link' }).click();
  await panel.locator('.copy-status', { hasText: 'Copied' }).waitFor();
  await panel.getByRole('button', { name: 'Copy script code' }).click();
  await page.waitForFunction(() => {
    const done = [...document.querySelectorAll('.share .copy')].filter((c) => c.querySelector('.copy-status').textContent === 'Copied');
    return done.length === 1 && done[0].textContent.includes('Copy script code');
  });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), script);
  await page.screenshot({ path: `${SHOTS}/share-panel-1280.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
