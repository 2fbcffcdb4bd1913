/**
 * Party-affairs statements of the Neo4j adapter (catalogued in ./catalog.ts and linted like the rest).
 * Records keep their filter properties plus the whole record as JSON in `data`. Writes that check
 * before they write first lock the node they check (`SET n.affairsLock = ...`), so concurrent
 * transactions on one member or case run one after the other.
 */
export const AFFAIRS_Q = {
  lockMember: `MATCH (m:Member {id: $memberId}) SET m.affairsLock = coalesce(m.affairsLock, 0) + 1 RETURN m.id AS id`,
  milestoneById: `MATCH (x:Milestone {id: $id}) RETURN x.data AS data`,
  milestonesOf: `UNWIND $ids AS mid MATCH (:Member {id: mid})-[:HAS_MILESTONE]->(x:Milestone) RETURN mid AS memberId, x.data AS data`,
  addMilestone: `MATCH (m:Member {id: $memberId})
CREATE (m)-[:HAS_MILESTONE]->(:Milestone {id: $id, memberId: $memberId, at: $at, data: $data})`,
  setStandard: `MATCH (m:Member {id: $memberId})
MERGE (m)-[:HAS_DUES_STANDARD]->(x:DuesStandard {id: $id})
SET x.memberId = $memberId, x.year = $year, x.data = $data`,
  standardsOf: `UNWIND $ids AS mid MATCH (:Member {id: mid})-[:HAS_DUES_STANDARD]->(x:DuesStandard)
RETURN x.data AS data ORDER BY x.memberId, x.year`,
  paymentById: `MATCH (x:DuesPayment {id: $id}) RETURN x.data AS data`,
  paymentsOf: `UNWIND $ids AS mid MATCH (:Member {id: mid})-[:PAID_DUES]->(x:DuesPayment)
RETURN x.data AS data ORDER BY x.memberId, x.paidAt, x.id`,
  addPayment: `MATCH (m:Member {id: $memberId})
CREATE (m)-[:PAID_DUES]->(:DuesPayment {id: $id, memberId: $memberId, paidAt: $paidAt, data: $data})`,
  casesByIds: `UNWIND $ids AS x MATCH (c:TransferCase {id: x}) RETURN c.data AS data`,
  lockCase: `MATCH (c:TransferCase {id: $id}) SET c.affairsLock = coalesce(c.affairsLock, 0) + 1 RETURN c.data AS data`,
  createCase: `MATCH (m:Member {id: $memberId})
CREATE (m)-[:HAS_TRANSFER_CASE]->(:TransferCase {id: $id, memberId: $memberId, status: $status,
  fromBranchId: $fromBranchId, toBranchId: $toBranchId, createdAt: $createdAt, data: $data})`,
  updateCase: `MATCH (c:TransferCase {id: $id}) SET c.status = $status, c.toBranchId = $toBranchId, c.data = $data`,
  casesFor: `MATCH (c:TransferCase) WHERE c.fromBranchId IN $branchIds OR c.toBranchId IN $branchIds OR c.memberId IN $memberIds
RETURN c.data AS data`,
  noticesByIds: `UNWIND $ids AS x MATCH (n:Notice {id: x}) RETURN n.data AS data`,
  createNotice: `CREATE (:Notice {id: $id, audience: $audience, audienceId: $audienceId, publishedAt: $publishedAt, data: $data})`,
  noticesFor: `MATCH (n:Notice) WHERE n.audienceId IN $audienceIds RETURN n.data AS data ORDER BY n.publishedAt DESC, n.id`,
  markRead: `MATCH (m:Member {id: $memberId})
MATCH (n:Notice {id: $noticeId})
MERGE (m)-[r:READ_NOTICE]->(n) ON CREATE SET r.at = $at`,
  readsOf: `UNWIND $ids AS x MATCH (m:Member)-[r:READ_NOTICE]->(n:Notice {id: x})
RETURN n.id AS noticeId, m.id AS memberId, r.at AS at ORDER BY noticeId, at, memberId`,
} as const;
