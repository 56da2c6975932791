// End-to-end tests of the release build, served from a sub-path (/pyprep/) like a project page
// on a static host, driven as a person would: by role, label and text, mouse and keyboard.
// Run: cd /work/main && node --test --test-concurrency=1 tests/e2e/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  GRADE_LABELS,
  KEYS,
  ROOT,
  expectedPercent,
  seriousViolations,
  serveDist,
  sharedBrowser,
  Visit,
  withVisit,
} from './helpers.mjs';

const shared = sharedBrowser();
/** A Visit on the shared server; see helpers.mjs. */
const { visit } = shared;

const focusedText = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName, text: el?.textContent.trim() ?? '' };
  });

test('keyboard only: a full quiz, score by the formula, progress saved', async () => {
  await visit(async (v) => {
    const { page } = v;
    await v.goto('#/quiz/core?n=5&seed=e2e1');
    await v.prompt().waitFor();
    assert.equal(await v.counterText(), 'Question 1 of 5');
    assert.equal(v.params.get('seed'), 'e2e1', 'a given seed is kept');

    // How each question is revealed and graded; 'tab' grades by Tab-ing to the button + Enter.
    const plan = [
      { reveal: 'Space', grade: 3, by: 'digit' },
      { reveal: 'Enter', grade: 1, by: 'digit' },
      { reveal: 'Space', grade: 2, by: 'tab' },
      { reveal: 'Enter', grade: 4, by: 'digit' },
      { reveal: 'Space', grade: 2, by: 'digit' },
    ];
    const prompts = [];
    for (const [k, step] of plan.entries()) {
      const n = k + 1;
      assert.equal(await v.counterText(), `Question ${n} of 5`);
      const bar = page.getByRole('progressbar', { name: 'Quiz progress' });
      assert.equal(await bar.getAttribute('aria-valuenow'), String(k));
      assert.equal(await bar.getAttribute('aria-valuetext'), `Question ${n} of 5`);
      prompts.push(await v.promptText());

      // A digit before the reveal does nothing.
      await page.keyboard.press('4');
      await v.settle();
      assert.equal(await v.answer().count(), 0, 'digits do not grade an unrevealed question');

      await page.keyboard.press(step.reveal);
      await v.answerShown();
      const buttons = v.gradeGroup().getByRole('button');
      assert.deepEqual(
        await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-keyshortcuts'))),
        ['1', '2', '3', '4'],
      );
      // Focus follows the reveal to the answer.
      assert.equal((await focusedText(page)).text, 'Model answer');

      if (step.by === 'digit') {
        await page.keyboard.press(String(step.grade));
      } else {
        const want = GRADE_LABELS[step.grade];
        let reached = false;
        for (let t = 0; t < 60 && !reached; t++) {
          await page.keyboard.press('Tab');
          const f = await focusedText(page);
          reached = f.tag === 'BUTTON' && f.text.includes(want);
        }
        assert.ok(reached, `Tab reaches the "${want}" button`);
        await page.keyboard.press('Enter');
      }
      await v.waitForPosition(n + 1, 5);
      if (n < 5) {
        // Focus moves to the next question's heading, so the keys keep working.
        const f = await focusedText(page);
        assert.equal(f.tag, 'H1');
        assert.equal(f.text, await v.promptText());
        assert.notEqual(f.text, prompts[k], 'a new question');
      }
    }
    assert.equal(new Set(prompts).size, 5, 'five different questions');

    // Summary.
    await v.summaryHeading().waitFor();
    assert.equal((await focusedText(page)).text, 'Quiz complete', 'focus moves to the summary');
    const grades = plan.map((s) => s.grade);
    const { points, max, percent } = expectedPercent(grades);
    assert.equal(percent, 47);
    assert.equal((await page.locator('.score-big').textContent()).trim(), `${percent}%`);
    assert.match(await page.locator('.score').textContent(), new RegExp(`${points} of ${max} points`));
    assert.equal(
      (await page.locator('.formula').textContent()).trim(),
      'Score = points ÷ (3 × questions). Missed it = 0, Partly = 1, Got it = 2, Nailed it = 3.',
    );
    // One category: its score is the score, so no per-category table.
    assert.equal(await page.locator('table.breakdown').count(), 0);
    const review = page.locator('ol.review > li');
    assert.equal(await review.count(), 5);
    assert.deepEqual(
      await review.locator('.grade-tag').allTextContents(),
      grades.map((g) => GRADE_LABELS[g]),
    );
    assert.deepEqual(
      (await review.locator('.review-prompt').allTextContents()).map((t) => t.trim()),
      prompts,
    );

    // Progress: the five drawn ids, each graded once with the grade given.
    const session = await v.storedJson(KEYS.session);
    const progress = await v.storedJson(KEYS.progress);
    assert.equal(progress.version, 2);
    const graded = Object.entries(progress.questions).filter(([, q]) => q.grades?.length > 0);
    assert.equal(graded.length, 5);
    assert.deepEqual(graded.map(([id]) => id).sort(), [...session.ids].sort());
    assert.deepEqual(
      session.ids.map((id) => progress.questions[id].grades.map((r) => r.grade)),
      grades.map((g) => [g]),
    );
    for (const id of session.ids) assert.equal(progress.questions[id].seen, 1, `${id} seen once`);
  });
});

test('typing in the notes box never reveals or grades', async () => {
  await visit(async (v) => {
    const { page } = v;
    await v.goto('#/quiz/core?n=5&seed=notes1');
    const notes = page.getByLabel(/^Your answer \(optional\)/);
    const prompt = await v.promptText();

    await notes.click();
    await page.keyboard.type('1 2 3 4 and space');
    await page.keyboard.press('Enter');
    await page.keyboard.type('more ');
    await v.settle();
    assert.equal(await notes.inputValue(), '1 2 3 4 and space\nmore ');
    assert.equal(await v.answer().count(), 0, 'not revealed by Space or Enter in the textarea');
    await page.getByRole('button', { name: 'Reveal answer' }).waitFor();

    // Revealed: digits typed in the notes still don't grade.
    await v.reveal();
    await notes.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' 1 2 3 4');
    await v.settle();
    assert.equal(await notes.inputValue(), '1 2 3 4 and space\nmore  1 2 3 4');
    assert.equal(await v.counterText(), 'Question 1 of 5');
    assert.equal(await v.promptText(), prompt);
    await v.gradeGroup().waitFor();
    const progress = await v.storedJson(KEYS.progress);
    const grades = Object.values(progress?.questions ?? {}).flatMap((q) => q.grades ?? []);
    assert.deepEqual(grades, [], 'nothing graded');

    // The same digit outside the text field does grade.
    await v.answer().getByRole('heading', { name: 'Model answer' }).click();
    await page.keyboard.press('3');
    await v.waitForPosition(2, 5);
    assert.equal(await notes.inputValue(), '', 'notes start empty on the next question');
  });
});

test('reload mid-quiz resumes the same question, revealed, with its notes', async () => {
  await visit(async (v) => {
    const { page } = v;
    await v.goto('#/quiz/core?n=5&seed=resume1');
    await v.answerAll([3, 2]);
    assert.equal(await v.counterText(), 'Question 3 of 5');
    const prompt = await v.promptText();
    await v.reveal();
    const notes = page.getByLabel(/^Your answer \(optional\)/);
    await notes.fill('mutable default arguments are shared');
    const url = page.url();

    await v.reload();
    assert.equal(page.url(), url);
    await v.prompt().waitFor();
    assert.equal(await v.promptText(), prompt);
    assert.equal(await v.counterText(), 'Question 3 of 5');
    await v.answerShown();
    await v.gradeGroup().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Reveal answer' }).count(), 0);
    assert.equal(await notes.inputValue(), 'mutable default arguments are shared');

    // And it carries on from there.
    await v.grade(4);
    assert.equal(await v.counterText(), 'Question 4 of 5');
  });
});

test('the same quiz in two tabs: a grade in one shows in the other, never graded twice', async () => {
  await visit(async (v) => {
    const link = '#/quiz/testing?n=3&seed=tabs1';
    await v.goto(link);
    const other = new Visit(v.context, await v.context.newPage(), v.baseUrl);
    await other.goto(link);
    assert.equal(await other.counterText(), 'Question 1 of 3');
    await other.reveal();
    await other.grade(4);
    assert.equal(await other.counterText(), 'Question 2 of 3');
    // The first tab follows without a reload, on the next question and not revealed.
    await v.page.getByText('Question 2 of 3').first().waitFor();
    assert.equal(await v.page.getByRole('button', { name: 'Reveal answer' }).count(), 1);
    await v.reveal();
    await v.grade(2);
    await other.page.getByText('Question 3 of 3').first().waitFor();
    const progress = await v.storedJson(KEYS.progress);
    const grades = Object.values(progress.questions).map((q) => q.grades.map((r) => r.grade));
    assert.deepEqual(grades.sort(), [[2], [4]], 'one review per graded question');
    assert.deepEqual(other.errors, []);
  });
});

test('a link to another screen opens it at its top, with the focus on its heading', async () => {
  await visit(async (v) => {
    const { page } = v;
    await v.goto('#/');
    const link = page.getByRole('link', { name: /Open your dashboard/ });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your progress', level: 1 }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Your progress');
    assert.equal(await page.evaluate(() => Math.round(window.scrollY)), 0, 'at the top');
  });
});

test('same link and seed give the same questions anywhere; no seed gets one written', async () => {
  const link = '#/quiz/all?n=8&seed=share42';
  const collect = (hash) =>
    visit(async (v) => {
      await v.goto(hash);
      assert.equal(await v.counterText(), 'Question 1 of 8');
      return v.answerAll([3, 3, 3, 3, 3, 3, 3, 3]);
    });
  const first = await collect(link);
  assert.equal(first.length, 8);
  assert.equal(new Set(first).size, 8, 'no question twice');
  const second = await collect(link); // a brand-new context: fresh storage
  assert.deepEqual(second, first);
  const other = await collect('#/quiz/all?n=8&seed=share43');
  assert.notDeepEqual(other, first, 'another seed, another draw');

  // Without a seed the app draws one and writes it into the URL.
  const seeded = await visit(async (v) => {
    const { page } = v;
    await v.goto('#/quiz/all?n=8');
    await page.waitForURL(/[?&]seed=[0-9a-z]{8}$/);
    assert.match(v.hash, /^#\/quiz\/all\?n=8&seed=[0-9a-z]{8}$/);
    const url = page.url();
    const prompt = await v.promptText();
    const historyLength = await page.evaluate(() => history.length);
    await v.reload();
    assert.equal(page.url(), url);
    assert.equal(await v.promptText(), prompt);
    // The seed replaced the unseeded entry: Back does not land on a link that redraws.
    assert.equal(await page.evaluate(() => history.length), historyLength);
    return { url, prompt };
  });
  // The written link is a real share link: a fresh device gets the same first question.
  await visit(async (v) => {
    await v.page.goto(seeded.url);
    await v.ready();
    assert.equal(await v.promptText(), seeded.prompt);
    assert.equal(v.page.url(), seeded.url);
  });
});

test('bad links show a clear error page with a way home', async () => {
  await visit(async (v) => {
    const { page } = v;
    const alert = page.getByRole('alert');

    await v.goto('#/quiz/nope');
    await alert.getByRole('heading', { name: "This quiz link doesn't work" }).waitFor();
    assert.match(await alert.textContent(), /“nope”/);
    await v.settle();
    assert.equal(v.hash, '#/quiz/nope', 'the link stays as written (no seed is added)');
    assert.equal(await page.title(), "This quiz link doesn't work · PyPrep");
    await v.goto('#/quiz/core?ids=gone-1,gone-2');
    await alert.getByText('None of the questions this link lists is in this question bank').waitFor();
    await v.settle();
    assert.equal(v.hash, '#/quiz/core?ids=gone-1,gone-2', 'no seed is added to a link that cannot work');
    await v.goto('#/quiz/core?n=%E2%80%AE12x');
    await alert.getByText(/is not a question count/).waitFor();
    assert.match(await alert.textContent(), /“\uFFFD12x” is not a question count/, 'a bidi override is neutralised');
    await alert.getByRole('button', { name: 'Go to the home page' }).click();
    await page.getByRole('heading', { name: 'PyPrep', level: 1 }).waitFor();
    assert.equal(v.hash, '#/');

    for (const [hash, says] of [
      ['#/quiz/core?n=0', /“0” is not a question count/],
      ['#/quiz/core?seed=%%%', /“%%%” is not a valid seed/],
      ['#/quiz/core,nope,alsonot?n=5', /no categories called “nope”, “alsonot”/],
    ]) {
      await v.goto(hash);
      await alert.getByRole('heading', { name: "This quiz link doesn't work" }).waitFor();
      assert.match(await alert.textContent(), says, hash);
      assert.equal(await alert.getByRole('button', { name: 'Go to the home page' }).count(), 1);
    }

    // An over-long link is quoted cut short, so the way home stays in sight.
    await v.goto(`#/quiz/core?seed=${'x'.repeat(20000)}`);
    await alert.getByText(/is not a valid seed/).waitFor();
    assert.ok((await alert.textContent()).length < 300, 'the seed is quoted cut short');
    assert.ok(await alert.getByRole('button', { name: 'Go to the home page' }).isVisible());
    // A study link is called one; a locked quiz's bad link has no way out of the lock.
    await v.goto('#/study/nope');
    await alert.getByRole('heading', { name: "This study link doesn't work" }).waitFor();
    await v.goto('#/quiz/nope?embed=1&lock=1');
    await alert.getByText(/Please tell the owner of this page/).waitFor();
    assert.equal(await alert.getByRole('button').count(), 0, 'nothing leads away from a locked quiz');

    await v.goto('#/elsewhere');
    await alert.getByRole('heading', { name: 'Page not found' }).waitFor();
    assert.match(await alert.textContent(), /\/elsewhere/);
    await alert.getByRole('button', { name: 'Go to the home page' }).click();
    await page.getByRole('heading', { name: 'PyPrep', level: 1 }).waitFor();
    assert.equal(v.hash, '#/');
  });
});

test('corrupt storage is backed up, explained, and the app still works', async () => {
  await visit(async (v) => {
    const { page } = v;
    await v.goto('#/');
    await page.evaluate(
      ([p, s]) => {
        localStorage.setItem(p, '{garbage');
        localStorage.setItem(s, '{"version":99}');
      },
      [KEYS.progress, KEYS.session],
    );
    await v.reload();
    await page.getByRole('heading', { name: 'PyPrep', level: 1 }).waitFor();

    const notices = page.locator('.notices .notice');
    await notices.first().waitFor();
    const texts = await notices.allTextContents();
    assert.equal(texts.length, 2, texts.join('\n'));
    const progressNotice = texts.find((t) => t.includes('saved progress'));
    const sessionNotice = texts.find((t) => t.includes('saved unfinished quiz'));
    assert.match(progressNotice, /not valid JSON/);
    assert.match(progressNotice, /pyprep\.backup\.pyprep\.v1\.progress\.\d+/);
    assert.match(sessionNotice, /newer or unknown version \(99\)/);
    assert.match(sessionNotice, /pyprep\.backup\.pyprep\.v1\.session\.\d+/);

    const stored = await v.storage();
    const backups = Object.entries(stored).filter(([k]) => k.startsWith('pyprep.backup.'));
    const backupOf = (key) => backups.filter(([k]) => new RegExp(`^pyprep\\.backup\\.${key.replaceAll('.', '\\.')}\\.\\d+$`).test(k));
    assert.deepEqual(backupOf(KEYS.progress).map(([, raw]) => raw), ['{garbage']);
    assert.deepEqual(backupOf(KEYS.session).map(([, raw]) => raw), ['{"version":99}']);
    // The notice names the very key the raw value is under.
    assert.ok(progressNotice.includes(backupOf(KEYS.progress)[0][0]));
    assert.ok(sessionNotice.includes(backupOf(KEYS.session)[0][0]));
    assert.equal(stored[KEYS.progress], undefined, 'the unreadable value is moved away');

    // On a phone the backups' long keys wrap inside their notices; each notice can be closed.
    await page.setViewportSize({ width: 320, height: 568 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no sideways scroll');
    await notices.filter({ hasText: 'saved progress' }).getByRole('button', { name: 'Dismiss this notice' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.notices .notice').length === 1);
    await v.goto('#/progress');
    await page.getByRole('heading', { name: 'Your progress', level: 1 }).waitFor();
    assert.deepEqual(await notices.allTextContents(), [sessionNotice], 'a closed notice stays closed');
    await page.setViewportSize({ width: 1280, height: 900 });

    // A quiz still works and saves new progress.
    await v.goto('#/quiz/core?n=2&seed=afterfix');
    await v.answerAll([4, 2]);
    await v.summaryHeading().waitFor();
    const progress = await v.storedJson(KEYS.progress);
    assert.equal(progress.version, 2);
    const session = await v.storedJson(KEYS.session);
    assert.deepEqual(
      session.ids.map((id) => progress.questions[id].grades.map((r) => r.grade)),
      [[4], [2]],
    );
    // Nothing is backed up twice.
    const after = Object.keys(await v.storage()).filter((k) => k.startsWith('pyprep.backup.'));
    assert.equal(after.length, 2);
  });
});

test('refused storage: a notice, and quizzes still work in memory', async () => {
  const refuse = () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
  };
  await visit({ init: refuse }, async (v) => {
    const { page } = v;
    await v.goto('#/');
    await page.getByRole('heading', { name: 'PyPrep', level: 1 }).waitFor();
    const notice = page.locator('.notices .notice');
    await notice.first().waitFor();
    assert.match(await notice.first().textContent(), /can't be saved/);

    await page.getByRole('radio', { name: '5', exact: true }).check();
    await page.getByRole('button', { name: 'Start 5 questions' }).click();
    await page.waitForURL(/seed=/);
    await v.prompt().waitFor();
    assert.equal(await v.counterText(), 'Question 1 of 5');
    await v.answerAll([1, 2, 3, 4, 3]);
    await v.summaryHeading().waitFor();
    const { percent } = expectedPercent([1, 2, 3, 4, 3]);
    assert.equal((await page.locator('.score-big').textContent()).trim(), `${percent}%`);
    assert.equal(await page.locator('ol.review > li').count(), 5);
    assert.match(await notice.first().textContent(), /can't be saved/);

    // Memory keeps this visit's progress: home counts the five graded questions.
    await page.getByRole('link', { name: 'Change categories' }).click();
    await page.getByRole('heading', { name: 'PyPrep', level: 1 }).waitFor();
    await page.getByText('You have graded 5 of 49 questions at least once.').waitFor();
  });
});

test('storage that fails mid-quiz (quota full): a notice at once, the quiz goes on in memory', async () => {
  const fillUpLater = () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  };
  await visit({ init: fillUpLater }, async (v) => {
    const { page } = v;
    await v.goto('#/quiz/core?n=3&seed=quota1');
    await v.answerAll([3]);
    assert.equal(await page.locator('.notices .notice').count(), 0, 'saving works at first');
    await page.evaluate(() => { window.__storageFull = true; });
    await v.answerAll([2]);
    const notice = page.locator('.notices .notice');
    await notice.first().waitFor();
    assert.match(await notice.first().textContent(), /can't be saved/);
    await v.answerAll([4]);
    await v.summaryHeading().waitFor();
    assert.match(await page.locator('.score').textContent(), /6 of 9 points/, 'memory kept every grade');

    // Erasing must reach the storage that stopped taking writes, or the old data comes back.
    await page.getByRole('link', { name: 'Change categories' }).click();
    await page.getByRole('button', { name: 'Reset progress…' }).click();
    await page.getByRole('button', { name: 'Erase progress' }).click();
    await page.evaluate(() => { window.__storageFull = false; });
    await v.goto('#/');
    await v.reload();
    await page.getByText('You have graded 0 of 49 questions at least once.').waitFor();
    assert.equal(await page.getByRole('region', { name: 'Continue your quiz' }).count(), 0);
  });
});

test('an embed on the site itself (the Share preview) never replaces the unfinished quiz', async () => {
  await visit(async (v) => {
    const { page } = v;
    await v.goto('#/quiz/oop?n=5&seed=mine');
    await v.answerAll([3, 2]);
    await v.goto('#/');
    const cont = page.getByRole('region', { name: 'Continue your quiz' });
    await cont.waitFor();
    await page.getByText('Preview the embed').click();
    const preview = page.frameLocator('iframe.preview-frame');
    await preview.locator('h1.prompt').waitFor();
    await preview.getByRole('button', { name: 'Reveal answer' }).click();
    await preview.getByRole('button', { name: 'Got it' }).click();
    await v.reload();
    await cont.waitFor();
    assert.match(await cont.textContent(), /question 3 of 5/);
    await cont.getByRole('button', { name: 'Continue' }).click();
    await v.prompt().waitFor();
    assert.equal(await v.counterText(), 'Question 3 of 5');
  });
});

test('home by mouse: choose categories and count, continue, reset', async () => {
  await visit(async (v) => {
    const { page } = v;
    await v.goto('#/');
    // Category chips are toggle buttons: pressed = chosen (All stands for every category).
    const chip = (name) => page.getByRole('button', { name, exact: false }).and(page.locator('.chip-toggle'));
    const all = chip(/^All\b/).first();
    const oop = chip(/^Object-Oriented Programming/);
    const testing = chip(/^Testing and Debugging/);
    const core = chip(/^Basic and Core Python/);
    const isOn = async (b) => (await b.getAttribute('aria-pressed')) === 'true';
    const five = page.getByRole('radio', { name: '5', exact: true });
    const ten = page.getByRole('radio', { name: '10', exact: true });
    assert.ok(await isOn(all));
    assert.ok(await ten.isChecked());

    await testing.click(); // click order is not link order
    assert.equal(await isOn(all), false, 'from All, one click chooses just that one');
    assert.equal(await isOn(core), false);
    await oop.click();
    await five.check();
    await page.getByRole('button', { name: 'Start 5 questions' }).click();
    await page.waitForURL(/seed=/);
    assert.match(v.hash, /^#\/quiz\/oop,testing\?n=5&seed=[0-9a-z]{8}$/);
    const quizUrl = page.url();
    await v.prompt().waitFor();
    assert.equal(await v.counterText(), 'Question 1 of 5');
    assert.equal(await page.title(), 'Question 1 of 5 · PyPrep');
    // Start was a click: the question takes the focus, so keyboard users land on it.
    await page.waitForFunction(() => document.activeElement?.matches('h1.prompt'));
    // The header names the chosen categories, in bank order.
    assert.equal(
      (await page.locator('.scope-title').textContent()).trim(),
      'Object-Oriented Programming · Testing and Debugging',
    );

    await v.answerAll([3]);
    const second = await v.promptText();
    await page.goBack();
    await page.getByRole('heading', { name: 'PyPrep', level: 1 }).waitFor();
    assert.equal(v.hash, '#/', 'Back goes home (the seeded link replaced the unseeded one)');

    const cont = page.getByRole('region', { name: 'Continue your quiz' });
    await cont.waitFor();
    assert.match(await cont.textContent(), /question 2 of 5/);
    // It says which quiz it is (the categories its questions so far come from).
    assert.match(await cont.locator('strong').textContent(), /Object-Oriented Programming|Testing and Debugging/);
    await page.getByText('Starting a new quiz replaces the unfinished one.').waitFor();
    assert.equal(await page.title(), 'PyPrep — Python interview practice');
    // The choice is remembered.
    assert.ok(await isOn(oop));
    assert.ok(await isOn(testing));
    assert.equal(await isOn(core), false);
    assert.ok(await five.isChecked());
    await page.getByText('You have graded 1 of 49 questions at least once.').waitFor();

    await cont.getByRole('button', { name: 'Continue' }).click();
    await v.prompt().waitFor();
    assert.equal(page.url(), quizUrl);
    assert.equal(await v.counterText(), 'Question 2 of 5');
    assert.equal(await v.promptText(), second);

    await page.goBack();
    await cont.waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.textContent.trim());
    await page.getByRole('button', { name: 'Reset progress…' }).click();
    assert.equal(await focused(), 'Cancel', 'the confirmation takes the focus, on its safe choice');
    await page.keyboard.press('Enter');
    assert.equal(await focused(), 'Reset progress…', 'Cancel gives the focus back');
    await page.getByRole('button', { name: 'Reset progress…' }).click();
    await page.getByRole('button', { name: 'Erase progress' }).click();
    await cont.waitFor({ state: 'detached' });
    assert.equal(await focused(), 'Your progress', 'after erasing, focus stays in the section');
    await page.getByText('You have graded 0 of 49 questions at least once.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Reset progress…' }).count(), 0);
    assert.ok(await isOn(all), 'choices are back to their defaults');
    assert.ok(await ten.isChecked());
    const stored = await v.storage();
    for (const key of Object.values(KEYS)) assert.equal(stored[key], undefined, `${key} erased`);
  });
});

test('summary: practise the missed ones, and start a new quiz', async () => {
  await visit(async (v) => {
    const { page } = v;
    await v.goto('#/quiz/dsa?n=5&seed=miss1');
    const grades = [1, 3, 2, 4, 1];
    const prompts = await v.answerAll(grades);
    await v.summaryHeading().waitFor();
    const missed = prompts.filter((_, k) => grades[k] <= 2);
    assert.equal(missed.length, 3);
    const done = await v.storedJson(KEYS.session);
    const missedIds = done.ids.filter((_, k) => done.grades[k] <= 2);
    assert.equal(missedIds.length, 3);

    await page.getByRole('button', { name: `Practise the ${missed.length} you missed or half-answered` }).click();
    await page.waitForURL(/seed=/);
    const params = v.params;
    assert.ok(params.get('ids'), 'the practice link lists the ids');
    assert.deepEqual(params.get('ids').split(',').sort(), [...missedIds].sort());
    assert.equal(params.get('n'), 'all');
    await v.prompt().waitFor();
    assert.equal(await v.counterText(), `Question 1 of ${missed.length}`);
    const practised = await v.finishWith(3);
    assert.equal(practised.length, missed.length);
    assert.deepEqual([...practised].sort(), [...missed].sort(), 'exactly the missed questions');
    assert.equal(
      await page.getByRole('button', { name: /^Practise the / }).count(),
      0,
      'nothing missed this time',
    );
    // "New quiz" after practising: a normal quiz of the categories, not all of their questions.
    await page.getByRole('button', { name: 'New quiz' }).click();
    await page.waitForURL((u) => /seed=[0-9a-z]{8}$/.test(u.hash));
    assert.match(v.hash, /^#\/quiz\/dsa\?seed=[0-9a-z]{8}$/);
    await v.prompt().waitFor();
    assert.equal(await v.counterText(), 'Question 1 of 6', 'the default count, 10, capped at the 6 dsa questions');

    // "New quiz" from an ordinary summary: same categories and count, a fresh seed.
    await v.goto('#/quiz/dsa?n=5&seed=new1');
    await v.finishWith(4);
    await page.getByRole('button', { name: 'New quiz' }).click();
    await page.waitForURL((u) => /seed=[0-9a-z]{8}$/.test(u.hash));
    assert.match(v.hash, /^#\/quiz\/dsa\?n=5&seed=[0-9a-z]{8}$/);
    assert.notEqual(v.params.get('seed'), 'new1');
    await v.prompt().waitFor();
    assert.equal(await v.counterText(), 'Question 1 of 5');
  });
});

test('accessibility: no serious or critical axe violations', async () => {
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    await visit({ colorScheme }, async (v) => {
      const { page } = v;
      const scan = async (where) => found.push(...(await seriousViolations(page, `${where} (${colorScheme})`)));
      await v.tour('axe1', scan);
      await v.goto('#/');
      await page.getByRole('button', { name: 'Reset progress…' }).click();
      await page.getByRole('button', { name: 'Erase progress' }).waitFor();
      await scan('home, reset confirmation');
    });
  }
  // The storage notice, as shown when the browser refuses storage.
  const refuse = () =>
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
  await visit({ init: refuse }, async (v) => {
    await v.goto('#/');
    await v.page.locator('.notices .notice').first().waitFor();
    found.push(...(await seriousViolations(v.page, 'home with a storage notice (light)')));
  });
  assert.deepEqual(found, []);
});

test('phones: no horizontal overflow at 320 px, on every answer of the bank', async () => {
  await visit({ viewport: { width: 320, height: 640 } }, async (v) => {
    const { page } = v;
    const overflow = [];
    const check = async (where) => {
      const w = await v.scrollWidth();
      if (w > 320) overflow.push(`${where}: scrollWidth ${w}`);
    };
    await v.goto('#/');
    await check('home');
    // Every question of the bank, revealed: long key points, code, tables.
    await v.goto('#/quiz/all?n=all&seed=phones');
    let codeInKeyPoints = 0;
    for (;;) {
      const { i, n } = await v.position();
      await check(`question ${i}`);
      await v.reveal();
      await check(`answer ${i}: ${await v.promptText()}`);
      codeInKeyPoints += await page.locator('.grading .key-points code').count();
      await v.grade(1 + (i % 4));
      if (i === n) break;
    }
    assert.ok(codeInKeyPoints > 0, 'backticks in key points show as code');
    await v.summaryHeading().waitFor();
    await check('summary of all categories');
    // Open every reviewed answer too: each renders the answer inside the summary (when opened).
    await page.locator('ol.review > li summary').first().click();
    await page.locator('ol.review section.answer').first().waitFor();
    await page.locator('ol.review details').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
    const opened = await page.locator('ol.review > li').count();
    await page.waitForFunction((n) => document.querySelectorAll('ol.review section.answer').length === n, opened);
    await check('summary, answers opened');
    await v.goto('#/quiz/nope');
    await check('error page');
    await v.goto(`#/quiz/core?n=5&seed=${'x'.repeat(300)}`);
    await check('error page, long garbled link');
    assert.deepEqual(overflow, []);
  });
});

test('a custom accent too dark or too light to read as text leaves links readable', async () => {
  for (const [accent, theme] of [['000000', 'dark'], ['ffff00', 'light']]) {
    await visit(async (v) => {
      await v.goto(`#/quiz/core?n=5&seed=accent&accent=${accent}&theme=${theme}`);
      const link = v.page.getByRole('link', { name: 'Change categories' });
      const color = await link.evaluate((a) => getComputedStyle(a).color);
      const accentRgb = `rgb(${[0, 2, 4].map((k) => parseInt(accent.slice(k, k + 2), 16)).join(', ')})`;
      assert.notEqual(color, accentRgb, `${accent} on ${theme}: the link keeps the theme's colour`);
      const primary = v.page.getByRole('button', { name: 'Reveal answer' });
      assert.equal(
        await primary.evaluate((b) => getComputedStyle(b).backgroundColor),
        accentRgb,
        'buttons still wear the accent',
      );
    });
  }
});

test('screenshots: every screen at 1280 and 320 px, light and dark', async () => {
  const dir = resolve(ROOT, 'test-results/screenshots');
  await mkdir(dir, { recursive: true });
  const saved = [];
  const backgrounds = {};
  for (const width of [1280, 320]) {
    for (const scheme of ['light', 'dark']) {
      await visit({ viewport: { width, height: width > 400 ? 800 : 640 } }, async (v) => {
        const { page } = v;
        await page.emulateMedia({ colorScheme: scheme });
        const shot = async (name) => {
          const file = `${name}-${width}-${scheme}.png`;
          await page.screenshot({ path: resolve(dir, file), fullPage: true, animations: 'disabled' });
          saved.push(file);
        };
        await v.tour('shots', async (name) => {
          if (name === 'home') {
            backgrounds[`${width}-${scheme}`] = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
          }
          await shot(name);
        });
      });
    }
  }
  assert.equal(saved.length, 28, "7 screens × 2 widths × 2 themes");
  for (const width of [1280, 320]) {
    assert.notEqual(backgrounds[`${width}-light`], backgrounds[`${width}-dark`], 'dark mode applies');
  }
  console.log(`screenshots in ${dir}:\n  ${saved.join('\n  ')}`);
});

test('network: only same-origin requests, questions.json fetched once', async () => {
  const log = [];
  const own = await serveDist({ log });
  try {
    // Counts the app's own fetches: no service worker (its install fetches the build again).
    await withVisit(shared.browser, own.url, { serviceWorkers: 'block' }, async (v) => {
      const { page } = v;
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      await v.goto('#/quiz/all?n=5&seed=net1');
      await v.answerAll([1, 2, 3, 4, 2]);
      await v.summaryHeading().waitFor();
      await page.locator('ol.review > li summary').first().click();

      const foreign = requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== own.url);
      assert.deepEqual(foreign, [], 'no third-party requests');
      const bank = requests.filter((u) => new URL(u).pathname === '/pyprep/questions.json');
      assert.equal(bank.length, 1, `questions.json requested once by the page:\n${requests.join('\n')}`);
      assert.equal(log.filter((p) => p === '/pyprep/questions.json').length, 1, 'and served once');
      assert.ok(log.some((p) => p.endsWith('.wasm')), 'the wasm came from the sub-path');
      assert.ok(log.every((p) => p.startsWith('/pyprep/') || p === '/favicon.ico'), log.join('\n'));
    });
  } finally {
    await own.close();
  }
});
