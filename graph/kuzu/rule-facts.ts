/**
 * The rules engine's facts for many branches (graph/rule-facts.ts) on Kuzu: one statement per kind,
 * each starting from the branches and walking their edges (BELONGS_TO, HELD, UNDER, the affairs
 * edges), all on one read connection.
 */
import type { DuesPayment, DuesStandard, Milestone, TransferCase } from '../affairs-model';
import type { MeetingKind, MemberStage } from '../model';
import { type BranchFacts, emptyBranchFacts } from '../rule-facts';
import type { KuzuExecutor } from './executor';
import { parseData } from '../rows';

const Q = {
  members: `MATCH (m:Member)-[:BELONGS_TO]->(b:Branch) WHERE b.id IN $ids
    RETURN m.id AS id, m.name AS name, m.stage AS stage, b.id AS branchId ORDER BY m.id`,
  groups: 'MATCH (g:`Group`)-[:UNDER]->(b:Branch) WHERE b.id IN $ids RETURN b.id AS branchId, count(g) AS n',
  meetings: `MATCH (b:Branch)-[:HELD]->(mt:Meeting) WHERE b.id IN $ids AND mt.at >= $from AND mt.at < $to
    RETURN mt.id AS id, b.id AS branchId, mt.kind AS kind, mt.title AS title, mt.at AS at ORDER BY mt.at, mt.id`,
  milestones: `MATCH (b:Branch)<-[:BELONGS_TO]-(m:Member)-[:HAS_MILESTONE]->(x:Milestone) WHERE b.id IN $ids RETURN x.data AS data`,
  standards: `MATCH (b:Branch)<-[:BELONGS_TO]-(m:Member)-[:HAS_DUES_STANDARD]->(x:DuesStandard) WHERE b.id IN $ids RETURN x.data AS data`,
  payments: `MATCH (b:Branch)<-[:BELONGS_TO]-(m:Member)-[:PAID_DUES]->(x:DuesPayment) WHERE b.id IN $ids RETURN x.data AS data`,
  letters: `MATCH (b:Branch)<-[:BELONGS_TO]-(m:Member)-[:HAS_TRANSFER_CASE]->(x:TransferCase)
    WHERE b.id IN $ids AND x.status = 'LETTER_ISSUED' RETURN x.data AS data`,
  talks: `MATCH (t:TalkRecord) WHERE t.branchId IN $ids AND t.at >= $from AND t.at < $to
    RETURN t.subjectId AS subjectId, t.branchId AS branchId, t.kind AS kind, t.at AS at`,
} as const;

export async function readBranchFacts(ex: KuzuExecutor, branchIds: string[], from: number, to: number): Promise<BranchFacts> {
  const ids = [...new Set(branchIds)];
  if (ids.length === 0) return emptyBranchFacts();
  return ex.readMany(async (r) => {
    const span = { ids, from, to };
    const members = (await r.run(Q.members, { ids })).map((x) => ({
      id: String(x.id),
      name: String(x.name),
      stage: String(x.stage) as MemberStage,
      branchId: String(x.branchId),
    }));
    const groupCounts = new Map((await r.run(Q.groups, { ids })).map((x) => [String(x.branchId), Number(x.n)] as const));
    const meetings = (await r.run(Q.meetings, span)).map((x) => ({
      id: String(x.id),
      branchId: String(x.branchId),
      kind: String(x.kind) as MeetingKind,
      title: String(x.title),
      at: Number(x.at),
    }));
    const milestones = parseData<Milestone>(await r.run(Q.milestones, { ids }));
    const duesStandards = parseData<DuesStandard>(await r.run(Q.standards, { ids }));
    const duesPayments = parseData<DuesPayment>(await r.run(Q.payments, { ids }));
    const openLetters = parseData<TransferCase>(await r.run(Q.letters, { ids }));
    const talks = (await r.run(Q.talks, span)).map((x) => ({
      subjectId: String(x.subjectId),
      branchId: String(x.branchId),
      kind: String(x.kind),
      at: Number(x.at),
    }));
    return { members, groupCounts, meetings, milestones, duesStandards, duesPayments, openLetters, talks };
  });
}
