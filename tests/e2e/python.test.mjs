// Live coding: the Python worker (python-worker.js, Pyodide from dist/pyodide/), driven from a
// page of the served release build the way the Rust UI drives it. The server compresses (brotli)
// and lets files be cached, like a CDN, so the progress bar must count decoded bytes and the
// second worker must load from the HTTP cache. Pyodide starts twice in this file: cold in the
// first worker, warm in a fresh one after terminate().
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, PREFIX, launch, serveDist, withVisit } from './helpers.mjs';

const MANIFEST = JSON.parse(readFileSync(join(DIST, 'pyodide', 'manifest.json'), 'utf8'));
const RAW_TOTAL = Object.values(MANIFEST.sizes).reduce((a, b) => a + b, 0);

const ADD = 'def add(a, b):\n    return a + b\n';
const ADD_TESTS = `def test_small():
    """Adds two small numbers"""
    assert add(1, 2) == 3, "add(1, 2) should be 3"

def test_negative():
    assert add(-1, -2) == -3, "add(-1, -2) should be -3"

def test_zero():
    assert add(0, 0) == 0
`;

let browser;
let server;
let context;
let page;
const log = []; // every path the server was asked for

before(async () => {
  [browser, server] = await Promise.all([
    launch(),
    serveDist({ log, compress: true, cache: 'public, max-age=600' }),
  ]);
  // Compress the big files once up front, so that timings measure the browser, not this server.
  await Promise.all(
    ['pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip'].map((f) =>
      fetch(`${server.url}${PREFIX}pyodide/${f}`, { headers: { 'accept-encoding': 'br' } }).then((r) => r.arrayBuffer()),
    ),
  );
  log.length = 0;
});

after(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** In the page: `window.py` creates the worker as the UI will and keeps every message. */
function installDriver() {
  window.py = {
    messages: [],
    waiters: new Set(),
    start() {
      this.worker = new Worker(new URL('python-worker.js', document.baseURI), { type: 'module' });
      this.worker.onmessage = ({ data }) => {
        this.messages.push({ ...data, at: performance.now() });
        for (const f of this.waiters) f(data);
      };
      this.worker.onerror = (e) => this.messages.push({ type: 'workererror', message: String(e.message) });
    },
    run(id, req) {
      return new Promise((ok) => {
        const f = (m) => {
          if ((m.type === 'result' || m.type === 'failed') && m.id === id) {
            this.waiters.delete(f);
            ok({ ...m, roundTrip: performance.now() - sent });
          }
        };
        this.waiters.add(f);
        const sent = performance.now();
        this.worker.postMessage({ type: 'run', id, files: {}, ...req });
      });
    },
  };
}

let nextId = 1;
/** One run in the current worker: `{code, tests, files?}` → its result (or failed) message. */
function run(req) {
  return page.evaluate(([id, r]) => window.py.run(id, r), [nextId++, req]);
}

async function until(condition, ms = 10_000) {
  const end = Date.now() + ms;
  while (!condition()) {
    assert.ok(Date.now() < end, `timed out waiting for ${condition}`);
    await new Promise((ok) => setTimeout(ok, 20));
  }
}

const underPyodide = (p) => p.includes('/pyodide/') || p.endsWith('/python-worker.js');

test('dist/pyodide holds only what the worker loads, and a manifest of their raw sizes', () => {
  assert.ok(existsSync(join(DIST, 'python-worker.js')));
  assert.deepEqual(readdirSync(join(DIST, 'pyodide')).sort(), [
    'manifest.json',
    'pyodide.asm.mjs',
    'pyodide.asm.wasm',
    'pyodide.mjs',
    'python_stdlib.zip',
  ]);
  for (const [name, size] of Object.entries(MANIFEST.sizes)) {
    assert.equal(statSync(join(DIST, 'pyodide', name)).size, size, name);
  }
  assert.equal(MANIFEST.python, '3.14.2');
});

test('the first load of the page fetches neither the worker nor anything of Pyodide', async () => {
  // The page's own requests: the service worker's install precaches python-worker.js for
  // offline use (offline.test.mjs), whenever it gets to run.
  await withVisit(browser, server.url, { serviceWorkers: 'block' }, async (v) => {
    log.length = 0;
    await v.goto('#/');
    await v.settle();
    const resources = await v.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    assert.deepEqual(log.filter(underPyodide), []);
    assert.deepEqual(resources.filter(underPyodide), []);
  });
});

test('the worker loads Python on the first run: byte progress to the raw total, ready, running, result', async (t) => {
  // Counts the worker's own fetches: no service worker (its install fetches python-worker.js too).
  context = await browser.newContext({ serviceWorkers: 'block' });
  page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}${PREFIX}#/`);
  await page.evaluate(installDriver);
  log.length = 0;
  await page.evaluate(() => window.py.start());
  // The worker by itself downloads nothing: Pyodide waits for the first message.
  await until(() => log.some((p) => p.endsWith('/python-worker.js')));
  await new Promise((ok) => setTimeout(ok, 300));
  assert.deepEqual(log.filter((p) => p.includes('/pyodide/')), []);

  const result = await run({ code: ADD, tests: ADD_TESTS });
  const messages = await page.evaluate(() => window.py.messages);
  const kinds = messages.map((m) => m.type).filter((k, i, all) => k !== 'loading' || all[i - 1] !== 'loading');
  assert.deepEqual(kinds, ['loading', 'ready', 'running', 'result']);

  const loading = messages.filter((m) => m.type === 'loading');
  assert.ok(loading.length >= 2, `several progress messages (${loading.length})`);
  for (const [i, m] of loading.entries()) {
    assert.equal(m.total, RAW_TOTAL, 'total: raw bytes from the manifest, not compressed Content-Length');
    assert.ok(m.loaded <= m.total);
    if (i > 0) assert.ok(m.loaded >= loading[i - 1].loaded, 'monotonic');
  }
  assert.equal(loading.at(-1).loaded, RAW_TOTAL, 'ends at total');

  const ready = messages.find((m) => m.type === 'ready');
  assert.equal(ready.version, '3.14.2');
  assert.equal(ready.pyodide, MANIFEST.pyodide);

  assert.equal(result.type, 'result', JSON.stringify(result));
  assert.equal(result.error, null);
  assert.deepEqual(
    result.tests.map((x) => [x.name, x.label, x.passed, x.message, x.line]),
    [
      ['test_small', 'Adds two small numbers', true, '', null],
      ['test_negative', 'Negative', true, '', null],
      ['test_zero', 'Zero', true, '', null],
    ],
  );

  // Each file once (the progress bar reads the same responses Pyodide uses), nothing else, no 404.
  const fetched = log.filter(underPyodide).map((p) => p.slice(PREFIX.length)).sort();
  assert.deepEqual(fetched, [
    'pyodide/manifest.json',
    'pyodide/pyodide.asm.mjs',
    'pyodide/pyodide.asm.wasm',
    'pyodide/pyodide.mjs',
    'pyodide/python_stdlib.zip',
    'python-worker.js',
  ]);
  for (const p of log) assert.ok(existsSync(join(DIST, p.slice(PREFIX.length) || 'index.html')), `${p} exists`);
  assert.deepEqual(errors, []);
  t.diagnostic(`cold load ${ready.ms} ms (ready), ${Math.round(result.roundTrip)} ms from the first run message to its result`);
});

test('a wrong solution fails with the assertion message; the other tests still run', async (t) => {
  const r = await run({ code: 'def add(a, b):\n    return a - b\n', tests: ADD_TESTS });
  assert.equal(r.error, null);
  assert.deepEqual(
    r.tests.map((x) => [x.passed, x.message]),
    [
      [false, 'AssertionError: add(1, 2) should be 3'],
      [false, 'AssertionError: add(-1, -2) should be -3'],
      [true, ''],
    ],
  );
  assert.match(r.tests[0].traceback, /File "tests\.py", line 3, in test_small/);
  assert.equal(r.tests[0].line, null, 'the assert is in the tests, not in the learner code');
  const ok = await run({ code: ADD, tests: ADD_TESTS });
  t.diagnostic(`run → result for a small solution and 3 tests: ${Math.round(ok.roundTrip)} ms (worker ${ok.ms} ms)`);
});

test('a bare assert that fails reports its source', async () => {
  const r = await run({ code: ADD, tests: 'def test_big():\n    assert add(2,\n               2) == 5\n' });
  assert.equal(r.tests[0].passed, false);
  assert.equal(r.tests[0].message, 'AssertionError: assert add(2, 2) == 5');
});

test('a syntax error reports its line in the learner code, and no tests run', async () => {
  const r = await run({ code: 'def add(a, b):\n    return a +\n', tests: ADD_TESTS });
  assert.equal(r.error.kind, 'syntax');
  assert.equal(r.error.line, 2);
  assert.match(r.error.summary, /^SyntaxError: /);
  assert.match(r.error.traceback, /File "solution\.py", line 2/);
  assert.deepEqual(r.tests, []);
});

test('an exception at the top level reports the error and its line; output before it is kept', async () => {
  const r = await run({ code: 'print("starting")\ntotal = 0\nfor x in range(3):\n    total += y\n', tests: ADD_TESTS });
  assert.equal(r.error.kind, 'error');
  assert.equal(r.error.summary, "NameError: name 'y' is not defined");
  assert.equal(r.error.line, 4);
  assert.equal(r.stdout, 'starting\n');
  assert.deepEqual(r.tests, []);
  assert.doesNotMatch(r.error.traceback, /pyodide|harness|_base\.py/, 'only the learner\'s frames');
});

test('print output is captured per run, stderr too, and cut at 64 KB', async () => {
  const r = await run({
    code: 'import sys\nprint("hello")\nprint("oops", file=sys.stderr)\ndef add(a, b):\n    print("adding", a, b)\n    return a + b\n',
    tests: 'def test_one():\n    assert add(1, 1) == 2\n',
  });
  assert.equal(r.stdout, 'hello\nadding 1 1\n');
  assert.equal(r.stderr, 'oops\n');
  const again = await run({ code: 'print("second")\n', tests: '' });
  assert.equal(again.stdout, 'second\n', 'nothing left over from the previous run');
  const flood = await run({ code: 'for i in range(100_000):\n    print("0123456789")\n', tests: '' });
  assert.ok(flood.stdout.length < 70_000, `${flood.stdout.length} chars`);
  assert.ok(flood.stdout.endsWith('… (output truncated)\n'));
});

test("a failing test's line points into the learner code, through the learner's own calls", async () => {
  const code = 'def first(xs):\n    return xs[0]\n\ndef head_or_none(xs):\n    return first(xs)\n';
  const tests = 'def test_empty():\n    """An empty list gives None"""\n    assert head_or_none([]) is None\n';
  const r = await run({ code, tests });
  const [t] = r.tests;
  assert.equal(t.label, 'An empty list gives None');
  assert.equal(t.passed, false);
  assert.equal(t.message, 'IndexError: list index out of range');
  assert.equal(t.line, 2);
  const files = [...t.traceback.matchAll(/File "([^"]+)", line (\d+)/g)].map((m) => `${m[1]}:${m[2]}`);
  assert.deepEqual(files, ['tests.py:3', 'solution.py:5', 'solution.py:2']);
});

test("a challenge's files are in the working directory; modules imported from it don't outlive the run", async () => {
  const r = await run({
    code: 'import helper\nwith open("app.log") as f:\n    errors = [l for l in f if "ERROR" in l]\nprint(len(errors), helper.X)\n',
    tests: '',
    files: { 'app.log': 'INFO ok\nERROR one\nERROR two\n', 'helper.py': 'X = 41\n' },
  });
  assert.equal(r.error, null, JSON.stringify(r.error));
  assert.equal(r.stdout, '2 41\n');
  const changed = await run({ code: 'import helper\nprint(helper.X)\n', tests: '', files: { 'helper.py': 'X = 42\n' } });
  assert.equal(changed.stdout, '42\n', 'the new helper.py, not the cached module');
  const gone = await run({ code: 'import os\nprint(os.path.exists("app.log"))\nimport helper\n', tests: '' });
  assert.equal(gone.stdout, 'False\n');
  assert.equal(gone.error.summary, "ModuleNotFoundError: No module named 'helper'");
});

test('input() raises EOFError, packages are not downloaded, asyncio.run works', async () => {
  const input = await run({ code: 'name = input("Name? ")\n', tests: '' });
  assert.equal(input.error.summary.split(':')[0], 'EOFError');
  assert.equal(input.error.line, 1);
  log.length = 0;
  const numpy = await run({ code: 'import numpy\n', tests: '' });
  assert.equal(numpy.error.summary, "ModuleNotFoundError: No module named 'numpy'");
  assert.deepEqual(log, [], 'nothing fetched');
  const aio = await run({
    code: 'import asyncio\nasync def main():\n    await asyncio.sleep(0.01)\n    return 5\nprint(asyncio.run(main()))\n',
    tests: 'async def test_async():\n    assert await asyncio.sleep(0, 7) == 7\n',
  });
  assert.equal(aio.error, null, JSON.stringify(aio.error));
  assert.equal(aio.stdout, '5\n');
  assert.equal(aio.tests[0].passed, true, JSON.stringify(aio.tests[0]));
});

test('after terminate(), a fresh worker (warmed up with {type:"load"}) runs again, from the HTTP cache', async (t) => {
  log.length = 0;
  const ready = await page.evaluate(
    () =>
      new Promise((ok) => {
        window.py.worker.terminate();
        window.py.messages = [];
        window.py.start();
        window.py.waiters.add((m) => m.type === 'ready' && ok(m));
        window.py.worker.postMessage({ type: 'load' });
      }),
  );
  assert.equal(ready.version, '3.14.2');
  const r = await run({ code: ADD, tests: ADD_TESTS });
  assert.equal(r.type, 'result');
  assert.ok(r.tests.every((x) => x.passed));
  const messages = await page.evaluate(() => window.py.messages);
  assert.deepEqual(
    messages.map((m) => m.type).filter((k) => k !== 'loading'),
    ['ready', 'running', 'result'],
  );
  const loading = messages.filter((m) => m.type === 'loading');
  assert.equal(loading.at(-1).loaded, RAW_TOTAL);
  assert.deepEqual(log.filter((p) => p.includes('/pyodide/')), [], 'every Pyodide file from the HTTP cache');
  t.diagnostic(`warm load ${ready.ms} ms (ready)`);
});

test('if Python itself dies, the run says so (fatal) instead of hanging', async () => {
  const r = await run({ code: 'x = []\nfor _ in range(300_000):\n    x = [x]\nprint(repr(x))\n', tests: '' });
  // CPython's own recursion guard may catch this one first; either way the page gets an answer.
  if (r.type === 'failed') {
    assert.equal(r.fatal, true);
    assert.match(r.message, /Python stopped unexpectedly/);
  } else {
    assert.equal(r.error.kind, 'error');
  }
});

test('when Pyodide cannot load, the run fails with a message a learner can read', async () => {
  const ctx = await browser.newContext();
  try {
    const p = await ctx.newPage();
    await p.goto(`${server.url}${PREFIX}#/`);
    await p.evaluate(installDriver);
    await ctx.route('**/pyodide/pyodide.asm.wasm', (route) => route.abort('internetdisconnected'));
    await ctx.route('**/pyodide/python_stdlib.zip', (route) => route.fulfill({ status: 404, body: 'not found' }));
    const r = await p.evaluate(() => {
      window.py.start();
      return window.py.run(1, { code: 'print(1)', tests: '' });
    });
    assert.equal(r.type, 'failed');
    assert.equal(r.fatal, false);
    assert.match(r.message, /^Python could not load: pyodide\/(pyodide\.asm\.wasm did not download|python_stdlib\.zip is missing from the site \(HTTP 404\))/);
    // The next run tries again, and says so again.
    const again = await p.evaluate(() => window.py.run(2, { code: 'print(1)', tests: '' }));
    assert.equal(again.type, 'failed');
  } finally {
    await ctx.close();
  }
});
