/**
 * The learner model as the server uses it (implements MasteryModel): the fitted LearnerModel applied
 * to a member's stored history through the curriculum view. `createProductModel` loads the parameters
 * `hongtu kt fit` wrote, or the defaults shipped with the code (fitted on the generator's synthetic
 * world over the default curriculum).
 */
import type { Mastery, MemberHistory } from '../../../graph';
import type { MasteryEvidence, MasteryModel, MemberRef } from '../mastery-model';
import type { CurriculumView } from '../mastery/curriculum-view';
import { eventsFromHistory, topicInfoFromView, type RequiredTopics } from './history-events';
import { LearnerModel, type LearnerModelParams } from './learner-model';
import type { LearnerEvent, LearnerState } from './learner-state';
import DEFAULT_PARAMS from './default-params.json';

export function defaultLearnerParams(): LearnerModelParams {
  return DEFAULT_PARAMS as unknown as LearnerModelParams;
}

/** Keeps one LearnerModel per curriculum view (topic areas and prerequisites come from the view). */
export class ProductModel implements MasteryModel {
  readonly id: string;
  private base: LearnerModel;
  private forView: { view: CurriculumView; model: LearnerModel } | null = null;

  constructor(
    params: LearnerModelParams,
    private readonly required: RequiredTopics,
  ) {
    this.base = new LearnerModel(params);
    this.id = this.base.id;
  }

  /** The model with the view's curriculum facts (cached per view object). */
  modelFor(view: CurriculumView): LearnerModel {
    if (this.forView?.view !== view) this.forView = { view, model: this.base.withTopics(topicInfoFromView(view, this.required)) };
    return this.forView.model;
  }

  useView(view: CurriculumView): void {
    this.modelFor(view);
  }

  private latest(): LearnerModel {
    return this.forView?.model ?? this.base;
  }

  rowsFromHistory(member: MemberRef, view: CurriculumView, history: Pick<MemberHistory, 'answers' | 'studies'>, discountOf?: (eventId: string) => number): Map<string, Mastery> {
    const fold = this.startFold(member, view);
    for (const e of eventsFromHistory(view, history, discountOf)) fold.apply(e);
    return fold.rows();
  }

  /**
   * An empty fold for the member over this view: events applied to it in time order give the same rows
   * as `rowsFromHistory` over those events, and it can take more events later.
   */
  startFold(member: MemberRef, view: CurriculumView): MemberFold {
    return new MemberFold(this.modelFor(view), view, member);
  }

  currentMastery(row: Mastery | undefined, now: number, topicId?: string, stage?: string): number {
    const model = this.latest();
    const id = row?.topicId ?? topicId;
    if (!row) return id ? model.priorMastery(id, { stage }) : model.toMastery(model.params.globalMean);
    return model.fadeTowardsPrior(row.p, model.priorMastery(row.topicId), row.updatedAt, now);
  }

  predictCorrect(mastery: number, difficulty: number): number {
    return this.latest().predictCorrect(mastery, difficulty);
  }

  explain(
    member: MemberRef,
    view: CurriculumView,
    history: Pick<MemberHistory, 'answers' | 'studies'>,
    limit = 5,
    discountOf?: (eventId: string) => number,
  ): Map<string, MasteryEvidence[]> {
    const model = this.modelFor(view);
    const fold = new GuardedFold(model, { stage: member.stage });
    const out = new Map<string, MasteryEvidence[]>();
    for (const e of eventsFromHistory(view, history, discountOf)) {
      const moved = fold.apply(e);
      for (const t of e.topics) {
        if (t.weight < 0.3) continue;
        const m = moved.get(t.topicId)!;
        const list = out.get(t.topicId) ?? [];
        list.unshift({
          kind: e.kind === 'answer' ? 'ANSWER' : 'STUDY',
          eventId: e.ref ?? '',
          at: e.at,
          correct: e.kind === 'answer' ? e.correct : null,
          delta: round(m.after - m.before),
          discount: e.discount ?? 0,
        });
        if (list.length > limit) list.length = limit;
        out.set(t.topicId, list);
      }
    }
    return out;
  }
}

/** A member's fold over one curriculum view: the rows of every subtopic as of the last event folded. */
export class MemberFold {
  readonly member: MemberRef;
  private readonly fold: GuardedFold;

  constructor(
    readonly model: LearnerModel,
    readonly view: CurriculumView,
    member: MemberRef,
  ) {
    this.member = { id: member.id, stage: member.stage };
    this.fold = new GuardedFold(model, { stage: member.stage });
  }

  /** Fold the next event (events must come in time order, ties by id). */
  apply(e: LearnerEvent): void {
    this.fold.apply(e);
  }

  /** A row per subtopic as of the last counted event; empty when no event counted (the prior stands). */
  rows(): Map<string, Mastery> {
    const out = new Map<string, Mastery>();
    const at = this.fold.st.at;
    if (!Number.isFinite(at)) return out;
    for (const t of this.view.leaves) out.set(t.id, { memberId: this.member.id, topicId: t.id, p: round(this.fold.shown(t.id, at)), updatedAt: at });
    return out;
  }
}

/** Share of a topic's correction kept after a right answer or study on it (the model's own estimate takes over again). */
const CORRECTION_KEPT = 0.5;

/**
 * The fold the product shows: the learner model's estimate of each topic plus a correction (≤ 0) that
 * makes sure a wrong answer never raises the estimate of a topic it tests. The model's features move
 * together (a wrong answer also changes recency and member-wide averages), so its raw estimate can rise
 * a little after a wrong answer; the correction holds it at the estimate shown just before, as stored
 * rows show it (faded towards the prior since the last event). Right answers and study relax it.
 */
export class GuardedFold {
  readonly st: LearnerState;
  private readonly correction = new Map<string, number>();

  constructor(
    private readonly model: LearnerModel,
    private readonly ctx: { stage?: string },
  ) {
    this.st = model.newState();
  }

  /** The estimate of a topic at time t from the events folded so far. */
  shown(topicId: string, t: number): number {
    return clamp01(this.model.masteryAt(this.st, this.ctx, topicId, t) + (this.correction.get(topicId) ?? 0));
  }

  /** What a reader sees for the topic at t: the stored row (as of the last event) faded towards the prior, or the stage prior. */
  private displayed(topicId: string, t: number): number {
    if (!Number.isFinite(this.st.at)) return this.model.priorMastery(topicId, this.ctx);
    return this.model.fadeTowardsPrior(this.shown(topicId, this.st.at), this.model.priorMastery(topicId), this.st.at, t);
  }

  /** Fold one event; returns each of its topics' estimate just before and just after it. */
  apply(e: LearnerEvent): Map<string, { before: number; after: number }> {
    const moved = new Map<string, { before: number; after: number }>();
    for (const t of e.topics) moved.set(t.topicId, { before: this.displayed(t.topicId, e.at), after: 0 });
    const counted = (e.discount ?? 0) < 1;
    if (!counted) {
      // kept in the record, moves nothing
      for (const m of moved.values()) m.after = m.before;
      return moved;
    }
    this.model.apply(this.st, e);
    for (const [topicId, m] of moved) {
      const raw = this.model.masteryAt(this.st, this.ctx, topicId, e.at);
      let c = this.correction.get(topicId) ?? 0;
      if (e.kind === 'answer' && !e.correct) {
        if (clamp01(raw + c) > m.before) c = m.before - raw;
      } else {
        c *= CORRECTION_KEPT;
      }
      if (c === 0) this.correction.delete(topicId);
      else this.correction.set(topicId, c);
      m.after = clamp01(raw + c);
    }
    return moved;
  }
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round = (x: number) => Math.round(x * 10_000) / 10_000;

export function createProductModel(params: LearnerModelParams | null, required: RequiredTopics): ProductModel {
  return new ProductModel(params ?? defaultLearnerParams(), required);
}
