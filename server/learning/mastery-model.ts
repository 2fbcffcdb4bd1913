/**
 * The contract between the learner model (server/learning/model, which implements it) and everything
 * that reads mastery (gaps, recommendations, plans, portraits, the simulator).
 * Mastery rows in the store hold the estimate of every subtopic as of `updatedAt` (the member's last
 * event); forgetting is applied on read through `currentMastery`, so a stored row never needs
 * rewriting just because time passed. A member without rows reads the prior of their stage.
 */
import type { Mastery, MemberHistory } from '../../graph';
import type { CurriculumView } from './mastery/curriculum-view';
import type { IntegrityFinding } from './integrity/evidence-integrity';

/** One event that moved a topic's estimate, newest first in lists. */
export interface MasteryEvidence {
  kind: 'ANSWER' | 'STUDY';
  /** The answer's or study session's id. */
  eventId: string;
  at: number;
  /** Right or wrong (answers only). */
  correct: boolean | null;
  /** How much the topic's estimate moved, −1..1. */
  delta: number;
  /** Share of the event discounted by the integrity checks (0 = counted fully); null when not shown to the viewer. */
  discount: number | null;
  /** What the integrity checks found (empty when counted fully or not shown to the viewer). */
  findings?: IntegrityFinding[];
}

export interface MemberRef {
  id: string;
  stage?: string;
}

export interface MasteryModel {
  /** Stable id of the model and its parameter version, e.g. `learner-model/3`. */
  readonly id: string;
  /**
   * Fold the member's history (answers and study sessions, any order) and return a row for every
   * subtopic as of the last event; empty when the history has no usable event.
   */
  rowsFromHistory(member: MemberRef, view: CurriculumView, history: Pick<MemberHistory, 'answers' | 'studies'>, discountOf?: (eventId: string) => number): Map<string, Mastery>;
  /**
   * Use this curriculum view's facts (topic areas, prerequisites) in `currentMastery` from now on. Called before
   * estimates are read, so an estimate does not depend on whether a history was folded earlier in the process.
   */
  useView?(view: CurriculumView): void;
  /** The estimate of `topicId` at `now`, with forgetting since the row's updatedAt; no row → the stage prior. */
  currentMastery(row: Mastery | undefined, now: number, topicId?: string, stage?: string): number;
  /** Probability that a member with this mastery answers a question of this difficulty correctly. */
  predictCorrect(mastery: number, difficulty: number): number;
  /** Per subtopic: the events that moved its estimate most recently, newest first (at most `limit`). */
  explain(
    member: MemberRef,
    view: CurriculumView,
    history: Pick<MemberHistory, 'answers' | 'studies'>,
    limit?: number,
    discountOf?: (eventId: string) => number,
  ): Map<string, MasteryEvidence[]>;
}
