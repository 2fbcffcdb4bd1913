/**
 * Adaptive placement quiz (摸底测评) as knowledge-space systems run it: a belief P(known) per subtopic,
 * updated by each answer on the question's topic (guess and slip by difficulty), and spread along the
 * prerequisite graph: a right answer is weaker evidence that the topic's prerequisites are known too
 * (one knows what one builds on), a wrong answer weaker evidence against the topics that build on it.
 * The spread halves the evidence's log-likelihood ratio per step; a small share (GENERAL) counts for
 * every subtopic, as general ability.
 * The next question is the one whose answer is expected to lower the total uncertainty (binary entropy
 * summed over all subtopics) the most; the quiz stops at the question budget or when the mean
 * uncertainty is low.
 */
import type { Question } from '../../../graph';
import type { CurriculumView } from '../mastery/curriculum-view';

export const PLACEMENT_BUDGET = 20;
/** Mean binary entropy (bits) per subtopic below which the quiz stops early. */
export const LOW_UNCERTAINTY = 0.2;
const SPREAD = 0.5;
/** Share of the evidence that counts for every other subtopic (general ability). */
const GENERAL = 0.12;
const MAX_HOPS = 3;

export interface PlacementAnswer { questionId: string; correct: boolean }

const clamp = (x: number) => Math.min(0.995, Math.max(0.005, x));
const entropy = (p: number) => (p <= 0 || p >= 1 ? 0 : -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p)));

/** Chance of a right answer when the topic is known / not known, for a question of this difficulty. */
export function emission(q: Pick<Question, 'difficulty' | 'options'>): { known: number; unknown: number } {
  const guess = 1 / Math.max(2, q.options.length);
  return { known: clamp(0.95 - 0.15 * q.difficulty), unknown: clamp(guess) };
}

export class PlacementBelief {
  readonly known = new Map<string, number>();
  private readonly dependents = new Map<string, string[]>();

  constructor(readonly view: CurriculumView, prior: (topicId: string) => number) {
    for (const t of view.leaves) {
      this.known.set(t.id, clamp(prior(t.id)));
      for (const p of t.prerequisiteIds) this.dependents.set(p, [...(this.dependents.get(p) ?? []), t.id]);
    }
  }

  /** The question's main subtopic (heaviest tag). */
  topicOf(questionId: string): string | undefined {
    return this.view.questionTopics.get(questionId)?.[0]?.topicId;
  }

  /** Posterior beliefs after one answer (nothing changed). */
  private posterior(questionId: string, correct: boolean): Map<string, number> {
    const q = this.view.questionById.get(questionId);
    const topic = this.topicOf(questionId);
    const out = new Map(this.known);
    if (!q || !topic || !out.has(topic)) return out;
    const e = emission(q);
    const lr = correct ? e.known / e.unknown : (1 - e.known) / (1 - e.unknown);
    const apply = (id: string, factor: number) => {
      const p = out.get(id);
      if (p === undefined) return;
      const odds = (p / (1 - p)) * lr ** factor;
      out.set(id, clamp(odds / (1 + odds)));
    };
    apply(topic, 1);
    for (const id of out.keys()) if (id !== topic) apply(id, GENERAL);
    // Right: evidence for what it builds on. Wrong: evidence against what builds on it.
    const next = correct ? (id: string) => this.view.topics.get(id)?.prerequisiteIds ?? [] : (id: string) => this.dependents.get(id) ?? [];
    const seen = new Set([topic]);
    let frontier = [topic];
    for (let hop = 1; hop <= MAX_HOPS && frontier.length; hop++) {
      const layer: string[] = [];
      for (const id of frontier) for (const n of next(id)) if (!seen.has(n)) { seen.add(n); layer.push(n); }
      for (const n of layer) apply(n, SPREAD ** hop);
      frontier = layer;
    }
    return out;
  }

  observe(a: PlacementAnswer): void {
    for (const [k, v] of this.posterior(a.questionId, a.correct)) this.known.set(k, v);
  }

  /** Mean binary entropy per subtopic, in bits (1 = knows nothing, 0 = certain). */
  uncertainty(): number {
    let s = 0;
    for (const p of this.known.values()) s += entropy(p);
    return this.known.size ? s / this.known.size : 0;
  }

  /** P(right) for a question under the current belief. */
  pRight(questionId: string): number {
    const q = this.view.questionById.get(questionId);
    const topic = this.topicOf(questionId);
    if (!q || !topic) return 0.5;
    const e = emission(q);
    const k = this.known.get(topic) ?? 0.5;
    return k * e.known + (1 - k) * e.unknown;
  }

  /** Expected total entropy after asking the question. */
  expectedEntropy(questionId: string): number {
    const total = (m: Map<string, number>) => { let s = 0; for (const p of m.values()) s += entropy(p); return s; };
    const pr = this.pRight(questionId);
    return pr * total(this.posterior(questionId, true)) + (1 - pr) * total(this.posterior(questionId, false));
  }

  /**
   * The most informative unasked question: per subtopic, the question whose difficulty best splits
   * the member's belief (closest to P(right) = ½), then the one with the lowest expected entropy.
   */
  nextQuestion(asked: Set<string>, candidates?: Set<string>): Question | null {
    let best: { q: Question; h: number } | null = null;
    for (const t of this.view.leaves) {
      if (candidates && !candidates.has(t.id)) continue;
      const qs = (this.view.questionsByTopic.get(t.id) ?? []).filter((q) => !asked.has(q.id) && this.topicOf(q.id) === t.id);
      if (!qs.length) continue;
      const q = qs.reduce((a, b) => (Math.abs(this.pRight(a.id) - 0.5) <= Math.abs(this.pRight(b.id) - 0.5) ? a : b));
      const h = this.expectedEntropy(q.id);
      if (!best || h < best.h - 1e-12 || (Math.abs(h - best.h) <= 1e-12 && q.id < best.q.id)) best = { q, h };
    }
    return best?.q ?? null;
  }
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
export function placementStep(view: CurriculumView, prior: (topicId: string) => number, answers: PlacementAnswer[], budget = PLACEMENT_BUDGET,
  candidates?: Set<string>): PlacementState {
  const belief = new PlacementBelief(view, prior);
  for (const a of answers) belief.observe(a);
  const stop = answers.length >= budget || belief.uncertainty() < LOW_UNCERTAINTY;
  const askedIds = new Set(answers.map((a) => a.questionId));
  const next = stop ? null : belief.nextQuestion(askedIds, candidates) ?? (candidates ? belief.nextQuestion(askedIds) : null);
  return { belief, asked: answers.length, done: stop || next === null, next };
}
