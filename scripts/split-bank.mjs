// Splits a deployed folder's questions.json (the bank as written by hand: every question with
// its answer and, for a challenge, its code) into three files, so the first load carries only
// what the first question needs (src/bank.rs, "The deployed bank"):
// - questions.json: the bank without answers or code: title, tips, categories and, per
//   question, id, category, prompt, difficulty and tags. The first screen parses only this.
// - answers.json: {"version": 1, "answers": {"<id>": {answer, key_points, follow_ups,
//   challenge: {approach, solution, …}}}}, fetched with the app module (bank::attach_answers).
// - challenges.json: {"version": 1, "challenges": {"<id>": {starter, hints, tests,
//   sample_file}}}, the challenges' runnable parts (bank::attach_code), fetched by the app.
// What a question still has inline always wins, so a site owner may edit questions.json in the
// deployed folder (adding a question with its answer inline, as in the source file) and never
// run this again. Used by scripts/post-build.mjs and the benchmark's generated bank.
// Usage as a command: node scripts/split-bank.mjs <folder>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The fields of src/bank.rs's `AnswerPart` (less `challenge`) and `ChallengeCode`;
// tests/bank_content.rs checks the split bank loads back whole.
export const ANSWER_FIELDS = ['answer', 'key_points', 'follow_ups'];
export const CODE_FIELDS = ['starter', 'hints', 'tests', 'sample_file'];

/** Splits `dir`/questions.json in place; returns the three files' byte sizes. */
export function splitBank(dir) {
  const bank = JSON.parse(readFileSync(join(dir, 'questions.json'), 'utf8'));
  const answers = {};
  const challenges = {};
  for (const q of bank.questions ?? []) {
    if (!q || typeof q.id !== 'string') continue;
    const code = {};
    if (q.challenge && typeof q.challenge === 'object') {
      for (const field of CODE_FIELDS) {
        if (field in q.challenge) {
          code[field] = q.challenge[field];
          delete q.challenge[field];
        }
      }
    }
    if (Object.keys(code).length) challenges[q.id] = code;
    const answer = {};
    for (const field of [...ANSWER_FIELDS, 'challenge']) {
      if (field in q) {
        answer[field] = q[field];
        delete q[field];
      }
    }
    if (Object.keys(answer).length) answers[q.id] = answer;
  }
  const files = {
    'questions.json': JSON.stringify(bank, null, 1) + '\n',
    'answers.json': JSON.stringify({ version: 1, answers }) + '\n',
    'challenges.json': JSON.stringify({ version: 1, challenges }) + '\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return Object.fromEntries(Object.entries(files).map(([name, text]) => [name, Buffer.byteLength(text)]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv[2]) {
    console.error('usage: node scripts/split-bank.mjs <folder holding questions.json>');
    process.exit(2);
  }
  console.log(splitBank(process.argv[2]));
}
