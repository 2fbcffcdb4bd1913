/**
 * Learner-facing intelligence: recommendations, gaps, mastery, study plans, practice questions and
 * branch gap reports. Thin resolvers: check scope (server/auth/scope.ts), note the read in the audit
 * log, call the learner services (server/learning/learner-services.ts).
 */
import DataLoader from 'dataloader';
import type { Member, Topic } from '../../graph';
import { requirementOf } from '../learning/requirements';
import { assertCanManageMember, assertCanReadBranch, assertCanReadMember } from '../auth/scope';
import type { Session } from '../auth/session';
import { notFound, unavailable } from '../errors';
import type { LearnerServices } from '../learning/learner-services';
import { getMember, listMembers, loadMemberRaw } from '../members/member-service';
import { maskMemberFor } from '../members/mask';
import { getBranch } from '../org/org-service';
import { requireInt } from '../validate';
import { COMPLETED } from '../learning/progress';
import type { ApiContext } from './context';
import type { Resolvers } from './generated/resolvers-types';
import type { LearningGapModel } from './learning-mappers';
import { type ApiModule, readSdl } from './module';
import { requestLocale } from '../i18n/locale';
import { PATH_EDGE_LABELS } from '../i18n/reason-messages';
import { renderStoredList, renderStoredText, storedReasonModels } from './reasons';

function learner(ctx: ApiContext): LearnerServices {
  const l = ctx.deps.learning?.learner;
  if (!l) throw unavailable('Learning services are not running on this server');
  return l;
}

/** The member, if the viewer may read their learning data (noted in the audit log). */
async function readableMember(s: Session, id: string): Promise<Member> {
  const m = await loadMemberRaw(s, id);
  assertCanReadMember(s.viewer, m);
  s.audit.note('READ_LEARNING', 'Member', m.id);
  return m;
}

async function topicById(ctx: ApiContext, id: string): Promise<Topic> {
  const t = (await learner(ctx).curriculum.get()).topics.get(id);
  if (!t) throw notFound('Topic', id);
  return t;
}

async function courseById(ctx: ApiContext, id: string) {
  return (await ctx.loaders.course.load(id)) ?? Promise.reject(notFound('Course', id));
}

const gapLoaders = new WeakMap<ApiContext, DataLoader<Member, LearningGapModel[], string>>();

/** Member.gaps for a whole page in one batch (gaps computed on first read for members who have none). */
function gapLoader(ctx: ApiContext, s: Session): DataLoader<Member, LearningGapModel[], string> {
  let l = gapLoaders.get(ctx);
  if (!l) {
    l = new DataLoader(async (members: readonly Member[]) => {
      const { gaps } = await learner(ctx).gapsForMembers([...members], s.now());
      return members.map((m) => gaps.get(m.id) ?? []);
    }, { cacheKeyFn: (m) => m.id });
    gapLoaders.set(ctx, l);
  }
  return l;
}

const resolvers: Resolvers = {
  Query: {
    recommendations: async (_, { memberId, first }, ctx) => {
      const s = await ctx.session();
      const n = requireInt('first', first ?? 5, 1, 50);
      return learner(ctx).recommend(await readableMember(s, memberId), n, s.now());
    },
    gaps: async (_, { memberId }, ctx) => {
      const s = await ctx.session();
      const l = learner(ctx);
      const m = await readableMember(s, memberId);
      const snap = await l.snapshot(m, s.now());
      return (await l.gapsOf(m, s.now(), snap)).map((g) => ({ ...g, mastery: snap.masteryOf(g.topicId) }));
    },
    mastery: async (_, { memberId }, ctx) => {
      const s = await ctx.session();
      return learner(ctx).masteryProfile(await readableMember(s, memberId), s.now());
    },
    studyPlan: async (_, { memberId }, ctx) => {
      const s = await ctx.session();
      return learner(ctx).planOf(await readableMember(s, memberId), s.now());
    },
    practiceQuestions: async (_, { memberId, first }, ctx) => {
      const s = await ctx.session();
      const n = requireInt('first', first ?? 5, 1, 20);
      return learner(ctx).practice(await readableMember(s, memberId), n, s.now());
    },
    branchGaps: async (_, { branchId }, ctx) => {
      const s = await ctx.session();
      const l = learner(ctx);
      await getBranch(s, branchId);
      assertCanReadBranch(s.viewer, branchId);
      const members: Member[] = [];
      for (let after: string | null = null; ;) {
        const page = await listMembers(s, { branchIds: [branchId] }, 100, after);
        members.push(...page.items);
        if (!page.hasNextPage) break;
        after = page.endCursor;
      }
      for (const m of members) s.audit.note('READ_LEARNING', 'Member', m.id);
      return l.branchReport(branchId, members, s.now());
    },
  },
  Mutation: {
    generateStudyPlan: async (_, { memberId, minutesPerWeek, weeks }, ctx) => {
      const s = await ctx.session();
      const l = learner(ctx);
      requireInt('minutesPerWeek', minutesPerWeek, 15, 1200);
      requireInt('weeks', weeks, 1, 52);
      const m = await loadMemberRaw(s, memberId);
      if (m.id !== s.viewer.memberId) assertCanManageMember(s.viewer, m);
      s.audit.note('READ_LEARNING', 'Member', m.id);
      return l.generatePlan(m, minutesPerWeek, weeks, s.now());
    },
  },
  Member: {
    gaps: async (m, _, ctx) => {
      const s = await ctx.session();
      assertCanReadMember(s.viewer, m);
      s.audit.note('READ_LEARNING', 'Member', m.id);
      return gapLoader(ctx, s).load(m);
    },
  },
  Recommendation: {
    course: (r) => r.course,
    explanation: (r, _, ctx) => renderStoredText(ctx, r.explanation),
    explanationDetails: (r, _, ctx) => storedReasonModels(ctx, r.explanation),
    topics: (r, _, ctx) => Promise.all(r.topicIds.map((id) => topicById(ctx, id))),
  },
  PathEdge: {
    label: (e, _, ctx) => PATH_EDGE_LABELS[requestLocale(ctx)][e.kind],
  },
  LearningGap: {
    topic: (g, _, ctx) => topicById(ctx, g.topicId),
    reasons: (g, _, ctx) => renderStoredList(ctx, g.reasons),
    reasonDetails: (g, _, ctx) => storedReasonModels(ctx, g.reasons),
  },
  MasteryProfile: {
    member: async (p, _, ctx) => maskMemberFor((await ctx.session()).viewer.memberId, p.member),
    modelId: (_, __, ctx) => learner(ctx).model.id,
    areas: (p) => {
      const req = new Map(requirementOf(p.member.stage).areas.map((a) => [a.area, a]));
      return [...p.view.leavesByArea.keys()].sort().map((area) => ({
        area, mastery: p.masteryOf(area), target: req.get(area as never)?.target ?? null, requirement: req.get(area as never)?.reason ?? null,
      }));
    },
    topics: (p) => {
      const req = new Map(requirementOf(p.member.stage).topics.map((t) => [t.topicId, t.target]));
      const open = new Set(p.assessment.notAssessed.map((n) => n.topicId));
      return p.view.leaves.map((t) => {
        const evidence = p.evidence.get(t.id) ?? [];
        return {
          topicId: t.id, mastery: p.masteryOf(t.id), target: req.get(t.id) ?? null, updatedAt: p.rows.get(t.id)?.updatedAt ?? null,
          assessed: evidence.length > 0 && !open.has(t.id), evidence,
        };
      });
    },
    notAssessed: (p) => p.assessment.notAssessed,
  },
  AreaMastery: {
    area: (a) => a.area as never,
    topic: (a, _, ctx) => topicById(ctx, a.area),
  },
  TopicMastery: {
    topic: (t, _, ctx) => topicById(ctx, t.topicId),
  },
  NotAssessedTopic: {
    topic: (t, _, ctx) => topicById(ctx, t.topicId),
    reasons: (t, _, ctx) => renderStoredList(ctx, t.reasons),
    reasonDetails: (t, _, ctx) => storedReasonModels(ctx, t.reasons),
  },
  MasteryEvidence: {
    eventId: (e) => e.eventId,
  },
  StudyPlan: {
    id: (p) => p.plan.id,
    member: async (p, _, ctx) => getMember(await ctx.session(), p.plan.memberId),
    createdAt: (p) => p.plan.createdAt,
    startsAt: (p) => p.plan.startsAt,
    minutesPerWeek: (p) => p.plan.minutesPerWeek,
    weeks: (p) => p.plan.weeks,
    items: (p) => p.plan.items.map((i, k) => ({ ...i, progress: p.progress[k] ?? 0 })),
    progress: (p) => (p.plan.items.length ? p.progress.filter((x) => x >= COMPLETED).length / p.plan.items.length : 0),
  },
  StudyPlanItem: {
    course: (i, _, ctx) => courseById(ctx, i.courseId),
    topics: (i, _, ctx) => Promise.all(i.topicIds.map((id) => topicById(ctx, id))),
    completed: (i) => i.progress >= COMPLETED,
    reason: (i, _, ctx) => renderStoredText(ctx, i.reason),
    reasonDetails: (i, _, ctx) => storedReasonModels(ctx, i.reason),
  },
  PracticeQuestion: {
    topic: (q, _, ctx) => topicById(ctx, q.topicId),
    reason: (q, _, ctx) => renderStoredText(ctx, q.reason),
    reasonDetails: (q, _, ctx) => storedReasonModels(ctx, q.reason),
  },
  BranchGaps: {
    branch: async (r, _, ctx) => getBranch(await ctx.session(), r.branchId),
    areas: (r) => r.areas,
  },
  BranchGapRow: {
    member: async (r, _, ctx) => maskMemberFor((await ctx.session()).viewer.memberId, r.member),
  },
  LectureSuggestion: {
    topic: (l, _, ctx) => topicById(ctx, l.topicId),
    reason: (l, _, ctx) => renderStoredText(ctx, l.reason),
    reasonDetails: (l, _, ctx) => storedReasonModels(ctx, l.reason),
  },
};

export const learningModule: ApiModule = { name: 'learning', typeDefs: readSdl('learning.graphql', import.meta.url), resolvers };
