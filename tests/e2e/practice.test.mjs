// Practice that sticks (#8), as a learner meets it on the release build: ticking key points
// suggests a grade, Undo takes a grade back, the dashboard's numbers survive export → reset →
// import, graded questions come due once their interval has passed (Playwright's clock), study
// mode searches and prints, and two frames grading at once lose nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, KEYS, sharedBrowser } from './helpers.mjs';

const shared = sharedBrowser();
const { visit } = shared;
// The source bank: the deployed questions.json has its answers split off (answers.json).
const bank = JSON.parse(readFileSync(join(ROOT, 'questions.json'), 'utf8'));

/** What the dashboard says: its lede, each category row, and the 30-day table. */
async function dashboardNumbers(page) {
  await page.getByRole('heading', { name: 'Your progress', level: 1 }).waitFor();
  const rows = await page.locator('table.stats').first().locator('tbody tr').allInnerTexts();
  const days = await page.locator('.chart-table tbody tr').allTextContents();
  const lede = (await page.locator('.dashboard .lede').innerText()).trim();
  return { lede, rows, days };
}

test('ticks suggest a grade, Undo takes it back; export, reset and import keep the dashboard', async () => {
  await visit({}, async (v) => {
    const { page } = v;
    await v.goto('#/quiz/core?n=3&seed=prac1');
    const prompt = await v.promptText();
    const q = bank.questions.find((x) => x.prompt === prompt);
    await v.reveal();
    const boxes = page.locator('.grading input[type=checkbox]');
    assert.equal(await boxes.count(), q.key_points.length, 'one checkbox per key point');
    // Keyboard: Tab reaches the key points; Space ticks.
    await boxes.first().focus();
    await page.keyboard.press('Space');
    await boxes.nth(1).check();
    const half = 2 * 2 >= q.key_points.length;
    assert.match(await page.locator('.suggestion').innerText(), new RegExp(`^2 of ${q.key_points.length} ticked`));
    assert.equal(await page.locator(`.grade.suggested`).innerText().then((t) => t.includes(half ? 'Got it' : 'Partly')), true);
    assert.match(await page.locator('#grade-3-more').innerText(), /^next in \d+ (day|days)/, 'the interval Good gives');
    await v.grade(2);

    // Undo, by its key: back to the answer, the ticks as they were; the review is gone.
    await page.keyboard.press('u');
    await v.answerShown();
    assert.equal(await v.promptText(), prompt);
    assert.equal(await page.locator('.grading input:checked').count(), 2, 'ticks restored');
    let progress = await v.storedJson(KEYS.progress);
    assert.equal(progress.questions[q.id].grades.length, 0, 'the undone review is removed');
    await v.grade(3);
    progress = await v.storedJson(KEYS.progress);
    const [review] = progress.questions[q.id].grades;
    assert.equal(review.grade, 3);
    assert.deepEqual(review.ticks, { said: 0b11, of: q.key_points.length });
    assert.ok(progress.questions[q.id].card.due > review.at, 'scheduled');
    await v.answerAll([1, 4]);

    await v.goto('#/progress');
    const before = await dashboardNumbers(page);
    assert.match(before.lede, /You have graded 3 of 49 questions/);
    assert.match(before.rows[0], /3 of 7/);

    // Export.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export progress' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^pyprep-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(exported.format, 'pyprep-progress');

    // Reset everything, with a confirmation.
    await page.getByRole('button', { name: 'Reset…' }).click();
    await page.getByRole('button', { name: 'Erase', exact: true }).click();
    await page.getByText('Erased the progress of all categories.').waitFor();
    assert.match((await dashboardNumbers(page)).lede, /You have graded 0 of 49/);

    // A broken file changes nothing and says why.
    const dir = mkdtempSync(join(tmpdir(), 'pyprep-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, readFileSync(file, 'utf8').slice(0, 40));
    const input = page.locator('.import input[type=file]');
    await input.setInputFiles(broken);
    assert.match(await page.getByRole('alert').innerText(), /cut off/);

    // A preview cancelled: nothing changes, the focus is back on the file button.
    await input.setInputFiles(file);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForFunction(() => document.activeElement?.type === 'file');

    // Import: a preview, then the same numbers as before.
    await input.setInputFiles(file);
    assert.match(await page.locator('.import .confirm').innerText(), /3 questions will gain 3 new reviews/);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported 3 new reviews into 3 questions.').waitFor();
    // The focus goes to the result, not back to the top of the page.
    await page.waitForFunction(() => document.activeElement?.textContent?.startsWith('Imported 3 new reviews'));
    assert.deepEqual(await dashboardNumbers(page), before);
    // Importing it again adds nothing.
    await input.setInputFiles(file);
    assert.match(await page.locator('.import .confirm').innerText(), /holds nothing new/);
  });
});

test('an import bigger than storage can hold changes nothing, and storage stays in use', async () => {
  // This browser's quota, in miniature: progress over 20 KB is refused (QuotaExceededError).
  const init = () => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'pyprep.v1.progress' && value.length > 20_000) throw new DOMException('full', 'QuotaExceededError');
      return set.call(this, key, value);
    };
  };
  await visit({ init }, async (v) => {
    const { page } = v;
    await v.goto('#/quiz/oop?n=1&seed=quota1');
    await v.reveal();
    await v.grade(3);
    const questions = {};
    for (let i = 0; i < 400; i++) questions[`old-question-${i}`] = { seen: 1, grades: [{ grade: 3, at: 1.7e12 + i }] };
    const dir = mkdtempSync(join(tmpdir(), 'pyprep-'));
    const file = join(dir, 'big.json');
    writeFileSync(file, JSON.stringify({ format: 'pyprep-progress', version: 2, exported_at: 1.8e12, questions }));
    await v.goto('#/progress');
    await page.locator('.import input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    assert.match(await page.getByRole('alert').innerText(), /^Nothing was imported: this browser's storage can't hold that much/);
    const stored = await v.storedJson(KEYS.progress);
    assert.deepEqual(Object.keys(stored.questions).length, 1, 'what was stored is as it was');
    // Storage is still in use: the next grade is kept across a reload.
    assert.equal(await page.locator('.notice').filter({ hasText: /not saved|won't be saved|in memory/i }).count(), 0);
    await v.goto('#/quiz/oop?n=1&seed=quota2');
    await v.reveal();
    await v.grade(2);
    assert.equal(Object.keys((await v.storedJson(KEYS.progress)).questions).length, 2);
  });
});

test('graded questions come due once their interval has passed (controlled clock)', async () => {
  await visit({}, async (v) => {
    const { page } = v;
    await page.clock.install({ time: new Date('2026-12-01T09:00:00Z') });
    await v.goto('#/quiz/oop?n=1&seed=clock1');
    const prompt = await v.promptText();
    await v.reveal();
    const next = await page.locator('#grade-3-more').innerText();
    const days = Number(/next in (\d+) days?/.exec(next)[1]);
    await v.grade(3);
    await v.goto('#/');
    const card = page.locator('section.review');
    assert.match(await card.innerText(), new RegExp(`next review is in ${days} days?`));

    // A day short of the interval: still not due. Then past it: due, and Review starts it.
    await page.clock.setSystemTime(new Date(Date.parse('2026-12-01T09:00:00Z') + (days - 1) * 86_400_000));
    await v.reload();
    assert.doesNotMatch(await card.innerText(), /\d+ due/);
    await page.clock.setSystemTime(new Date(Date.parse('2026-12-01T09:00:00Z') + (days + 1) * 86_400_000));
    await v.reload();
    assert.match(await card.locator('.due-count').innerText(), /^1 due$/);
    await card.getByRole('link', { name: 'Review 1 due' }).click();
    await v.ready();
    assert.equal(await v.promptText(), prompt, 'the due question comes first');
    assert.match(v.hash, /^#\/review\/all\?/);
  });
});

/** The study page's matches, by the same rule as the app (every word, case-insensitive). */
function expectedMatches(query) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return bank.questions.filter((q) => {
    const text = [q.prompt, q.answer, q.id, ...(q.key_points ?? []), ...(q.tags ?? []), q.challenge?.approach ?? '']
      .join('\n')
      .toLowerCase();
    return words.every((w) => text.includes(w));
  }).length;
}

test('study mode: every question, filtered as you type, answers expand, prints clean', async () => {
  await visit({}, async (v) => {
    const { page } = v;
    await v.goto('#/study/all');
    const items = page.locator('.study-item');
    assert.equal(await items.count(), bank.questions.length);
    const search = page.getByRole('searchbox', { name: 'Search' });
    for (const query of ['gil', 'LRU cache', 'context manager', 'zzzz nothing']) {
      await search.fill(query);
      await v.settle();
      const want = expectedMatches(query);
      assert.equal(await items.count(), want, query);
      assert.match(await page.locator('#study-count').innerText(), new RegExp(`^${want} of ${bank.questions.length}`));
    }
    // "Quiz me on these": the matches of the search, or none to quiz on.
    assert.equal(await page.getByRole('link', { name: /^Quiz me on/ }).count(), 0, 'no quiz of nothing');
    await search.fill('gil');
    await v.settle();
    const gil = expectedMatches('gil');
    await page.getByRole('link', { name: `Quiz me on these ${gil}` }).click();
    await v.prompt().waitFor();
    assert.equal(await v.counterText(), `Question 1 of ${gil}`);
    assert.ok((await v.promptText()).length > 0);
    await v.goto('#/study/all');
    await search.fill('');
    await page.getByRole('button', { name: 'Expand all' }).click();
    assert.equal(await page.locator('.study-answer:not([hidden])').count(), bank.questions.length);
    await page.getByRole('button', { name: 'Collapse all' }).click();
    // Another study page starts afresh: its own search, nothing expanded (Back too).
    await search.fill('super');
    await v.goto('#/study/testing');
    assert.equal(await search.inputValue(), '');
    assert.equal(await items.count(), bank.questions.filter((q) => q.category === 'testing').length);
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#/study/all');
    assert.equal(await search.inputValue(), '');

    // Printed: questions, answers and key points; no buttons, search or notes.
    await v.goto('#/study/oop');
    await page.emulateMedia({ media: 'print' });
    const count = bank.questions.filter((q) => q.category === 'oop').length;
    assert.equal(await page.locator('.study-answer').evaluateAll((els) => els.filter((e) => e.offsetHeight > 0).length), count);
    assert.equal(await page.locator('.study-answer .key-points li').evaluateAll((els) => els.filter((e) => e.offsetHeight > 0).length) > 0, true);
    for (const hidden of ['.study-head .actions', '.search', '.site-bar']) {
      assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} is not printed`);
    }
    assert.equal(await page.locator('textarea').count(), 0, 'no notes box');
    await page.emulateMedia({ media: 'screen' });
  });
});

test('two frames of the same site grading at the same time lose nothing', async () => {
  await visit({}, async (v) => {
    const { page } = v;
    await v.goto('#/');
    await page.evaluate(() => {
      document.body.innerHTML =
        '<iframe id="a" src="./#/quiz/core?n=3&seed=tab1" style="width:600px;height:900px"></iframe>' +
        '<iframe id="b" src="./#/quiz/oop?n=3&seed=tab2" style="width:600px;height:900px"></iframe>';
    });
    const frames = ['#a', '#b'].map((id) => page.frameLocator(id));
    for (const f of frames) await f.locator('html[data-app="app"] h1.prompt').waitFor();
    for (let i = 0; i < 3; i++) {
      for (const f of frames) {
        await f.getByRole('button', { name: 'Reveal answer' }).click();
        await f.locator('.grading input[type=checkbox]').first().check();
        await f.getByRole('group', { name: 'Grade your answer' }).getByRole('button', { name: 'Got it', exact: true }).click();
      }
    }
    const progress = await v.storedJson(KEYS.progress);
    const reviews = Object.values(progress.questions).flatMap((q) => q.grades);
    assert.equal(reviews.length, 6, 'every grade from both frames is kept');
    assert.ok(reviews.every((r) => r.ticks?.said === 1), 'with its ticks');
  });
});
