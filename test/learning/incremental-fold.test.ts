/**
 * The outbox's incremental mastery fold equals the full refold, on a real Kuzu store.
 *
 * Random event sequences (seeded) are written through the store's group-commit call: answers and study
 * sessions, mostly in time order but with events older than the last one (out of order), replays of
 * stored events, reused ids, answers too fast to count and same-option streaks (an integrity finding that
 * discounts earlier answers once the streak is long enough). After every batch each member's history is
 * read back from the store and `IncrementalMastery.rows` must equal `MasteryService.fromHistory` exactly.
 * Then the outbox worker itself: passes over the same kind of sequences, a restart with entries pending,
 * and the stored rows equal the full refold of the stored history, each entry applied once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchEvent, GraphStore, Member } from '../../graph';
import { createLearnerServices, type LearnerServices } from '../../server/learning/learner-services';
import type { CurriculumView } from '../../server/learning/mastery/curriculum-view';
import { IncrementalMastery } from '../../server/learning/mastery/incremental-mastery';
import { MasteryService, REPLAY_LIMIT } from '../../server/learning/mastery/mastery-service';
import { OutboxWorker, ofFirstMembers } from '../../server/write-path/outbox-worker';
import { buildApiWorld, buildCourse, buildMember, buildQuestion } from '../support/builders';
import { openTestStore } from '../support/test-store';

const tags = (t: Record<string, number>) => Object.entries(t).map(([topicId, weight]) => ({ topicId, weight, source: 'MANUAL' as const, confidence: 1 }));
const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 2, 1, 0, 0);

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Question ids with their keys (option index of the right answer). */
const QUESTIONS: { id: string; answer: number; topics: Record<string, number> }[] = [
  { id: 'q-1', answer: 1, topics: { 'constitution.basics': 1 } },
  { id: 'fq-1', answer: 0, topics: { 'constitution.basics': 1 } },
  { id: 'fq-2', answer: 2, topics: { 'history.founding': 1 } },
  { id: 'fq-3', answer: 1, topics: { 'history.founding': 0.7, 'constitution.basics': 0.3 } },
  { id: 'fq-4', answer: 0, topics: { 'history.founding': 0.4 } },
  { id: 'fq-5', answer: 2, topics: { 'constitution.basics': 0.6, 'history.founding': 0.6 } },
];
const COURSES = ['course-1', 'fc-1'];

/**
 * A random sequence of batches for `members`: each event moves time forward a little (a few seconds to a
 * day), except out-of-order events placed before the member's latest; replays of stored events; reused
 * ids with another question (refused); bursts that always choose one option (streaks).
 */
function sequence(rand: () => number, prefix: string, members: string[], batches: number): BatchEvent[][] {
  const out: BatchEvent[][] = [];
  const clock = new Map(members.map((m, i) => [m, T0 + i * 7 * MINUTE]));
  const sent: BatchEvent[] = [];
  const streak = new Map<string, { option: number; left: number }>();
  let n = 0;
  for (let b = 0; b < batches; b++) {
    const batch: BatchEvent[] = [];
    const size = 1 + Math.floor(rand() * 5);
    for (let i = 0; i < size; i++) {
      const r = rand();
      if (r < 0.06 && sent.length) {
        batch.push(sent[Math.floor(rand() * sent.length)]); // a replay: the same event again
        continue;
      }
      const memberId = members[Math.floor(rand() * members.length)];
      if (r < 0.09 && sent.length) {
        const old = sent[Math.floor(rand() * sent.length)];
        if (old.kind === 'ANSWER') {
          batch.push({ kind: 'ANSWER', event: { ...old.event, questionId: old.event.questionId === 'fq-1' ? 'fq-2' : 'fq-1' } }); // reused id: refused
          continue;
        }
      }
      const last = clock.get(memberId)!;
      const outOfOrder = r > 0.9;
      const at = outOfOrder ? last - Math.floor(1 + rand() * 3 * 3_600_000) : last + Math.floor(rand() < 0.85 ? 5_000 + rand() * 4 * MINUTE : rand() * 86_400_000);
      if (!outOfOrder) clock.set(memberId, at);
      const id = `${prefix}-${n++}`;
      if (rand() < 0.15) {
        const ev: BatchEvent = {
          kind: 'STUDY',
          event: { id, memberId, courseId: COURSES[Math.floor(rand() * COURSES.length)], at, seconds: Math.floor(rand() * 1500), progress: Math.round(rand() * 100) / 100 },
        };
        batch.push(ev);
        sent.push(ev);
        continue;
      }
      let s = streak.get(memberId);
      if (!s && rand() < 0.08) streak.set(memberId, (s = { option: Math.floor(rand() * 3), left: 10 + Math.floor(rand() * 6) }));
      const q = QUESTIONS[Math.floor(rand() * QUESTIONS.length)];
      const correct = s ? q.answer === s.option : rand() < 0.6;
      if (s && --s.left <= 0) streak.delete(memberId);
      const ev: BatchEvent = { kind: 'ANSWER', event: { id, memberId, questionId: q.id, at, correct, seconds: rand() < 0.1 ? 1 : 4 + Math.floor(rand() * 60) } };
      batch.push(ev);
      sent.push(ev);
    }
    out.push(batch);
  }
  return out;
}

let store: GraphStore;
let dispose: () => Promise<void>;
let learner: LearnerServices;
let view: CurriculumView;

beforeAll(async () => {
  const t = await openTestStore('incremental fold', 'hongtu-fold-');
  store = t.store;
  dispose = t.dispose;
  await buildApiWorld(store);
  for (const q of QUESTIONS.slice(1)) await buildQuestion(store, { id: q.id, answer: q.answer, options: ['甲', '乙', '丙'], topics: tags(q.topics) });
  await buildCourse(store, { id: 'fc-1', minutes: 5, topics: tags({ 'history.founding': 0.8, 'constitution.basics': 0.5 }) });
  learner = createLearnerServices(store);
  view = await learner.curriculum.get();
});

afterAll(async () => {
  await dispose?.();
});

async function makeMembers(prefix: string, n: number): Promise<Member[]> {
  const out: Member[] = [];
  for (let i = 0; i < n; i++) out.push(await buildMember(store, { id: `${prefix}-m${i}`, branchId: 'b-1', stage: i % 2 ? 'ACTIVIST' : 'PROBATIONARY' }));
  return out;
}

const sorted = (rows: Map<string, unknown>) => [...rows.entries()].sort(([a], [b]) => a.localeCompare(b));

describe('incremental mastery fold', () => {
  it('equals the full refold after every batch, over random sequences with out-of-order events, replays and streaks', async () => {
    const mastery = new MasteryService(store, learner.model);
    let compared = 0;
    let outOfOrderFallbacks = 0;
    const totals = { incremental: 0, full: 0 };
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const rand = mulberry32(seed * 7919);
      const members = await makeMembers(`s${seed}`, 3);
      const ids = members.map((m) => m.id);
      // A small cache in one run makes members leave it and come back.
      const inc = new IncrementalMastery(mastery, seed === 6 ? 40 : undefined);
      const latest = new Map<string, number>();
      for (const batch of sequence(rand, `s${seed}`, ids, 40)) {
        const outcomes = await store.recordEventBatch(batch, []);
        for (let i = 0; i < batch.length; i++) {
          const e = batch[i].event;
          if (outcomes[i].status !== 'created') continue;
          if (e.at < (latest.get(e.memberId) ?? -Infinity)) outOfOrderFallbacks++;
          latest.set(e.memberId, Math.max(latest.get(e.memberId) ?? -Infinity, e.at));
        }
        // Now and then the history is read with a low limit: a history cut at its oldest end.
        const limit = rand() < 0.1 ? 25 : REPLAY_LIMIT;
        const histories = await store.getHistoriesForMembers(ids, { limit });
        for (const m of members) {
          const h = histories.get(m.id)!;
          const want = mastery.fromHistory(m, view, h);
          const got = inc.rows(m, view, h);
          expect(sorted(got)).toEqual(sorted(want));
          compared++;
        }
      }
      totals.incremental += inc.stats.incremental;
      totals.full += inc.stats.full;
    }
    expect(compared).toBe(6 * 40 * 3);
    // Both paths were taken: mostly incremental, and full folds for out-of-order events, discount changes and cut histories.
    expect(outOfOrderFallbacks).toBeGreaterThan(5);
    expect(totals.incremental).toBeGreaterThan(totals.full);
    expect(totals.full).toBeGreaterThan(outOfOrderFallbacks);
  });

  it('folds a same-option streak the same way: earlier answers discounted once the streak is long enough', async () => {
    const mastery = new MasteryService(store, learner.model);
    const inc = new IncrementalMastery(mastery);
    const [m] = await makeMembers('streak', 1);
    // Always option 0: right on questions keyed 0, wrong otherwise; one answer a minute (one sitting).
    for (let i = 0; i < 16; i++) {
      const q = QUESTIONS[i % QUESTIONS.length];
      await store.recordEventBatch(
        [{ kind: 'ANSWER', event: { id: `streak-${i}`, memberId: m.id, questionId: q.id, at: T0 + i * MINUTE, correct: q.answer === 0, seconds: 30 } }],
        [],
      );
      const h = (await store.getHistoriesForMembers([m.id], { limit: REPLAY_LIMIT })).get(m.id)!;
      const before = { ...inc.stats };
      expect(sorted(inc.rows(m, view, h))).toEqual(sorted(mastery.fromHistory(m, view, h)));
      // The twelfth answer makes the run a streak: it changes the discounts of the first eleven, so that call folds everything.
      if (i === 11) expect(inc.stats.full - before.full).toBe(1);
      else if (i > 0) expect(inc.stats.incremental - before.incremental).toBe(1);
    }
  });

  it('gives the same stored rows through the outbox worker, across passes and a restart, each entry applied once', async () => {
    const rand = mulberry32(424242);
    const members = await makeMembers('w', 4);
    const ids = members.map((m) => m.id);
    let worker = new OutboxWorker(store, learner, { minIntervalMs: 0, membersPerCommit: 2 });
    let created = 0;
    const batches = sequence(rand, 'w', ids, 50);
    for (let b = 0; b < batches.length; b++) {
      const outcomes = await store.recordEventBatch(batches[b], []);
      created += outcomes.filter((o) => o.status === 'created').length;
      if (b === 30) {
        // A restart with entries pending: the new worker keeps nothing and folds these members in full once.
        await worker.stop();
        worker = new OutboxWorker(store, learner, { minIntervalMs: 0, membersPerCommit: 2 });
        continue;
      }
      if (b % 3 === 0) await worker.drain();
    }
    await worker.drain();
    await worker.stop();
    expect(await store.listOutbox(10)).toEqual([]);
    const applied = await store.outboxAppliedCounts(ids);
    expect([...applied.values()].reduce((s, n) => s + n, 0)).toBe(created);
    expect(worker.folds.stats.incremental).toBeGreaterThan(0);
    const histories = await store.getHistoriesForMembers(ids, { limit: REPLAY_LIMIT });
    const stored = await store.getMasteryForMembers(ids);
    const mastery = new MasteryService(store, learner.model);
    for (const m of members) {
      const want = [...mastery.fromHistory(m, view, histories.get(m.id)!).values()].sort((a, b) => a.topicId.localeCompare(b.topicId));
      const got = [...(stored.get(m.id) ?? [])].sort((a, b) => a.topicId.localeCompare(b.topicId));
      expect(got).toEqual(want);
    }
  });

  it('recomputes at most `membersPerPass` members a pass; the entries of the others wait for the next pass', async () => {
    const members = await makeMembers('cap', 3);
    const ids = members.map((m) => m.id);
    // Interleaved: the oldest entries name every member, so a list of all of them spans three members.
    const events: BatchEvent[] = [];
    for (let i = 0; i < 6; i++) {
      const q = QUESTIONS[i % QUESTIONS.length];
      events.push({ kind: 'ANSWER', event: { id: `cap-${i}`, memberId: ids[i % 3], questionId: q.id, at: T0 + i * MINUTE, correct: true, seconds: 30 } });
    }
    await store.recordEventBatch(events, []);
    const worker = new OutboxWorker(store, learner, { minIntervalMs: 0, membersPerPass: 1 });
    await worker.drain();
    await worker.stop();
    expect(worker.stats.passes).toBe(3);
    expect(worker.stats.applied).toBe(6);
    expect(await store.listOutbox(10)).toEqual([]);
    const applied = await store.outboxAppliedCounts(ids);
    expect(ids.map((id) => applied.get(id))).toEqual([2, 2, 2]);
  });
});

describe('ofFirstMembers', () => {
  const e = (key: string, memberId: string) => ({ key, kind: 'ANSWER' as const, eventId: key, memberId, at: 0 });
  it('keeps every listed entry of the first members in list order, and no entry of a later member', () => {
    const list = [e('1', 'a'), e('2', 'b'), e('3', 'a'), e('4', 'c'), e('5', 'b')];
    expect(ofFirstMembers(list, 2).map((x) => x.key)).toEqual(['1', '2', '3', '5']);
    expect(ofFirstMembers(list, 3)).toEqual(list);
    expect(ofFirstMembers([], 2)).toEqual([]);
  });
});
