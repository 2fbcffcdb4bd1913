/**
 * Appraisal rounds, blind-signature issuance, anonymous ballots, self-assessments and talk records
 * on Kuzu. Plain node tables with no relationships: a ballot is joined to nothing, and a talk record
 * names its people by id so that no traversal from a member (portraits, the network) reaches it.
 */
import { randomInt } from 'node:crypto';
import { conflict } from '../errors';
import type { AppraisalRound, AppraisalStore, Ballot, SelfAssessment, TalkFilter, TalkRecord } from '../appraisal';
import { ballotSlotIds, encodeGrades, ROUND_COLUMNS, roundMemberKey, TALK_COLUMNS, toBallot, toRound, toSelfAssessment, toTalk } from '../appraisal-rows';
import type { WriteResult } from '../store';
import type { KuzuExecutor } from './executor';
import { exists, requireIds } from './guards';
import { inIdOrder } from './mapping';

const Q = {
  createRound: `CREATE (:AppraisalRound {id: $id, branchId: $branchId, title: $title, periodFrom: $periodFrom,
    periodTo: $periodTo, closesAt: $closesAt, minBallots: $minBallots, publicKey: $publicKey, sealedKey: $sealedKey,
    voterIds: $voterIds, appraiseeIds: $appraiseeIds, createdBy: $createdBy, createdAt: $createdAt})`,
  roundsByIds: `MATCH (r:AppraisalRound) WHERE r.id IN $ids RETURN ${ROUND_COLUMNS}`,
  roundsOfBranches: `MATCH (r:AppraisalRound) WHERE r.branchId IN $branchIds RETURN ${ROUND_COLUMNS} ORDER BY r.createdAt DESC, r.id`,
  roundKey: 'MATCH (r:AppraisalRound {id: $id}) WHERE r.closedAt IS NULL RETURN r.sealedKey AS sealedKey',
  close: `MATCH (r:AppraisalRound {id: $id}) WHERE r.closedAt IS NULL SET r.closedAt = $at, r.sealedKey = ''
    RETURN r.id AS id`,
  issueOf: 'MATCH (i:BallotIssue {key: $key}) RETURN i.blindedHash AS blindedHash',
  issue: 'CREATE (:BallotIssue {key: $key, roundId: $roundId, memberId: $memberId, blindedHash: $blindedHash})',
  countIssues: 'MATCH (i:BallotIssue) WHERE i.roundId = $roundId RETURN count(i) AS n',
  createSlots: 'UNWIND $slotIds AS sid CREATE (:Ballot {id: sid, roundId: $roundId})',
  ballotExists: 'MATCH (b:Ballot) WHERE b.roundId = $roundId AND b.tokenHash = $tokenHash RETURN b.id AS id',
  emptySlots: 'MATCH (b:Ballot) WHERE b.roundId = $roundId AND b.tokenHash IS NULL RETURN b.id AS id',
  fillSlot: 'MATCH (b:Ballot {id: $id}) SET b.tokenHash = $tokenHash, b.grades = $grades',
  ballots: `MATCH (b:Ballot) WHERE b.roundId = $roundId AND b.tokenHash IS NOT NULL
    RETURN b.tokenHash AS tokenHash, b.roundId AS roundId, b.grades AS grades ORDER BY b.tokenHash`,
  upsertSelf: `MERGE (a:SelfAssessment {key: $key})
    SET a.roundId = $roundId, a.memberId = $memberId, a.text = $text, a.updatedAt = $updatedAt`,
  selfOfRounds: `MATCH (a:SelfAssessment) WHERE a.roundId IN $roundIds AND (NOT $useMembers OR a.memberId IN $memberIds)
    RETURN a.roundId AS roundId, a.memberId AS memberId, a.text AS text, a.updatedAt AS updatedAt
    ORDER BY a.roundId, a.memberId`,
  createTalk: `CREATE (:TalkRecord {id: $id, subjectId: $subjectId, branchId: $branchId, kind: $kind, at: $at,
    participantIds: $participantIds, summary: $summary, followUp: $followUp, forCommittee: $forCommittee,
    createdBy: $createdBy, createdAt: $createdAt})`,
  talksByIds: `MATCH (t:TalkRecord) WHERE t.id IN $ids RETURN ${TALK_COLUMNS}`,
  talks: `MATCH (t:TalkRecord)
    WHERE (NOT $useSubjects OR t.subjectId IN $subjectIds) AND (NOT $useBranches OR t.branchId IN $branchIds)
      AND ($participantId = '' OR list_contains(t.participantIds, $participantId)) AND t.at >= $from AND t.at < $to
    RETURN ${TALK_COLUMNS} ORDER BY t.at DESC, t.id`,
  countTalks: `MATCH (t:TalkRecord) WHERE (NOT $useBranches OR t.branchId IN $branchIds) AND t.at >= $from AND t.at < $to
    RETURN t.branchId AS branchId, count(t) AS n`,
} as const;

const n = (v: unknown): number => Number(v);
const FAR = 8.64e15;
/** Kuzu cannot take an empty list parameter; a list with one impossible id stands in when the flag is off. */
const orNone = (ids: string[] | undefined): string[] => (ids?.length ? ids : ['\u0000']);

export class AppraisalQueries implements AppraisalStore {
  constructor(private readonly ex: KuzuExecutor) {}

  createAppraisalRound(r: AppraisalRound, sealedKey: string): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      if ((await tx.run('MATCH (r:AppraisalRound {id: $id}) RETURN r.id AS id', { id: r.id })).length) return { created: false };
      await requireIds(tx, 'Branch', [r.branchId]);
      await requireIds(tx, 'Member', [...r.voterIds, ...r.appraiseeIds]);
      await tx.run(Q.createRound, {
        id: r.id,
        branchId: r.branchId,
        title: r.title,
        periodFrom: r.periodFrom,
        periodTo: r.periodTo,
        closesAt: r.closesAt,
        minBallots: r.minBallots,
        publicKey: r.publicKey,
        sealedKey,
        voterIds: r.voterIds,
        appraiseeIds: r.appraiseeIds,
        createdBy: r.createdBy,
        createdAt: r.createdAt,
      });
      await tx.run(Q.createSlots, { roundId: r.id, slotIds: ballotSlotIds(r) });
      return { created: true };
    });
  }

  async getAppraisalRoundsByIds(ids: string[]): Promise<AppraisalRound[]> {
    if (!ids.length) return [];
    return inIdOrder(
      ids,
      (await this.ex.read(Q.roundsByIds, { ids })).map((r) => toRound(r, n)),
    );
  }

  async listAppraisalRounds(branchIds: string[]): Promise<AppraisalRound[]> {
    if (!branchIds.length) return [];
    return (await this.ex.read(Q.roundsOfBranches, { branchIds })).map((r) => toRound(r, n));
  }

  async getAppraisalRoundKey(roundId: string): Promise<string | null> {
    const [row] = await this.ex.read(Q.roundKey, { id: roundId });
    return row?.sealedKey ? String(row.sealedKey) : null;
  }

  closeAppraisalRound(roundId: string, at: number): Promise<boolean> {
    return this.ex.write(async (tx) => (await tx.run(Q.close, { id: roundId, at })).length > 0);
  }

  recordBallotIssue(roundId: string, memberId: string, blindedHash: string): Promise<'ISSUED' | 'SAME' | 'OTHER'> {
    const key = roundMemberKey(roundId, memberId);
    return this.ex.write(async (tx) => {
      const [prior] = await tx.run(Q.issueOf, { key });
      if (prior) return String(prior.blindedHash) === blindedHash ? 'SAME' : 'OTHER';
      await tx.run(Q.issue, { key, roundId, memberId, blindedHash });
      return 'ISSUED';
    });
  }

  async countBallotIssues(roundId: string): Promise<number> {
    return n((await this.ex.read(Q.countIssues, { roundId }))[0]?.n ?? 0);
  }

  async hasBallotIssue(roundId: string, memberId: string): Promise<boolean> {
    return (await this.ex.read(Q.issueOf, { key: roundMemberKey(roundId, memberId) })).length > 0;
  }

  storeBallot(b: Ballot): Promise<boolean> {
    return this.ex.write(async (tx) => {
      if ((await tx.run(Q.ballotExists, { roundId: b.roundId, tokenHash: b.tokenHash })).length) return false;
      const slots = await tx.run(Q.emptySlots, { roundId: b.roundId });
      if (!slots.length) throw conflict('Every ballot slot of this round is filled');
      const id = String(slots[randomInt(slots.length)]!.id);
      await tx.run(Q.fillSlot, { id, tokenHash: b.tokenHash, grades: encodeGrades(b.grades) });
      return true;
    });
  }

  async listBallots(roundId: string): Promise<Ballot[]> {
    return (await this.ex.read(Q.ballots, { roundId })).map(toBallot);
  }

  async upsertSelfAssessment(a: SelfAssessment): Promise<void> {
    await this.ex.write((tx) => tx.run(Q.upsertSelf, { key: roundMemberKey(a.roundId, a.memberId), ...a }));
  }

  async listSelfAssessments(roundIds: string[], memberIds?: string[]): Promise<SelfAssessment[]> {
    if (!roundIds.length || (memberIds && !memberIds.length)) return [];
    const rows = await this.ex.read(Q.selfOfRounds, { roundIds, useMembers: memberIds !== undefined, memberIds: orNone(memberIds) });
    return rows.map((r) => toSelfAssessment(r, n));
  }

  createTalkRecord(t: TalkRecord): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      if (await exists(tx, 'TalkRecord', t.id)) return { created: false };
      await requireIds(tx, 'Branch', [t.branchId]);
      await requireIds(tx, 'Member', t.participantIds);
      await tx.run(Q.createTalk, { ...t });
      return { created: true };
    });
  }

  async getTalkRecordsByIds(ids: string[]): Promise<TalkRecord[]> {
    if (!ids.length) return [];
    return inIdOrder(
      ids,
      (await this.ex.read(Q.talksByIds, { ids })).map((r) => toTalk(r, n)),
    );
  }

  async listTalkRecords(f: TalkFilter): Promise<TalkRecord[]> {
    if ((f.subjectIds && !f.subjectIds.length) || (f.branchIds && !f.branchIds.length)) return [];
    const rows = await this.ex.read(Q.talks, {
      useSubjects: f.subjectIds !== undefined,
      subjectIds: orNone(f.subjectIds),
      useBranches: f.branchIds !== undefined,
      branchIds: orNone(f.branchIds),
      participantId: f.participantId ?? '',
      from: f.from ?? -FAR,
      to: f.to ?? FAR,
    });
    return rows.map((r) => toTalk(r, n));
  }

  async countTalkRecords(branchIds: string[] | null, from: number, to: number): Promise<Map<string, number>> {
    if (branchIds && !branchIds.length) return new Map();
    const rows = await this.ex.read(Q.countTalks, { useBranches: branchIds !== null, branchIds: orNone(branchIds ?? undefined), from, to });
    return new Map(rows.map((r) => [String(r.branchId), n(r.n)]));
  }
}
