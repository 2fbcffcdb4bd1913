/**
 * The contract between knowledge tracing (server/learning/kt, which implements it and fits its
 * parameters) and everything that reads mastery (gaps, recommendations, plans, portraits).
 * Mastery rows in the store hold the estimate as of `updatedAt`; forgetting is applied on read
 * through `currentMastery`, so a stored row never needs rewriting just because time passed.
 */
import type { Mastery, TopicTag } from '../../graph';

export interface AnswerObservation { at: number; correct: boolean; difficulty: number; topics: TopicTag[] }
export interface StudyObservation { at: number; seconds: number; progress: number; topics: TopicTag[] }

export interface MasteryModel {
  /** Stable id of the model and its parameter version, e.g. `kt-lr/3`. */
  readonly id: string;
  /** New rows for the topics the answer tests, given the member's current rows (missing = prior). */
  observeAnswer(memberId: string, current: Map<string, Mastery>, obs: AnswerObservation): Mastery[];
  /** New rows for the topics the course covers. */
  observeStudy(memberId: string, current: Map<string, Mastery>, obs: StudyObservation): Mastery[];
  /** The estimate at time `now`, with forgetting since the row's updatedAt. Missing row → prior. */
  currentMastery(row: Mastery | undefined, now: number): number;
  /** Probability that a member with this mastery answers a question of this difficulty correctly. */
  predictCorrect(mastery: number, difficulty: number): number;
}
