/**
 * Rows of the appraisal and talk-record queries → domain objects, shared by both adapters: their
 * queries return the same flat, aliased columns. `toNumber` is the adapter's own number reader
 * (Neo4j returns driver Integers, Kuzu plain numbers or bigints).
 */
import { randomUUID } from 'node:crypto';
import type { AppraisalGrade, AppraisalRound, Ballot, BallotGrade, SelfAssessment, TalkRecord } from './appraisal';

type Row = Record<string, unknown>;
type ToNumber = (v: unknown) => number;

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export const ROUND_COLUMNS = `r.id AS id, r.branchId AS branchId, r.title AS title, r.periodFrom AS periodFrom,
  r.periodTo AS periodTo, r.closesAt AS closesAt, r.closedAt AS closedAt, r.minBallots AS minBallots,
  r.publicKey AS publicKey, r.voterIds AS voterIds, r.appraiseeIds AS appraiseeIds, r.createdBy AS createdBy,
  r.createdAt AS createdAt`;

export const TALK_COLUMNS = `t.id AS id, t.subjectId AS subjectId, t.branchId AS branchId, t.kind AS kind, t.at AS at,
  t.participantIds AS participantIds, t.summary AS summary, t.followUp AS followUp, t.forCommittee AS forCommittee,
  t.createdBy AS createdBy, t.createdAt AS createdAt`;

export const toRound = (r: Row, n: ToNumber): AppraisalRound => ({
  id: str(r.id),
  branchId: str(r.branchId),
  title: str(r.title),
  periodFrom: n(r.periodFrom),
  periodTo: n(r.periodTo),
  closesAt: n(r.closesAt),
  closedAt: r.closedAt === null || r.closedAt === undefined ? null : n(r.closedAt),
  minBallots: n(r.minBallots),
  publicKey: str(r.publicKey),
  voterIds: list(r.voterIds),
  appraiseeIds: list(r.appraiseeIds),
  createdBy: str(r.createdBy),
  createdAt: n(r.createdAt),
});

/** Grades are one JSON value; a corrupt value reads as no grades rather than failing the count. */
function grades(v: unknown): BallotGrade[] {
  try {
    const out = JSON.parse(str(v));
    return Array.isArray(out) ? out.map((g) => ({ memberId: str(g.memberId), grade: str(g.grade) as AppraisalGrade, comment: g.comment ?? null })) : [];
  } catch {
    return [];
  }
}

export const encodeGrades = (g: BallotGrade[]): string => JSON.stringify(g.map((x) => ({ memberId: x.memberId, grade: x.grade, comment: x.comment })));

export const toBallot = (r: Row): Ballot => ({ tokenHash: str(r.tokenHash), roundId: str(r.roundId), grades: grades(r.grades) });

export const toSelfAssessment = (r: Row, n: ToNumber): SelfAssessment => ({
  roundId: str(r.roundId),
  memberId: str(r.memberId),
  text: str(r.text),
  updatedAt: n(r.updatedAt),
});

export const toTalk = (r: Row, n: ToNumber): TalkRecord => ({
  id: str(r.id),
  subjectId: str(r.subjectId),
  branchId: str(r.branchId),
  kind: str(r.kind),
  at: n(r.at),
  participantIds: list(r.participantIds),
  summary: str(r.summary),
  followUp: str(r.followUp),
  forCommittee: r.forCommittee === true,
  createdBy: str(r.createdBy),
  createdAt: n(r.createdAt),
});

/** Key of a voter's issuance row and of a self-assessment: one per round and member. */
export const roundMemberKey = (roundId: string, memberId: string): string => `${roundId}\u0000${memberId}`;

/** Ids of a new round's empty ballot slots, one per voter: random, so neither ids nor order mean anything. */
export const ballotSlotIds = (r: AppraisalRound): string[] => r.voterIds.map(() => `${r.id}:${randomUUID()}`);
