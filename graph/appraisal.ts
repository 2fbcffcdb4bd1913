/**
 * Democratic appraisal (民主评议党员) and talk records (谈心谈话): the domain types and the part of the
 * store interface that holds them. Both are the most sensitive data Hongtu keeps, so the shapes
 * themselves are minimal:
 * - a Ballot has no voter, no time and no request data: only the hash of its token, its round and
 *   its grades. Which voters were issued a signature is kept apart (BallotIssue) and cannot be
 *   joined to a ballot by any field.
 * - ballots do not sit in the order they arrived: a round is created with one empty ballot slot per
 *   voter, and each ballot fills a slot chosen at random, so the storage order (what a dump of the
 *   database file shows) says nothing about who voted when.
 * - a TalkRecord is never embedded, tagged, searched or exported (exportBulk does not know it).
 */
import type { WriteResult } from './store';

export const APPRAISAL_GRADES = ['EXCELLENT', 'QUALIFIED', 'BASICALLY_QUALIFIED', 'UNQUALIFIED'] as const;
export type AppraisalGrade = (typeof APPRAISAL_GRADES)[number];

export interface AppraisalRound {
  id: string;
  branchId: string;
  title: string;
  /** The period appraised (epoch ms, from inclusive, to exclusive). */
  periodFrom: number;
  periodTo: number;
  /** Voting closes at this time at the latest; `closedAt` is set when it closed. */
  closesAt: number;
  closedAt: number | null;
  /** Results per appraised member are shown only with at least this many ballots grading them (≥ 5). */
  minBallots: number;
  /** The round's RSA public key (SPKI, base64), for blind signatures and their verification. */
  publicKey: string;
  voterIds: string[];
  appraiseeIds: string[];
  createdBy: string;
  createdAt: number;
}

export interface BallotGrade {
  memberId: string;
  grade: AppraisalGrade;
  comment: string | null;
}

/** One anonymous ballot: keyed by the SHA-256 of its spent token; nothing else identifies it. */
export interface Ballot {
  tokenHash: string;
  roundId: string;
  grades: BallotGrade[];
}

export interface SelfAssessment {
  roundId: string;
  memberId: string;
  text: string;
  updatedAt: number;
}

export interface TalkRecord {
  id: string;
  /** The member talked with. */
  subjectId: string;
  /** The subject's branch when the record was made (decides the responsible secretary). */
  branchId: string;
  kind: string;
  at: number;
  /** Two or more member ids, the subject included. */
  participantIds: string[];
  summary: string;
  followUp: string;
  /** Readable by the committee above the branch only when marked so. */
  forCommittee: boolean;
  createdBy: string;
  createdAt: number;
}

export interface TalkFilter {
  subjectIds?: string[];
  participantId?: string;
  branchIds?: string[];
  from?: number;
  to?: number;
}

export interface AppraisalStore {
  /**
   * Idempotent by id: an existing round is left as it is ({ created: false }). Creates one empty ballot
   * slot per voter in the same transaction.
   */
  createAppraisalRound(round: AppraisalRound, sealedPrivateKey: string): Promise<WriteResult>;
  getAppraisalRoundsByIds(ids: string[]): Promise<AppraisalRound[]>;
  /** Rounds of these branches, newest first. */
  listAppraisalRounds(branchIds: string[]): Promise<AppraisalRound[]>;
  /** The sealed private key of an open round; null once the round is closed (the key is destroyed). */
  getAppraisalRoundKey(roundId: string): Promise<string | null>;
  /** Set closedAt and destroy the private key. Returns false when it was already closed. */
  closeAppraisalRound(roundId: string, at: number): Promise<boolean>;
  /**
   * Record that `memberId` was given a blind signature for `blindedHash`. Returns 'ISSUED' the first
   * time, 'SAME' when this voter asks again with the same blinded message (a retry), and 'OTHER' when
   * this voter was already issued one for another message (nothing written).
   */
  recordBallotIssue(roundId: string, memberId: string, blindedHash: string): Promise<'ISSUED' | 'SAME' | 'OTHER'>;
  countBallotIssues(roundId: string): Promise<number>;
  /** True when this voter has been issued a signature in the round. */
  hasBallotIssue(roundId: string, memberId: string): Promise<boolean>;
  /**
   * Store a ballot in an empty slot of its round chosen at random, unless its token hash was spent before
   * (then false, nothing written). Safe under concurrent calls: exactly one of many replays stores.
   */
  storeBallot(ballot: Ballot): Promise<boolean>;
  /** Ballots of a round, ordered by token hash (never by arrival). */
  listBallots(roundId: string): Promise<Ballot[]>;
  upsertSelfAssessment(a: SelfAssessment): Promise<void>;
  listSelfAssessments(roundIds: string[], memberIds?: string[]): Promise<SelfAssessment[]>;

  /** Idempotent by id ({ created: false } for an existing id, which is left untouched). */
  createTalkRecord(t: TalkRecord): Promise<WriteResult>;
  getTalkRecordsByIds(ids: string[]): Promise<TalkRecord[]>;
  /** Records matching every given filter, newest first. */
  listTalkRecords(filter: TalkFilter): Promise<TalkRecord[]>;
  /** Number of records per branch with from <= at < to (all branches when branchIds is null). */
  countTalkRecords(branchIds: string[] | null, from: number, to: number): Promise<Map<string, number>>;
}
