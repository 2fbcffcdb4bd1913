/**
 * Adaptive placement quiz (摸底测评). The belief is a joint Gaussian over every subtopic's mastery on
 * the logit scale (mastery = σ(z)), centred on the member's current estimate (the stage prior for a
 * new member). Its covariance says how topics inform each other:
 *  - a member factor shared by all subtopics (general ability),
 *  - an area factor shared by the subtopics of one area,
 *  - the prerequisite graph as knowledge-space systems use it: a topic's own part is mixed with its
 *    neighbours' (prerequisites and the topics that build on them), so a right answer raises what the
 *    topic builds on and what builds on it, and a wrong one lowers both, less with every step.
 * Each answer updates the whole belief by assumed-density filtering: the answer's likelihood (guess,
 * slip, difficulty) is applied exactly to the question's tag-weighted mix of topics by quadrature, and
 * the Gaussian is refitted to the result (mean and covariance of every topic move through their
 * covariance with that mix). The next question is the one whose answer is expected to remove the most
 * posterior variance of mastery summed over all subtopics (Bayesian optimal design on the posterior);
 * the quiz stops at the question budget or when the remaining uncertainty is low.
 */
import type { Question } from '../../../graph';
import type { CurriculumView } from '../mastery/curriculum-view';

export const PLACEMENT_BUDGET = 20;
/** Mean remaining uncertainty (posterior sd / prior sd per subtopic) below which the quiz stops early. */
export const LOW_UNCERTAINTY = 0.35;

/** Shape of the belief; the defaults are design choices, documented in server/learning/LEARNER.md. */
export interface PlacementSettings {
  /** Logit sd of the member factor shared by every subtopic. */
  memberSd: number;
  /** Logit sd of the factor shared by the subtopics of one area. */
  areaSd: number;
  /** Logit sd of each subtopic's own part. */
  topicSd: number;
  /** How much of each neighbour's own part a topic takes on (prerequisite graph, both directions). */
  prerequisiteMix: number;
  /** Chance of a wrong answer by someone who masters the topic. */
  slip: number;
  /** Logit shift per unit of question difficulty (0..1) around a typical question (0.5). */
  difficultySlope: number;
}

export const DEFAULT_PLACEMENT_SETTINGS: Readonly<PlacementSettings> = Object.freeze({
  memberSd: 0.8,
  areaSd: 0.5,
  topicSd: 0.8,
  prerequisiteMix: 0.35,
  slip: 0.05,
  difficultySlope: 2,
});

export interface PlacementAnswer {
  questionId: string;
  correct: boolean;
}

const clampP = (x: number) => Math.min(0.995, Math.max(0.005, x));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(clampP(p) / (1 - clampP(p)));

/** Quadrature nodes of the standard normal (equally spaced, weights ∝ density). */
const NODES = (() => {
  const xs: number[] = [],
    ws: number[] = [];
  for (let i = -20; i <= 20; i++) {
    const x = i / 5;
    xs.push(x);
    ws.push(Math.exp((-x * x) / 2));
  }
  const s = ws.reduce((a, b) => a + b, 0);
  return { xs, ws: ws.map((w) => w / s) };
})();

/** Posterior of a Gaussian N(mean, v) under one answer: P(answer) and the answer's posterior mean and variance. */
interface Outcome {
  p: number;
  mean: number;
  v: number;
}

export class PlacementBelief {
  /** Posterior mean mastery per subtopic. */
  readonly known = new Map<string, number>();
  private readonly ids: string[];
  private readonly index = new Map<string, number>();
  private readonly mu: Float64Array;
  private readonly cov: Float64Array;
  private readonly priorVar: Float64Array;
  private readonly s: PlacementSettings;

  constructor(
    readonly view: CurriculumView,
    prior: (topicId: string) => number,
    settings: Partial<PlacementSettings> = {},
  ) {
    this.s = { ...DEFAULT_PLACEMENT_SETTINGS, ...settings };
    this.ids = view.leaves.map((t) => t.id);
    this.ids.forEach((id, i) => {
      this.index.set(id, i);
    });
    const n = this.ids.length;
    this.mu = Float64Array.from(this.ids, (id) => logit(prior(id)));
    this.cov = buildCovariance(view, this.ids, this.index, this.s);
    this.priorVar = Float64Array.from({ length: n }, (_, i) => this.cov[i * n + i]);
    this.refreshKnown();
  }

  /** The question's main subtopic (heaviest tag). */
  topicOf(questionId: string): string | undefined {
    return this.view.questionTopics.get(questionId)?.[0]?.topicId;
  }

  /** Mean of σ(z) for z ~ N(m, v) (probit approximation). */
  private static meanMastery(m: number, v: number): number {
    return sigmoid(m / Math.sqrt(1 + (Math.PI * v) / 8));
  }

  private refreshKnown(): void {
    const n = this.ids.length;
    this.ids.forEach((id, i) => {
      this.known.set(id, PlacementBelief.meanMastery(this.mu[i], this.cov[i * n + i]));
    });
  }

  /** The question's tag weights over subtopics (normalised), as index/weight pairs. */
  private weights(questionId: string): { i: number; w: number }[] {
    const tags = (this.view.questionTopics.get(questionId) ?? []).filter((t) => this.index.has(t.topicId));
    const sum = tags.reduce((a, t) => a + t.weight, 0);
    return sum > 0 ? tags.map((t) => ({ i: this.index.get(t.topicId)!, w: t.weight / sum })) : [];
  }

  /** P(right | z) for the question: guess + (1 − guess − slip)·σ(z − slope·(difficulty − ½)). */
  private likelihood(q: Question): (u: number) => number {
    const guess = 1 / Math.max(2, q.options.length);
    const shift = this.s.difficultySlope * (q.difficulty - 0.5);
    return (u) => guess + (1 - guess - this.s.slip) * sigmoid(u - shift);
  }

  /** Σw (covariance of every topic with the question's mix), the mix's mean and variance. */
  private projection(w: { i: number; w: number }[]): { sw: Float64Array; m: number; v: number } {
    const n = this.ids.length;
    const sw = new Float64Array(n);
    let m = 0;
    for (const { i, w: wi } of w) {
      m += wi * this.mu[i];
      for (let k = 0; k < n; k++) sw[k] += wi * this.cov[i * n + k];
    }
    let v = 0;
    for (const { i, w: wi } of w) v += wi * sw[i];
    return { sw, m, v: Math.max(v, 1e-9) };
  }

  /** Both outcomes of asking: P(right), and the mix's posterior mean and variance after right / wrong. */
  private outcomes(q: Question, m: number, v: number): { right: Outcome; wrong: Outcome } {
    const like = this.likelihood(q);
    const sd = Math.sqrt(v);
    let p1 = 0,
      m1 = 0,
      s1 = 0,
      p0 = 0,
      m0 = 0,
      s0 = 0;
    NODES.xs.forEach((x, k) => {
      const u = m + sd * x,
        w = NODES.ws[k],
        l = like(u);
      p1 += w * l;
      m1 += w * l * u;
      s1 += w * l * u * u;
      p0 += w * (1 - l);
      m0 += w * (1 - l) * u;
      s0 += w * (1 - l) * u * u;
    });
    const out = (p: number, mm: number, ss: number): Outcome => {
      const mean = mm / p;
      return { p, mean, v: Math.max(ss / p - mean * mean, 1e-9) };
    };
    return { right: out(p1, m1, s1), wrong: out(p0, m0, s0) };
  }

  observe(a: PlacementAnswer): void {
    const q = this.view.questionById.get(a.questionId);
    const w = this.weights(a.questionId);
    if (!q || !w.length) return;
    const { sw, m, v } = this.projection(w);
    const o = this.outcomes(q, m, v)[a.correct ? 'right' : 'wrong'];
    const n = this.ids.length;
    const dm = (o.mean - m) / v,
      dv = (v - o.v) / (v * v);
    for (let i = 0; i < n; i++) {
      this.mu[i] += sw[i] * dm;
      for (let k = 0; k < n; k++) this.cov[i * n + k] -= sw[i] * sw[k] * dv;
    }
    for (let i = 0; i < n; i++) this.cov[i * n + i] = Math.max(this.cov[i * n + i], 1e-6);
    this.refreshKnown();
  }

  /** Mean remaining uncertainty per subtopic: posterior sd over prior sd (1 = nothing learnt, 0 = certain). */
  uncertainty(): number {
    const n = this.ids.length;
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.sqrt(this.cov[i * n + i] / this.priorVar[i]);
    return n ? s / n : 0;
  }

  /** P(right) for a question under the current belief. */
  pRight(questionId: string): number {
    const q = this.view.questionById.get(questionId);
    const w = this.weights(questionId);
    if (!q || !w.length) return 0.5;
    const { m, v } = this.projection(w);
    return this.outcomes(q, m, v).right.p;
  }

  /**
   * Expected reduction of the posterior variance of mastery, summed over every subtopic, from asking the
   * question (delta method: Var σ(z) ≈ σ'(μ)² Var z).
   */
  expectedGain(questionId: string): number {
    const q = this.view.questionById.get(questionId);
    const w = this.weights(questionId);
    if (!q || !w.length) return 0;
    const { sw, m, v } = this.projection(w);
    const { right, wrong } = this.outcomes(q, m, v);
    const reduction = v - (right.p * right.v + wrong.p * wrong.v);
    const n = this.ids.length;
    let g = 0;
    for (let i = 0; i < n; i++) {
      const k = this.known.get(this.ids[i])!;
      const d = k * (1 - k);
      g += d * d * sw[i] * sw[i];
    }
    return (g * reduction) / (v * v);
  }

  /** The most informative unasked question whose main subtopic is among `candidates` (all when absent). */
  nextQuestion(asked: Set<string>, candidates?: Set<string>): Question | null {
    let best: { q: Question; g: number } | null = null;
    for (const id of this.ids) {
      if (candidates && !candidates.has(id)) continue;
      for (const q of this.view.questionsByTopic.get(id) ?? []) {
        if (asked.has(q.id) || this.topicOf(q.id) !== id) continue;
        const g = this.expectedGain(q.id);
        if (!best || g > best.g + 1e-12 || (Math.abs(g - best.g) <= 1e-12 && q.id < best.q.id)) best = { q, g };
      }
    }
    return best?.q ?? null;
  }
}

/**
 * Σ = memberSd²·11ᵀ + areaSd²·[same area] + topicSd²·L Lᵀ, where L = I + mix·N and N is the
 * prerequisite graph's adjacency (both directions), each row normalised to sum 1: a topic's own part
 * takes on `mix` of its neighbours' own parts, so neighbours covary and neighbours of neighbours a little.
 */
function buildCovariance(view: CurriculumView, ids: string[], index: Map<string, number>, s: PlacementSettings): Float64Array {
  const n = ids.length;
  const neighbours: number[][] = ids.map(() => []);
  for (const id of ids) {
    const i = index.get(id)!;
    for (const p of view.topics.get(id)?.prerequisiteIds ?? []) {
      const j = index.get(p);
      if (j === undefined || j === i) continue;
      if (!neighbours[i].includes(j)) neighbours[i].push(j);
      if (!neighbours[j].includes(i)) neighbours[j].push(i);
    }
  }
  const L: Map<number, number>[] = ids.map((_, i) => {
    const row = new Map<number, number>([[i, 1]]);
    for (const j of neighbours[i]) row.set(j, s.prerequisiteMix / neighbours[i].length);
    return row;
  });
  const area = ids.map((id) => view.topics.get(id)?.area ?? '');
  const cov = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = i; k < n; k++) {
      let own = 0;
      for (const [j, a] of L[i]) {
        const b = L[k].get(j);
        if (b !== undefined) own += a * b;
      }
      const c = s.memberSd ** 2 + (area[i] === area[k] ? s.areaSd ** 2 : 0) + s.topicSd ** 2 * own;
      cov[i * n + k] = c;
      cov[k * n + i] = c;
    }
  }
  return cov;
}

export interface PlacementState {
  belief: PlacementBelief;
  asked: number;
  done: boolean;
  next: Question | null;
}

/**
 * Replay the answers given so far and decide the next step. `candidates` limits which subtopics are
 * asked about (e.g. the ones the member still has to be assessed on); every subtopic's belief moves.
 */
export function placementStep(
  view: CurriculumView,
  prior: (topicId: string) => number,
  answers: PlacementAnswer[],
  budget = PLACEMENT_BUDGET,
  candidates?: Set<string>,
  settings?: Partial<PlacementSettings>,
): PlacementState {
  const belief = new PlacementBelief(view, prior, settings);
  for (const a of answers) belief.observe(a);
  const stop = answers.length >= budget || belief.uncertainty() < LOW_UNCERTAINTY;
  const askedIds = new Set(answers.map((a) => a.questionId));
  const next = stop ? null : (belief.nextQuestion(askedIds, candidates) ?? (candidates ? belief.nextQuestion(askedIds) : null));
  return { belief, asked: answers.length, done: stop || next === null, next };
}
