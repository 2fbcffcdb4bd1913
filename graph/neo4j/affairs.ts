/** Party affairs on Neo4j: the same records and checks as graph/kuzu/affairs.ts (see graph/affairs-checks). */
import { idReused, notFound } from '../errors';
import { checkRecordUnchanged, isRetry, type RecordGuard, sameTransferCase } from '../write-checks';
import type { DuesPayment, DuesStandard, Milestone, Notice, NoticeAudience, NoticeRead, TransferCase, TransferCaseStatus } from '../affairs-model';
import { applyTransferPatch, checkMilestoneWrite, checkPaymentWrite, sameRecord, sortMilestones } from '../affairs-checks';
import type { TransferCasePatch } from '../affairs-store';
import type { WriteResult } from '../store';
import { AFFAIRS_Q as Q } from './affairs-queries';
import { RECORDS_Q } from './records-queries';
import type { Executor, Tx } from './executor';
import { requireIds } from './guards';
import { int, num } from './mapping';
import { parseData } from '../rows';

const inOrder = <T extends { id: string }>(ids: string[], xs: T[]) => {
  const by = new Map(xs.map((x) => [x.id, x]));
  return ids.map((id) => by.get(id)).filter((x): x is T => x !== undefined);
};

async function lockMember(tx: Tx, memberId: string): Promise<void> {
  if ((await tx.rows(Q.lockMember, { memberId })).length === 0) throw notFound('Member', memberId);
}

export class AffairsOps {
  constructor(private readonly ex: Executor) {}

  addMilestone(m: Milestone, expectLatest: string | null, record?: RecordGuard): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      // The member's lock is also taken by saveMemberRecord, so the record read below cannot change before commit.
      await lockMember(tx, m.memberId);
      const prior = parseData<Milestone>(await tx.rows(Q.milestoneById, { id: m.id }))[0];
      const existing = parseData<Milestone>(await tx.rows(Q.milestonesOf, { ids: [m.memberId] }));
      if (checkMilestoneWrite(m, prior, existing, expectLatest) === 'same') return { created: false };
      if (record) {
        const [row] = await tx.rows<{ version: unknown }>(RECORDS_Q.versionOf, { id: m.memberId });
        checkRecordUnchanged(m.memberId, row ? num(row.version) : 0, record);
      }
      await tx.write(Q.addMilestone, { id: m.id, memberId: m.memberId, at: int(m.at), data: JSON.stringify(m) });
      return { created: true };
    });
  }

  async listMilestones(memberIds: string[]): Promise<Map<string, Milestone[]>> {
    const out = new Map<string, Milestone[]>(memberIds.map((id) => [id, []]));
    if (memberIds.length === 0) return out;
    const rows = await this.ex.read((tx) => tx.rows<{ data: unknown }>(Q.milestonesOf, { ids: [...new Set(memberIds)] }));
    for (const x of parseData<Milestone>(rows)) out.get(x.memberId)?.push(x);
    for (const [k, v] of out) out.set(k, sortMilestones(v));
    return out;
  }

  async setDuesStandard(s: DuesStandard): Promise<void> {
    await this.ex.write(async (tx) => {
      await lockMember(tx, s.memberId);
      await tx.write(Q.setStandard, { id: `${s.memberId}:${s.year}`, memberId: s.memberId, year: int(s.year), data: JSON.stringify(s) });
    });
  }

  async listDuesStandards(memberIds: string[], year?: number): Promise<DuesStandard[]> {
    if (memberIds.length === 0) return [];
    const all = parseData<DuesStandard>(await this.ex.read((tx) => tx.rows<{ data: unknown }>(Q.standardsOf, { ids: [...new Set(memberIds)] })));
    return year === undefined ? all : all.filter((s) => s.year === year);
  }

  recordDuesPayment(p: DuesPayment): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      const prior = parseData<DuesPayment>(await tx.rows(Q.paymentById, { id: p.id }))[0];
      if (
        isRetry(
          prior,
          (x) => sameRecord(x, p),
          () => idReused('Payment', p.id),
        )
      )
        return { created: false };
      await lockMember(tx, p.memberId);
      checkPaymentWrite(p, parseData<DuesPayment>(await tx.rows(Q.paymentsOf, { ids: [p.memberId] })));
      await tx.write(Q.addPayment, { id: p.id, memberId: p.memberId, paidAt: int(p.paidAt), data: JSON.stringify(p) });
      return { created: true };
    });
  }

  async listDuesPayments(memberIds: string[]): Promise<DuesPayment[]> {
    if (memberIds.length === 0) return [];
    return parseData<DuesPayment>(await this.ex.read((tx) => tx.rows<{ data: unknown }>(Q.paymentsOf, { ids: [...new Set(memberIds)] })));
  }

  createTransferCase(c: TransferCase): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      const prior = parseData<TransferCase>(await tx.rows(Q.casesByIds, { ids: [c.id] }))[0];
      if (
        isRetry(
          prior,
          (x) => sameTransferCase(x, c),
          () => idReused('Transfer', c.id),
        )
      )
        return { created: false };
      await lockMember(tx, c.memberId);
      await requireIds(
        tx,
        'Branch',
        [c.fromBranchId, c.toBranchId].filter((x): x is string => x !== null),
      );
      await tx.write(Q.createCase, {
        id: c.id,
        memberId: c.memberId,
        status: c.status,
        fromBranchId: c.fromBranchId ?? '',
        toBranchId: c.toBranchId ?? '',
        createdAt: int(c.createdAt),
        data: JSON.stringify(c),
      });
      return { created: true };
    });
  }

  advanceTransferCase(id: string, expect: TransferCaseStatus, patch: TransferCasePatch): Promise<TransferCase> {
    return this.ex.write(async (tx) => {
      const cur = parseData<TransferCase>(await tx.rows(Q.lockCase, { id }))[0];
      if (!cur) throw notFound('TransferCase', id);
      const next = applyTransferPatch(cur, expect, patch);
      if (patch.toBranchId) await requireIds(tx, 'Branch', [patch.toBranchId]);
      await tx.write(Q.updateCase, { id, status: next.status, toBranchId: next.toBranchId ?? '', data: JSON.stringify(next) });
      return next;
    });
  }

  async getTransferCasesByIds(ids: string[]): Promise<TransferCase[]> {
    if (ids.length === 0) return [];
    return inOrder(ids, parseData<TransferCase>(await this.ex.read((tx) => tx.rows<{ data: unknown }>(Q.casesByIds, { ids: [...new Set(ids)] }))));
  }

  async listTransferCases(f: { branchIds?: string[]; memberIds?: string[]; statuses?: TransferCaseStatus[] }): Promise<TransferCase[]> {
    if (!f.branchIds?.length && !f.memberIds?.length) return [];
    const rows = await this.ex.read((tx) => tx.rows<{ data: unknown }>(Q.casesFor, { branchIds: f.branchIds ?? [], memberIds: f.memberIds ?? [] }));
    return parseData<TransferCase>(rows)
      .filter((c) => !f.statuses || f.statuses.includes(c.status))
      .sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
  }

  createNotice(n: Notice): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      const prior = parseData<Notice>(await tx.rows(Q.noticesByIds, { ids: [n.id] }))[0];
      if (
        isRetry(
          prior,
          (x) => sameRecord(x, n),
          () => idReused('Notice', n.id),
        )
      )
        return { created: false };
      await requireIds(tx, n.audience === 'BRANCH' ? 'Branch' : n.audience === 'COMMITTEE' ? 'Committee' : 'University', [n.audienceId]);
      if (n.subjectMemberId) await requireIds(tx, 'Member', [n.subjectMemberId]);
      await tx.write(Q.createNotice, { id: n.id, audience: n.audience, audienceId: n.audienceId, publishedAt: int(n.publishedAt), data: JSON.stringify(n) });
      return { created: true };
    });
  }

  async getNoticesByIds(ids: string[]): Promise<Notice[]> {
    if (ids.length === 0) return [];
    return inOrder(ids, parseData<Notice>(await this.ex.read((tx) => tx.rows<{ data: unknown }>(Q.noticesByIds, { ids: [...new Set(ids)] }))));
  }

  async listNotices(audiences: { audience: NoticeAudience; id: string }[]): Promise<Notice[]> {
    if (audiences.length === 0) return [];
    const rows = await this.ex.read((tx) => tx.rows<{ data: unknown }>(Q.noticesFor, { audienceIds: [...new Set(audiences.map((a) => a.id))] }));
    return parseData<Notice>(rows).filter((n) => audiences.some((a) => a.audience === n.audience && a.id === n.audienceId));
  }

  markNoticeRead(noticeId: string, memberId: string, at: number): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      await requireIds(tx, 'Notice', [noticeId]);
      await requireIds(tx, 'Member', [memberId]);
      const { relationshipsCreated } = await tx.write(Q.markRead, { noticeId, memberId, at: int(at) });
      return { created: relationshipsCreated > 0 };
    });
  }

  async listNoticeReads(noticeIds: string[]): Promise<NoticeRead[]> {
    if (noticeIds.length === 0) return [];
    const rows = await this.ex.read((tx) => tx.rows(Q.readsOf, { ids: [...new Set(noticeIds)] }));
    return rows.map((r) => ({ noticeId: String(r.noticeId), memberId: String(r.memberId), at: num(r.at) }));
  }
}
