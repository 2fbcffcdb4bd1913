/**
 * `hongtu tag` — write AUTO topic tags (COVERS / TESTS / DISCUSSED, with a confidence) on every course,
 *   question and meeting record; MANUAL tags are kept.
 * `hongtu tag --stdin [--json] [--first N]` — tag one text per input line and print one line each:
 *   `{"text":…,"topics":[{"id":…,"area":…,"score":…}]}`. Works on a fresh clone: without a store, or
 *   while the store has no topics, it uses the hand-written curriculum directly.
 */
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { createProgressBar } from '../progress-bar';
import { openTextDeps } from '../text-deps';
import { MAX_FIRST, MAX_TEXT_LENGTH } from '../../learning/tagging/topic-tagger';

const BATCH = 64;

async function readLines(): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) lines.push(line);
  return lines;
}

/** Tags each line; a line that is empty or too long gets `topics: []` and an `error`, so output lines match input lines. */
async function tagStdin(json: boolean, first: number): Promise<void> {
  const deps = await openTextDeps({ readOnly: true });
  try {
    const lines = await readLines();
    for (let s = 0; s < lines.length; s += BATCH) {
      const batch = lines.slice(s, s + BATCH).map((l) => l.trim());
      const ok = batch.filter((t) => t && t.length <= MAX_TEXT_LENGTH);
      const results = await deps.tagger.suggestMany(ok, first);
      let k = 0;
      for (const text of batch) {
        const error = !text ? 'text must not be empty' : text.length > MAX_TEXT_LENGTH ? `text must be at most ${MAX_TEXT_LENGTH} characters` : null;
        const topics = error ? [] : results[k++].map((t) => ({ id: t.id, area: t.area, score: t.score }));
        if (json) process.stdout.write(`${JSON.stringify(error ? { text, topics, error } : { text, topics })}\n`);
        else process.stdout.write(`${text}\n${error ? `  ! ${error}` : topics.map((t) => `  ${t.area.padEnd(12)} ${t.id.padEnd(40)} ${t.score.toFixed(3)}`).join('\n')}\n`);
      }
    }
  } finally {
    await deps.close();
  }
}

async function retag(): Promise<void> {
  const deps = await openTextDeps();
  const bar = createProgressBar();
  try {
    const counts = await deps.tagger.retagAll(deps.store!, bar.onProgress);
    bar.stop();
    console.log(`AUTO tags written with ${deps.info.id}: ${counts.Course} courses, ${counts.Question} questions, ${counts.Meeting} meetings`);
  } finally {
    bar.stop();
    await deps.close();
  }
}

export function register(program: Command): void {
  program
    .command('tag')
    .description('Tag courses, questions and meeting records with topics (AUTO tags), or tag lines from stdin')
    .option('--stdin', 'read one text per line from stdin and print its topics instead of retagging the store')
    .option('--json', 'with --stdin: one JSON object per line')
    .option('--first <n>', `with --stdin: topics per text (1–${MAX_FIRST})`, '3')
    .action(async (o: { stdin?: boolean; json?: boolean; first: string }) => {
      const first = Number(o.first);
      if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
        console.error(`--first must be an integer 1–${MAX_FIRST}, got "${o.first}"`);
        process.exit(2);
      }
      try {
        if (o.stdin) await tagStdin(Boolean(o.json), first);
        else await retag();
      } catch (e) {
        console.error(`tag: ${(e as Error).message}`);
        process.exit(1);
      }
    });
}
