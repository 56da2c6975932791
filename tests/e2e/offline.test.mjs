// Offline and installable: the service worker (sw.js, registered by index.html once the page has
// handed over) makes a PyPrep visited once work with the network off, Pyodide included once it
// has run; a new deploy into the same folder is announced and taken on Reload, never mixed with
// the old one; the web app manifest is valid and its icons load; an embed installs no worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, KEYS, PREFIX, ROOT, Visit, launch, serveDist } from './helpers.mjs';
import { serve } from './server.mjs';

let browser, server;
const log = []; // every path the server of DIST was asked for

before(async () => {
  [browser, server] = await Promise.all([launch(), serveDist({ log })]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs `body(visit)` in a fresh context (a new person: no worker yet), closing it after. */
async function fresh(baseUrl, options, body) {
  const v = await Visit.open(browser, baseUrl, options);
  try {
    await body(v);
  } catch (e) {
    if (v.errors.length) e.message += `\nPage errors:\n${v.errors.join('\n')}`;
    await v.context.close().catch(() => {});
    throw e;
  }
  await v.close();
}

/** Waits until a service worker controls `page` (registered after the hand-over, precached). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
}

/**
 * The paths the server's log got while `body` ran, but sw.js: the browser's own check for a new
 * worker on navigation is not under Playwright's offline emulation (offline, it just fails).
 */
async function requestsDuring(serverLog, body) {
  const start = serverLog.length;
  await body();
  return serverLog.slice(start).filter((p) => !p.endsWith('/sw.js'));
}

test('visited once, it works offline: a quiz (reveal, grade, progress saved), home and the dashboard', async () => {
  await fresh(server.url, {}, async (v) => {
    const { page, context } = v;
    await v.goto('#/quiz/core?n=2&seed=offline1');
    await controlled(page);
    const asked = await requestsDuring(log, async () => {
      await context.setOffline(true);
      await v.reload();
      assert.ok(
        await page.evaluate(() => performance.getEntriesByType('navigation')[0].workerStart > 0),
        'the page came from the service worker',
      );
      assert.deepEqual(await v.position(), { i: 1, n: 2 });
      const id = (await v.storedJson(KEYS.session))?.ids?.[0] ?? null;
      await v.reveal();
      await v.grade(3);
      const progress = await v.storedJson(KEYS.progress);
      assert.ok(progress, 'progress saved offline');
      if (id) assert.ok(JSON.stringify(progress).includes(id), 'the graded question is in the progress');
      await v.goto('#/');
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await v.goto('#/progress');
      await v.reload(); // the dashboard, loaded offline
      assert.equal(new URL(page.url()).hash, '#/progress');
      await page.locator('main').waitFor();
    });
    assert.deepEqual(asked, [], 'nothing reached the server while offline');
  });
});

test('Pyodide is cached once used: Run online, then offline after a reload', async () => {
  const RUN = 120_000;
  await fresh(server.url, {}, async (v) => {
    const { page, context } = v;
    page.setDefaultTimeout(RUN);
    await v.goto('#/challenge/coding-reverse-string');
    await controlled(page);
    const run = async () => {
      await page.locator('.editor-text').focus();
      await page.keyboard.press('Control+Enter');
      await page.locator('.run-headline').waitFor();
      return (await page.locator('.run-headline').innerText()).trim();
    };
    assert.match(await run(), /tests? passed/);
    const asked = await requestsDuring(log, async () => {
      await context.setOffline(true);
      await v.reload();
      await page.locator('.editor-text').waitFor();
      assert.match(await run(), /tests? passed/);
    });
    assert.deepEqual(asked, [], 'nothing reached the server while offline');
    const names = await page.evaluate(() => caches.keys());
    assert.ok(names.some((n) => /pyodide-\d/.test(n)), `a Pyodide cache named by version: ${names}`);
  });
});

/**
 * A new deploy of `dir` in place: every hashed file under a new hash (the old ones deleted, as
 * when a folder is replaced), a marked index.html, a changed bank, and sw.js with the new list.
 * Returns the old and new hashed names.
 */
function redeploy(dir) {
  const HASHED = /-([0-9a-f]{8,16})(?=(_bg)?\.[a-z]+$)/;
  const renames = new Map(); // old hash → new hash
  for (const f of readdirSync(dir)) {
    const m = HASHED.exec(f);
    if (m) renames.set(m[1], [...m[1]].reverse().join(''));
  }
  const rehash = (text) => {
    for (const [from, to] of renames) text = text.split(from).join(to);
    return text;
  };
  const oldNames = readdirSync(dir).filter((f) => HASHED.test(f));
  for (const f of oldNames) {
    const path = join(dir, f);
    if (/\.(js|css)$/.test(f)) writeFileSync(path, rehash(readFileSync(path, 'utf8')));
    renameSync(path, join(dir, rehash(f)));
  }
  const html = rehash(readFileSync(join(dir, 'index.html'), 'utf8')).replace('<meta charset=utf-8>', '<meta charset=utf-8><meta name=pyprep-build content=v2>');
  assert.ok(html.includes('pyprep-build'));
  writeFileSync(join(dir, 'index.html'), html);
  const bank = JSON.parse(readFileSync(join(dir, 'questions.json'), 'utf8'));
  for (const q of bank.questions) q.prompt = `v2: ${q.prompt}`;
  writeFileSync(join(dir, 'questions.json'), JSON.stringify(bank));
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  const build = JSON.parse(/^const BUILD = (.*);$/m.exec(sw)[1]);
  build.version = `v2-${build.version}`;
  const newSw = sw.replace(/^const BUILD = .*$/m, `const BUILD = ${rehash(JSON.stringify(build))};`);
  assert.notEqual(newSw, sw);
  writeFileSync(join(dir, 'sw.js'), newSw);
  return { oldNames, newNames: oldNames.map(rehash) };
}

test('a new deploy in the same folder: announced, taken on Reload, never mixed with the old one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pyprep-deploy-'));
  cpSync(DIST, dir, { recursive: true, filter: (src) => !src.includes('/pyodide') });
  const deployLog = [];
  const site = await serve({ [PREFIX]: dir }, { log: deployLog });
  const phone = { viewport: { width: 375, height: 740 }, hasTouch: true };
  try {
    await fresh(site.url, phone, async (v) => {
      const { page, context } = v;
      await v.goto('#/quiz/core?n=3&seed=update1');
      await controlled(page);
      const v1Prompt = await v.promptText();
      await page.evaluate(() => { window.stillV1 = true; });

      const { oldNames, newNames } = redeploy(dir);
      const since = deployLog.length;

      // A second tab opened now runs the new deploy (index.html is network-first), under the
      // old worker: every hashed file it gets is the new build's.
      const tab = await context.newPage();
      const tabErrors = [];
      tab.on('pageerror', (e) => tabErrors.push(e.message));
      await tab.goto(v.url('#/quiz/core?n=1&seed=update2'));
      await tab.locator('html[data-app="app"] h1.prompt').waitFor({ timeout: 15_000 });
      assert.match(await tab.locator('h1.prompt').innerText(), /^v2: /);
      const tabFiles = await builtFiles(tab);
      assert.ok(tabFiles.length >= 4, `${tabFiles}`);
      assert.deepEqual(tabFiles.filter((f) => !newNames.includes(f)), [], 'the new index.html only gets new files');
      await tab.evaluate(() => { window.stillHere = true; });

      // The browser checks for a new sw.js on navigations (and every 24 h): the first tab is
      // told, without reloading.
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      const notice = page.getByRole('status').filter({ hasText: 'A new version of PyPrep is ready.' });
      await notice.waitFor({ timeout: 30_000 });
      const reload = notice.getByRole('button', { name: 'Reload' });
      const box = await notice.boundingBox();
      assert.ok(box.height <= 80 && box.x + box.width <= 375 && box.y + box.height <= 740, `small, in view: ${JSON.stringify(box)}`);
      assert.ok(await notice.getByRole('button', { name: 'Dismiss' }).isVisible());
      mkdirSync(`${ROOT}/test-results/screenshots`, { recursive: true });
      await page.screenshot({ path: `${ROOT}/test-results/screenshots/update-notice-375.png` });
      await reload.focus();
      assert.ok(await reload.evaluate((b) => getComputedStyle(b).outlineStyle !== 'none'), 'focus is visible');

      // The quiz goes on meanwhile, on the old build, with the grade buttons reachable.
      assert.equal(await v.promptText(), v1Prompt);
      await v.reveal();
      await v.gradeButton(3).click();
      await v.waitForPosition(2, 3);
      assert.ok(!(await v.promptText()).startsWith('v2: '));
      assert.equal(await page.evaluate(() => window.stillV1), true, 'no reload by itself');

      // Reload: the new worker takes over and the page reloads once, all new.
      await Promise.all([page.waitForEvent('load', { timeout: 20_000 }), reload.click()]);
      await v.ready();
      assert.equal(await page.evaluate(() => window.stillV1), undefined, 'reloaded');
      assert.equal(await page.locator('meta[name=pyprep-build]').getAttribute('content'), 'v2');
      assert.match(await v.promptText(), /^v2: /, 'the new bank');
      assert.deepEqual(await v.position(), { i: 2, n: 3 }, 'the quiz resumes where it was');
      const files = await builtFiles(page);
      assert.deepEqual(files.filter((f) => !newNames.includes(f)), [], `only new files: ${files}`);
      assert.match(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL), /\/pyprep\/sw\.js$/);
      const names = await page.evaluate(() => caches.keys());
      assert.equal(names.filter((n) => n.includes(':build-')).length, 1, `old caches deleted: ${names}`);
      assert.ok(names.some((n) => n.includes(':build-v2-')), `${names}`);

      // The other tab already ran the new deploy: it is not told of it, nor reloaded.
      assert.equal(await tab.getByText('A new version of PyPrep is ready.').count(), 0);
      assert.equal(await tab.evaluate(() => window.stillHere), true);
      assert.deepEqual(tabErrors, []);

      // Nothing asked for an old file after the deploy, and offline it is the new build too.
      const oldAsked = deployLog.slice(since).filter((p) => oldNames.some((n) => p.endsWith(n)));
      assert.deepEqual(oldAsked, [], 'no old hashed file requested after the deploy');
      await context.setOffline(true);
      await v.reload();
      assert.equal(await page.locator('meta[name=pyprep-build]').getAttribute('content'), 'v2');
      assert.deepEqual((await builtFiles(page)).filter((f) => !newNames.includes(f)), []);
    });
  } finally {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The hashed files (names below the folder) a page has loaded, from its resource timing. */
function builtFiles(page) {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname.split('/').pop())
      .filter((f) => /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/.test(f)),
  );
}

test('the web app manifest: valid, opens at the deployed folder, its icons load', async () => {
  await fresh(server.url, {}, async (v) => {
    const { page, context } = v;
    await v.goto('#/');
    const href = await page.evaluate(() => document.querySelector('link[rel=manifest]').href);
    assert.equal(href, `${server.url}${PREFIX}manifest.webmanifest`);
    const res = await context.request.get(href);
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-type'], /^application\/manifest\+json/);
    const m = JSON.parse(await res.text());
    assert.equal(m.name, 'PyPrep — Python interview practice');
    assert.equal(m.short_name, 'PyPrep');
    assert.equal(m.display, 'standalone');
    assert.equal(new URL(m.start_url, href).href, `${server.url}${PREFIX}`);
    assert.equal(new URL(m.scope, href).href, `${server.url}${PREFIX}`);
    assert.match(m.theme_color, /^#[0-9a-f]{6}$/i);
    assert.match(m.background_color, /^#[0-9a-f]{6}$/i);
    assert.equal(
      await page.evaluate(() => document.querySelector('meta[name=theme-color]').content),
      m.theme_color,
    );
    const pngs = m.icons.filter((i) => i.type === 'image/png');
    for (const want of ['192x192 any', '512x512 any', '512x512 maskable']) {
      assert.ok(pngs.some((i) => `${i.sizes} ${i.purpose ?? 'any'}` === want), `an icon ${want}`);
    }
    assert.ok(m.icons.some((i) => i.type === 'image/svg+xml'));
    for (const icon of m.icons) {
      const r = await context.request.get(new URL(icon.src, href).href);
      assert.equal(r.status(), 200, icon.src);
      assert.equal(r.headers()['content-type'], icon.type, icon.src);
      const body = await r.body();
      if (icon.type === 'image/png') {
        assert.equal(body.subarray(1, 4).toString(), 'PNG');
        const [w, h] = [body.readUInt32BE(16), body.readUInt32BE(20)];
        assert.equal(`${w}x${h}`, icon.sizes, icon.src);
        assert.ok(body.length < 20_000, `${icon.src} is small (${body.length} bytes)`);
      }
    }
    // Chromium's own reading of it: no errors, and its scope and start at the folder.
    const cdp = await context.newCDPSession(page);
    const got = await cdp.send('Page.getAppManifest');
    assert.equal(got.url, href);
    assert.deepEqual(got.errors, [], 'Chromium reports no manifest errors');
    if (got.manifest) {
      assert.equal(got.manifest.startUrl, `${server.url}${PREFIX}`);
      assert.equal(got.manifest.scope, `${server.url}${PREFIX}`);
    }
    await controlled(page);
    // Playwright's contexts are incognito profiles, where Chromium never offers to install.
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), [], 'installable');
  });
});

test('embedded in another site, PyPrep installs no service worker; refused, it runs without one', async () => {
  const widgetLog = [];
  const widget = await serveDist({ log: widgetLog });
  const pages = {};
  const host = await serve({}, { pages }); // another port: another origin
  const app = `${widget.url}${PREFIX}`;
  pages['/post'] = `<!doctype html><html lang="en"><head><title>Blog</title><link rel="icon" href="data:,"></head><body>
    <iframe id="plain" src="${app}#/quiz/core?n=2&seed=emb&embed=1" title="PyPrep" style="width:100%;height:600px;border:0"></iframe>
    <iframe id="sb" sandbox="allow-scripts" src="${app}#/quiz/core?n=1&seed=sb&embed=1" title="PyPrep sandboxed" style="width:100%;height:600px;border:0"></iframe>
  </body></html>`;
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${host.url}/post`);
    for (const id of ['plain', 'sb']) {
      await page.frameLocator(`#${id}`).locator('html[data-app="app"] h1.prompt').waitFor({ timeout: 15_000 });
    }
    // Top-level it registers within a second of the hand-over; give the frames three.
    await page.waitForTimeout(3000);
    const frame = page.frames().find((f) => f.url().startsWith(app) && f.url().includes('seed=emb'));
    assert.deepEqual(await frame.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0);
    assert.equal(await frame.evaluate(() => navigator.serviceWorker.controller), null);
    assert.deepEqual(widgetLog.filter((p) => p.endsWith('/sw.js')), [], 'sw.js never fetched');
    assert.deepEqual(context.serviceWorkers(), []);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await widget.close();
    await host.close();
  }

  // A browser that refuses (storage blocked, SecurityError): the app just runs.
  await fresh(server.url, {
    init: () => {
      ServiceWorkerContainer.prototype.register = () => Promise.reject(new DOMException('refused', 'SecurityError'));
    },
  }, async (v) => {
    await v.goto('#/quiz/core?n=1&seed=refused');
    await v.page.waitForTimeout(1500);
    await v.reveal();
    await v.grade(3);
    assert.equal(await v.page.evaluate(() => navigator.serviceWorker.controller), null);
  });
});
