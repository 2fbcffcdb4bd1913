/**
 * Party affairs on Kuzu. Each record is a node holding the fields queries filter on as columns and
 * the whole record as JSON in `data`; edges tie it to the member (HAS_MILESTONE, HAS_DUES_STANDARD,
 * PAID_DUES, HAS_TRANSFER_CASE) and readers to notices (READ_NOTICE {at}).
 */
import type { DuesPayment, DuesStandard, Milestone, Notice, NoticeAudience, NoticeRead, TransferCase, TransferCaseStatus } from '../affairs-model';
import type { TransferCasePatch } from '../affairs-store';
import type { WriteResult } from '../store';
import { applyTransferPatch, checkMilestoneWrite, checkPaymentWrite, sameRecord, sortMilestones } from '../affairs-checks';
import { idReused, notFound } from '../errors';
import { checkRecordUnchanged, isRetry, type RecordGuard, sameTransferCase } from '../write-checks';
import type { KuzuExecutor, Runner } from './executor';
import { requireIds } from './guards';
import { parseData } from '../rows';

const Q = {
  milestonesOf: `MATCH (m:Member)-[:HAS_MILESTONE]->(x:Milestone) WHERE m.id IN $ids RETURN m.id AS memberId, x.data AS data`,
  milestoneById: `MATCH (x:Milestone {id: $id}) RETURN x.data AS data`,
  recordVersionOf: `MATCH (x:MemberRecord {id: $id}) RETURN x.version AS version`,
  addMilestone: `MATCH (m:Member {id: $memberId}) CREATE (m)-[:HAS_MILESTONE]->(:Milestone {id: $id, memberId: $memberId, at: $at, data: $data})`,
  standardById: `MATCH (x:DuesStandard {id: $id}) RETURN x.data AS data`,
  createStandard: `MATCH (m:Member {id: $memberId})
    CREATE (m)-[:HAS_DUES_STANDARD]->(:DuesStandard {id: $id, memberId: $memberId, year: $year, data: $data})`,
  updateStandard: `MATCH (x:DuesStandard {id: $id}) SET x.data = $data`,
  standardsOf: `MATCH (x:DuesStandard) WHERE x.memberId IN $ids RETURN x.data AS data ORDER BY x.memberId, x.year`,
  paymentById: `MATCH (x:DuesPayment {id: $id}) RETURN x.data AS data`,
  paymentsOfMember: `MATCH (x:DuesPayment) WHERE x.memberId = $memberId RETURN x.data AS data`,
  addPayment: `MATCH (m:Member {id: $memberId})
    CREATE (m)-[:PAID_DUES]->(:DuesPayment {id: $id, memberId: $memberId, paidAt: $paidAt, data: $data})`,
  paymentsOf: `MATCH (x:DuesPayment) WHERE x.memberId IN $ids RETURN x.data AS data ORDER BY x.memberId, x.paidAt, x.id`,
  caseById: `MATCH (x:TransferCase) WHERE x.id IN $ids RETURN x.data AS data`,
  createCase: `MATCH (m:Member {id: $memberId})
    CREATE (m)-[:HAS_TRANSFER_CASE]->(:TransferCase {id: $id, memberId: $memberId, status: $status,
      fromBranchId: $fromBranchId, toBranchId: $toBranchId, createdAt: $createdAt, data: $data})`,
  updateCase: `MATCH (x:TransferCase {id: $id}) SET x.status = $status, x.toBranchId = $toBranchId, x.data = $data`,
  casesByBranch: `MATCH (x:TransferCase) WHERE x.fromBranchId IN $ids OR x.toBranchId IN $ids RETURN x.data AS data`,
  casesByMember: `MATCH (x:TransferCase) WHERE x.memberId IN $ids RETURN x.data AS data`,
  noticeById: `MATCH (x:Notice) WHERE x.id IN $ids RETURN x.data AS data`,
  createNotice: `CREATE (:Notice {id: $id, audience: $audience, audienceId: $audienceId, publishedAt: $publishedAt, data: $data})`,
  noticesFor: `MATCH (x:Notice) WHERE x.audienceId IN $ids RETURN x.data AS data ORDER BY x.publishedAt DESC, x.id`,
  readOf: `MATCH (m:Member {id: $memberId})-[r:READ_NOTICE]->(n:Notice {id: $noticeId}) RETURN r.at AS at`,
  markRead: `MATCH (m:Member {id: $memberId}), (n:Notice {id: $noticeId}) CREATE (m)-[:READ_NOTICE {at: $at}]->(n)`,
  readsOf: `MATCH (m:Member)-[r:READ_NOTICE]->(n:Notice) WHERE n.id IN $ids
    RETURN n.id AS noticeId, m.id AS memberId, r.at AS at ORDER BY n.id, r.at, m.id`,
} as const;

const inOrder = <T extends { id: string }>(ids: string[], xs: T[]) => {
  const by = new Map(xs.map((x) => [x.id, x]));
  return ids.map((id) => by.get(id)).filter((x): x is T => x !== undefined);
};

export class AffairsQueries {
  constructor(private readonly ex: KuzuExecutor) {}

  addMilestone(m: Milestone, expectLatest: string | null, record?: RecordGuard): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      const prior = parseData<Milestone>(await tx.run(Q.milestoneById, { id: m.id }))[0];
      await requireIds(tx, 'Member', [m.memberId]);
      const existing = parseData<Milestone>(await tx.run(Q.milestonesOf, { ids: [m.memberId] }));
      if (checkMilestoneWrite(m, prior, existing, expectLatest) === 'same') return { created: false };
      // Writes run one at a time here, so the record read now is the one this step is written beside.
      if (record) {
        const [row] = await tx.run(Q.recordVersionOf, { id: m.memberId });
        checkRecordUnchanged(m.memberId, row ? Number(row.version) : 0, record);
      }
      await tx.run(Q.addMilestone, { id: m.id, memberId: m.memberId, at: m.at, data: JSON.stringify(m) });
      return { created: true };
    });
  }

  async listMilestones(memberIds: string[]): Promise<Map<string, Milestone[]>> {
    const out = new Map<string, Milestone[]>(memberIds.map((id) => [id, []]));
    if (memberIds.length === 0) return out;
    for (const x of parseData<Milestone>(await this.ex.read(Q.milestonesOf, { ids: [...new Set(memberIds)] }))) out.get(x.memberId)?.push(x);
    for (const [k, v] of out) out.set(k, sortMilestones(v));
    return out;
  }

  async setDuesStandard(s: DuesStandard): Promise<void> {
    const id = `${s.memberId}:${s.year}`;
    await this.ex.write(async (tx) => {
      await requireIds(tx, 'Member', [s.memberId]);
      const params = { id, data: JSON.stringify(s) };
      if ((await tx.run(Q.standardById, { id })).length) await tx.run(Q.updateStandard, params);
      else await tx.run(Q.createStandard, { ...params, memberId: s.memberId, year: s.year });
    });
  }

  async listDuesStandards(memberIds: string[], year?: number): Promise<DuesStandard[]> {
    if (memberIds.length === 0) return [];
    const all = parseData<DuesStandard>(await this.ex.read(Q.standardsOf, { ids: [...new Set(memberIds)] }));
    return year === undefined ? all : all.filter((s) => s.year === year);
  }

  recordDuesPayment(p: DuesPayment): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      const prior = parseData<DuesPayment>(await tx.run(Q.paymentById, { id: p.id }))[0];
      if (
        isRetry(
          prior,
          (x) => sameRecord(x, p),
          () => idReused('Payment', p.id),
        )
      )
        return { created: false };
      await requireIds(tx, 'Member', [p.memberId]);
      checkPaymentWrite(p, parseData<DuesPayment>(await tx.run(Q.paymentsOfMember, { memberId: p.memberId })));
      await tx.run(Q.addPayment, { id: p.id, memberId: p.memberId, paidAt: p.paidAt, data: JSON.stringify(p) });
      return { created: true };
    });
  }

  async listDuesPayments(memberIds: string[]): Promise<DuesPayment[]> {
    if (memberIds.length === 0) return [];
    return parseData<DuesPayment>(await this.ex.read(Q.paymentsOf, { ids: [...new Set(memberIds)] }));
  }

  createTransferCase(c: TransferCase): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      const prior = parseData<TransferCase>(await tx.run(Q.caseById, { ids: [c.id] }))[0];
      if (
        isRetry(
          prior,
          (x) => sameTransferCase(x, c),
          () => idReused('Transfer', c.id),
        )
      )
        return { created: false };
      await requireIds(tx, 'Member', [c.memberId]);
      await requireIds(
        tx,
        'Branch',
        [c.fromBranchId, c.toBranchId].filter((x): x is string => x !== null),
      );
      await tx.run(Q.createCase, {
        id: c.id,
        memberId: c.memberId,
        status: c.status,
        fromBranchId: c.fromBranchId ?? '',
        toBranchId: c.toBranchId ?? '',
        createdAt: c.createdAt,
        data: JSON.stringify(c),
      });
      return { created: true };
    });
  }

  advanceTransferCase(id: string, expect: TransferCaseStatus, patch: TransferCasePatch): Promise<TransferCase> {
    return this.ex.write(async (tx) => {
      const cur = parseData<TransferCase>(await tx.run(Q.caseById, { ids: [id] }))[0];
      if (!cur) throw notFound('TransferCase', id);
      const next = applyTransferPatch(cur, expect, patch);
      if (patch.toBranchId) await requireIds(tx, 'Branch', [patch.toBranchId]);
      await tx.run(Q.updateCase, { id, status: next.status, toBranchId: next.toBranchId ?? '', data: JSON.stringify(next) });
      return next;
    });
  }

  async getTransferCasesByIds(ids: string[]): Promise<TransferCase[]> {
    if (ids.length === 0) return [];
    return inOrder(ids, parseData<TransferCase>(await this.ex.read(Q.caseById, { ids: [...new Set(ids)] })));
  }

  async listTransferCases(f: { branchIds?: string[]; memberIds?: string[]; statuses?: TransferCaseStatus[] }): Promise<TransferCase[]> {
    const found = new Map<string, TransferCase>();
    await this.ex.readMany(async (r: Runner) => {
      if (f.branchIds?.length) for (const c of parseData<TransferCase>(await r.run(Q.casesByBranch, { ids: f.branchIds }))) found.set(c.id, c);
      if (f.memberIds?.length) for (const c of parseData<TransferCase>(await r.run(Q.casesByMember, { ids: f.memberIds }))) found.set(c.id, c);
    });
    return [...found.values()].filter((c) => !f.statuses || f.statuses.includes(c.status)).sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
  }

  createNotice(n: Notice): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      const prior = parseData<Notice>(await tx.run(Q.noticeById, { ids: [n.id] }))[0];
      if (
        isRetry(
          prior,
          (x) => sameRecord(x, n),
          () => idReused('Notice', n.id),
        )
      )
        return { created: false };
      const label = n.audience === 'BRANCH' ? 'Branch' : n.audience === 'COMMITTEE' ? 'Committee' : 'University';
      await requireIds(tx, label, [n.audienceId]);
      if (n.subjectMemberId) await requireIds(tx, 'Member', [n.subjectMemberId]);
      await tx.run(Q.createNotice, { id: n.id, audience: n.audience, audienceId: n.audienceId, publishedAt: n.publishedAt, data: JSON.stringify(n) });
      return { created: true };
    });
  }

  async getNoticesByIds(ids: string[]): Promise<Notice[]> {
    if (ids.length === 0) return [];
    return inOrder(ids, parseData<Notice>(await this.ex.read(Q.noticeById, { ids: [...new Set(ids)] })));
  }

  async listNotices(audiences: { audience: NoticeAudience; id: string }[]): Promise<Notice[]> {
    if (audiences.length === 0) return [];
    const rows = parseData<Notice>(await this.ex.read(Q.noticesFor, { ids: [...new Set(audiences.map((a) => a.id))] }));
    return rows.filter((n) => audiences.some((a) => a.audience === n.audience && a.id === n.audienceId));
  }

  markNoticeRead(noticeId: string, memberId: string, at: number): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      await requireIds(tx, 'Notice', [noticeId]);
      await requireIds(tx, 'Member', [memberId]);
      if ((await tx.run(Q.readOf, { noticeId, memberId })).length) return { created: false };
      await tx.run(Q.markRead, { noticeId, memberId, at });
      return { created: true };
    });
  }

  async listNoticeReads(noticeIds: string[]): Promise<NoticeRead[]> {
    if (noticeIds.length === 0) return [];
    return (await this.ex.read(Q.readsOf, { ids: [...new Set(noticeIds)] })).map((r) => ({ noticeId: String(r.noticeId), memberId: String(r.memberId), at: Number(r.at) }));
  }
}
