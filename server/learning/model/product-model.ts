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
import DEFAULT_PARAMS from './default-params.json';

export function defaultLearnerParams(): LearnerModelParams {
  return DEFAULT_PARAMS as unknown as LearnerModelParams;
}

/** Keeps one LearnerModel per curriculum view (topic areas and prerequisites come from the view). */
export class ProductModel implements MasteryModel {
  readonly id: string;
  private base: LearnerModel;
  private forView: { view: CurriculumView; model: LearnerModel } | null = null;

  constructor(params: LearnerModelParams, private readonly required: RequiredTopics) {
    this.base = new LearnerModel(params);
    this.id = this.base.id;
  }

  /** The model with the view's curriculum facts (cached per view object). */
  modelFor(view: CurriculumView): LearnerModel {
    if (this.forView?.view !== view) this.forView = { view, model: this.base.withTopics(topicInfoFromView(view, this.required)) };
    return this.forView.model;
  }

  useView(view: CurriculumView): void { this.modelFor(view); }

  private latest(): LearnerModel { return this.forView?.model ?? this.base; }

  rowsFromHistory(member: MemberRef, view: CurriculumView, history: Pick<MemberHistory, 'answers' | 'studies'>,
    discountOf?: (eventId: string) => number): Map<string, Mastery> {
    const model = this.modelFor(view);
    const events = eventsFromHistory(view, history, discountOf);
    const out = new Map<string, Mastery>();
    if (!events.length) return out;
    const st = model.replay(events);
    const ctx = { stage: member.stage };
    for (const t of view.leaves) out.set(t.id, { memberId: member.id, topicId: t.id, p: round(model.masteryAt(st, ctx, t.id, st.at)), updatedAt: st.at });
    return out;
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

  explain(member: MemberRef, view: CurriculumView, history: Pick<MemberHistory, 'answers' | 'studies'>, limit = 5,
    discountOf?: (eventId: string) => number): Map<string, MasteryEvidence[]> {
    const model = this.modelFor(view);
    const ctx = { stage: member.stage };
    const st = model.newState();
    const out = new Map<string, MasteryEvidence[]>();
    for (const e of eventsFromHistory(view, history, discountOf)) {
      const direct = e.topics.filter((t) => t.weight >= 0.3).map((t) => t.topicId);
      const before = direct.map((t) => model.masteryAt(st, ctx, t, e.at));
      model.apply(st, e);
      direct.forEach((t, i) => {
        const delta = model.masteryAt(st, ctx, t, e.at) - before[i];
        const list = out.get(t) ?? [];
        list.unshift({
          kind: e.kind === 'answer' ? 'ANSWER' : 'STUDY', eventId: e.ref ?? '', at: e.at,
          correct: e.kind === 'answer' ? e.correct : null, delta: round(delta), discount: e.discount ?? 0,
        });
        if (list.length > limit) list.length = limit;
        out.set(t, list);
      });
    }
    return out;
  }
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export function createProductModel(params: LearnerModelParams | null, required: RequiredTopics): ProductModel {
  return new ProductModel(params ?? defaultLearnerParams(), required);
}
