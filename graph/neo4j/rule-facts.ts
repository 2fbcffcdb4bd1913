/**
 * The rules engine's facts for many branches (graph/rule-facts.ts) on Neo4j: one catalogued
 * statement per kind, each starting from the branches (index lookups on Branch.id) and walking their
 * relationships, all in one read transaction.
 */
import type { DuesPayment, DuesStandard, Milestone, TransferCase } from '../affairs-model';
import type { MeetingKind, MemberStage } from '../model';
import { type BranchFacts, emptyBranchFacts } from '../rule-facts';
import type { Executor } from './executor';
import { int, num } from './mapping';
import { parseData } from '../rows';

export const RULE_FACTS_Q = {
  members: `MATCH (m:Member)-[:BELONGS_TO]->(b:Branch) WHERE b.id IN $branchIds
RETURN m.id AS id, m.name AS name, m.stage AS stage, b.id AS branchId ORDER BY id`,
  groups: `MATCH (g:Group)-[:UNDER]->(b:Branch) WHERE b.id IN $branchIds RETURN b.id AS branchId, count(g) AS n`,
  meetings: `MATCH (b:Branch)-[:HELD]->(mt:Meeting) WHERE b.id IN $branchIds AND mt.at >= $fromTime AND mt.at < $toTime
RETURN mt.id AS id, b.id AS branchId, mt.kind AS kind, mt.title AS title, mt.at AS at ORDER BY at, id`,
  milestones: `MATCH (b:Branch)<-[:BELONGS_TO]-(:Member)-[:HAS_MILESTONE]->(x:Milestone) WHERE b.id IN $branchIds RETURN x.data AS data`,
  standards: `MATCH (b:Branch)<-[:BELONGS_TO]-(:Member)-[:HAS_DUES_STANDARD]->(x:DuesStandard) WHERE b.id IN $branchIds RETURN x.data AS data`,
  payments: `MATCH (b:Branch)<-[:BELONGS_TO]-(:Member)-[:PAID_DUES]->(x:DuesPayment) WHERE b.id IN $branchIds RETURN x.data AS data`,
  letters: `MATCH (b:Branch)<-[:BELONGS_TO]-(:Member)-[:HAS_TRANSFER_CASE]->(x:TransferCase)
WHERE b.id IN $branchIds AND x.status = 'LETTER_ISSUED' RETURN x.data AS data`,
  talks: `MATCH (t:TalkRecord) WHERE t.branchId IN $branchIds AND t.at >= $fromTime AND t.at < $toTime
RETURN t.subjectId AS subjectId, t.branchId AS branchId, t.kind AS kind, t.at AS at`,
} as const;

export async function readBranchFacts(ex: Executor, branchIds: string[], from: number, to: number): Promise<BranchFacts> {
  const ids = [...new Set(branchIds)];
  if (ids.length === 0) return emptyBranchFacts();
  const Q = RULE_FACTS_Q;
  return ex.read(async (tx) => {
    const span = { branchIds: ids, fromTime: int(from), toTime: int(to) };
    const members = (await tx.rows(Q.members, { branchIds: ids })).map((x) => ({
      id: String(x.id),
      name: String(x.name),
      stage: String(x.stage) as MemberStage,
      branchId: String(x.branchId),
    }));
    const groupCounts = new Map((await tx.rows(Q.groups, { branchIds: ids })).map((x) => [String(x.branchId), num(x.n)] as const));
    const meetings = (await tx.rows(Q.meetings, span)).map((x) => ({
      id: String(x.id),
      branchId: String(x.branchId),
      kind: String(x.kind) as MeetingKind,
      title: String(x.title),
      at: num(x.at),
    }));
    const milestones = parseData<Milestone>(await tx.rows<{ data: unknown }>(Q.milestones, { branchIds: ids }));
    const duesStandards = parseData<DuesStandard>(await tx.rows<{ data: unknown }>(Q.standards, { branchIds: ids }));
    const duesPayments = parseData<DuesPayment>(await tx.rows<{ data: unknown }>(Q.payments, { branchIds: ids }));
    const openLetters = parseData<TransferCase>(await tx.rows<{ data: unknown }>(Q.letters, { branchIds: ids }));
    const talks = (await tx.rows(Q.talks, span)).map((x) => ({
      subjectId: String(x.subjectId),
      branchId: String(x.branchId),
      kind: String(x.kind),
      at: num(x.at),
    }));
    return { members, groupCounts, meetings, milestones, duesStandards, duesPayments, openLetters, talks };
  });
}
