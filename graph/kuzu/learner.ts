/**
 * Learner model: mastery (MasteryState nodes, ./mastery-state.ts), HAS_GAP {severity, reasons, updatedAt}
 * (reasons NULL: a cleared gap, skipped by every read; see outbox.ts writeGaps), StudyPlan nodes.
 */
import type { BranchPeer, Gap, LearnerRows, Mastery, StudyPlan } from '../model';
import type { KuzuExecutor } from './executor';
import { requireIds } from './guards';
import { byKeys } from './keyed';
import { groupBy, toGap, toMastery, toStudyPlan } from './mapping';
import { byCodePoint, MASTERY_READS, writeMastery } from './mastery-state';
import { writeGaps } from './outbox';

const Q = {
  gaps: `MATCH (m:Member)-[r:HAS_GAP]->(t:Topic) WHERE m.id IN $ids AND r.reasons IS NOT NULL
    RETURN m.id AS memberId, t.id AS topicId, r.severity AS severity, r.reasons AS reasons, r.updatedAt AS updatedAt
    ORDER BY r.severity DESC, t.id`,
  gapsOne: `MATCH (m:Member {id: $id})-[r:HAS_GAP]->(t:Topic) WHERE r.reasons IS NOT NULL
    RETURN m.id AS memberId, t.id AS topicId, r.severity AS severity, r.reasons AS reasons, r.updatedAt AS updatedAt
    ORDER BY r.severity DESC, t.id`,
  dropPlan: 'MATCH (p:StudyPlan {id: $id}) DETACH DELETE p',
  savePlan: `MATCH (m:Member {id: $memberId})
    CREATE (m)-[:PLANNED]->(:StudyPlan {id: $id, memberId: $memberId, createdAt: $createdAt,
      minutesPerWeek: $minutesPerWeek, weeks: $weeks, startsAt: $startsAt, items: $items})`,
  // Each member's plans of the newest time (ties, rare, are broken by id in code): the newest plan alone,
  // not every plan a member ever saved.
  newestPlans: `MATCH (m:Member)-[:PLANNED]->(p:StudyPlan) WHERE m.id IN $ids WITH m, max(p.createdAt) AS newest
    MATCH (m)-[:PLANNED]->(p:StudyPlan) WHERE p.createdAt = newest
    RETURN p.id AS id, p.memberId AS memberId, p.createdAt AS createdAt, p.minutesPerWeek AS minutesPerWeek,
      p.weeks AS weeks, p.startsAt AS startsAt, p.items AS items`,
  newestPlan: `MATCH (:Member {id: $id})-[:PLANNED]->(p:StudyPlan)
    RETURN p.id AS id, p.memberId AS memberId, p.createdAt AS createdAt, p.minutesPerWeek AS minutesPerWeek,
      p.weeks AS weeks, p.startsAt AS startsAt, p.items AS items ORDER BY p.createdAt DESC, p.id DESC LIMIT 1`,
  // One member's mastery, gaps and newest plan in one statement: three key-started parts (each one primary-key
  // lookup, of the member's MasteryState or of the member), ordered in code. Columns: kind M (mastery: id = topic,
  // p, at = updatedAt), G (gap: id = topic, p = severity, text = reasons, at = updatedAt), P (plan: id, at =
  // createdAt, text = items, ...).
  learnerRows: `${MASTERY_READS.learnerPart}
    UNION ALL MATCH (m:Member {id: $id})-[r:HAS_GAP]->(t:Topic) WHERE r.reasons IS NOT NULL
      RETURN 'G' AS kind, t.id AS id, r.severity AS p, r.updatedAt AS at, r.reasons AS text, 0 AS minutesPerWeek, 0 AS weeks, 0 AS startsAt
    UNION ALL MATCH (:Member {id: $id})-[:PLANNED]->(p:StudyPlan) WITH p ORDER BY p.createdAt DESC, p.id DESC LIMIT 1
      RETURN 'P' AS kind, p.id AS id, 0.0 AS p, p.createdAt AS at, p.items AS text, p.minutesPerWeek AS minutesPerWeek,
        p.weeks AS weeks, p.startsAt AS startsAt`,
  // The time bound sits behind WITH (see events.ts: in the MATCH, Kuzu 0.11 scans the whole rel table).
  peers: `MATCH (b:Branch)<-[:BELONGS_TO]-(m:Member) WHERE b.id IN $branchIds
    RETURN b.id AS branchId, m.id AS memberId`,
  peersOne: `MATCH (b:Branch {id: $id})<-[:BELONGS_TO]-(m:Member) RETURN b.id AS branchId, m.id AS memberId`,
  peerGaps: `MATCH (b:Branch)<-[:BELONGS_TO]-(m:Member)-[r:HAS_GAP]->(t:Topic) WHERE b.id IN $branchIds AND r.reasons IS NOT NULL
    RETURN m.id AS memberId, t.id AS topicId`,
  // The gaps behind WITH: in one pattern Kuzu 0.11 scans every Member to join HAS_GAP (85 ms at 200,000 members).
  peerGapsOne: `MATCH (b:Branch {id: $id})<-[:BELONGS_TO]-(m:Member) WITH m MATCH (m)-[r:HAS_GAP]->(t:Topic) WHERE r.reasons IS NOT NULL
    RETURN m.id AS memberId, t.id AS topicId`,
  peerStudies: `MATCH (b:Branch)<-[:BELONGS_TO]-(m:Member)-[s:STUDIED]->(c:Course) WHERE b.id IN $branchIds
    WITH m, s, c WHERE s.at >= $since
    RETURN m.id AS memberId, c.id AS courseId, count(s) AS sessions, max(s.progress) AS maxProgress`,
  peerStudiesOne: `MATCH (b:Branch {id: $id})<-[:BELONGS_TO]-(m:Member)-[s:STUDIED]->(c:Course)
    WITH m, s, c WHERE s.at >= $since
    RETURN m.id AS memberId, c.id AS courseId, count(s) AS sessions, max(s.progress) AS maxProgress`,
} as const;

const keyed = <T extends { memberId: string }>(ids: string[], rows: T[]): Map<string, T[]> => {
  const grouped = groupBy(rows, (r) => r.memberId);
  return new Map(ids.map((id) => [id, grouped.get(id) ?? []]));
};

export class LearnerQueries {
  constructor(private readonly ex: KuzuExecutor) {}

  async getMasteryForMembers(memberIds: string[]): Promise<Map<string, Mastery[]>> {
    if (memberIds.length === 0) return new Map();
    const rows = await this.ex.readMany((r) => byKeys(r, memberIds, MASTERY_READS));
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
      await writeMastery(tx, rows);
    });
  }

  async getGapsForMembers(memberIds: string[]): Promise<Map<string, Gap[]>> {
    if (memberIds.length === 0) return new Map();
    const rows = await this.ex.readMany((r) => byKeys(r, memberIds, { one: Q.gapsOne, many: Q.gaps }));
    return keyed(memberIds, rows.map(toGap));
  }

  async replaceGaps(memberId: string, gaps: Gap[]): Promise<void> {
    await this.ex.write(async (tx) => {
      await requireIds(tx, 'Member', [memberId]);
      await requireIds(
        tx,
        'Topic',
        gaps.map((g) => g.topicId),
      );
      await writeGaps(tx, new Map([[memberId, gaps]]));
    });
  }

  async listBranchPeers(branchIds: string[], since: number): Promise<BranchPeer[]> {
    if (branchIds.length === 0) return [];
    const ids = [...new Set(branchIds)];
    const perBranch = (one: string, many: string) => ({ one, many, listParam: 'branchIds' });
    return this.ex.readMany(async (r) => {
      const members = await byKeys(r, ids, perBranch(Q.peersOne, Q.peers));
      const gaps = groupBy(await byKeys(r, ids, perBranch(Q.peerGapsOne, Q.peerGaps)), (x) => String(x.memberId));
      const studies = groupBy(await byKeys(r, ids, perBranch(Q.peerStudiesOne, Q.peerStudies), { since }), (x) => String(x.memberId));
      return members
        .map((m) => ({
          memberId: String(m.memberId),
          branchId: String(m.branchId),
          gapTopicIds: (gaps.get(String(m.memberId)) ?? []).map((g) => String(g.topicId)).sort(),
          studies: (studies.get(String(m.memberId)) ?? [])
            .map((x) => ({ courseId: String(x.courseId), sessions: Number(x.sessions), maxProgress: Number(x.maxProgress) }))
            .sort((a, b) => a.courseId.localeCompare(b.courseId)),
        }))
        .sort((a, b) => a.branchId.localeCompare(b.branchId) || a.memberId.localeCompare(b.memberId));
    });
  }

  /** Upsert by plan id (a re-save replaces the plan). */
  async saveStudyPlan(plan: StudyPlan): Promise<void> {
    await this.ex.write(async (tx) => {
      await requireIds(tx, 'Member', [plan.memberId]);
      await tx.run(Q.dropPlan, { id: plan.id });
      await tx.run(Q.savePlan, {
        id: plan.id,
        memberId: plan.memberId,
        createdAt: plan.createdAt,
        minutesPerWeek: plan.minutesPerWeek,
        weeks: plan.weeks,
        startsAt: plan.startsAt,
        items: JSON.stringify(plan.items),
      });
    });
  }

  async getLearnerRows(memberId: string): Promise<LearnerRows> {
    const mastery: Mastery[] = [];
    const gaps: Gap[] = [];
    let plan: StudyPlan | null = null;
    for (const r of await this.ex.read(Q.learnerRows, { id: memberId })) {
      if (r.kind === 'M') mastery.push(toMastery({ memberId, topicId: r.id, p: r.p, updatedAt: r.at }));
      else if (r.kind === 'G') gaps.push(toGap({ memberId, topicId: r.id, severity: r.p, reasons: r.text, updatedAt: r.at }));
      else plan = toStudyPlan({ ...r, memberId, createdAt: r.at, items: r.text });
    }
    // The orders of masteryOne and gapsOne (ids compared as Kuzu compares strings: by code point).
    mastery.sort((a, b) => byCodePoint(a.topicId, b.topicId));
    gaps.sort((a, b) => b.severity - a.severity || byCodePoint(a.topicId, b.topicId));
    return { mastery, gaps, plan };
  }

  async getStudyPlan(memberId: string): Promise<StudyPlan | null> {
    const rows = await this.ex.read(Q.newestPlan, { id: memberId });
    return rows.length ? toStudyPlan(rows[0]) : null;
  }

  async getStudyPlansForMembers(memberIds: string[]): Promise<Map<string, StudyPlan | null>> {
    const ids = [...new Set(memberIds)];
    const out = new Map<string, StudyPlan | null>(ids.map((id) => [id, null]));
    if (ids.length === 0) return out;
    const rows = await this.ex.readMany((r) => byKeys(r, ids, { one: Q.newestPlan, many: Q.newestPlans }));
    for (const plan of rows.map(toStudyPlan)) {
      const had = out.get(plan.memberId);
      if (!had || plan.createdAt > had.createdAt || (plan.createdAt === had.createdAt && byCodePoint(plan.id, had.id) > 0)) out.set(plan.memberId, plan);
    }
    return out;
  }
}
