/**
 * Learner-facing intelligence: recommendations, gaps, mastery, study plans, practice questions and
 * branch gap reports. Thin resolvers: read arguments and call the learning service
 * (server/learning/learning-service.ts), which checks scope, notes reads in the audit log and calls
 * the learner services.
 */
import DataLoader from 'dataloader';
import type { Member, Topic } from '../../graph';
import type { Session } from '../auth/session';
import { notFound, unavailable } from '../errors';
import type { LearnerServices } from '../learning/learner-services';
import { assertLearningReadable, branchGapsFor, gapsFor, generatePlanFor, masteryFor, practiceFor, recommendationsFor, studyPlanFor } from '../learning/learning-service';
import { getMember } from '../members/member-service';
import { maskMemberFor } from '../members/mask';
import { getBranch } from '../org/org-service';
import { integrityText } from '../learning/integrity/integrity-text';
import { isCompleted } from '../learning/progress';
import type { ApiContext } from './context';
import type { Resolvers } from './generated/resolvers-types';
import type { LearningGapModel } from './learning-mappers';
import { type ApiModule, readSdl } from './module';
import { requestLocale } from '../i18n/locale';
import { PATH_EDGE_LABELS } from '../i18n/reason-messages';
import { requirementNoteText } from '../i18n/requirement-notes';
import { renderStoredList, renderStoredText, storedReasonModels } from './reasons';

function learner(ctx: ApiContext): LearnerServices {
  const l = ctx.deps.learning?.learner;
  if (!l) throw unavailable('Learning services are not running on this server');
  return l;
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
    l = new DataLoader(
      async (members: readonly Member[]) => {
        const { gaps } = await learner(ctx).gapsForMembers([...members], s.now());
        return members.map((m) => gaps.get(m.id) ?? []);
      },
      { cacheKeyFn: (m) => m.id },
    );
    gapLoaders.set(ctx, l);
  }
  return l;
}

const resolvers: Resolvers = {
  Query: {
    recommendations: async (_, { memberId, first }, ctx) => {
      const session = ctx.session();
      // The member's learner reads start as soon as the credentials verify, beside the viewer's own rows;
      // recommendationsFor uses them only after its scope check.
      const l = ctx.deps.learning?.learner;
      const started = l ? ctx.whenVerified(() => l.startReads(memberId)) : undefined;
      return recommendationsFor(await session, learner(ctx), memberId, first ?? 5, started);
    },
    gaps: async (_, { memberId }, ctx) => gapsFor(await ctx.session(), learner(ctx), memberId),
    mastery: async (_, { memberId }, ctx) => masteryFor(await ctx.session(), learner(ctx), memberId),
    studyPlan: async (_, { memberId }, ctx) => studyPlanFor(await ctx.session(), learner(ctx), memberId),
    practiceQuestions: async (_, { memberId, first }, ctx) => practiceFor(await ctx.session(), learner(ctx), memberId, first ?? 5),
    branchGaps: async (_, { branchId }, ctx) => branchGapsFor(await ctx.session(), learner(ctx), branchId),
  },
  Mutation: {
    generateStudyPlan: async (_, { memberId, minutesPerWeek, weeks }, ctx) => generatePlanFor(await ctx.session(), learner(ctx), memberId, minutesPerWeek, weeks),
  },
  Member: {
    gaps: async (m, _, ctx) => {
      const s = await ctx.session();
      assertLearningReadable(s, m);
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
    areas: (p) => p.areas,
    topics: (p) => p.topics,
    notAssessed: (p) => p.notAssessed,
    discounted: (p) => p.discounted,
  },
  AreaMastery: {
    area: (a) => a.area as never,
    topic: (a, _, ctx) => topicById(ctx, a.area),
    // The catalogue's note in the request's language; an administrator's own note as written.
    requirement: (a, _, ctx) => (a.requirement?.note ? (requirementNoteText(a.requirement.note, requestLocale(ctx)) ?? null) : (a.requirement?.noteText ?? null)),
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
    reasons: (e) => e.findings ?? [],
  },
  DiscountedEvidence: {
    reasons: (e) => e.findings,
  },
  EvidenceDiscount: {
    text: (f, _, ctx) => integrityText(f, requestLocale(ctx)),
  },
  StudyPlan: {
    id: (p) => p.plan.id,
    member: async (p, _, ctx) => getMember(await ctx.session(), p.plan.memberId),
    createdAt: (p) => p.plan.createdAt,
    startsAt: (p) => p.plan.startsAt,
    minutesPerWeek: (p) => p.plan.minutesPerWeek,
    weeks: (p) => p.plan.weeks,
    items: (p) => p.plan.items.map((i, k) => ({ ...i, progress: p.progress[k] ?? 0 })),
    progress: (p) => (p.plan.items.length ? p.progress.filter(isCompleted).length / p.plan.items.length : 0),
  },
  StudyPlanItem: {
    course: (i, _, ctx) => courseById(ctx, i.courseId),
    topics: (i, _, ctx) => Promise.all(i.topicIds.map((id) => topicById(ctx, id))),
    completed: (i) => isCompleted(i.progress),
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
    evidenceCount: (r) => r.integrity?.events ?? 0,
    discountedShare: (r) => r.integrity?.discountedShare ?? 0,
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
