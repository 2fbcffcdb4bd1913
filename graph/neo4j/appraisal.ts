/**
 * Appraisal rounds, blind-signature issuance, anonymous ballots, self-assessments and talk records on Neo4j.
 * Plain nodes with no relationships (see graph/appraisal.ts for why). Uniqueness comes from the `id`
 * constraints on every label, and MERGE on a constrained key is what makes concurrent issuance and
 * concurrent replays of one ballot token safe: one transaction creates, the others match.
 */
import { randomInt } from 'node:crypto';
import { conflict, isStoreError } from '../errors';
import type { AppraisalRound, AppraisalStore, Ballot, SelfAssessment, TalkFilter, TalkRecord } from '../appraisal';
import { ballotSlotIds, encodeGrades, ROUND_COLUMNS, roundMemberKey, TALK_COLUMNS, toBallot, toRound, toSelfAssessment, toTalk } from '../appraisal-rows';
import type { WriteResult } from '../store';
import type { Executor } from './executor';
import { requireIds } from './guards';
import { inIdOrder, int, num } from './mapping';

/** A spent token fills one slot only, whatever runs concurrently. */
export const APPRAISAL_CONSTRAINTS = {
  ballot_token_hash: 'CREATE CONSTRAINT ballot_token_hash IF NOT EXISTS FOR (n:Ballot) REQUIRE n.tokenHash IS UNIQUE',
} as const;

export const APPRAISAL_Q = {
  roundExists: 'MATCH (r:AppraisalRound {id: $id}) RETURN r.id AS id',
  createRound: `CREATE (r:AppraisalRound {id: $id})
SET r.branchId = $branchId, r.title = $title, r.periodFrom = $periodFrom, r.periodTo = $periodTo, r.closesAt = $closesAt,
    r.minBallots = $minBallots, r.publicKey = $publicKey, r.sealedKey = $sealedKey, r.voterIds = $voterIds,
    r.appraiseeIds = $appraiseeIds, r.createdBy = $createdBy, r.createdAt = $createdAt`,
  roundsByIds: `UNWIND $ids AS x MATCH (r:AppraisalRound {id: x}) RETURN ${ROUND_COLUMNS}`,
  roundsOfBranches: `MATCH (r:AppraisalRound) WHERE r.branchId IN $branchIds RETURN ${ROUND_COLUMNS} ORDER BY r.createdAt DESC, r.id`,
  roundKey: 'MATCH (r:AppraisalRound {id: $id}) WHERE r.closedAt IS NULL RETURN r.sealedKey AS sealedKey',
  close: `MATCH (r:AppraisalRound {id: $id}) WHERE r.closedAt IS NULL
SET r.closedAt = $at, r.sealedKey = ''
RETURN r.id AS id`,
  issue: `MERGE (i:BallotIssue {id: $key})
ON CREATE SET i.roundId = $roundId, i.memberId = $memberId, i.blindedHash = $blindedHash`,
  issueOf: 'MATCH (i:BallotIssue {id: $key}) RETURN i.blindedHash AS blindedHash',
  countIssues: 'MATCH (i:BallotIssue) WHERE i.roundId = $roundId RETURN count(i) AS n',
  createSlots: 'UNWIND $slotIds AS sid CREATE (:Ballot {id: sid, roundId: $roundId})',
  ballotExists: 'MATCH (b:Ballot {tokenHash: $tokenHash}) WHERE b.roundId = $roundId RETURN b.id AS id',
  emptySlots: 'MATCH (b:Ballot) WHERE b.roundId = $roundId AND b.tokenHash IS NULL RETURN b.id AS id',
  /** Take the slot's write lock first, then check it is still empty (Neo4j's guard against lost updates). */
  fillSlot: `MATCH (b:Ballot {id: $id})
SET b.slotLock = true
WITH b WHERE b.tokenHash IS NULL
SET b.tokenHash = $tokenHash, b.grades = $grades
REMOVE b.slotLock
RETURN b.id AS id`,
  ballots: `MATCH (b:Ballot) WHERE b.roundId = $roundId AND b.tokenHash IS NOT NULL
RETURN b.tokenHash AS tokenHash, b.roundId AS roundId, b.grades AS grades ORDER BY b.tokenHash`,
  upsertSelf: `MERGE (a:SelfAssessment {id: $key})
SET a.roundId = $roundId, a.memberId = $memberId, a.text = $text, a.updatedAt = $updatedAt`,
  selfOfRounds: `MATCH (a:SelfAssessment) WHERE a.roundId IN $roundIds AND ($memberIds IS NULL OR a.memberId IN $memberIds)
RETURN a.roundId AS roundId, a.memberId AS memberId, a.text AS text, a.updatedAt AS updatedAt ORDER BY a.roundId, a.memberId`,
  talkExists: 'MATCH (t:TalkRecord {id: $id}) RETURN t.id AS id',
  createTalk: `CREATE (t:TalkRecord {id: $id})
SET t.subjectId = $subjectId, t.branchId = $branchId, t.kind = $kind, t.at = $at, t.participantIds = $participantIds,
    t.summary = $summary, t.followUp = $followUp, t.forCommittee = $forCommittee, t.createdBy = $createdBy,
    t.createdAt = $createdAt`,
  talksByIds: `UNWIND $ids AS x MATCH (t:TalkRecord {id: x}) RETURN ${TALK_COLUMNS}`,
  talks: `MATCH (t:TalkRecord)
WHERE ($subjectIds IS NULL OR t.subjectId IN $subjectIds) AND ($branchIds IS NULL OR t.branchId IN $branchIds)
  AND ($participantId IS NULL OR $participantId IN t.participantIds)
  AND ($fromTime IS NULL OR t.at >= $fromTime) AND ($toTime IS NULL OR t.at < $toTime)
RETURN ${TALK_COLUMNS} ORDER BY t.at DESC, t.id`,
  countTalks: `MATCH (t:TalkRecord) WHERE ($branchIds IS NULL OR t.branchId IN $branchIds) AND t.at >= $fromTime AND t.at < $toTime
RETURN t.branchId AS branchId, count(t) AS n`,
} as const;

const Q = APPRAISAL_Q;

export class AppraisalOps implements AppraisalStore {
  constructor(private readonly ex: Executor) {}

  createAppraisalRound(r: AppraisalRound, sealedKey: string): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      if ((await tx.rows(Q.roundExists, { id: r.id })).length) return { created: false };
      await requireIds(tx, 'Branch', [r.branchId]);
      await requireIds(tx, 'Member', [...r.voterIds, ...r.appraiseeIds]);
      const { nodesCreated } = await tx.write(Q.createRound, {
        id: r.id,
        branchId: r.branchId,
        title: r.title,
        periodFrom: int(r.periodFrom),
        periodTo: int(r.periodTo),
        closesAt: int(r.closesAt),
        minBallots: int(r.minBallots),
        publicKey: r.publicKey,
        sealedKey,
        voterIds: r.voterIds,
        appraiseeIds: r.appraiseeIds,
        createdBy: r.createdBy,
        createdAt: int(r.createdAt),
      });
      await tx.write(Q.createSlots, { roundId: r.id, slotIds: ballotSlotIds(r) });
      return { created: nodesCreated > 0 };
    });
  }

  async getAppraisalRoundsByIds(ids: string[]): Promise<AppraisalRound[]> {
    if (!ids.length) return [];
    return inIdOrder(
      ids,
      (await this.ex.read((tx) => tx.rows(Q.roundsByIds, { ids }))).map((r) => toRound(r, num)),
    );
  }

  async listAppraisalRounds(branchIds: string[]): Promise<AppraisalRound[]> {
    if (!branchIds.length) return [];
    return (await this.ex.read((tx) => tx.rows(Q.roundsOfBranches, { branchIds }))).map((r) => toRound(r, num));
  }

  async getAppraisalRoundKey(roundId: string): Promise<string | null> {
    const [row] = await this.ex.read((tx) => tx.rows<{ sealedKey: string | null }>(Q.roundKey, { id: roundId }));
    return row?.sealedKey ? row.sealedKey : null;
  }

  closeAppraisalRound(roundId: string, at: number): Promise<boolean> {
    return this.ex.write(async (tx) => (await tx.rows(Q.close, { id: roundId, at: int(at) })).length > 0);
  }

  recordBallotIssue(roundId: string, memberId: string, blindedHash: string): Promise<'ISSUED' | 'SAME' | 'OTHER'> {
    const key = roundMemberKey(roundId, memberId);
    return this.ex.write(async (tx) => {
      const { nodesCreated } = await tx.write(Q.issue, { key, roundId, memberId, blindedHash });
      if (nodesCreated > 0) return 'ISSUED';
      const [prior] = await tx.rows<{ blindedHash: string }>(Q.issueOf, { key });
      return prior?.blindedHash === blindedHash ? 'SAME' : 'OTHER';
    });
  }

  async countBallotIssues(roundId: string): Promise<number> {
    const [row] = await this.ex.read((tx) => tx.rows(Q.countIssues, { roundId }));
    return row ? num(row.n) : 0;
  }

  async hasBallotIssue(roundId: string, memberId: string): Promise<boolean> {
    return (await this.ex.read((tx) => tx.rows(Q.issueOf, { key: roundMemberKey(roundId, memberId) }))).length > 0;
  }

  async storeBallot(b: Ballot): Promise<boolean> {
    try {
      return await this.ex.write(async (tx) => {
        if ((await tx.rows(Q.ballotExists, { roundId: b.roundId, tokenHash: b.tokenHash })).length) return false;
        const slots = (await tx.rows<{ id: string }>(Q.emptySlots, { roundId: b.roundId })).map((r) => r.id);
        // A slot taken by a concurrent ballot since the read is skipped; try the others in random order.
        while (slots.length) {
          const [id] = slots.splice(randomInt(slots.length), 1);
          const filled = await tx.rows(Q.fillSlot, { id, tokenHash: b.tokenHash, grades: encodeGrades(b.grades) });
          if (filled.length) return true;
        }
        throw conflict('Every ballot slot of this round is filled');
      });
    } catch (e) {
      // A concurrent replay of the same token committed first: the unique constraint refused this one.
      if (isStoreError(e) && e.code === 'CONFLICT' && /already exists/.test(e.message)) return false;
      throw e;
    }
  }

  async listBallots(roundId: string): Promise<Ballot[]> {
    return (await this.ex.read((tx) => tx.rows(Q.ballots, { roundId }))).map(toBallot);
  }

  async upsertSelfAssessment(a: SelfAssessment): Promise<void> {
    await this.ex.write((tx) =>
      tx.write(Q.upsertSelf, {
        key: roundMemberKey(a.roundId, a.memberId),
        roundId: a.roundId,
        memberId: a.memberId,
        text: a.text,
        updatedAt: int(a.updatedAt),
      }),
    );
  }

  async listSelfAssessments(roundIds: string[], memberIds?: string[]): Promise<SelfAssessment[]> {
    if (!roundIds.length || (memberIds && !memberIds.length)) return [];
    const rows = await this.ex.read((tx) => tx.rows(Q.selfOfRounds, { roundIds, memberIds: memberIds ?? null }));
    return rows.map((r) => toSelfAssessment(r, num));
  }

  createTalkRecord(t: TalkRecord): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      if ((await tx.rows(Q.talkExists, { id: t.id })).length) return { created: false };
      await requireIds(tx, 'Branch', [t.branchId]);
      await requireIds(tx, 'Member', t.participantIds);
      const { nodesCreated } = await tx.write(Q.createTalk, { ...t, at: int(t.at), createdAt: int(t.createdAt) });
      return { created: nodesCreated > 0 };
    });
  }

  async getTalkRecordsByIds(ids: string[]): Promise<TalkRecord[]> {
    if (!ids.length) return [];
    return inIdOrder(
      ids,
      (await this.ex.read((tx) => tx.rows(Q.talksByIds, { ids }))).map((r) => toTalk(r, num)),
    );
  }

  async listTalkRecords(f: TalkFilter): Promise<TalkRecord[]> {
    if ((f.subjectIds && !f.subjectIds.length) || (f.branchIds && !f.branchIds.length)) return [];
    const rows = await this.ex.read((tx) =>
      tx.rows(Q.talks, {
        subjectIds: f.subjectIds ?? null,
        branchIds: f.branchIds ?? null,
        participantId: f.participantId ?? null,
        fromTime: f.from === undefined ? null : int(f.from),
        toTime: f.to === undefined ? null : int(f.to),
      }),
    );
    return rows.map((r) => toTalk(r, num));
  }

  async countTalkRecords(branchIds: string[] | null, from: number, to: number): Promise<Map<string, number>> {
    if (branchIds && !branchIds.length) return new Map();
    const rows = await this.ex.read((tx) => tx.rows(Q.countTalks, { branchIds, fromTime: int(from), toTime: int(to) }));
    return new Map(rows.map((r) => [String(r.branchId), num(r.n)]));
  }
}
