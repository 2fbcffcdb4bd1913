/** Party affairs: pipeline, dues, transfers (with portable learning profiles) and notices. Thin: services do the work. */
import { renderStoredText } from './reasons';
import { defaultAffairsDeps, rulesOf, type AffairsDeps } from '../affairs/affairs-deps';
import { branchDues, memberDues, recordDuesPayment, setDuesStandard } from '../affairs/dues-service';
import { markNoticeRead, myNotices, noticeStats, publishNotice } from '../affairs/notice-service';
import { branchPipeline, readPipeline, recordPipelineStep } from '../affairs/pipeline-service';
import { exportLearningProfile, importLearningProfile } from '../affairs/profile-service';
import { discardImportedProfile, importedProfiles, keepImportedProfile, memberTransfers, withdrawProfileConsent } from '../affairs/profile-records';
import { AFFAIRS_RULES } from '../affairs/rule-source';
import {
  approveTransfer,
  branchTransfers,
  bulkStartTransfers,
  cancelTransfer,
  confirmTransfer,
  consentToProfileExport,
  getTransferCase,
  isReceiptOverdue,
  issueLetter,
  startTransfer,
} from '../affairs/transfer-service';
import type { Session } from '../auth/session';
import { maskMemberFor } from '../members/mask';
import type { ApiContext } from './context';
import type { Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';

const fallback = defaultAffairsDeps();
const affairs = (ctx: ApiContext): AffairsDeps => ctx.deps.affairs ?? fallback;
const masked = (s: Session, m: Parameters<typeof maskMemberFor>[1]) => maskMemberFor(s.viewer.memberId, m);
const branchOf = async (ctx: ApiContext, id: string | null) => (id ? ctx.loaders.branch.load(id) : null);

const resolvers: Resolvers = {
  Query: {
    importedProfiles: async (_, { memberId }, ctx) => importedProfiles(await ctx.session(), memberId),
    memberTransfers: async (_, { memberId }, ctx) => memberTransfers(await ctx.session(), memberId),
    pipeline: async (_, { memberId, asOf }, ctx) => {
      const s = await ctx.session();
      return readPipeline(s, affairs(ctx), memberId, asOf ?? s.now());
    },
    branchPipeline: async (_, { branchId, asOf }, ctx) => {
      const s = await ctx.session();
      return branchPipeline(s, affairs(ctx), branchId, asOf ?? s.now());
    },
    memberDues: async (_, { memberId, asOf }, ctx) => {
      const s = await ctx.session();
      return memberDues(s, affairs(ctx), memberId, asOf ?? s.now());
    },
    branchDues: async (_, { branchId, year, asOf }, ctx) => {
      const s = await ctx.session();
      return branchDues(s, affairs(ctx), branchId, year, asOf ?? s.now());
    },
    transfer: async (_, { id }, ctx) => getTransferCase(await ctx.session(), id),
    branchTransfers: async (_, { branchId }, ctx) => branchTransfers(await ctx.session(), branchId),
    myNotices: async (_, __, ctx) => myNotices(await ctx.session()),
    noticeStats: async (_, { id }, ctx) => noticeStats(await ctx.session(), id),
    affairsRules: async (_, { asOf }, ctx) => {
      const s = await ctx.session();
      const src = rulesOf(affairs(ctx), s);
      const at = asOf ?? s.now();
      const rules = await Promise.all([...new Set(AFFAIRS_RULES.map((r) => r.id))].map((id) => src.ruleInForce(id, at)));
      return rules.filter((r) => r !== null);
    },
  },
  Mutation: {
    recordPipelineStep: async (_, { input }, ctx) => recordPipelineStep(await ctx.session(), affairs(ctx), input),
    setDuesStandard: async (_, { input }, ctx) => setDuesStandard(await ctx.session(), affairs(ctx), input),
    recordDuesPayment: async (_, { input }, ctx) => recordDuesPayment(await ctx.session(), input),
    startTransfer: async (_, { input }, ctx) => startTransfer(await ctx.session(), input),
    approveTransfer: async (_, { id, note }, ctx) => approveTransfer(await ctx.session(), id, note ?? null),
    issueTransferLetter: async (_, { input }, ctx) => issueLetter(await ctx.session(), affairs(ctx), input),
    confirmTransfer: async (_, { id, note }, ctx) => confirmTransfer(await ctx.session(), id, note ?? null),
    cancelTransfer: async (_, { id, note }, ctx) => cancelTransfer(await ctx.session(), id, note),
    consentToProfileExport: async (_, { transferId }, ctx) => consentToProfileExport(await ctx.session(), transferId),
    exportLearningProfile: async (_, { transferId }, ctx) => exportLearningProfile(await ctx.session(), affairs(ctx), transferId),
    importLearningProfile: async (_, { token }, ctx) => importLearningProfile(await ctx.session(), affairs(ctx), token),
    withdrawProfileConsent: async (_, { transferId }, ctx) => withdrawProfileConsent(await ctx.session(), transferId),
    keepImportedProfile: async (_, { token, memberId }, ctx) => keepImportedProfile(await ctx.session(), affairs(ctx), token, memberId),
    discardImportedProfile: async (_, { memberId, id }, ctx) => discardImportedProfile(await ctx.session(), memberId, id),
    bulkStartTransfers: async (_, { input }, ctx) => bulkStartTransfers(await ctx.session(), input),
    publishNotice: async (_, { input }, ctx) => publishNotice(await ctx.session(), affairs(ctx), input),
    markNoticeRead: async (_, { id }, ctx) => markNoticeRead(await ctx.session(), id),
  },
  PipelineView: {
    member: async (v, _, ctx) => masked(await ctx.session(), v.member),
  },
  Milestone: {
    meetingId: (m) => m.evidence.meetingId,
    documentRef: (m) => m.evidence.documentRef,
    people: (m) => m.evidence.people,
    trainingDays: (m) => m.evidence.trainingDays,
    trainingHours: (m) => m.evidence.trainingHours,
    note: (m) => m.evidence.note,
  },
  AffairsObligation: {
    evidenceIds: (o) => o.evidence.map((e) => e.id),
  },
  AffairsRule: {
    title: (r) => r.title.zh,
    titleEn: (r) => r.title.en,
    params: (r) => JSON.stringify(r.params),
    effectiveTo: (r) => r.effectiveTo ?? null,
  },
  MemberDues: {
    member: async (d, _, ctx) => masked(await ctx.session(), d.member),
  },
  BranchDuesPrompt: {
    member: async (p, _, ctx) => masked(await ctx.session(), p.member),
  },
  TransferStep: {
    // Steps the server writes hold a reason code (rendered in the request's language); a note a person typed reads as written.
    note: (st, _, ctx) => (st.note == null ? null : renderStoredText(ctx, st.note)),
  },
  TransferCase: {
    memberName: async (c, _, ctx) => (await ctx.loaders.member.load(c.memberId))?.name ?? '',
    fromBranch: (c, _, ctx) => branchOf(ctx, c.fromBranchId),
    toBranch: (c, _, ctx) => branchOf(ctx, c.toBranchId),
    receiptOverdue: async (c, _, ctx) => isReceiptOverdue(c, (await ctx.session()).now()),
  },
  LearningProfileExport: { profile: (e) => e.content },
  LearningProfileImport: { profile: (e) => e.content },
  ImportedLearningProfile: {
    id: (p) => p.stored.id,
    memberId: (p) => p.stored.memberId,
    issuer: (p) => p.issuer,
    importedAt: (p) => p.stored.importedAt,
    profile: (p) => p.content,
  },
  LearningProfile: {
    memberId: (p) => p.member.id,
    name: (p) => p.member.name,
    stage: (p) => p.member.stage as never,
    consentAt: (p) => p.consent.at,
    transferId: (p) => p.consent.transferId,
  },
  NoticeForViewer: {
    read: (n) => n.readAt !== null,
  },
  NoticeStats: {
    unread: async (st, _, ctx) => {
      const s = await ctx.session();
      return st.unread.map((m) => masked(s, m));
    },
  },
};

export const affairsModule: ApiModule = { name: 'affairs', typeDefs: readSdl('affairs.graphql', import.meta.url), resolvers };
