// The first load and the hand-over: the page fetches only the first screen and the bank before
// its first question shows, within the budget; the app module (`pyprep-app`: answers, grading,
// FSRS, every other screen) arrives after and takes over without losing what the learner did;
// if it can't load, the question stays, says why, and "Try again" works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, PREFIX, sharedBrowser } from './helpers.mjs';
import { BUDGET_KB, measureFirstLoad, sizes } from './first-load.mjs';

const shared = sharedBrowser();
const { visit } = shared;
const bank = JSON.parse(readFileSync(join(DIST, 'questions.json'), 'utf8'));

test(`the first load is the first screen and the bank, within ${BUDGET_KB} KB brotli; the app module and the challenges' code come after`, async () => {
  const { before: first, after: later } = await measureFirstLoad(
    shared.browser,
    `${shared.server.url}${PREFIX}#/quiz/core?n=5&seed=load1`,
    PREFIX,
  );
  const kind = (f) => f.replace(/-[0-9a-f]{8,16}(?=[._])/, '-…');
  const kinds = first.map(kind).sort();
  assert.deepEqual(kinds, [
    'index.html',
    'pyprep-….js',
    'pyprep-…_bg.wasm',
    'questions.json',
    'styles-….css',
  ]);
  // After it: the app module, then the challenges' code (fetched by the app, so it may come
  // after the measurement ends).
  assert.deepEqual(
    later.map(kind).filter((f) => f !== 'challenges.json').sort(),
    ['pyprep-app-….js', 'pyprep-app-…_bg.wasm'],
  );
  const { rows, total } = sizes(DIST, first);
  const report = rows.map((r) => `${r.file} ${(r.br / 1024).toFixed(1)} KB`).join(', ');
  assert.ok(total <= BUDGET_KB * 1024, `first load ${(total / 1024).toFixed(1)} KB: ${report}`);
});

test('answers are formatted: paragraphs, lists, highlighted Python, no raw Markdown', async () => {
  await visit({}, async (v) => {
    const q = bank.questions.find((x) => x.challenge);
    const slug = q.category;
    const count = bank.questions.filter((x) => x.category === slug).length;
    // Walk the category's quiz until the challenge question shows.
    await v.goto(`#/quiz/${slug}?n=${count}&seed=load2`);
    for (;;) {
      if ((await v.promptText()) === q.prompt) break;
      await v.reveal();
      await v.grade(3);
    }
    await v.reveal();
    const answer = v.answer();
    assert.ok((await answer.locator('.prose p').count()) > 0, 'paragraphs');
    assert.ok((await answer.locator('pre.code .tok-kw').count()) > 0, 'Python highlighted');
    assert.equal(await answer.locator('.prose.plain, .prose.pending, .notice').count(), 0);
    const text = await answer.innerText();
    assert.ok(!text.includes('```'), 'no fence markers');
    assert.ok(!/\*\*\w/.test(text), 'no bold markers');
    // The reference solution and its tests are highlighted code blocks too.
    assert.ok((await answer.locator('.challenge pre.code[data-lang="python"]').count()) >= 2);
  });
});

test('when the app module cannot load, the question stays, says why, and "Try again" hands over', async () => {
  await visit({}, async (v) => {
    const { context, page } = v;
    await context.route('**/pyprep-app*', (route) => route.abort('internetdisconnected'));
    await page.goto(v.url('#/quiz/core?n=2&seed=load3'));
    await v.prompt().waitFor();
    await page.locator('textarea').fill('GIL, refcounting');
    const notice = page.getByRole('alert');
    await notice.waitFor();
    assert.match(await notice.innerText(), /The rest of PyPrep \(answers, grading, the other screens\) did not load/);
    await page.getByRole('button', { name: 'Reveal answer' }).click();
    await page.getByText('The answer shows once the rest of PyPrep has loaded').waitFor();
    assert.match(await notice.innerText(), /pyprep-app-[0-9a-f]{16}\.js/, 'the reason names the file');

    await context.unroute('**/pyprep-app*');
    await notice.getByRole('button', { name: 'Try again' }).click();
    await v.ready();
    await v.answerShown();
    assert.equal(await page.locator('textarea').inputValue(), 'GIL, refcounting', 'notes kept');
    assert.ok(await v.gradeButton(3).isVisible(), 'grading works');
    assert.equal(await page.getByRole('alert').count(), 0, 'the notice is gone');
  });
});

/** Holds the app module's script until the returned function is called. */
async function holdAppModule(context) {
  let release;
  const arrived = new Promise((ok) => { release = ok; });
  await context.route('**/pyprep-app*.js', async (route) => {
    await arrived;
    await route.continue();
  });
  return release;
}

test('the hand-over keeps what the learner did: reveal, notes and the caret', async () => {
  await visit({}, async (v) => {
    const { context, page } = v;
    const release = await holdAppModule(context);
    await page.goto(v.url('#/quiz/coding?n=1&seed=load4'));
    const notes = page.locator('textarea');
    await notes.fill('two pointers');
    await notes.focus();
    release();
    await v.ready();
    assert.equal(await notes.inputValue(), 'two pointers');
    assert.ok(await page.evaluate(() => document.activeElement?.tagName === 'TEXTAREA'), 'focus kept');
    await page.getByRole('button', { name: 'Reveal answer' }).click();
    await v.answerShown();
    assert.ok((await v.answer().locator('pre.code .tok-kw').count()) > 0, 'formatted at once');
  });
});

test('the first screen already answers Space, and nothing moves at the hand-over', async () => {
  await visit({}, async (v) => {
    const { context, page } = v;
    const release = await holdAppModule(context);
    await page.goto(v.url('#/quiz/core?n=2&seed=load5'));
    await v.prompt().waitFor();
    const before = await v.prompt().boundingBox();
    await page.keyboard.press('Space');
    await page.getByRole('status').filter({ hasText: 'Loading the answer' }).waitFor();
    release();
    await v.ready();
    await v.answerShown();
    const after = await v.prompt().boundingBox();
    assert.deepEqual([after.x, after.y], [before.x, before.y], 'the question stays where it was');
  });
});
