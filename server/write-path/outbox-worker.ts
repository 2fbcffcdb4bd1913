/**
 * Applies the learning outbox (graph/event-batch.ts): every stored answer or study session has an
 * outbox entry, written in the event's own transaction; a pass takes the oldest entries, recomputes
 * the mastery rows and gaps of their members, and writes each member's rows in the transaction that
 * consumes that member's entries (`store.completeOutbox`, a slice of members per transaction). So:
 * - a crash after the event and before its update leaves the entry, and the next pass (at start-up
 *   or on the next event) applies it: nothing is skipped;
 * - a replayed event (the client retries after a crash) is a no-op in the store and queues nothing,
 *   and an entry is consumed once (completeOutbox refuses an entry already consumed): nothing is
 *   doubled. Mastery rows are those of the member's stored events folded through the product model
 *   (the learner's `MasteryService.fromHistory`, as its own event hook does), so the rows are the same however
 *   passes were split or retried. Only the events a member's kept fold has not seen are folded
 *   (learning/mastery/incremental-mastery.ts, checked against the stored history on every pass).
 *
 * Reads that must see a member's latest events call `settle(memberIds)`: it waits (bounded) until
 * this process has applied every entry it knows of for those members.
 */
import { type BatchEvent, type OutboxEntry, OUTBOX_SCOPE, withCausalScope } from '../../graph';
import type { Gap, Mastery, Member } from '../../graph';
import type { GraphStore } from '../../graph';
import type { AppLogger } from '../app-deps';
import { GapService } from '../learning/gaps/gap-service';
import type { LearnerServices } from '../learning/learner-services';
import { makeSnapshot } from '../learning/mastery/learner-snapshot';
import { IncrementalMastery } from '../learning/mastery/incremental-mastery';
import { MasteryService, REPLAY_LIMIT } from '../learning/mastery/mastery-service';
import { LearningSummaries } from '../learning/summary/learning-summaries';

export interface OutboxWorkerOptions {
  /**
   * Entries listed per pass, oldest first (default 4,000). A pass costs per member (its history read,
   * its fold and gaps, its rows written), hardly per entry: under exam load a few members' many answers
   * share one pass. At 500, fifty members answering 600 times a second outran the worker by thousands of
   * entries in 20 s; at 4,000 it keeps within about one pass (README, "Throughput").
   */
  batch?: number;
  /**
   * Most members a pass recomputes (default 256): the listed entries of further members wait for the
   * next pass, so a pass holds at most this many members' histories in memory however the batch falls.
   */
  membersPerPass?: number;
  /**
   * Least time between the starts of two passes (default 100 ms): under load a pass then covers
   * several events per member, and a member's gaps are recomputed once for all of them.
   */
  minIntervalMs?: number;
  /**
   * Least time between two learning-summary updates under load (default 2000 ms): each update writes a
   * row per member and per branch, so it runs for the members of several passes at once.
   */
  summaryIntervalMs?: number;
  /**
   * Members whose rows and entries share one store transaction (default 8). Every request write waits
   * behind a transaction that holds the single writer: with a member's mastery as ~70 edges (Kuzu schema 8)
   * 16 members held it 100–190 ms under load; as one node per member (schema 9) 8 members hold it about
   * 40 ms and 16 about 45 ms (demo, many members answering), and 8 gave the answers the shorter tail.
   */
  membersPerCommit?: number;
  /**
   * Events whose fold is kept across passes, over all members (default: IncrementalMastery's). A pass
   * then folds only a member's new events; 0 folds every member's whole history in every pass.
   */
  foldCacheEvents?: number;
  /** Wait before retrying after a failed pass (default 1000 ms). */
  retryMs?: number;
  /** Longest a read waits in `settle` (default 2000 ms). */
  settleTimeoutMs?: number;
  now?: () => number;
  log?: Pick<AppLogger, 'warn' | 'error'>;
}

/** Longest run of a pass's computation before it lets the event loop serve requests. */
const YIELD_AFTER_MS = 4;

const sameRow = (a: Mastery | undefined, b: Mastery) => a !== undefined && a.p === b.p && a.updatedAt === b.updatedAt;

/** Same topics, severities and reasons (the time of computing aside). */
function sameGaps(a: Gap[], b: Gap[]): boolean {
  const key = (g: Gap) => `${g.topicId}\u0000${g.severity}\u0000${g.reasons.join('\u0001')}`;
  const x = a.map(key).sort();
  const y = b.map(key).sort();
  return x.length === y.length && x.every((k, i) => k === y[i]);
}

/** The entries of the first `members` distinct members in list order (oldest first), in that order. */
export function ofFirstMembers(entries: OutboxEntry[], members: number): OutboxEntry[] {
  const taken = new Set<string>();
  return entries.filter((e) => {
    if (taken.has(e.memberId)) return true;
    if (taken.size >= members) return false;
    taken.add(e.memberId);
    return true;
  });
}

export interface OutboxStats {
  passes: number;
  applied: number;
  failures: number;
}

export class OutboxWorker {
  readonly stats: OutboxStats = { passes: 0, applied: 0, failures: 0 };
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private lastPassAt = 0;
  private lastSummaryAt = 0;
  private draining = false;
  /** Members with entries this process wrote and has not applied yet, with how many. */
  private readonly pending = new Map<string, number>();
  private waiters: (() => void)[] = [];
  private readonly mastery: MasteryService;
  /** The members' mastery folds, kept between passes (rows equal to `MasteryService.fromHistory`). */
  readonly folds: IncrementalMastery;
  private readonly gaps: GapService;
  /** The maintained branch learning figures, updated for each pass's members after the pass commits. */
  readonly summaries: LearningSummaries;
  /** Members applied since the last summary update (or whose update failed); updated with the next one. */
  private readonly unsummarised = new Set<string>();

  /** `store` must be the plain store (never one whose reads wait on this worker). */
  constructor(
    private readonly store: GraphStore,
    private readonly learner: LearnerServices,
    private readonly opts: OutboxWorkerOptions = {},
  ) {
    this.mastery = new MasteryService(store, learner.model);
    this.folds = new IncrementalMastery(this.mastery, opts.foldCacheEvents);
    this.gaps = new GapService(store);
    this.summaries = new LearningSummaries(store, learner, opts.log);
  }

  /** Group commit tells the worker what it created; a pass follows. */
  noteCommitted(created: BatchEvent[]): void {
    for (const b of created) this.pending.set(b.event.memberId, (this.pending.get(b.event.memberId) ?? 0) + 1);
    this.kick();
  }

  /** Start a pass now, or right after the one running. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    // In the outbox's causal scope (graph/causal.ts): on a Neo4j cluster every read of a pass starts after
    // every event batch and consumption this process committed, whichever request's timer started it.
    this.running = withCausalScope(OUTBOX_SCOPE, () => this.loop()).finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Wait until the entries this process knows of for these members are applied (or the timeout). */
  async settle(memberIds: readonly string[]): Promise<void> {
    const busy = () => memberIds.some((id) => this.pending.has(id));
    if (!busy()) return;
    const deadline = Date.now() + (this.opts.settleTimeoutMs ?? 2000);
    while (busy() && Date.now() < deadline && !this.stopped) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Apply everything pending now (tests, shutdown); resolves when the outbox is empty or a pass failed. */
  async drain(): Promise<void> {
    this.draining = true;
    try {
      this.kick();
      while (this.running) await this.running;
    } finally {
      this.draining = false;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    while (this.running) await this.running;
    this.wake();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const wait = this.lastPassAt + (this.opts.minIntervalMs ?? 100) - Date.now();
      if (wait > 0 && !this.draining) await new Promise((r) => setTimeout(r, wait));
      this.lastPassAt = Date.now();
      let entries: OutboxEntry[];
      try {
        entries = ofFirstMembers(await this.store.listOutbox(this.opts.batch ?? 4000), Math.max(1, this.opts.membersPerPass ?? 256));
        if (entries.length === 0) {
          this.pending.clear();
          this.wake();
          await this.summarise((this.opts.now ?? Date.now)());
          return;
        }
        await this.pass(entries);
      } catch (e) {
        this.stats.failures++;
        this.opts.log?.warn(`outbox pass failed (will retry): ${e instanceof Error ? e.message : String(e)}`);
        if (!this.stopped)
          this.retryTimer = setTimeout(() => {
            this.retryTimer = null;
            this.kick();
          }, this.opts.retryMs ?? 1000);
        this.retryTimer?.unref();
        return;
      }
    }
  }

  /**
   * Compute and store mastery rows and gaps of members whose events arrived without the write path
   * (a bulk load, an import), the same way a pass does, so reads find maintained state instead of
   * replaying history. Pages of `page` members; returns how many members were written.
   */
  async backfill(memberIds: string[], page = 200): Promise<number> {
    let n = 0;
    for (let i = 0; i < memberIds.length; i += page) {
      const ids = memberIds.slice(i, i + page);
      await this.recompute(ids, []);
      n += ids.length;
    }
    return n;
  }

  /** Recompute the members of these entries and consume the entries with their rows (see `recompute`). */
  private async pass(entries: OutboxEntry[]): Promise<void> {
    await this.recompute([...new Set(entries.map((e) => e.memberId))], entries);
  }

  /** These entries are applied: readers waiting in `settle` for their members may go on. */
  private applied(entries: OutboxEntry[]): void {
    for (const e of entries) {
      const n = (this.pending.get(e.memberId) ?? 0) - 1;
      if (n > 0) this.pending.set(e.memberId, n);
      else this.pending.delete(e.memberId);
    }
    if (entries.length) this.wake();
  }

  private async recompute(ids: string[], entries: OutboxEntry[]): Promise<void> {
    const now = (this.opts.now ?? Date.now)();
    const view = await this.learner.curriculum.get();
    // Set-based reads, one each for the whole pass: under load a read waits its turn among the requests'
    // reads, so a read per member (their plans, once) made a pass of 250 members last seconds.
    const [members, histories, storedRows, storedGaps, plans] = await Promise.all([
      this.store.getMembersByIds(ids),
      this.store.getHistoriesForMembers(ids, { limit: REPLAY_LIMIT }),
      this.store.getMasteryForMembers(ids),
      this.store.getGapsForMembers(ids),
      this.store.getStudyPlansForMembers(ids),
    ]);
    // Only what changed is written: a member whose fold did not move (a replay, an uncounted answer) writes
    // no rows. A counted answer moves every topic's row (the model's features are member-wide).
    const mastery: Mastery[] = [];
    const gaps = new Map<string, Gap[]>();
    const branchCache = new Map<string, Promise<Map<string, number>>>();
    let ranSince = performance.now();
    for (const member of members as Member[]) {
      // A member's fold and gaps take about a millisecond of CPU and, with the reads done above, nothing
      // else to wait for: without a pause, 250 members would hold the event loop (and every request) for
      // a quarter of a second or more.
      if (performance.now() - ranSince >= YIELD_AFTER_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        ranSince = performance.now();
      }
      const history = histories.get(member.id)!;
      const rows = this.folds.rows(member, view, history);
      const before = new Map((storedRows.get(member.id) ?? []).map((r) => [r.topicId, r]));
      mastery.push(...[...rows.values()].filter((r) => !sameRow(before.get(r.topicId), r)));
      const next = await this.gaps.compute(makeSnapshot(this.mastery, member, view, rows, history, now), branchCache, plans);
      if (!sameGaps(storedGaps.get(member.id) ?? [], next)) gaps.set(member.id, next);
    }
    // Written in slices of members, each slice with its own entries in one transaction (so each entry
    // is still consumed exactly once with its member's rows): a transaction stays short, and the
    // group commit's writes go in between instead of waiting for the whole pass.
    let applied = 0;
    const slice = this.opts.membersPerCommit ?? 8;
    for (let i = 0; i < ids.length; i += slice) {
      const part = new Set(ids.slice(i, i + slice));
      const mine = entries.filter((e) => part.has(e.memberId));
      applied += await this.store.completeOutbox({
        entries: mine,
        mastery: mastery.filter((r) => part.has(r.memberId)),
        gaps: new Map([...gaps].filter(([id]) => part.has(id))),
      });
      this.applied(mine);
    }
    this.stats.passes++;
    this.stats.applied += applied;
    // Their branches' figures that recommendations read (similar members' gaps, what they studied) follow.
    for (const m of members) {
      const current = gaps.get(m.id) ?? storedGaps.get(m.id) ?? [];
      this.learner.branches.applyMember(
        m.branchId,
        m.id,
        current.map((g) => g.topicId),
        histories.get(m.id)?.studies ?? [],
      );
    }
    // The pass is committed; the members' learning summaries follow from the state it wrote, at most
    // every `summaryIntervalMs` under load (members gather meanwhile) and always once the outbox is empty.
    for (const id of ids) this.unsummarised.add(id);
    if (now - this.lastSummaryAt >= (this.opts.summaryIntervalMs ?? 2000)) await this.summarise(now);
  }

  /**
   * Update the learning summaries of the members gathered since the last update. A failure must not
   * undo a pass: the members stay gathered and are retried with the next update (and by the daily refresh).
   */
  private async summarise(now: number): Promise<void> {
    if (this.unsummarised.size === 0) return;
    this.lastSummaryAt = now;
    const ids = [...this.unsummarised];
    try {
      await this.summaries.update(ids, now);
      for (const id of ids) this.unsummarised.delete(id);
    } catch (e) {
      this.opts.log?.warn(`learning summaries after an outbox pass failed (retried with the next pass): ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}
