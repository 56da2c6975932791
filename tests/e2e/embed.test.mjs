// Embedding, end to end: a host page on a second loopback port (another origin) embeds the
// release build by plain iframe and by embed.js; height sync, host events, message validation,
// a sandboxed iframe without allow-same-origin, storage that throws, and no foreign requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch, serveDist, ROOT } from './helpers.mjs';
import { serve } from './server.mjs';

// The question once the app module has taken over from the first screen (web::first).
const APP_PROMPT = 'html[data-app="app"] h1.prompt';
const SHOTS = `${ROOT}/test-results/screenshots`;
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
  assert.deepEqual(events[3].detail, { categories: ['coding'], questions: 2, points: 4, max_points: 6, score: 67 });
  assert.deepEqual(events[1].detail, { categories: ['coding'], questions: 2, question: 1, grade: 2 });
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
  await frame.getByRole('button', { name: 'Practice the missed ones (2)' }).click();
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
  await frame.getByText("Progress can't be saved in this browser context").waitFor();
  for (let i = 0; i < 2; i++) {
    await frame.getByRole('button', { name: 'Reveal answer' }).click();
    await frame.getByRole('button', { name: 'Got it' }).click();
  }
  await frame.getByRole('heading', { name: 'Quiz complete' }).waitFor();
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
  await page.frameLocator('#demo-iframe iframe').locator(APP_PROMPT).waitFor();
  for (const id of ['snippet-script', 'snippet-inline', 'snippet-iframe']) {
    const text = await page.locator(`#${id}`).textContent();
    assert.ok(text.includes(`${widget.url}/pyprep/`), `${id} uses this deployment's address: ${text}`);
  }
  await page.screenshot({ path: `${SHOTS}/embed-docs-1280.png`, fullPage: true });
  await context.close();
});
