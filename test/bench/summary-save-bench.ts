/**
 * Time and CPU of one learning-summary save (`saveMemberLearning`, the write the outbox worker makes after
 * its passes) for `count` members of a loaded store, on a copy of it. The rows are computed once (as the
 * worker computes them); then the save is repeated `times` times and the median and range printed, with
 * main-thread CPU (from /proc, 10 ms ticks, summed over the saves) and process CPU per save.
 *
 * Standalone: npx tsx test/bench/summary-save-bench.ts <store dir holding hongtu.kuzu> [count] [times]
 * Run it in two trees (before and after a change to the save) alternately to compare them.
 */
import os from 'node:os';
import { createLearnerServices } from '../../server/learning/learner-services';
import { learningDayStart, memberLearningOf } from '../../server/learning/summary/member-learning';
import { fmt, median } from './stats';
import { mainThreadCpuMs, withStoreCopy } from './store-copy';

async function main(): Promise<void> {
  const source = process.argv[2];
  const count = Number(process.argv[3] ?? 50);
  const times = Number(process.argv[4] ?? 20);
  if (!source) throw new Error('usage: summary-save-bench.ts <store dir> [count] [times]');
  await withStoreCopy(source, 'hongtu-fold11-save-', async (store) => {
    const learner = createLearnerServices(store);
    const now = Date.now();
    const asOf = learningDayStart(now);
    const members = (await store.listMembers({}, count)).items;
    const rows = (await learner.gapReportRows(members, asOf)).map((r) => memberLearningOf(r.member, r, asOf));
    const branches = new Set(rows.map((r) => r.branchId)).size;
    await store.saveMemberLearning(rows); // warm-up
    const wall: number[] = [];
    let main = 0;
    let proc = 0;
    for (let i = 0; i < times; i++) {
      const m0 = mainThreadCpuMs();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await store.saveMemberLearning(rows);
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      proc += (c.user + c.system) / 1000;
      main += mainThreadCpuMs() - m0;
    }
    console.log(
      `save of ${rows.length} members (${branches} branches), n ${times}: wall median ${fmt(median(wall), 1)} ms (${fmt(Math.min(...wall), 1)}–${fmt(Math.max(...wall), 1)}), main-thread CPU ${fmt(main / times, 1)} ms, process CPU ${fmt(proc / times, 1)} ms per save; load ${os.loadavg()[0].toFixed(1)}`,
    );
  });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
