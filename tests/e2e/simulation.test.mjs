// Interview simulation (#9), as a candidate meets it on the release build: a 15-minute junior
// mock interview run to its report under Playwright's clock (over-time cue, pause, reload
// mid-interview, the dashboard); live coding on Pyodide's CPython (a correct solution passes,
// a wrong one fails with its assertion message, a runaway loop is stopped and the next Run
// works, the editor's keys, the draft across a reload, a deploy without Pyodide); rehearsing
// aloud with Chromium's fake microphone, and a refused one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, Visit, seriousViolations, sharedBrowser } from './helpers.mjs';

const shared = sharedBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
const { visit } = shared;
// The source bank: the deployed questions.json has the challenges' code split off (challenges.json).
const bank = JSON.parse(readFileSync(join(ROOT, 'questions.json'), 'utf8'));
const SHOTS = `${ROOT}/test-results/screenshots`;
mkdirSync(SHOTS, { recursive: true });
const RUN_TIMEOUT = 90_000; // the first Run downloads and starts Python

const T0 = Date.parse('2026-12-01T09:00:00Z');

/** "m:ss / m:ss" of a clock → [elapsed s, limit s]. */
async function clock(page, label) {
  const text = await page.locator('.clock', { hasText: label }).locator('[role=timer]').innerText();
  const [a, b] = text.split('/').map((t) => t.trim().split(':').reduce((s, x) => s * 60 + Number(x), 0));
  return [a, b];
}

async function counter(page) {
  const m = /^Question (\d+) of (\d+) · (.+)$/.exec((await page.locator('.counter').innerText()).trim());
  assert.ok(m, 'the counter names the question and the stage');
  return { i: Number(m[1]), n: Number(m[2]), stage: m[3] };
}

async function revealAndGrade(v, label) {
  const { page } = v;
  const { i, n } = await counter(page);
  await page.getByRole('button', { name: 'Reveal answer' }).click();
  await v.answerShown();
  await v.gradeGroup().getByRole('button', { name: label, exact: true }).click();
  if (i < n) {
    await page.waitForFunction((t) => document.querySelector('.counter')?.textContent.startsWith(t), `Question ${i + 1} of ${n}`);
  } else {
    await page.getByRole('heading', { name: 'Interview report' }).waitFor();
  }
}

test('a 15-minute junior mock interview runs to its report under a controlled clock', async () => {
  await visit({}, async (v) => {
    const { page } = v;
    await page.clock.install({ time: new Date(T0) });
    await v.goto('#/mock?level=junior&len=15&seed=e2e1');
    await page.locator('.mock-head').waitFor();
    const first = await counter(page);
    assert.equal(first.i, 1);
    assert.equal(first.stage, 'Basic and Core Python', 'openers from core first');
    assert.ok(first.n >= 4, `a 15-minute interview has several questions (${first.n})`);
    assert.deepEqual(await clock(page, 'Interview'), [0, 15 * 60]);
    const [, suggested] = await clock(page, 'This question');

    // Over the suggested time: a visual cue and a polite announcement, no sound.
    assert.equal(await page.locator('.over-cue').count(), 0);
    await page.clock.fastForward((suggested + 10) * 1000);
    await page.locator('.over-cue').waitFor();
    assert.match(await page.locator('[aria-live=polite].visually-hidden').innerText(), /Over the suggested time/);
    assert.ok((await clock(page, 'This question'))[0] >= suggested + 10);
    await revealAndGrade(v, 'Got it');

    // Pause: the clocks stop and the question is hidden.
    const [before] = await clock(page, 'Interview');
    await page.getByRole('button', { name: 'Pause' }).first().click();
    await page.getByRole('heading', { name: 'Paused' }).waitFor();
    assert.equal(await page.locator('h1.prompt:visible').count(), 0, 'the question is hidden while paused');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Paused', 'the focus is on "Paused"');
    await page.clock.fastForward(300_000);
    assert.equal((await clock(page, 'Interview'))[0], before, 'a pause is not counted');
    await page.locator('.paused').getByRole('button', { name: 'Resume' }).click();
    await page.locator('h1.prompt').waitFor();

    // A reload mid-interview resumes the same question, the clock where it was.
    await page.clock.fastForward(20_000);
    await v.reload();
    await page.locator('.mock-head').waitFor();
    const second = await counter(page);
    assert.equal(second.i, 2, 'the same question after the reload');
    const [afterReload] = await clock(page, 'Interview');
    assert.ok(afterReload >= before + 20 && afterReload < before + 40, `clock kept (${before} → ${afterReload})`);
    const missedStage = second.stage;
    await revealAndGrade(v, 'Missed it');

    // The rest; the live-coding challenge comes last, with the editor.
    for (;;) {
      const { i, n, stage } = await counter(page);
      await page.clock.fastForward(30_000);
      if (i === n) {
        assert.equal(stage, 'Live Coding Challenges', 'one live-coding challenge closes the interview');
        await page.locator('.editor-text').waitFor();
        await revealAndGrade(v, 'Partly');
        break;
      }
      await revealAndGrade(v, 'Got it');
    }

    // The report: every question with its time against the suggestion, stages worst first.
    const items = page.locator('.mock-items > li');
    assert.equal(await items.count(), first.n);
    assert.match(await items.first().innerText(), /over/, 'the first question ran over');
    const worst = await page.locator('table.stats tbody tr').first().locator('th').innerText();
    assert.equal(worst, missedStage, 'the stage that went worst comes first');
    await page.screenshot({ path: `${SHOTS}/mock-report-1280.png`, fullPage: true });
    assert.deepEqual(await seriousViolations(page, 'mock report'), []);
    await page.setViewportSize({ width: 320, height: 800 });
    assert.ok((await v.scrollWidth()) <= 320, 'the report fits a phone');
    await page.screenshot({ path: `${SHOTS}/mock-report-320.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    const practise = page.getByRole('link', { name: /^Practise the 2 you missed or half-answered$/ });
    await practise.click();
    await page.locator('.counter').waitFor();
    assert.equal(await v.counterText(), 'Question 1 of 2', 'a quiz of exactly the weak questions');

    // Kept in progress: the dashboard lists it.
    await v.goto('#/progress');
    const mocks = page.locator('table.mocks tbody tr');
    assert.equal(await mocks.count(), 1);
    assert.match(await mocks.first().innerText(), /Junior, 15 min/);
  });
});

test('one mock interview in two tabs: a grade in one shows in the other, which never saves it back', async () => {
  await visit({}, async (v) => {
    const link = '#/mock?level=junior&len=15&seed=tabs';
    await v.goto(link);
    await v.page.locator('.mock-head').waitFor();
    const other = new Visit(v.context, await v.context.newPage(), v.baseUrl);
    // Every write the second tab makes to the interview's key.
    await other.page.addInitScript(() => {
      const set = Storage.prototype.setItem;
      window.__mockWrites = [];
      Storage.prototype.setItem = function (key, value) {
        if (key === 'pyprep.v1.mock') window.__mockWrites.push(value);
        return set.call(this, key, value);
      };
    });
    await other.goto(link);
    await other.page.locator('.mock-head').waitFor();
    const writes = () => other.page.evaluate(() => window.__mockWrites.length);
    const before = await writes();
    // Graded here, followed there without a reload; a taken-over state is not written back
    // (a stale echo could overwrite this tab's newer save and send it back a question).
    await revealAndGrade(v, 'Got it');
    await revealAndGrade(v, 'Got it');
    await other.page.waitForFunction(() => document.querySelector('.counter')?.textContent.startsWith('Question 3 of'));
    assert.equal(await writes(), before, 'the other tab wrote nothing back');
    assert.equal((await counter(v.page)).i, 3, 'this tab stays on its question');
    // And the other tab carries on from there.
    await revealAndGrade(other, 'Partly');
    await v.page.waitForFunction(() => document.querySelector('.counter')?.textContent.startsWith('Question 4 of'));
    assert.deepEqual(other.errors, []);
  });
});

test('a locked mock interview (a careers page) offers no way away and no Undo', async () => {
  await visit({}, async (v) => {
    const { page } = v;
    await v.goto('#/mock?level=junior&len=15&seed=lock1&embed=1&lock=1');
    await page.locator('.mock-head').waitFor();
    await revealAndGrade(v, 'Missed it');
    await page.keyboard.press('u');
    assert.equal((await counter(page)).i, 2, 'U takes nothing back');
    // Ending asks first (it is for good): Keep going keeps the question, then it ends.
    await page.getByRole('button', { name: 'End interview' }).click();
    const ask = page.getByRole('group', { name: 'End the interview?' });
    await ask.getByText(/^End the interview now\? \d+ questions won't be graded\.$/).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Keep going');
    await ask.getByRole('button', { name: 'Keep going' }).click();
    assert.equal((await counter(page)).i, 2);
    await page.locator('.notes textarea').fill('half an answer');
    await page.getByRole('button', { name: 'End interview' }).click();
    await ask.getByText(/won't be graded\. Your notes on this question aren't kept\.$/).waitFor();
    await ask.getByRole('button', { name: 'End the interview' }).click();
    await page.getByRole('heading', { name: 'Interview report' }).waitFor();
    assert.equal(await page.locator('main a[href]').count(), 0, 'no link away from the interview');
    assert.equal(await page.getByRole('button', { name: /Undo/ }).count(), 0);
    // A locked link that doesn't work says so, with nothing leading away either.
    await v.goto('#/mock?level=junior&len=17&seed=x&embed=1&lock=1');
    await page.getByRole('heading', { name: "This interview link doesn't work" }).waitFor();
    assert.equal(await page.locator('main a[href]').count(), 0, 'no "Set up an interview"');
  });
});

test('another mock link never replaces an unfinished interview unasked; pausing ends a recording', async () => {
  await visit({}, async (v) => {
    const { page } = v;
    const first = '#/mock?level=junior&len=30&seed=keep1';
    await v.goto(first);
    await page.locator('.mock-head').waitFor();
    await revealAndGrade(v, 'Got it');
    // Taken back mid-interview with the button, and graded again.
    await page.getByRole('button', { name: 'Undo last grade' }).click();
    await page.waitForFunction(() => document.querySelector('.counter')?.textContent.startsWith('Question 1 of'));
    await v.gradeGroup().getByRole('button', { name: 'Got it', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('.counter')?.textContent.startsWith('Question 2 of'));

    // Pause while recording: the recording ends with the clocks.
    await page.getByRole('button', { name: 'Record your answer' }).click();
    await page.getByRole('button', { name: 'Stop recording' }).waitFor();
    await page.getByRole('button', { name: 'Pause' }).first().click();
    await page.getByRole('heading', { name: 'Paused' }).waitFor();
    await page.getByText(/^Recorded \d:\d\d\./).waitFor({ state: 'attached' });
    await page.locator('.paused').getByRole('button', { name: 'Resume' }).click();

    // A link to another interview asks first; Back to the first resumes it where it was.
    await v.goto('#/mock?level=senior&len=15&seed=other1');
    await page.getByText(/You have an unfinished interview \(Junior, 30 minutes, question 2 of \d+\)/).waitFor();
    assert.equal(await page.locator('.mock-head').count(), 0, 'nothing started');
    await page.getByRole('link', { name: 'Resume the unfinished interview' }).click();
    await page.locator('.mock-head').waitFor();
    assert.equal((await counter(page)).i, 2, 'the first interview, where it was');
    // Starting the other one, when asked to, replaces it.
    await v.goto('#/mock?level=senior&len=15&seed=other1');
    await page.getByRole('button', { name: 'Start the new interview' }).click();
    await page.locator('.mock-head').waitFor();
    assert.equal((await counter(page)).i, 1);
    assert.match(await page.locator('.mock-head .scope-desc').innerText(), /Senior · 15 minutes/);
  });
});

test('screens of a mock interview at 320 and 1280 px', async () => {
  for (const width of [320, 1280]) {
    await visit({ viewport: { width, height: 800 } }, async (v) => {
      await v.goto('#/mock?level=mid&len=30&seed=look');
      await v.page.locator('.mock-head').waitFor();
      assert.ok((await v.scrollWidth()) <= width, `no sideways scrolling at ${width}px`);
      // After a grade the header holds Pause, End and Undo; asked to end, the question too.
      await revealAndGrade(v, 'Got it');
      await v.page.getByRole('button', { name: 'End interview' }).click();
      await v.page.getByRole('group', { name: 'End the interview?' }).waitFor();
      assert.ok((await v.scrollWidth()) <= width, `no sideways scrolling at ${width}px with Undo and the question`);
      await v.page.screenshot({ path: `${SHOTS}/mock-question-${width}.png`, fullPage: true });
      assert.deepEqual(await seriousViolations(v.page, `mock question ${width}`), []);
      await v.goto('#/mock');
      assert.deepEqual(await seriousViolations(v.page, `mock setup ${width}`), []);
      await v.page.screenshot({ path: `${SHOTS}/mock-setup-${width}.png`, fullPage: true });
    });
  }
});

/** Sets the editor's text as a paste would (one input event). */
async function setCode(page, code) {
  await page.locator('.editor-text').fill(code);
}

async function run(page) {
  await page.locator('.editor-text').focus();
  await page.keyboard.press('Control+Enter');
  await page.locator('.run-headline').waitFor({ timeout: RUN_TIMEOUT });
  return (await page.locator('.run-headline').innerText()).trim();
}

test('live coding: the editor keys, a correct and a wrong solution, a runaway loop, the draft', async () => {
  const challenge = bank.questions.find((q) => q.id === 'coding-reverse-string').challenge;
  const tests = (challenge.tests.match(/^def test_/gm) || []).length;
  assert.ok(tests >= 3);
  await visit({}, async (v) => {
    const { page } = v;
    await v.goto('#/challenge/coding-reverse-string');
    const editor = page.locator('.editor-text');
    assert.equal(await editor.inputValue(), challenge.starter, 'the starter is in the editor');
    assert.equal(await editor.getAttribute('spellcheck'), 'false');

    // Keys: Enter keeps and opens indentation, Tab/Shift+Tab, Escape leaves the editor.
    await setCode(page, '');
    await editor.focus();
    await page.keyboard.type('def f(x):');
    await page.keyboard.press('Enter');
    await page.keyboard.type('if x:');
    await page.keyboard.press('Enter');
    await page.keyboard.type('return 1');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('y');
    assert.equal(await editor.inputValue(), 'def f(x):\n    if x:\n        return 1\n        y');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await editor.inputValue(), 'def f(x):\n    if x:\n        return 1\n    y');
    await page.keyboard.press('Control+z');
    assert.equal(await editor.inputValue(), 'def f(x):\n    if x:\n        return 1\n        y', 'undo takes an indent change back');
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('run')), true, 'Escape moves to Run');
    assert.match(await page.locator('.editor-gutter').innerText(), /^1\s+2\s+3\s+4/, 'line numbers');
    // "Start over" asks first; either answer puts the focus back in the code.
    const editorFocused = () => page.evaluate(() => document.activeElement?.classList.contains('editor-text'));
    await page.getByRole('button', { name: 'Start over' }).click();
    await page.getByRole('button', { name: 'Keep my code' }).press('Enter');
    await page.waitForFunction(() => document.activeElement?.classList.contains('editor-text'));
    assert.equal(await editor.inputValue(), 'def f(x):\n    if x:\n        return 1\n        y', 'kept');
    await page.getByRole('button', { name: 'Start over' }).click();
    await page.getByRole('group', { name: 'Start over?' }).getByRole('button', { name: 'Start over' }).press('Enter');
    await page.waitForFunction(() => document.activeElement?.classList.contains('editor-text'));
    assert.equal(await editor.inputValue(), challenge.starter, 'back to the starter');
    assert.equal(await editorFocused(), true);

    // A correct solution passes every test.
    await setCode(page, challenge.solution);
    assert.equal(await run(page), `All ${tests} tests passed.`);
    assert.equal(await page.locator('.test.pass').count(), tests);

    // A wrong one fails, with its assertion message and the line in the editor.
    const wrong = challenge.solution.replace('return "".join(chars)', 'return s');
    assert.notEqual(wrong, challenge.solution);
    await setCode(page, wrong);
    const headline = await run(page);
    assert.match(headline, new RegExp(`^\\d+ of ${tests} tests passed\\.$`));
    assert.deepEqual(await seriousViolations(page, 'challenge with failing tests'), []);
    const failure = page.locator('.test.fail').first();
    assert.match(await failure.locator('.test-message').innerText(), /AssertionError: .*expected/);

    // An error in the learner's code names its line.
    await setCode(page, 'x = 1\n\ny = undefined_name\n');
    assert.match(await run(page), /stopped with an error on line 3: NameError/);

    // print() output is shown.
    await setCode(page, `${challenge.solution}\nprint("hello from the learner")\n`);
    await run(page);
    assert.match(await page.locator('.run-stream').innerText(), /hello from the learner/);

    // A runaway loop is stopped; the next Run works.
    await setCode(page, 'while True:\n    pass\n');
    await page.locator('.editor-text').focus();
    await page.keyboard.press('Control+Enter');
    await page.getByText(/^Stopped after 10 seconds/).waitFor({ timeout: RUN_TIMEOUT });
    await setCode(page, challenge.solution);
    assert.equal(await run(page), `All ${tests} tests passed.`, 'a fresh Python after the stop');

    // Stop ends a run at once; the Run button (now Stop) keeps the focus.
    await setCode(page, 'while True:\n    pass\n');
    await page.getByRole('button', { name: 'Run tests' }).click();
    await page.getByRole('button', { name: 'Stop' }).waitFor();
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByText('Stopped. Python restarts on the next Run.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('run')), true, 'focus stays on the button');

    // Hints one at a time, then the reference solution and the grade.
    await page.getByRole('button', { name: /^Show a hint \(1 of \d\)$/ }).click();
    assert.equal(await page.locator('.hints li').count(), 1);
    await page.getByRole('button', { name: 'Show the reference solution' }).click();
    await v.answerShown();
    await v.gradeGroup().getByRole('button', { name: 'Got it', exact: true }).click();
    await page.getByText(/You graded this “Got it”/).waitFor();

    // The draft (and the hint shown) survive a reload, even one right after typing.
    await setCode(page, '# my draft\n');
    await page.waitForTimeout(800);
    await v.reload();
    assert.equal(await page.locator('.editor-text').inputValue(), '# my draft\n');
    await setCode(page, '# typed just before leaving\n');
    await v.reload();
    assert.equal(await page.locator('.editor-text').inputValue(), '# typed just before leaving\n');
    assert.equal(await page.locator('.hints li').count(), 1, 'the hint stays shown');
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      assert.ok((await v.scrollWidth()) <= width, `no sideways scrolling at ${width}px`);
      await page.screenshot({ path: `${SHOTS}/challenge-${width}.png`, fullPage: true });
    }
  });
});

test('a run left going on another challenge neither blocks nor is blamed on the next one', async () => {
  const search = bank.questions.find((q) => q.id === 'dsa-searching-algorithms').challenge;
  await visit({}, async (v) => {
    const { page } = v;
    await v.goto('#/challenge/coding-reverse-string');
    await setCode(page, 'while True:\n    pass\n');
    await page.getByRole('button', { name: 'Run tests' }).click();
    await page.getByRole('button', { name: 'Stop' }).waitFor({ timeout: RUN_TIMEOUT });
    await page.getByRole('link', { name: 'All challenges' }).click();
    await page.getByRole('link', { name: /searching algorithms/ }).click();
    await setCode(page, search.solution);
    const started = Date.now();
    assert.match(await run(page), /^All \d+ tests passed\.$/);
    assert.ok(Date.now() - started < 9_000, 'not held up by the loop left behind');
  });
});

test('a deploy without Pyodide still shows the challenge, with a notice in place of Run', async () => {
  // The page's own requests only (a service worker's fetches bypass page.route).
  await visit({ serviceWorkers: 'block' }, async (v) => {
    await v.page.route('**/pyodide/**', (route) => route.fulfill({ status: 404, body: 'not here' }));
    await v.goto('#/challenge/dsa-searching-algorithms');
    await v.page.locator('.no-python').waitFor();
    assert.match(await v.page.locator('.no-python').innerText(), /doesn't include/);
    assert.equal(await v.page.locator('button.run').count(), 0);
    assert.ok((await v.page.locator('.editor-text').inputValue()).includes('def '), 'the starter is there');
  });
  // Offline, never run before: not "this copy doesn't include it"; Run comes back online.
  await visit({ serviceWorkers: 'block' }, async (v) => {
    await v.page.route('**/pyprep/pyodide/**', (route) => route.abort('internetdisconnected'));
    await v.goto('#/challenge/dsa-searching-algorithms');
    await v.page.locator('.no-python').waitFor();
    assert.match(await v.page.locator('.no-python').innerText(), /this device is offline/);
    await v.page.unroute('**/pyprep/pyodide/**');
    await v.page.evaluate(() => dispatchEvent(new Event('online')));
    await v.page.locator('button.run').waitFor();
    assert.equal(await v.page.locator('.no-python').count(), 0);
  });
});

test('rehearse aloud: record, play back after the reveal, a new question starts afresh', async () => {
  await visit({}, async (v) => {
    const { page } = v;
    await v.goto('#/quiz/core?n=2&seed=rec1');
    await page.getByRole('button', { name: 'Record your answer' }).click();
    await page.getByRole('button', { name: 'Stop recording' }).waitFor();
    await page.waitForTimeout(1_500);
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await page.getByText(/^Recorded 0:0[1-2]\. Play it back once you reveal the answer\.$/).waitFor();
    assert.equal(await page.locator('audio').count(), 0, 'playback comes with the answer');
    // The focus is on the recording, not on "Record again": Space, as the hint says, reveals.
    assert.match(await page.evaluate(() => document.activeElement?.textContent), /^Recorded /);
    await page.keyboard.press('Space');
    await v.answerShown();
    const audio = page.locator('audio');
    await audio.waitFor();
    const src = await audio.getAttribute('src');
    assert.match(src, /^blob:/, 'the recording never leaves the page');
    const size = await page.evaluate((u) => fetch(u).then((r) => r.blob()).then((b) => b.size), src);
    assert.ok(size > 1000, `audio was recorded (${size} bytes)`);
    assert.match(await page.getByRole('link', { name: 'Download' }).getAttribute('download'), /^pyprep-core-.+\.(webm|ogg|m4a)$/);
    await v.grade(3);
    await page.getByRole('button', { name: 'Record your answer' }).waitFor();
    const gone = await page.evaluate((u) => fetch(u).then(() => false, () => true), src);
    assert.equal(gone, true, 'the last question\'s recording is dropped');
  });
});

test('a refused microphone says so, and the quiz goes on', async () => {
  const init = () => {
    navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  };
  await visit({ init }, async (v) => {
    const { page } = v;
    await v.goto('#/quiz/core?n=1&seed=rec2');
    await page.getByRole('button', { name: 'Record your answer' }).click();
    const alert = page.locator('.mic-refused');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Microphone access was refused.*Everything else works without it/);
    await v.reveal();
    await v.grade(3);
  });
});
