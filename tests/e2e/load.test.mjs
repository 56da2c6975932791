// The first load and the answer renderer: the page fetches only the app shell and the bank
// before its first question shows, within the budget; pulldown-cmark (the `pyprep-later` module)
// arrives after, and answers are formatted with it; if it can't load, answers are plain text,
// readable and gradable, with a way to try again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, PREFIX, sharedBrowser } from './helpers.mjs';
import { BUDGET_KB, measureFirstLoad, sizes } from './first-load.mjs';

const shared = sharedBrowser();
const { visit } = shared;
const bank = JSON.parse(readFileSync(join(DIST, 'questions.json'), 'utf8'));

test(`the first load is the shell and the bank, within ${BUDGET_KB} KB brotli; the renderer comes after`, async () => {
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
  assert.deepEqual(later.map(kind).sort(), ['pyprep-later-….js', 'pyprep-later-…_bg.wasm']);
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

test('when the renderer cannot load, the answer is plain text, gradable, and "Try again" works', async () => {
  await visit({}, async (v) => {
    const { context, page } = v;
    await context.route('**/pyprep-later*', (route) => route.abort('internetdisconnected'));
    await v.goto('#/quiz/core?n=2&seed=load3');
    const prompt = await v.promptText();
    const q = bank.questions.find((x) => x.prompt === prompt);
    await page.getByRole('button', { name: 'Reveal answer' }).click();
    const notice = v.answer().locator('.notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), /Formatting didn't load, so the answer is shown as plain text/);
    assert.match(await notice.innerText(), /pyprep-later-[0-9a-f]{16}\.js/, 'the reason names the file');
    const plain = await v.answer().locator('.prose.plain').first().innerText();
    assert.equal(plain.trim(), q.answer.trim(), 'the whole answer, as written');
    assert.ok(await v.gradeButton(3).isVisible(), 'grading still works');

    await context.unroute('**/pyprep-later*');
    await notice.getByRole('button', { name: 'Try again' }).click();
    await v.answer().locator('.prose:not(.plain):not(.pending)').first().waitFor();
    assert.equal(await notice.count(), 0, 'the notice goes once formatting works');
    await v.grade(3);
    await v.reveal();
    assert.equal(await v.answer().locator('.prose.plain').count(), 0, 'the next answer is formatted');
  });
});

test('revealed before the renderer arrives: one status line, then the formatted answer', async () => {
  await visit({}, async (v) => {
    const { context, page } = v;
    let release;
    const arrived = new Promise((ok) => { release = ok; });
    await context.route('**/pyprep-later*.js', async (route) => {
      await arrived;
      await route.continue();
    });
    await v.goto('#/quiz/coding?n=1&seed=load4');
    await page.getByRole('button', { name: 'Reveal answer' }).click();
    const status = v.answer().getByRole('status');
    await status.waitFor();
    assert.equal(await status.count(), 1, 'one status line, not one per block');
    assert.equal((await status.innerText()).trim(), 'Formatting the answer…');
    assert.ok(await v.gradeButton(2).isVisible(), 'grading does not wait for formatting');
    release();
    await v.answerShown();
    assert.equal(await status.count(), 0);
    assert.ok((await v.answer().locator('pre.code .tok-kw').count()) > 0);
  });
});
