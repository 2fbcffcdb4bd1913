/**
 * Online mastery: each stored answer or study session moves the member's mastery rows through the
 * MasteryModel, and a member who has history but no rows yet (right after the demo bulk load, or an
 * import) is replayed from their history on first read. Rows are the estimate as of `updatedAt`;
 * forgetting is applied on read by the model.
 */
import type { AnswerEvent, Mastery, MemberHistory, StudyEvent } from '../../../graph';
import type { GraphStore } from '../../../graph';
import type { MasteryModel } from '../mastery-model';
import type { CurriculumView } from './curriculum-view';

/** Enough events to replay a year of an active member's learning in one read. */
export const REPLAY_LIMIT = 5000;

const tagsOf = (tw: { topicId: string; weight: number }[]) => tw.map((t) => ({ topicId: t.topicId, weight: t.weight, source: 'MANUAL' as const, confidence: 1 }));

/** Apply one answer to the rows (in place) and return the changed rows. */
export function applyAnswer(model: MasteryModel, view: CurriculumView, rows: Map<string, Mastery>, e: AnswerEvent): Mastery[] {
  const q = view.questionById.get(e.questionId);
  const topics = view.questionTopics.get(e.questionId);
  if (!q || !topics?.length) return [];
  const out = model.observeAnswer(e.memberId, rows, { at: e.at, correct: e.correct, difficulty: q.difficulty, topics: tagsOf(topics) });
  for (const r of out) rows.set(r.topicId, r);
  return out;
}

/** Apply one study session to the rows (in place) and return the changed rows. */
export function applyStudy(model: MasteryModel, view: CurriculumView, rows: Map<string, Mastery>, e: StudyEvent): Mastery[] {
  const topics = view.courseTopics.get(e.courseId);
  if (!topics?.length) return [];
  const out = model.observeStudy(e.memberId, rows, { at: e.at, seconds: e.seconds, progress: e.progress, topics: tagsOf(topics) });
  for (const r of out) rows.set(r.topicId, r);
  return out;
}

/** Replay a member's history oldest first from the prior; returns the final rows. */
export function replayHistory(model: MasteryModel, view: CurriculumView, history: MemberHistory): Map<string, Mastery> {
  type Ev = { at: number; id: string; apply: (rows: Map<string, Mastery>) => void };
  const events: Ev[] = [
    ...history.answers.map((e) => ({ at: e.at, id: e.id, apply: (r: Map<string, Mastery>) => void applyAnswer(model, view, r, e) })),
    ...history.studies.map((e) => ({ at: e.at, id: e.id, apply: (r: Map<string, Mastery>) => void applyStudy(model, view, r, e) })),
  ].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const rows = new Map<string, Mastery>();
  for (const e of events) e.apply(rows);
  return rows;
}

export class MasteryService {
  constructor(readonly store: GraphStore, readonly model: MasteryModel) {}

  /**
   * For members with no mastery rows, replay their history and store the result. Returns every
   * asked member's rows (existing or rebuilt) and the ids that were rebuilt.
   */
  async ensureRows(view: CurriculumView, memberIds: string[]): Promise<{ rows: Map<string, Map<string, Mastery>>; rebuilt: string[] }> {
    const stored = await this.store.getMasteryForMembers(memberIds);
    const out = new Map<string, Map<string, Mastery>>();
    const missing: string[] = [];
    for (const id of memberIds) {
      const list = stored.get(id) ?? [];
      if (list.length === 0) missing.push(id);
      out.set(id, new Map(list.map((r) => [r.topicId, r])));
    }
    const rebuilt: string[] = [];
    if (missing.length) {
      const histories = await this.store.getHistoriesForMembers(missing, { limit: REPLAY_LIMIT });
      const writes: Mastery[] = [];
      for (const id of missing) {
        const h = histories.get(id);
        if (!h || (h.answers.length === 0 && h.studies.length === 0)) continue;
        const rows = replayHistory(this.model, view, h);
        out.set(id, rows);
        writes.push(...rows.values());
        rebuilt.push(id);
      }
      if (writes.length) await this.store.upsertMastery(writes);
    }
    return { rows: out, rebuilt };
  }
}
