/**
 * Stored mastery: after each answer or study session the member's history is folded through the
 * learner model and a row per subtopic is stored (the estimate as of the last event; forgetting is
 * applied on read by the model). A member who has history but no rows yet (right after the demo
 * bulk load, or an import) is folded on first read.
 */
import type { Mastery, Member, MemberHistory } from '../../../graph';
import type { GraphStore } from '../../../graph';
import type { MasteryModel } from '../mastery-model';
import type { CurriculumView } from './curriculum-view';
import { checkIntegrity, modelDiscountOf } from '../integrity/evidence-integrity';

/** Enough events to replay a year of an active member's learning in one read. */
export const REPLAY_LIMIT = 5000;

/** Mastery rows per write when rows are rebuilt for many members at once. */
const UPSERT_CHUNK = 1000;

export class MasteryService {
  constructor(
    readonly store: GraphStore,
    readonly model: MasteryModel,
  ) {}

  /**
   * Rows of every subtopic from the member's history (nothing written). Events whose time cannot be
   * true are discounted (integrity/evidence-integrity.ts).
   */
  fromHistory(member: Pick<Member, 'id' | 'stage'>, view: CurriculumView, history: Pick<MemberHistory, 'answers' | 'studies'>): Map<string, Mastery> {
    return this.model.rowsFromHistory(member, view, history, modelDiscountOf(checkIntegrity(view, history)));
  }

  /** Recompute and store the member's rows from their history; returns them. */
  async rebuild(member: Pick<Member, 'id' | 'stage'>, view: CurriculumView, history: Pick<MemberHistory, 'answers' | 'studies'>): Promise<Map<string, Mastery>> {
    const rows = this.fromHistory(member, view, history);
    if (rows.size) await this.store.upsertMastery([...rows.values()]);
    return rows;
  }

  /**
   * For members with no mastery rows, fold their history and store the result. Returns every
   * asked member's rows (existing or rebuilt) and the ids that were rebuilt.
   */
  async ensureRows(view: CurriculumView, members: Pick<Member, 'id' | 'stage'>[]): Promise<{ rows: Map<string, Map<string, Mastery>>; rebuilt: string[] }> {
    const stored = await this.store.getMasteryForMembers(members.map((m) => m.id));
    const out = new Map<string, Map<string, Mastery>>();
    const missing: Pick<Member, 'id' | 'stage'>[] = [];
    for (const m of members) {
      const list = stored.get(m.id) ?? [];
      if (list.length === 0) missing.push(m);
      out.set(m.id, new Map(list.map((r) => [r.topicId, r])));
    }
    const rebuilt: string[] = [];
    if (missing.length) {
      const histories = await this.store.getHistoriesForMembers(
        missing.map((m) => m.id),
        { limit: REPLAY_LIMIT },
      );
      const writes: Mastery[] = [];
      for (const m of missing) {
        const h = histories.get(m.id);
        if (!h) continue;
        const rows = this.fromHistory(m, view, h);
        if (!rows.size) continue;
        out.set(m.id, rows);
        writes.push(...rows.values());
        rebuilt.push(m.id);
      }
      // Bounded transactions: a page of members without rows (after a bulk load) is thousands of rows,
      // and other writers wait while one transaction holds the store's writer.
      for (let i = 0; i < writes.length; i += UPSERT_CHUNK) await this.store.upsertMastery(writes.slice(i, i + UPSERT_CHUNK));
    }
    return { rows: out, rebuilt };
  }
}
