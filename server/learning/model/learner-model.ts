/**
 * The product's learner model: the chance that a member answers a question on a topic right, from
 * their evidence so far (features.ts), by a logistic regression whose log-odds feed small boosted
 * trees (the trees add interactions such as "recently right × much practice"). Per-topic mastery
 * is the same prediction for a typical question of the topic now, above guessing:
 *   mastery = (P(right on a typical question) − guess) / (1 − guess), in [0, 1].
 * Forgetting: topic evidence fades with `halfLifeDays` (fitted by `hongtu kt fit`), and a stored
 * estimate fades towards the topic's prior at the same rate between events (`currentMastery`).
 *
 * One model, one code path: `kt evaluate`, the generator-world benchmark, the simulator and the
 * server all fold events through `replay` and predict through `predictAnswer` / `masteryAt`.
 */
import { fitGbdt, predictGbdt, type GbdtModel } from './gbdt';
import { DENSE, MAX_NNZ, featureCount, writeFeatures, baseRate, type FeatureSpace, type MemberContext, type TopicInfo } from './features';
import { applyEvent, fade, mainTopic, newLearnerState, type LearnerEvent, type LearnerState } from './learner-state';

export interface LearnerModelParams {
  kind: 'learner-model';
  version: number;
  /** Days for topic evidence to halve without practice; null = no forgetting. */
  halfLifeDays: number | null;
  globalMean: number;
  guess: number;
  topics: string[];
  topicMean: number[];
  stageAreas: string[];
  weights: number[];
  gbdt: { base: number; learningRate: number; cuts: number[][]; trees: GbdtModel['trees'] } | null;
}

/** A member's events with what is known about them (training and evaluation input). */
export interface MemberEvents {
  id: string;
  ctx: MemberContext;
  events: LearnerEvent[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export class LearnerModel {
  readonly id: string;
  readonly fs: FeatureSpace;
  private readonly w: Float64Array;
  private readonly gbdt: GbdtModel | null;
  private readonly idx = new Int32Array(MAX_NNZ);
  private readonly val = new Float32Array(MAX_NNZ);
  private readonly row = new Float64Array(DENSE);
  private readonly priors = new Map<string, number>();

  constructor(
    readonly params: LearnerModelParams,
    readonly topicInfo: Map<string, TopicInfo> = new Map(),
  ) {
    this.id = `learner-model/${params.version}`;
    this.fs = {
      halfLifeDays: params.halfLifeDays,
      globalMean: params.globalMean,
      topicIndex: new Map(params.topics.map((t, i) => [t, i])),
      topicMean: Float64Array.from(params.topicMean),
      stageAreaIndex: new Map(params.stageAreas.map((s, i) => [s, i])),
      info: (id) => topicInfo.get(id),
    };
    this.w = Float64Array.from(params.weights);
    this.gbdt = params.gbdt ? { ...params.gbdt, cuts: params.gbdt.cuts.map((c) => Float64Array.from(c)) } : null;
  }

  /** The same parameters over another curriculum description (topic areas, requirements, prerequisites). */
  withTopics(info: Map<string, TopicInfo>): LearnerModel {
    return new LearnerModel(this.params, info);
  }

  get halfLifeDays(): number | null {
    return this.params.halfLifeDays;
  }

  newState(): LearnerState {
    return newLearnerState(this.params.globalMean);
  }

  /** Fold one event into the member's state (the step every path shares). */
  apply(st: LearnerState, e: LearnerEvent): void {
    applyEvent(st, e, this.params.halfLifeDays, (id) => baseRate(this.fs, id));
  }

  /** Fold events (time order) from an empty state. */
  replay(events: readonly LearnerEvent[]): LearnerState {
    const st = this.newState();
    for (const e of events) this.apply(st, e);
    return st;
  }

  private logOdds(st: LearnerState, ctx: MemberContext, topicId: string, difficulty: number, t: number, asked: boolean): number {
    writeFeatures(this.fs, st, ctx, topicId, difficulty, t, this.idx, this.val, 0, asked);
    let z = 0;
    for (let f = 0; f < MAX_NNZ; f++) z += this.w[this.idx[f]] * this.val[f];
    if (!this.gbdt) return z;
    for (let d = 0; d < DENSE - 1; d++) this.row[d] = this.val[1 + d];
    this.row[DENSE - 1] = z;
    return predictGbdt(this.gbdt, (f) => this.row[f]);
  }

  /** P(right) for a question testing `topics` (its heaviest topic decides), before the answer is folded in. */
  predictAnswer(st: LearnerState, ctx: MemberContext, topics: { topicId: string; weight: number }[], difficulty: number, t: number): number {
    const k = mainTopic(topics);
    return sigmoid(this.logOdds(st, ctx, k ?? '', difficulty, t, true));
  }

  /** Mastery of a topic at time `t`: P(right on a typical question of it) above guessing. */
  masteryAt(st: LearnerState, ctx: MemberContext, topicId: string, t: number): number {
    const d = this.topicInfo.get(topicId)?.difficulty ?? NaN;
    return this.toMastery(sigmoid(this.logOdds(st, ctx, topicId, d, t, false)));
  }

  toMastery(p: number): number {
    return clamp((p - this.params.guess) / (1 - this.params.guess), 0, 1);
  }

  /** Mastery of a topic for someone with no evidence at all (what a stored estimate fades towards). */
  priorMastery(topicId: string, ctx: MemberContext = {}): number {
    const key = `${ctx.stage ?? ''}|${topicId}`;
    let p = this.priors.get(key);
    if (p === undefined) {
      p = this.masteryAt(this.newState(), ctx, topicId, NaN);
      this.priors.set(key, p);
    }
    return p;
  }

  /** A stored estimate (as of `since`) faded to `now` towards the topic's prior. */
  fadeTowardsPrior(value: number, prior: number, since: number, now: number): number {
    return prior + (value - prior) * fade(this.params.halfLifeDays, now - since);
  }

  /**
   * P(right) for a question of difficulty d for a member whose mastery of its topic is `mastery`
   * (used to pick practice questions of the right difficulty).
   */
  predictCorrect(mastery: number, difficulty: number): number {
    const g = this.params.guess;
    const p = clamp(g + (1 - g) * mastery, 0.001, 0.999);
    const wd = this.w[16] ?? 0;
    return sigmoid(Math.log(p / (1 - p)) + wd * (difficulty - 0.5));
  }

  toJSON(): LearnerModelParams {
    return this.params;
  }
}

/* ---------------------------------------------------------------- fitting */

export interface FitOptions {
  /** Candidate forgetting half-lives in days (null = none); the best by held-out log-likelihood wins. */
  halfLives?: (number | null)[];
  epochs?: number;
  trees?: boolean;
  /** Every n-th member is held out to choose the half-life and stop the trees. */
  holdoutEvery?: number;
  version?: number;
  guess?: number;
}

export interface FitReport {
  model: LearnerModel;
  /** Held-out mean log-likelihood per candidate half-life. */
  halfLifeScores: { halfLifeDays: number | null; logLikelihood: number }[];
  answers: number;
  members: number;
  seconds: number;
}

export const DEFAULT_HALF_LIVES: (number | null)[] = [30, 90, 180, 365, 730, 1460, null];

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rows {
  idx: Int32Array;
  val: Float32Array;
  y: Uint8Array;
  n: number;
  member: Int32Array;
}

function featurize(fs: FeatureSpace, members: MemberEvents[], halfLifeDays: number | null): Rows {
  let total = 0;
  for (const m of members) for (const e of m.events) if (e.kind === 'answer' && e.topics.length) total++;
  const idx = new Int32Array(total * MAX_NNZ),
    val = new Float32Array(total * MAX_NNZ);
  const y = new Uint8Array(total),
    member = new Int32Array(total);
  const space = { ...fs, halfLifeDays };
  let r = 0;
  members.forEach((m, mi) => {
    const st = newLearnerState(fs.globalMean);
    for (const e of m.events) {
      if (e.kind === 'answer' && e.topics.length) {
        writeFeatures(space, st, m.ctx, mainTopic(e.topics)!, e.difficulty, e.at, idx, val, r * MAX_NNZ, true);
        y[r] = e.correct ? 1 : 0;
        member[r++] = mi;
      }
      applyEvent(st, e, halfLifeDays, (id) => baseRate(fs, id));
    }
  });
  return { idx, val, y, n: r, member };
}

function fitLogistic(rows: Rows, P: number, use: (r: number) => boolean, init: number, epochs: number): Float64Array {
  const w = new Float64Array(P);
  w[0] = init;
  const m = new Float64Array(P),
    v = new Float64Array(P),
    g = new Float64Array(P);
  const touched = new Int32Array(P);
  const order = Int32Array.from({ length: rows.n }, (_, i) => i).filter(use);
  const rand = mulberry32(7);
  const lr = 0.01,
    l2 = 1e-6,
    batch = 256,
    b1 = 0.9,
    b2 = 0.999;
  let step = 0;
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (let start = 0; start < order.length; start += batch) {
      const end = Math.min(order.length, start + batch);
      let nt = 0;
      for (let q = start; q < end; q++) {
        const r = order[q],
          o = r * MAX_NNZ;
        let z = 0;
        for (let f = 0; f < MAX_NNZ; f++) z += w[rows.idx[o + f]] * rows.val[o + f];
        const err = (sigmoid(z) - rows.y[r]) / (end - start);
        for (let f = 0; f < MAX_NNZ; f++) {
          const p = rows.idx[o + f],
            x = rows.val[o + f];
          if (x === 0) continue;
          if (g[p] === 0) touched[nt++] = p;
          g[p] += err * x;
        }
      }
      step++;
      const c1 = 1 - b1 ** step,
        c2 = 1 - b2 ** step;
      for (let q = 0; q < nt; q++) {
        const p = touched[q];
        const grad = g[p] + l2 * w[p];
        m[p] = b1 * m[p] + (1 - b1) * grad;
        v[p] = b2 * v[p] + (1 - b2) * grad * grad;
        w[p] -= (lr * (m[p] / c1)) / (Math.sqrt(v[p] / c2) + 1e-8);
        g[p] = 0;
      }
    }
  }
  return w;
}

function linear(w: Float64Array, rows: Rows, r: number): number {
  let z = 0;
  const o = r * MAX_NNZ;
  for (let f = 0; f < MAX_NNZ; f++) z += w[rows.idx[o + f]] * rows.val[o + f];
  return z;
}

function meanLogLik(w: Float64Array, rows: Rows, use: (r: number) => boolean): number {
  let ll = 0,
    n = 0;
  for (let r = 0; r < rows.n; r++) {
    if (!use(r)) continue;
    const p = clamp(sigmoid(linear(w, rows, r)), 1e-9, 1 - 1e-9);
    ll += rows.y[r] ? Math.log(p) : Math.log(1 - p);
    n++;
  }
  return n ? ll / n : 0;
}

/** Fit the learner model on members' events (answers are the labels; studies only move evidence). */
export function fitLearnerModel(members: MemberEvents[], topicInfo: Map<string, TopicInfo> = new Map(), opts: FitOptions = {}): FitReport {
  const t0 = performance.now();
  const topics: string[] = [];
  const tIndex = new Map<string, number>();
  const num: number[] = [],
    den: number[] = [];
  let right = 0,
    all = 0,
    timed = false;
  const stageAreas = new Set<string>();
  for (const m of members)
    for (const e of m.events) {
      if (Number.isFinite(e.at)) timed = true;
      for (const tw of e.topics) {
        if (!tIndex.has(tw.topicId)) {
          tIndex.set(tw.topicId, topics.length);
          topics.push(tw.topicId);
          num.push(0);
          den.push(0);
        }
        const area = topicInfo.get(tw.topicId)?.area;
        if (m.ctx.stage && area) stageAreas.add(`${m.ctx.stage}|${area}`);
      }
      if (e.kind !== 'answer' || !e.topics.length) continue;
      const k = tIndex.get(mainTopic(e.topics)!)!;
      num[k] += e.correct ? 1 : 0;
      den[k]++;
      right += e.correct ? 1 : 0;
      all++;
    }
  const globalMean = all ? right / all : 0.5;
  const topicMean = topics.map((_, k) => (num[k] + 5 * globalMean) / (den[k] + 5));
  const sa = [...stageAreas].sort();
  const fs: FeatureSpace = {
    halfLifeDays: null,
    globalMean,
    topicIndex: tIndex,
    topicMean: Float64Array.from(topicMean),
    stageAreaIndex: new Map(sa.map((s, i) => [s, i])),
    info: (id) => topicInfo.get(id),
  };
  const P = featureCount(topics.length, sa.length);
  const every = opts.holdoutEvery ?? 10;
  const held = (rows: Rows) => (r: number) => rows.member[r] % every === every - 1;
  const kept = (rows: Rows) => (r: number) => rows.member[r] % every !== every - 1;
  const init = Math.log(globalMean / (1 - globalMean));
  const epochs = opts.epochs ?? 4;

  const candidates = timed ? (opts.halfLives ?? DEFAULT_HALF_LIVES) : [null];
  const scores: FitReport['halfLifeScores'] = [];
  let best: { h: number | null; ll: number; rows: Rows; w: Float64Array } | null = null;
  for (const h of candidates) {
    const rows = featurize(fs, members, h);
    const w = fitLogistic(rows, P, kept(rows), init, epochs);
    const ll = meanLogLik(w, rows, held(rows));
    scores.push({ halfLifeDays: h, logLikelihood: ll });
    if (!best || ll > best.ll) best = { h, ll, rows, w };
  }
  const { rows, w } = best!;
  let gbdt: LearnerModelParams['gbdt'] = null;
  if (opts.trees !== false && rows.n > 2000) {
    const split = (use: (r: number) => boolean) => {
      const list: number[] = [];
      for (let r = 0; r < rows.n; r++) if (use(r)) list.push(r);
      const cols = Array.from({ length: DENSE }, () => new Float32Array(list.length));
      const y = new Uint8Array(list.length);
      list.forEach((r, i) => {
        const o = r * MAX_NNZ;
        for (let d = 0; d < DENSE - 1; d++) cols[d][i] = rows.val[o + 1 + d];
        cols[DENSE - 1][i] = linear(w, rows, r);
        y[i] = rows.y[r];
      });
      return { cols, y };
    };
    const fit = split(kept(rows)),
      val = split(held(rows));
    const g = fitGbdt(fit.cols, fit.y, { validation: val.y.length ? val : undefined });
    if (g.trees.length) gbdt = { base: g.base, learningRate: g.learningRate, cuts: g.cuts.map((c) => Array.from(c)), trees: g.trees };
  }
  const params: LearnerModelParams = {
    kind: 'learner-model',
    version: opts.version ?? 1,
    halfLifeDays: best!.h,
    globalMean,
    guess: opts.guess ?? 0.25,
    topics,
    topicMean,
    stageAreas: sa,
    weights: Array.from(w),
    gbdt,
  };
  return { model: new LearnerModel(params, topicInfo), halfLifeScores: scores, answers: rows.n, members: members.length, seconds: (performance.now() - t0) / 1000 };
}

/** P(right) of every scored answer of every member, each predicted from the events before it. */
export function predictMembers(model: LearnerModel, members: MemberEvents[], scored: (e: LearnerEvent) => boolean = () => true): { p: number[]; y: number[] } {
  const p: number[] = [],
    y: number[] = [];
  for (const m of members) {
    const st = model.newState();
    for (const e of m.events) {
      if (e.kind === 'answer' && e.topics.length && scored(e)) {
        p.push(model.predictAnswer(st, m.ctx, e.topics, e.difficulty, e.at));
        y.push(e.correct ? 1 : 0);
      }
      model.apply(st, e);
    }
  }
  return { p, y };
}
