/**
 * CPU of the learning outbox's passes with the incremental mastery fold ("incremental": a member's kept
 * fold takes only their new events) against the full refold of every member in every pass ("full",
 * `foldCacheEvents: 0`), on a copy of a loaded store.
 *
 * Each repeat opens a fresh outbox worker over the same store and the same 50 members (as under 50
 * writing clients): one warm-up round, then `rounds` rounds of one new answer per member written through
 * the store's group-commit call (not timed) and the pass that applies them (`drain`, timed), so the
 * members' histories grow as under load. The modes alternate, and which goes first alternates too (the
 * histories keep growing from repeat to repeat). Per pass: time in the mastery fold itself (the worker's
 * `folds.rows`, wall time of synchronous code), main-thread CPU (the thread's own user + system
 * time from /proc, 10 ms ticks summed over the rounds), process CPU (process.cpuUsage: every thread,
 * Kuzu's included) and wall time. The table gives the median over repeats and the range.
 *
 * Standalone: npx tsx test/bench/outbox-fold-bench.ts <store dir holding hongtu.kuzu> [repeats] [rounds]
 * The store is copied to a temporary folder first and the copy removed at the end.
 */
import os from 'node:os';
import type { BatchEvent } from '../../graph';
import { createLearnerServices } from '../../server/learning/learner-services';
import { OutboxWorker } from '../../server/write-path/outbox-worker';
import { fmt, median } from './stats';
import { mainThreadCpuMs, withStoreCopy } from './store-copy';

const MEMBERS = 50;
const silent = { warn() {}, error() {} };

interface Figures {
  foldMs: number;
  mainMs: number;
  processMs: number;
  wallMs: number;
  incremental: number;
  full: number;
}

async function main(): Promise<void> {
  const source = process.argv[2];
  const repeats = Number(process.argv[3] ?? 3);
  const rounds = Number(process.argv[4] ?? 20);
  if (!source) throw new Error('usage: outbox-fold-bench.ts <store dir> [repeats]');
  await withStoreCopy(source, 'hongtu-fold11-bench-', async (store) => {
    const learner = createLearnerServices(store);
    const view = await learner.curriculum.get();
    const questions = [...view.questionTopics.keys()];
    const page = await store.listMembers({}, MEMBERS);
    const members = page.items.map((m) => m.id);
    const histories = await store.getHistoriesForMembers(members, { limit: 5000 });
    const events = [...histories.values()].reduce((s, h) => s + h.answers.length + h.studies.length, 0);
    console.log(`members ${members.length}, stored events of theirs ${events}, questions ${questions.length}`);
    let n = 0;
    let clock = Date.now();
    const round = async () => {
      const batch: BatchEvent[] = members.map((memberId) => ({
        kind: 'ANSWER',
        event: { id: `fold-bench-${process.pid}-${n}`, memberId, questionId: questions[n++ % questions.length], at: (clock += 1000), correct: n % 3 !== 0, seconds: 20 },
      }));
      await store.recordEventBatch(batch, []);
    };
    const results: Record<'full' | 'incremental', Figures[]> = { full: [], incremental: [] };
    // Apply what the outbox holds already before the first measure.
    const first = new OutboxWorker(store, learner, { minIntervalMs: 0, log: silent });
    await first.drain();
    await first.stop();
    for (let r = 0; r < repeats; r++) {
      for (const mode of r % 2 ? (['incremental', 'full'] as const) : (['full', 'incremental'] as const)) {
        const worker = new OutboxWorker(store, learner, { minIntervalMs: 0, log: silent, foldCacheEvents: mode === 'full' ? 0 : undefined });
        await round();
        await worker.drain(); // warm-up: the incremental worker keeps these members' folds from here on
        let fold = 0;
        const rowsOf = worker.folds.rows.bind(worker.folds);
        worker.folds.rows = (...args) => {
          const t = performance.now();
          try {
            return rowsOf(...args);
          } finally {
            fold += performance.now() - t;
          }
        };
        let main = 0;
        let proc = 0;
        let wall = 0;
        const passes0 = worker.stats.passes;
        for (let i = 0; i < rounds; i++) {
          await round();
          const m0 = mainThreadCpuMs();
          const c0 = process.cpuUsage();
          const t0 = performance.now();
          await worker.drain();
          wall += performance.now() - t0;
          const c = process.cpuUsage(c0);
          proc += (c.user + c.system) / 1000;
          main += mainThreadCpuMs() - m0;
        }
        const passes = worker.stats.passes - passes0;
        await worker.stop();
        const f = {
          foldMs: fold / passes,
          mainMs: main / passes,
          processMs: proc / passes,
          wallMs: wall / passes,
          incremental: worker.folds.stats.incremental,
          full: worker.folds.stats.full,
        };
        results[mode].push(f);
        console.log(
          `repeat ${r + 1} ${mode}: passes ${passes}, fold ${fmt(f.foldMs, 1)} ms, main ${fmt(f.mainMs, 1)} ms, process ${fmt(f.processMs, 1)} ms, wall ${fmt(f.wallMs, 1)} ms per pass (members folded incrementally ${f.incremental}, in full ${f.full}), load ${os.loadavg()[0].toFixed(1)}`,
        );
      }
    }
    for (const mode of ['full', 'incremental'] as const) {
      const xs = results[mode];
      const line = (k: keyof Figures) => {
        const v = xs.map((x) => x[k]);
        return `${fmt(median(v), 1)} (${fmt(Math.min(...v), 1)}–${fmt(Math.max(...v), 1)})`;
      };
      console.log(
        `${mode}: n ${xs.length}; per pass of ${MEMBERS} members: fold ${line('foldMs')} ms, main-thread CPU ${line('mainMs')} ms, process CPU ${line('processMs')} ms, wall ${line('wallMs')} ms`,
      );
    }
  });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
