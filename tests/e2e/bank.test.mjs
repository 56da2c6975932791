// A site owner's edited questions.json: broken entries are listed (id + field) and the rest
// works; an unusable or missing bank is a clear error with "Try again", never a blank page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, pageState, DIST, ROOT } from './helpers.mjs';
import { serve } from './server.mjs';

let browser, dir, server;

before(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'pyprep-bank-'));
  for (const name of ['broken', 'future', 'missing', 'whole', 'garbled']) cpSync(DIST, join(dir, name), { recursive: true });
  // A site owner who put the whole source bank (answers and code inline) into the folder and
  // deleted the split files.
  cpSync(join(ROOT, 'questions.json'), join(dir, 'whole', 'questions.json'));
  for (const name of ['answers.json', 'challenges.json']) rmSync(join(dir, 'whole', name));
  const bank = JSON.parse(readFileSync(join(DIST, 'questions.json'), 'utf8'));
  bank.questions[0].answer = '';
  bank.questions[1].category = 'nope';
  bank.questions.push({ ...bank.questions[2] });
  writeFileSync(join(dir, 'broken', 'questions.json'), JSON.stringify(bank));
  writeFileSync(join(dir, 'future', 'questions.json'), JSON.stringify({ version: 3, categories: [] }));
  rmSync(join(dir, 'missing', 'questions.json'));
  writeFileSync(join(dir, 'garbled', 'answers.json'), '{"version": 1, "answers": {');
  server = await serve({
    '/garbled/': join(dir, 'garbled'),
    '/broken/': join(dir, 'broken'),
    '/future/': join(dir, 'future'),
    '/missing/': join(dir, 'missing'),
    '/whole/': join(dir, 'whole'),
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function page() {
  const context = await browser.newContext();
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  return { context, p, errors };
}

test('broken entries are listed by id and field; valid questions still work', async () => {
  const { context, p, errors } = await page();
  const bank = JSON.parse(readFileSync(join(DIST, 'questions.json'), 'utf8'));
  const [q0, q1, q2] = bank.questions;
  await p.goto(`${server.url}/broken/#/`);
  const summary = p.getByText('3 entries in questions.json could not be used; the rest work.');
  await summary.click();
  const items = await p.locator('.problems li').allTextContents();
  assert.deepEqual(items, [
    `${q0.id} · answer: missing, empty or not text`,
    `${q1.id} · category: unknown category "nope"`,
    `${q2.id} · id: duplicate id; the first one is kept`,
  ]);
  await p.getByRole('button', { name: /^Start \d+ questions$/ }).click();
  await p.locator('h1.prompt').waitFor();
  await p.getByRole('button', { name: 'Reveal answer' }).click();
  await p.locator('section.answer').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a whole bank written by hand (answers and code inline, no split files) works as it is', async () => {
  const { context, p, errors } = await page();
  const requests = [];
  p.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await p.goto(`${server.url}/whole/#/quiz/coding?n=2&seed=whole`);
  await p.getByRole('button', { name: 'Reveal answer' }).click();
  try {
    await p.locator('html[data-app="app"] section.answer .prose p').first().waitFor();
  } catch (e) {
    e.message += `\nPage: ${await pageState(p)}\nPage errors: ${errors.join('; ')}\nRequests: ${requests.join(' ')}`;
    throw e;
  }
  assert.equal(await p.locator('.problems').count(), 0, 'no problems listed');
  await p.goto(`${server.url}/whole/#/challenge/coding-reverse-string`);
  await p.locator('.editor-text').waitFor();
  assert.match(await p.locator('.editor-text').inputValue(), /def reverse/);
  assert.deepEqual(requests.filter((r) => /answers|challenges/.test(r)), [], 'nothing asked of the missing files');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a garbled answers.json says so, with a way to retry, not that the categories are empty', async () => {
  const { context, p, errors } = await page();
  await p.goto(`${server.url}/garbled/#/quiz/core?n=3&seed=g1`);
  await p.locator('h1.prompt').waitFor();
  const alert = p.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /PyPrep can't show its answers: answers\.json could not be read/);
  assert.equal(await p.getByText(/hold no questions/).count(), 0);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await p.getByRole('alert').getByText(/answers\.json could not be read/).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unusable bank or a missing file is an error with a way to retry', async () => {
  for (const [path, message] of [
    ['/future/', 'schema version 3'],
    ['/missing/', 'HTTP 404'],
  ]) {
    const { context, p, errors } = await page();
    await p.goto(`${server.url}${path}#/quiz/core`);
    await p.getByRole('heading', { name: 'The questions could not be loaded' }).waitFor();
    assert.match(await p.locator('.error-page').textContent(), new RegExp(message));
    await p.getByRole('button', { name: 'Try again' }).click();
    await p.getByRole('heading', { name: 'The questions could not be loaded' }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  }
});
