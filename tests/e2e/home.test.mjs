// The candidate's side of #11, on a phone and a desktop: the start action in the first
// viewport, one tap for one / several / all categories (touch and keyboard), the difficulty
// filter and its link, notes kept with the review and shown in the summary, ending a quiz
// early, the practice quiz's header, and the way between a long answer and its grading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { KEYS, ROOT, sharedBrowser } from './helpers.mjs';

const shared = sharedBrowser();
const { visit } = shared;
const SHOTS = `${ROOT}/test-results/screenshots`;
mkdirSync(SHOTS, { recursive: true });

const start = (page) => page.locator('form.setup button.start');
const chip = (page, name) => page.locator('.chip-toggle', { hasText: name }).first();
const pressed = async (page) =>
  (await page.locator('.chip-toggle[aria-pressed="true"]').allInnerTexts()).map((t) => t.replace(/\s*\d+$/, '').trim());

test('the start action is in the first viewport on phones and desktops, light and dark', async () => {
  for (const [width, height] of [[390, 844], [320, 568], [1280, 900]]) {
    for (const colorScheme of ['light', 'dark']) {
      await visit({ viewport: { width, height }, colorScheme }, async (v) => {
        await v.goto('#/');
        const box = await start(v.page).boundingBox();
        assert.ok(box && box.y + box.height <= height, `Start within ${width}×${height} (bottom at ${box?.y + box?.height})`);
        assert.ok((await v.scrollWidth()) <= width, 'no sideways scrolling');
        await v.page.screenshot({ path: `${SHOTS}/home-${width}-${colorScheme}.png` });
        await v.goto('#/quiz/dsa?n=2&seed=look11');
        await v.reveal();
        await v.page.screenshot({ path: `${SHOTS}/quiz-${width}-${colorScheme}.png`, fullPage: true });
      });
    }
  }
});

test('one tap chooses one category, more taps several, and All is one tap away (touch and keys)', async () => {
  await visit({ viewport: { width: 390, height: 844 }, hasTouch: true }, async (v) => {
    const { page } = v;
    await v.goto('#/');
    assert.deepEqual(await pressed(page), ['All', 'All levels']);
    await chip(page, 'Object-Oriented Programming').tap();
    assert.deepEqual(await pressed(page), ['Object-Oriented Programming', 'All levels'], 'from All, just this one');
    assert.equal(await start(page).innerText(), 'Start all 5 questions', 'never more than the category holds');
    await chip(page, 'Testing and Debugging').tap();
    assert.deepEqual(await pressed(page), ['Object-Oriented Programming', 'Testing and Debugging', 'All levels']);
    // Keyboard: Tab to a chip, Space toggles it.
    await chip(page, 'Object-Oriented Programming').focus();
    await page.keyboard.press('Space');
    assert.deepEqual(await pressed(page), ['Testing and Debugging', 'All levels']);
    await page.keyboard.press('Shift+Tab'); // Basic and Core Python
    await page.keyboard.press('Shift+Tab'); // All
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim().startsWith('All')), true);
    assert.deepEqual(await pressed(page), ['All', 'All levels'], 'All again');
    await chip(page, 'Testing and Debugging').click();
    await start(page).click();
    await page.locator('h1.prompt').waitFor();
    assert.match(v.hash, /^#\/quiz\/testing\?/);
    assert.equal(await v.counterText(), 'Question 1 of 4');
    // "Change categories" from a quiz of All comes back to All, not to the drawn questions'.
    await v.goto('#/quiz/all?n=5&seed=allback');
    await page.locator('h1.prompt').waitFor();
    await page.getByRole('link', { name: 'Change categories' }).click();
    await start(page).waitFor();
    assert.deepEqual(await pressed(page), ['All', 'All levels']);
  });
});

test('the difficulty filter: chosen on home, carried by the link, old links unchanged', async () => {
  await visit({}, async (v) => {
    const { page } = v;
    await v.goto('#/');
    await chip(page, 'Junior').click();
    assert.match(await page.locator('.start-scope').innerText(), /Junior/);
    await start(page).click();
    await page.locator('h1.prompt').waitFor();
    assert.equal(v.params.get('level'), 'junior');
    const seed = v.params.get('seed');
    for (;;) {
      assert.equal(await page.locator('.badge.difficulty').innerText(), 'Junior');
      await v.reveal();
      const { i, n } = await v.position();
      await v.grade(3);
      if (i === n) break;
    }
    // The same link again gives the same questions; a senior link only senior ones.
    await v.goto(`#/quiz/all?level=senior&n=all&seed=${seed}`);
    const { n } = await v.position();
    assert.ok(n >= 3 && n <= 6, `the senior questions (${n})`);
    await v.goto('#/quiz/all?level=guru');
    assert.match(await page.getByRole('alert').innerText(), /“guru” is not an interview level/);
    await v.goto('#/quiz/core?n=3&seed=old1');
    assert.equal(await v.counterText(), 'Question 1 of 3', 'a link without a level works as before');
  });
});

test('notes go with the review into progress and the summary; a quiz can end early', async () => {
  await visit({}, async (v) => {
    const { page } = v;
    await v.goto('#/quiz/core?n=3&seed=notes11');
    const notes = page.locator('.notes textarea');
    assert.equal(await notes.getAttribute('spellcheck'), 'false');
    assert.match(await notes.evaluate((el) => getComputedStyle(el).fontFamily), /mono/i, 'a code font');
    const id = (await v.storedJson(KEYS.session)).ids[0];
    await notes.fill('list comps: [x for x in y]');
    await v.reveal();
    // Long answer: jump to the grading and back.
    await page.getByRole('button', { name: /^Skip to the key points and grades/ }).click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'grading-h');
    await page.getByRole('button', { name: /^Back to the answer/ }).click();
    assert.match(await page.evaluate(() => document.activeElement.id), /^answer-/);
    await v.grade(3);
    const progress = await v.storedJson(KEYS.progress);
    assert.equal(progress.questions[id].grades[0].notes, 'list comps: [x for x in y]', 'kept with the review');
    // End early: the summary covers the one graded question.
    await page.getByRole('button', { name: 'End the quiz here and see the summary' }).click();
    await v.summaryHeading().waitFor();
    const summary = await page.locator('main').innerText();
    assert.match(summary, /list comps: \[x for x in y\]/, 'the notes in the summary');
    assert.match(summary, /after grading 1 of 3 questions/, 'says how much was done');
    await v.reload();
    await v.summaryHeading().waitFor();
  });
});

test('the practice quiz of listed questions is headed for what it is', async () => {
  await visit({}, async (v) => {
    await v.goto('#/quiz/oop,testing?ids=oop-classes-objects,testing-unit-tests&n=all&seed=p11');
    await v.prompt().waitFor();
    assert.match(await v.page.locator('.scope-title').innerText(), /^Practice: 2 questions$/);
  });
});
