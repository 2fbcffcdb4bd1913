/**
 * kill -9 in the middle of a write load, and the exact count of what happened to every answer:
 * 1. `clients` closed-loop clients (one member each) send recordAnswer with their own ids;
 * 2. once the server has finished its start-up work on the fresh store (embedding the content and
 *    building the vector indexes, then the learning summaries), the load starts; after `loadMs` the
 *    server gets SIGKILL; answers without a reply are "in flight". This run measures the write path,
 *    so it waits for that work to end. A kill during the first-start vector work is a case of its own
 *    (vector-kill.test.ts): the next start sets the interrupted vector work aside, the store reopens at
 *    the checkpoint before it and the indexes are rebuilt (graph/kuzu/vector-work.ts);
 * 3. the store is opened in this process (the server is dead) to count what was stored and which
 *    outbox entries were still pending, then closed;
 * 4. the server restarts on the same data directory and every in-flight answer is retried with the
 *    same id (as a client does after a timeout), plus a replay of some acknowledged ones;
 * 5. SIGTERM (the server applies its outbox before exiting), and the store is checked: every
 *    acknowledged answer stored once, every stored one applied to mastery exactly once (the outbox
 *    tally equals the stored count per member, and the rows equal a replay of the stored events).
 */
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { createLearnerServices } from '../../server/learning/learner-services';
import { REPLAY_LIMIT } from '../../server/learning/mastery/mastery-service';
import { ANSWER_MUTATION, type Child, issueTokens, killHard, post, startChild, stopGracefully, waitForLog, type World } from './harness';

export interface KillReport {
  sent: number;
  acknowledgedBeforeKill: number;
  inFlightAtKill: number;
  storedAtKill: number;
  /** In-flight answers that were stored although their caller never heard back. */
  storedButUnacknowledged: number;
  outboxPendingAtKill: number;
  retriedAfterRestart: number;
  /** Retries answered `created: false` (the store already had them). */
  retriesReplayed: number;
  retriesCreated: number;
  replaysOfAcknowledged: number;
  replaysOfAcknowledgedCreated: number;
  storedAfterRestart: number;
  acknowledgedMissing: number;
  masteryUpdated: number;
  membersWithTallyMismatch: number;
  membersWithMasteryMismatch: number;
  outboxPendingAtEnd: number;
}

interface Sent {
  id: string;
  memberId: string;
  questionId: string;
  choice: number;
  seconds: number;
}

const PREFIX = 'k9-';

async function countAt(dataDir: string, memberIds: string[]) {
  const store = new KuzuStore({ dir: dataDir });
  try {
    await store.init();
    const h = await store.getHistoriesForMembers(memberIds, { limit: REPLAY_LIMIT });
    const stored = new Set([...h.values()].flatMap((x) => x.answers.map((a) => a.id)).filter((id) => id.startsWith(PREFIX)));
    const pending = (await store.listOutbox(100_000)).filter((e) => e.eventId.startsWith(PREFIX)).length;
    return { stored, pending };
  } finally {
    await store.close();
  }
}

export async function runKillTest(opts: { dataDir: string; world: World; clients: number; loadMs: number }): Promise<KillReport> {
  const members = opts.world.members.slice(0, opts.clients);
  const qs = opts.world.questions;
  const tokens = await issueTokens(
    opts.dataDir,
    members.map((m) => m.id),
  );
  const sent: Sent[] = [];
  const acked = new Set<string>();
  let child: Child = await startChild(opts.dataDir);
  for (const done of [/embedded \d+ new or changed nodes/, /Learning summaries up to date/]) {
    if (!(await waitForLog(child, done, 600_000))) throw new Error(`the server did not log ${done} within 10 min:\n${child.log.join('')}`);
  }
  let stop = false;
  const client = async (memberId: string, c: number) => {
    for (let n = 0; !stop; n++) {
      const q = qs[(c * 7 + n) % qs.length];
      const i: Sent = { id: `${PREFIX}${c}-${n}`, memberId, questionId: q.id, choice: n % 3 === 0 ? (q.answer + 1) % 2 : q.answer, seconds: 10 };
      sent.push(i);
      const r = await post(child.url, tokens.get(memberId)!, ANSWER_MUTATION, { i });
      if (r.ok) acked.add(i.id);
      if (!r.ok) return; // the server is gone: this answer stays in flight
    }
  };
  const running = members.map((m, c) => client(m.id, c));
  // The kill lands mid-load: once the server is warm (some answers acknowledged), then `loadMs` later.
  const warmBy = Date.now() + 120_000;
  while (acked.size < opts.clients * 2 && Date.now() < warmBy) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, opts.loadMs));
  await killHard(child);
  stop = true;
  await Promise.all(running);
  const inFlight = sent.filter((s) => !acked.has(s.id));
  const atKill = await countAt(
    opts.dataDir,
    members.map((m) => m.id),
  );

  child = await startChild(opts.dataDir);
  const restarted = child;
  // Whatever fails from here on, the restarted server does not outlive the run.
  try {
    return await afterRestart();
  } catch (e) {
    if (restarted.proc.exitCode === null) await killHard(restarted);
    throw e;
  }

  async function afterRestart(): Promise<KillReport> {
    let retriesReplayed = 0;
    let retriesCreated = 0;
    for (const i of inFlight) {
      const r = await post(child.url, tokens.get(i.memberId)!, ANSWER_MUTATION, { i });
      if (!r.ok) throw new Error(`retry of ${i.id} failed after restart: ${JSON.stringify(r.body ?? r.code)}\n${child.log.join('').slice(-4000)}`);
      if (r.body.data.recordAnswer.created) retriesCreated++;
      else retriesReplayed++;
    }
    const ackedList = sent.filter((s) => acked.has(s.id));
    const replays = ackedList.filter((_, k) => k % Math.max(1, Math.floor(ackedList.length / 20)) === 0);
    let replaysCreated = 0;
    for (const i of replays) {
      const r = await post(child.url, tokens.get(i.memberId)!, ANSWER_MUTATION, { i });
      if (!r.ok) throw new Error(`replay of ${i.id} failed: ${JSON.stringify(r.body ?? r.code)}`);
      if (r.body.data.recordAnswer.created) replaysCreated++;
    }
    const code = await stopGracefully(child);
    if (code !== 0) throw new Error(`server exited with ${code} on SIGTERM:\n${child.log.join('')}`);

    const store = new KuzuStore({ dir: opts.dataDir });
    try {
      await store.init();
      const ids = members.map((m) => m.id);
      const histories = await store.getHistoriesForMembers(ids, { limit: REPLAY_LIMIT });
      const stored = new Set([...histories.values()].flatMap((x) => x.answers.map((a) => a.id)).filter((id) => id.startsWith(PREFIX)));
      const tallies = await store.outboxAppliedCounts(ids);
      const learner = createLearnerServices(store);
      const view = await learner.curriculum.get();
      const masteryNow = await store.getMasteryForMembers(ids);
      let tallyMismatch = 0;
      let masteryMismatch = 0;
      const people = new Map((await store.getMembersByIds(ids)).map((m) => [m.id, m]));
      for (const id of ids) {
        const mine = histories.get(id)!.answers.filter((a) => a.id.startsWith(PREFIX)).length;
        if ((tallies.get(id) ?? 0) !== mine) tallyMismatch++;
        const expected = learner.mastery.fromHistory(people.get(id)!, view, histories.get(id)!);
        const got = new Map((masteryNow.get(id) ?? []).map((r) => [r.topicId, r]));
        const same =
          expected.size === got.size &&
          [...expected.values()].every((r) => {
            const g = got.get(r.topicId);
            return g !== undefined && Math.abs(g.p - r.p) < 1e-9 && g.updatedAt === r.updatedAt;
          });
        if (!same) masteryMismatch++;
      }
      return {
        sent: sent.length,
        acknowledgedBeforeKill: acked.size,
        inFlightAtKill: inFlight.length,
        storedAtKill: atKill.stored.size,
        storedButUnacknowledged: inFlight.filter((i) => atKill.stored.has(i.id)).length,
        outboxPendingAtKill: atKill.pending,
        retriedAfterRestart: inFlight.length,
        retriesReplayed,
        retriesCreated,
        replaysOfAcknowledged: replays.length,
        replaysOfAcknowledgedCreated: replaysCreated,
        storedAfterRestart: stored.size,
        acknowledgedMissing: [...acked].filter((id) => !stored.has(id)).length,
        masteryUpdated: [...tallies.values()].reduce((a, b) => a + b, 0),
        membersWithTallyMismatch: tallyMismatch,
        membersWithMasteryMismatch: masteryMismatch,
        outboxPendingAtEnd: (await store.listOutbox(100_000)).length,
      };
    } finally {
      await store.close();
    }
  }
}
