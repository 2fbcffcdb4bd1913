/**
 * kill -9 of the real server process inside its first start's vector work (embedding rows written to
 * a store that had no vectors yet, and the vector index being created), at a known point: the
 * HONGTU_PAUSE_IN_VECTOR_WORK hook holds the phase just before its closing checkpoint, with the
 * work in Kuzu's write-ahead log, and the test kills the process there. The restarted server must
 * open the same data directory, say in its log what it found (rows: the write-ahead log set aside;
 * a new index: Kuzu had checkpointed it, the indexes are checked), keep
 * every member, answer and organisation row, rebuild the vectors, and answer `search` and
 * `member(id)` exactly as a server that was never killed does.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VECTOR_WORK_MARKER } from '../../graph';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { ANSWER_MUTATION, type Child, issueTokens, killHard, MEMBER_QUERY, post, readWorld, spawnChild, startChild, stopGracefully, waitForLog, type World } from './harness';

const root = mkdtempSync(path.join(os.tmpdir(), 'hongtu-vector-kill-'));
const seeded = path.join(root, 'seeded');
const bulkDir = path.join(root, 'bulk', 'demo');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Member data and the organisation: what a crash inside vector work must never touch. */
const KEPT = ['University', 'Committee', 'Branch', 'Group', 'Member', 'Topic', 'Course', 'Question', 'Meeting', 'Transfer', 'Account', 'AccessToken'];
const KEPT_RELS = ['UNDER', 'BELONGS_TO', 'IN_GROUP', 'SUBTOPIC_OF', 'PREREQUISITE_OF', 'COVERS', 'TESTS', 'DISCUSSED', 'HELD', 'ATTENDED', 'STUDIED', 'ANSWERED'];
const SEARCH = 'query($q: String!) { search(query: $q, first: 5) { kind id title } }';
const EMBEDDED = /embedded \d+ new or changed nodes/;

async function counts(dir: string): Promise<{ kept: Record<string, number>; vectorIndexes: Record<string, number>; problems: string[] }> {
  const store = new KuzuStore({ dir });
  try {
    await store.init();
    const h = await store.health();
    return { kept: Object.fromEntries([...KEPT, ...KEPT_RELS].map((t) => [t, h.counts[t] ?? -1])), vectorIndexes: h.vectorIndexes as Record<string, number>, problems: h.problems };
  } finally {
    await store.close();
  }
}

let world: World;
let memberId: string;
let token: string;

/** What a server answers once its start-up vector work is done: the reference for the killed copies. */
async function answers(child: Child): Promise<{ search: unknown; member: unknown; answer: boolean }> {
  const s = await post(child.url, token, SEARCH, { q: '党章 党员 权利 义务' });
  const m = await post(child.url, token, MEMBER_QUERY, { id: memberId });
  expect(s.ok, JSON.stringify(s.body)).toBe(true);
  expect(m.ok, JSON.stringify(m.body)).toBe(true);
  const q = world.questions[0];
  const a = await post(child.url, token, ANSWER_MUTATION, { i: { id: `vk-${Date.now()}`, memberId, questionId: q.id, choice: q.answer, seconds: 10 } });
  expect(a.ok, JSON.stringify(a.body)).toBe(true);
  return { search: s.body.data.search, member: m.body.data.member, answer: a.body.data.recordAnswer.created };
}

async function withChild<T>(dataDir: string, env: Record<string, string>, fn: (c: Child) => Promise<T>): Promise<T> {
  const child = await startChild(dataDir, env);
  try {
    return await fn(child);
  } finally {
    if (child.proc.exitCode === null && child.proc.signalCode === null) await killHard(child);
  }
}

let reference: { search: unknown; member: unknown; answer: boolean };
let before: Awaited<ReturnType<typeof counts>>;

beforeAll(async () => {
  const seed = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'seed', '--scale', 'demo', '--load'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, HONGTU_DATA_DIR: seeded },
    encoding: 'utf8',
    timeout: 240_000,
  });
  expect(seed.status, seed.stderr).toBe(0);
  world = readWorld(bulkDir);
  memberId = world.members[0].id;
  token = (await issueTokens(seeded, [memberId])).get(memberId)!;
  before = await counts(seeded);
  expect(Object.keys(before.vectorIndexes)).toEqual([]); // a freshly loaded store has no vectors yet
  // The reference: a copy whose first start is never interrupted.
  const control = path.join(root, 'control');
  cpSync(seeded, control, { recursive: true });
  reference = await withChild(control, {}, async (c) => {
    expect(await waitForLog(c, EMBEDDED, 240_000), c.log.join('')).toBe(true);
    const r = await answers(c);
    expect(await stopGracefully(c)).toBe(0);
    return r;
  });
}, 600_000);

describe('kill -9 inside the first start’s vector work', () => {
  for (const phase of ['rows', 'index'] as const) {
    it(`restarts after a kill with ${phase === 'rows' ? 'embedding rows in the log' : 'a vector index just created'}, member data complete, vectors rebuilt, same answers`, async () => {
      const dataDir = path.join(root, `killed-${phase}`);
      cpSync(seeded, dataDir, { recursive: true });
      // Not startChild: the paused phase holds the write lock, so the server may pause before it listens.
      const paused = spawnChild(dataDir, { HONGTU_PAUSE_IN_VECTOR_WORK: phase });
      try {
        expect(await waitForLog(paused, /vector work paused before its closing checkpoint/, 300_000), paused.log.join('')).toBe(true);
        expect(existsSync(path.join(dataDir, VECTOR_WORK_MARKER))).toBe(true);
        // Rows sit in the write-ahead log; Kuzu checkpoints a new vector index by itself as it commits it.
        expect(existsSync(path.join(dataDir, 'hongtu.kuzu.wal'))).toBe(phase === 'rows');
      } finally {
        await killHard(paused);
      }

      const got = await withChild(dataDir, {}, async (c) => {
        expect(await waitForLog(c, EMBEDDED, 240_000), c.log.join('')).toBe(true);
        expect(c.log.join('')).toMatch(
          phase === 'rows'
            ? /Vector work \(embeddings or a vector index\) was interrupted by a crash; its write-ahead log was set aside/
            : /Vector work was interrupted with nothing of it left in the write-ahead log; the vector indexes are checked/,
        );
        const r = await answers(c);
        expect(await stopGracefully(c)).toBe(0);
        return r;
      });
      expect(got).toEqual(reference);

      const after = await counts(dataDir);
      expect(after.kept).toEqual({ ...before.kept, ANSWERED: before.kept.ANSWERED + 1 });
      expect(after.problems).toEqual([]);
      expect(Object.keys(after.vectorIndexes).sort()).toEqual(['Course', 'Question', 'Topic']);
      expect(existsSync(path.join(dataDir, VECTOR_WORK_MARKER))).toBe(false);
      if (phase === 'rows') {
        const aside = readdirSync(path.join(dataDir, 'set-aside'));
        expect(aside).toHaveLength(1);
        expect(readdirSync(path.join(dataDir, 'set-aside', aside[0]))).toEqual(['hongtu.kuzu.wal']);
      } else {
        expect(existsSync(path.join(dataDir, 'set-aside'))).toBe(false);
      }
    }, 600_000);
  }
});
