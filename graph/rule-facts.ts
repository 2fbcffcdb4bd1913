/**
 * The facts the rules engine judges, read for many branches at once: one statement per kind of
 * fact for all the branches asked for (never one per branch or per member), so a committee's or the
 * university's evaluation costs a fixed number of round trips.
 */
import type { DuesPayment, DuesStandard, Milestone, TransferCase } from './affairs-model';
import type { MeetingKind, MemberStage } from './model';

/** A member of one of the branches asked for, with what the rules look at. */
export interface FactMember {
  id: string;
  name: string;
  branchId: string;
  stage: MemberStage;
}

/** A meeting without its minutes, record or topics (the rules count meetings; they do not read them). */
export interface FactMeeting {
  id: string;
  branchId: string;
  kind: MeetingKind;
  title: string;
  at: number;
}

/** A talk record reduced to what is counted: whom, what kind, when (no summary, no participants). */
export interface FactTalk {
  subjectId: string;
  branchId: string;
  kind: string;
  at: number;
}

export interface BranchFacts {
  /** Members that belong to the branches now, every stage, by id. */
  members: FactMember[];
  /** Number of party groups (党小组) under each branch; a branch without groups is absent. */
  groupCounts: Map<string, number>;
  /** Meetings the branches held with from <= at < to, by time then id. */
  meetings: FactMeeting[];
  /** Pipeline milestones of those members (unordered). */
  milestones: Milestone[];
  /** Dues standards of those members (unordered). */
  duesStandards: DuesStandard[];
  /** Dues payments of those members (unordered). */
  duesPayments: DuesPayment[];
  /** Transfer cases of those members whose letter is out and not yet received (status LETTER_ISSUED). */
  openLetters: TransferCase[];
  /** Talk records made in the branches with from <= at < to. */
  talks: FactTalk[];
}

export interface RuleFactsStore {
  /**
   * Everything above for the branches, one statement per kind; `from`/`to` bound the dated facts
   * (meetings, talks). Unknown branch ids contribute nothing.
   */
  readBranchFacts(branchIds: string[], from: number, to: number): Promise<BranchFacts>;
}

export const emptyBranchFacts = (): BranchFacts => ({
  members: [],
  groupCounts: new Map(),
  meetings: [],
  milestones: [],
  duesStandards: [],
  duesPayments: [],
  openLetters: [],
  talks: [],
});
