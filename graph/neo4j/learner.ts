/** Learner model: MASTERY {p, updatedAt}, HAS_GAP {severity, reasons, updatedAt}, StudyPlan nodes; audit log. */
import type { BranchPeer, Gap, LearnerRows, Mastery, StudyPlan } from '../model';
import type { Executor } from './executor';
import { lastPerKey, requireIds } from './guards';
import { int, num, toGap, toMastery, toStudyPlan } from './mapping';
import { LOCK, Q } from './queries';

/** Rows grouped per asked member id, every asked id present. */
function keyed<T extends { memberId: string }>(ids: string[], rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const r of rows) out.get(r.memberId)?.push(r);
  return out;
}

export class LearnerOps {
  constructor(private readonly ex: Executor) {}

  async getMasteryForMembers(memberIds: string[]): Promise<Map<string, Mastery[]>> {
    if (memberIds.length === 0) return new Map();
    const rows = await this.ex.read((tx) => tx.rows(Q.getMastery, { memberIds: [...new Set(memberIds)] }));
    return keyed(memberIds, rows.map(toMastery));
  }

  async upsertMastery(rows: Mastery[]): Promise<void> {
    if (rows.length === 0) return;
    await this.ex.write(async (tx) => {
      await requireIds(
        tx,
        'Member',
        rows.map((r) => r.memberId),
      );
      await requireIds(
        tx,
        'Topic',
        rows.map((r) => r.topicId),
      );
      const latest = lastPerKey(rows, (r) => `${r.memberId}\u0000${r.topicId}`);
      await tx.write(Q.upsertMastery, {
        rows: latest.map((r) => ({ memberId: r.memberId, topicId: r.topicId, p: r.p, updatedAt: int(r.updatedAt) })),
      });
    });
  }

  async getGapsForMembers(memberIds: string[]): Promise<Map<string, Gap[]>> {
    if (memberIds.length === 0) return new Map();
    const rows = await this.ex.read((tx) => tx.rows(Q.getGaps, { memberIds: [...new Set(memberIds)] }));
    return keyed(memberIds, rows.map(toGap));
  }

  async listBranchPeers(branchIds: string[], since: number): Promise<BranchPeer[]> {
    if (branchIds.length === 0) return [];
    const rows = await this.ex.read((tx) => tx.rows(Q.listBranchPeers, { branchIds: [...new Set(branchIds)], since: int(since) }));
    return rows.map((r) => ({
      memberId: String(r.memberId),
      branchId: String(r.branchId),
      gapTopicIds: (r.gapTopicIds as unknown[]).map(String).sort(),
      studies: (r.studies as Record<string, unknown>[])
        .map((x) => ({ courseId: String(x.courseId), sessions: num(x.sessions), maxProgress: num(x.maxProgress) }))
        .sort((a, b) => a.courseId.localeCompare(b.courseId)),
    }));
  }

  /** Replaces all HAS_GAP edges of the member (one per topic, the last one given wins). */
  replaceGaps(memberId: string, gaps: Gap[]): Promise<void> {
    return this.ex.write(async (tx) => {
      // The member's lock first: a concurrent replace waits, so no gap of either survives half-replaced.
      await tx.rows(LOCK.Member, { id: memberId });
      await requireIds(tx, 'Member', [memberId]);
      await requireIds(
        tx,
        'Topic',
        gaps.map((g) => g.topicId),
      );
      await tx.write(Q.replaceGaps, {
        memberId,
        gaps: lastPerKey(gaps, (g) => g.topicId).map((g) => ({
          topicId: g.topicId,
          severity: g.severity,
          reasons: g.reasons.map(String),
          updatedAt: int(g.updatedAt),
        })),
      });
    });
  }

  /** Upsert by plan id (a re-save replaces the plan). */
  saveStudyPlan(plan: StudyPlan): Promise<void> {
    return this.ex.write(async (tx) => {
      // The member's lock first: two saves of one plan id replace it in turn instead of colliding on its id.
      await tx.rows(LOCK.Member, { id: plan.memberId });
      await requireIds(tx, 'Member', [plan.memberId]);
      await tx.write(Q.dropStudyPlan, { id: plan.id });
      await tx.write(Q.saveStudyPlan, {
        id: plan.id,
        memberId: plan.memberId,
        createdAt: int(plan.createdAt),
        minutesPerWeek: int(plan.minutesPerWeek),
        weeks: int(plan.weeks),
        startsAt: int(plan.startsAt),
        items: JSON.stringify(plan.items),
      });
    });
  }

  /** The three reads of getMasteryForMembers, getGapsForMembers and getStudyPlan in one read transaction. */
  async getLearnerRows(memberId: string): Promise<LearnerRows> {
    return this.ex.read(async (tx) => {
      const mastery = (await tx.rows(Q.getMastery, { memberIds: [memberId] })).map(toMastery);
      const gaps = (await tx.rows(Q.getGaps, { memberIds: [memberId] })).map(toGap);
      const [plan] = await tx.rows(Q.getStudyPlan, { memberId });
      return { mastery, gaps, plan: plan ? toStudyPlan(plan) : null };
    });
  }

  async getStudyPlan(memberId: string): Promise<StudyPlan | null> {
    const [row] = await this.ex.read((tx) => tx.rows(Q.getStudyPlan, { memberId }));
    return row ? toStudyPlan(row) : null;
  }

  async getStudyPlansForMembers(memberIds: string[]): Promise<Map<string, StudyPlan | null>> {
    const ids = [...new Set(memberIds)];
    const out = new Map<string, StudyPlan | null>(ids.map((id) => [id, null]));
    if (ids.length === 0) return out;
    for (const row of await this.ex.read((tx) => tx.rows(Q.getStudyPlans, { memberIds: ids }))) {
      const plan = toStudyPlan(row);
      out.set(plan.memberId, plan);
    }
    return out;
  }
}
