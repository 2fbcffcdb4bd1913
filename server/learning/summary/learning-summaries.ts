/**
 * Maintained learning summaries (graph/learning-summary.ts): the dashboard's and portrait's branch learning
 * figures are read from one stored row per branch, never computed per request.
 *
 * The figures are the branch gap report's cells evaluated at the start of the current day (China Standard
 * Time; `learningDayStart`), summed over the branch's members. They are kept current by
 * - the write path: after each outbox pass, the rows of that pass's members (server/write-path);
 * - `refresh`: members whose row is missing, from an earlier day, or made for another branch or stage
 *   (a move, a stage change); run at start, and in the background when a read finds a branch row from
 *   an earlier day or a branch without a row;
 * - `rebuild`: every member (`hongtu learn recompute`, the demo's first load).
 * Until a refresh has run, a read returns the last stored figures with the day they are as of.
 */
import type { AppLogger } from '../../app-deps';
import type { BranchLearning, GraphStore } from '../../../graph';
import { LearnerServices } from '../learner-services';
import { learningDayStart, memberLearningOf } from './member-learning';

/** Members per computed and saved page. */
const PAGE = 200;
/** Least time between two background refreshes started because a branch had no row at all. */
const MISSING_KICK_MS = 60_000;

export class LearningSummaries {
  private readonly learner: LearnerServices;
  private running: Promise<number> | null = null;
  private lastMissingKick = 0;

  /** `store` must be the plain store (the write path's worker calls this from inside a pass). */
  constructor(
    private readonly store: GraphStore,
    learner: LearnerServices,
    private readonly log?: Pick<AppLogger, 'warn'>,
  ) {
    this.learner = learner.store === store ? learner : new LearnerServices(store, learner.model);
  }

  /** Compute these members' rows as of the day of `now` and save them (with their branches' sums). */
  async update(memberIds: readonly string[], now: number): Promise<number> {
    if (!memberIds.length) return 0;
    const asOf = learningDayStart(now);
    const members = await this.store.getMembersByIds([...new Set(memberIds)]);
    const rows = await this.learner.gapReportRows(members, asOf);
    await this.store.saveMemberLearning(rows.map((r) => memberLearningOf(r.member, r, asOf)));
    return rows.length;
  }

  /** Bring every stale member's row up to date; one run at a time (a second call joins the first). */
  refresh(now = Date.now()): Promise<number> {
    this.running ??= this.refreshAll(now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async refreshAll(now: number): Promise<number> {
    let n = 0;
    const asOf = learningDayStart(now);
    for (;;) {
      const ids = await this.store.listStaleMemberLearning(asOf, PAGE);
      if (!ids.length) return n;
      const done = await this.update(ids, now);
      n += done;
      if (done === 0) return n; // members vanished between the listing and the read
    }
  }

  /** Recompute every member's row (after `learn recompute` or a bulk load), pages of 200. */
  async rebuild(now = Date.now(), onProgress?: (done: number, total: number) => void): Promise<number> {
    const total = (await this.store.listMembers({}, 1)).totalCount;
    let n = 0;
    for (let after: string | null = null; ; ) {
      const page = await this.store.listMembers({}, PAGE, after);
      n += await this.update(
        page.items.map((m) => m.id),
        now,
      );
      onProgress?.(n, total);
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    await this.refresh(now); // rows of members whose rows predate them (a race with the write path) and orphans
    return n;
  }

  /** Start a refresh in the background (failures are logged; the next read starts another). */
  kick(now = Date.now()): void {
    void this.refresh(now).catch((e) => this.log?.warn(`learning summaries refresh failed: ${e instanceof Error ? e.message : String(e)}`));
  }

  /**
   * The stored figures of these branches (no computing). A branch row from an earlier day, or a branch
   * with no row, starts a background refresh; the stored figures are returned meanwhile.
   */
  async branchFigures(branchIds: readonly string[], now = Date.now()): Promise<Map<string, BranchLearning>> {
    const got = await this.store.getBranchLearning([...branchIds]);
    const today = learningDayStart(now);
    const old = [...got.values()].some((b) => b.asOf < today);
    const missing = branchIds.some((id) => !got.has(id));
    if (old || (missing && now - this.lastMissingKick >= MISSING_KICK_MS)) {
      if (missing) this.lastMissingKick = now;
      this.kick(now);
    }
    return got;
  }
}
