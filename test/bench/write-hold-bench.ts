/**
 * How long the write-path transactions hold Kuzu's single writer on a loaded store: a group commit of 8
 * fresh answers (with their audit entries), one of 8 answers of which one is a replay (the checked path:
 * ledger and existence look-ups), an outbox completion of 16 members (64 mastery rows and 2 gaps each, as
 * the worker's slice of a pass), a learning-summary save of 16 members, and one access-record append.
 * Nothing else writes, so the wall time of each call is its hold of the write lock (no wait for it).
 *
 * Standalone, on a store copy you own (it writes fresh ids into it; it does not copy the store, which
 * at large scale is 3 GB):
 *   npx tsx test/bench/write-hold-bench.ts <dir holding hongtu.kuzu> [rounds] [label]
 * Run it in two trees (before and after a change) alternately on the same copy to compare them.
 */
import os from 'node:os';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import type { BatchEvent } from '../../graph/event-batch';
import { TOP_AREAS } from '../../graph/model';
import { fmt, median } from './stats';
import { mainThreadCpuMs } from './store-copy';

type Sample = { wall: number[]; cpu: number };

async function timed<T>(s: Sample, fn: () => Promise<T>): Promise<T> {
  const c0 = mainThreadCpuMs();
  const t0 = performance.now();
  const out = await fn();
  s.wall.push(performance.now() - t0);
  s.cpu += mainThreadCpuMs() - c0;
  return out;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  const rounds = Number(process.argv[3] ?? 10);
  const label = process.argv[4] ?? 'this tree';
  if (!dir) throw new Error('usage: write-hold-bench.ts <store dir> [rounds] [label]');
  const store = new KuzuStore({ dir });
  await store.init();
  try {
    const run = `${process.pid}-${Date.now().toString(36)}`;
    const members = (await store.listMembers({}, 4000)).items;
    const questions = (await store.listQuestions({}, 64)).items.map((q) => q.id);
    const topics = (await store.listTopics()).map((t) => t.id).slice(0, 64);
    const pick = (n: number, r: number) => Array.from({ length: n }, (_, i) => members[(r * 97 + i * 211) % members.length]);
    const names = ['batch of 8 fresh answers', 'batch of 8 answers, 1 replay', 'outbox completion, 16 members', 'summary save, 16 members', 'access-record append'];
    const samples = names.map((): Sample => ({ wall: [], cpu: 0 }));
    for (let r = -1; r < rounds; r++) {
      const warm = r < 0;
      const answer = (id: string, memberId: string, i: number): BatchEvent => ({
        kind: 'ANSWER',
        event: { id, memberId, questionId: questions[i % questions.length], at: Date.now(), correct: i % 2 === 0, seconds: 20 },
      });
      const fresh = pick(8, r + 1).map((m, i) => answer(`wh-${run}-${r}-${i}`, m.id, i));
      const s0: Sample = warm ? { wall: [], cpu: 0 } : samples[0];
      const out = await timed(s0, () => store.recordEventBatch(fresh, []));
      if (out.some((o) => o.status !== 'created')) throw new Error(`unexpected outcome ${JSON.stringify(out)}`);
      const withReplay = pick(8, r + 1).map((m, i) => (i === 0 ? fresh[0] : answer(`wh-${run}-${r}-${i}-b`, m.id, i)));
      const out2 = await timed(warm ? { wall: [], cpu: 0 } : samples[1], () => store.recordEventBatch(withReplay, []));
      if (out2[0].status !== 'replay' || out2.slice(1).some((o) => o.status !== 'created')) throw new Error(`unexpected outcome ${JSON.stringify(out2)}`);
      const sixteen = pick(16, r + 1000);
      const pending = await store.listOutbox(100_000);
      const mine = new Set(pick(8, r + 1).map((m) => m.id));
      const entries = pending.filter((e) => mine.has(e.memberId) && e.eventId.startsWith(`wh-${run}-${r}-`));
      const at = Date.now();
      const mastery = sixteen.flatMap((m, i) => topics.map((t, j) => ({ memberId: m.id, topicId: t, p: ((i * 7 + j * 13 + r) % 100) / 100, updatedAt: at })));
      const gaps = new Map(
        sixteen.map((m, i) => [m.id, [0, 1].map((k) => ({ memberId: m.id, topicId: topics[(i + k + r + 2) % topics.length], severity: 0.5, reasons: ['bench'], updatedAt: at }))]),
      );
      await timed(warm ? { wall: [], cpu: 0 } : samples[2], () => store.completeOutbox({ entries, mastery, gaps }));
      const rows = sixteen.map((m, i) => ({
        memberId: m.id,
        branchId: m.branchId,
        stage: m.stage,
        asOf: at,
        areaMilli: TOP_AREAS.map((_, k) => (i * 31 + k * 17 + r) % 1000),
        required: 3,
        met: i % 4,
        bands: [1, 2, 3, 2],
        gaps: 2,
      }));
      await timed(warm ? { wall: [], cpu: 0 } : samples[3], () => store.saveMemberLearning(rows));
      await timed(warm ? { wall: [], cpu: 0 } : samples[4], () =>
        store.appendAccess([{ id: `wh-acc-${run}-${r}`, at, viewerId: sixteen[0].id, action: 'READ_MEMBER', targetKind: 'Member', targetId: sixteen[1].id }]),
      );
    }
    for (const [i, name] of names.entries()) {
      const w = samples[i].wall;
      console.log(
        `${label}: ${name}: wall median ${fmt(median(w), 1)} ms (${fmt(Math.min(...w), 1)}–${fmt(Math.max(...w), 1)}), n ${w.length}, main-thread CPU ${fmt(samples[i].cpu / w.length, 1)} ms per call`,
      );
    }
    console.log(
      `${label}: load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await store.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
